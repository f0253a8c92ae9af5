"""Small dialogs of the Line page: a new Click2Call user, a new password."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from easyclick2call.ui.settings_pages.widgets import PasswordRules, mark_invalid


class UserDialog(QDialog):
    """Login (when adding) and password, with OVHcloud's password rules checked live."""

    def __init__(self, title: str, *, ask_login: bool,
                 check_password: Callable[[str], list[str]],
                 check_login: Callable[[str], list[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._check_login = check_login
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.login = QLineEdit(self)
        self.login.setObjectName("login")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QCheckBox(self.tr("&Show the password"), self)
        self.login_problems = QLabel(self)
        self.login_problems.setWordWrap(True)
        self.rules = PasswordRules(check_password, self)
        if ask_login:
            login_label = QLabel(self.tr("&Login:"), self)
            login_label.setBuddy(self.login)
            form.addRow(login_label, self.login)
            form.addRow(self.login_problems)
        else:
            self.login.hide()
            self.login_problems.hide()
        password_label = QLabel(self.tr("&Password:"), self)
        password_label.setBuddy(self.password)
        form.addRow(password_label, self.password)
        form.addRow(self.show_password)
        form.addRow(self.rules)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.login.textChanged.connect(self._update)
        self.password.textChanged.connect(self._update)
        self.show_password.toggled.connect(
            lambda shown: self.password.setEchoMode(
                QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password))
        self._ask_login = ask_login
        self._update()

    def problems(self) -> list[str]:
        found = list(self.rules.problems)
        if self._ask_login:
            found += self._check_login(self.login.text().strip())
        return found

    def _update(self, *_args: object) -> None:
        password_problems = self.rules.update_for(self.password.text())
        mark_invalid(self.password,
                     "; ".join(password_problems) if self.password.text() and password_problems
                     else None)
        if self._ask_login:
            login = self.login.text().strip()
            login_problems = self._check_login(login) if login else []
            self.login_problems.setText("; ".join(login_problems))
            mark_invalid(self.login, "; ".join(login_problems) or None)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.problems())

    def accept(self) -> None:
        if self.problems():
            return
        super().accept()
