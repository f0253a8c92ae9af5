""""Save as contact…": write a number to one of the account's OVHcloud phonebooks.

Writing contacts needs a consumer-key rule the app does not ask for at first
(`ovhapi.consumer_key.CONTACT_RULES`). When OVHcloud answers "not granted", the dialog offers
*Allow…*: a new key with the app's rules plus the contact rules is requested, its page opened in
the browser, and once the person allowed it the key replaces the old one in the keyring and the
contact is saved. Everything that talks to OVHcloud or the keyring runs off the GUI thread.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from easyclick2call.ui import browser
from easyclick2call.ui.settings_pages.errors import describe_error
from easyclick2call.ui.settings_pages.widgets import StatusLabel
from easyclick2call.ui.tasks import run_task


def _client(context):
    from easyclick2call.ovhapi.client import make_client

    account = context.account()
    return account, make_client(account.to_identity())


def _writable_books(context) -> list:
    """(Worker) the phonebooks a contact can be added to."""
    from easyclick2call.ovhapi.phonebooks import Phonebooks

    account, client = _client(context)
    books = Phonebooks(client).books(account.billing_account, account.line)
    return [book for book in books if not book.readonly]


def _save(context, book, name: str, surname: str, e164: str) -> int:
    """(Worker) add the contact on OVHcloud, then to the local store; returns its id."""
    from easyclick2call.core.contacts import Contact, ContactNumber, ContactStore
    from easyclick2call.ovhapi.phonebooks import Phonebooks, contact_name

    _account, client = _client(context)
    contact_id = Phonebooks(client).add_contact(book, name, surname, e164,
                                                group="EasyClick2Call")
    store = ContactStore(context.profile.contacts_db)
    shown = contact_name({"name": name, "surname": surname})
    store.update_source(book.source, book.name, [
        Contact(shown, (ContactNumber(e164, "workPhone"),), str(contact_id))],
        state=store.source_state(book.source) or "")
    return contact_id


def _request_key(context):
    """(Worker) a consumer key with the app's rules and the contact rules (pending)."""
    from easyclick2call.ovhapi.consumer_key import CONTACT_RULES, request_consumer_key

    return request_consumer_key(context.account().to_identity(), extra_rules=CONTACT_RULES)


def _wait_and_keep(context, consumer_key: str, cancel: threading.Event,
                   poll_interval: float) -> None:
    """(Worker) wait until the person allowed the key, then keep it in the keyring."""
    from easyclick2call.ovhapi.consumer_key import wait_for_validation

    wait_for_validation(context.account().to_identity(), consumer_key, cancel,
                        poll_interval=poll_interval)
    context.secrets.set("consumer_key", consumer_key)


class SaveContactDialog(QDialog):
    """Name, surname and phonebook for one number; `saved(int)` once OVHcloud has it."""

    saved = Signal(int)

    def __init__(self, context: Any, e164: str, shown: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.e164 = e164
        self.poll_interval = 2.0  # seconds between checks of a key being allowed
        self._cancel: threading.Event | None = None
        self._books: list = []
        self.setWindowTitle(self.tr("Save as contact — EasyClick2Call"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Number:"), QLabel(shown))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("nameEdit")
        self.surname_edit = QLineEdit(self)
        self.surname_edit.setObjectName("surnameEdit")
        self.book_combo = QComboBox(self)
        self.book_combo.setObjectName("bookCombo")
        form.addRow(self.tr("First name or title:"), self.name_edit)
        form.addRow(self.tr("Name:"), self.surname_edit)
        form.addRow(self.tr("Phonebook:"), self.book_combo)
        layout.addLayout(form)
        self.status = StatusLabel(self)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.allow_button = QPushButton(self.tr("Allow…"), self)
        self.allow_button.setObjectName("allowButton")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        buttons.addButton(self.allow_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.allow_button.hide()  # (after addButton, which shows it) until it is needed
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.allow_button.clicked.connect(self.allow)
        layout.addWidget(buttons)
        self.finished.connect(self._stop_waiting)
        self.status.show_info(self.tr("Reading your OVHcloud phonebooks…"))
        run_task(_writable_books, context, on_done=self._books_loaded, on_error=self._failed,
                 parent=self)

    def _language(self) -> str:
        return str(getattr(self.context, "language", "en") or "en")

    def _books_loaded(self, books: list) -> None:
        self._books = books
        self.book_combo.clear()
        for book in books:
            self.book_combo.addItem(book.name)
        if books:
            self.status.clear_status()
            self.save_button.setEnabled(True)
        else:
            self.status.show_error(self.tr(
                "This account has no phonebook a contact can be added to. Create one in the "
                "OVHcloud Control Panel."))

    def save(self) -> None:
        name, surname = self.name_edit.text().strip(), self.surname_edit.text().strip()
        if not (name or surname):
            self.status.show_error(self.tr("Type a name first."))
            return
        if not self.save_button.isEnabled():
            return
        self.save_button.setEnabled(False)
        book = self._books[self.book_combo.currentIndex()]
        self.status.show_info(self.tr("Saving…"))
        run_task(_save, self.context, book, name, surname, self.e164, on_done=self._saved,
                 on_error=self._save_failed, parent=self)

    def _saved(self, contact_id: int) -> None:
        signal = getattr(self.context, "contacts_changed", None)
        if signal is not None:
            signal.emit()
        self.saved.emit(contact_id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if getattr(exc, "kind", "") == "not_granted" and self.context.setting(
                "auth_mode", "application") != "oauth2":
            self.status.show_error(self.tr(
                "EasyClick2Call may not add contacts yet. Press Allow… and allow it on "
                "OVHcloud's page."))
            self.allow_button.show()
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.status.show_error(describe_error(exc))

    # -- the optional rule ----------------------------------------------------------------
    def allow(self) -> None:
        """Request a key that may also add contacts, open its page, wait, then save."""
        self.allow_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._cancel = threading.Event()
        self.status.show_info(self.tr("Asking OVHcloud for access…"))
        run_task(_request_key, self.context, on_done=self._key_requested,
                 on_error=self._allow_failed, parent=self)

    def _key_requested(self, pending) -> None:
        cancel = self._cancel
        if cancel is None or cancel.is_set():
            return
        if browser.open_url(pending.validation_url):
            self.status.show_info(self.tr(
                "Allow access on the OVHcloud page that opened in your browser…"))
        else:
            self.status.show_info(self.tr(
                "Open this page to allow access: <a href='{url}'>{url}</a>").format(
                url=pending.validation_url))
        run_task(_wait_and_keep, self.context, pending.consumer_key, cancel, self.poll_interval,
                 on_done=self._allowed, on_error=self._allow_failed, parent=self)

    def _allowed(self, _result: object = None) -> None:
        self._cancel = None
        self.allow_button.hide()
        self.allow_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.save()

    def _allow_failed(self, exc: BaseException) -> None:
        self._cancel = None
        self.allow_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self._failed(exc)

    def _stop_waiting(self, *_args: object) -> None:
        if self._cancel is not None:
            self._cancel.set()
