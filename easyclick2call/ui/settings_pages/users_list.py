"""The Line page's Click2Call users: the list of the line's users and the buttons that act on
the one selected (Add works without a selection)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Rows shown without scrolling: a line rarely has more users than this.
VISIBLE_ROWS = 4


class UsersBox(QGroupBox):
    """List + Add / Change password / Delete. Emits ``selection_changed`` when the selected
    user changes (the page then enables its buttons)."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Click2Call users of this line"))
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("usersList")
        self.list.setAccessibleName(self.tr("Click2Call users of this line"))
        self.list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        layout.addWidget(self.list)
        self._fit_rows()
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.password_button = QPushButton(self.tr("Change &password…"), self)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        for button in (self.add_button, self.password_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(lambda *_: self.selection_changed.emit())

    def set_users(self, users: list, select: int = 0) -> None:
        """Show `users` (objects with id and login); select `select` when it is among them."""
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for user in users:
                item = QListWidgetItem(f"{user.login}  (#{user.id})", self.list)
                item.setData(Qt.ItemDataRole.UserRole, int(user.id))
            if not users:
                item = QListWidgetItem(self.tr("No Click2Call user on this line yet"), self.list)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            for row in range(self.list.count()):
                if users and self.list.item(row).data(Qt.ItemDataRole.UserRole) == select:
                    self.list.setCurrentRow(row)
        finally:
            self.list.blockSignals(False)
        self._fit_rows()
        self.selection_changed.emit()

    def _fit_rows(self) -> None:
        """As tall as its rows, from two to VISIBLE_ROWS (then it scrolls)."""
        rows = min(max(self.list.count(), 2), VISIBLE_ROWS)
        row = self.list.sizeHintForRow(0) if self.list.count() else 0
        row = max(row, self.list.fontMetrics().height() + 4)
        self.list.setFixedHeight(rows * row + 2 * self.list.frameWidth() + 2)

    def select(self, user_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == user_id:
                self.list.setCurrentRow(row)

    def selected_id(self) -> int:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value else 0

    def selected_text(self) -> str:
        item = self.list.currentItem()
        return item.text() if item is not None and self.selected_id() else ""
