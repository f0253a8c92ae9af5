"""Notifications: the in-app toast and the desktop's notification server."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from easyclick2call.ui.notifications import Notifier
from easyclick2call.ui.tasks import wait_for_tasks
from tests.e2e.support.notifications import NotificationServer


def test_toast_has_a_findable_title_hides_itself_and_keeps_focus(qtbot, monkeypatch):
    monkeypatch.setattr("easyclick2call.ui.notifications.TOAST_MS", 500)
    editor = QLineEdit()
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is editor.windowHandle(), timeout=3000)
    notifier = Notifier(use_desktop=False)
    toast = notifier.notify("Calling 01 99 00 12 34", "Your phone is ringing.")
    assert toast is not None
    qtbot.waitExposed(toast)
    assert toast.windowTitle() == "EasyClick2Call — Calling 01 99 00 12 34"
    assert QApplication.activeWindow() is editor
    qtbot.waitUntil(lambda: notifier.visible_toasts() == [], timeout=5000)


def test_demo_messages_say_demo(qtbot):
    notifier = Notifier(demo=True, use_desktop=False)
    toast = notifier.notify("Calling", "Your phone is ringing.")
    assert "Demo" in toast.windowTitle()
    toast.close()


def test_toasts_stack_instead_of_overlapping(qtbot):
    notifier = Notifier(use_desktop=False)
    first = notifier.notify("One", "first")
    second = notifier.notify("Two", "second")
    qtbot.waitExposed(second)
    assert not first.geometry().intersects(second.geometry())
    first.close()
    second.close()


def test_also_sent_to_the_desktop_notification_server(qtbot):
    with NotificationServer() as server:
        notifier = Notifier(demo=True)
        toast = notifier.notify("Call failed", "OVHcloud has a temporary problem.", error=True)
        qtbot.waitUntil(lambda: len(server.notifications()) == 1, timeout=10000)
        received = server.notifications()[0]
        assert received.app_name == "EasyClick2Call"
        assert received.summary == "EasyClick2Call — Call failed (Demo)"
        assert received.body == "OVHcloud has a temporary problem."
        toast.close()
        wait_for_tasks(5000)
        # The server's answer reaches the notifier before the notifier goes (the queued answer
        # landing on a deleted notifier crashed the process now and then).
        qtbot.waitUntil(lambda: notifier._desktop is True, timeout=5000)


def test_no_notification_server_is_fine(qtbot):
    notifier = Notifier()
    toast = notifier.notify("Calling", "ringing")
    qtbot.waitUntil(lambda: notifier._desktop is False, timeout=10000)
    assert toast.isVisible()
    toast.close()


def test_a_toast_goes_to_a_corner_free_of_the_apps_windows():
    from PySide6.QtCore import QPoint, QRect, QSize

    from easyclick2call.ui.notifications import MARGIN, toast_position

    area, size = QRect(0, 0, 1280, 800), QSize(300, 80)
    bottom_right = QPoint(1280 - 1 - 300 - MARGIN, 800 - 1 - 80 - MARGIN)
    assert toast_position(size, area, []) == bottom_right
    history = QRect(700, 450, 560, 340)  # the History window, its buttons bottom right
    assert toast_position(size, area, [history]) == QPoint(1280 - 1 - 300 - MARGIN, MARGIN)
    everywhere = [QRect(0, 0, 1280, 800)]
    assert toast_position(size, area, everywhere) == bottom_right  # nowhere free: as before
    assert toast_position(size, area, [history], offset=90) == QPoint(
        1280 - 1 - 300 - MARGIN, MARGIN + 90)  # stacked under the earlier toast


def test_the_calling_toast_does_not_cover_an_open_window(qtbot):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    window.setGeometry(screen.right() - 600, screen.bottom() - 400, 560, 360)
    window.show()
    qtbot.waitExposed(window)
    notifier = Notifier(use_desktop=False)
    toast = notifier.notify("Calling", "Your phone is ringing.")
    assert not toast.frameGeometry().intersects(window.frameGeometry())
    toast.close()
