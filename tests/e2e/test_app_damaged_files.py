"""The real app on a profile whose files are damaged: the settings that could be read stay in
effect, the damaged files are kept aside (never deleted), the user is told, and a call made over a
damaged history is placed once and recorded in a fresh one."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.e2e.support.actions import (
    copy_to_clipboard,
    poll,
    press_key,
    wait_for_calls,
    wait_for_window,
    wait_until_gone,
)

DAMAGED_SETTINGS = (b"[General]\nregion=BE\npopup_timeout_s=0\n"
                    b"\x00\x00garbage \xff\xfe from a crash\nhistory_ret")


def kept(folder, name: str) -> list:
    return sorted(p for p in folder.glob(f"{name}.damaged-*")
                  if not p.name.endswith(("-wal", "-shm")))


def test_a_damaged_settings_file_keeps_its_valid_keys(notifications, start_app, tmp_path):
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "settings.ini").write_bytes(DAMAGED_SETTINGS)
    app = start_app(profile=profile)
    # Told once, through the desktop's notification server.
    told = poll(lambda: notifications.matching("Settings file repaired"), 15,
                "the settings repair notification")
    aside = kept(profile, "settings.ini")
    assert len(aside) == 1 and aside[0].read_bytes() == DAMAGED_SETTINGS
    assert str(aside[0]) in told[0].body
    # The region read from the damaged file is in effect: a Belgian national number is found.
    copy_to_clipboard("bel le 02 555 12 34")
    popup = wait_for_window("Call +3225551234?", pid=app.pid)
    press_key(popup, "Escape")
    wait_until_gone(popup)
    fresh = (profile / "settings.ini").read_text(encoding="utf-8")
    assert "region=BE" in fresh and "popup_timeout_s=0" in fresh
    assert len(notifications.matching("Settings file repaired")) == 1


def test_a_call_over_a_damaged_history_is_placed_once_and_recorded(notifications, start_app,
                                                                   tmp_path):
    profile = tmp_path / "profile"
    profile.mkdir()
    damaged = b"SQLite format 3\x00" + b"\x13\x37 scribbled over" * 300
    (profile / "history.sqlite3").write_bytes(damaged)
    app = start_app(profile=profile)
    copy_to_clipboard("appelez le 01 99 00 12 34")
    press_key(wait_for_window("Call +33199001234?", pid=app.pid), "Return")
    assert [c["called_number"] for c in wait_for_calls(app.port, 1)] == ["0033199001234"]
    poll(lambda: notifications.matching("Calling 01 99 00 12 34"), 15, "the ringing notification")
    told = poll(lambda: notifications.matching("Call history repaired"), 15,
                "the history repair notification")
    aside = kept(profile, "history.sqlite3")
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert str(aside[0]) in told[0].body
    assert not notifications.matching("failed")
    # Exactly one call: a second number, once placed, is the sandbox's second call.
    copy_to_clipboard("et le 01 99 00 56 78")
    press_key(wait_for_window("Call +33199005678?", pid=app.pid), "Return")
    calls = wait_for_calls(app.port, 2)
    assert [c["called_number"] for c in calls] == ["0033199001234", "0033199005678"]

    def listed() -> list | None:
        result = subprocess.run(
            [sys.executable, "-m", "easyclick2call", "history", "--json", "--profile",
             str(profile)], capture_output=True, text=True, timeout=60, check=True)
        entries = json.loads(result.stdout)["calls"]
        return entries if len(entries) == 2 else None

    entries = poll(listed, 15, "both calls in `history --json`", interval=0.3)
    assert [(e["number"], e["outcome"], e["source"]) for e in entries] == [
        ("+33199005678", "placed", "popup"), ("+33199001234", "placed", "popup")]
