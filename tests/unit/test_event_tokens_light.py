"""Starting the live-call stream on the GUI thread must not load the OVHcloud client stack."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def test_the_stream_url_and_scope_load_no_client_stack():
    """ui.live_calls builds `TokenScope` and `events_url` on the GUI thread: python-ovh, requests
    and oauthlib (~130 ms, ~25 MB) are only loaded by the calls that talk to OVHcloud."""
    code = textwrap.dedent("""
        import json, sys
        from easyclick2call.core.live_calls import LiveCalls
        from easyclick2call.ovhapi.event_tokens import TokenScope, events_url
        url = events_url("http://127.0.0.1:8080/1.0")
        path = TokenScope("ba-1", "0033972101112").path
        LiveCalls(url, lambda refused: "token")
        heavy = [m for m in ("ovh", "requests", "oauthlib", "easyclick2call.ovhapi.errors")
                 if m in sys.modules]
        print(json.dumps([url, path, heavy]))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    url, path, heavy = json.loads(out)
    assert url == "http://127.0.0.1:8080/events/"
    assert path == "/telephony/ba-1/service/0033972101112/eventToken"
    assert heavy == []
