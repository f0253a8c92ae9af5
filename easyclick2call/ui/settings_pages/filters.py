"""Filters page: blocked prefixes (premium-rate defaults, editable) and international calls."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from easyclick2call.ui.settings_pages.base import (
    DeclaredFields,
    SettingsPage,
    declaration,
    default_for,
    in_groups,
    tr_settings,
)
from easyclick2call.ui.settings_pages.widgets import ListEditor


class FiltersPage(SettingsPage):
    name = "filters"
    reserved_mnemonics = "ard"  # the list's Add…, Remove, Restore defaults

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Numbers starting with a blocked prefix are never called; the popup says why. "
            "Write prefixes in international form, such as +3389 for 08 9x numbers in France."),
            self)
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.prefixes = ListEditor(
            default_for("blocked_prefixes", ()) or (),
            self.tr("Prefix to block (such as +3389):"),
            validate=self._check_prefix, parent=self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = DeclaredFields(self, form, in_groups("filters"),
                                     special={"blocked_prefixes": self.prefixes})
        outer.addLayout(form, 1)

    def title(self) -> str:
        return self.tr("Filters")

    def _check_prefix(self, prefix: str) -> str:
        setting = declaration("blocked_prefixes")
        if setting is None:
            return ""
        try:
            setting.validate([prefix])
        except ValueError:
            return self.tr("{prefix} is not a prefix: write + then the country code and the "
                           "first digits, such as +3389.").format(prefix=prefix)
        return ""

    def load(self) -> None:
        self.fields.load()

    def validate(self) -> dict[QWidget, str]:
        setting = declaration("blocked_prefixes")
        if setting is None:
            return {}
        try:
            setting.validate(self.prefixes.values())
        except ValueError as exc:
            return {self.prefixes.list: tr_settings(str(exc))}
        return {}

    def pending_settings(self) -> dict[str, Any]:
        return self.fields.values()
