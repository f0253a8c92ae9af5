"""Line page: billing account → line → Click2Call user, calling mode, users, Test call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from easyclick2call.ui.settings_pages.base import (
    SettingsPage,
    choices_for,
    help_for,
    label_for,
    set_help,
    with_mnemonic,
)
from easyclick2call.ui.settings_pages.draft import AccountDraft
from easyclick2call.ui.settings_pages.errors import describe_error
from easyclick2call.ui.settings_pages.users import UserDialog
from easyclick2call.ui.settings_pages.users_list import UsersBox
from easyclick2call.ui.settings_pages.widgets import BusyIndicator, StatusLabel
from easyclick2call.ui.tasks import run_task

DraftSource = Callable[[], "AccountDraft | None"]


def human_line(service_name: str) -> str:
    """"0033972123456" → "+33 9 72 12 34 56" (as is when it is not a number)."""
    if not service_name.startswith("00"):
        return service_name
    try:
        import phonenumbers

        parsed = phonenumbers.parse("+" + service_name[2:], None)
        return phonenumbers.format_number(
            parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except Exception:
        return service_name


def place_test_call(telephony_of, target, text: str, policy, confirmed=frozenset()):
    """(On a worker) a test call through the call gate like every call: the number OVHcloud
    was sent ("00…"), or the gate's question (core.call_gate.NeedsConfirmation). Raises the
    gate's refusal (a ValueError with its reason) or the ApiError of a call not placed (its
    message says when it may have been placed all the same)."""
    from easyclick2call.core.call_gate import NeedsConfirmation, Refusal, check_call
    from easyclick2call.core.numbers import NotCallableNumber
    from easyclick2call.ovhapi import dialing

    verdict = check_call(text, policy, "test_call", confirmed=confirmed)
    if isinstance(verdict, NeedsConfirmation):
        return verdict
    if isinstance(verdict, Refusal):
        raise NotCallableNumber(verdict.reason)
    result = dialing.place(telephony_of(), target, verdict)
    if result.error is not None:
        raise result.error
    return verdict.ovh


class LinePage(SettingsPage):
    """Which line rings, how, and the Click2Call users of that line."""

    name = "line"
    lists_loaded = Signal()
    users_changed = Signal()
    call_finished = Signal()

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._draft_source: DraftSource = lambda: None
        self.region_source: Callable[[], str] = lambda: str(self.setting("region", "FR"))
        self._generation = 0
        self._filling = False
        self._loaded_once = False
        self.dialog: QWidget | None = None  # the sub-dialog currently open (tests drive it)
        self._build()

    def title(self) -> str:
        return self.tr("Line")

    def set_draft_source(self, source: DraftSource) -> None:
        """Where the account to use comes from (the Account page's current fields)."""
        self._draft_source = source

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.billing_account = QComboBox(self)
        self.line = QComboBox(self)
        self.user = QComboBox(self)
        for key, combo in (("billing_account", self.billing_account), ("line", self.line),
                           ("click2call_user", self.user)):
            combo.setObjectName(f"field_{key}")
            set_help(combo, help_for(key))
            combo.setMinimumContentsLength(24)
        defaults = {"billing_account": self.tr("Billing account"), "line": self.tr("Line"),
                    "click2call_user": self.tr("Click2Call user")}
        for key, combo in (("billing_account", self.billing_account), ("line", self.line)):
            label = QLabel(with_mnemonic(label_for(key, defaults[key])), self)
            label.setBuddy(combo)
            form.addRow(label, combo)
        user_label = QLabel(label_for("click2call_user", defaults["click2call_user"])
                            .replace("user", "&user", 1), self)
        user_label.setBuddy(self.user)
        form.addRow(user_label, self.user)
        refresh_row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("R&efresh"), self)
        self.refresh_button.setToolTip(self.tr("Fetch the lists again from your account."))
        self.busy = BusyIndicator(self)
        refresh_row.addWidget(self.refresh_button)
        refresh_row.addWidget(self.busy, 1)
        refresh_row.addStretch(0)
        form.addRow(refresh_row)
        self.status = StatusLabel(self)
        self.status.setObjectName("line_status")
        form.addRow(self.status)

        mode_row = QHBoxLayout()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        labels = dict(choices_for("calling_mode")) or {
            "ring": self.tr("Ring my phone"), "intercom": self.tr("Intercom")}
        for value, text in labels.items():
            button = QRadioButton(with_mnemonic(text), self)
            set_help(button, help_for("calling_mode"))
            button.setObjectName(f"mode_{value}")
            self.mode_group.addButton(button)
            self.mode_buttons[value] = button
            mode_row.addWidget(button)
        mode_row.addStretch(1)
        form.addRow(QLabel(label_for("calling_mode", self.tr("Calling mode")), self), mode_row)
        outer.addLayout(form)

        self.users_box = UsersBox(self)
        self.add_button = self.users_box.add_button
        self.password_button = self.users_box.password_button
        self.delete_button = self.users_box.delete_button
        self.users_box.selection_changed.connect(self._update_buttons)
        outer.addWidget(self.users_box)

        call_row = QHBoxLayout()
        self.test_call_button = QPushButton(self.tr("&Test call…"), self)
        self.test_call_button.setToolTip(self.tr(
            "Calls a number you type with the settings above: your phone rings first."))
        self.call_busy = BusyIndicator(self)
        call_row.addWidget(self.test_call_button)
        call_row.addWidget(self.call_busy, 1)
        call_row.addStretch(0)
        outer.addLayout(call_row)
        self.call_status = StatusLabel(self)
        self.call_status.setObjectName("call_status")
        outer.addWidget(self.call_status)
        outer.addStretch(1)

        for button in (self.refresh_button, self.test_call_button):
            button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        self.billing_account.currentIndexChanged.connect(self._billing_account_picked)
        self.line.currentIndexChanged.connect(self._line_picked)
        self.user.currentIndexChanged.connect(self._user_picked)
        self.mode_group.buttonToggled.connect(lambda *_: self.changed.emit())
        self.add_button.clicked.connect(self.ask_add_user)
        self.password_button.clicked.connect(self.ask_change_password)
        self.delete_button.clicked.connect(self.ask_delete_user)
        self.test_call_button.clicked.connect(self.ask_test_call)
        self._update_buttons()

    # -- load / save -----------------------------------------------------------------------
    def load(self) -> None:
        self._filling = True
        try:
            ba = str(self.setting("billing_account", ""))
            line = str(self.setting("line", ""))
            user = int(self.setting("click2call_user", 0) or 0)
            self._fill(self.billing_account, [(ba, ba)] if ba else [], ba)
            self._fill(self.line, [(line, human_line(line))] if line else [], line)
            self._fill_users([], user)
            mode = str(self.setting("calling_mode", "ring"))
            self.mode_buttons.get(mode, self.mode_buttons["ring"]).setChecked(True)
        finally:
            self._filling = False
        self._update_buttons()

    def account_edited(self) -> None:
        """The account fields changed: fetch the lists again the next time the page shows."""
        self._loaded_once = False

    def page_shown(self) -> None:
        if not self._loaded_once and self._draft_source() is not None:
            self.refresh()
        elif self._draft_source() is None:
            self._draft()  # says what is missing

    def pending_settings(self) -> dict[str, Any]:
        mode = next((v for v, b in self.mode_buttons.items() if b.isChecked()), "ring")
        return {
            "billing_account": str(self.billing_account.currentData() or ""),
            "line": str(self.line.currentData() or ""),
            "click2call_user": int(self.user.currentData() or 0),
            "calling_mode": mode,
        }

    def validate(self) -> dict[QWidget, str]:
        return {}

    # -- lists -----------------------------------------------------------------------------
    def _draft(self) -> AccountDraft | None:
        draft = self._draft_source()
        if draft is None:
            self.status.show_error(self.tr(
                "Set up and connect the account on the Account page first."))
        return draft

    def refresh(self) -> None:
        """Fetch billing accounts, then the lines and users of the chosen ones (worker)."""
        draft = self._draft()
        if draft is None:
            return
        self._loaded_once = True
        want_ba = str(self.billing_account.currentData() or self.setting("billing_account", ""))
        want_line = str(self.line.currentData() or self.setting("line", ""))
        secrets = self.context.secrets

        def fetch() -> tuple:
            telephony = draft.telephony(secrets)
            accounts = telephony.billing_accounts()
            ba = want_ba if want_ba in accounts else (accounts[0] if accounts else "")
            lines = telephony.lines(ba) if ba else []
            names = [item.service_name for item in lines]
            line = want_line if want_line in names else (names[0] if names else "")
            users = telephony.click2call_users(ba, line) if line else []
            return accounts, ba, lines, line, users

        self._start(self.tr("Fetching your billing accounts and lines…"), fetch,
                    self._all_loaded)

    def _all_loaded(self, result: tuple) -> None:
        accounts, ba, lines, line, users = result
        self._filling = True
        try:
            self._fill(self.billing_account, [(a, a) for a in accounts], ba)
            self._fill(self.line, [(item.service_name, self._line_text(item)) for item in lines],
                       line)
            self._fill_users(users, int(self.user.currentData() or
                                        self.setting("click2call_user", 0) or 0))
        finally:
            self._filling = False
        if not accounts:
            self.status.show_error(self.tr("This account has no telephony billing account."))
        elif not lines:
            self.status.show_error(self.tr("This billing account has no line."))
        else:
            self.status.show_ok(self.tr("{n} line(s) found.").format(n=len(lines)))
        self._finish_loading()

    def _billing_account_picked(self, *_args: object) -> None:
        if self._filling:
            return
        self.changed.emit()
        draft = self._draft()
        ba = str(self.billing_account.currentData() or "")
        if draft is None or not ba:
            return
        secrets = self.context.secrets

        def fetch() -> tuple:
            telephony = draft.telephony(secrets)
            lines = telephony.lines(ba)
            line = lines[0].service_name if lines else ""
            return lines, line, telephony.click2call_users(ba, line) if line else []

        def done(result: tuple) -> None:
            lines, line, users = result
            self._filling = True
            try:
                self._fill(self.line, [(i.service_name, self._line_text(i)) for i in lines], line)
                self._fill_users(users, 0)
            finally:
                self._filling = False
            self._finish_loading()

        self._start(self.tr("Fetching the lines…"), fetch, done)

    def _line_picked(self, *_args: object) -> None:
        if self._filling:
            return
        self.changed.emit()
        self.reload_users()

    def _user_picked(self, *_args: object) -> None:
        self._update_buttons()
        if not self._filling:
            self.changed.emit()

    def reload_users(self, select: int | None = None, message: str = "") -> None:
        draft = self._draft()
        ba, line = self._ba_line()
        if draft is None or not line:
            return
        secrets = self.context.secrets
        keep = int(self.user.currentData() or 0) if select is None else select

        def done(users: list) -> None:
            self._filling = True
            try:
                self._fill_users(users, keep)
            finally:
                self._filling = False
            self._finish_loading()
            if message:
                self.status.show_ok(message)
            self.changed.emit()
            self.users_changed.emit()

        self._start(self.tr("Fetching the Click2Call users…"),
                    lambda: draft.telephony(secrets).click2call_users(ba, line), done)

    def _start(self, text: str, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._generation += 1
        generation = self._generation
        self.busy.start(text)
        self.status.clear_status()
        self._update_buttons()

        def deliver(result: Any) -> None:
            if generation == self._generation:
                on_done(result)

        def fail(exc: BaseException) -> None:
            if generation == self._generation:
                self.status.show_error(describe_error(exc))
                self._finish_loading()

        run_task(fn, on_done=deliver, on_error=fail, parent=self)

    def _finish_loading(self) -> None:
        self.busy.stop()
        self._update_buttons()
        self.lists_loaded.emit()

    @property
    def loading(self) -> bool:
        return not self.busy.isHidden()

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]], current: str) -> None:
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else (0 if items else -1))

    def _fill_users(self, users: list, current: int) -> None:
        self.users_box.set_users(users, current or self.users_box.selected_id())
        self.user.clear()
        self.user.addItem(self.tr("None — calls are placed by the API account"), 0)
        for user in users:
            self.user.addItem(f"{user.login} (#{user.id})", int(user.id))
        stored = int(self.setting("click2call_user", 0) or 0)
        if current and self.user.findData(current) < 0 and current == stored and not users:
            self.user.addItem(f"#{current}", current)  # not fetched yet: keep what is stored
        index = self.user.findData(current)
        self.user.setCurrentIndex(max(index, 0))
        self._update_buttons()

    def _line_text(self, line: Any) -> str:
        human = human_line(line.service_name)
        return f"{human} — {line.description}" if line.description else human

    def _ba_line(self) -> tuple[str, str]:
        return str(self.billing_account.currentData() or ""), str(self.line.currentData() or "")

    def _update_buttons(self) -> None:
        idle = self.busy.isHidden()
        has_line = bool(self.line.currentData())
        has_user = bool(self.users_box.selected_id())
        self.add_button.setEnabled(idle and has_line)
        self.password_button.setEnabled(idle and has_line and has_user)
        self.delete_button.setEnabled(idle and has_line and has_user)
        self.refresh_button.setEnabled(idle)
        self.test_call_button.setEnabled(has_line and self.call_busy.isHidden())

    # -- users -----------------------------------------------------------------------------
    def _checks(self) -> tuple[Callable[[str], list[str]], Callable[[str], list[str]]]:
        from easyclick2call.ovhapi.telephony import check_login, check_password
        from easyclick2call.ui.i18n import translate

        return (lambda pw: check_password(pw, translate)), (lambda lg: check_login(lg, translate))

    def ask_add_user(self) -> None:
        check_password, check_login = self._checks()
        dialog = UserDialog(self.tr("Add a Click2Call user"), ask_login=True,
                            check_password=check_password, check_login=check_login,
                            parent=self)
        dialog.accepted.connect(lambda: self.add_user(dialog.login.text().strip(),
                                                      dialog.password.text()))
        self._open(dialog)

    def add_user(self, login: str, password: str) -> None:
        draft, (ba, line) = self._draft(), self._ba_line()
        if draft is None or not line:
            return
        secrets = self.context.secrets
        self._start(self.tr("Creating the user…"),
                    lambda: draft.telephony(secrets).create_user(ba, line, login, password),
                    lambda new_id: self._user_done(
                        self.tr("User {login} created.").format(login=login), int(new_id)))

    def ask_change_password(self) -> None:
        user_id = self.users_box.selected_id()
        if not user_id:
            return
        check_password, check_login = self._checks()
        dialog = UserDialog(
            self.tr("New password for {user}").format(user=self.users_box.selected_text()),
            ask_login=False, check_password=check_password, check_login=check_login,
            parent=self)
        dialog.accepted.connect(lambda: self.change_password(user_id, dialog.password.text()))
        self._open(dialog)

    def change_password(self, user_id: int, password: str) -> None:
        draft, (ba, line) = self._draft(), self._ba_line()
        if draft is None or not line:
            return
        secrets = self.context.secrets
        self._start(
            self.tr("Changing the password…"),
            lambda: draft.telephony(secrets).change_password(ba, line, user_id, password),
            lambda _r: self._user_done(self.tr("Password changed."), user_id))

    def ask_delete_user(self) -> None:
        user_id = self.users_box.selected_id()
        if not user_id:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete the Click2Call user"),
                          self.tr("Delete {user}? Whoever uses this login to place calls will "
                                  "no longer be able to.").format(
                                      user=self.users_box.selected_text()),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Delete"))
        box.finished.connect(
            lambda result: self.delete_user(user_id)
            if result == QMessageBox.StandardButton.Yes else None)
        self._open(box)

    def delete_user(self, user_id: int) -> None:
        draft, (ba, line) = self._draft(), self._ba_line()
        if draft is None or not line:
            return
        secrets = self.context.secrets
        self._start(self.tr("Deleting the user…"),
                    lambda: draft.telephony(secrets).delete_user(ba, line, user_id),
                    lambda _r: self._user_done(self.tr("User deleted."), 0))

    def _user_done(self, message: str, select: int) -> None:
        self.busy.stop()
        self.reload_users(select=select, message=message)

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- Test call -------------------------------------------------------------------------
    def ask_test_call(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Test call"))
        dialog.setLabelText(self.tr(
            "Number to call (your phone rings first, then this number is dialled):"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.textValueSelected.connect(self.test_call)
        self._open(dialog)

    def test_call(self, text: str) -> None:
        draft, (ba, line) = self._draft(), self._ba_line()
        if draft is None or not line or not text.strip():
            return
        settings = self.pending_settings()
        region = self.region_source() or "FR"
        secrets = self.context.secrets
        user_id = int(settings["click2call_user"]) or None
        intercom = settings["calling_mode"] == "intercom"

        from easyclick2call.core.call_gate import CallPolicy
        from easyclick2call.ovhapi.dialing import CallTarget

        policy = CallPolicy.from_settings(self.context.setting, region)
        target = CallTarget(ba, line, intercom, user_id)
        self._test_call = (lambda confirmed: run_task(
            place_test_call, lambda: draft.telephony(secrets), target, text, policy, confirmed,
            on_done=self._call_done, on_error=self._call_failed, parent=self))
        self.call_busy.start(self.tr("Placing the call…"))
        self.call_status.clear_status()
        self._update_buttons()
        self._test_call(frozenset())

    def _call_done(self, called) -> None:
        from easyclick2call.core.call_gate import NeedsConfirmation

        if isinstance(called, NeedsConfirmation):
            self._confirm_test_call(called)
            return
        self.call_busy.stop()
        self._update_buttons()
        self.call_status.show_ok(self.tr(
            "Call placed: your phone ({line}) should ring now — pick up to reach {number}.")
            .format(line=human_line(self._ba_line()[1]), number=human_line(called)))
        self.call_finished.emit()

    def _confirm_test_call(self, question) -> None:
        """The gate asks first (a number abroad): Call goes on, anything else stops."""
        from easyclick2call.core.call_gate import Confirmation

        if question.what is Confirmation.ABROAD:
            text = self.tr("{number} is a number abroad ({country}). Call it?").format(
                number=question.found.international, country=question.found.region_code)
        else:
            text = self.tr("The last call to {number} may have been placed already. "
                           "Call it again?").format(number=question.found.international)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Test call"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("testCallQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Call"))

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                self._test_call(frozenset({question.what}))
            else:
                self.call_busy.stop()
                self._update_buttons()
                self.call_finished.emit()

        box.finished.connect(answered)
        self._open(box)

    def _call_failed(self, exc: BaseException) -> None:
        self.call_busy.stop()
        self._update_buttons()
        self.call_status.show_error(describe_error(exc))
        self.call_finished.emit()

    def _language(self) -> str:
        return str(getattr(self.context, "language", "en") or "en")
