"""The app's wiring: tray menu and tooltip, pause, redial, popups from the clipboard, and the
main window when there is no tray (then the icon when a tray appears)."""

from __future__ import annotations

import gc
import subprocess

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from easyclick2call.ui.app import EasyClickApp, numbers_in_argument
from easyclick2call.ui.tasks import wait_for_tasks
from tests.unit.test_ui_support import make_context


def xclip_copy(text: str) -> None:
    subprocess.run(["xclip", "-selection", "clipboard"], input=text.encode(), check=True,
                   timeout=10)


@pytest.fixture
def make_app(qtbot, tmp_path, memory_keyring):
    apps: list[EasyClickApp] = []

    def make(sandbox=None, demo: bool = False, **settings) -> EasyClickApp:
        context = make_context(tmp_path / f"profile{len(apps)}", sandbox, demo=demo, **settings)
        app = EasyClickApp(context, use_desktop_notifications=False)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.watcher.stop()
        if app.hotkeys is not None:
            app.hotkeys.close()
        if app._notification_offer is not None:
            app._notification_offer.close()
        if app.live_calls is not None:
            app.live_calls.stop()
        if app.tray is not None:
            app.tray.hide()
        if app.popup is not None and app._popup_visible():
            app.popup.close()
        if app.main_window is not None:
            app.main_window.hide()
        for toast in app.notifier.visible_toasts():
            toast.close()
    wait_for_tasks(10000)
    # Collect the app's Qt objects now, while Qt runs, rather than at interpreter exit.
    apps.clear()
    gc.collect()


def _menu_names(app) -> list[str]:
    app.tray.menu.aboutToShow.emit()
    return [a.objectName() for a in app.tray.menu.actions() if not a.isSeparator()]


def test_menu_has_every_entry_and_tooltip_says_line_and_state(qtbot, make_app, sandbox):
    app = make_app(sandbox, demo=True)
    app.start()
    assert app.tray.icon.isVisible()
    assert _menu_names(app) == ["callNumber", "callClipboard", "pause", "setUpAccount",
                                "history", "settings", "about", "quit"]
    tooltip = app.tray.icon.toolTip()
    assert "Demo" in tooltip
    assert "01 99 00 00 01" in tooltip and "ready" in tooltip


def test_pause_changes_tooltip_icon_and_stops_popups(qtbot, make_app, sandbox):
    app = make_app(sandbox)
    app.start()
    _menu_names(app)
    pause = app.tray.action("pause")
    assert pause.isCheckable() and not pause.isChecked()
    pause.trigger()
    assert app.paused and app.watcher.paused
    assert "paused" in app.tray.icon.toolTip()
    _menu_names(app)
    assert app.tray.action("pause").isChecked()
    app.tray.action("pause").trigger()
    assert not app.paused
    assert "ready" in app.tray.icon.toolTip()


def test_not_configured_says_so(qtbot, make_app):
    app = make_app()
    app.start()
    assert "Not configured — Try the demo / Settings…" in app.tray.icon.toolTip()


def test_copy_shows_popup_and_same_number_again_does_not(qtbot, make_app, sandbox):
    app = make_app(sandbox, demo=True)
    app.start()
    with qtbot.waitSignal(app.popup_shown, timeout=5000) as shown:
        xclip_copy("appelez le 01 99 00 12 34")
    popup = shown.args[0]
    # (once the demo's phonebook is synced, its contact's name comes before "EasyClick2Call")
    assert popup.windowTitle().startswith("Call +33199001234? — ")
    assert popup.windowTitle().endswith("EasyClick2Call (Demo)")
    shown_again: list = []
    app.popup_shown.connect(shown_again.append)
    with qtbot.waitSignal(app.watcher.checked, timeout=5000):
        xclip_copy("rappel : 01 99 00 12 34")  # other text, same number, seconds later
    assert shown_again == []
    with qtbot.waitSignal(app.popup_shown, timeout=5000) as other:
        xclip_copy("ou le 04 72 00 00 01")
    assert "+33472000001" in other.args[0].windowTitle()


