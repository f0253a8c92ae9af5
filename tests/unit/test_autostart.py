"""Start at login: a real XDG autostart file here; the Windows Run value and the macOS
LaunchAgent checked on what they would write."""

import plistlib
import shlex
import subprocess
import sys

import pytest

from easyclick2call.platform import autostart
from easyclick2call.platform.autostart import (
    RUN_KEY,
    MacLaunchAgent,
    WindowsAutostart,
    XdgAutostart,
)
from easyclick2call.platform.command_line import app_command
from tests.unit.fake_registry import FakeRegistry

WINDOWS_EXE = r"C:\Program Files\EasyClick2Call\EasyClick2Call.exe"


def desktop_entry(path):
    """The [Desktop Entry] keys of a .desktop file."""
    entry = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        key, _, value = line.partition("=")
        entry[key] = value
    return entry


@pytest.fixture
def config_home(tmp_path, monkeypatch):
    path = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(path))
    return path


def test_xdg_autostart_file_is_written_valid_and_removed(config_home):
    backend = XdgAutostart()
    assert not backend.is_enabled()
    backend.enable(["/opt/Easy Click/easyclick2call"])
    path = config_home / "autostart" / "io.github.easyclick2call.EasyClick2Call.desktop"
    assert path.is_file()
    assert backend.is_enabled()
    entry = desktop_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == '"/opt/Easy Click/easyclick2call"'
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    backend.disable()
    assert not path.exists()
    assert not backend.is_enabled()
    backend.disable()  # idempotent


def test_exec_line_of_the_source_checkout_command_runs_the_app(config_home):
    """The Exec line, unquoted as a desktop session does, gives back the exact argv."""
    autostart.enable()
    assert autostart.is_enabled()
    path = config_home / "autostart" / "io.github.easyclick2call.EasyClick2Call.desktop"
    exec_line = desktop_entry(path)["Exec"].replace("\\\\", "\\")
    assert shlex.split(exec_line) == [sys.executable, "-m", "easyclick2call"]
    result = subprocess.run([*shlex.split(exec_line), "--version"], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert "EasyClick2Call" in result.stdout
    autostart.disable()
    assert not autostart.is_enabled()


def test_entry_switched_off_by_the_desktop_counts_as_disabled(config_home):
    backend = XdgAutostart()
    backend.enable(["easyclick2call"])
    with backend.path.open("a", encoding="utf-8") as handle:
        handle.write("Hidden=true\n")
    assert not backend.is_enabled()


def test_apply_setting_follows_the_checkbox(config_home):
    autostart.apply_setting(True)
    assert autostart.is_enabled()
    autostart.apply_setting(False)
    assert not autostart.is_enabled()


def test_command_is_the_frozen_executable_when_bundled(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/EasyClick2Call/easyclick2call")
    assert app_command() == ["/opt/EasyClick2Call/easyclick2call"]


def test_command_is_the_appimage_file_not_its_temporary_mount(monkeypatch, tmp_path):
    appimage = tmp_path / "EasyClick2Call-x86_64.AppImage"
    appimage.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/tmp/.mount_Easy12/usr/lib/easyclick2call/x")
    monkeypatch.setenv("APPIMAGE", str(appimage))
    assert app_command() == [str(appimage)]


def test_command_runs_the_module_from_a_checkout():
    assert app_command() == [sys.executable, "-m", "easyclick2call"]


def test_windows_run_value_has_the_program_path_quoted():
    registry = FakeRegistry()
    backend = WindowsAutostart(registry)
    assert not backend.is_enabled()
    backend.enable([WINDOWS_EXE])
    assert registry.get_value(RUN_KEY, "EasyClick2Call") == f'"{WINDOWS_EXE}"'
    assert backend.is_enabled()
    backend.disable()
    assert registry.get_value(RUN_KEY, "EasyClick2Call") is None
    assert not backend.is_enabled()


def test_windows_run_value_of_a_python_install_quotes_every_part():
    registry = FakeRegistry()
    WindowsAutostart(registry).enable(
        [r"C:\Users\Zoé Martin\AppData\Local\Programs\Python\pythonw.exe", "-m", "easyclick2call"])
    assert registry.get_value(RUN_KEY, "EasyClick2Call") == (
        r'"C:\Users\Zoé Martin\AppData\Local\Programs\Python\pythonw.exe" -m easyclick2call')


def test_windows_run_key_is_the_per_user_one():
    assert RUN_KEY == r"Software\Microsoft\Windows\CurrentVersion\Run"


def test_macos_launch_agent_plist(tmp_path):
    backend = MacLaunchAgent(home=tmp_path)
    assert not backend.is_enabled()
    exe = "/Applications/EasyClick2Call.app/Contents/MacOS/EasyClick2Call"
    backend.enable([exe])
    path = tmp_path / "Library" / "LaunchAgents" / "io.github.easyclick2call.EasyClick2Call.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == "io.github.easyclick2call.EasyClick2Call"
    assert agent["ProgramArguments"] == [exe]
    assert agent["RunAtLoad"] is True
    assert agent["KeepAlive"] is False
    assert agent["LimitLoadToSessionType"] == "Aqua"
    assert backend.is_enabled()
    backend.disable()
    assert not path.exists()
    assert not backend.is_enabled()


def test_macos_agent_disabled_by_launchctl_counts_as_disabled(tmp_path):
    backend = MacLaunchAgent(home=tmp_path)
    backend.enable(["/Applications/EasyClick2Call.app/Contents/MacOS/EasyClick2Call"])
    agent = plistlib.loads(backend.path.read_bytes())
    backend.path.write_bytes(plistlib.dumps({**agent, "Disabled": True}))
    assert not backend.is_enabled()


@pytest.mark.parametrize(
    ("platform", "kind"),
    [("linux", XdgAutostart), ("freebsd14", XdgAutostart), ("darwin", MacLaunchAgent)],
)
def test_backend_is_picked_by_platform(platform, kind):
    assert isinstance(autostart.autostart_for(platform), kind)
