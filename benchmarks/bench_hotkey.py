"""The global shortcut against a copy, in the same run under X: how long from the shortcut
pressed to the popup visible, and from a copy to the popup visible.

    .venv/bin/python benchmarks/bench_hotkey.py [--presses 15]

Starts its own Xvfb + dbus + gnome-keyring + trayer when DISPLAY is unset, then the real app
(`python -m easyclick2call --demo`, whose default shortcut is Ctrl+Alt+K). Alternately:

- copy → popup visible: as benchmarks/bench_app.py measures it (xclip takes the CLIPBOARD, the
  XFixes owner-change event is the start; the popup's MapNotify the end);
- shortcut → popup visible: a number is put in the PRIMARY selection first (xclip), then this
  process sends Ctrl+Alt+K through XTEST on its own X connection — the start is stamped just
  before the request is flushed — and the popup's MapNotify, read on that same connection, is the
  end. The app reads the selection over X (its own reader thread), scans it and shows the popup.

Each sample uses a different number; the popup is closed with WM_DELETE_WINDOW between samples.
Target (issue 15): the shortcut median ≤ 1.5× the copy median of the same run. Exit code 0 when
it passes.
"""

from __future__ import annotations

import argparse
import ctypes
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_app import (  # noqa: E402
    Target,
    close_popup,
    copy_popup_latency,
    start_and_wait_docked,
    stop,
    wait_sandbox,
)

from tests.e2e.support.actions import copy_to_clipboard, select_text  # noqa: E402
from tests.e2e.support.app import app_command, free_port, seed_profile  # noqa: E402
from tests.e2e.support.x11 import Display  # noqa: E402
from tests.harness.desktop import desktop_unless_present, tray_owner  # noqa: E402

XK = {"ctrl": 0xFFE3, "alt": 0xFFE9, "k": 0x6B}


class Keyboard:
    """XTEST key presses on a Display's own connection."""

    def __init__(self, display: Display) -> None:
        self.display = display
        self.xtst = ctypes.cdll.LoadLibrary("libXtst.so.6")
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                                ctypes.c_ulong]
        x = display.x
        x.XKeysymToKeycode.restype = ctypes.c_ubyte
        x.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.codes = {name: x.XKeysymToKeycode(display.dpy, sym) for name, sym in XK.items()}

    def chord(self, *names: str) -> float:
        """Press then release `names` (in order, released in reverse); returns the monotonic
        time just before the presses were flushed to the X server."""
        for name in names:
            self.xtst.XTestFakeKeyEvent(self.display.dpy, self.codes[name], 1, 0)
        for name in reversed(names):
            self.xtst.XTestFakeKeyEvent(self.display.dpy, self.codes[name], 0, 0)
        started = time.monotonic()
        self.display.x.XFlush(self.display.dpy)
        return started


def shortcut_popup_latency(display: Display, keyboard: Keyboard, pid: int, text: str,
                           title: str, timeout: float = 10) -> float:
    """ms from Ctrl+Alt+K sent to a window of `pid` titled …title… being mapped."""
    select_text(text)
    display.drain()
    pressed_at = keyboard.chord("ctrl", "alt", "k")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        event = display.next_event(deadline)
        if event is None:
            break
        if event.kind == "map" and display.pid(event.window) == pid \
                and title in display.title(event.window):
            latency = (event.at - pressed_at) * 1000
            close_popup(display, event.window)
            return latency
    raise RuntimeError(f"no popup titled …{title}… within {timeout:.0f} s")


def measure(presses: int, workdir: Path) -> tuple[list[float], list[float]]:
    port = free_port()
    profile = seed_profile(workdir / "profile")
    app = Target("app", lambda: app_command(profile, port=port), lambda _t, e164: e164, port=port)
    copies: list[float] = []
    shortcuts: list[float] = []
    with Display() as display:
        display.watch()
        copy_to_clipboard("benchmark")
        proc, _start_ms, _icon = start_and_wait_docked(app, display, workdir / "app.log")
        try:
            wait_sandbox(port)
            keyboard = Keyboard(display)
            for index in range(presses + 1):  # the first pair warms the number engine up
                copied = f"01 99 00 {10 + index // 10:02d} {index * 7 % 100:02d}"
                selected = f"01 99 01 {10 + index // 10:02d} {index * 7 % 100:02d}"
                copy_ms = copy_popup_latency(display, proc.pid, f"appelez le {copied}",
                                             "+33" + copied.replace(" ", "")[1:])
                shortcut_ms = shortcut_popup_latency(display, keyboard, proc.pid,
                                                     f"rappeler le {selected}",
                                                     "+33" + selected.replace(" ", "")[1:])
                if index:
                    copies.append(copy_ms)
                    shortcuts.append(shortcut_ms)
        finally:
            stop(proc)
    return copies, shortcuts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presses", type=int, default=15, help="samples of each (≥ 15)")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="ec2c-bench-hotkey-"))
    session = desktop_unless_present(workdir / "home")
    if session is None and not tray_owner():
        raise SystemExit("DISPLAY is set but no system tray runs there; unset DISPLAY.")
    try:
        copies, shortcuts = measure(args.presses, workdir)
    finally:
        if session is not None:
            session.stop()
    copy_ms, shortcut_ms = statistics.median(copies), statistics.median(shortcuts)
    ok = shortcut_ms <= 1.5 * copy_ms
    print(f"copy → popup visible, median of {len(copies)}:        {copy_ms:.1f} ms")
    print(f"shortcut → popup visible, median of {len(shortcuts)}:    {shortcut_ms:.1f} ms  "
          f"({shortcut_ms / copy_ms:.2f}× the copy; target ≤ 1.5×: {'PASS' if ok else 'FAIL'})")
    print("copy samples (ms):    ", " ".join(f"{v:.1f}" for v in copies))
    print("shortcut samples (ms):", " ".join(f"{v:.1f}" for v in shortcuts))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
