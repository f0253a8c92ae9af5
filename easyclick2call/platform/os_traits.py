"""What the Qt layer asks of the operating system it runs on, answered in one place (so that
no module outside platform/ reads sys.platform)."""

from __future__ import annotations

import sys


def settings_are_ini_files() -> bool:
    """True where QSettings' native format is an INI file (Linux); macOS plists and the Windows
    registry are left as the OS likes."""
    return sys.platform.startswith("linux")


def tray_icon_is_template() -> bool:
    """True where the tray icon should be a template (a mask the menu bar tints): macOS."""
    return sys.platform == "darwin"


def desktop_notifications_over_dbus() -> bool:
    """True where desktop notifications may go to a freedesktop server over D-Bus: Linux."""
    return sys.platform.startswith("linux")


def needs_app_user_model_id() -> bool:
    """True where the process must name itself before any window (notifications show that
    name): Windows."""
    return sys.platform == "win32"


def urls_arrive_as_file_open_events() -> bool:
    """True where tel: links are handed over as file-open events: macOS."""
    return sys.platform == "darwin"
