"""A few Xlib calls through ctypes: find an app's windows, its docked tray icon, window titles,
and watch map / clipboard-owner events as they happen (for tests and benchmarks).

No window manager runs under the test Xvfb: top-level windows are children of the root window,
and a docked tray icon is a window of the app reparented into the tray host (trayer).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

_Window = ctypes.c_ulong
_Atom = ctypes.c_ulong

# X event types and masks (X.h)
MAP_NOTIFY = 19
UNMAP_NOTIFY = 18
REPARENT_NOTIFY = 21
DESTROY_NOTIFY = 17
PROPERTY_NOTIFY = 28
STRUCTURE_NOTIFY_MASK = 1 << 17
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
PROPERTY_CHANGE_MASK = 1 << 22
IS_VIEWABLE = 2
CLIENT_MESSAGE = 33
XFIXES_SET_SELECTION_OWNER_NOTIFY_MASK = 1


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
        ("height", ctypes.c_int), ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p), ("root", _Window), ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p),
    ]


class _XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p), ("window", _Window), ("message_type", _Atom),
        ("format", ctypes.c_int), ("data", ctypes.c_long * 5),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("pad", ctypes.c_long * 24)]


def _load(name: str) -> ctypes.CDLL:
    path = ctypes.util.find_library(name) or f"lib{name}.so"
    return ctypes.cdll.LoadLibrary(path)


class _Lib:
    """libX11 + libXfixes with argument types declared once."""

    def __init__(self) -> None:
        x = _load("X11")
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        x.XDefaultRootWindow.restype = _Window
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XInternAtom.restype = _Atom
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XQueryTree.argtypes = [ctypes.c_void_p, _Window, ctypes.POINTER(_Window),
                                 ctypes.POINTER(_Window), ctypes.POINTER(ctypes.POINTER(_Window)),
                                 ctypes.POINTER(ctypes.c_uint)]
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, _Window, _Atom, ctypes.c_long, ctypes.c_long, ctypes.c_int, _Atom,
            ctypes.POINTER(_Atom), ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p)]
        x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, _Window,
                                           ctypes.POINTER(_XWindowAttributes)]
        x.XGetSelectionOwner.restype = _Window
        x.XGetSelectionOwner.argtypes = [ctypes.c_void_p, _Atom]
        x.XSelectInput.argtypes = [ctypes.c_void_p, _Window, ctypes.c_long]
        x.XPending.argtypes = [ctypes.c_void_p]
        x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
        x.XConnectionNumber.argtypes = [ctypes.c_void_p]
        x.XFlush.argtypes = [ctypes.c_void_p]
        x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x.XSendEvent.argtypes = [ctypes.c_void_p, _Window, ctypes.c_int, ctypes.c_long,
                                 ctypes.c_void_p]
        x.XSetErrorHandler.restype = ctypes.c_void_p
        x.XSetErrorHandler.argtypes = [ctypes.c_void_p]
        self.x = x
        xf = _load("Xfixes")
        xf.XFixesQueryExtension.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                            ctypes.POINTER(ctypes.c_int)]
        xf.XFixesSelectSelectionInput.argtypes = [ctypes.c_void_p, _Window, _Atom,
                                                  ctypes.c_ulong]
        self.xfixes = xf
        # Windows vanish between a query and the next request: ignore BadWindow instead of exiting.
        self._handler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(
            lambda _dpy, _err: 0)
        x.XSetErrorHandler(ctypes.cast(self._handler, ctypes.c_void_p))


_LIB: _Lib | None = None


def _lib() -> _Lib:
    global _LIB
    if _LIB is None:
        _LIB = _Lib()
    return _LIB


@dataclass
class WindowEvent:
    """One X event seen by `Display.events`, with the local monotonic time it was read at."""

    kind: str  # "map", "unmap", "reparent", "destroy", "property", "clipboard-owner", "client"
    window: int
    at: float
    parent: int = 0
    data: tuple[int, ...] = ()


class Display:
    """One connection to the X server named by $DISPLAY."""

    def __init__(self, name: str | None = None) -> None:
        self.lib = _lib()
        self.x = self.lib.x
        self.dpy = self.x.XOpenDisplay((name or os.environ["DISPLAY"]).encode())
        if not self.dpy:
            raise RuntimeError("cannot open the X display")
        self.root = int(self.x.XDefaultRootWindow(self.dpy))
        self._atoms: dict[str, int] = {}
        self._xfixes_base = -1

    def close(self) -> None:
        if self.dpy:
            self.x.XCloseDisplay(self.dpy)
            self.dpy = None

    def __enter__(self) -> Display:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = int(self.x.XInternAtom(self.dpy, name.encode(), 0))
        return self._atoms[name]

    # ----- tree and properties ------------------------------------------------------------------
    def tree(self, window: int) -> tuple[int, list[int]]:
        """(parent, children) of `window`; (0, []) when it is gone."""
        root, parent = _Window(), _Window()
        children = ctypes.POINTER(_Window)()
        count = ctypes.c_uint()
        if not self.x.XQueryTree(self.dpy, window, ctypes.byref(root), ctypes.byref(parent),
                                 ctypes.byref(children), ctypes.byref(count)):
            return 0, []
        result = [int(children[i]) for i in range(count.value)]
        if children:
            self.x.XFree(children)
        return int(parent.value), result

    def descendants(self, window: int) -> Iterator[int]:
        for child in self.tree(window)[1]:
            yield child
            yield from self.descendants(child)

    def _property(self, window: int, name: str, kind: int, length: int = 1024) -> bytes | None:
        actual_type, actual_format = _Atom(), ctypes.c_int()
        items, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = self.x.XGetWindowProperty(
            self.dpy, window, self.atom(name), 0, length, 0, kind, ctypes.byref(actual_type),
            ctypes.byref(actual_format), ctypes.byref(items), ctypes.byref(after),
            ctypes.byref(data))
        if status != 0 or not data.value:
            return None
        try:
            size = {8: 1, 16: ctypes.sizeof(ctypes.c_short), 32: ctypes.sizeof(ctypes.c_long)}
            return ctypes.string_at(data.value, items.value * size.get(actual_format.value, 1))
        finally:
            self.x.XFree(data)

    def pid(self, window: int) -> int:
        raw = self._property(window, "_NET_WM_PID", 6)  # XA_CARDINAL
        return int.from_bytes(raw[:8], "little") if raw else 0

    def title(self, window: int) -> str:
        raw = self._property(window, "_NET_WM_NAME", self.atom("UTF8_STRING"))
        if raw is None:
            raw = self._property(window, "WM_NAME", 31)  # XA_STRING
        return raw.decode("utf-8", "replace") if raw else ""

    def viewable(self, window: int) -> bool:
        attrs = _XWindowAttributes()
        if not self.x.XGetWindowAttributes(self.dpy, window, ctypes.byref(attrs)):
            return False
        return attrs.map_state == IS_VIEWABLE

    def geometry(self, window: int) -> tuple[int, int, int, int]:
        """x, y (relative to the parent), width, height."""
        attrs = _XWindowAttributes()
        self.x.XGetWindowAttributes(self.dpy, window, ctypes.byref(attrs))
        return attrs.x, attrs.y, attrs.width, attrs.height

    def tray_owner(self) -> int:
        return self.selection_owner("_NET_SYSTEM_TRAY_S0")

    def selection_owner(self, selection: str = "CLIPBOARD") -> int:
        """The window owning `selection` (0: none), asked of the X server, not of the owner."""
        return int(self.x.XGetSelectionOwner(self.dpy, self.atom(selection)))

    # ----- questions the tests ask --------------------------------------------------------------
    def toplevels(self) -> list[int]:
        return self.tree(self.root)[1]

    def visible_windows_titled(self, substring: str, pid: int | None = None) -> list[int]:
        """Viewable top-level windows whose title contains `substring` (of process `pid`)."""
        found = []
        for window in self.toplevels():
            if substring in self.title(window) and self.viewable(window) and (
                    pid is None or self.pid(window) == pid):
                found.append(window)
        return found

    def docked_icons(self, pid: int) -> list[int]:
        """Viewable windows of process `pid` that live inside another program's window (the tray
        host): a docked tray icon."""
        icons = []
        for top in self.toplevels():
            if self.pid(top) == pid:
                continue
            for window in self.descendants(top):
                if self.pid(window) == pid and self.viewable(window):
                    icons.append(window)
        return icons

    # ----- acting -------------------------------------------------------------------------------
    def close_window(self, window: int) -> None:
        """Ask politely: a WM_DELETE_WINDOW client message (what a window manager's × sends)."""
        event = _XClientMessageEvent()
        event.type = CLIENT_MESSAGE
        event.window = window
        event.message_type = self.atom("WM_PROTOCOLS")
        event.format = 32
        event.data[0] = self.atom("WM_DELETE_WINDOW")
        event.data[1] = 0  # CurrentTime
        self.x.XSendEvent(self.dpy, window, 0, 0, ctypes.byref(event))
        self.x.XFlush(self.dpy)

    def ping(self, window: int, serial: int) -> None:
        """Send _NET_WM_PING to `window`: its toolkit answers from its GUI thread by sending the
        message back to the root window (seen by `next_event` as a "client" event, data[1] =
        serial) — a probe of how long that thread takes to get round to its events."""
        event = _XClientMessageEvent()
        event.type = CLIENT_MESSAGE
        event.window = window
        event.message_type = self.atom("WM_PROTOCOLS")
        event.format = 32
        event.data[0] = self.atom("_NET_WM_PING")
        event.data[1] = serial
        event.data[2] = window
        self.x.XSendEvent(self.dpy, window, 0, 0, ctypes.byref(event))
        self.x.XFlush(self.dpy)

    # ----- events -------------------------------------------------------------------------------
    def watch(self, clipboard: bool = True) -> None:
        """Receive map/unmap/reparent of top-level windows and (XFixes) clipboard owner changes."""
        # StructureNotify on the root too: Qt answers _NET_WM_PING to the root with that mask.
        self.x.XSelectInput(self.dpy, self.root,
                            SUBSTRUCTURE_NOTIFY_MASK | STRUCTURE_NOTIFY_MASK)
        if clipboard:
            base, error = ctypes.c_int(), ctypes.c_int()
            if self.lib.xfixes.XFixesQueryExtension(self.dpy, ctypes.byref(base),
                                                     ctypes.byref(error)):
                self._xfixes_base = base.value
                self.lib.xfixes.XFixesSelectSelectionInput(
                    self.dpy, self.root, self.atom("CLIPBOARD"),
                    XFIXES_SET_SELECTION_OWNER_NOTIFY_MASK)
        self.x.XSync(self.dpy, 0)

    def watch_properties(self, window: int) -> None:
        self.x.XSelectInput(self.dpy, window, PROPERTY_CHANGE_MASK)
        self.x.XFlush(self.dpy)

    def drain(self) -> None:
        """Forget events already received."""
        event = _XEvent()
        while self.x.XPending(self.dpy):
            self.x.XNextEvent(self.dpy, ctypes.byref(event))

    def next_event(self, deadline: float) -> WindowEvent | None:
        """The next interesting event, stamped with time.monotonic() when read; None at deadline."""
        event = _XEvent()
        fd = self.x.XConnectionNumber(self.dpy)
        while True:
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, ctypes.byref(event))
                now = time.monotonic()
                words = ctypes.cast(ctypes.byref(event), ctypes.POINTER(ctypes.c_ulong))
                kind = event.type
                if kind == MAP_NOTIFY:
                    return WindowEvent("map", int(words[5]), now)
                if kind == UNMAP_NOTIFY:
                    return WindowEvent("unmap", int(words[5]), now)
                if kind == DESTROY_NOTIFY:
                    return WindowEvent("destroy", int(words[5]), now)
                if kind == REPARENT_NOTIFY:
                    return WindowEvent("reparent", int(words[5]), now, parent=int(words[6]))
                if kind == CLIENT_MESSAGE:
                    # XClientMessageEvent: ..., window, message_type, format, data.l[5]
                    return WindowEvent("client", int(words[4]), now,
                                       data=tuple(int(words[i]) for i in range(7, 12)))
                if kind == PROPERTY_NOTIFY:
                    return WindowEvent("property", int(words[4]), now)
                if self._xfixes_base >= 0 and kind == self._xfixes_base:
                    # XFixesSelectionNotifyEvent: type, serial, send_event, display, window,
                    # subtype, owner, selection, ...
                    return WindowEvent("clipboard-owner", int(words[6]), now)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            select.select([fd], [], [], remaining)


@contextmanager
def display() -> Iterator[Display]:
    connection = Display()
    try:
        yield connection
    finally:
        connection.close()
