"""The Windows and macOS global-shortcut back-ends, against fake system calls."""

from __future__ import annotations

import threading

import pytest

from easyclick2call.core.shortcut import parse_shortcut
from easyclick2call.platform.hotkey import DOWN, SHORTCUT, UP, Problem, macos, windows
from tests.unit.fake_hotkeys import FakeCarbon, FakeUser32

CTRL_ALT = windows.MOD_CONTROL | windows.MOD_ALT


class Presses:
    """Collects what a back-end reports; `wait(n)` until n presses came (from any thread)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self._changed = threading.Condition()

    def __call__(self, name: str) -> None:
        with self._changed:
            self.names.append(name)
            self._changed.notify_all()

    def wait(self, count: int) -> list[str]:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.names) >= count, 5)
            return list(self.names)


@pytest.fixture
def win():
    api = FakeUser32(taken={(windows.MOD_CONTROL | windows.MOD_SHIFT, ord("X"))})
    presses = Presses()
    backend = windows.WindowsHotkeys(presses, api=api)
    yield backend, api, presses
    backend.close()


def test_windows_registers_the_shortcut_without_repeat_on_its_thread(win):
    backend, api, presses = win
    assert backend.set_shortcut(parse_shortcut("Ctrl+Alt+K")) is None
    assert api.registered == {1: (CTRL_ALT | windows.MOD_NOREPEAT, ord("K"))}
    assert api.threads == {backend._thread.ident}  # the thread that reads WM_HOTKEY
    assert api.press(CTRL_ALT, ord("K"))
    assert presses.wait(1) == [SHORTCUT]


def test_windows_reports_a_shortcut_another_program_holds(win):
    backend, api, _presses = win
    assert backend.set_shortcut(parse_shortcut("Ctrl+Shift+X")) is Problem.TAKEN
    assert api.registered == {}


def test_windows_changes_and_removes_the_shortcut(win):
    backend, api, _presses = win
    backend.set_shortcut(parse_shortcut("Ctrl+Alt+K"))
    assert backend.set_shortcut(parse_shortcut("Meta+F9")) is None
    assert api.registered == {1: (windows.MOD_WIN | windows.MOD_NOREPEAT, 0x78)}
    backend.set_shortcut(None)
    assert api.registered == {}


def test_windows_arrows_only_while_asked(win):
    backend, api, presses = win
    backend.set_arrows(True)
    assert sorted(api.registered.values()) == [(windows.MOD_NOREPEAT, 0x26),
                                               (windows.MOD_NOREPEAT, 0x28)]
    api.press(0, 0x28)
    api.press(0, 0x26)
    assert presses.wait(2) == [DOWN, UP]
    backend.set_arrows(False)
    assert api.registered == {}
    assert not api.press(0, 0x28)


def test_windows_close_gives_everything_back(win):
    backend, api, _presses = win
    backend.set_shortcut(parse_shortcut("Ctrl+Alt+K"))
    backend.set_arrows(True)
    backend.close()
    assert api.registered == {}
    assert not backend._thread.is_alive()
    assert backend.set_shortcut(parse_shortcut("Ctrl+Alt+K")) is Problem.UNAVAILABLE


@pytest.fixture
def mac():
    api, presses = FakeCarbon(taken={(0x09, macos.CMD_KEY | macos.SHIFT_KEY)}), Presses()
    return macos.CarbonHotkeys(presses, api=api), api, presses


def test_macos_maps_ctrl_to_command_and_meta_to_control(mac):
    backend, api, presses = mac
    assert backend.set_shortcut(parse_shortcut("Ctrl+Alt+K")) is None
    assert list(api.registered.values()) == [(0x28, macos.CMD_KEY | macos.OPTION_KEY, 1)]
    backend.set_shortcut(parse_shortcut("Meta+Shift+F5"))
    assert list(api.registered.values()) == [(0x60, macos.CONTROL_KEY | macos.SHIFT_KEY, 1)]
    api.send(macos.HOTKEY_PRESSED, 0x60, macos.CONTROL_KEY | macos.SHIFT_KEY)
    assert presses.names == [SHORTCUT]


def test_macos_a_held_key_is_one_press(mac):
    backend, api, presses = mac
    backend.set_shortcut(parse_shortcut("Ctrl+Alt+K"))
    mods = macos.CMD_KEY | macos.OPTION_KEY
    for _ in range(3):
        api.send(macos.HOTKEY_PRESSED, 0x28, mods)
    assert presses.names == [SHORTCUT]
    api.send(macos.HOTKEY_RELEASED, 0x28, mods)
    api.send(macos.HOTKEY_PRESSED, 0x28, mods)
    assert presses.names == [SHORTCUT, SHORTCUT]


def test_macos_reports_a_taken_shortcut(mac):
    backend, api, _presses = mac
    assert backend.set_shortcut(parse_shortcut("Ctrl+Shift+V")) is Problem.TAKEN
    assert api.registered == {}


def test_macos_arrows_and_close(mac):
    backend, api, presses = mac
    backend.set_shortcut(parse_shortcut("Ctrl+Alt+K"))
    backend.set_arrows(True)
    api.send(macos.HOTKEY_PRESSED, 0x7E, 0)
    api.send(macos.HOTKEY_PRESSED, 0x7D, 0)
    assert presses.names == [UP, DOWN]
    backend.set_arrows(False)
    assert [entry[2] for entry in api.registered.values()] == [1]
    backend.close()
    assert api.registered == {}
