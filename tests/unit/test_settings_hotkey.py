"""Settings › Behaviour: the global shortcut's editor, and what it says about a taken shortcut
(asked of the real X server of the test display)."""
# ruff: noqa: F811 - the shared fixtures are imported by name

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from easyclick2call.core.shortcut import parse_shortcut
from easyclick2call.platform.hotkey.x11 import X11Hotkeys
from easyclick2call.ui.settings_pages.hotkey_edit import HotkeyEdit
from tests.unit.test_settings_dialog_support import (  # noqa: F401 - fixtures
    context,
    open_dialog,
)


def type_shortcut(qtbot, editor: HotkeyEdit, text: str) -> None:
    sequence = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    editor.edit.setFocus()
    editor.edit.clear()
    combined = sequence[0]
    qtbot.keyClick(editor.edit, combined.key(), combined.keyboardModifiers())


def test_the_editor_loads_saves_and_clears_the_setting(qtbot, context, open_dialog):
    dialog = open_dialog(context, first_run=False, page="behaviour")
    editor = dialog.behaviour.fields.editors["hotkey"]
    assert isinstance(editor, HotkeyEdit)
    assert editor.value() == "Ctrl+Alt+K"  # the default
    with qtbot.waitSignal(editor.checked, timeout=5000) as checked:
        type_shortcut(qtbot, editor, "Ctrl+Shift+F7")
    assert checked.args == ["free"]
    assert editor.status.text() == "Ctrl+Shift+F7 is free."
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert context.settings.get("hotkey") == "Ctrl+Shift+F7"
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert context.settings.get("hotkey") == ""


def test_the_editor_says_when_another_program_holds_the_shortcut(qtbot, context, open_dialog):
    other = X11Hotkeys(lambda _name: None)
    try:
        assert other.set_shortcut(parse_shortcut("Ctrl+Shift+F8")) is None
        dialog = open_dialog(context, first_run=False, page="behaviour")
        editor = dialog.behaviour.fields.editors["hotkey"]
        with qtbot.waitSignal(editor.checked, timeout=5000) as checked:
            type_shortcut(qtbot, editor, "Ctrl+Shift+F8")
        assert checked.args == ["taken"]
        assert "already used by another program" in editor.status.text()
    finally:
        other.close()


def test_a_bare_key_is_refused_with_a_reason(qtbot, context, open_dialog):
    dialog = open_dialog(context, first_run=False, page="behaviour")
    editor = dialog.behaviour.fields.editors["hotkey"]
    with qtbot.waitSignal(editor.checked, timeout=5000) as checked:
        type_shortcut(qtbot, editor, "F7")
    assert checked.args == ["invalid"]
    assert not dialog.ok_button.isEnabled()
    assert "Ctrl, Alt or Meta" in dialog.summary.text()
