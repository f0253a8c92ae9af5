"""Missed calls on the tray: a count on the icon and in the tooltip, the last ones in the menu.

The count goes back to zero when they are seen: the tray menu opened (it lists them), a
missed-call toast answered (Call back or Dismiss), or the History window opened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu

LAST_IN_MENU = 3
BADGE_SIZE = 64


def tr(text: str) -> str:
    return QCoreApplication.translate("LiveCalls", text)


class MissedCalls(QObject):
    """The missed calls not seen yet, and the last few (for the menu)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.unseen = 0
        self.last: list[tuple[str, str]] = []  # (e164, time shown), newest first

    def add(self, e164: str, when: str) -> None:
        self.unseen += 1
        self.last = [(e164, when), *[item for item in self.last if item[0] != e164]]
        self.last = self.last[:LAST_IN_MENU]
        self.changed.emit()

    def seen(self) -> None:
        if self.unseen:
            self.unseen = 0
            self.changed.emit()

    def retract(self, e164: str) -> None:
        """A call counted as missed was answered after all."""
        self.unseen = max(0, self.unseen - 1)
        self.last = [item for item in self.last if item[0] != e164]
        self.changed.emit()

    def called_back(self, e164: str) -> None:
        self.last = [item for item in self.last if item[0] != e164]
        self.seen()
        self.changed.emit()

    def tooltip_line(self) -> str:
        return _count_text(self.unseen) if self.unseen else ""

    def badge(self, icon: QIcon) -> QIcon:
        """`icon` with the count in a red disc (the icon itself when nothing is unseen)."""
        if not self.unseen:
            return icon
        pixmap = icon.pixmap(BADGE_SIZE, BADGE_SIZE)
        if pixmap.isNull():
            pixmap = QPixmap(BADGE_SIZE, BADGE_SIZE)
            pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        disc = QRect(BADGE_SIZE // 2 - 2, 0, BADGE_SIZE // 2 + 2, BADGE_SIZE // 2 + 2)
        painter.setBrush(QColor("#d0021b"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(disc)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(BADGE_SIZE // 3)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(min(self.unseen, 99)))
        painter.end()
        return QIcon(pixmap)

    def add_to_menu(self, menu: QMenu, add: Callable, call_back: Callable[[str], None]) -> None:
        """The "Missed calls" section: one Call back entry per recent missed call."""
        if not self.last:
            return
        menu.addSeparator()
        heading = menu.addAction(_count_text(self.unseen) if self.unseen else tr("Missed calls"))
        heading.setObjectName("missedHeading")
        heading.setEnabled(False)
        for e164, when in self.last:
            label = tr("Call back {number} (missed at {time})").format(number=e164, time=when)
            action = add(menu, label, "callBackMissed", lambda _c=False, e=e164: call_back(e))
            action.setData(e164)


def _count_text(count: int) -> str:
    return tr("1 missed call") if count == 1 else tr("{count} missed calls").format(count=count)
