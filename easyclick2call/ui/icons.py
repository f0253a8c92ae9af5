"""The app's icons (hand-written SVGs in resources/icons/), crisp at any scale through QtSvg."""

from __future__ import annotations

import functools
import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from easyclick2call.resources import resource_path

TRAY_STATES = ("normal", "paused", "error", "demo")
_TRAY_FILES = {
    "normal": "tray.svg",
    "paused": "tray-paused.svg",
    "error": "tray-error.svg",
    "demo": "tray-demo.svg",
}
PIXMAP_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


@functools.cache
def _svg_icon(name: str) -> QIcon:
    """An icon from resources/icons/NAME (the qsvg icon engine renders it at each size)."""
    icon = QIcon(str(resource_path("icons", name)))
    if icon.isNull() or icon.pixmap(QSize(32, 32)).isNull():
        # No svg icon engine (a stripped build): render the sizes we need by hand.
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(str(resource_path("icons", name)))
        icon = QIcon()
        for size in PIXMAP_SIZES:
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter)
            painter.end()
            icon.addPixmap(pixmap)
    return icon


def app_icon() -> QIcon:
    """The application / window icon."""
    return _svg_icon("app.svg")


def tray_icon(state: str = "normal") -> QIcon:
    """The tray icon for a state (normal, paused, error, demo); a template icon on macOS."""
    if sys.platform == "darwin" and state == "normal":
        icon = QIcon(_svg_icon("tray-template.svg"))
        icon.setIsMask(True)
        return icon
    return _svg_icon(_TRAY_FILES.get(state, "tray.svg"))
