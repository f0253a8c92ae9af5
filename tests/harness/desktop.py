"""Start a real desktop session for the test run: Xvfb, a session bus, an unlocked gnome-keyring
and a system-tray host (trayer), unless the environment already provides them.

Everything started here is torn down at the end of the session. Nothing is mocked: the tests see a
real X server, a real clipboard, a real SecretService keyring and a real tray selection owner.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

KEYRING_PASSWORD = "easyclick2call-tests"
SCREEN = "1280x800x24"


class DesktopUnavailable(RuntimeError):
    """A piece of the desktop session could not be started (a missing apt package, usually)."""


def _require(program: str) -> str:
    path = shutil.which(program)
    if not path:
        raise DesktopUnavailable(
            f"'{program}' is not installed; run scripts/test.sh (it installs the apt packages)"
        )
    return path


def tray_owner(display: str | None = None) -> int:
    """The X window that owns the system-tray selection of screen 0 (0 when none)."""
    x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XGetSelectionOwner.restype = ctypes.c_ulong
    x11.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    dpy = x11.XOpenDisplay((display or os.environ["DISPLAY"]).encode())
    if not dpy:
        return 0
    try:
        atom = x11.XInternAtom(dpy, b"_NET_SYSTEM_TRAY_S0", 0)
        return int(x11.XGetSelectionOwner(dpy, atom))
    finally:
        x11.XCloseDisplay(dpy)


def isolate_environment() -> None:
    """No OVH_* / EASYCLICK2CALL_* settings inherited from the caller, Qt on X11, English."""
    for name in list(os.environ):
        if name.startswith(("OVH_", "EASYCLICK2CALL_")):
            del os.environ[name]
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.setdefault("LANG", "C.UTF-8")
    os.environ["LANGUAGE"] = "en"


def desktop_unless_present(home: Path, screen: str = SCREEN) -> DesktopSession | None:
    """For scripts (benchmarks, screenshots): an isolated environment, and a desktop session of
    their own when none is running (DISPLAY unset); None when they use the caller's display."""
    if os.environ.get("DISPLAY"):
        return None
    isolate_environment()
    return DesktopSession(home=home, screen=screen).start()


def wait_until(predicate, timeout: float, what: str, interval: float = 0.02) -> None:
    """Poll `predicate` until it is true; raise DesktopUnavailable after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise DesktopUnavailable(f"timed out after {timeout:.0f} s waiting for {what}")


@dataclass
class DesktopSession:
    """The processes of one desktop session and the environment variables they provide."""

    home: Path
    screen: str = SCREEN
    processes: list[subprocess.Popen] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    tray: subprocess.Popen | None = None

    def start(self) -> DesktopSession:
        """Start whatever the current environment lacks and export it to os.environ."""
        self._isolate_home()
        if not os.environ.get("DISPLAY"):
            self._start_xvfb()
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            self._start_dbus()
        self._start_keyring()
        self.start_tray()
        return self

    def _export(self, name: str, value: str) -> None:
        self.env[name] = value
        os.environ[name] = value

    def _isolate_home(self) -> None:
        """A fresh HOME and XDG dirs: no ovh.conf, no real keyring, no real settings touched."""
        for sub in ("config", "data", "cache", "state", "runtime"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        (self.home / "runtime").chmod(0o700)
        self._export("HOME", str(self.home))
        self._export("XDG_CONFIG_HOME", str(self.home / "config"))
        self._export("XDG_DATA_HOME", str(self.home / "data"))
        self._export("XDG_CACHE_HOME", str(self.home / "cache"))
        self._export("XDG_STATE_HOME", str(self.home / "state"))
        self._export("XDG_RUNTIME_DIR", str(self.home / "runtime"))

    def _spawn(self, argv: list[str], **kwargs) -> subprocess.Popen:
        proc = subprocess.Popen(argv, start_new_session=True, **kwargs)
        self.processes.append(proc)
        return proc

    def _start_xvfb(self) -> None:
        xvfb = _require("Xvfb")
        read_fd, write_fd = os.pipe()
        self._spawn(
            [xvfb, "-displayfd", str(write_fd), "-screen", "0", self.screen, "-nolisten", "tcp",
             "-noreset"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise DesktopUnavailable("Xvfb did not start")
        self._export("DISPLAY", f":{number}")
        self._export("XDG_SESSION_TYPE", "x11")
        os.environ.pop("WAYLAND_DISPLAY", None)

    def _start_dbus(self) -> None:
        dbus = _require("dbus-daemon")
        out = subprocess.run(
            [dbus, "--session", "--fork", "--print-address=1", "--print-pid=1"],
            check=True, capture_output=True, text=True,
        ).stdout.split()
        address, pid = out[0], int(out[1])
        self._dbus_pid = pid
        self._export("DBUS_SESSION_BUS_ADDRESS", address)

    def _start_keyring(self) -> None:
        daemon = _require("gnome-keyring-daemon")
        result = subprocess.run(
            [daemon, "--unlock", "--components=secrets", "--daemonize"],
            check=False, input=KEYRING_PASSWORD, capture_output=True, text=True, timeout=30,
            start_new_session=True,
        )
        for line in result.stdout.splitlines():
            name, _, value = line.partition("=")
            if name and value:
                self._export(name, value)
        if result.returncode != 0:
            raise DesktopUnavailable(f"gnome-keyring-daemon failed: {result.stderr.strip()}")

    def start_tray(self) -> subprocess.Popen:
        """Start (or restart) the tray host and wait until it owns the tray selection."""
        trayer = _require("trayer")
        self.tray = self._spawn(
            [trayer, "--edge", "top", "--align", "right", "--widthtype", "request",
             "--height", "24", "--SetDockType", "false", "--transparent", "false"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: tray_owner() != 0, 15, "trayer to own the tray selection")
        return self.tray

    def stop_tray(self) -> None:
        """Kill the tray host (to test that the app survives it going away)."""
        if self.tray and self.tray.poll() is None:
            self.tray.kill()
            self.tray.wait(5)
        wait_until(lambda: tray_owner() == 0, 10, "the tray selection to be released")

    def _end_clipboard_owners(self) -> None:
        """xclip/xsel stay in the background while they own a selection: end ours quietly."""
        display = self.env.get("DISPLAY")
        if not display:
            return
        for proc_dir in Path("/proc").iterdir():
            if not proc_dir.name.isdigit():
                continue
            try:
                name = (proc_dir / "comm").read_text().strip()
                if name not in ("xclip", "xsel"):
                    continue
                environ = (proc_dir / "environ").read_bytes().split(b"\0")
            except OSError:
                continue
            if f"DISPLAY={display}".encode() in environ:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(proc_dir.name), signal.SIGTERM)

    def stop(self) -> None:
        """End every process this session started, newest first."""
        self._end_clipboard_owners()
        for proc in reversed(self.processes):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
        pid = getattr(self, "_dbus_pid", None)
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