def test_the_popup_is_built_ahead_hidden_and_the_first_copy_shows_it_with_its_number(
        qtbot, make_app, sandbox):
    """Once the tray shows, the popup is made (hidden, with the region's example number, never
    copied text) so that the first copy only updates and shows it, as later copies do."""
    app = make_app(sandbox, demo=True)
    app.start()
    qtbot.waitUntil(lambda: app.popup is not None, timeout=10000)
    ahead = app.popup
    assert not ahead.isVisible() and app.visible_popup() is None
    assert ahead.windowHandle() is not None  # its native window exists, unmapped
    with qtbot.waitSignal(app.popup_shown, timeout=5000) as shown:
        xclip_copy("appelez le 04 72 00 00 01")
    assert shown.args[0] is ahead and ahead.isVisible()
    assert ahead.windowTitle().startswith("Call +33472000001? — ")
    assert [n.e164 for n in ahead.numbers] == ["+33472000001"]
    assert "04 72 00 00 01" in ahead.call_buttons[0].accessibleName()


def test_popup_call_then_menu_lists_it_for_redial(qtbot, make_app, sandbox):
    app = make_app(sandbox)
    app.start()
    with qtbot.waitSignal(app.popup_shown, timeout=5000) as shown:
        xclip_copy("appelez le 01 99 00 12 34")
    with qtbot.waitSignal(app.calls.call_finished, timeout=15000):
        shown.args[0].call_buttons[0].click()
    qtbot.waitUntil(lambda: len(app.recent_calls()) == 1, timeout=5000)
    names = _menu_names(app)
    assert names[:4] == ["callNumber", "callClipboard", "recentHeading", "redial"]
    redial = app.tray.action("redial")
    assert "01 99 00 12 34" in redial.text()
    app.calls.dialer.repeat_window_s = 0  # the same number again, later on
    with qtbot.waitSignal(app.calls.call_finished, timeout=15000):
        redial.trigger()
    assert [c["called_number"] for c in sandbox.calls()] == ["0033199001234"] * 2


def test_calls_older_than_the_retention_setting_are_dropped_at_start(qtbot, make_app):
    from datetime import datetime, timedelta, timezone

    from easyclick2call.core.history import CallRecord

    app = make_app(history_retention_days=30)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    for days, number in ((45, "+33199000045"), (2, "+33199000002")):
        app.context.history.add(CallRecord(None, number, number, (now - timedelta(days=days))
                                           .isoformat(), "0033199000001", "placed"))
    app.start()
    qtbot.waitUntil(lambda: len(app.recent_calls()) == 1, timeout=5000)
    assert [r.number_e164 for r in app.context.history.all()] == ["+33199000002"]


def test_call_clipboard_now_offers_what_is_there(qtbot, make_app, sandbox):
    xclip_copy("appelez le 01 99 00 12 34")
    app = make_app(sandbox)
    app.start()  # start-up content: no popup by itself …
    _menu_names(app)
    with qtbot.waitSignal(app.popup_shown, timeout=5000) as shown:  # … but on request
        app.tray.action("callClipboard").trigger()
    assert "+33199001234" in shown.args[0].windowTitle()


def test_offer_text_accepts_tel_uris(qtbot, make_app, sandbox):
    app = make_app(sandbox)
    app.start()
    with qtbot.waitSignal(app.popup_shown, timeout=5000) as shown:
        app.offer_text("tel:+33-1-99-00-12-34")
    assert "+33199001234" in shown.args[0].windowTitle()
    assert numbers_in_argument("callto://+33199001234") == "+33199001234"
    assert numbers_in_argument("sip:+33199001234@sip.example;user=phone") == "+33199001234"


def test_auth_error_turns_the_tray_to_error(qtbot, make_app, sandbox):
    app = make_app(sandbox)
    app.start()
    sandbox.inject_fault(expire_consumer_key=sandbox.info()["consumer_key"])
    with qtbot.waitSignal(app.calls.call_finished, timeout=15000):
        app.calls.call("+33199001234", "menu")
    assert app.state() == "error"
    assert "error" in app.tray.icon.toolTip()
    app.context.account_changed.emit()  # fixed in Settings
    assert app.state() == "ready"


