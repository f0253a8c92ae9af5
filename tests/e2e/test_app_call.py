"""Copy a number in another program → the popup → Call → the sandbox receives exactly one call."""

from __future__ import annotations

from easyclick2call.core.history import History
from tests.e2e.support.actions import (
    click,
    copy_to_clipboard,
    focus,
    press_key,
    sandbox_calls,
    wait_for_calls,
    wait_for_window,
    wait_until_gone,
    window_geometry,
    xdotool,
)
from tests.e2e.support.recorder import WindowRecorder

RINGING_TOAST = "EasyClick2Call — Calling"


def history_of(app) -> History:
    return History(app.profile / "history.sqlite3")


def call_button_spot(popup: int) -> tuple[int, int]:
    """Where the Call button of a one-number popup is: its bottom-right button."""
    _x, _y, width, height = window_geometry(popup)
    return width - 50, height - 24


def call_sentinel(app, number: str, e164: str, calls_before: int) -> list[dict]:
    """Copy another number and call it: once the sandbox has it, every earlier click, key press
    or copy has been handled by the app (it handles them in order)."""
    copy_to_clipboard(number)
    popup = wait_for_window(f"Call {e164}?", pid=app.pid)
    press_key(popup, "Return")
    calls = wait_for_calls(app.port, calls_before + 1)
    assert calls[-1]["called_number"] == "00" + e164[1:]
    return calls


def test_copy_then_enter_places_one_call(app):
    copy_to_clipboard("appelez le 01 99 00 12 34")
    popup = wait_for_window("+33199001234", pid=app.pid)
    press_key(popup, "Return")
    calls = wait_for_calls(app.port, 1)
    assert [c["called_number"] for c in calls] == ["0033199001234"]
    assert calls[0]["billing_account"] and calls[0]["line"]
    wait_until_gone(popup)
    wait_for_window(RINGING_TOAST, pid=app.pid)
    records = history_of(app).all()
    assert [(r.number_e164, r.outcome, r.demo) for r in records] == [
        ("+33199001234", "placed", True)]
    assert len(sandbox_calls(app.port)) == 1


def test_clicking_call_places_the_call(app):
    copy_to_clipboard("Tél. : 01 99 00 23 45")
    popup = wait_for_window("Call +33199002345?", pid=app.pid)
    click(popup, *call_button_spot(popup))
    calls = wait_for_calls(app.port, 1)
    assert calls[0]["called_number"] == "0033199002345"
    wait_for_window(RINGING_TOAST, pid=app.pid)


def test_ten_rapid_clicks_place_one_call(app):
    copy_to_clipboard("01 99 00 34 56")
    popup = wait_for_window("Call +33199003456?", pid=app.pid)
    click(popup, *call_button_spot(popup), repeat=10, delay_ms=15)
    calls = call_sentinel(app, "01 99 00 99 01", "+33199009901", calls_before=1)
    assert [c["called_number"] for c in calls] == ["0033199003456", "0033199009901"]


def test_ten_enter_presses_place_one_call(app):
    copy_to_clipboard("01 99 00 45 67")
    popup = wait_for_window("Call +33199004567?", pid=app.pid)
    press_key(popup, "Return", repeat=10, delay_ms=10)
    calls = call_sentinel(app, "01 99 00 99 02", "+33199009902", calls_before=1)
    assert [c["called_number"] for c in calls] == ["0033199004567", "0033199009902"]


def test_same_number_copied_twice_pops_up_once(app):
    with WindowRecorder() as recorder:
        copy_to_clipboard("01 99 00 56 78")
        wait_for_window("Call +33199005678?", pid=app.pid)
        copy_to_clipboard("01 99 00 56 78")
        copy_to_clipboard("appelez le 01 99 00 99 03")  # the sentinel
        wait_for_window("Call +33199009903?", pid=app.pid)
    assert recorder.count("+33199005678", pid=app.pid) == 1
    assert sandbox_calls(app.port) == []


def test_enter_in_the_call_a_number_box_places_the_call(app):
    """The box opened by a second launch (as by a click on the tray icon): type, press Enter."""
    second = app.run_second_instance()
    assert second.returncode == 0, second.stderr[-2000:]
    box = wait_for_window("Call a number — EasyClick2Call", pid=app.pid)
    focus(box)
    xdotool("type", "--delay", "5", "01 99 00 34 56")
    press_key(box, "Return")
    [call] = wait_for_calls(app.port, 1)
    assert call["called_number"] == "0033199003456"
    wait_until_gone(box)
