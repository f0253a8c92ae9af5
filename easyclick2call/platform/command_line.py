"""The command that starts EasyClick2Call, and how each OS wants it written down."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

# Characters that force quoting of an argument in a .desktop Exec line (Desktop Entry spec).
_DESKTOP_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def platform_family(platform: str | None = None) -> str:
    """"windows", "macos" or "unix" (Linux, the BSDs…) for `platform` (default: this OS)."""
    platform = sys.platform if platform is None else platform
    if platform.startswith("win"):
        return "windows"
    return "macos" if platform == "darwin" else "unix"


def app_command() -> list[str]:
    """The program to run: the frozen executable when bundled (the AppImage file itself, not its
    temporary mount, when run from one), else `<python> -m easyclick2call`."""
    if getattr(sys, "frozen", False):
        appimage = os.environ.get("APPIMAGE", "")
        return [appimage] if appimage and os.path.isfile(appimage) else [sys.executable]
    return [sys.executable, "-m", "easyclick2call"]


def desktop_exec(args: Sequence[str]) -> str:
    """`args` as a .desktop Exec value (quoted and escaped as the Desktop Entry spec says)."""
    parts = []
    for arg in args:
        part = arg.replace("%", "%%")
        if any(ch in _DESKTOP_RESERVED for ch in part) or part == "":
            escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in part)
            part = f'"{escaped}"'
        parts.append(part)
    # Backslashes are escaped once more by the string-value rules of the file format.
    return " ".join(parts).replace("\\", "\\\\")


def windows_command_line(args: Sequence[str]) -> str:
    """A Windows command line with the program path always quoted (paths have spaces)."""
    program, *rest = args
    quoted = f'"{program}"'
    return " ".join([quoted, subprocess.list2cmdline(rest)]) if rest else quoted
