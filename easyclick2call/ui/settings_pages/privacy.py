"""Privacy page: call history on/off, how long it is kept, Clear history, and what is cached
of contacts and OVHcloud call records (with a button that forgets them)."""

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
    reserved_mnemonics = "cf"  # Clear history…, Forget contacts and call records…

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
        self.cached_label = QLabel(self)
        self.cached_label.setObjectName("cachedLabel")
        self.cached_label.setWordWrap(True)
        outer.addWidget(self.cached_label)
        cache_row = QHBoxLayout()
        self.forget_button = QPushButton(self.tr("&Forget contacts and call records…"), self)
        self.forget_button.setAutoDefault(False)
        cache_row.addWidget(self.forget_button)
        cache_row.addStretch(1)
        outer.addLayout(cache_row)
        self.status = StatusLabel(self)
        outer.addWidget(self.status)
        outer.addStretch(1)
        self.clear_button.clicked.connect(self.ask_clear)
        self.forget_button.clicked.connect(self.ask_forget)
        enabled = self.fields.editors.get("history_enabled")
        days = self.fields.editors.get("history_retention_days")
        if enabled is not None and days is not None:
            enabled.toggled.connect(days.setEnabled)
            days.setSpecialValueText(self.tr("Forever"))

    def title(self) -> str:
        return self.tr("Privacy")

    def load(self) -> None:
        self.fields.load()
        self.show_cached()
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

    # -- contacts and call records ---------------------------------------------------------
    def show_cached(self) -> None:
        """Count what is cached (off the GUI thread) and say it."""
        from easyclick2call.ui.names import cached_counts

        profile = getattr(self.context, "profile", None)
        if profile is None:
            return
        run_task(cached_counts, profile, on_done=self._show_counts, on_error=self._failed,
                 parent=self)

    def _show_counts(self, counts: dict[str, int]) -> None:
        contacts, records = counts["contacts"], counts["records"]
        self.cached_label.setText(
            self.tr("Cached on this computer: %n contact(s) (from OVHcloud's phonebooks and "
                    "imported address books)", "", contacts)
            + self.tr(", %n OVHcloud call record(s).", "", records))
        self.forget_button.setEnabled(bool(contacts or records))

    def ask_forget(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Forget contacts and call records"),
                          self.tr("Delete the contacts and call records kept on this computer? "
                                  "OVHcloud's phonebooks and records are not changed; they "
                                  "are read again at the next sync."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Forget"))
        box.finished.connect(self._forget_answer)
        box.finished.connect(box.deleteLater)
        self.dialog = box
        box.open()

    def _forget_answer(self, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self.forget_cached()

    def forget_cached(self) -> None:
        from easyclick2call.ui.names import forget_cached

        self.forget_button.setEnabled(False)
        run_task(forget_cached, self.context.profile, on_done=self._forgotten,
                 on_error=self._failed, parent=self)

    def _forgotten(self, _counts: Any) -> None:
        self.status.show_ok(self.tr("Contacts and call records forgotten."))
        for name in ("contacts_changed", "history_changed"):
            signal = getattr(self.context, name, None)
            if signal is not None:
                signal.emit()
        self.show_cached()

    def _failed(self, exc: BaseException) -> None:
        self.clear_button.setEnabled(True)
        self.status.show_error(describe_error(exc))
