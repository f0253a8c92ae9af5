"""Render resources/icons/*.svg to the PNG files the app loads (resources/icons/png/).

    .venv/bin/python scripts/render_icons.py

Run it after changing an SVG; tests/unit/test_ui_icons.py checks the PNGs are current.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QPixmap

from easyclick2call.ui.icons import (
    PRERENDERED_FILES,
    prerendered_path,
    prerendered_sizes,
    render_svg,
)


def png_bytes(pixmap: QPixmap) -> bytes:
    """`pixmap` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(["render_icons"])
    for name in PRERENDERED_FILES:
        for size in prerendered_sizes(name):
            target = prerendered_path(name, size)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png_bytes(render_svg(name, size)))
            print(f"wrote {target}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
