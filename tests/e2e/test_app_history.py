"""The History… window of the running app, opened from the tray menu and used with the keyboard."""

from __future__ import annotations

from easyclick2call.core.history import History
from tests.e2e.support.actions import (
    copy_to_clipboard,
    focused_window,
    inject_fault,
    open_tray_menu,
    poll,
    press_key,
    sandbox_calls,
    wait_for_window,
    xdotool,
)

HISTORY_TITLE = "Call history — EasyClick2Call (Demo)"


def open_history_from_tray_menu(app) -> int:
    open_tray_menu(app.pid)
    # From the top, Up wraps to the last entries: Quit, About, Settings…, History….
    xdotool("key", "--delay", "60", "Up", "Up", "Up", "Up", "Return")
    return wait_for_window(HISTORY_TITLE, pid=app.pid)


def records_if(history: History, count: int) -> list | None:
    records = history.all()
    return records if len(records) == count else None


def test_redial_and_delete_from_the_history_window(app):
    history = History(app.profile / "history.sqlite3")
    # Refused by OVHcloud (429): nothing was placed, so redial calls again without asking.
    inject_fault(app.port, {"method": "POST", "path": "/telephony/*/click2Call", "status": 429,
                            "count": 1})
    copy_to_clipboard("appelez le 01 99 00 24 68")
    press_key(wait_for_window("Call +33199002468?", pid=app.pid), "Return")
    poll(lambda: [r for r in history.all()
                  if (r.outcome, r.error_kind) == ("failed", "rate_limited")],
         15, "the failed call in the history")

    window = open_history_from_tray_menu(app)
    poll(lambda: focused_window() == window, 10, "the history window to have the focus")
    # The newest call is selected once the window has loaded: Alt+R redials it. (A press
    # before the load does nothing, so press until the call is placed.)
    calls = poll(lambda: xdotool("key", "alt+r") or sandbox_calls(app.port), 10,
                 "the redial to reach the sandbox", interval=0.5)
    assert [c["called_number"] for c in calls] == ["0033199002468"]
    records = poll(lambda: records_if(history, 2), 15, "the redial in the history")
    assert [r.outcome for r in records] == ["placed", "failed"]
    assert [r.error_kind for r in records] == ["", "rate_limited"]
    assert [r.source for r in records] == ["redial", "popup"]
    assert len(sandbox_calls(app.port)) == 1

    # The window reloaded (history_changed); Delete removes the selected (newest) call.
    xdotool("key", "--delay", "80", "Home", "alt+d")
    remaining = poll(lambda: records_if(history, 1), 15, "one call left in the history")
    assert remaining[0].outcome in ("placed", "failed")
