"""macOS: the pasteboard's change count, polled where Qt gives no clipboard signal while the
app is in the background. Pure Python (ctypes), no Qt import."""

from __future__ import annotations

import sys


class MacChangeCount:
    """Reads ``[[NSPasteboard generalPasteboard] changeCount]`` through the Objective-C runtime.

    Reading an integer is cheap (no content is transferred), so polling it twice a second costs
    nothing measurable; the content itself is read only when the count moved.
    """

    def __init__(self) -> None:
        self._objc = None
        self._pasteboard = None
        self._sel_change_count = None
        if sys.platform != "darwin":
            return
        import ctypes
        import ctypes.util

        path = ctypes.util.find_library("objc")
        if not path:
            return
        objc = ctypes.cdll.LoadLibrary(path)
        ctypes.cdll.LoadLibrary("/System/Library/Frameworks/AppKit.framework/AppKit")
        objc.objc_getClass.restype = ctypes.c_void_p
        objc.objc_getClass.argtypes = [ctypes.c_char_p]
        objc.sel_registerName.restype = ctypes.c_void_p
        objc.sel_registerName.argtypes = [ctypes.c_char_p]
        send = objc.objc_msgSend
        send.restype = ctypes.c_void_p
        send.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        cls = objc.objc_getClass(b"NSPasteboard")
        self._pasteboard = send(cls, objc.sel_registerName(b"generalPasteboard"))
        self._sel_change_count = objc.sel_registerName(b"changeCount")
        self._objc = objc

    @property
    def available(self) -> bool:
        return self._pasteboard is not None

    def value(self) -> int | None:
        """The pasteboard's change count, or None where it cannot be read."""
        if self._objc is None or self._pasteboard is None:
            return None
        import ctypes

        send = self._objc.objc_msgSend
        send.restype = ctypes.c_long
        send.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        return int(send(self._pasteboard, self._sel_change_count))
