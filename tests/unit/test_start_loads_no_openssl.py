"""The tray app's start-up path must not load OpenSSL: `_hashlib` or `_ssl` maps libcrypto
(about 3.3 MB of idle memory) for nothing until the first call or sync talks to OVHcloud."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def test_start_up_modules_and_the_instance_socket_name_load_no_openssl():
    code = textwrap.dedent("""
        import json, sys
        import easyclick2call.commands.gui
        import easyclick2call.ui.app
        import easyclick2call.ui.popup
        from easyclick2call.core.numbers import warm_up
        from easyclick2call.platform.single_instance import socket_name
        warm_up("FR")
        name = socket_name("/home/someone/.config/EasyClick2Call")
        print(json.dumps([name, [m for m in ("_hashlib", "_ssl", "hashlib", "ssl")
                                 if m in sys.modules]]))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    name, loaded = json.loads(out)
    assert "easyclick2call-" in name
    assert loaded == []
