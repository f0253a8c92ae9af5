"""The pre-rendered icons (resources/icons/png/) are the SVGs of resources/icons/, rendered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from easyclick2call.ui.icons import (
    PRERENDERED_FILES,
    TRAY_STATES,
    app_icon,
    prerendered_path,
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
    for size in prerendered_sizes(name):
        stored = QImage(str(prerendered_path(name, size)))
        assert not stored.isNull(), "run `scripts/render_icons.py` after changing the icons"
        assert stored.size() == QSize(size, size)
        rendered = render_svg(name, size).toImage()
        assert _mean_difference(stored, rendered) < 1.0, \
            f"{name} at {size} px differs from its SVG: run `scripts/render_icons.py`"


def test_icons_have_every_tray_size_up_to_200_percent(qapp):
    for icon in [app_icon(), *(tray_icon(state) for state in TRAY_STATES)]:
        assert not icon.isNull()
        for size in (16, 22, 24, 32, 44, 48):
            pixmap = icon.pixmap(QSize(size, size))
            assert pixmap.size() == QSize(size, size)
    assert tray_icon("paused").cacheKey() != tray_icon("normal").cacheKey()
