"""SettingsStore on QSettings (QtCore only: the headless CLI uses it too, no QApplication needed).

A custom profile keeps an INI file in its folder; the default profile uses the OS's native place
(registry on Windows, plist on macOS, ~/.config/EasyClick2Call/EasyClick2Call.conf on Linux).
QSettings hands INI values back as text ("true", "5"), a one-element list as a plain string and an
empty list as None; this adapter turns them back into the declared types so that
:class:`easyclick2call.core.settings.Settings` sees proper values. A damaged file (one QSettings
reports, or NUL bytes, invalid UTF-8, lines that mean nothing, keys it lost:
:mod:`core.settings_file`) is kept aside with a timestamped name and replaced at once by a fresh
file holding every key that is still valid; the user is told once (:func:`core.damaged.report`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings

from easyclick2call.core.damaged import DamageNotice, keep_aside, report
from easyclick2call.core.paths import APP_NAME, Profile, ensure_dir
from easyclick2call.core.settings import BY_KEY, parse_bool
from easyclick2call.core.settings_file import ini_keys, read_problems, salvage
from easyclick2call.platform import os_traits

log = logging.getLogger(__name__)


class QSettingsStore:
    """The settings of one profile, stored with QSettings."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.warnings: list[str] = []
        self.notices: list[DamageNotice] = []  # this session's repairs, for the Settings banner
        self._qsettings = self._open()
        problems = self._problems()
        if problems:
            self._repair(problems)
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
    def _is_ini(self) -> bool:
        """An INI file (a custom profile; the native format on Linux): macOS plists and the
        Windows registry are left as the OS likes."""
        return self.profile.is_custom or os_traits.settings_are_ini_files()

    def _problems(self) -> list[str]:
        """What is wrong with the file, including what QSettings does not report."""
        if not self._is_ini:
            return []
        path = Path(self._qsettings.fileName())
        problems = read_problems(path)
        if self._qsettings.status() == QSettings.Status.FormatError:
            problems.insert(0, "Qt reports a format error")
        if not problems and path.is_file():
            try:
                written = ini_keys(path.read_bytes()) & BY_KEY.keys()  # ours: no escapes
                lost = written - set(self._qsettings.allKeys())
            except OSError:
                lost = set()
            if lost:  # e.g. an unclosed quote swallowed the lines after it
                problems.append(f"{len(lost)} setting(s) written in it could not be read")
        return problems

    def _repair(self, problems: list[str]) -> None:
        """Keep the damaged file aside, write a fresh one with every valid key, say so once."""
        path = Path(self._qsettings.fileName())
        parsed = {key: self._qsettings.value(key) for key in self._qsettings.allKeys()}
        kept_values, dropped = salvage(parsed, _to_declared_type)
        reason = "; ".join(problems)
        try:
            kept = keep_aside(path)
        except OSError as exc:
            log.warning("the settings file is damaged (%s) and cannot be kept aside: %s",
                        reason, exc)
            notice = DamageNotice("settings", str(path), "", f"{reason}; {exc}")
        else:
            del self._qsettings
            self._qsettings = self._open()
            for key, value in kept_values.items():
                self._qsettings.setValue(key, list(value) if isinstance(value, tuple) else value)
            self.sync()
            notice = DamageNotice("settings", str(path), str(kept or ""), reason)
            log.warning("the settings file was damaged (%s); kept as %s, %d setting(s) kept, "
                        "%d dropped", reason, kept, len(kept_values), len(dropped))
        self.notices.append(notice)
        report(notice)  # told once, by whoever listens (the app's notifier, the CLI's stderr)

    @property
    def file_name(self) -> str:
        """Where QSettings keeps the values (a path, or a registry key on Windows)."""
        return self._qsettings.fileName()

    def get(self, key: str) -> object | None:
        if not self._qsettings.contains(key):
            return None
        raw = self._qsettings.value(key)
        declared = BY_KEY.get(key)
        return _to_declared_type(raw, declared.type if declared else None)

    def set(self, key: str, value: object) -> None:
        if isinstance(value, tuple):
            value = list(value)
        self._qsettings.setValue(key, value)

    def remove(self, key: str) -> None:
        self._qsettings.remove(key)

    def keys(self) -> list[str]:
        return list(self._qsettings.allKeys())

    def sync(self) -> None:
        if self._is_ini:
            ensure_dir(Path(self._qsettings.fileName()).parent)
        self._qsettings.sync()
        path = Path(self._qsettings.fileName())
        if self._is_ini and os_traits.has_unix_file_modes() and path.is_file():
            path.chmod(0o600)


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
