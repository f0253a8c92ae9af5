"""Parsing the `hotkey` setting (Qt's portable text) and choosing a back-end."""

from __future__ import annotations

import pytest

from easyclick2call.core.settings import BY_KEY, MemoryStore, Settings
from easyclick2call.core.shortcut import DEFAULT_HOTKEY, Shortcut, parse_shortcut
from easyclick2call.platform.hotkey import Problem, open_backend


@pytest.mark.parametrize(("text", "modifiers", "key"), [
    ("Ctrl+Alt+K", {"Ctrl", "Alt"}, "K"),
    (" ctrl + alt + k ", {"Ctrl", "Alt"}, "K"),
    ("Meta+Shift+F12", {"Meta", "Shift"}, "F12"),
    ("Super+Up", {"Meta"}, "Up"),
    ("Alt+pgdown", {"Alt"}, "PgDown"),
])
def test_parse(text, modifiers, key):
    assert parse_shortcut(text) == Shortcut(frozenset(modifiers), key)


def test_text_is_qt_portable_order():
    assert parse_shortcut("Shift+Alt+Ctrl+Meta+1").text() == "Meta+Ctrl+Alt+Shift+1"


@pytest.mark.parametrize(("text", "says"), [
    ("", "written like"),
    ("Ctrl++", "written like"),
    ("Hyper+K", "unknown modifier"),
    ("Ctrl+Alt+é", "cannot be a global shortcut"),
    ("K", "needs Ctrl, Alt or Meta"),
    ("Shift+F5", "needs Ctrl, Alt or Meta"),
    ("Ctrl+Alt+F2", "text console"),
])
def test_bad_shortcuts_say_why(text, says):
    with pytest.raises(ValueError, match=says):
        parse_shortcut(text)


def test_the_setting_defaults_on_and_accepts_empty_for_off():
    settings = Settings(MemoryStore())
    assert settings.get("hotkey") == DEFAULT_HOTKEY == "Ctrl+Alt+K"
    assert BY_KEY["hotkey"].group == "behaviour"
    settings.set_text("hotkey", "")
    assert settings.get("hotkey") == ""
    with pytest.raises(ValueError, match="needs Ctrl"):
        settings.set_text("hotkey", "Q")


def test_a_bad_stored_hotkey_falls_back_with_a_warning():
    settings = Settings(MemoryStore({"hotkey": "Ctrl+Nope"}))
    assert settings.get("hotkey") == DEFAULT_HOTKEY
    assert any("hotkey" in warning for warning in settings.warnings)


def test_native_wayland_has_no_backend_yet():
    backend, problem = open_backend(lambda _n: None, platform="linux",
                                    env={"WAYLAND_DISPLAY": "wayland-1", "DISPLAY": ":1"})
    assert (backend, problem) == (None, Problem.UNAVAILABLE)
    backend, problem = open_backend(lambda _n: None, platform="linux", env={})
    assert (backend, problem) == (None, Problem.UNAVAILABLE)


def test_a_portal_is_never_probed():
    from easyclick2call.platform.hotkey import checkable

    assert not checkable({"WAYLAND_DISPLAY": "wayland-1", "QT_QPA_PLATFORM": "wayland"})
    assert checkable({"DISPLAY": ":1"})
