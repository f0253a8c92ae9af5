"""The global shortcut on macOS: Carbon's ``RegisterEventHotKey`` (needs no accessibility
permission, unlike an event tap).

Hot-key events reach the application event target on the main thread, whose run loop Qt runs.
A key held down is one press: presses are counted again only after the key's release event.
Another program that registered the same combination exclusively makes ours fail with
``eventHotKeyExistsErr``: Problem.TAKEN. The Carbon calls sit behind :class:`Carbon` so that
tests can run this module on any OS with a fake.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from collections.abc import Callable
from typing import Any

from easyclick2call.core.shortcut import Shortcut
from easyclick2call.platform.hotkey.base import DOWN, SHORTCUT, UP, OnPress, Problem

log = logging.getLogger(__name__)

CMD_KEY, SHIFT_KEY, OPTION_KEY, CONTROL_KEY = 0x100, 0x200, 0x800, 0x1000
EVENT_HOTKEY_EXISTS = -9878
HOTKEY_PRESSED, HOTKEY_RELEASED = 5, 6
SIGNATURE = int.from_bytes(b"EC2C", "big")
# Qt's portable text on macOS: "Ctrl" is the Command key, "Meta" the Control key.
_MODS = {"Ctrl": CMD_KEY, "Shift": SHIFT_KEY, "Alt": OPTION_KEY, "Meta": CONTROL_KEY}
# Virtual key codes of the ANSI keyboard (Events.h, kVK_*).
_KEY_CODES = {
    "A": 0x00, "S": 0x01, "D": 0x02, "F": 0x03, "H": 0x04, "G": 0x05, "Z": 0x06, "X": 0x07,
    "C": 0x08, "V": 0x09, "B": 0x0B, "Q": 0x0C, "W": 0x0D, "E": 0x0E, "R": 0x0F, "Y": 0x10,
    "T": 0x11, "1": 0x12, "2": 0x13, "3": 0x14, "4": 0x15, "6": 0x16, "5": 0x17, "9": 0x19,
    "7": 0x1A, "8": 0x1C, "0": 0x1D, "O": 0x1F, "U": 0x20, "I": 0x22, "P": 0x23, "L": 0x25,
    "J": 0x26, "K": 0x28, "N": 0x2D, "M": 0x2E, "Space": 0x31, "Del": 0x75, "Home": 0x73,
    "End": 0x77, "PgUp": 0x74, "PgDown": 0x79, "Left": 0x7B, "Right": 0x7C, "Down": 0x7D,
    "Up": 0x7E, "F1": 0x7A, "F2": 0x78, "F3": 0x63, "F4": 0x76, "F5": 0x60, "F6": 0x61,
    "F7": 0x62, "F8": 0x64, "F9": 0x65, "F10": 0x6D, "F11": 0x67, "F12": 0x6F, "F13": 0x69,
    "F14": 0x6B, "F15": 0x71, "F16": 0x6A, "F17": 0x40, "F18": 0x4F, "F19": 0x50, "F20": 0x5A,
}
_IDS = {SHORTCUT: 1, UP: 2, DOWN: 3}
_NAMES = {number: name for name, number in _IDS.items()}

HotkeyEvent = Callable[[int, int], None]  # (HOTKEY_PRESSED or HOTKEY_RELEASED, hot-key id)


class _HotKeyID(ctypes.Structure):
    _fields_ = [("signature", ctypes.c_uint32), ("id", ctypes.c_uint32)]


class _EventTypeSpec(ctypes.Structure):
    _fields_ = [("eventClass", ctypes.c_uint32), ("eventKind", ctypes.c_uint32)]


_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)


class Carbon:
    """The few Carbon calls used, over ctypes (macOS only)."""

    def __init__(self) -> None:
        path = ctypes.util.find_library("Carbon")
        if path is None:
            raise OSError("the Carbon framework is not available")
        self._lib = ctypes.CDLL(path)
        self._lib.GetApplicationEventTarget.restype = ctypes.c_void_p
        self._lib.GetEventKind.restype = ctypes.c_uint32
        self._lib.GetEventKind.argtypes = [ctypes.c_void_p]
        self._target = self._lib.GetApplicationEventTarget()
        self._handler = None  # kept: the C side holds a pointer to it

    def install_handler(self, on_event: HotkeyEvent) -> None:
        lib = self._lib

        def handle(_call_ref, event, _user_data) -> int:
            hotkey = _HotKeyID()
            lib.GetEventParameter(ctypes.c_void_p(event), int.from_bytes(b"----", "big"),
                                  int.from_bytes(b"hkid", "big"), None,
                                  ctypes.sizeof(hotkey), None, ctypes.byref(hotkey))
            if hotkey.signature == SIGNATURE:
                on_event(int(lib.GetEventKind(event)), int(hotkey.id))
            return 0

        self._handler = _HANDLER(handle)
        kinds = (_EventTypeSpec * 2)(*(_EventTypeSpec(int.from_bytes(b"keyb", "big"), kind)
                                       for kind in (HOTKEY_PRESSED, HOTKEY_RELEASED)))
        status = lib.InstallEventHandler(ctypes.c_void_p(self._target), self._handler, 2, kinds,
                                         None, None)
        if status != 0:
            raise OSError(f"InstallEventHandler failed ({status})")

    def register(self, key_code: int, modifiers: int, hotkey_id: int) -> tuple[int, Any]:
        """(OSStatus, the hot key's reference)."""
        ref = ctypes.c_void_p()
        status = self._lib.RegisterEventHotKey(
            ctypes.c_uint32(key_code), ctypes.c_uint32(modifiers),
            _HotKeyID(SIGNATURE, hotkey_id), ctypes.c_void_p(self._target), ctypes.c_uint32(0),
            ctypes.byref(ref))
        return int(status), ref

    def unregister(self, ref: Any) -> None:
        self._lib.UnregisterEventHotKey(ref)


class CarbonHotkeys:
    """Holds one shortcut (and Up/Down on demand) as Carbon hot keys."""

    def __init__(self, on_press: OnPress, api: Any = None) -> None:
        self._on_press = on_press
        self._api = api if api is not None else Carbon()
        self._refs: dict[str, Any] = {}
        self._down: set[int] = set()  # hot keys held down (pressed, not yet released)
        self._closed = False
        self._api.install_handler(self._on_event)

    def set_shortcut(self, shortcut: Shortcut | None) -> Problem | None:
        self._unregister(SHORTCUT)
        if shortcut is None:
            return None
        modifiers = 0
        for name in shortcut.modifiers:
            modifiers |= _MODS[name]
        key_code = _KEY_CODES.get(shortcut.key)
        if key_code is None:
            return Problem.NO_KEY
        return self._register(SHORTCUT, key_code, modifiers)

    def set_arrows(self, enabled: bool) -> None:
        for name, key in ((UP, "Up"), (DOWN, "Down")):
            self._unregister(name)
            if enabled:
                self._register(name, _KEY_CODES[key], 0)

    def close(self) -> None:
        for name in list(self._refs):
            self._unregister(name)
        self._closed = True

    def _register(self, name: str, key_code: int, modifiers: int) -> Problem | None:
        if self._closed:
            return Problem.UNAVAILABLE
        status, ref = self._api.register(key_code, modifiers, _IDS[name])
        if status == 0:
            self._refs[name] = ref
            return None
        if status != EVENT_HOTKEY_EXISTS:
            log.warning("RegisterEventHotKey failed (%d)", status)
        return Problem.TAKEN

    def _unregister(self, name: str) -> None:
        ref = self._refs.pop(name, None)
        if ref is not None:
            self._api.unregister(ref)

    def _on_event(self, kind: int, hotkey_id: int) -> None:
        if kind == HOTKEY_RELEASED:
            self._down.discard(hotkey_id)
            return
        if kind != HOTKEY_PRESSED or hotkey_id in self._down or self._closed:
            return
        self._down.add(hotkey_id)
        name = _NAMES.get(hotkey_id)
        if name is not None and name in self._refs:
            try:
                self._on_press(name)
            except Exception:
                log.exception("shortcut handler failed")
