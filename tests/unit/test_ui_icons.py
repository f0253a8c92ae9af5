"""The pre-rendered icons (ui/icon_pixmaps.py) are the SVGs of resources/icons/, rendered."""

from __future__ import annotations

import base64

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from easyclick2call.ui.icon_pixmaps import PNG
from easyclick2call.ui.icons import (
    PRERENDERED_FILES,
    TRAY_STATES,
    app_icon,
    prerendered_sizes,
    render_svg,
    tray_icon,
)


def _mean_difference(one: QImage, other: QImage) -> float:
    one = one.convertToFormat(QImage.Format.Format_ARGB32)
    other = other.convertToFormat(QImage.Format.Format_ARGB32)
    assert one.size() == other.size()
    a, b = bytes(one.constBits()), bytes(other.constBits())
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)


@pytest.mark.parametrize("name", PRERENDERED_FILES)
def test_prerendered_pngs_match_their_svg(qapp, name: str):
    sizes = prerendered_sizes(name)
    assert sorted(PNG[name]) == sorted(prerendered_sizes(name)) or (
        name != "app.svg" and sorted(PNG[name]) == sorted(prerendered_sizes("app.svg"))), \
        "run `python -m easyclick2call.ui.icons` after changing the icons"
    for size in sizes:
        stored = QImage()
        assert stored.loadFromData(base64.b64decode(PNG[name][size]), "PNG")
        assert stored.size() == QSize(size, size)
        rendered = render_svg(name, size).toImage()
        assert _mean_difference(stored, rendered) < 1.0, \
            f"{name} at {size} px differs from its SVG: run `python -m easyclick2call.ui.icons`"


def test_icons_have_every_tray_size_up_to_200_percent(qapp):
    for icon in [app_icon(), *(tray_icon(state) for state in TRAY_STATES)]:
        assert not icon.isNull()
        for size in (16, 22, 24, 32, 44, 48):
            pixmap = icon.pixmap(QSize(size, size))
            assert pixmap.size() == QSize(size, size)
    assert tray_icon("paused").cacheKey() != tray_icon("normal").cacheKey()
