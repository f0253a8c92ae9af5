"""A small writer interface over the Windows registry (HKEY_CURRENT_USER only).

Autostart and link handling write a few HKCU values; they go through :class:`Registry` so the code
that decides *what* to write is the same on every OS and testable here, while
:class:`WindowsRegistry` does the writing with ``winreg`` on Windows.
"""

from __future__ import annotations

from typing import Protocol


class Registry(Protocol):
    """String values under HKEY_CURRENT_USER; `key` is a backslash path, `name` "" = default."""

    def set_value(self, key: str, name: str, value: str) -> None: ...

    def get_value(self, key: str, name: str) -> str | None: ...

    def delete_value(self, key: str, name: str) -> None: ...

    def delete_tree(self, key: str) -> None: ...


class WindowsRegistry:
    """The real HKCU registry through ``winreg`` (importable on Windows only)."""

    def __init__(self) -> None:
        import winreg  # type: ignore[import-not-found]

        self._winreg = winreg

    def set_value(self, key: str, name: str, value: str) -> None:
        winreg = self._winreg
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
            winreg.SetValueEx(handle, name or None, 0, winreg.REG_SZ, value)

    def get_value(self, key: str, name: str) -> str | None:
        winreg = self._winreg
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                value, _kind = winreg.QueryValueEx(handle, name or None)
        except OSError:
            return None
        return str(value)

    def delete_value(self, key: str, name: str) -> None:
        winreg = self._winreg
        try:
            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE
            ) as handle:
                winreg.DeleteValue(handle, name or None)
        except FileNotFoundError:
            pass

    def delete_tree(self, key: str) -> None:
        winreg = self._winreg
        try:
            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_READ | winreg.KEY_SET_VALUE
            ) as handle:
                while True:
                    try:
                        child = winreg.EnumKey(handle, 0)
                    except OSError:
                        break
                    self.delete_tree(f"{key}\\{child}")
            winreg.DeleteKey(winreg.HKEY_CURRENT_USER, key)
        except FileNotFoundError:
            pass
