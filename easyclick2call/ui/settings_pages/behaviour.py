"""Behaviour page: default country, popup, selection watching, global shortcut, start at login,
tel: links, language — generated from the "behaviour" settings declarations."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from easyclick2call.ui.settings_pages.base import (
    DeclaredFields,
    SettingsPage,
    editor_value,
    in_groups,
    set_editor_value,
)
from easyclick2call.ui.settings_pages.hotkey_edit import HotkeyEdit
from easyclick2call.ui.tasks import run_task

OS_KEYS = ("start_at_login", "handle_tel_links")  # what the OS itself keeps (integration.py)


class BehaviourPage(SettingsPage):
    name = "behaviour"

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.hotkey_edit = HotkeyEdit(self)
        self.fields = DeclaredFields(self, form, in_groups("behaviour"),
                                     special={"hotkey": self.hotkey_edit})
        outer.addLayout(form)
        note = QLabel(self.tr("A new language takes effect the next time EasyClick2Call "
                              "starts."), self)
        note.setWordWrap(True)
        note.setEnabled(False)
        outer.addWidget(note)
        outer.addStretch(1)

    def title(self) -> str:
        return self.tr("Behaviour")

    def load(self) -> None:
        self.fields.load()
        if getattr(self.context, "demo", False):
            return  # the demo never touches the OS
        from easyclick2call.platform import integration

        loaded = {key: editor_value(self.fields.editors[key]) for key in OS_KEYS
                  if key in self.fields.editors}
        run_task(integration.current_state, on_done=lambda state: self._show_os_state(
            state, loaded), parent=self)

    def _show_os_state(self, state: Any, loaded: dict[str, Any]) -> None:
        """Start at login and tel: links as the OS has them now (the entry may have been
        removed, or another program may have taken tel: links, since they were stored), unless
        the user has already changed them here."""
        for key, value in loaded.items():
            editor = self.fields.editors[key]
            actual = bool(getattr(state, key))
            if editor_value(editor) == value and value != actual:
                set_editor_value(editor, actual)

    def validate(self) -> dict[QWidget, str]:
        return self.fields.validate()

    def pending_settings(self) -> dict[str, Any]:
        return self.fields.values()
