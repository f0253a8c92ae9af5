"""A real headless Wayland compositor for the Wayland tests: Sway with wlroots' headless back-end
and the pixman renderer (no GPU), started like Xvfb is.

Sway refuses to run as root: when the tests run as root it is started as the unprivileged user
`nobody` (setpriv), in a runtime folder of its own under /var/tmp (a folder every user can reach;
/tmp may not be), and the tests connect to its socket by its absolute path (root may). Its IPC
socket (SWAYSOCK) lets the tests ask which window has the keyboard focus (swaymsg).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from tests.harness.desktop import DesktopUnavailable, _require

CONFIG = """\
output HEADLESS-1 resolution 1280x800
xwayland disable
focus_on_window_activation focus
"""
START_TIMEOUT = 20.0


class SwaySession:
    """`with SwaySession() as sway:` — `sway.env` holds WAYLAND_DISPLAY (an absolute path) and
    SWAYSOCK for the programs that should talk to it."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.env: dict[str, str] = {}
        self.folder: Path | None = None

    def __enter__(self) -> SwaySession:
        sway = _require("sway")
        _require("wl-copy")
        self.folder = Path(tempfile.mkdtemp(prefix="ec2c-sway-", dir="/var/tmp"))
        (self.folder / "config").write_text(CONFIG, encoding="utf-8")
        argv = [sway, "-c", str(self.folder / "config")]
        if os.geteuid() == 0:  # Sway will not run as root
            shutil.chown(self.folder, "nobody", "nogroup")
            shutil.chown(self.folder / "config", "nobody", "nogroup")
            argv = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *argv]
        self.folder.chmod(0o700)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.folder),
               "XDG_RUNTIME_DIR": str(self.folder), "WLR_BACKENDS": "headless",
               "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1"}
        self._log = (self.folder.parent / f"{self.folder.name}.log").open("wb")
        self.proc = subprocess.Popen(argv, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            sockets = sorted(self.folder.glob("sway-ipc.*.sock"))
            display = self.folder / "wayland-1"
            if sockets and display.exists() and self._answers(sockets[0]):
                self.env = {"WAYLAND_DISPLAY": str(display), "SWAYSOCK": str(sockets[0])}
                return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)  # polling the compositor's start, as for Xvfb's socket
        self.__exit__()
        raise DesktopUnavailable(f"sway did not start; see {self._log.name}")

    @staticmethod
    def _answers(ipc: Path) -> bool:
        return subprocess.run(["swaymsg", "-s", str(ipc), "-t", "get_version"],
                              capture_output=True, timeout=10, check=False).returncode == 0

    def focused_name(self) -> str:
        """The title of the window that has the keyboard focus ("" for none)."""
        tree = json.loads(subprocess.run(
            ["swaymsg", "-s", self.env["SWAYSOCK"], "-t", "get_tree", "-r"],
            capture_output=True, check=True, timeout=10).stdout)

        def walk(node: dict) -> str | None:
            if node.get("focused") and node.get("type") in ("con", "floating_con"):
                return node.get("name") or ""
            for child in node.get("nodes", []) + node.get("floating_nodes", []):
                found = walk(child)
                if found is not None:
                    return found
            return None

        return walk(tree) or ""

    def __exit__(self, *_exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self._log.close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