def test_no_tray_shows_the_main_window_then_the_icon_when_a_tray_appears(
        qtbot, make_app, sandbox, desktop):
    desktop.stop_tray()
    try:
        qtbot.waitUntil(lambda: not QSystemTrayIcon.isSystemTrayAvailable(), timeout=5000)
        app = make_app(sandbox, demo=True)
        app._tray_timer.setInterval(200)
        app.start()
        window = app.main_window
        assert window is not None and window.isVisible()
        assert window.windowTitle() == "EasyClick2Call (Demo)"
        assert "ready" in window.status_label.text()
        assert set(window.buttons) == {"callNumber", "callClipboard", "pause", "history",
                                       "settings", "about", "quit"}
        assert not app.tray.icon.isVisible()
        assert app._tray_timer.isActive()
        # Why this window, and how to get a tray (GNOME has none of its own).
        assert window.no_tray_label.isVisible()
        assert "no system tray" in window.no_tray_label.text()
        assert "AppIndicator" in window.no_tray_label.text()
    finally:
        desktop.start_tray()
    qtbot.waitUntil(app.tray.icon.isVisible, timeout=10000)
    assert not window.no_tray_label.isVisible()
    assert not app._tray_timer.isActive()  # no timer once the tray is there: idle CPU 0


def test_survives_the_tray_host_restarting(qtbot, make_app, sandbox, desktop):
    app = make_app(sandbox)
    app.start()
    assert app.tray.icon.isVisible()
    qtbot.waitUntil(lambda: _docked_icons() == 1, timeout=5000)
    desktop.stop_tray()
    desktop.start_tray()
    qtbot.waitUntil(QSystemTrayIcon.isSystemTrayAvailable, timeout=5000)
    qtbot.wait(500)
    assert app.tray.icon.isVisible()
    assert app.tray_visible()
    qtbot.waitUntil(lambda: _docked_icons() >= 1, timeout=5000)
    # Still working: a copy still pops up.
    with qtbot.waitSignal(app.popup_shown, timeout=5000):
        xclip_copy("after the restart: 04 72 00 00 02")


def _docked_icons() -> int:
    """How many icons the tray host (trayer) has embedded: windows inside its panel."""
    from PySide6.QtWidgets import QApplication

    tree = subprocess.run(["xwininfo", "-root", "-tree"], check=True, capture_output=True,
                          text=True, timeout=10).stdout
    name = f'"{QApplication.applicationName()}"'
    count, in_panel = 0, False
    for line in tree.splitlines():
        if line.startswith("     0x"):  # a top-level window
            in_panel = '"panel"' in line and "trayer" in line
        elif in_panel and name in line:
            count += 1
    return count


def test_first_run_opens_settings_on_account_with_the_demo_offer(qtbot, make_app, monkeypatch):
    app = make_app()
    started: list[bool] = []
    monkeypatch.setattr(app, "try_demo", lambda: started.append(True))
    app.start()
    app.first_run()
    dialog = app._windows["settings"]
    qtbot.waitExposed(dialog)
    dialog.demo_requested.emit()
    assert started == [True]
    dialog.close()


def test_first_run_does_nothing_once_configured(qtbot, make_app, sandbox):
    app = make_app(sandbox)
    app.start()
    app.first_run()
    assert "settings" not in app._windows


def test_main_window_offers_the_demo_when_not_configured(qtbot, make_app):
    app = make_app()
    app.show_main_window()
    window = app.main_window
    qtbot.waitExposed(window)
    assert window.demo_button.isVisible()
    assert "Not configured — Try the demo / Settings…" in window.status_label.text()


def test_about_says_demo(qtbot, make_app, sandbox):
    app = make_app(sandbox, demo=True)
    app.show_about()
    about = app._windows["about"]
    qtbot.waitExposed(about)
    assert about.windowTitle() == "About EasyClick2Call (Demo)"
    about.close()


def test_the_demo_offers_a_way_to_the_users_own_account(qtbot, make_app, sandbox):
    """"Set up my account…" (demo only) quits and asks commands/gui.py to start again on the
    user's profile with Settings open."""
    real = make_app(sandbox)
    real.start()
    assert "setUpAccount" not in _menu_names(real)
    demo = make_app(sandbox, demo=True)
    demo.start()
    assert demo.relaunch is None
    demo.tray.action("setUpAccount").trigger()
    assert demo.relaunch == ["--set-up-account"]
    assert not demo.tray.icon.isVisible()
