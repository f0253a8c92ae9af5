"""Tell the user what happened: an in-app toast, the desktop's notification server, or the tray.

The toast is a small frameless top-level window that never takes focus and hides itself; its
window title starts with "EasyClick2Call — " so people, screen readers and tests can find it.
When a freedesktop notification server is on the session bus, the message also goes there
(org.freedesktop.Notifications, sent from a worker thread). Only when neither can be shown is
QSystemTrayIcon.showMessage used. In demo mode every message says "Demo".
"""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from easyclick2call.platform import os_traits
from easyclick2call.ui.icons import app_icon
from easyclick2call.ui.tasks import run_task

log = logging.getLogger(__name__)

TOAST_MS = 6000
ERROR_TOAST_MS = 12000
TOAST_WIDTH = 380
MARGIN = 16


def tr(text: str) -> str:
    return QCoreApplication.translate("Notifications", text)


class Toast(QWidget):
    """A small message window in a screen corner; never takes focus; hides after a while."""

    closed = Signal()

    def __init__(self, title: str, body: str, *, error: bool = False, demo: bool = False,
                 timeout_ms: int = TOAST_MS) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # paint the border and accent
        self.setObjectName("toast")
        self.setWindowTitle(f"EasyClick2Call — {title}")
        self.setWindowIcon(app_icon())
        self.setFixedWidth(TOAST_WIDTH)
        accent = "#d0021b" if error else "#0050d7"
        self.setStyleSheet(
            f"QWidget#toast {{ background: palette(window); border: 1px solid palette(mid);"
            f" border-left: 5px solid {accent}; }}")
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        # The window title keeps "(Demo)" (desktop notifications have no badge); the badge says it
        shown = title.removesuffix(f" ({tr('Demo')})") if demo else title
        self.title_label = QLabel(f"<b>{escape(shown)}</b>")
        self.title_label.setWordWrap(True)  # a long title wraps, never cut
        header.addWidget(self.title_label, 1)
        if demo:
            badge = QLabel(tr("Demo"))
            badge.setObjectName("demoBadge")
            badge.setStyleSheet("background:#f28c00; color:white; padding:1px 6px;"
                                " border-radius:3px; font-weight:bold;")
            header.addWidget(badge)
        layout.addLayout(header)
        self.body_label = QLabel(body)
        self.body_label.setWordWrap(True)
        self.body_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.body_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.close)
        self._timeout_ms = timeout_ms

    def show_in_corner(self, offset: int = 0) -> None:
        # As tall as its wrapped text needs at its fixed width (adjustSize alone may size it for
        # unwrapped text, and the rest would be cut off at the bottom).
        layout = self.layout()
        layout.activate()
        self.resize(TOAST_WIDTH, max(layout.totalHeightForWidth(TOAST_WIDTH),
                                     layout.totalMinimumSize().height()))
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        # Bottom right first: away from the popup (near the tray), so clicks meant for it never
        # land on a toast; another corner when one of the app's windows is there.
        self.move(toast_position(self.size(), area, _app_windows(), offset))
        self.show()
        self._timer.start(self._timeout_ms)

    def enterEvent(self, event) -> None:
        self._timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:
        self._timer.start(self._timeout_ms)
        super().leaveEvent(event)

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)



def toast_position(size: QSize, area: QRect, avoid: list[QRect], offset: int = 0) -> QPoint:
    """Where a toast of `size` goes in the screen `area`: the first corner (bottom right, top
    right, bottom left, top left) where it covers none of `avoid` (the app's open windows),
    else bottom right. `offset` stacks it away from the corner's edge (earlier toasts)."""
    right = area.right() - size.width() - MARGIN
    left = area.left() + MARGIN
    bottom = area.bottom() - size.height() - MARGIN - offset
    top = area.top() + MARGIN + offset
    corners = [QPoint(right, bottom), QPoint(right, top), QPoint(left, bottom), QPoint(left, top)]
    for corner in corners:
        if not any(QRect(corner, size).intersects(window) for window in avoid):
            return corner
    return corners[0]


