"""The global shortcut on Windows: ``RegisterHotKey`` on a thread with its own message loop.

A hot key belongs to the thread that registered it and arrives there as WM_HOTKEY, so one daemon
thread registers, unregisters and reads the messages; the GUI thread hands it work through a
queue and wakes it with a thread message. MOD_NOREPEAT: a key held down is one press. Windows
keeps a registered hot key from every other program. The system calls sit behind
:class:`User32` so that tests can run this module on any OS with a fake.
"""

from __future__ import annotations

import ctypes
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from easyclick2call.core.shortcut import Shortcut
from easyclick2call.platform.hotkey.base import DOWN, SHORTCUT, UP, OnPress, Problem

log = logging.getLogger(__name__)

WM_HOTKEY = 0x0312
WM_APP = 0x8000  # "work is queued" / "quit"
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
_MODS = {"Alt": MOD_ALT, "Ctrl": MOD_CONTROL, "Shift": MOD_SHIFT, "Meta": MOD_WIN}
_NAMED_VK = {
    "Space": 0x20, "PgUp": 0x21, "PgDown": 0x22, "End": 0x23, "Home": 0x24, "Left": 0x25,
    "Up": 0x26, "Right": 0x27, "Down": 0x28, "Print": 0x2C, "Ins": 0x2D, "Del": 0x2E,
    "Pause": 0x13,
}
_IDS = {SHORTCUT: 1, UP: 2, DOWN: 3}
_NAMES = {number: name for name, number in _IDS.items()}


def virtual_key(key: str) -> int:
    """The Windows virtual-key code of a key of core.shortcut.KEYS."""
    if key in _NAMED_VK:
        return _NAMED_VK[key]
    if len(key) > 1 and key[0] == "F":
        return 0x70 + int(key[1:]) - 1  # VK_F1…
    return ord(key)  # VK_A… and VK_0… are the ASCII capitals and digits


class User32:
    """The few user32/kernel32 calls used, over ctypes (Windows only)."""

    def __init__(self) -> None:
        from ctypes import wintypes

        self._user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        self._kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        self._msg = wintypes.MSG()

    def register_hotkey(self, hotkey_id: int, modifiers: int, vk: int) -> int:
        """0 when it worked, else the Windows error code."""
        if self._user32.RegisterHotKey(None, hotkey_id, modifiers, vk):
            return 0
        return ctypes.get_last_error()  # type: ignore[attr-defined]

    def unregister_hotkey(self, hotkey_id: int) -> None:
        self._user32.UnregisterHotKey(None, hotkey_id)

    def thread_id(self) -> int:
        return int(self._kernel32.GetCurrentThreadId())

    def get_message(self) -> tuple[int, int]:
        """(message, wParam) of the next message of this thread (blocks)."""
        if self._user32.GetMessageW(ctypes.byref(self._msg), None, 0, 0) <= 0:
            return 0, 0
        return int(self._msg.message), int(self._msg.wParam)

    def post_thread_message(self, thread_id: int, message: int) -> None:
        self._user32.PostThreadMessageW(thread_id, message, 0, 0)


class WindowsHotkeys:
    """Holds one shortcut (and Up/Down on demand) as registered hot keys."""

    def __init__(self, on_press: OnPress, api: Any = None) -> None:
        self._on_press = on_press
        self._api = api
        self._work: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._ready = threading.Event()
        self._thread_id = 0
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="windows-hotkey", daemon=True)
        self._thread.start()
        self._ready.wait(5)
        if not self._thread_id:
            raise OSError("the hot-key thread did not start")

    # -- GUI thread -----------------------------------------------------------------------
    def _do(self, job: Callable[[], Any]) -> Any:
        """Run `job` on the hot-key thread and return its result."""
        if self._closed:
            return Problem.UNAVAILABLE
        result: list[Any] = []
        done = threading.Event()

        def run() -> None:
            try:
                result.append(job())
            finally:
                done.set()

        self._work.put(run)
        self._api.post_thread_message(self._thread_id, WM_APP)
        done.wait(5)
        return result[0] if result else Problem.UNAVAILABLE

    def set_shortcut(self, shortcut: Shortcut | None) -> Problem | None:
        if shortcut is None:
            return self._do(lambda: self._unregister(SHORTCUT))
        modifiers = MOD_NOREPEAT
        for name in shortcut.modifiers:
            modifiers |= _MODS[name]
        return self._do(lambda: self._register(SHORTCUT, modifiers, virtual_key(shortcut.key)))

    def set_arrows(self, enabled: bool) -> None:
        for name, key in ((UP, "Up"), (DOWN, "Down")):
            if enabled:
                self._do(lambda n=name, k=key: self._register(n, MOD_NOREPEAT, virtual_key(k)))
            else:
                self._do(lambda n=name: self._unregister(n))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._work.put(None)
        self._api.post_thread_message(self._thread_id, WM_APP)
        self._thread.join(2)

    # -- the hot-key thread ---------------------------------------------------------------
    def _register(self, name: str, modifiers: int, vk: int) -> Problem | None:
        self._unregister(name)
        error = self._api.register_hotkey(_IDS[name], modifiers, vk)
        if error == 0:
            return None
        if error != ERROR_HOTKEY_ALREADY_REGISTERED:
            log.warning("RegisterHotKey failed with error %d", error)
        return Problem.TAKEN

    def _unregister(self, name: str) -> None:
        self._api.unregister_hotkey(_IDS[name])

    def _run(self) -> None:
        if self._api is None:
            try:
                self._api = User32()
            except OSError as exc:
                log.warning("hot keys unavailable: %s", exc)
                self._ready.set()
                return
        self._thread_id = self._api.thread_id()
        self._ready.set()
        while True:
            message, wparam = self._api.get_message()
            if message == WM_HOTKEY and wparam in _NAMES:
                try:
                    self._on_press(_NAMES[wparam])
                except Exception:
                    log.exception("shortcut handler failed")
            elif message in (WM_APP, 0):
                while True:
                    try:
                        job = self._work.get_nowait()
                    except queue.Empty:
                        break
                    if job is None:
                        for name in _IDS:
                            self._unregister(name)
                        return
                    job()
                if message == 0:
                    return
