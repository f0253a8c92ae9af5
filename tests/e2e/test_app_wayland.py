"""The REAL app on a real headless Wayland compositor (Sway): it watches the clipboard in the
background through data-control, offers a copied number in a desktop notification without
taking the keyboard focus from the window in front, and the notification's call action places
exactly one call; its global shortcut, bound through a GlobalShortcuts portal, offers the
selection and calls it."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from tests.e2e.support.actions import poll, sandbox_calls, sandbox_info, wait_for_calls
from tests.e2e.support.portal import GlobalShortcutsPortal
from tests.e2e.support.wayland_window import open_window
from tests.harness.sway import SwaySession

FOCUS_TITLE = "Focus holder"


@pytest.fixture
def sway(desktop) -> Iterator[SwaySession]:
    with SwaySession() as session:
        yield session


def wayland_env(sway: SwaySession, folder) -> dict[str, str]:
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {**sway.env, "QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(runtime),
            "XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "sway"}


def wl_copy(text: str, env: dict[str, str], primary: bool = False) -> None:
    """Copy (or, `primary`, select) from another Wayland client (wl-copy serves it in the
    background)."""
    subprocess.run(["wl-copy", *(["--primary"] if primary else [])], input=text.encode("utf-8"),
                   env=env, check=True, timeout=10, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def offered(notifications, national: str):
    return poll(lambda: next((n for n in notifications.notifications()
                              if national in n.summary), None), 15,
                f"a notification offering {national}")


def test_a_copy_on_sway_is_offered_without_focus_and_called_once(
        sway, notifications, start_app, tmp_path):  # sway last down: the app quits before it
    env = wayland_env(sway, tmp_path)
    client_env = {"PATH": "/usr/bin:/bin", **env}
    wl_copy("déjà là au démarrage : 01 99 00 11 11", client_env)  # start-up content
    poll(lambda: b"11 11" in subprocess.run(
        ["wl-paste", "--no-newline"], env=client_env, capture_output=True, timeout=10,
        check=False).stdout, 10, "the start-up content to be on the clipboard before the start")
    app = start_app(wait=False, env=env)
    poll(lambda: (app.assert_running() or True) and sandbox_info(app.port, timeout=5), 40,
         "the app's sandbox (it answers once the clipboard is watched)")
    window = open_window(FOCUS_TITLE, {**client_env, "XDG_RUNTIME_DIR": env["XDG_RUNTIME_DIR"],
                                       "QT_QPA_PLATFORM": "wayland"})
    try:
        poll(lambda: sway.focused_name() == FOCUS_TITLE, 15, "the window in front to be focused")
        wl_copy("appelez le 01 99 00 12 34", client_env)
        offer = offered(notifications, "01 99 00 12 34")
        assert ("call", "Call") in offer.actions and ("dismiss", "Dismiss") in offer.actions
        assert sway.focused_name() == FOCUS_TITLE  # the offer took no focus
        notifications.invoke(offer.id, "call")
        calls = wait_for_calls(app.port, 1)
        notifications.invoke(offer.id, "call")  # clicked again: nothing more
        wl_copy("puis le 04 72 00 00 01", client_env)  # the sentinel: handled after the clicks
        sentinel = offered(notifications, "04 72 00 00 01")
        notifications.invoke(sentinel.id, "call")
        calls = wait_for_calls(app.port, 2)
        assert sway.focused_name() == FOCUS_TITLE
    finally:
        window.terminate()
        window.wait(10)
    assert [c["called_number"] for c in calls] == ["0033199001234", "0033472000001"]
    assert len(sandbox_calls(app.port)) == 2
    assert not [n for n in notifications.notifications() if "11 11" in n.summary + n.body]


def test_the_portal_shortcut_offers_the_selection_then_calls_it_once(
        sway, notifications, start_app, tmp_path):
    env = wayland_env(sway, tmp_path)
    client_env = {"PATH": "/usr/bin:/bin", **env}
    with GlobalShortcutsPortal() as portal:
        app = start_app(wait=False, env=env)
        poll(lambda: portal.bindings().get("shortcut") == "CTRL+ALT+k", 40,
             "the app to bind its shortcut through the portal")
        wl_copy("rappeler le 01 99 00 12 34", client_env, primary=True)
        portal.press("shortcut")
        offer = offered(notifications, "01 99 00 12 34")
        portal.press("shortcut")  # again: the offer shown is called
        calls = wait_for_calls(app.port, 1)
        wl_copy("puis le 04 72 00 00 01", client_env)  # the sentinel
        sentinel = offered(notifications, "04 72 00 00 01")
        notifications.invoke(sentinel.id, "call")
        calls = wait_for_calls(app.port, 2)
    assert offer.actions[0] == ("call", "Call")
    assert [c["called_number"] for c in calls] == ["0033199001234", "0033472000001"]
