"""The "Call a number…" box: type or paste a number — or part of a contact's name or number —
and press Call. Matching contacts are listed as you type (searched off the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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


SEARCH_DELAY_MS = 120  # typing pauses this long before the contacts are searched
MAX_MATCHES = 8


def _search(path, text: str, region: str, generation: int) -> tuple[int, list[tuple[str, str]]]:
    """(On a worker) (label, E.164) of the contacts matching `text`, tagged with `generation`."""
    from easyclick2call.core.contacts import ContactStore, digit_queries, display

    if path is None or not path.exists():
        return generation, []
    found = ContactStore(path).search(text, region=region, limit=MAX_MATCHES)
    by_name = any(char.isalpha() for char in text)
    queries = digit_queries(text, region)
    return generation, [
        (f"{contact.name} — {display(number.e164, region)}", number.e164)
        for contact in found for number in contact.numbers
        if by_name or any(query in number.e164 for query in queries)][:MAX_MATCHES]

class CallDialog(QDialog):
    """Emits ``number_chosen(FoundNumber)`` once the typed text parses as a callable number."""

    number_chosen = Signal(object)

    def __init__(self, region: str = "FR", language: str = "en", demo: bool = False,
                 parent: QWidget | None = None, contacts_db=None) -> None:
        """`contacts_db`: the contacts store's file, searched by name or digits as you type."""
        super().__init__(parent)
        self._region = region
        self._language = language
        self._contacts_db = contacts_db
        self._generation = 0
        suffix = f" ({self.tr('Demo')})" if demo else ""
        self.setWindowTitle(self.tr("Call a number — EasyClick2Call") + suffix)
        self.setWindowIcon(app_icon())
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Number or name to call:")))
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("numberEdit")
        self.number_edit.setPlaceholderText(self.tr("e.g. 01 99 00 12 34 or +32 2 123 45 67"))
        layout.addWidget(self.number_edit)
        self.matches = QListWidget()
        self.matches.setObjectName("contactMatches")
        self.matches.setAccessibleName(self.tr("Matching contacts"))
        self.matches.hide()
        self.matches.itemActivated.connect(self._call_match)
        layout.addWidget(self.matches)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self.number_edit.textChanged.connect(self._typed)
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

    # -- contacts search ------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self._generation += 1  # results of older searches are dropped
        if self._contacts_db is None or len(text.strip()) < 2:
            self._show_matches(self._generation, [])
            return
        self._search_timer.start()

    def _search(self) -> None:
        run_task(_search, self._contacts_db, self.number_edit.text(), self._region,
                 self._generation, on_done=self._searched, parent=self)

    def _searched(self, outcome: tuple[int, list[tuple[str, str]]]) -> None:
        self._show_matches(*outcome)

    def _show_matches(self, generation: int, matches: list[tuple[str, str]]) -> None:
        if generation != self._generation:
            return
        self.matches.clear()
        for label, e164 in matches:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, e164)
            self.matches.addItem(item)
        if matches:
            self.matches.setCurrentRow(0)
        self.matches.setVisible(bool(matches))

    def _call_match(self, item: QListWidgetItem) -> None:
        self._parse(str(item.data(Qt.ItemDataRole.UserRole)))

    def _check(self) -> None:
        text = self.number_edit.text()
        if not text.strip():
            self._show_error(self.tr("Type a phone number first."))
            return
        current = self.matches.currentItem()
        if current is not None and self.matches.isVisible() and any(
                char.isalpha() for char in text):
            self._call_match(current)  # a name typed: the contact chosen in the list
            return
        self._parse(text)

    def _parse(self, text: str) -> None:
        if not self.call_button.isEnabled():
            return  # one press, one call
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
