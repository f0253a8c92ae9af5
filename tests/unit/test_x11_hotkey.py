"""The X11 global-shortcut back-end against the real X server of the test display (xdotool
presses through XTEST, which the server auto-repeats like a real keyboard)."""

from __future__ import annotations

import subprocess

from easyclick2call.core.shortcut import parse_shortcut
from easyclick2call.platform.hotkey import SHORTCUT, Problem
from easyclick2call.platform.hotkey.x11 import X11Hotkeys, keysym
from tests.e2e.support.actions import poll
from tests.unit.test_hotkey_backends import Presses


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, timeout=10)


def test_a_shortcut_held_down_is_one_press(desktop):
    presses = Presses()
    backend = X11Hotkeys(presses)
    try:
        assert backend.set_shortcut(parse_shortcut("Ctrl+Shift+F11")) is None
        xdotool("keydown", "ctrl+shift+F11")
        try:
            poll(lambda: backend.repeats_ignored >= 3, 10, "the X server to repeat the key")
        finally:
            xdotool("keyup", "ctrl+shift+F11")
        xdotool("key", "ctrl+shift+F11")  # a second, real press
        assert presses.wait(2) == [SHORTCUT, SHORTCUT]
    finally:
        backend.close()


def test_caps_lock_and_num_lock_do_not_matter(desktop):
    presses = Presses()
    backend = X11Hotkeys(presses)
    try:
        backend.set_shortcut(parse_shortcut("Ctrl+Shift+F12"))
        xdotool("key", "Num_Lock")
        try:
            xdotool("key", "ctrl+shift+F12")
        finally:
            xdotool("key", "Num_Lock")
        assert presses.wait(1) == [SHORTCUT]
    finally:
        backend.close()


def test_grabs_are_all_or_nothing_and_given_back(desktop):
    first, second = X11Hotkeys(lambda _n: None), X11Hotkeys(lambda _n: None)
    try:
        shortcut = parse_shortcut("Meta+Shift+F10")
        assert first.set_shortcut(shortcut) is None
        assert second.set_shortcut(shortcut) is Problem.TAKEN
        assert second._held == {}
        first.set_shortcut(None)
        assert second.set_shortcut(shortcut) is None
    finally:
        first.close()
        second.close()
    assert keysym("K") == 0x6B and keysym("F1") == 0xFFBE and keysym("Down") == 0xFF54
