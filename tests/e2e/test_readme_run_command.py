"""The README's run command, from nothing: with no account it opens the demo, and copying
"appelez le 01 99 00 12 34" in another program shows the popup; Enter places the call."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from tests.e2e.support.actions import (
    copy_to_clipboard,
    poll,
    press_key,
    sandbox_info,
    wait_for_calls,
    wait_for_window,
)
from tests.e2e.support.app import free_port, tray_icon_docked

REPO = Path(__file__).resolve().parents[2]


def test_run_script_opens_the_demo_and_enter_places_the_call(desktop, tmp_path: Path) -> None:
    profile = tmp_path / "fresh-profile"  # nothing configured: no settings, no secrets
    port = free_port()
    copy_to_clipboard("start-up content, not a number")
    log = (tmp_path / "run.log").open("wb")
    proc = subprocess.Popen(
        ["bash", str(REPO / "scripts" / "run.sh"), "--profile", str(profile),
         "--sandbox-port", str(port), "--lang", "en"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    try:
        poll(lambda: proc.poll() is None and sandbox_info(port, timeout=0.5) is not None
             and tray_icon_docked(proc.pid), 60, "the demo to start from scripts/run.sh",
             interval=0.1)
        copy_to_clipboard("appelez le 01 99 00 12 34")
        popup = wait_for_window("Call +33199001234? — EasyClick2Call (Demo)", pid=proc.pid)
        press_key(popup, "Return")
        [call] = wait_for_calls(port, 1)
        assert call["called_number"] == "0033199001234"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(15)
        log.close()
    output = (tmp_path / "run.log").read_text(errors="replace")
    assert proc.returncode == 0, output[-3000:]
    # What the terminal shows: the one line that says what to do (no packaging chatter).
    assert output.startswith("Demo — copy a phone number anywhere to try it"), output[-3000:]
