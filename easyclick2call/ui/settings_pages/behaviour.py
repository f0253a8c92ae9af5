"""Behaviour page: default country, popup, selection watching, start at login, tel: links,
language — generated from the "behaviour" settings declarations."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from easyclick2call.ui.settings_pages.base import DeclaredFields, SettingsPage, in_groups


class BehaviourPage(SettingsPage):
    name = "behaviour"

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = DeclaredFields(self, form, in_groups("behaviour"))
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

    def validate(self) -> dict[QWidget, str]:
        return self.fields.validate()

    def pending_settings(self) -> dict[str, Any]:
        return self.fields.values()
