"""A tel: link opened by the desktop reaches the running app: Settings registers the handler
(a .desktop file + xdg-mime, for real), xdg-open — what browsers and mail clients call — starts
our command with the link, and that launch hands it to the running app, which offers the call."""

from __future__ import annotations

import os
import subprocess
import sys

from easyclick2call.platform import url_handler
from tests.e2e.support.actions import press_key, wait_for_calls, wait_for_window


def test_tel_link_opened_by_the_desktop_becomes_a_call(app, xdg_dirs):
    # What Settings → "Open tel: and callto: links" does, with this test app's own profile.
    url_handler.register([sys.executable, "-m", "easyclick2call", "--profile", str(app.profile)])
    assert url_handler.is_registered()

    opener = subprocess.run(["xdg-open", "tel:+33-1-99-00-12-34"], capture_output=True,
                            text=True, timeout=60, env=dict(os.environ), check=False)
    assert opener.returncode == 0, opener.stderr
    popup = wait_for_window("Call +33199001234?", pid=app.pid, timeout=30)
    press_key(popup, "Return")
    assert wait_for_calls(app.port, 1)[0]["called_number"] == "0033199001234"

    url_handler.unregister()
    assert not url_handler.is_registered()
