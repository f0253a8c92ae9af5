"""Can the clipboard be watched in the background? One answer per kind of session."""

import pytest

from easyclick2call.platform.session import (
    MACOS,
    UNKNOWN,
    WAYLAND,
    WINDOWS,
    X11,
    clipboard_watch_support,
    detect_session,
    display_available,
    preferred_qt_platform,
    uses_data_control,
)


@pytest.mark.parametrize(
    ("env", "platform", "kind"),
    [
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, "linux", X11),
        ({"DISPLAY": ":0"}, "linux", X11),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", WAYLAND),
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", WAYLAND),
        ({}, "linux", UNKNOWN),
        ({"DISPLAY": ":0"}, "freebsd14", X11),
        ({}, "win32", WINDOWS),
        ({}, "darwin", MACOS),
    ],
)
def test_session_kind_comes_from_the_environment(env, platform, kind):
    assert detect_session(env, platform).kind == kind


def test_x11_session_can_be_watched_silently():
    assert clipboard_watch_support({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, "linux") == (
        True, "")


def test_windows_can_be_watched():
    assert clipboard_watch_support({}, "win32") == (True, "")


def test_macos_is_watched_by_polling_and_says_so():
    ok, reason = clipboard_watch_support({}, "darwin")
    assert ok
    assert "pasteboard" in reason


@pytest.mark.parametrize(
    "env",
    [
        {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland",
         "XDG_CURRENT_DESKTOP": "GNOME"},
        {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "KDE",
         "QT_QPA_PLATFORM": "xcb"},
        {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "GNOME",
         "QT_QPA_PLATFORM": "wayland"},
    ],
)
def test_wayland_session_cannot_be_watched_and_offers_the_alternatives(env):
    ok, reason = clipboard_watch_support(env, "linux")
    assert not ok
    assert "Wayland" in reason
    assert "Call clipboard now" in reason
    assert "easyclick2call call --clipboard" in reason


@pytest.mark.parametrize(("desktop", "qt", "watched"), [
    ("sway", "", True), ("KDE", "", True), ("Hyprland", "wayland", True),
    ("GNOME", "", False),  # no data-control in Mutter: XWayland is GNOME's route
    ("sway", "xcb", False),  # the app forced onto XWayland: watched as on X11, if at all
])
def test_data_control_is_the_route_on_wlroots_and_kde(desktop, qt, watched):
    env = {"WAYLAND_DISPLAY": "wayland-1", "XDG_CURRENT_DESKTOP": desktop,
           "QT_QPA_PLATFORM": qt}
    assert uses_data_control(env, "linux") is watched
    if watched:  # nothing to install: the app speaks data-control itself
        assert clipboard_watch_support(env, "linux") == (True, "")


def test_gnome_forwards_copies_to_an_app_forced_onto_xwayland():
    env = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland",
           "XDG_CURRENT_DESKTOP": "ubuntu:GNOME", "QT_QPA_PLATFORM": "xcb"}
    ok, reason = clipboard_watch_support(env, "linux")
    assert ok
    assert "XWayland" in reason


def test_no_display_at_all_is_said_plainly():
    ok, reason = clipboard_watch_support({}, "linux")
    assert not ok
    assert "No graphical session" in reason


def test_the_test_desktop_itself_is_watchable(desktop):
    assert clipboard_watch_support() == (True, "")


@pytest.mark.parametrize(
    ("env", "platform", "available"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({}, "linux", False),
        ({"XDG_SESSION_TYPE": "tty", "QT_QPA_PLATFORM": "xcb"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "linux", True),
        ({}, "freebsd14", False),
        ({}, "win32", True),
        ({}, "darwin", True),
    ],
)
def test_a_display_is_found_unless_none_is_set_and_qt_needs_one(env, platform, available):
    assert display_available(env, platform) is available


@pytest.mark.parametrize(("env", "chosen"), [
    ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "GNOME"}, "xcb"),
    ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "GNOME",
      "QT_QPA_PLATFORM": "wayland"}, ""),  # the user's choice stands
    ({"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "GNOME"}, ""),  # no XWayland
    ({"WAYLAND_DISPLAY": "wayland-1", "DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "sway"}, ""),
    ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "KDE"}, ""),
    ({"DISPLAY": ":0"}, ""),
])
def test_gnome_keeps_xwayland_the_others_native_wayland(env, chosen):
    assert preferred_qt_platform(env, "linux") == chosen
