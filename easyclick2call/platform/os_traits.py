"""What the Qt layer asks of the operating system it runs on, answered in one place (so that
no module outside platform/ reads sys.platform or os.name)."""

from __future__ import annotations

import os
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


def has_unix_file_modes() -> bool:
    """True where files carry Unix permission bits (so a private file can be made 0600)."""
    return os.name == "posix"


def has_posix_signals() -> bool:
    """True where SIGINT/SIGTERM can be caught through a wake-up file descriptor."""
    return os.name == "posix"


def offers_numbers_by_notification(qt_platform_name: str) -> bool:
    """True where a new window takes the keyboard focus (Wayland): copied numbers are offered in
    a desktop notification rather than in the popup."""
    return qt_platform_name == "wayland"


def windows_locale_name() -> str:
    """The Windows user locale ("fr-FR"); "" elsewhere or when it cannot be read."""
    if os.name != "nt":
        return ""
    import ctypes

    buffer = ctypes.create_unicode_buffer(85)
    if ctypes.windll.kernel32.GetUserDefaultLocaleName(buffer, len(buffer)):  # type: ignore[attr-defined]
        return buffer.value
    return ""
