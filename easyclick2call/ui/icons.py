"""The app's icons: hand-written SVGs in resources/icons/, pre-rendered to PNG for everyday use.

The SVGs are the source. Loading them needs Qt's SVG icon engine (a plugin and QtSvg: about
2.5 MB and a few milliseconds at start-up), so the sizes a tray or a window icon uses — up to
200 % — are rendered once to PNG files, ``resources/icons/png/NAME-SIZE.png`` (regenerate them
with ``scripts/render_icons.py`` after changing an SVG; a unit test checks they are current).
An icon with no pre-rendered PNG falls back to the SVG.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from easyclick2call.platform import os_traits
from easyclick2call.resources import resource_path

TRAY_STATES = ("normal", "paused", "error", "demo")
_TRAY_FILES = {
    "normal": "tray.svg",
    "paused": "tray-paused.svg",
    "error": "tray-error.svg",
    "demo": "tray-demo.svg",
}
PIXMAP_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
# Pre-rendered: tray sizes (16–24 px, 32–48 px at 200 %), and window icons up to 128 px.
PRERENDERED_SIZES = (16, 22, 24, 32, 44, 48, 64)
APP_ICON_SIZES = (*PRERENDERED_SIZES, 128)
PRERENDERED_FILES = ("app.svg", *_TRAY_FILES.values(), "tray-template.svg")


def prerendered_sizes(name: str) -> tuple[int, ...]:
    return APP_ICON_SIZES if name == "app.svg" else PRERENDERED_SIZES


@functools.cache
def _svg_icon(name: str) -> QIcon:
    """An icon from resources/icons/NAME (the qsvg icon engine renders it at each size)."""
    icon = QIcon(str(resource_path("icons", name)))
    if icon.isNull() or icon.pixmap(QSize(32, 32)).isNull():
        # No svg icon engine (a stripped build): render the sizes we need by hand.
        icon = QIcon()
        for size in PIXMAP_SIZES:
            icon.addPixmap(render_svg(name, size))
    return icon


def render_svg(name: str, size: int) -> QPixmap:
    """resources/icons/NAME rendered at `size` × `size` pixels (QtSvg)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(resource_path("icons", name)))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


def prerendered_path(name: str, size: int) -> Path:
    """resources/icons/png/STEM-SIZE.png: `name` (an SVG of resources/icons/) pre-rendered."""
    return resource_path("icons", "png", f"{name.removesuffix('.svg')}-{size}.png")


@functools.cache
def _icon(name: str) -> QIcon:
    """The icon NAME from its pre-rendered PNGs when they are there, else from its SVG."""
    icon = QIcon()
    for size in prerendered_sizes(name):
        pixmap = QPixmap(str(prerendered_path(name, size)))
        if pixmap.isNull():
            return _svg_icon(name)
        icon.addPixmap(pixmap)
    return icon


def app_icon() -> QIcon:
    """The application / window icon."""
    return _icon("app.svg")


def tray_icon(state: str = "normal") -> QIcon:
    """The tray icon for a state (normal, paused, error, demo); a template icon on macOS."""
    if os_traits.tray_icon_is_template() and state == "normal":
        icon = QIcon(_icon("tray-template.svg"))
        icon.setIsMask(True)
        return icon
    return _icon(_TRAY_FILES.get(state, "tray.svg"))
