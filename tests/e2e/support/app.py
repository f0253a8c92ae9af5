"""Start the REAL app process (`python -m easyclick2call --demo …`) and know when it is ready."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.e2e.support.actions import poll, sandbox_info
from tests.e2e.support.x11 import Display

START_TIMEOUT = 40.0


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def app_command(profile: Path, *args: str, demo: bool = True, port: int | None = None,
                lang: str = "en") -> list[str]:
    argv = [sys.executable, "-m", "easyclick2call"]
    if demo:
        argv.append("--demo")
    argv += ["--profile", str(profile), "--lang", lang]
    if port is not None:
        argv += ["--sandbox-port", str(port)]
    return [*argv, *args]


def seed_profile(folder: Path, region: str = "FR") -> Path:
    """Give a fresh profile its default country (the app's settings.ini, [General]/region).

    The tests copy French numbers written nationally ("01 99 00 12 34"); without this, the default
    country comes from the system locale, and Python reports C.UTF-8 as en_US (→ "US").
    """
    folder.mkdir(parents=True, exist_ok=True)
    settings = folder / "settings.ini"
    if not settings.exists():
        settings.write_text(f"[General]\nregion={region}\n", encoding="utf-8")
    return folder


def open_tray_menu(pid: int) -> None:
    """Right-click the app's docked tray icon and wait until its menu is mapped (keys then go
    to the menu: Up from the top wraps to the last entry)."""
    from tests.e2e.support.actions import xdotool
    from tests.e2e.support.recorder import WindowRecorder

    with Display() as display:
        icon = poll(lambda: display.docked_icons(pid), 10, "the tray icon")[0]
    with WindowRecorder() as recorder:
        xdotool("mousemove", "--window", str(icon), "8", "8", "click", "3")
        poll(lambda: [m for m in recorder.mapped if m.pid == pid], 10, "the tray menu")


def tray_icon_docked(pid: int) -> bool:
    with Display() as display:
        return bool(display.docked_icons(pid))


@dataclass
class AppProcess:
    """One running app: its process, sandbox port, profile folder and output file."""

    profile: Path
    port: int
    output: Path
    extra_args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self, wait: bool = True) -> AppProcess:
        seed_profile(self.profile)
        env = {**os.environ, **self.env}
        self._out = self.output.open("ab")
        self.proc = subprocess.Popen(
            app_command(self.profile, *self.extra_args, port=self.port),
            stdout=self._out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Until the sandbox answers and the tray icon is docked in the tray host."""
        def ready() -> bool:
            self.assert_running()
            return sandbox_info(self.port, timeout=0.5) is not None and tray_icon_docked(self.pid)

        poll(ready, timeout, "the app's sandbox and docked tray icon", interval=0.05)

    def assert_running(self) -> None:
        assert self.proc is not None
        code = self.proc.poll()
        if code is not None:
            raise AssertionError(f"the app exited with {code}:\n{self.read_output()[-4000:]}")

    def wait_icon_docked(self, timeout: float = 20.0) -> None:
        poll(lambda: (self.assert_running() or True) and tray_icon_docked(self.pid), timeout,
             "the tray icon to dock")

    def read_output(self) -> str:
        try:
            return self.output.read_text("utf-8", "replace")
        except FileNotFoundError:
            return ""

    def stop(self, timeout: float = 10.0) -> int | None:
        """Ask the app to quit (SIGTERM), then kill it if it lingers; returns its exit code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self._out.close()
        return self.proc.returncode

    def run_second_instance(self, *args: str, timeout: float = 30.0) -> subprocess.CompletedProcess:
        """`python -m easyclick2call --profile <same> ARGS` while this one runs."""
        argv = [sys.executable, "-m", "easyclick2call", "--profile", str(self.profile), *args]
        return subprocess.run(argv, check=False, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, **self.env})


def wait_for_exit(proc: subprocess.Popen, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    code = proc.poll()
    assert code is not None, "process did not exit"
    return code
