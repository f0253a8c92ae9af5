"""Watch the Wayland clipboard (and primary selection) in the background through the
compositor's data-control protocol, as clipboard managers do, with the wl-clipboard tools.

``wl-paste --watch`` (wl-clipboard: ``zwlr-data-control-unstable-v1``, and ``ext-data-control-v1``
from its 2.2 release) runs a small shell script for every new selection; the script writes one
line per change to our pipe: the offered types, the password managers' hint and the text, each
base64-encoded. A thread reads the lines and hands :class:`WaylandChange` objects to a callback.
Only text is passed on; a non-text offer is reported without its content, and so is a concealed
one (platform.clipboard.concealed). The text is never logged. wlroots compositors (Sway,
Hyprland, river…) and KDE Plasma offer data-control; GNOME does not (the app keeps XWayland
there). See docs/wayland.md.

Pure Python, no Qt import.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from easyclick2call.platform.clipboard.concealed import is_concealed

log = logging.getLogger(__name__)

TEXT = "text"
CONCEALED = "concealed"
NOT_TEXT = "not-text"

_TEXT_TYPES = ("text/plain;charset=utf-8", "text/plain", "UTF8_STRING", "STRING", "TEXT",
               "text/plain;charset=UTF-8")
# Run by `wl-paste --watch` for each new selection ($1: "" or "--primary"); stdin: the content in
# the type wl-paste picked (a text type when there is one). One line out: types, hint, text.
WATCH_SCRIPT = r"""
types=$(wl-paste $1 --list-types 2>/dev/null)
hint=-
case "$types" in *x-kde-passwordManagerHint*)
    hint=$(wl-paste $1 --type x-kde-passwordManagerHint 2>/dev/null | head -c 64 | base64 -w0)
esac
case "$types" in *text/plain*|*UTF8_STRING*|*STRING*|*TEXT*) data=$(base64 -w0) ;;
    *) cat >/dev/null; data=- ;;
esac
printf '%s %s %s\n' "$(printf '%s' "$types" | base64 -w0)" "${hint:--}" "${data:--}"
"""
NO_DATA_CONTROL = "data-control"  # what wl-paste says when the compositor lacks the protocol


@dataclass(frozen=True)
class WaylandChange:
    """One new selection: the text (status TEXT), or why there is none; `startup` for the
    content that was there when watching began."""

    primary: bool
    status: str
    text: str | None = None
    startup: bool = False


def available(env: Mapping[str, str] | None = None) -> bool:
    """True when wl-paste is installed and a Wayland display is named."""
    env = os.environ if env is None else env
    return bool(env.get("WAYLAND_DISPLAY")) and shutil.which("wl-paste") is not None


def decode_line(line: bytes, primary: bool, startup: bool = False) -> WaylandChange | None:
    """A line of WATCH_SCRIPT as a WaylandChange (None for a malformed line)."""
    try:
        raw_types, raw_hint, raw_data = line.split()
        types = base64.b64decode(raw_types).decode("utf-8", "replace").split()
        hint = b"" if raw_hint == b"-" else base64.b64decode(raw_hint)
        data = None if raw_data == b"-" else base64.b64decode(raw_data)
    except (ValueError, binascii.Error):
        return None
    if is_concealed(types, lambda _fmt: hint):
        return WaylandChange(primary, CONCEALED, None, startup)
    if data is None or not any(kind in types for kind in _TEXT_TYPES):
        return WaylandChange(primary, NOT_TEXT, None, startup)
    return WaylandChange(primary, TEXT, data.decode("utf-8", "replace"), startup)


def has_selection(primary: bool = False, timeout: float = 5.0) -> bool:
    """Is there a selection now? Only wl-paste's "No selection" says no: when it cannot tell,
    the answer is yes (the first content seen is then taken for the start-up one — never offer
    what was there before the app started)."""
    argv = ["wl-paste", "--list-types", *(["--primary"] if primary else [])]
    try:
        done = subprocess.run(argv, capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return True
    return done.returncode == 0 or b"No selection" not in done.stderr


def read_text(primary: bool = False, timeout: float = 5.0) -> str | None:
    """The text of the clipboard (or primary selection) now, by the same rules as the watcher
    (None for none, concealed or non-text content); blocks: call it off the GUI thread."""
    flag = ["--primary"] if primary else []

    def paste(*args: str) -> bytes | None:
        try:
            done = subprocess.run(["wl-paste", *flag, *args], capture_output=True,
                                  timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout if done.returncode == 0 else None

    types = (paste("--list-types") or b"").decode("utf-8", "replace").split()
    hint = paste("--type", "x-kde-passwordManagerHint") if any(
        "passwordManagerHint" in kind for kind in types) else b""
    if not types or is_concealed(types, lambda _fmt: hint or b""):
        return None
    if not any(kind in types for kind in _TEXT_TYPES):
        return None
    data = paste("--no-newline", "--type", "text")
    return None if data is None else data.decode("utf-8", "replace")


class DataControlWatcher:
    """Runs ``wl-paste [--primary] --watch`` and reports each change from a reading thread.

    ``on_change(WaylandChange)`` and ``on_stopped(reason)`` are called on that thread; reason is
    NO_DATA_CONTROL when the compositor lacks the protocol, else wl-paste's last words."""

    def __init__(self, on_change: Callable[[WaylandChange], None],
                 on_stopped: Callable[[str], None], primary: bool = False) -> None:
        if shutil.which("wl-paste") is None:
            raise OSError("wl-paste (wl-clipboard) is not installed")
        self.primary = primary
        self._on_change = on_change
        self._on_stopped = on_stopped
        self._closing = False
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._startup_pending = False
        self._thread = threading.Thread(target=self._run, daemon=True,
                                        name="wayland-primary" if primary else "wayland-clipboard")
        self._thread.start()

    def _start(self) -> subprocess.Popen | None:
        """(On the thread) wl-paste --watch, once the start-up content is known to be there or
        not: the first line is that content, when there is one."""
        self._startup_pending = has_selection(self.primary)
        argv = ["wl-paste", *(["--primary"] if self.primary else []), "--watch", "sh", "-c",
                WATCH_SCRIPT, "ec2c-watch", "--primary" if self.primary else ""]
        with self._lock:
            if self._closing:
                return None
            self._proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            return self._proc

    def _run(self) -> None:
        if self._start() is None:
            return
        assert self._proc is not None
        assert self._proc.stdout is not None and self._proc.stderr is not None
        for line in self._proc.stdout:
            change = decode_line(line, self.primary, self._startup_pending)
            if change is None:
                continue  # a malformed line is not the start-up content: still to come
            self._startup_pending = False
            try:
                self._on_change(change)
            except Exception:
                log.exception("wayland clipboard handler failed")
        last_words = self._proc.stderr.read().decode("utf-8", "replace").strip()
        self._proc.wait()
        if self._closing:
            return
        reason = NO_DATA_CONTROL if "data-control" in last_words else last_words[-200:]
        log.warning("wl-paste --watch stopped (%s)", reason or self._proc.returncode)
        self._on_stopped(reason)

    def close(self) -> None:
        with self._lock:
            self._closing = True
            proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(2)
            except subprocess.TimeoutExpired:
                proc.kill()
        self._thread.join(2)
