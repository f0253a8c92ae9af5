"""Copy → offer on a headless Sway (data-control watching, the offer a desktop notification)
against copy → popup under X11, on the same machine in the same run.

    .venv/bin/python benchmarks/bench_wayland.py [--copies 15]

Starts its own Xvfb + session bus (tests/harness/desktop.py) when DISPLAY is unset, a headless
Sway (tests/harness/sway.py) and a notification server on the session bus
(tests/e2e/support/notifications.py). The start: on X11 the XFixes event of xclip taking the
CLIPBOARD (as benchmarks/bench_app.py); on Sway the moment a data-control client of this
process (the app's own, read on a thread) hears of the new selection — the compositor's own news
of it, as the app hears it; wl-copy's return is no use as a start (it sets the selection and then
lingers for 150–300 ms). The end: on X11 the popup's
MapNotify (read on this process's X connection), on Sway the notification's arrival at the
server (its own thread stamps it).
Each copy is a new number; the X11 popup is closed between copies. Target (issue 15): the Sway
median ≤ 2× the X11 median. Exit code 0 on PASS.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_app import (  # noqa: E402
    Target,
    copy_popup_latency,
    start_and_wait_docked,
    stop,
    wait_sandbox,
)

from easyclick2call.platform.wayland_clipboard import DataControlDevice  # noqa: E402
from easyclick2call.platform.wayland_wire import WaylandError  # noqa: E402
from tests.e2e.support.actions import copy_to_clipboard, poll, sandbox_info  # noqa: E402
from tests.e2e.support.app import app_command, free_port, seed_profile  # noqa: E402
from tests.e2e.support.notifications import NotificationServer  # noqa: E402
from tests.e2e.support.x11 import Display  # noqa: E402
from tests.harness.desktop import desktop_unless_present  # noqa: E402
from tests.harness.sway import SwaySession  # noqa: E402


def number(index: int, block: int) -> tuple[str, str]:
    national = f"01 99 {block:02d} {10 + index // 10:02d} {index * 7 % 100:02d}"
    return national, "+33" + national.replace(" ", "")[1:]


def x11_copies(count: int, workdir: Path) -> list[float]:
    port = free_port()
    profile = seed_profile(workdir / "x11-profile")
    app = Target("x11", lambda: app_command(profile, port=port), lambda _t, e164: e164, port=port)
    samples = []
    with Display() as display:
        display.watch()
        copy_to_clipboard("benchmark")
        proc, _ms, _icon = start_and_wait_docked(app, display, workdir / "x11.log")
        try:
            wait_sandbox(port)
            for index in range(count + 1):  # the first one warms the number engine up
                national, e164 = number(index, 2)
                latency = copy_popup_latency(display, proc.pid, f"appelez le {national}", e164)
                if index:
                    samples.append(latency)
        finally:
            stop(proc)
    return samples


class SelectionObserver:
    """A data-control client of this process (the app's own, platform.wayland_clipboard) that
    stamps each selection event the compositor sends — no process in between; `times` when
    each came."""

    def __init__(self, env: dict[str, str]) -> None:
        self.times: list[float] = []
        self.device = DataControlDevice(env)
        self.device.startup()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        seen = self.device.changes[False]
        with contextlib.suppress(WaylandError):
            while True:
                self.device.wait()
                stamp = time.monotonic()
                if self.device.changes[False] != seen:
                    seen = self.device.changes[False]
                    self.times.append(stamp)

    def close(self) -> None:
        self.device.shutdown()
        self._thread.join(5)
        self.device.close()


def sway_copies(count: int, workdir: Path) -> list[float]:
    samples = []
    with SwaySession() as sway, NotificationServer() as server:
        runtime = workdir / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env = {**sway.env, "QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(runtime),
               "XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "sway"}
        import os

        port = free_port()
        profile = seed_profile(workdir / "sway-profile")
        log = (workdir / "sway-app.log").open("wb")
        proc = subprocess.Popen(app_command(profile, port=port), env={**os.environ, **env},
                                stdout=log, stderr=subprocess.STDOUT)
        client = {"PATH": os.environ["PATH"], **env}
        observer = SelectionObserver(client)
        try:
            poll(lambda: sandbox_info(port, timeout=5), 40, "the app on Sway")
            for index in range(count + 1):
                national, _e164 = number(index, 3)
                seen = len(observer.times)
                subprocess.run(["wl-copy"], input=f"appelez le {national}".encode(), env=client,
                               check=True, timeout=10)
                poll(lambda s=seen: len(observer.times) > s, 10, "the observer")
                started = observer.times[seen]
                shown = poll(lambda n=national: next(
                    (x for x in server.notifications() if n in x.summary), None), 10,
                    f"the offer of {national}", interval=0.001)
                if index:
                    samples.append((shown.at - started) * 1000)
        finally:
            observer.close()
            proc.terminate()
            proc.wait(10)
            log.close()
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=15, help="copies of each (≥ 15)")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="ec2c-bench-wayland-"))
    session = desktop_unless_present(workdir / "home")
    try:
        x11 = x11_copies(args.copies, workdir)
        sway = sway_copies(args.copies, workdir)
    finally:
        if session is not None:
            session.stop()
    x11_ms, sway_ms = statistics.median(x11), statistics.median(sway)
    ok = sway_ms <= 2 * x11_ms
    print(f"X11: copy (xclip) → popup visible, median of {len(x11)}:          {x11_ms:.1f} ms")
    print(f"Sway: copy (wl-copy) → notification offer, median of {len(sway)}: {sway_ms:.1f} ms  "
          f"({sway_ms / x11_ms:.2f}× X11; target ≤ 2×: {'PASS' if ok else 'FAIL'})")
    print("X11 samples (ms): ", " ".join(f"{v:.1f}" for v in x11))
    print("Sway samples (ms):", " ".join(f"{v:.1f}" for v in sway))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
