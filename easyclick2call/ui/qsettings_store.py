"""SettingsStore on QSettings (QtCore only: the headless CLI uses it too, no QApplication needed).

A custom profile keeps an INI file in its folder; the default profile uses the OS's native place
(registry on Windows, plist on macOS, ~/.config/EasyClick2Call/EasyClick2Call.conf on Linux).
QSettings hands INI values back as text ("true", "5"), a one-element list as a plain string and an
empty list as None; this adapter turns them back into the declared types so that
:class:`easyclick2call.core.settings.Settings` sees proper values. A file QSettings cannot parse
gives defaults and one warning; the next save keeps the broken file aside as ``*.bad``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from easyclick2call.core.paths import APP_NAME, Profile, ensure_dir
from easyclick2call.core.settings import BY_KEY, parse_bool


class QSettingsStore:
    """The settings of one profile, stored with QSettings."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.warnings: list[str] = []
        self._broken = False
        self._qsettings = self._open()
        if self._qsettings.status() == QSettings.Status.FormatError:
            self._broken = True
            self.warnings.append(
                f"The settings file {self._qsettings.fileName()} could not be read; defaults are "
                f"used. It will be kept as a .bad copy when the settings are next saved."
            )
        elif self._qsettings.status() == QSettings.Status.AccessError:
            self.warnings.append(
                f"The settings file {self._qsettings.fileName()} cannot be read or written; "
                f"check its permissions."
            )

    def _open(self) -> QSettings:
        if self.profile.is_custom:
            return QSettings(str(self.profile.settings_file), QSettings.Format.IniFormat)
        return QSettings(
            QSettings.Format.NativeFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME
        )

    @property
    def file_name(self) -> str:
        """Where QSettings keeps the values (a path, or a registry key on Windows)."""
        return self._qsettings.fileName()

    def get(self, key: str) -> object | None:
        if self._broken or not self._qsettings.contains(key):
            return None
        raw = self._qsettings.value(key)
        declared = BY_KEY.get(key)
        return _to_declared_type(raw, declared.type if declared else None)

    def set(self, key: str, value: object) -> None:
        self._repair_if_broken()
        if isinstance(value, tuple):
            value = list(value)
        self._qsettings.setValue(key, value)

    def remove(self, key: str) -> None:
        self._repair_if_broken()
        self._qsettings.remove(key)

    def keys(self) -> list[str]:
        return [] if self._broken else list(self._qsettings.allKeys())

    def sync(self) -> None:
        self._repair_if_broken()
        private = self.profile.is_custom or sys.platform.startswith("linux")
        if private:  # an INI file (macOS plists and the Windows registry are left as the OS likes)
            ensure_dir(Path(self._qsettings.fileName()).parent)
        self._qsettings.sync()
        path = Path(self._qsettings.fileName())
        if private and os.name == "posix" and path.is_file():
            path.chmod(0o600)

    def _repair_if_broken(self) -> None:
        """Before the first write over an unreadable file: keep it aside, start afresh."""
        if not self._broken:
            return
        path = Path(self._qsettings.fileName())
        del self._qsettings
        if path.is_file():
            path.replace(path.with_name(path.name + ".bad"))
        self._qsettings = self._open()
        self._broken = False


def _to_declared_type(raw: object, declared: type | None) -> object | None:
    """Undo QSettings' INI quirks for a declared type; anything odd is returned as is so that
    Settings reports it (and uses the default)."""
    if declared is list:
        if raw is None:
            return []  # an empty list is written as @Invalid()
        if isinstance(raw, str):
            return [raw]  # a one-element list comes back as its element
        return raw
    if raw is None:
        return None
    if declared is bool and isinstance(raw, str):
        parsed = parse_bool(raw)
        return raw if parsed is None else parsed
    if declared is int and isinstance(raw, str):
        try:
            return int(raw.strip())
        except ValueError:
            return raw
    if declared is str and isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return str(raw)  # e.g. a line name written without quotes by hand
    if declared is str and isinstance(raw, list):
        return ", ".join(str(item) for item in raw)  # "a, b" unquoted in INI is read as a list
    return raw
