"""The global shortcut in the running app, through the real X11 back-end on the test display:
xdotool presses the keys, xsel / xclip set the selection and the clipboard."""

from __future__ import annotations

import subprocess

import pytest

from easyclick2call.core.shortcut import parse_shortcut
from easyclick2call.platform.hotkey import Problem
from easyclick2call.platform.hotkey.x11 import X11Hotkeys
from easyclick2call.ui.hotkey import problem_text
from tests.e2e.support.actions import select_text
from tests.unit.test_ui_tray import make_app  # noqa: F401 - the fixture

KEY = "Ctrl+Alt+J"


def press(*keys: str) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=True, timeout=10)


@pytest.fixture
def hotkey_app(qtbot, make_app, sandbox):  # noqa: F811 - pytest fixture by name
    app = make_app(sandbox, hotkey=KEY)
    app.start()
    qtbot.waitUntil(lambda: app.hotkeys is not None and app.hotkeys.started, timeout=5000)
    assert app.hotkeys.problem is None
    return app


def test_selection_then_shortcut_shows_the_popup_even_when_paused(qtbot, hotkey_app):
    hotkey_app.set_paused(True)
    select_text("appelez le 01 99 00 12 34")
    with qtbot.waitSignal(hotkey_app.popup_shown, timeout=5000) as shown:
        press("ctrl+alt+j")
    assert shown.args[0].windowTitle().startswith("Call +33199001234?")


def test_no_number_selected_falls_back_to_the_clipboard(qtbot, hotkey_app):
    select_text("no number here")
    select_text("ou le 04 72 00 00 01", "clipboard")
    with qtbot.waitSignal(hotkey_app.popup_shown, timeout=5000) as shown:
        press("ctrl+alt+j")
    assert "+33472000001" in shown.args[0].windowTitle()


def test_nothing_anywhere_says_so(qtbot, hotkey_app):
    select_text("rien")
    select_text("rien non plus", "clipboard")
    press("ctrl+alt+j")
    qtbot.waitUntil(lambda: any("No number" in t.windowTitle()
                                for t in hotkey_app.notifier.visible_toasts()), timeout=5000)


def test_shortcut_again_calls_the_number_once(qtbot, hotkey_app, sandbox):
    select_text("01 99 00 12 34")
    with qtbot.waitSignal(hotkey_app.popup_shown, timeout=5000):
        press("ctrl+alt+j")
    with qtbot.waitSignal(hotkey_app.calls.call_finished, timeout=15000):
        press("ctrl+alt+j")
    qtbot.waitUntil(lambda: not hotkey_app._popup_visible(), timeout=5000)
    assert [c["called_number"] for c in sandbox.calls()] == ["0033199001234"]


def test_up_down_choose_among_several_then_released(qtbot, hotkey_app, sandbox):
    select_text("01 99 00 12 34, 04 72 00 00 01 ou 05 56 00 00 02")
    with qtbot.waitSignal(hotkey_app.popup_shown, timeout=5000) as shown:
        press("ctrl+alt+j")
    popup = shown.args[0]
    assert hotkey_app.hotkeys._arrows
    for key in ("Down", "Down", "Down", "Up"):  # wraps round to the first, back to the third
        with qtbot.waitSignal(hotkey_app.hotkeys.pressed, timeout=5000):
            press(key)
    assert popup.selected_number().e164 == "+33556000002"
    with qtbot.waitSignal(hotkey_app.calls.call_finished, timeout=15000):
        press("ctrl+alt+j")
    assert [c["called_number"] for c in sandbox.calls()] == ["0033556000002"]
    qtbot.waitUntil(lambda: not hotkey_app.hotkeys._arrows, timeout=5000)


def test_a_shortcut_another_program_holds_is_reported_once(qtbot, make_app):  # noqa: F811
    other = X11Hotkeys(lambda _name: None)
    try:
        assert other.set_shortcut(parse_shortcut("Ctrl+Alt+H")) is None
        app = make_app(hotkey="Ctrl+Alt+H")
        reported: list[str] = []
        app.start()
        qtbot.waitUntil(lambda: app.hotkeys is not None and app.hotkeys.started, timeout=5000)
        app.hotkeys.problem_reported.connect(reported.append)
        assert app.hotkeys.problem is Problem.TAKEN
        qtbot.waitUntil(lambda: any("Global shortcut" in t.windowTitle()
                                    for t in app.notifier.visible_toasts()), timeout=5000)
        app.hotkeys.apply()  # again (the setting saved again): not reported twice
        assert reported == []
        other.close()
        app.context.set_setting("hotkey", "Ctrl+Alt+H")
        app.hotkeys.apply()
        assert app.hotkeys.problem is None
    finally:
        other.close()


def test_problem_texts_name_the_shortcut_and_the_way_out():
    assert "Ctrl+Alt+K is already used by another program" in problem_text(
        Problem.TAKEN, "Ctrl+Alt+K")
    assert "easyclick2call call --clipboard" in problem_text(Problem.UNAVAILABLE, "")


def test_empty_setting_holds_nothing(qtbot, make_app):  # noqa: F811
    app = make_app()
    app.start()
    qtbot.waitUntil(lambda: app.hotkeys is not None and app.hotkeys.started, timeout=5000)
    assert app.hotkeys.problem is None and app.hotkeys._backend is None