def _app_windows() -> list[QRect]:
    """The frames of this app's visible windows (History, Settings…), toasts aside."""
    return [widget.frameGeometry() for widget in QApplication.topLevelWidgets()
            if widget.isVisible() and widget.isWindow() and not isinstance(widget, Toast)
            and widget.windowType() != Qt.WindowType.Popup]


class Notifier(QObject):
    """Shows messages; keeps the toasts it opened (newest first) for tests and stacking."""

    def __init__(self, demo: bool = False, use_desktop: bool = True,
                 tray: QSystemTrayIcon | None = None, parent: QObject | None = None,
                 toasts: bool = True) -> None:
        """`toasts=False`: no toast window (Wayland, where a new window takes the focus): the
        desktop's notifications only."""
        super().__init__(parent)
        self.demo = demo
        self._toasts = toasts
        self.tray = tray
        self.toasts: list[Toast] = []
        self._use_desktop = use_desktop
        self._desktop: bool | None = None  # probed once, lazily

    def notify(self, title: str, body: str, *, error: bool = False) -> Toast | None:
        """Show `body` under `title` ("Calling", "Call failed"…)."""
        if self.demo and tr("Demo") not in title:
            title = f"{title} ({tr('Demo')})"
        toast: Toast | None = None
        try:
            if not self._toasts:
                raise RuntimeError("no toast windows here")
            toast = Toast(title, body, error=error, demo=self.demo,
                          timeout_ms=ERROR_TOAST_MS if error else TOAST_MS)
            self.toasts = [t for t in self.toasts if _alive(t)]
            offset = sum(t.height() + 8 for t in self.toasts if t.isVisible())
            toast.show_in_corner(offset)
            self.toasts.insert(0, toast)
        except RuntimeError:  # no screen at all, or no toasts wanted
            toast = None
        shown_on_desktop = self._send_desktop(title, body, error)
        if toast is None and not shown_on_desktop and self.tray is not None:
            icon = (QSystemTrayIcon.MessageIcon.Critical if error
                    else QSystemTrayIcon.MessageIcon.Information)
            self.tray.showMessage(f"EasyClick2Call — {title}", body, icon)
        return toast

    def visible_toasts(self) -> list[Toast]:
        return [t for t in self.toasts if _alive(t) and t.isVisible()]

    def _send_desktop(self, title: str, body: str, error: bool) -> bool:
        """Also send it to the desktop's notification server, off the GUI thread."""
        if (not self._use_desktop or self._desktop is False
                or not os_traits.desktop_notifications_over_dbus()):
            return False
        timeout = ERROR_TOAST_MS if error else TOAST_MS
        # parent=self: the task's result object lives as long as this notifier (a parentless
        # one could be destroyed from the worker thread while its result is queued: a crash).
        run_task(send_freedesktop_notification, f"EasyClick2Call — {title}", body, timeout,
                 on_done=self._desktop_answered,
                 on_error=lambda _exc: self._desktop_answered(False), parent=self)
        return True

    def _desktop_answered(self, delivered: bool) -> None:
        self._desktop = bool(delivered)


def send_freedesktop_notification(summary: str, body: str, timeout_ms: int) -> bool:
    """org.freedesktop.Notifications.Notify on the session bus (a worker thread; blocking).

    Uses jeepney (already there on Linux: keyring needs it) because the call's exact D-Bus types
    ("susssasa{sv}i") cannot be expressed through PySide's QtDBus. False when no server."""
    try:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection
    except ImportError:
        return False
    service = "org.freedesktop.Notifications"
    address = DBusAddress("/org/freedesktop/Notifications", bus_name=service, interface=service)
    message = new_method_call(address, "Notify", "susssasa{sv}i",
                              ("EasyClick2Call", 0, "phone", summary, body, [], {}, timeout_ms))
    try:
        connection = open_dbus_connection(bus="SESSION")
    except (OSError, KeyError, ValueError):
        return False
    with connection:
        try:
            reply = connection.send_and_get_reply(message, timeout=5)
        except (OSError, TimeoutError):
            return False
    return reply.header.message_type.name == "method_return"


def _alive(widget: QWidget) -> bool:
    try:
        widget.isVisible()
    except RuntimeError:
        return False
    return True
