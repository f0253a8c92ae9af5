"""A global keyboard shortcut, one back-end per OS behind one small interface.

``open_backend(on_press)`` picks the back-end for this session once: X11 (a key grab over
libxcb), Windows (``RegisterHotKey``), macOS (Carbon's ``RegisterEventHotKey``, which needs no
accessibility permission), native Wayland (the xdg-desktop-portal GlobalShortcuts interface).
Each consumes the keys it holds: the program in front never sees them. ``on_press`` gets
``SHORTCUT``, ``UP`` or ``DOWN`` — from the back-end's own thread on X11, Windows and Wayland,
from the main thread on macOS — or ``UNAVAILABLE`` when the portal turns out to lack the
interface. See docs/shortcut.md.
"""

from __future__ import annotations

import logging
import os
import sys

from easyclick2call.core.shortcut import Shortcut
from easyclick2call.platform.hotkey.base import (  # noqa: F401  (the package's interface)
    DOWN,
    SHORTCUT,
    UNAVAILABLE,
    UP,
    HotkeyBackend,
    OnPress,
    Problem,
)

log = logging.getLogger(__name__)


def open_backend(on_press: OnPress, platform: str | None = None,
                 env: dict[str, str] | None = None) -> tuple[HotkeyBackend | None, Problem | None]:
    """(the back-end of this session, None) or (None, why there is none)."""
    platform = sys.platform if platform is None else platform
    env = dict(os.environ) if env is None else env
    try:
        if platform.startswith("win"):
            from easyclick2call.platform.hotkey.windows import WindowsHotkeys

            return WindowsHotkeys(on_press), None
        if platform == "darwin":
            from easyclick2call.platform.hotkey.macos import CarbonHotkeys

            return CarbonHotkeys(on_press), None
        if env.get("DISPLAY") and not _native_wayland(env):
            from easyclick2call.platform.hotkey.x11 import X11Hotkeys

            return X11Hotkeys(on_press, env.get("DISPLAY")), None
        if _native_wayland(env) and env.get("DBUS_SESSION_BUS_ADDRESS"):
            from easyclick2call.platform.hotkey.portal import PortalHotkeys

            return PortalHotkeys(on_press), None
    except OSError as exc:
        log.warning("global shortcut unavailable: %s", exc)
    return None, Problem.UNAVAILABLE


def _native_wayland(env: dict[str, str]) -> bool:
    """Qt talks Wayland itself: an X11 grab would only see XWayland windows' keys."""
    wanted = env.get("QT_QPA_PLATFORM", "").split(";")[0].strip().lower()
    if wanted:
        return wanted.startswith("wayland")
    return bool(env.get("WAYLAND_DISPLAY"))


def checkable(env: dict[str, str] | None = None) -> bool:
    """Can probe() tell? Not through a portal: binding there asks the user (native Wayland)."""
    return not _native_wayland(dict(os.environ) if env is None else env) or sys.platform in (
        "win32", "darwin")


def probe(shortcut: Shortcut) -> Problem | None:
    """Could this process hold `shortcut` now? (A short-lived back-end tries it; run it off the
    GUI thread; only where checkable().) A shortcut this process holds already is reported
    TAKEN on X11."""
    if not checkable():
        return None
    backend, problem = open_backend(lambda _name: None)
    if backend is None:
        return problem
    try:
        return backend.set_shortcut(shortcut)
    finally:
        backend.close()
