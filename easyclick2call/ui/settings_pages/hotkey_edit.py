"""The Behaviour page's editor of the global shortcut: press the keys, and it says whether
another program already holds them (asked off the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QKeySequenceEdit, QPushButton, QVBoxLayout, QWidget

from easyclick2call.core.shortcut import parse_shortcut
from easyclick2call.platform import hotkey as platform_hotkey
from easyclick2call.ui.hotkey import problem_text
from easyclick2call.ui.settings_pages.widgets import StatusLabel
from easyclick2call.ui.tasks import run_task


class HotkeyEdit(QWidget):
    """A key-sequence editor for the ``hotkey`` setting, with Clear and a status line.

    Signals: ``changed`` (the shortcut was edited), ``checked(str)`` (the status line was set
    after a check: "free", "taken", "no-key", "unavailable", "invalid" or "desktop" — a portal
    asks the user itself)."""

    changed = Signal()
    checked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = QKeySequenceEdit(self)
        self.edit.setMaximumSequenceLength(1)
        self.edit.setAccessibleName(self.tr("Global shortcut"))
        self.clear_button = QPushButton(self.tr("No shortcut"), self)
        self.clear_button.setAutoDefault(False)
        row.addWidget(self.edit, 1)
        row.addWidget(self.clear_button)
        outer.addLayout(row)
        self.status = StatusLabel(self)
        outer.addWidget(self.status)
        self.setFocusProxy(self.edit)
        self._loaded = ""  # the stored shortcut: this app holds it, nothing to ask
        self._check = 0
        self.edit.keySequenceChanged.connect(self._edited)
        self.clear_button.clicked.connect(self.edit.clear)

    def value(self) -> str:
        """The shortcut as Qt's portable text ("Ctrl+Alt+K"); "" for none."""
        return self.edit.keySequence().toString(QKeySequence.SequenceFormat.PortableText)

    def set_value(self, text: str) -> None:
        self._loaded = text
        self.edit.blockSignals(True)
        self.edit.setKeySequence(QKeySequence.fromString(
            text, QKeySequence.SequenceFormat.PortableText))
        self.edit.blockSignals(False)
        self.status.clear_status()

    def _edited(self) -> None:
        self.changed.emit()
        self._check += 1
        text = self.value()
        if not text or text == self._loaded:
            self.status.clear_status()
            return
        try:
            shortcut = parse_shortcut(text)
        except ValueError:
            self.status.show_error(self.tr(
                "Use Ctrl, Alt or Meta with a letter, a digit, F1–F24 or an arrow key."))
            self.checked.emit("invalid")
            return
        if not platform_hotkey.checkable():
            self.status.show_info(self.tr("Your desktop will ask you to confirm {shortcut}.")
                                  .format(shortcut=text))
            self.checked.emit("desktop")
            return
        check = self._check
        self.status.show_info(self.tr("Checking whether {shortcut} is free…").format(
            shortcut=text))
        run_task(platform_hotkey.probe, shortcut,
                 on_done=lambda problem: self._show(check, text, problem), parent=self)

    def _show(self, check: int, text: str, problem) -> None:
        if check != self._check:
            return  # edited again meanwhile
        if problem is None:
            self.status.show_ok(self.tr("{shortcut} is free.").format(shortcut=text))
            self.checked.emit("free")
        else:
            self.status.show_error(problem_text(problem, text))
            self.checked.emit(problem.value)
