"""The clipboard back-end for this session, chosen once: the X11 selection reader under X11
(XWayland included), data-control on a Wayland session that offers it, change-count polling on
macOS, QClipboard elsewhere (Windows; Wayland without data-control)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from easyclick2call.platform.clipboard.source import ClipboardSource

# EASYCLICK2CALL_CLIPBOARD_READER=qt: read through QClipboard on X11 too (a way out, if ever).
READER_ENV = "EASYCLICK2CALL_CLIPBOARD_READER"
X11, WAYLAND, MAC, QT = "x11", "wayland", "mac", "qt"


def backend_for(qt_platform: str, os_name: str, reader: str | None = None,
                data_control: Callable[[], bool] = lambda: False) -> str:
    """Which back-end: X11, WAYLAND, MAC or QT, from Qt's platform plug-in name ("xcb",
    "wayland", "cocoa", "windows"…), sys.platform, the READER_ENV value and whether the Wayland
    session offers data-control (asked only on Wayland)."""
    if qt_platform == "xcb" and reader != "qt":
        return X11
    if qt_platform == "wayland" and data_control():
        return WAYLAND
    if os_name == "darwin":
        return MAC
    return QT


def open_source(wants_selection: Callable[[], bool] = lambda: True,
                parent: QObject | None = None) -> ClipboardSource:
    """The source for this session (not started). Needs the QGuiApplication."""
    from easyclick2call.platform.session import uses_data_control

    kind = backend_for(QGuiApplication.platformName(), sys.platform,
                       os.environ.get(READER_ENV), uses_data_control)
    if kind == X11:
        from easyclick2call.platform.clipboard import x11_source

        return x11_source.X11SelectionSource(wants_selection, parent)
    if kind == WAYLAND:
        from easyclick2call.platform.clipboard import wayland_source

        return wayland_source.WaylandDataControlSource(wants_selection, parent)
    if kind == MAC:
        from easyclick2call.platform.clipboard import mac_source

        return mac_source.MacPollingSource(wants_selection, parent)
    from easyclick2call.platform.clipboard import qt_source

    return qt_source.QtClipboardSource(wants_selection, parent)
