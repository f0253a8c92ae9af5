"""The global shortcut on X11: a passive key grab on the root window, over our own libxcb
connection, read on a thread of its own.

A grabbed key goes to us and never to the focused program. The grab is made for every state of
Caps Lock and Num Lock (X counts them as modifiers). A key held down repeats as release + press
pairs with the same time stamp: such a press is not reported, so holding the shortcut never
counts as pressing it twice. Another client's grab of the same key makes ours fail with
BadAccess: reported as Problem.TAKEN. Pure Python (ctypes over libxcb, as
platform.x11_selection); no Qt import.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import select
import threading

from easyclick2call.core.shortcut import Shortcut
from easyclick2call.platform.hotkey.base import DOWN, SHORTCUT, UP, OnPress, Problem
from easyclick2call.platform.x11_selection import _Cookie, _libc, _load_xcb

log = logging.getLogger(__name__)

_KEY_PRESS = 2
_KEY_RELEASE = 3
_BAD_ACCESS = 10
_GRAB_MODE_ASYNC = 1
_SHIFT, _LOCK, _CONTROL, _MOD1, _MOD2, _MOD4 = 1, 2, 4, 8, 16, 64
_MASKS = {"Shift": _SHIFT, "Ctrl": _CONTROL, "Alt": _MOD1, "Meta": _MOD4}
_IGNORED = (0, _LOCK, _MOD2, _LOCK | _MOD2)  # Caps Lock, Num Lock
_NAMED_KEYSYMS = {
    "Space": 0x20, "Up": 0xFF52, "Down": 0xFF54, "Left": 0xFF51, "Right": 0xFF53,
    "Home": 0xFF50, "End": 0xFF57, "PgUp": 0xFF55, "PgDown": 0xFF56, "Ins": 0xFF63,
    "Del": 0xFFFF, "Pause": 0xFF13, "Print": 0xFF61,
}


def keysym(key: str) -> int:
    """The X keysym of a key of core.shortcut.KEYS ("K" → XK_k)."""
    if key in _NAMED_KEYSYMS:
        return _NAMED_KEYSYMS[key]
    if len(key) > 1 and key[0] == "F":
        return 0xFFBE + int(key[1:]) - 1  # XK_F1…
    return ord(key.lower())


def _declare(xcb: ctypes.CDLL) -> None:
    u8, u16, u32, ptr = ctypes.c_uint8, ctypes.c_uint16, ctypes.c_uint32, ctypes.c_void_p
    signatures = {
        "xcb_grab_key_checked": (_Cookie, [ptr, u8, u32, u16, u8, u8, u8]),
        "xcb_ungrab_key": (_Cookie, [ptr, u8, u32, u16]),
        "xcb_request_check": (ptr, [ptr, _Cookie]),
        "xcb_get_keyboard_mapping": (_Cookie, [ptr, u8, u8]),
        "xcb_get_keyboard_mapping_reply": (ptr, [ptr, _Cookie, ptr]),
        "xcb_get_keyboard_mapping_keysyms": (ctypes.POINTER(u32), [ptr]),
        "xcb_get_keyboard_mapping_keysyms_length": (ctypes.c_int, [ptr]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(xcb, name)
        function.restype = restype
        function.argtypes = argtypes


class X11Hotkeys:
    """Holds one shortcut (and Up/Down on demand) through passive grabs on the root window."""

    def __init__(self, on_press: OnPress, display: str | None = None) -> None:
        self._on_press = on_press
        xcb = _load_xcb()
        if xcb is None:
            raise OSError("libxcb is not available")
        try:
            _declare(xcb)
        except AttributeError:
            raise OSError("libxcb lacks key grabs") from None
        self._xcb = xcb
        screen = ctypes.c_int(0)
        name = (display if display is not None else os.environ.get("DISPLAY", "")).encode()
        self._conn = xcb.xcb_connect(name or None, ctypes.byref(screen))
        if not self._conn or xcb.xcb_connection_has_error(self._conn):
            if self._conn:
                xcb.xcb_disconnect(self._conn)
            raise OSError("cannot connect to the X server")
        setup = xcb.xcb_get_setup(self._conn)
        iterator = xcb.xcb_setup_roots_iterator(setup)
        for _ in range(screen.value):
            xcb.xcb_screen_next(ctypes.byref(iterator))
        self._root = iterator.data[0]
        bytes_ = ctypes.cast(setup, ctypes.POINTER(ctypes.c_uint8))
        self._keycodes = self._keyboard_map(bytes_[34], bytes_[35])
        self._lock = threading.Lock()
        self._held: dict[tuple[int, int], str] = {}  # (keycode, modifiers) -> what it means
        self._last_release: dict[int, int] = {}  # keycode -> time of its last release
        self.repeats_ignored = 0  # presses dropped as auto-repeat (a diagnostic)
        self._closed = False
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_w, False)
        self._thread = threading.Thread(target=self._run, name="x11-hotkey", daemon=True)
        self._thread.start()

    def _keyboard_map(self, low: int, high: int) -> dict[int, int]:
        """keysym -> the first keycode that gives it (any column)."""
        xcb = self._xcb
        cookie = xcb.xcb_get_keyboard_mapping(self._conn, low, high - low + 1)
        reply = xcb.xcb_get_keyboard_mapping_reply(self._conn, cookie, None)
        if not reply:
            raise OSError("the X server did not give its keyboard map")
        try:
            per_code = ctypes.cast(reply, ctypes.POINTER(ctypes.c_uint8))[1]
            count = xcb.xcb_get_keyboard_mapping_keysyms_length(reply)
            syms = xcb.xcb_get_keyboard_mapping_keysyms(reply)
            found: dict[int, int] = {}
            for index in range(count):
                found.setdefault(syms[index], low + index // max(per_code, 1))
            return found
        finally:
            _libc.free(reply)

    # -- grabs (GUI thread) ---------------------------------------------------------------
    def set_shortcut(self, shortcut: Shortcut | None) -> Problem | None:
        self._release(SHORTCUT)
        if shortcut is None:
            return None
        keycode = self._keycodes.get(keysym(shortcut.key))
        if keycode is None:
            return Problem.NO_KEY
        modifiers = 0
        for name in shortcut.modifiers:
            modifiers |= _MASKS[name]
        return self._grab(keycode, modifiers, SHORTCUT)

    def set_arrows(self, enabled: bool) -> None:
        for name, key in ((UP, "Up"), (DOWN, "Down")):
            self._release(name)
            keycode = self._keycodes.get(keysym(key))
            if enabled and keycode is not None:
                problem = self._grab(keycode, 0, name)
                if problem is not None:
                    log.info("the %s key is grabbed by another program", key)

    def _grab(self, keycode: int, modifiers: int, name: str) -> Problem | None:
        """Grab `keycode` with `modifiers` under every lock state; all or none."""
        xcb = self._xcb
        with self._lock:
            if self._closed:
                return Problem.UNAVAILABLE
            cookies = [xcb.xcb_grab_key_checked(self._conn, 0, self._root, modifiers | extra,
                                                keycode, _GRAB_MODE_ASYNC, _GRAB_MODE_ASYNC)
                       for extra in _IGNORED]
            failed = False
            for cookie in cookies:  # the first error is what matters
                error = xcb.xcb_request_check(self._conn, cookie)
                if error:
                    failed = True
                    code = ctypes.cast(error, ctypes.POINTER(ctypes.c_uint8))[1]
                    _libc.free(error)
                    if code != _BAD_ACCESS:
                        log.warning("key grab failed with X error %d", code)
            for extra in _IGNORED:
                if failed:
                    xcb.xcb_ungrab_key(self._conn, keycode, self._root, modifiers | extra)
                else:
                    self._held[(keycode, modifiers | extra)] = name
            xcb.xcb_flush(self._conn)
        return Problem.TAKEN if failed else None

    def _release(self, name: str) -> None:
        with self._lock:
            if self._closed:
                return
            for (keycode, modifiers), held in list(self._held.items()):
                if held == name:
                    self._xcb.xcb_ungrab_key(self._conn, keycode, self._root, modifiers)
                    del self._held[(keycode, modifiers)]
            self._xcb.xcb_flush(self._conn)

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            with contextlib.suppress(BlockingIOError):
                os.write(self._wake_w, b"!")
        self._thread.join(2)

    # -- the event thread -----------------------------------------------------------------
    def _run(self) -> None:
        poller = select.poll()
        poller.register(self._xcb.xcb_get_file_descriptor(self._conn), select.POLLIN)
        poller.register(self._wake_r, select.POLLIN)
        try:
            while True:
                poller.poll()
                with self._lock:
                    if self._closed:
                        return
                    presses = self._take_events()
                    if self._xcb.xcb_connection_has_error(self._conn):
                        log.warning("the X connection of the global shortcut was lost")
                        return
                for name in presses:
                    try:
                        self._on_press(name)
                    except Exception:
                        log.exception("shortcut handler failed")
        finally:
            with self._lock:
                self._closed = True
                self._xcb.xcb_disconnect(self._conn)
                os.close(self._wake_r)
                os.close(self._wake_w)

    def _take_events(self) -> list[str]:
        """The presses among the events that arrived (the lock is held)."""
        presses = []
        while True:
            event = self._xcb.xcb_poll_for_event(self._conn)
            if not event:
                return presses
            try:
                raw = ctypes.cast(event, ctypes.POINTER(ctypes.c_uint8))
                kind, keycode = raw[0] & 0x7F, raw[1]
                if kind not in (_KEY_PRESS, _KEY_RELEASE):
                    continue
                time = ctypes.cast(event, ctypes.POINTER(ctypes.c_uint32))[1]
                state = ctypes.cast(event, ctypes.POINTER(ctypes.c_uint16))[14]
                if kind == _KEY_RELEASE:
                    self._last_release[keycode] = time
                    continue
                if self._last_release.get(keycode) == time:
                    self.repeats_ignored += 1  # auto-repeat: the key is still held down
                    continue
                name = self._held.get((keycode, state & 0xFF))
                if name is not None:
                    presses.append(name)
            finally:
                _libc.free(event)
