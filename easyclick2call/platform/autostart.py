"""Start EasyClick2Call at login (the `start_at_login` setting), one back-end per OS.

- Linux/BSD: an XDG autostart entry in ``$XDG_CONFIG_HOME/autostart``.
- Windows: a value under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`` whose
  program path is quoted (unquoted paths with spaces are a classic hijack).
- macOS: a LaunchAgent plist in ``~/Library/LaunchAgents``.

Each back-end has ``enable(command)``, ``disable()`` and ``is_enabled()``; :func:`autostart_for`
picks the one for the running OS, and the module-level functions use it.
"""

from __future__ import annotations

import plistlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from platformdirs.unix import Unix

from easyclick2call import APP_ID, APP_NAME
from easyclick2call.platform.command_line import (
    app_command,
    desktop_exec,
    platform_family,
    windows_command_line,
)
from easyclick2call.platform.registry import Registry, WindowsRegistry

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
AUTOSTART_FILE_NAME = f"{APP_ID}.desktop"
LAUNCH_AGENT_LABEL = APP_ID


class Autostart(Protocol):
    def enable(self, command: Sequence[str]) -> None: ...

    def disable(self) -> None: ...

    def is_enabled(self) -> bool: ...


class XdgAutostart:
    """An XDG autostart .desktop file (GNOME, KDE, Xfce, LXQt, … all read it)."""

    def __init__(self, config_home: Path | None = None) -> None:
        self.config_home = config_home

    @property
    def path(self) -> Path:
        return (self.config_home or Unix().user_config_path) / "autostart" / AUTOSTART_FILE_NAME

    def enable(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        content = (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={APP_NAME}\n"
            "Comment=Clipboard dialer for OVHcloud phone lines\n"
            "Comment[fr]=Composeur depuis le presse-papiers pour les lignes OVHcloud\n"
            f"Exec={desktop_exec(command)}\n"
            f"Icon={APP_ID}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
            "X-GNOME-Autostart-Delay=2\n"
            "X-KDE-autostart-after=panel\n"
        )
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(self.path)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        if not self.path.is_file():
            return False
        text = self.path.read_text(encoding="utf-8", errors="replace")
        # A user (or a desktop's settings tool) may switch an entry off instead of deleting it.
        return "Hidden=true" not in text and "X-GNOME-Autostart-enabled=false" not in text


class WindowsAutostart:
    """A value named after the app under the HKCU Run key."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry if registry is not None else WindowsRegistry()

    def enable(self, command: Sequence[str]) -> None:
        self.registry.set_value(RUN_KEY, APP_NAME, windows_command_line(command))

    def disable(self) -> None:
        self.registry.delete_value(RUN_KEY, APP_NAME)

    def is_enabled(self) -> bool:
        return bool(self.registry.get_value(RUN_KEY, APP_NAME))


class MacLaunchAgent:
    """A per-user LaunchAgent that runs the app once at login, in the Aqua (GUI) session."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = home

    @property
    def path(self) -> Path:
        home = self.home or Path.home()
        return home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"

    def enable(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        agent = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "KeepAlive": False,
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",
        }
        self.path.write_bytes(plistlib.dumps(agent))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        try:
            agent = plistlib.loads(self.path.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError):
            return False
        return agent.get("Label") == LAUNCH_AGENT_LABEL and not agent.get("Disabled", False)


def autostart_for(platform: str | None = None) -> Autostart:
    """The back-end for `platform` (default: the running OS)."""
    backends = {"windows": WindowsAutostart, "macos": MacLaunchAgent, "unix": XdgAutostart}
    return backends[platform_family(platform)]()


def enable(command: Sequence[str] | None = None) -> None:
    """Start the app at login (`command` defaults to the running app, see `app_command`)."""
    autostart_for().enable(list(command) if command else app_command())


def disable() -> None:
    autostart_for().disable()


def is_enabled() -> bool:
    return autostart_for().is_enabled()


def apply_setting(start_at_login: bool) -> None:
    """Make the OS match the setting (called when Settings are applied)."""
    if start_at_login:
        enable()
    else:
        disable()
