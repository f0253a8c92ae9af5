"""What a user (or another program) does from outside the app: set the clipboard, find a window,
press a key, click; and what the sandbox saw. Every wait polls with a timeout — no bare sleeps."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tests.e2e.support.x11 import Display

T = TypeVar("T")
XDOTOOL_TIMEOUT = 10

# A tiny PySide6 program that owns the clipboard with text AND the KDE password-manager hint
# (what KeePassXC does for a password), then serves it until another program takes the clipboard.
CONCEALED_OWNER = """
import sys
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
data = QMimeData()
data.setText(sys.argv[1])
data.setData("x-kde-passwordManagerHint", b"secret")
clipboard = app.clipboard()
clipboard.setMimeData(data)
clipboard.dataChanged.connect(app.quit)   # someone else owns it now: our job is done
QTimer.singleShot(120000, app.quit)
print("owned", flush=True)
sys.exit(app.exec())
"""


def poll(fn: Callable[[], T], timeout: float, what: str, interval: float = 0.02) -> T:
    """Call `fn` until it returns something truthy; raise AssertionError after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)


def copy_to_clipboard(text: str, selection: str = "clipboard") -> None:
    """Set the CLIPBOARD (or PRIMARY) from another process, as a person's copy does; returns
    once that process owns it (xclip keeps serving it in the background).

    xclip's parent exits before its child has sent the X server its ownership request (Xlib's
    buffer is flushed later, by the child), so two copies in a row could take the clipboard in
    the wrong order: wait until the owner is a new one."""
    with Display() as display:
        before = display.selection_owner(selection.upper())
        subprocess.run(["xclip", "-selection", selection, "-i"], input=text.encode("utf-8"),
                       check=True, timeout=10, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        poll(lambda: display.selection_owner(selection.upper()) not in (0, before), WAIT_S,
             f"xclip to own the {selection}")


def select_text(text: str, selection: str = "primary") -> None:
    """What highlighting text does: `text` becomes the PRIMARY selection (served by xclip).
    xclip takes the selection in its background child, after the command returns: wait until
    the X server names a new owner, so that whoever reads the selection next gets `text`."""
    with Display() as display:
        before = display.selection_owner(selection.upper())
        subprocess.run(["xclip", "-selection", selection, "-i"], input=text.encode("utf-8"),
                       check=True, timeout=10, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        poll(lambda: display.selection_owner(selection.upper()) not in (0, before), 10,
             f"xclip to own the {selection} selection")


def copy_concealed(text: str) -> subprocess.Popen:
    """Own the clipboard with `text` marked concealed (x-kde-passwordManagerHint), as a password
    manager does; returns the owner process (it exits when another program takes the clipboard).
    """
    proc = subprocess.Popen([sys.executable, "-c", CONCEALED_OWNER, text],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == "owned", "the concealed-clipboard helper did not start"
    return proc


def clipboard_targets() -> list[str]:
    out = subprocess.run(["xclip", "-selection", "clipboard", "-o", "-t", "TARGETS"],
                         capture_output=True, timeout=10, check=False).stdout
    return out.decode("utf-8", "replace").split()


# How long a wait for something the app must do may last. Generous on purpose: a wait ends as
# soon as what it waits for happens, and a loaded 2-core CI machine can be slow.
WAIT_S = 30.0


def wait_for_window(title_substring: str, timeout: float = WAIT_S, pid: int | None = None) -> int:
    """The id of a viewable top-level window whose title contains `title_substring`."""
    with Display() as display:
        windows = poll(lambda: display.visible_windows_titled(title_substring, pid), timeout,
                       f"a window titled …{title_substring}…")
    return windows[0]


def visible_windows(title_substring: str, pid: int | None = None) -> list[int]:
    with Display() as display:
        return display.visible_windows_titled(title_substring, pid)


def window_titles(pid: int | None = None) -> list[str]:
    """Titles of every viewable top-level window (of process `pid`)."""
    with Display() as display:
        return [display.title(w) for w in display.toplevels()
                if display.viewable(w) and (pid is None or display.pid(w) == pid)]


def wait_until_gone(window: int, timeout: float = WAIT_S) -> None:
    with Display() as display:
        poll(lambda: not display.viewable(window), timeout, f"window {window:#x} to close")


def window_geometry(window: int) -> tuple[int, int, int, int]:
    with Display() as display:
        return display.geometry(window)


def xdotool(*args: str) -> str:
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, check=True,
                          timeout=XDOTOOL_TIMEOUT).stdout.strip()


def focused_window() -> int:
    try:
        return int(xdotool("getwindowfocus", "-f"))
    except (subprocess.CalledProcessError, ValueError):
        return 0


def click(window: int, x: int, y: int, repeat: int = 1, delay_ms: int = 20) -> None:
    """Move the real pointer to (x, y) in `window` and click the left button (XTEST).

    One xdotool command: the X server handles the motion before the clicks (no `--sync`, which
    waits forever when the pointer already is there)."""
    xdotool("mousemove", "--window", str(window), str(x), str(y),
            "click", "--repeat", str(repeat), "--delay", str(delay_ms), "1")


def focus(window: int, timeout: float = 5.0) -> None:
    """Give `window` the keyboard focus the way a user does: point at it and click an empty spot
    of it (its top-left padding), then wait until X says it has the focus."""
    click(window, 4, 4)
    poll(lambda: focused_window() == window, timeout, f"window {window:#x} to get the focus")


def press_key(window: int, key: str, repeat: int = 1, delay_ms: int = 12) -> None:
    """Focus `window` and type `key` (an X keysym name such as "Return") `repeat` times."""
    if focused_window() != window:
        focus(window)
    xdotool("key", "--repeat", str(repeat), "--delay", str(delay_ms), key)


def _http(method: str, url: str, body: object | None = None, timeout: float = 10.0) -> object:
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        raw = answer.read()
    return json.loads(raw) if raw else None


def sandbox_calls(port: int) -> list[dict]:
    """The calls the sandbox received (GET /sandbox/calls), oldest first."""
    return _http("GET", f"http://127.0.0.1:{port}/sandbox/calls")  # type: ignore[return-value]


def wait_for_calls(port: int, count: int, timeout: float = WAIT_S) -> list[dict]:
    """The sandbox's calls once there are at least `count` of them."""
    def enough() -> list[dict] | None:
        calls = sandbox_calls(port)
        return calls if len(calls) >= count else None

    return poll(enough, timeout, f"{count} call(s) in /sandbox/calls")


def inject_fault(port: int, fault: dict | list) -> dict:
    """POST /sandbox/faults (see easyclick2call/sandbox/server.py for the JSON)."""
    return _http("POST", f"http://127.0.0.1:{port}/sandbox/faults", fault)  # type: ignore[return-value]


def sandbox_info(port: int, timeout: float = 2.0) -> dict | None:
    try:
        return _http("GET", f"http://127.0.0.1:{port}/sandbox/info", timeout=timeout)  # type: ignore[return-value]
    except OSError:
        return None


def screenshot(path: Path, window: int | None = None) -> Path:
    """A real screenshot (ImageMagick `import`) of the screen or of one window."""
    target = "root" if window is None else str(window)
    subprocess.run(["import", "-window", target, str(path)], check=True, timeout=30,
                   env={**os.environ})
    return path


def open_tray_menu(pid: int, timeout: float = WAIT_S) -> None:
    """Right-click the app's tray icon until its menu is mapped (a click the tray host was not
    ready for is tried again, as a person would)."""
    from tests.e2e.support.recorder import WindowRecorder
    from tests.e2e.support.x11 import Display

    with Display() as display:
        icon = poll(lambda: display.docked_icons(pid), timeout, "the tray icon")[0]
    with WindowRecorder() as recorder:
        def opened() -> bool | None:
            if [m for m in recorder.mapped if m.pid == pid]:
                return True
            xdotool("mousemove", "--window", str(icon), "8", "8", "click", "3")
            return None

        poll(opened, timeout, "the tray menu", interval=2.0)
