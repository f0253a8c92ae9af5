"""What set-up adds for the user on Linux (the command, the menu entry, its icons) and what
`easyclick2call uninstall` takes away — on real files in a fresh home, with the real
desktop-file-validate, xdg-mime and the real scripts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from easyclick2call import APP_ID
from easyclick2call.platform.url_handler import MENU_MARK, LinuxUrlHandler
from easyclick2call.platform.user_install import UserInstall
from easyclick2call.resources import resource_path

REPO = Path(__file__).resolve().parents[2]
PROGRAM = Path(sys.executable).parent / "easyclick2call"


@pytest.fixture
def home(tmp_path: Path, xdg_dirs, monkeypatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def test_install_links_the_command_and_writes_a_valid_menu_entry(home: Path, xdg_dirs) -> None:
    data, _config = xdg_dirs
    target = UserInstall()
    target.install(PROGRAM, resource_path("linux"))
    launcher = home / ".local" / "bin" / "easyclick2call"
    assert launcher.is_symlink() and launcher.resolve() == PROGRAM.resolve()
    entry = data / "applications" / f"{APP_ID}.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f"Exec={PROGRAM.resolve()} %u" in text
    assert f"Exec={PROGRAM.resolve()} call --clipboard" in text
    assert f"{MENU_MARK}=true" in text
    subprocess.run(["desktop-file-validate", str(entry)], check=True, timeout=30)
    icons = sorted(path.relative_to(data) for path in (data / "icons").rglob(f"{APP_ID}.*"))
    assert Path("icons/hicolor/scalable/apps") / f"{APP_ID}.svg" in icons
    assert Path("icons/hicolor/48x48/apps") / f"{APP_ID}.png" in icons
    # The command the menu runs answers.
    done = subprocess.run([str(launcher), "--version"], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.startswith("EasyClick2Call ")


def test_switching_tel_links_off_keeps_the_menu_entry(home: Path, xdg_dirs) -> None:
    data, config = xdg_dirs
    UserInstall().install(PROGRAM, resource_path("linux"))
    handler = LinuxUrlHandler(data_home=data, config_home=config)
    handler.register([str(PROGRAM)])
    assert handler.is_registered()
    handler.unregister()
    entry = data / "applications" / f"{APP_ID}.desktop"
    assert entry.is_file() and MENU_MARK in entry.read_text(encoding="utf-8")


def test_uninstall_removes_only_what_set_up_added(home: Path, xdg_dirs) -> None:
    data, _config = xdg_dirs
    target = UserInstall()
    target.install(PROGRAM, resource_path("linux"))
    other_icon = data / "icons" / "hicolor" / "48x48" / "apps" / "someone.else.png"
    other_icon.write_bytes(b"png")
    removed = target.uninstall()
    assert [line.split(":")[0] for line in removed] == ["command", "menu entry", "icons"]
    assert not (home / ".local" / "bin" / "easyclick2call").exists()
    assert not (data / "applications" / f"{APP_ID}.desktop").exists()
    assert list((data / "icons").rglob(f"{APP_ID}.*")) == []
    assert other_icon.exists()
    assert target.uninstall() == []  # twice is harmless


def test_a_command_of_the_users_own_is_left_alone(home: Path) -> None:
    own = home / ".local" / "bin" / "easyclick2call"
    own.parent.mkdir(parents=True)
    own.write_text("#!/bin/sh\necho mine\n")
    done = UserInstall().install(PROGRAM, resource_path("linux"))
    assert done[0] == f"command: {own} is not ours; left as it is"
    UserInstall().uninstall()
    assert own.read_text() == "#!/bin/sh\necho mine\n"


def test_setup_script_installs_and_the_uninstall_command_says_what_it_keeps(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {name: value for name, value in os.environ.items() if name != "EC2C_WITH_TEST_APT"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_STATE_HOME=str(home / ".local/state"),
               XDG_CACHE_HOME=str(home / ".cache"), LANGUAGE="en")
    env.pop("XDG_CURRENT_DESKTOP", None)
    setup = subprocess.run(["bash", str(REPO / "scripts" / "setup.sh")], env=env,
                           capture_output=True, text=True, timeout=300, check=False)
    assert setup.returncode == 0, setup.stderr
    launcher = home / ".local" / "bin" / "easyclick2call"
    assert launcher.is_symlink()
    assert (home / ".local/share/applications" / f"{APP_ID}.desktop").is_file()
    done = subprocess.run([str(launcher), "uninstall"], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Removed: command: {launcher}; menu entry: ")
    assert "Kept: your settings, call history and logs, and your secrets" in done.stdout
    assert f"{PROGRAM} config unset consumer_key" in done.stdout
    assert (f"rm -rf {home}/.config/EasyClick2Call {home}/.local/share/EasyClick2Call "
            f"{home}/.local/state/EasyClick2Call {home}/.cache/EasyClick2Call") in done.stdout
    assert not launcher.exists()
