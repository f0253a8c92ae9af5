"""The floor: the least a PySide6 tray app can do to offer a call for copied text.

A QApplication, a QSystemTrayIcon with a plain icon, and on QClipboard.dataChanged a tiny frameless
top-level window titled with the clipboard text. No detection, no settings, no network. The app's
benchmarks are ratios against this program, measured in the same run (benchmarks/bench_app.py).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget


def main() -> int:
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#0050d7"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.show()

    popup = QWidget(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                    | Qt.WindowType.WindowStaysOnTopHint
                    | Qt.WindowType.WindowDoesNotAcceptFocus)
    popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    popup.resize(160, 40)
    clipboard = QGuiApplication.clipboard()

    def show_text() -> None:
        popup.setWindowTitle(clipboard.text()[:200])
        popup.show()

    clipboard.dataChanged.connect(show_text)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
