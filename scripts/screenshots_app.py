"""Take the README's screenshots of the tray app for real, under Xvfb, into docs/screenshots/.

    .venv/bin/python scripts/screenshots_app.py [--out docs/screenshots]

Starts its own Xvfb + dbus + gnome-keyring + trayer when DISPLAY is unset (tests/harness), runs
the app in demo mode with a fresh profile, drives it from outside like a user (xclip, xdotool)
and crops each shot around what it shows:

    app-tray-menu.png            the tray icon's menu
    app-popup-one.png            the popup after copying "appelez le 01 99 00 12 34"
    app-popup-three.png          the popup after copying text with three numbers
    app-notification-ringing.png "your phone is ringing" after pressing Call
    app-notification-error.png   the notification of a call that may have been placed (a 503)
    app-history.png              the History… window
    app-incoming-call.png        the incoming-call toast (a call injected on the demo's stream)
    app-missed-call.png          the missed-call toast with Call back
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.support.actions import (  # noqa: E402
    copy_to_clipboard,
    inject_fault,
    poll,
    press_key,
    wait_for_window,
    wait_until_gone,
    xdotool,
)
from tests.e2e.support.app import AppProcess, free_port  # noqa: E402
from tests.e2e.support.live import inject_events, line_event, wait_following  # noqa: E402
from tests.e2e.support.recorder import WindowRecorder  # noqa: E402
from tests.e2e.support.x11 import Display  # noqa: E402
from tests.harness.desktop import desktop_unless_present  # noqa: E402

BACKGROUND = "#e9ecef"
PAD = 14


def absolute_geometry(window: int) -> tuple[int, int, int, int]:
    """x, y on the screen, width, height (xdotool translates through the parents)."""
    values = dict(line.split("=", 1) for line in
                  xdotool("getwindowgeometry", "--shell", str(window)).splitlines() if "=" in line)
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def union(*boxes: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    left = min(b[0] for b in boxes)
    top = min(b[1] for b in boxes)
    right = max(b[0] + b[2] for b in boxes)
    bottom = max(b[1] + b[3] for b in boxes)
    return left, top, right - left, bottom - top


def shoot(path: Path, box: tuple[int, int, int, int], pad: int = PAD) -> Path:
    """Screenshot the whole screen for real, then crop `box` (+ padding) out of it."""
    x, y, width, height = box
    with Display() as display:
        _, _, screen_w, screen_h = display.geometry(display.root)
    left, top = max(0, x - pad), max(0, y - pad)
    right, bottom = min(screen_w, x + width + pad), min(screen_h, y + height + pad)
    subprocess.run(["import", "-window", "root", "-crop",
                    f"{right - left}x{bottom - top}+{left}+{top}", "+repage", str(path)],
                   check=True, timeout=60)
    print(f"wrote {path} ({right - left}×{bottom - top})")
    return path


def settle() -> None:
    """Let the app finish painting what was just mapped (a paint has no X event to wait for)."""
    time.sleep(0.4)


def tray_icon(app: AppProcess) -> int:
    with Display() as display:
        return poll(lambda: display.docked_icons(app.pid), 20, "the tray icon")[0]


def open_tray_menu(app: AppProcess) -> int:
    """Right-click the tray icon; the menu's window."""
    icon = tray_icon(app)
    with WindowRecorder() as recorder:
        xdotool("mousemove", "--window", str(icon), "8", "8", "click", "3")
        mapped = poll(lambda: [m for m in recorder.mapped if m.pid == app.pid], 10,
                      "the tray menu")
    menu = mapped[-1].window
    with Display() as display:
        poll(lambda: display.viewable(menu), 5, "the menu to show")
    return menu


def tray_panel_box() -> tuple[int, int, int, int]:
    with Display() as display:
        owner = display.tray_owner()
        # The selection owner may be a hidden helper window: take trayer's visible top-level.
        for window in display.toplevels():
            if display.viewable(window) and display.title(window) == "panel":
                return absolute_geometry(window)
        return absolute_geometry(owner)


def take(out: Path, workdir: Path) -> None:
    profile = workdir / "profile"
    profile.mkdir()
    app = AppProcess(profile=profile, port=free_port(), output=workdir / "app.log").start()
    try:
        # 1. The tray menu, with the panel it hangs from.
        menu = open_tray_menu(app)
        settle()
        shoot(out / "app-tray-menu.png", union(absolute_geometry(menu), tray_panel_box()))
        xdotool("key", "Escape")
        wait_until_gone(menu)

        # 2. The popup for one number.
        copy_to_clipboard("appelez le 01 99 00 12 34")
        popup = wait_for_window("Call +33199001234?", pid=app.pid)
        settle()
        shoot(out / "app-popup-one.png", absolute_geometry(popup))

        # 3. The ringing notification: press Call (Enter).
        press_key(popup, "Return")
        toast = wait_for_window("EasyClick2Call — Calling", pid=app.pid, timeout=20)
        settle()
        shoot(out / "app-notification-ringing.png", absolute_geometry(toast))

        # 4. The popup for three numbers.
        copy_to_clipboard("Standard : 01 99 00 56 78 — SAV : 01 99 00 91 23 — "
                          "bureau de Londres : +44 20 7946 0000")
        popup = wait_for_window("Call +33199005678", pid=app.pid)
        settle()
        shoot(out / "app-popup-three.png", absolute_geometry(popup))
        with Display() as display:
            display.close_window(popup)
        wait_until_gone(popup)

        # 5. An error notification: the sandbox answers 503 to the next call.
        inject_fault(app.port, {"method": "POST", "path": "/telephony/*/click2Call",
                                "status": 503, "count": 1})
        copy_to_clipboard("01 99 00 34 56")
        popup = wait_for_window("Call +33199003456?", pid=app.pid)
        press_key(popup, "Return")
        toast = wait_for_window("may have been placed", pid=app.pid, timeout=20)
        settle()
        shoot(out / "app-notification-error.png", absolute_geometry(toast))

        # 6. The History… window, from the tray menu (Up from the top wraps to Quit, About,
        #    Settings…, History…).
        menu = open_tray_menu(app)
        xdotool("key", "--delay", "60", "Up", "Up", "Up", "Up", "Return")
        history = wait_for_window("Call history — EasyClick2Call", pid=app.pid)
        settle()
        shoot(out / "app-history.png", absolute_geometry(history))
        with Display() as display:
            display.close_window(history)
        wait_until_gone(history)

        # 7. An incoming call on the demo's live-event stream, then (unanswered) missed.
        wait_following(app.port)
        inject_events(app.port, [line_event("start_ringing", "shot-1", "0033612345678")])
        incoming = wait_for_window("Incoming call +33612345678", pid=app.pid)
        settle()
        shoot(out / "app-incoming-call.png", absolute_geometry(incoming))
        inject_events(app.port, [line_event("end_ringing", "shot-1", "0033612345678")])
        missed = wait_for_window("Missed call +33612345678", pid=app.pid)
        settle()
        shoot(out / "app-missed-call.png", absolute_geometry(missed))
    finally:
        app.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="ec2c-shots-"))
    session = desktop_unless_present(workdir / "home")
    try:
        subprocess.run(["xsetroot", "-solid", BACKGROUND], check=False, timeout=10)
        take(args.out.resolve(), workdir)
    finally:
        if session is not None:
            session.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
