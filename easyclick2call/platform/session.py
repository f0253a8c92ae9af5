"""What kind of desktop session we run in, and whether a background app can watch its clipboard.

X11, Windows and macOS let a tray app see clipboard changes without focus (macOS through polling
of the pasteboard change count). Wayland compositors only hand the clipboard to the focused
window, except through the data-control protocol that clipboard managers use: wlroots compositors
(Sway, Hyprland, river…) and KDE Plasma offer it, and the app watches through it
(platform.wayland_clipboard, talking to the compositor itself). GNOME does not; there the app keeps
XWayland (which GNOME forwards copies to). Elsewhere we say so plainly, and the user has *Call
clipboard now* and ``easyclick2call call --clipboard`` instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass

from easyclick2call.core.i18n_marks import QT_TRANSLATE_NOOP

X11 = "x11"
WAYLAND = "wayland"
WINDOWS = "windows"
MACOS = "macos"
UNKNOWN = "unknown"

WAYLAND_REASON = (
    "This Wayland desktop only lets the window in front read the clipboard, so EasyClick2Call "
    "cannot notice copied numbers in the background. Use “Call clipboard now” in the tray menu, "
    "or a keyboard shortcut running “easyclick2call call --clipboard”."
)
NO_DISPLAY_REASON = (
    "No graphical session was found (neither DISPLAY nor WAYLAND_DISPLAY is set), so there is "
    "no clipboard to watch."
)
MACOS_REASON = "macOS: copies are noticed by checking the pasteboard a few times per second."
X11_XWAYLAND_REASON = (
    "The app runs through XWayland, where GNOME passes every copy on, as on X11."
)
# Said before the app's translator is installed (commands/gui.py reads the catalogue directly).
NO_DISPLAY_TO_START = QT_TRANSLATE_NOOP(
    "Session",
    "EasyClick2Call is a desktop app and no graphical display was found (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set): start it from your desktop session, or use its command line "
    "without one (easyclick2call --help).")
# Qt platforms that draw nowhere on screen: no display is needed for them.
HEADLESS_QT_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")
# Every sentence above, for the translation catalogue (the app shows them translated).
REASONS = (WAYLAND_REASON, NO_DISPLAY_REASON, MACOS_REASON, X11_XWAYLAND_REASON)
# Compositors known to forward Wayland copies to X11 clients without focus (Mutter does; KWin
# only when an X11 window gets focus).
XWAYLAND_FORWARDING_DESKTOPS = ("gnome", "ubuntu", "unity", "pop")


@dataclass(frozen=True)
class SessionInfo:
    """The platform family and the desktop names, as far as the environment tells."""

    kind: str  # X11 / WAYLAND / WINDOWS / MACOS / UNKNOWN
    desktop: str  # XDG_CURRENT_DESKTOP, lower case ("gnome", "kde", "") — Linux only
    qt_platform: str  # QT_QPA_PLATFORM as requested ("xcb", "wayland", "" = Qt decides)


def detect_session(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> SessionInfo:
    """Read the session type from the environment (`env`, `platform` default to the real ones)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    qt_platform = env.get("QT_QPA_PLATFORM", "").strip().lower()
    desktop = env.get("XDG_CURRENT_DESKTOP", "").strip().lower()
    if platform.startswith("win"):
        return SessionInfo(WINDOWS, "", qt_platform)
    if platform == "darwin":
        return SessionInfo(MACOS, "", qt_platform)
    session_type = env.get("XDG_SESSION_TYPE", "").strip().lower()
    has_wayland = bool(env.get("WAYLAND_DISPLAY")) or session_type == WAYLAND
    has_x11 = bool(env.get("DISPLAY"))
    if has_wayland:
        kind = WAYLAND
    elif has_x11:
        kind = X11
    else:
        kind = UNKNOWN
    return SessionInfo(kind, desktop, qt_platform)


def display_available(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> bool:
    """False on Linux/BSD when no X11 or Wayland display is set and Qt was not asked for a
    platform that needs none (offscreen, vnc, …): Qt would abort with a misleading message."""
    env = os.environ if env is None else env
    info = detect_session(env, platform)
    if info.kind in (WINDOWS, MACOS) or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return True
    first = info.qt_platform.split(";")[0].split(":")[0]
    return first.startswith(HEADLESS_QT_PLATFORMS)


def dialog_buttons_want_icons(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> bool | None:
    """Whether OK/Cancel/Apply carry icons here: on Linux/BSD only on KDE Plasma (its theme gives
    them; GNOME, Xfce and the rest show none), None on Windows and macOS (their own style
    decides)."""
    info = detect_session(env, platform)
    if info.kind in (WINDOWS, MACOS):
        return None
    return "kde" in info.desktop


def _qt_uses_wayland(info: SessionInfo) -> bool:
    """True when Qt will talk Wayland natively (rather than X11 through XWayland)."""
    first = info.qt_platform.split(";")[0].split(":")[0]
    if first:
        return first.startswith("wayland")
    # Qt ≥ 6 picks its wayland plugin on its own in a Wayland session.
    return info.kind == WAYLAND


def uses_data_control(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when the app should watch through Wayland's data-control protocol: Qt talks Wayland
    itself and the desktop is not GNOME (no data-control there: XWayland is its route). Whether
    the compositor really offers it is known once watching starts (its failure is then said)."""
    env = os.environ if env is None else env
    info = detect_session(env, platform)
    if info.kind != WAYLAND or not _qt_uses_wayland(info):
        return False
    return not any(name in info.desktop for name in XWAYLAND_FORWARDING_DESKTOPS)


def preferred_qt_platform(env: Mapping[str, str] | None = None,
                          platform: str | None = None) -> str:
    """The Qt platform the app should ask for ("" = Qt's own choice): "xcb" on GNOME's Wayland
    session when XWayland is there and nobody chose (Mutter forwards copies to X11 programs,
    and offers no data-control); wlroots and KDE keep Qt's native Wayland (data-control)."""
    env = os.environ if env is None else env
    info = detect_session(env, platform)
    forwarding = any(name in info.desktop for name in XWAYLAND_FORWARDING_DESKTOPS)
    if info.kind == WAYLAND and forwarding and env.get("DISPLAY") and not info.qt_platform:
        return "xcb"
    return ""


def clipboard_watch_support(
    env: Mapping[str, str] | None = None, platform: str | None = None,
) -> tuple[bool, str]:
    """(ok, reason): can a background app notice clipboard changes in this session?

    `reason` is one plain sentence for the user ("" when nothing needs saying).
    """
    env = os.environ if env is None else env
    info = detect_session(env, platform)
    if info.kind == WINDOWS:
        return True, ""
    if info.kind == MACOS:
        return True, MACOS_REASON
    if info.kind == X11:
        return True, ""
    if info.kind == WAYLAND:
        forwarding = any(name in info.desktop for name in XWAYLAND_FORWARDING_DESKTOPS)
        if env.get("DISPLAY") and not _qt_uses_wayland(info) and forwarding:
            return True, X11_XWAYLAND_REASON
        if uses_data_control(env, platform):
            return True, ""
        return False, WAYLAND_REASON
    return False, NO_DISPLAY_REASON
