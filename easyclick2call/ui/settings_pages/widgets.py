"""Small widgets shared by the settings pages: a busy indicator, a status line, a secret field,
the Click2Call password rules, an editable list and a country picker."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

STORED_MASK = "••••••"
ERROR_STYLE = "color: palette(window-text); background: #fde2e1; border: 1px solid #c0392b;"
ERROR_TEXT_COLOR = "#b3261e"
OK_TEXT_COLOR = "#1e7b34"


class BusyIndicator(QWidget):
    """An indeterminate progress bar with a short text; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 8)
        self.label = QLabel(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def stop(self) -> None:
        self.hide()


class StatusLabel(QLabel):
    """One line telling the outcome of an action: neutral, success or failure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = "none"
        self.hide()

    def show_info(self, text: str) -> None:
        self._set(text, "info", "")

    def show_ok(self, text: str) -> None:
        self._set(text, "ok", f"color: {OK_TEXT_COLOR};")

    def show_error(self, text: str) -> None:
        self._set(text, "error", f"color: {ERROR_TEXT_COLOR};")

    def clear_status(self) -> None:
        self._set("", "none", "")

    def _set(self, text: str, kind: str, style: str) -> None:
        self.kind = kind
        self.setStyleSheet(style)
        self.setText(text)
        self.setVisible(bool(text))


class SecretField(QWidget):
    """A secret that is never shown back in clear.

    States: "empty" (nothing stored), "stored" (in the keyring, shown masked with Change/Clear),
    "new" (typed by the user, saved on OK/Apply) and "cleared" (deleted on OK/Apply).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setClearButtonEnabled(True)
        self.stored_label = QLabel(self)
        self.stored_label.setText(self.tr("%1 (stored in the system keyring)").replace(
            "%1", STORED_MASK))
        self.change_button = QPushButton(self.tr("Change…"), self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        for button in (self.change_button, self.clear_button):
            button.setAutoDefault(False)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.stored_label, 1)
        layout.addWidget(self.change_button)
        layout.addWidget(self.clear_button)
        self.change_button.clicked.connect(self._change)
        self.clear_button.clicked.connect(self._clear)
        self.edit.textChanged.connect(lambda _text: self.changed.emit())
        self._stored = False
        self._cleared = False
        self._refresh()

    # -- state -----------------------------------------------------------------------------
    def set_stored(self, stored: bool, *, keep_typed: bool = False) -> None:
        """What the keyring holds (called after a background look-up or a save). With
        `keep_typed` (a look-up that answers late) what the user already typed stays."""
        self._stored = stored
        self._cleared = False
        if keep_typed and self.edit.text():
            self.clear_button.setVisible(stored)
            return
        self.edit.clear()
        self._refresh()

    def set_new_value(self, value: str) -> None:
        """A value obtained by the app (e.g. a freshly validated consumer key)."""
        self._cleared = False
        self.edit.setText(value)
        self._show_editor()
        self.changed.emit()

    @property
    def state(self) -> str:
        if self.edit.isVisibleTo(self) and self.edit.text():
            return "new"
        if self._cleared:
            return "cleared"
        return "stored" if self._stored else "empty"

    @property
    def new_value(self) -> str:
        return self.edit.text() if self.state == "new" else ""

    def has_value(self) -> bool:
        return self.state in ("new", "stored")

    def pending(self) -> tuple[bool, str | None]:
        """(something to save, value); value None means delete it from the keyring."""
        if self.state == "new":
            return True, self.edit.text()
        if self.state == "cleared":
            return True, None
        return False, None

    # -- actions ---------------------------------------------------------------------------
    def _change(self) -> None:
        self._show_editor()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _clear(self) -> None:
        self._cleared = self._stored
        self.edit.clear()
        self._refresh()
        self.changed.emit()

    def _show_editor(self) -> None:
        self.stored_label.hide()
        self.change_button.hide()
        self.edit.show()
        self.clear_button.setVisible(self._stored)
        self.setFocusProxy(self.edit)

    def _refresh(self) -> None:
        masked = self._stored and not self._cleared
        self.edit.setVisible(not masked)
        self.stored_label.setVisible(masked)
        self.change_button.setVisible(masked)
        self.clear_button.setVisible(masked)
        if self._cleared:
            self.edit.setPlaceholderText(self.tr("Will be removed from the keyring on OK"))
        else:
            self.edit.setPlaceholderText("")
        self.setFocusProxy(self.change_button if masked else self.edit)


class PasswordRules(QLabel):
    """The Click2Call password rules, each ticked or crossed live as the user types."""

    def __init__(self, check: Callable[[str], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.problems: list[str] = []
        self.update_for("")

    def update_for(self, password: str) -> list[str]:
        self.problems = list(self._check(password)) if password else [
            self.tr("Type a password.")]
        hint = self.tr("8 to 20 characters: letters, digits or ~\"#'{}()[]-|^@=*+/!:;.,?<>%; "
                       "no space, &, $ or `.")
        lines = [escape(hint)]
        if not password:
            pass
        elif self.problems:
            lines += [f"<span style='color:{ERROR_TEXT_COLOR}'>✗ {escape(p)}</span>"
                      for p in self.problems]
        else:
            lines.append(f"<span style='color:{OK_TEXT_COLOR}'>✓ "
                         f"{escape(self.tr('The password meets the rules.'))}</span>")
        self.setText("<br>".join(lines))
        return self.problems



class ListEditor(QWidget):
    """An editable list of short strings with Add / Remove / Restore defaults."""

    changed = Signal()

    def __init__(self, defaults: Iterable[str], add_prompt: str,
                 validate: Callable[[str], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._defaults = list(defaults)
        self._add_prompt = add_prompt
        self._validate = validate
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_TEXT_COLOR};")
        self.error.hide()
        self.list = QListWidget(self)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.restore_button = QPushButton(self.tr("Restore &defaults"), self)
        for button in (self.add_button, self.remove_button, self.restore_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        outer.addWidget(self.error)
        self.add_button.clicked.connect(self._ask_new)
        self.remove_button.clicked.connect(self.remove_selected)
        self.restore_button.clicked.connect(self.restore_defaults)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.input_dialog: QInputDialog | None = None
        self._update_buttons()

    def values(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_values(self, values: Iterable[str]) -> None:
        self.list.clear()
        for value in values:
            QListWidgetItem(str(value), self.list)
        self._update_buttons()

    def add_value(self, value: str) -> bool:
        value = value.strip()
        problem = self._validate(value) if self._validate and value else ""
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if problem or not value or value in self.values():
            return False
        QListWidgetItem(value, self.list)
        self.list.setCurrentRow(self.list.count() - 1)
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()
        self._update_buttons()

    def restore_defaults(self) -> None:
        self.set_values(self._defaults)
        self.changed.emit()

    def _ask_new(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Add"))
        dialog.setLabelText(self._add_prompt)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.textValueSelected.connect(self.add_value)
        dialog.finished.connect(dialog.deleteLater)
        self.input_dialog = dialog
        dialog.open()

    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)


def region_names() -> list[tuple[str, str]]:
    """(region code, country name) for every region phonenumbers knows, sorted by name
    (core.regions' list and Qt's country names: phonenumbers is not imported for it)."""
    from easyclick2call.core.regions import REGION_CODES
    from easyclick2call.ui.popup import country_name

    return sorted(((code, country_name(code)) for code in REGION_CODES),
                  key=lambda pair: pair[1].casefold())


class CountryCombo(QComboBox):
    """Pick a region; shows "France (FR)" and stores "FR"; type-ahead by name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, name in region_names():
            self.addItem(f"{name} ({code})", code)

    def region(self) -> str:
        return str(self.currentData() or "")

    def set_region(self, code: str) -> None:
        index = self.findData((code or "").upper())
        if index >= 0:
            self.setCurrentIndex(index)


def mark_invalid(widget: QWidget, message: str | None) -> None:
    """Show (message) or clear (None) the invalid-field look and its explanation tooltip."""
    if message:
        widget.setStyleSheet(f"QLineEdit, QComboBox, QSpinBox {{ {ERROR_STYLE} }}")
        widget.setToolTip(message)
        widget.setProperty("invalid", True)
    else:
        widget.setStyleSheet("")
        widget.setProperty("invalid", False)
