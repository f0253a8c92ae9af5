"""Privacy page: call history on/off, how long it is kept, and Clear history."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from easyclick2call.ui.settings_pages.base import DeclaredFields, SettingsPage, in_groups
from easyclick2call.ui.settings_pages.errors import describe_error
from easyclick2call.ui.settings_pages.widgets import StatusLabel
from easyclick2call.ui.tasks import run_task


class PrivacyPage(SettingsPage):
    name = "privacy"
    reserved_mnemonics = "c"  # Clear history…

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.dialog: QMessageBox | None = None
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "EasyClick2Call never keeps what you copy. The history only lists the numbers you "
            "chose to call, on this computer."), self)
        intro.setWordWrap(True)
        outer.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = DeclaredFields(self, form, in_groups("privacy"))
        outer.addLayout(form)
        row = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("&Clear history…"), self)
        self.clear_button.setAutoDefault(False)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.status = StatusLabel(self)
        outer.addWidget(self.status)
        outer.addStretch(1)
        self.clear_button.clicked.connect(self.ask_clear)
        enabled = self.fields.editors.get("history_enabled")
        days = self.fields.editors.get("history_retention_days")
        if enabled is not None and days is not None:
            enabled.toggled.connect(days.setEnabled)
            days.setSpecialValueText(self.tr("Forever"))

    def title(self) -> str:
        return self.tr("Privacy")

    def load(self) -> None:
        self.fields.load()
        enabled = self.fields.editors.get("history_enabled")
        days = self.fields.editors.get("history_retention_days")
        if enabled is not None and days is not None:
            days.setEnabled(enabled.isChecked())

    def validate(self) -> dict[QWidget, str]:
        return self.fields.validate()

    def pending_settings(self) -> dict[str, Any]:
        return self.fields.values()

    def ask_clear(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Clear history"),
                          self.tr("Delete every call from the history? This cannot be undone."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Clear"))
        box.finished.connect(
            lambda result: self.clear_history() if result == QMessageBox.StandardButton.Yes
            else None)
        box.finished.connect(box.deleteLater)
        self.dialog = box
        box.open()

    def clear_history(self) -> None:
        history = self.context.history
        self.clear_button.setEnabled(False)
        run_task(history.clear, on_done=self._cleared, on_error=self._failed, parent=self)

    def _cleared(self, count: Any) -> None:
        self.clear_button.setEnabled(True)
        self.status.show_ok(self.tr("History cleared."))
        signal = getattr(self.context, "history_changed", None)
        if signal is not None:
            signal.emit()

    def _failed(self, exc: BaseException) -> None:
        self.clear_button.setEnabled(True)
        self.status.show_error(describe_error(exc, str(getattr(self.context, "language", "en"))))
