"""The "Call a number…" box: type or paste a number, press Call."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from easyclick2call.ui.icons import app_icon
from easyclick2call.ui.tasks import run_task


def _parse_number(text: str, region: str, language: str):
    """(On a worker) core.numbers.parse_number, imported there: the first use loads the
    number engine, which is not the GUI thread's job."""
    from easyclick2call.core.numbers import parse_number

    return parse_number(text, region, language)

class CallDialog(QDialog):
    """Emits ``number_chosen(FoundNumber)`` once the typed text parses as a callable number."""

    number_chosen = Signal(object)

    def __init__(self, region: str = "FR", language: str = "en", demo: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._region = region
        self._language = language
        suffix = f" ({self.tr('Demo')})" if demo else ""
        self.setWindowTitle(self.tr("Call a number — EasyClick2Call") + suffix)
        self.setWindowIcon(app_icon())
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Number to call:")))
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("numberEdit")
        self.number_edit.setPlaceholderText(self.tr("e.g. 01 99 00 12 34 or +32 2 123 45 67"))
        layout.addWidget(self.number_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet("color:#b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.call_button = QPushButton(self.tr("Call"))
        self.call_button.setObjectName("callButton")
        buttons.addButton(self.call_button, QDialogButtonBox.ButtonRole.AcceptRole)
        # Enter places the call: Call is the default button, and Cancel never becomes it (a
        # default set before the button box owns the button is lost when the dialog shows).
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.call_button.setDefault(True)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def _check(self) -> None:
        text = self.number_edit.text()
        if not text.strip():
            self._show_error(self.tr("Type a phone number first."))
            return
        self.call_button.setEnabled(False)
        run_task(_parse_number, text, self._region, self._language,
                 on_done=self._parsed, on_error=self._not_callable, parent=self)

    def _parsed(self, found) -> None:
        self.number_chosen.emit(found)
        self.accept()

    def _not_callable(self, exc: BaseException) -> None:
        self.call_button.setEnabled(True)
        reason = getattr(exc, "reason", "") or self.tr("This is not a number that can be called.")
        self._show_error(reason)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
