"""The call gate in the real app: a blocked number is never called, whatever the way in, and the
reason is shown; content swapped under a press never calls the new number."""

from __future__ import annotations

import contextlib
import subprocess

from easyclick2call.core.history import CallRecord, History
from tests.e2e.support.actions import (
    click,
    copy_to_clipboard,
    focus,
    open_tray_menu,
    poll,
    press_key,
    sandbox_calls,
    wait_for_calls,
    wait_for_window,
    window_geometry,
    window_titles,
    xdotool,
)
from tests.e2e.support.x11 import Display
from tests.e2e.test_app_history import open_history_from_tray_menu

BLOCKED = "+33892680123"  # 08 92 68 01 23: premium rate, blocked by default
NOT_CALLED = f"{BLOCKED} was not called"


def call_sentinel(app, number: str, e164: str) -> list[dict]:
    """Copy another number and call it: once the sandbox has it, everything the app was asked
    before has been handled (calls are placed one at a time, in order)."""
    before = len(sandbox_calls(app.port))
    copy_to_clipboard(number)
    popup = wait_for_window(f"Call {e164}?", pid=app.pid)

    def press_until_called() -> bool | None:
        """The numbers of a popup still on screen were replaced: Call waits a moment (the
        guard against a press meant for the old ones), so press until the call is placed."""
        if len(sandbox_calls(app.port)) > before:
            return True
        with contextlib.suppress(subprocess.CalledProcessError, AssertionError):
            press_key(popup, "Return")  # (the popup may have closed on the call meanwhile)
        return None

    poll(press_until_called, 20, f"the call to {e164}", interval=0.5)
    return wait_for_calls(app.port, before + 1)


def seed_history_with_blocked_number(profile) -> None:
    """A call to the number made before its prefix was blocked (the history keeps it)."""
    History(profile / "history.sqlite3").add(
        CallRecord.new(BLOCKED, "08 92 68 01 23", "", "placed", source="popup", demo=True))


def test_a_blocked_copy_shows_why_and_offers_no_call(app):
    copy_to_clipboard("Horoscope : 08 92 68 01 23")
    popup = wait_for_window(f"Call {BLOCKED}?", pid=app.pid)
    press_key(popup, "Return")  # no Call button: Enter does nothing
    calls = call_sentinel(app, "01 99 00 77 01", "+33199007701")
    assert [c["called_number"] for c in calls] == ["0033199007701"]


def test_a_blocked_number_typed_in_call_a_number_is_refused(app):
    with Display() as display:
        icon = poll(lambda: display.docked_icons(app.pid), 10, "the tray icon")[0]
    xdotool("mousemove", "--window", str(icon), "8", "8", "click", "1")
    dialog = wait_for_window("Call a number — EasyClick2Call", pid=app.pid)
    press_key(dialog, "ctrl+a")
    xdotool("type", "--delay", "20", "08 92 68 01 23")
    press_key(dialog, "Return")
    wait_for_window(NOT_CALLED, pid=app.pid, timeout=20)
    calls = call_sentinel(app, "01 99 00 77 02", "+33199007702")
    assert [c["called_number"] for c in calls] == ["0033199007702"]


def test_a_blocked_number_redialled_from_the_tray_or_history_is_refused(start_app, tmp_path):
    profile = tmp_path / "blocked-redial"
    profile.mkdir()
    seed_history_with_blocked_number(profile)
    app = start_app(profile=profile)
    # The tray menu's recent call: "Call 08 92 68 01 23 again" is its first entry after
    # "Call a number…" and "Call clipboard now".
    open_tray_menu(app.pid)
    xdotool("key", "--delay", "60", "Down", "Down", "Down", "Return")
    wait_for_window(NOT_CALLED, pid=app.pid, timeout=20)
    # The History window's Redial (Alt+R on the newest call).
    open_history_from_tray_menu(app)
    before = len([t for t in window_titles(app.pid) if NOT_CALLED in t])
    poll(lambda: xdotool("key", "alt+r") or len(
        [t for t in window_titles(app.pid) if NOT_CALLED in t]) > before or None,
        15, "the refusal of the redial", interval=0.5)
    calls = call_sentinel(app, "01 99 00 77 03", "+33199007703")
    assert [c["called_number"] for c in calls] == ["0033199007703"]
    records = History(profile / "history.sqlite3").all()
    assert {r.source for r in records if r.outcome == "blocked"} == {"tray", "redial"}


def test_a_blocked_tel_link_handed_over_is_refused(app):
    second = app.run_second_instance(f"tel:{BLOCKED}")
    assert second.returncode == 0, second.stderr[-2000:]
    popup = wait_for_window(f"Call {BLOCKED}?", pid=app.pid)
    press_key(popup, "Return")
    calls = call_sentinel(app, "01 99 00 77 04", "+33199007704")
    assert [c["called_number"] for c in calls] == ["0033199007704"]


def test_new_content_under_a_press_never_calls_the_new_number(app):
    copy_to_clipboard("01 99 00 77 05")
    popup = wait_for_window("Call +33199007705?", pid=app.pid)
    _x, _y, width, height = window_geometry(popup)
    # Press on Call and hold it …
    xdotool("mousemove", "--window", str(popup), str(width - 50), str(height - 24),
            "mousedown", "1")
    # … a new copy replaces the number under the pointer …
    copy_to_clipboard("01 99 00 77 06")
    wait_for_window("Call +33199007706?", pid=app.pid)
    # … and the release lands on the new number's Call button.
    xdotool("mouseup", "1")
    calls = call_sentinel(app, "01 99 00 77 07", "+33199007707")
    called = [c["called_number"] for c in calls]
    assert "0033199007706" not in called
    assert called[-1] == "0033199007707"


def test_a_click_on_new_content_after_the_guard_calls_it(app):
    """The guard only delays: a deliberate click on the new number calls it."""
    copy_to_clipboard("01 99 00 77 08")
    popup = wait_for_window("Call +33199007708?", pid=app.pid)
    copy_to_clipboard("01 99 00 77 09")
    wait_for_window("Call +33199007709?", pid=app.pid)
    _x, _y, width, height = window_geometry(popup)

    def click_until_called() -> list | None:
        calls = sandbox_calls(app.port)
        if not calls:
            with contextlib.suppress(subprocess.CalledProcessError):  # closed on the call
                click(popup, width - 50, height - 24)
        return calls or None

    poll(click_until_called, 10, "the click to reach the sandbox", interval=0.5)
    assert [c["called_number"] for c in sandbox_calls(app.port)] == ["0033199007709"]


def test_enter_into_a_focused_popup_after_new_content_does_not_call_it(app):
    copy_to_clipboard("01 99 00 77 10")
    popup = wait_for_window("Call +33199007710?", pid=app.pid)
    focus(popup)  # the user clicked into the popup: Enter would call 01 99 00 77 10
    copy_to_clipboard("01 99 00 77 11")
    wait_for_window("Call +33199007711?", pid=app.pid)
    xdotool("key", "Return")  # typed into whatever has the focus now, without looking
    calls = call_sentinel(app, "01 99 00 77 12", "+33199007712")
    assert [c["called_number"] for c in calls] == ["0033199007712"]
