"""Live calls in the real demo app: incoming and missed-call toasts, Call back, a followed
Click2Call in the history, and a stream that fails and comes back."""

from __future__ import annotations

import pytest

from easyclick2call.core.history import History
from easyclick2call.ui.call_toasts import button_center
from tests.e2e.support.actions import (
    click,
    copy_to_clipboard,
    focused_window,
    inject_fault,
    poll,
    press_key,
    visible_windows,
    wait_for_calls,
    wait_for_window,
    wait_until_gone,
    window_geometry,
)
from tests.e2e.support.live import inject_events, line_event, wait_following

CALLER = "0033612345678"
CALLER_E164 = "+33612345678"


@pytest.fixture
def app(start_app):
    started = start_app()
    wait_following(started.port)
    return started


def _history(app) -> History:
    return History(app.profile / "history.sqlite3")


def test_incoming_call_toast_then_missed_call_back_places_one_call(app) -> None:
    before = focused_window()
    inject_events(app.port, [line_event("start_ringing", "in-1", CALLER)])
    toast = wait_for_window(f"Incoming call {CALLER_E164}", pid=app.pid)
    assert focused_window() == before  # never takes the focus
    inject_events(app.port, [line_event("end_ringing", "in-1", CALLER)])
    wait_until_gone(toast)
    missed = wait_for_window(f"Missed call {CALLER_E164}", pid=app.pid)
    _x, _y, width, height = window_geometry(missed)
    click(missed, *button_center(width, height, from_right=1), repeat=3, delay_ms=30)
    calls = wait_for_calls(app.port, 1)
    assert calls[0]["called_number"] == CALLER
    # A sentinel call: once it is there, every earlier click was handled — still one call back.
    copy_to_clipboard("01 99 00 99 03")
    popup = wait_for_window("Call +33199009903?", pid=app.pid)
    press_key(popup, "Return")
    calls = wait_for_calls(app.port, 2)
    assert [c["called_number"] for c in calls] == [CALLER, "0033199009903"]
    incoming = poll(lambda: _history(app).all("missed"), 10, "the missed call in the history")
    assert [(r.number_e164, r.direction, r.live_outcome) for r in incoming] == [
        (CALLER_E164, "incoming", "missed")]


def test_demo_click2call_ends_in_history_answered_with_its_duration(app) -> None:
    copy_to_clipboard("01 99 00 12 34")
    popup = wait_for_window("Call +33199001234?", pid=app.pid)
    press_key(popup, "Return")
    wait_for_calls(app.port, 1)
    wait_for_window("EasyClick2Call — Connected", pid=app.pid, timeout=20)
    wait_for_window("EasyClick2Call — Ended — 0:06", pid=app.pid, timeout=20)

    def answered():
        records = _history(app).all("outgoing")
        return records if records and records[0].live_outcome else None

    (record,) = poll(answered, 10, "the call's outcome in the history")
    assert (record.number_e164, record.live_outcome, record.duration_s) == (
        "+33199001234", "answered", 6)
    assert not visible_windows("Incoming call", pid=app.pid)  # its legs are not incoming calls


def test_stream_faults_reconnect_and_show_one_toast(app) -> None:
    inject_fault(app.port, [{"path": "/events/*", "status": 503, "count": 2},
                            {"path": "/events/*", "drop": True, "count": 1},
                            {"path": "/events/*", "status": 200, "body": "{oops",
                             "content_type": "application/json", "count": 1}])
    # Whatever the fault that answers the held poll, the event comes through once.
    inject_events(app.port, [line_event("start_ringing", "in-2", CALLER, ts_get=42)])
    wait_for_window(f"Incoming call {CALLER_E164}", pid=app.pid, timeout=30)
    inject_events(app.port, [line_event("start_ringing", "in-2", CALLER, ts_get=42)])
    wait_following(app.port)
    inject_events(app.port, [line_event("end_ringing", "in-2", CALLER),
                             line_event("start_calling", "in-2", CALLER)])
    poll(lambda: not visible_windows("Incoming call", pid=app.pid), 10, "the toast to close")
    assert len(visible_windows("Missed call", pid=app.pid)) == 0
    # The app still places calls.
    copy_to_clipboard("01 99 00 99 04")
    popup = wait_for_window("Call +33199009904?", pid=app.pid)
    press_key(popup, "Return")
    assert wait_for_calls(app.port, 1)[0]["called_number"] == "0033199009904"
