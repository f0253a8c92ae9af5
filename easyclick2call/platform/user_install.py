"""What set-up adds for the user on Linux and the BSDs, and ``easyclick2call uninstall`` removes.

Set-up (scripts/setup.sh) makes the app start like any other: the ``easyclick2call`` command in
``~/.local/bin`` (a link to the program of the checkout's virtual environment) and a menu entry
(resources/linux's .desktop file, its Exec pointing at that program, and its icons) in
``$XDG_DATA_HOME``. Uninstalling removes those, the start-at-login entry and the tel:-link
registration; it never touches settings, history, logs or keyring entries (the caller says how
to remove them). Nothing here runs on Windows or macOS, whose installers do this job.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from easyclick2call import APP_ID
from easyclick2call.platform.command_line import desktop_exec
from easyclick2call.platform.url_handler import DESKTOP_FILE_NAME, MENU_MARK, WRITTEN_MARK

COMMAND_NAME = "easyclick2call"
ICON_SUFFIXES = (".png", ".svg")


def _data_home(env: dict[str, str]) -> Path:
    value = env.get("XDG_DATA_HOME", "").strip()
    return Path(value) if value else Path(env.get("HOME", str(Path.home()))) / ".local" / "share"


@dataclass
class UserInstall:
    """The user's folders (from `env`, default the real environment)."""

    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))

    @property
    def home(self) -> Path:
        return Path(self.env.get("HOME", str(Path.home())))

    @property
    def launcher(self) -> Path:
        return self.home / ".local" / "bin" / COMMAND_NAME

    @property
    def applications(self) -> Path:
        return _data_home(self.env) / "applications"

    @property
    def desktop_file(self) -> Path:
        return self.applications / DESKTOP_FILE_NAME

    @property
    def icon_theme(self) -> Path:
        return _data_home(self.env) / "icons" / "hicolor"

    # -- set-up -------------------------------------------------------------------------------
    def install(self, program: Path, linux_resources: Path) -> list[str]:
        """Link the command, write the menu entry, copy the icons; what was done, one line each.

        A ``~/.local/bin/easyclick2call`` that is not a link to an easyclick2call program (a
        file of the user's) is left alone and said so."""
        done = []
        program = program.resolve()
        if self._is_ours(self.launcher) or not self.launcher.exists():
            self.launcher.parent.mkdir(parents=True, exist_ok=True)
            self.launcher.unlink(missing_ok=True)
            self.launcher.symlink_to(program)
            done.append(f"command: {self.launcher} -> {program}")
        else:
            done.append(f"command: {self.launcher} is not ours; left as it is")
        self.applications.mkdir(parents=True, exist_ok=True)
        self.desktop_file.write_text(self._menu_entry(program, linux_resources), encoding="utf-8")
        done.append(f"menu entry: {self.desktop_file}")
        copied = 0
        for icon in (linux_resources / "icons" / "hicolor").rglob(f"{APP_ID}.*"):
            target = self.icon_theme / icon.relative_to(linux_resources / "icons" / "hicolor")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(icon, target)
            copied += 1
        done.append(f"icons: {copied} in {self.icon_theme}")
        self._refresh_caches()
        return done

    def _menu_entry(self, program: Path, linux_resources: Path) -> str:
        source = (linux_resources / DESKTOP_FILE_NAME).read_text(encoding="utf-8")
        command = desktop_exec([str(program)])
        lines = [f"Exec={command}{line[len('Exec=' + COMMAND_NAME):]}"
                 if line.startswith(f"Exec={COMMAND_NAME}") else line
                 for line in source.splitlines()]
        # The first group ends where the first action begins: the marks belong to it.
        end = next((i for i, line in enumerate(lines) if line.startswith("[Desktop Action")),
                   len(lines))
        while end > 0 and not lines[end - 1].strip():
            end -= 1
        marks = [f"{MENU_MARK}=true"]
        if self.desktop_file.is_file() and WRITTEN_MARK in self.desktop_file.read_text(
                encoding="utf-8", errors="replace"):
            marks.append(f"{WRITTEN_MARK}=true")  # tel: links stay registered to this file
        return "\n".join([*lines[:end], *marks, *lines[end:]]) + "\n"

    # -- uninstall ----------------------------------------------------------------------------
    def uninstall(self) -> list[str]:
        """Remove the command link, the menu entry and the icons set-up added; what was removed.

        The start-at-login entry and the tel: registration are the caller's (they have their
        own back-ends in platform/)."""
        removed = []
        if self._is_ours(self.launcher):
            self.launcher.unlink()
            removed.append(f"command: {self.launcher}")
        if self.desktop_file.is_file() and MENU_MARK in self.desktop_file.read_text(
                encoding="utf-8", errors="replace"):
            self.desktop_file.unlink()
            removed.append(f"menu entry: {self.desktop_file}")
        icons = [path for path in self.icon_theme.glob(f"*/apps/{APP_ID}.*")
                 if path.suffix in ICON_SUFFIXES]
        for icon in icons:
            icon.unlink()
        if icons:
            removed.append(f"icons: {len(icons)} from {self.icon_theme}")
        if removed:
            self._refresh_caches()
        return removed

    def _is_ours(self, path: Path) -> bool:
        """A link (even a dangling one) to a program named easyclick2call."""
        return path.is_symlink() and Path(os.readlink(path)).name == COMMAND_NAME

    def _refresh_caches(self) -> None:
        """Menus find the entry sooner with the MIME cache updated (optional). No icon cache:
        a user-level one would hide icons other programs add later."""
        program = shutil.which("update-desktop-database")
        if program and self.applications.is_dir():
            subprocess.run([program, "-q", str(self.applications)], capture_output=True,
                           timeout=30, check=False)
