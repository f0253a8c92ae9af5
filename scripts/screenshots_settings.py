"""Real screenshots of the Settings dialog under X (Xvfb): every page at 100 %, Account at 200 %.

    .venv/bin/python scripts/screenshots_settings.py [--out docs/screenshots]

Starts its own desktop session (tests/harness/desktop.py: Xvfb, dbus, gnome-keyring, tray)
when DISPLAY is unset. The dialog is filled from an in-process sandbox (demo account) with an
in-memory keyring and a throw-away profile; each scale runs in its own process
(QT_SCALE_FACTOR is read once, at start-up). Pixels are grabbed from the X server.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES_100 = ("account", "line", "behaviour", "filters", "privacy")
BIG_SCREEN = "2560x1600x24"  # room for the dialog at 200 %


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--scale", choices=("1", "2"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.scale:
        return shoot(args.out, args.scale)
    from tests.harness.desktop import desktop_unless_present

    session = desktop_unless_present(Path(tempfile.mkdtemp(prefix="ec2c-shots-")), BIG_SCREEN)
    try:
        for scale in ("1", "2"):
            env = dict(os.environ, QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM="xcb",
                       LANGUAGE="en", LANG="C.UTF-8")
            subprocess.run([sys.executable, __file__, "--out", str(args.out), "--scale", scale],
                           check=True, env=env, cwd=tempfile.gettempdir(), timeout=300)
    finally:
        if session is not None:
            session.stop()
    for path in sorted(args.out.glob("settings-*.png")):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


def shoot(out: Path, scale: str) -> int:
    from PySide6.QtWidgets import QApplication

    from easyclick2call.core.secrets import use_memory_backend
    from easyclick2call.sandbox.server import SandboxServer
    from tests.unit.test_settings_dialog_support import configure_sandbox, make_context

    app = QApplication(["easyclick2call-screenshots"])
    app.setApplicationName("EasyClick2Call")
    from easyclick2call.ui.style import apply_desktop_style

    apply_desktop_style(app)  # as the app does
    use_memory_backend()
    sandbox = SandboxServer(host="127.0.0.1", port=0).start()
    try:
        with tempfile.TemporaryDirectory(prefix="ec2c-shot-profile-") as folder:
            context = make_context(Path(folder) / "demo", demo=True, sandbox=sandbox)
            configure_sandbox(context, sandbox)
            pages = PAGES_100 if scale == "1" else ("account",)
            suffix = "" if scale == "1" else "-200"
            dialog = open_dialog(app, context)
            for name in pages:
                show(app, dialog, name)
                grab(app, dialog, out / f"settings-{name}{suffix}.png")
            dialog.close()
            if scale == "1":
                empty = make_context(Path(folder) / "new")
                first = open_dialog(app, empty)
                grab(app, first, out / "settings-first-run.png")
                first.close()
    finally:
        sandbox.stop()
    from easyclick2call.ui.tasks import wait_for_tasks

    wait_for_tasks(10000)
    return 0


def pump(app, until: Callable[[], bool], timeout: float = 20.0) -> None:
    """Run the event loop until `until()` is true (raises after `timeout` seconds)."""
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the dialog did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def open_dialog(app, context):
    from easyclick2call.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(context)
    loaded: list[bool] = []
    dialog.account.secrets_loaded.connect(lambda: loaded.append(True))
    dialog.move(40, 40)
    dialog.show()
    pump(app, lambda: bool(loaded) and dialog.isVisible())
    dialog.resize(dialog.sizeHint())
    return dialog


def show(app, dialog, name: str) -> None:
    dialog.show_page(name)
    if name == "account":
        dialog.account.test_connection()
        pump(app, lambda: dialog.account.test_status.kind != "none")
    elif name == "line":
        pump(app, lambda: not dialog.line.loading and dialog.line.user.count() > 1)
        dialog.line.user.setCurrentIndex(1)


def grab(app, dialog, path: Path) -> None:
    """The dialog's pixels as the X server shows them."""
    settle(app)
    screen = dialog.screen()
    frame = dialog.frameGeometry()
    if screen.geometry().contains(frame):
        pixmap = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    else:  # a screen too small for the dialog: render it instead
        pixmap = dialog.grab()
    if not pixmap.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")


def settle(app, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
