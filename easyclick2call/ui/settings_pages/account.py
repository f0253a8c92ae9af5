"""Account page: endpoint, sign-in mode and credentials, Connect…, Test connection, demo."""

from __future__ import annotations

import re
import threading
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from easyclick2call.core.settings import is_loopback_url
from easyclick2call.ui import browser
from easyclick2call.ui.settings_pages.base import (
    SettingsPage,
    choices_for,
    declaration,
    help_for,
    label_for,
    set_help,
    with_mnemonic,
)
from easyclick2call.ui.settings_pages.demo_box import demo_box, lock_for_demo
from easyclick2call.ui.settings_pages.draft import AccountDraft
from easyclick2call.ui.settings_pages.errors import describe_error
from easyclick2call.ui.settings_pages.widgets import BusyIndicator, SecretField, StatusLabel
from easyclick2call.ui.tasks import run_task

SANDBOX_CHOICE = "sandbox"
APP_KEY_PATTERN = re.compile(r"[A-Za-z0-9]{8,64}")
SECRET_PATTERN = re.compile(r"[A-Za-z0-9]{8,128}")
CLIENT_ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,128}")
CREATE_APP_URLS = {
    "ovh-eu": "https://eu.api.ovh.com/createApp/",
    "ovh-ca": "https://ca.api.ovh.com/createApp/",
    "ovh-us": "https://api.us.ovhcloud.com/createApp/",
    "kimsufi-eu": "https://eu.api.kimsufi.com/createApp/",
    "kimsufi-ca": "https://ca.api.kimsufi.com/createApp/",
    "soyoustart-eu": "https://eu.api.soyoustart.com/createApp/",
    "soyoustart-ca": "https://ca.api.soyoustart.com/createApp/",
}
CONNECT_TIMEOUT_S = 600.0
CONNECT_POLL_S = 2.0


