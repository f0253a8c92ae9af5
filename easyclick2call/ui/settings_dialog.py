"""The Settings dialog: a list of pages on the left, the page on the right, OK / Apply / Cancel.

Invalid fields are marked and explained, and OK / Apply stay refused until they are fixed.
Secrets go to the OS keyring (off the GUI thread) when the user presses OK or Apply; the
settings are written once the keyring accepted them. With no account configured the dialog
opens on Account with a visible "Try the demo" button (`demo_requested`).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from easyclick2call.ui.settings_pages.account import AccountPage
from easyclick2call.ui.settings_pages.base import SettingsPage, declaration, show_invalid
from easyclick2call.ui.settings_pages.behaviour import BehaviourPage
from easyclick2call.ui.settings_pages.errors import describe_error
from easyclick2call.ui.settings_pages.filters import FiltersPage
from easyclick2call.ui.settings_pages.line import LinePage
from easyclick2call.ui.settings_pages.privacy import PrivacyPage
from easyclick2call.ui.settings_pages.widgets import ERROR_TEXT_COLOR
from easyclick2call.ui.tasks import run_task

log = logging.getLogger(__name__)

ACCOUNT_KEYS = ("endpoint", "auth_mode", "application_key", "client_id", "billing_account",
                "line", "click2call_user", "calling_mode")


def needs_first_run(context: Any) -> bool:
    """True when no account is configured (settings only: no keyring access on the GUI thread)."""
    check = getattr(context, "looks_configured", None)
    if callable(check):
        return not check()
    settings = context.settings
    signed_in = settings.get("application_key") or settings.get("client_id")
    return not (signed_in and settings.get("line"))


SCREEN_MARGIN = 48  # pixels kept free around the dialog on a small screen

class SettingsDialog(QDialog):
    """Settings — EasyClick2Call."""

    demo_requested = Signal()
    set_up_requested = Signal()  # the demo's "Set up my account…"
    applied = Signal()  # everything was saved (after OK or Apply)

    def __init__(self, context: Any, page: str = "account", parent: QWidget | None = None,
                 *, first_run: bool | None = None, advanced: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.first_run = needs_first_run(context) if first_run is None else first_run
        self.saving = False
        self._close_after_save = False
        self.errors: dict[QWidget, str] = {}
        self._marked: set[QWidget] = set()
        title = self.tr("Settings — EasyClick2Call")
        if getattr(context, "demo", False):
            title += self.tr(" (Demo)")
        self.setWindowTitle(title)
        self.setObjectName("SettingsDialog")

        self.account = AccountPage(context, first_run=self.first_run, advanced=advanced)
        self.line = LinePage(context)
        self.behaviour = BehaviourPage(context)
        self.filters = FiltersPage(context)
        self.privacy = PrivacyPage(context)
        self.pages: dict[str, SettingsPage] = {
            "account": self.account, "line": self.line, "behaviour": self.behaviour,
            "filters": self.filters, "privacy": self.privacy}
        self.line.set_draft_source(self._complete_draft)
        self.line.region_source = lambda: str(self.behaviour.fields.values().get("region", ""))
        self.account.demo_requested.connect(self.demo_requested.emit)
        self.account.set_up_requested.connect(self.set_up_requested.emit)

        self._build()
        for item in self.pages.values():
            item.load()
            item.changed.connect(self.revalidate)
        self.account.changed.connect(self.line.account_edited)
        self.account.secrets_loaded.connect(self._secrets_loaded)
        self.show_page("account" if self.first_run else page)
        self.revalidate()
        # As large as the largest page wants, as far as the screen allows (Qt would stop at two
        # thirds of it); beyond that the page scrolls.
        room = self.screen().availableGeometry().size() - QSize(SCREEN_MARGIN, SCREEN_MARGIN)
        self.resize(self.sizeHint().boundedTo(room))

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.page_list = QListWidget(self)
        self.page_list.setObjectName("page_list")
        self.stack = QStackedWidget(self)
        for page in self.pages.values():
            QListWidgetItem(page.title(), self.page_list)
            # A screen too small for the page (200 %, a small laptop) scrolls it rather than
            # squashing its fields.
            scroller = QScrollArea(self.stack)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setWidgetResizable(True)
            scroller.setWidget(page)
            self.stack.addWidget(scroller)
        metrics = self.page_list.fontMetrics()
        width = max(metrics.horizontalAdvance(p.title()) for p in self.pages.values())
        self.page_list.setFixedWidth(width + metrics.horizontalAdvance("M") * 4)
        self.page_list.setAccessibleName(self.tr("Settings pages"))
        self.page_list.currentRowChanged.connect(self._page_changed)

        from easyclick2call.ui.damage_notices import settings_banner_text

        self.banner = QLabel(settings_banner_text(self.context), self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"color: {ERROR_TEXT_COLOR};")
        self.banner.setVisible(bool(self.banner.text()))
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"color: {ERROR_TEXT_COLOR};")
        self.summary.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.clicked.connect(self._button_clicked)

        top = QHBoxLayout()
        top.addWidget(self.page_list)
        top.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.page_list, self.stack)

    def sizeHint(self) -> QSize:
        """Wide and tall enough for the largest page without scrolling (at any scale)."""
        em = self.fontMetrics().horizontalAdvance("M")
        line = self.fontMetrics().height()
        width = max(page.sizeHint().width() for page in self.pages.values())
        height = max(page.sizeHint().height() for page in self.pages.values())
        width += self.page_list.width() + em * 3
        height += self.buttons.sizeHint().height() + line * 4
        return QSize(max(width, em * 56), max(height, line * 30))

    # -- pages -----------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        names = list(self.pages)
        self.page_list.setCurrentRow(names.index(name) if name in names else 0)

    def current_page(self) -> SettingsPage:
        return list(self.pages.values())[self.stack.currentIndex()]

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.current_page().page_shown()

    def _secrets_loaded(self) -> None:
        """The keyring answered: a Line page opened first can fetch its lists now."""
        if self.current_page() is self.line:
            self.line.page_shown()

    def _complete_draft(self) -> Any:
        return self.account.draft() if self.account.is_complete() else None

    # -- validation ------------------------------------------------------------------------
    def revalidate(self) -> dict[QWidget, str]:
        """Mark every invalid field; OK / Apply are enabled only when there is none."""
        errors: dict[QWidget, str] = {}
        for row, page in enumerate(self.pages.values()):
            page_errors = page.validate()
            errors.update(page_errors)
            item = self.page_list.item(row)
            item.setText(page.title() + (" ⚠" if page_errors else ""))
        for widget in self._marked - set(errors):
            show_invalid(widget, None)
        for widget, message in errors.items():
            show_invalid(widget, message)
        self._marked = set(errors)
        self.errors = errors
        self.ok_button.setEnabled(not errors and not self.saving)
        self.apply_button.setEnabled(not errors and not self.saving)
        if errors:
            self.summary.setText(next(iter(errors.values())))
            self.summary.show()
        elif self.summary.property("kind") != "save_error":
            self.summary.hide()
        return errors

    def _refuse(self) -> None:
        """Show the first invalid field (its page, focus, explanation)."""
        widget = next(iter(self.errors))
        for name, page in self.pages.items():
            if page.isAncestorOf(widget):
                self.show_page(name)
                break
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- saving ----------------------------------------------------------------------------
    def _button_clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.standardButton(button)
        if role == QDialogButtonBox.StandardButton.Ok:
            self.accept()
        elif role == QDialogButtonBox.StandardButton.Apply:
            self.apply()
        else:
            self.reject()

    def accept(self) -> None:
        """OK: save, then close (refused while a field is invalid)."""
        self._close_after_save = True
        if not self.apply():
            self._close_after_save = False

    def apply(self) -> bool:
        """Save everything; False when refused (invalid fields, already saving)."""
        if self.saving:
            return False
        if self.revalidate():
            self._refuse()
            return False
        settings: dict[str, Any] = {}
        secrets: dict[str, str | None] = {}
        for page in self.pages.values():
            settings.update(page.pending_settings())
            secrets.update(page.pending_secrets())
        problem = self._check_settings(settings)
        if problem:
            self._show_save_error(problem)
            return False
        self._set_saving(True)
        if secrets:
            store = self.context.secrets

            def save() -> None:
                for name, value in secrets.items():
                    if value:
                        store.set(name, value)
                    else:
                        store.delete(name)

            run_task(save, on_done=lambda _r: self._secrets_saved(settings, bool(secrets)),
                     on_error=self._secrets_failed, parent=self)
        else:
            self._secrets_saved(settings, False)
        return True

    def _check_settings(self, values: dict[str, Any]) -> str:
        for key, value in values.items():
            setting = declaration(key)
            if setting is None:
                continue
            try:
                setting.validate(value)
            except ValueError as exc:
                return str(exc)
        return ""

    def _secrets_saved(self, values: dict[str, Any], secrets_changed: bool) -> None:
        settings = self.context.settings
        changed = [key for key, value in values.items() if settings.get(key) != value]
        try:
            for key in changed:
                setter = getattr(self.context, "set_setting", None)
                if callable(setter):
                    setter(key, values[key])
                else:
                    settings.set(key, values[key])
            settings.sync()
        except (ValueError, OSError) as exc:
            self._set_saving(False)
            self._show_save_error(str(exc))
            return
        for page in self.pages.values():
            page.saved()
        self._set_saving(False)
        self.summary.setProperty("kind", None)
        self.summary.hide()
        if secrets_changed or any(key in ACCOUNT_KEYS for key in changed):
            signal = getattr(self.context, "account_changed", None)
            if signal is not None:
                signal.emit()
        self.first_run = False
        self.applied.emit()
        if self._close_after_save:
            self._close_after_save = False
            self.account.shutdown()
            super().accept()

    def _secrets_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        self._close_after_save = False
        self._show_save_error(describe_error(exc))

    def _show_save_error(self, text: str) -> None:
        self.summary.setProperty("kind", "save_error")
        self.summary.setText(self.tr("Nothing was saved: {reason}").format(reason=text))
        self.summary.show()

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.revalidate()
        if saving:
            self.summary.setProperty("kind", None)

    # -- closing ---------------------------------------------------------------------------
    def reject(self) -> None:
        self.account.shutdown()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.account.shutdown()
        super().closeEvent(event)
