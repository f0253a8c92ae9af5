"""A small main window for desktops without a system tray: the tray menu's actions as buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from easyclick2call.ui.icons import app_icon


class MainWindow(QWidget):
    """Status line plus buttons; closing it only hides it while a tray icon exists."""

    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        layout = QVBoxLayout(self)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.no_tray_label = QLabel(self.tr(
            "Your desktop shows no system tray, so EasyClick2Call opens this window instead. "
            "On GNOME, install and switch on the “AppIndicator and KStatusNotifierItem "
            "Support” extension (Debian, Ubuntu: gnome-shell-extension-appindicator); on other "
            "desktops, add the System Tray to a panel. The icon then appears by itself."))
        self.no_tray_label.setObjectName("noTrayLabel")
        self.no_tray_label.setWordWrap(True)
        layout.addWidget(self.no_tray_label)
        self.demo_button = self._button(layout, self.tr("Try the demo"), "tryDemo",
                                        app.try_demo)
        self.buttons = {
            "callNumber": self._button(layout, self.tr("Call a number…"), "callNumber",
                                       app.show_call_dialog),
            "callClipboard": self._button(layout, self.tr("Call clipboard now"),
                                          "callClipboard", app.call_clipboard_now),
            "pause": self._button(layout, self.tr("Pause watching"), "pause", app.set_paused),
            "history": self._button(layout, self.tr("History…"), "history", app.show_history),
            "settings": self._button(layout, self.tr("Settings…"), "settings",
                                     app.show_settings),
            "about": self._button(layout, self.tr("About"), "about", app.show_about),
            "quit": self._button(layout, self.tr("Quit"), "quit", app.quit),
        }
        self.buttons["pause"].setCheckable(True)
        self.setMinimumWidth(360)
        self.update_state()

    def _button(self, layout: QVBoxLayout, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def update_state(self) -> None:
        suffix = f" ({self.tr('Demo')})" if self.app.context.demo else ""
        self.setWindowTitle("EasyClick2Call" + suffix)
        self.status_label.setText(self.app.status_text())
        self.buttons["pause"].setChecked(self.app.paused)
        self.demo_button.setVisible(self.app.state() == "not_configured")
        self.no_tray_label.setVisible(not self.app.tray_visible())

    def closeEvent(self, event) -> None:
        if self.app.tray_visible():
            event.ignore()
            self.hide()
            return
        self.app.quit()
        event.accept()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.app.tray_visible():
            self.hide()
            return
        super().keyPressEvent(event)