class AccountPage(SettingsPage):
    """Where the user tells which OVHcloud account to use and proves they own it."""

    name = "account"
    demo_requested = Signal()
    set_up_requested = Signal()  # in the demo: leave it for the user's own account
    connected = Signal()
    secrets_loaded = Signal()

    def __init__(self, context: Any, parent: QWidget | None = None,
                 first_run: bool = False, advanced: bool = False) -> None:
        super().__init__(context, parent)
        self.first_run = first_run
        self.show_sandbox = bool(getattr(context, "demo", False)) or advanced
        self.stored: dict[str, bool] = {}
        self.connect_timeout = CONNECT_TIMEOUT_S
        self.connect_poll = CONNECT_POLL_S
        self._cancel: threading.Event | None = None
        self._build()

    def title(self) -> str:
        return self.tr("Account")

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)

        self.first_run_box = QGroupBox(self.tr("Welcome to EasyClick2Call"), self)
        welcome = QVBoxLayout(self.first_run_box)
        text = QLabel(self.tr(
            "Connect your OVHcloud account below to call from your own line, or try the app "
            "first with a simulated account: nothing is sent to OVHcloud."), self.first_run_box)
        text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Try the &demo"), self.first_run_box)
        self.demo_button.setAutoDefault(False)
        self.demo_button.clicked.connect(self.demo_requested.emit)
        welcome.addWidget(text)
        welcome.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.first_run_box.setVisible(self.first_run and not getattr(self.context, "demo", False))
        outer.addWidget(self.first_run_box)
        if getattr(self.context, "demo", False):
            outer.addWidget(demo_box(self))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.endpoint = QComboBox(self)
        self.endpoint.setObjectName("field_endpoint")
        for value, text in choices_for("endpoint"):
            self.endpoint.addItem(text, value)
        self.sandbox_url = QLineEdit(self)
        self.sandbox_url.setObjectName("field_sandbox_url")
        self.sandbox_url.setPlaceholderText("http://127.0.0.1:8080/1.0")
        endpoint_row = QHBoxLayout()
        endpoint_row.addWidget(self.endpoint, 1)
        endpoint_row.addWidget(self.sandbox_url, 1)
        set_help(self.endpoint, help_for("endpoint"))
        set_help(self.sandbox_url,
                 self.tr("The address of a local sandbox, on this computer only."))
        endpoint_text = with_mnemonic(label_for("endpoint", self.tr("API endpoint")), {"a"})
        endpoint_label = QLabel(endpoint_text, self)
        endpoint_label.setBuddy(self.endpoint)
        form.addRow(endpoint_label, endpoint_row)

        mode_row = QHBoxLayout()
        self.mode_group = QButtonGroup(self)
        mode_labels = dict(choices_for("auth_mode"))
        self.app_radio = QRadioButton(with_mnemonic(
            mode_labels.get("application", self.tr("API application")), {"a"}), self)
        self.oauth_radio = QRadioButton(
            mode_labels.get("oauth2", self.tr("OAuth2 service account")).replace(
                "OAuth2", "&OAuth2", 1), self)
        for button in (self.app_radio, self.oauth_radio):
            self.mode_group.addButton(button)
            mode_row.addWidget(button)
            set_help(button, help_for("auth_mode"))
        mode_row.addStretch(1)
        form.addRow(QLabel(label_for("auth_mode", self.tr("Sign in with")), self),
                    mode_row)
        outer.addLayout(form)

        # API application
        self.app_box = QGroupBox(self.tr("API application"), self)
        app_form = QFormLayout(self.app_box)
        app_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.application_key = QLineEdit(self.app_box)
        self.application_key.setObjectName("field_application_key")
        set_help(self.application_key, help_for("application_key"))
        self.application_secret = SecretField(self.app_box)
        self.application_secret.setObjectName("field_application_secret")
        set_help(self.application_secret.edit, self.tr(
            "The secret shown with the application key when you created the application."))
        self.consumer_key = SecretField(self.app_box)
        self.consumer_key.setObjectName("field_consumer_key")
        set_help(self.consumer_key.edit, self.tr(
            "The access you granted this app: press Connect… to get one, or paste a consumer "
            "key you created on OVHcloud."))
        self._add_row(app_form, with_mnemonic(
            label_for("application_key", self.tr("Application key")), {"a"}),
            self.application_key)
        self._add_row(app_form, self.tr("Application &secret"), self.application_secret)
        self._add_row(app_form, self.tr("Consumer ke&y"), self.consumer_key)
        connect_row = QHBoxLayout()
        self.connect_button = QPushButton(self.tr("&Connect…"), self.app_box)
        self.connect_button.setToolTip(self.tr(
            "Opens OVHcloud's page in your browser, where you sign in and allow EasyClick2Call "
            "to use your telephony services."))
        self.cancel_connect_button = QPushButton(self.tr("Cancel"), self.app_box)
        self.cancel_connect_button.hide()
        for button in (self.connect_button, self.cancel_connect_button):
            button.setAutoDefault(False)
        self.connect_busy = BusyIndicator(self.app_box)
        connect_row.addWidget(self.connect_button)
        connect_row.addWidget(self.cancel_connect_button)
        connect_row.addWidget(self.connect_busy, 1)
        connect_row.addStretch(0)
        app_form.addRow(connect_row)
        self.connect_status = StatusLabel(self.app_box)
        self.connect_status.setObjectName("connect_status")
        self.connect_status.setOpenExternalLinks(False)
        self.connect_status.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction)
        self.connect_status.linkActivated.connect(browser.open_url)
        app_form.addRow(self.connect_status)
        self.create_app_link = QLabel(self.app_box)
        self.create_app_link.setWordWrap(True)  # its text changes with the endpoint
        self.create_app_link.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction)
        self.create_app_link.linkActivated.connect(browser.open_url)
        app_form.addRow(self.create_app_link)
        outer.addWidget(self.app_box)

        # OAuth2 service account
        self.oauth_box = QGroupBox(self.tr("OAuth2 service account"), self)
        oauth_form = QFormLayout(self.oauth_box)
        oauth_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.client_id = QLineEdit(self.oauth_box)
        self.client_id.setObjectName("field_client_id")
        set_help(self.client_id, help_for("client_id"))
        self.client_secret = SecretField(self.oauth_box)
        self.client_secret.setObjectName("field_client_secret")
        set_help(self.client_secret.edit, self.tr("The secret of your OAuth2 service account."))
        self._add_row(oauth_form, with_mnemonic(label_for("client_id", self.tr("Client ID")),
                                                {"c"}), self.client_id)
        self._add_row(oauth_form, self.tr("Client sec&ret"), self.client_secret)
        outer.addWidget(self.oauth_box)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.setAutoDefault(False)
        self.test_busy = BusyIndicator(self)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_busy, 1)
        test_row.addStretch(0)
        outer.addLayout(test_row)
        self.test_status = StatusLabel(self)
        self.test_status.setObjectName("test_status")
        outer.addWidget(self.test_status)
        outer.addStretch(1)

        self.endpoint.currentIndexChanged.connect(self._endpoint_changed)
        self.sandbox_url.textChanged.connect(lambda *_: self.changed.emit())
        self.mode_group.buttonToggled.connect(self._mode_changed)
        self.application_key.textChanged.connect(lambda *_: self.changed.emit())
        self.client_id.textChanged.connect(lambda *_: self.changed.emit())
        for field in (self.application_secret, self.consumer_key, self.client_secret):
            field.changed.connect(self.changed.emit)
        self.connect_button.clicked.connect(self.start_connect)
        self.cancel_connect_button.clicked.connect(self.cancel_connect)
        self.test_button.clicked.connect(self.test_connection)

    def _add_row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(with_mnemonic(text), field.parentWidget())
        label.setBuddy(field)
        form.addRow(label, field)

    # -- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        endpoint = str(self.setting("endpoint", "ovh-eu"))
        if endpoint.startswith(("http://", "https://")):
            self.show_sandbox = True
        if self.show_sandbox and self.endpoint.findData(SANDBOX_CHOICE) < 0:
            self.endpoint.addItem(self.tr("Local sandbox (demo)"), SANDBOX_CHOICE)
        if endpoint.startswith(("http://", "https://")):
            self.endpoint.setCurrentIndex(self.endpoint.findData(SANDBOX_CHOICE))
            self.sandbox_url.setText(endpoint)
        else:
            index = self.endpoint.findData(endpoint)
            self.endpoint.setCurrentIndex(max(index, 0))
            sandbox = getattr(self.context, "sandbox", None)
            self.sandbox_url.setText(getattr(sandbox, "endpoint", "") or "")
        oauth = self.setting("auth_mode", "application") == "oauth2"
        (self.oauth_radio if oauth else self.app_radio).setChecked(True)
        self.application_key.setText(str(self.setting("application_key", "")))
        self.client_id.setText(str(self.setting("client_id", "")))
        if getattr(self.context, "demo", False):
            lock_for_demo(self)
        self._endpoint_changed()
        self._mode_changed()
        self.reload_secrets()

    def reload_secrets(self) -> None:
        """Ask the keyring (off the GUI thread) which secrets it holds; shown masked."""
        secrets = self.context.secrets
        names = ("application_secret", "consumer_key", "client_secret")
        run_task(lambda: {name: bool(secrets.get(name)) for name in names},
                 on_done=self._secrets_known, on_error=self._secrets_failed, parent=self)

    def _secrets_known(self, stored: dict[str, bool]) -> None:
        self.stored = dict(stored)
        for name, field in self.secret_fields().items():
            field.set_stored(stored.get(name, False), keep_typed=True)
        self.changed.emit()
        self.secrets_loaded.emit()

    def _secrets_failed(self, exc: BaseException) -> None:
        self.test_status.show_error(describe_error(exc))
        self.secrets_loaded.emit()

    def secret_fields(self) -> dict[str, SecretField]:
        return {"application_secret": self.application_secret,
                "consumer_key": self.consumer_key,
                "client_secret": self.client_secret}

    # -- state -----------------------------------------------------------------------------
    def endpoint_value(self) -> str:
        data = self.endpoint.currentData()
        if data == SANDBOX_CHOICE:
            return self.sandbox_url.text().strip()
        return str(data or "")

    def auth_mode(self) -> str:
        return "oauth2" if self.oauth_radio.isChecked() else "application"

    def draft(self) -> AccountDraft:
        typed = {}
        names = (("client_secret",) if self.auth_mode() == "oauth2"
                 else ("application_secret", "consumer_key"))
        for name in names:
            changed, value = self.secret_fields()[name].pending()
            if changed:
                typed[name] = value or ""
        return AccountDraft(
            endpoint=self.endpoint_value(), auth_mode=self.auth_mode(),
            application_key=self.application_key.text().strip(),
            client_id=self.client_id.text().strip(), typed_secrets=typed)

    def is_complete(self) -> bool:
        return not self.validate() and self.draft().is_complete(self.stored)

    def _endpoint_changed(self, *_args: object) -> None:
        sandbox = self.endpoint.currentData() == SANDBOX_CHOICE
        self.sandbox_url.setVisible(sandbox)
        url = CREATE_APP_URLS.get(str(self.endpoint.currentData()), "")
        if url:
            self.create_app_link.setText(
                f"<a href='{url}'>{self.tr('Create an API application on OVHcloud')}</a> — "
                + self.tr("then paste its key and secret here and press Connect…"))
        else:
            self.create_app_link.setText(
                self.tr("The sandbox accepts the demo keys shown by 'easyclick2call sandbox'."))
        self.changed.emit()

    def _mode_changed(self, *_args: object) -> None:
        oauth = self.auth_mode() == "oauth2"
        self.app_box.setVisible(not oauth)
        self.oauth_box.setVisible(oauth)
        self.changed.emit()

    # -- validation ------------------------------------------------------------------------
    def validate(self) -> dict[QWidget, str]:
        errors: dict[QWidget, str] = {}
        if self.endpoint.currentData() == SANDBOX_CHOICE:
            url = self.sandbox_url.text().strip()
            if not is_loopback_url(url):
                errors[self.sandbox_url] = self.tr(
                    "The sandbox address must be on this computer, such as "
                    "http://127.0.0.1:8080/1.0.")
        if self.auth_mode() == "application":
            key = self.application_key.text().strip()
            if key and not APP_KEY_PATTERN.fullmatch(key):
                errors[self.application_key] = self.tr(
                    "An application key is 8 to 64 letters and digits, as OVHcloud showed it "
                    "when you created the application.")
            secret = self.application_secret.new_value.strip()
            if secret and not SECRET_PATTERN.fullmatch(secret):
                errors[self.application_secret.edit] = self.tr(
                    "An application secret is letters and digits only, as OVHcloud showed it.")
            if key and not self.application_secret.has_value():
                errors[self.application_secret.edit] = self.tr(
                    "The application secret is missing: paste the secret shown with this key.")
            if not key and self.application_secret.has_value():
                errors[self.application_key] = self.tr(
                    "The application key is missing: the secret goes with its key.")
        else:
            client_id = self.client_id.text().strip()
            if client_id and not CLIENT_ID_PATTERN.fullmatch(client_id):
                errors[self.client_id] = self.tr(
                    "A client ID is letters, digits, dots or dashes, as OVHcloud showed it.")
            if client_id and not self.client_secret.has_value():
                errors[self.client_secret.edit] = self.tr(
                    "The client secret is missing: paste the secret of this service account.")
            if not client_id and self.client_secret.has_value():
                errors[self.client_id] = self.tr(
                    "The client ID is missing: the secret goes with its client ID.")
        return errors

    def pending_settings(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "endpoint": self.endpoint_value(),
            "auth_mode": self.auth_mode(),
        }
        if self.auth_mode() == "oauth2":
            values["client_id"] = self.client_id.text().strip()
        else:
            values["application_key"] = self.application_key.text().strip()
        return {key: value for key, value in values.items() if declaration(key) is not None}

    def pending_secrets(self) -> dict[str, str | None]:
        result: dict[str, str | None] = {}
        for name, field in self.secret_fields().items():
            changed, value = field.pending()
            if changed:
                result[name] = value
        return result

    def saved(self) -> None:
        for name, field in self.secret_fields().items():
            changed, value = field.pending()
            if changed:
                self.stored[name] = value is not None
                field.set_stored(value is not None)

    # -- Test connection -------------------------------------------------------------------
    def test_connection(self) -> None:
        if self.validate():
            self.test_status.show_error(self.tr("Fix the fields marked in red first."))
            return
        draft = self.draft()
        if not draft.is_complete(self.stored):
            self.test_status.show_error(self._what_is_missing(draft))
            return
        secrets = self.context.secrets
        self.test_button.setEnabled(False)
        self.test_status.clear_status()
        self.test_busy.start(self.tr("Contacting OVHcloud…"))
        run_task(lambda: draft.telephony(secrets).me(), on_done=self._test_done,
                 on_error=self._test_failed, parent=self)

    def _what_is_missing(self, draft: AccountDraft) -> str:
        if draft.auth_mode == "application" and draft.application_key and \
                draft.is_complete({**self.stored, "consumer_key": True}):
            return self.tr("Not connected yet: press Connect… to allow EasyClick2Call to use "
                           "your account.")
        return self.tr("Fill in the account fields first.")

    def _test_done(self, me: dict) -> None:
        self.test_busy.stop()
        self.test_button.setEnabled(True)
        nichandle = str(me.get("nichandle", "") or "")
        name = " ".join(str(me.get(k, "") or "") for k in ("firstname", "name")).strip()
        text = self.tr("Connected as {nichandle}").format(nichandle=nichandle)
        if name:
            text += f" ({name})"
        self.test_status.show_ok(text)

    def _test_failed(self, exc: BaseException) -> None:
        self.test_busy.stop()
        self.test_button.setEnabled(True)
        self.test_status.show_error(describe_error(exc))

    # -- Connect… --------------------------------------------------------------------------
    def start_connect(self) -> None:
        """Request a consumer key, open its validation page and wait (cancellable)."""
        errors = {w: m for w, m in self.validate().items()
                  if w in (self.application_key, self.application_secret.edit, self.sandbox_url)}
        draft = self.draft()
        if errors or not draft.application_key or not (
                draft.typed_secrets.get("application_secret") or
                (self.stored.get("application_secret")
                 and "application_secret" not in draft.typed_secrets)):
            self.connect_status.show_error(self.tr(
                "Enter the application key and secret first (create an application with the "
                "link below if you have none)."))
            return
        secrets = self.context.secrets
        self._cancel = threading.Event()
        self._set_connecting(True, self.tr("Asking OVHcloud for access…"))
        self.connect_status.clear_status()

        def request() -> Any:
            from easyclick2call.ovhapi.consumer_key import request_consumer_key

            return request_consumer_key(draft.identity(secrets, with_consumer_key=False))

        run_task(request, on_done=lambda pending: self._key_requested(draft, pending),
                 on_error=self._connect_failed, parent=self)

    def _key_requested(self, draft: AccountDraft, pending: Any) -> None:
        cancel = self._cancel
        if cancel is None or cancel.is_set():
            self._set_connecting(False)
            return
        url = pending.validation_url
        opened = browser.open_url(url)
        self._set_connecting(True, self.tr(
            "Waiting for you to allow access in the browser…"))
        if not opened:
            self.connect_status.show_info(self.tr(
                "Could not open the browser. Open this page to allow access: "
                "<a href='{url}'>{url}</a>").format(url=url))
        else:
            self.connect_status.show_info(self.tr(
                "Sign in on the OVHcloud page that opened in your browser and allow access."))
        secrets = self.context.secrets
        timeout, poll = self.connect_timeout, self.connect_poll

        def wait() -> str:
            from easyclick2call.ovhapi.consumer_key import wait_for_validation

            identity = draft.identity(secrets, with_consumer_key=False)
            wait_for_validation(identity, pending.consumer_key, cancel, timeout=timeout,
                                poll_interval=poll)
            return pending.consumer_key

        run_task(wait, on_done=self._connect_done, on_error=self._connect_failed, parent=self)

    def _connect_done(self, consumer_key: str) -> None:
        self._set_connecting(False)
        self._cancel = None
        self.consumer_key.set_new_value(consumer_key)
        self.connect_status.show_ok(self.tr(
            "Connected. Press OK or Apply to keep this access in the system keyring."))
        self.connected.emit()

    def _connect_failed(self, exc: BaseException) -> None:
        self._set_connecting(False)
        self._cancel = None
        self.connect_status.show_error(describe_error(exc))

    def cancel_connect(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
        self.connect_busy.start(self.tr("Cancelling…"))

    def _set_connecting(self, connecting: bool, text: str = "") -> None:
        self.connect_button.setEnabled(not connecting)
        self.cancel_connect_button.setVisible(connecting)
        if connecting:
            self.connect_busy.start(text)
            self.cancel_connect_button.setFocus()
        else:
            self.connect_busy.stop()

    @property
    def connecting(self) -> bool:
        return self._cancel is not None

    def shutdown(self) -> None:
        """The dialog closes: stop waiting for a validation."""
        if self._cancel is not None:
            self._cancel.set()

    def _language(self) -> str:
        return str(getattr(self.context, "language", "en") or "en")
