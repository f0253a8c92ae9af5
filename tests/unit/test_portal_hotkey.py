"""The Wayland global shortcut through the xdg-desktop-portal GlobalShortcuts interface, against
a portal on the test session bus (tests/e2e/support/portal.py)."""

from __future__ import annotations

from easyclick2call.core.shortcut import parse_shortcut
from easyclick2call.platform.hotkey import SHORTCUT, UNAVAILABLE
from easyclick2call.platform.hotkey.portal import PortalHotkeys, trigger
from tests.e2e.support.actions import poll
from tests.e2e.support.portal import GlobalShortcutsPortal
from tests.unit.test_hotkey_backends import Presses


def test_triggers_are_spelled_as_the_portal_takes_them():
    assert trigger(parse_shortcut("Ctrl+Alt+K")) == "CTRL+ALT+k"
    assert trigger(parse_shortcut("Meta+Shift+PgUp")) == "SHIFT+LOGO+Prior"
    assert trigger(parse_shortcut("Alt+F5")) == "ALT+F5"


def test_the_shortcut_is_bound_and_its_activation_reported(desktop):
    presses = Presses()
    with GlobalShortcutsPortal() as portal:
        backend = PortalHotkeys(presses)
        try:
            assert backend.set_shortcut(parse_shortcut("Ctrl+Alt+K")) is None
            poll(lambda: portal.bindings() == {SHORTCUT: "CTRL+ALT+k"}, 10, "the binding")
            portal.press(SHORTCUT)
            assert presses.wait(1) == [SHORTCUT]
        finally:
            backend.close()


def test_no_portal_is_reported_unavailable(desktop):
    presses = Presses()
    backend = PortalHotkeys(presses)
    try:
        backend.set_shortcut(parse_shortcut("Ctrl+Alt+K"))
        assert presses.wait(1) == [UNAVAILABLE]
    finally:
        backend.close()
