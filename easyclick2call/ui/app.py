"""The tray app's wiring: watcher → popup → calls, the tray (or a main window), and dialogs."""

from __future__ import annotations

import functools
import logging
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSystemTrayIcon

from easyclick2call.platform import os_traits
from easyclick2call.ui.clipboard_watcher import ClipboardWatcher
from easyclick2call.ui.quiet import QuietTime
from easyclick2call.ui.tasks import run_task

if TYPE_CHECKING:
    from easyclick2call.ui.calling import CallController
    from easyclick2call.ui.notifications import Notifier
    from easyclick2call.ui.popup import CallPopup, PopupOptions

log = logging.getLogger(__name__)

REPEAT_POPUP_S = 10.0  # the same number copied again within this delay: no second popup
TRAY_POLL_MS = 5000  # only while no tray is there


@functools.cache
def _popup_module():
    """ui.popup, imported once, on the GUI thread: once the tray shows (or by an earlier copy).
    Never on a worker: PySide sets its classes up lazily, on first use, and that is not safe
    while the GUI thread uses PySide too (it crashed the app at start-up under load)."""
    from easyclick2call.ui import popup

    return popup


def _load_popup_dependencies() -> None:
    """(On a worker) the Qt-free modules ui.popup imports, so that importing it is quicker."""
    import easyclick2call.core.call_gate  # noqa: F401


def _numbers_in(text: str, region: str, language: str) -> list:
    """(On a worker) every callable number in `text`; the number engine is imported there."""
    from easyclick2call.core.numbers import find_numbers

    return find_numbers(text, region, language)


def _recent_unreadable(exc: BaseException) -> None:
    """An unreadable history is worth a warning in the log (a damaged file is repaired and
    told by core.history itself)."""
    log.warning("the recent calls could not be read from the history: %s: %s",
                type(exc).__name__, exc)


def _prune_then_recent(history, retention_days: int) -> list:
    """(Off the GUI thread) drop the calls older than the retention setting, then the last 5:
    run at start and after each call, so the setting holds without a timer."""
    history.prune(retention_days)
    return history.recent(5)


def _warm_up_calls(region: str) -> None:
    """(On the call thread) import what a call needs, so that the first one is not slower."""
    from easyclick2call.ovhapi.dialing import warm_up

    warm_up(region)


def tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def numbers_in_argument(text: str) -> str:
    """A tel:/callto:/sip: URI reduced to its number part (the rest of the text unchanged)."""
    from urllib.parse import unquote

    lowered = text.strip().lower()
    for scheme in ("tel:", "callto:", "sip:", "sips:"):
        if lowered.startswith(scheme):
            rest = unquote(text.strip()[len(scheme):]).lstrip("/")
            rest = rest.split(";")[0].split("?")[0]
            return rest.split("@")[0]
    return text


class EasyClickApp(QObject):
    """Owns the watcher, the popup, the call controller, the tray and the windows."""

    popup_shown = Signal(object)  # CallPopup

    def __init__(self, context, *, use_desktop_notifications: bool = True,
                 tray_icon: QSystemTrayIcon | None = None,
                 parent: QObject | None = None) -> None:
        """`tray_icon`: one already shown (the start-up shows it first); the tray adopts it."""
        super().__init__(parent)
        self._early_icon = tray_icon
        self.context = context
        self.paused = False
        self.last_error_kind = ""
        self.popup: CallPopup | None = None
        self._popup_source = "popup"  # where the numbers offered by the popup came from
        self._calls_prepared = False  # prepare_calls() ran
        self._popped: dict[str, float] = {}  # e164 -> monotonic time of its last popup
        self._recent: list = []
        self._windows: dict[str, object] = {}
        self._anchor: QRect | None = None  # the tray icon's geometry, for the popup
        self._use_desktop_notifications = use_desktop_notifications
        # Made on first use: an idle app has shown no message and placed no call.
        self._notifier: Notifier | None = None
        self._calls: CallController | None = None
        # Background work that can wait (the call stack's warm-up, the live-call stream's start,
        # the contacts sync) waits until the user stops copying (ui.quiet).
        self.quiet = QuietTime(self)
        self.popup_shown.connect(self.quiet.busy)
        self.watcher = ClipboardWatcher(
            region=context.region, language=context.language,
            watch_selection=bool(context.setting("watch_selection", False)), parent=self)
        self.watcher.numbers_found.connect(self.offer_numbers)
        self.watcher.checked.connect(self.quiet.busy)
        self.watcher.watch_failed.connect(self._watch_failed)
        self.tray = None
        self.main_window = None
        self.hotkeys = None  # ui.hotkey.HotkeyController, from start()
        # Where a new window takes the keyboard focus (Wayland), numbers are offered in a desktop
        # notification instead of the popup (ui.offer_notification), made on first use.
        self.offer_by_notification = os_traits.offers_numbers_by_notification(
            QGuiApplication.platformName())
        self._notification_offer = None
        self.live_calls = None  # ui.live_calls.LiveCallsController, made by start()
        self.relaunch: list[str] | None = None  # what commands/gui.py starts once this one quit
        self._tray_timer = QTimer(self)
        self._tray_timer.setSingleShot(True)
        self._tray_timer.setInterval(TRAY_POLL_MS)
        self._tray_timer.timeout.connect(self._check_tray)
        context.account_changed.connect(self._account_changed)
        context.settings_changed.connect(self._setting_changed)
        context.history_changed.connect(self.refresh_recent)
        from easyclick2call.ui.names import ContactsService

        # names for numbers (ui.names)
        self.contacts = ContactsService(context, self, when_quiet=self.quiet.when_quiet)
        self.contacts.changed.connect(self._names_changed)

    @property
    def notifier(self) -> Notifier:
        """Shows the app's messages (ui.notifications), made when the first one is shown."""
        if self._notifier is None:
            from easyclick2call.ui.notifications import Notifier

            self._notifier = Notifier(demo=self.context.demo,
                                      use_desktop=self._use_desktop_notifications, parent=self,
                                      toasts=not self.offer_by_notification)
            if self.tray is not None:
                self._notifier.tray = self.tray.icon
        return self._notifier

    @property
    def calls(self) -> CallController:
        """Places the calls (ui.calling), made when the first one is asked for."""
        if self._calls is None:
            from easyclick2call.ui.calling import CallController

            self._calls = CallController(self.context, self.notifier, self)
            self._calls.call_finished.connect(self._call_finished)
        return self._calls

    # -- start / stop ---------------------------------------------------------------------
    def start(self) -> None:
        from easyclick2call.ui.tray import Tray

        self.tray = Tray(self, self, icon=self._early_icon)
        self._early_icon = None
        if self._notifier is not None:
            self._notifier.tray = self.tray.icon
        self.watcher.start()
        QTimer.singleShot(0, self._start_hotkeys)  # once the tray icon is on its way
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        else:
            log.info("no system tray: showing the main window")
            self.show_main_window()
            self._tray_timer.start()
        self.refresh_recent()
        from easyclick2call.ui.live_calls import LiveCallsController

        self.live_calls = LiveCallsController(self, self)
        self.live_calls.start()
        self.update_state()
        self.contacts.start()
        # Once the tray shows: ui.popup's Qt-free modules (on a worker) and ui.popup (here),
        # then the number engine (on a worker), then the popup built ahead (hidden), so that
        # the first copy is as quick as the next ones.
        run_task(_load_popup_dependencies, on_done=self._popup_then_engine, parent=self)

    def _popup_then_engine(self, _none: None = None) -> None:
        _popup_module()
        self.watcher.warm_up(then=self._build_popup_ahead)

    def _build_popup_ahead(self, example: list) -> None:
        """Make the popup now, hidden, with the region's example number (never copied text),
        with its native window: the first copy then only updates and shows it, as every later
        one does. Not when copies are offered by notification, or once a copy made it."""
        if not example or self.popup is not None or self.offer_by_notification:
            return
        popup = self.popup = self._new_popup(example)
        popup.adjustSize()  # polished and laid out, as popup() would on the first copy
        popup.winId()  # an unmapped window: nothing shows until a copy offers a number

    def _names_changed(self) -> None:
        if self._popup_visible():
            self.popup.refresh_names()

    def _start_hotkeys(self) -> None:
        """Hold the global shortcut (ui.hotkey); its imports and X connection stay off the
        start → tray icon path."""
        from easyclick2call.ui.hotkey import HotkeyController

        if self.hotkeys is None:
            self.hotkeys = HotkeyController(self, self)
            self.hotkeys.start()

    def prepare_calls(self) -> None:
        """A call may come soon (a popup, Call a number…, History or the tray menu is shown):
        the call thread imports the OVHcloud client stack once, while the user reads, so that
        the first call is as quick as the next ones — as soon as the user stops copying, so
        that it does not slow the popups of the next copies down. (Not at start-up: that
        stack is about 25 MB, which an app that never calls need not hold.)"""
        if self._calls_prepared:
            return
        self._calls_prepared = True
        self.quiet.when_quiet(self._start_call_warm_up)

    def _start_call_warm_up(self) -> None:
        from easyclick2call.ui.tasks import call_pool

        run_task(_warm_up_calls, self.context.region(), parent=self, pool=call_pool())

    def _check_tray(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            log.info("a system tray appeared: adding the tray icon")
            assert self.tray is not None
            self.tray.show()
            self.update_state()
        else:
            self._tray_timer.start()  # still none: look again later (single shot)

    def tray_visible(self) -> bool:
        return self.tray is not None and self.tray.icon.isVisible() \
            and QSystemTrayIcon.isSystemTrayAvailable()

    def quit(self) -> None:
        self.watcher.stop()
        if self.hotkeys is not None:
            self.hotkeys.close()
        if self._notification_offer is not None:
            self._notification_offer.close()
        if self.live_calls is not None:
            self.live_calls.stop()
        self.contacts.stop()
        if self.tray is not None:
            self.tray.hide()
        QCoreApplication.quit()

    # -- state ----------------------------------------------------------------------------
    def state(self) -> str:
        if not self.context.looks_configured():
            return "not_configured"
        if self.paused:
            return "paused"
        if self.last_error_kind:
            return "error"
        return "ready"

    def status_text(self) -> str:
        """The tooltip / main-window status: line in use and state."""
        state = self.state()
        words = {
            "ready": tr("ready"),
            "paused": tr("paused"),
            "not_configured": tr("Not configured — Try the demo / Settings…"),
            "error": tr("error — see the last notification"),
        }
        lines = ["EasyClick2Call" + (f" — {tr('Demo')}" if self.context.demo else "")]
        line = self.context.line_label()
        if line and state != "not_configured":
            from easyclick2call.ui.line_display import line_display

            lines.append(tr("Line {line}: {state}").format(
                line=line_display(line, self.context.region()), state=words[state]))
        else:
            lines.append(words[state])
        return "\n".join(lines)

    def update_state(self) -> None:
        if self.tray is not None:
            self.tray.update_state()
        if self.main_window is not None:
            self.main_window.update_state()

    def set_paused(self, paused: bool) -> None:
        self.paused = bool(paused)
        self.watcher.set_paused(self.paused)
        self.update_state()

    def _account_changed(self) -> None:
        self.last_error_kind = ""
        self.update_state()

    def _setting_changed(self, key: str) -> None:
        if key == "watch_selection":
            self.watcher.set_watch_selection(bool(self.context.setting(key, False)))
        self.update_state()

    def _call_finished(self, outcome) -> None:
        # Only a problem with the account makes the tray red: a network hiccup is transient.
        self.last_error_kind = outcome.error_kind if outcome.error_family == "auth" else ""
        if self.live_calls is not None:
            self.live_calls.call_placed(outcome)
        self.update_state()

    # -- recent calls (read off the GUI thread) -------------------------------------------
    def refresh_recent(self) -> None:
        history = self.context.history
        if history is None:
            return
        known_empty = getattr(history, "known_empty", None)
        if known_empty is not None and known_empty():
            self._set_recent([])  # no call recorded yet: no thread, no SQLite
            return
        days = int(self.context.setting("history_retention_days", 90))
        run_task(_prune_then_recent, history, days, on_done=self._set_recent,
                 on_error=_recent_unreadable, parent=self)

    def _set_recent(self, records: list) -> None:
        self._recent = list(records)

    def recent_calls(self) -> list:
        return list(self._recent)

    # -- numbers → popup -------------------------------------------------------------------
    def popup_options(self) -> PopupOptions:
        ctx = self.context
        return _popup_module().PopupOptions(
            user_region=ctx.region(),
            blocked_prefixes=tuple(ctx.setting("blocked_prefixes", ()) or ()),
            confirm_international=bool(ctx.setting("confirm_international", True)),
            timeout_s=int(ctx.setting("popup_timeout_s", 10)),
            demo=ctx.demo,
            position=str(ctx.setting("popup_position", "tray")),
        )

    def offer_numbers(self, numbers: list) -> None:
        """Numbers found on the clipboard: a popup, unless it would repeat a recent one."""
        if not numbers or not self.context.setting("popup_enabled", True):
            return
        now = time.monotonic()
        if self._popup_visible() and {n.e164 for n in numbers} <= set(
                n.e164 for n in self.popup.numbers):
            return
        if all(now - self._popped.get(n.e164, -1e9) < REPEAT_POPUP_S for n in numbers):
            return
        self.show_popup(numbers)

    @property
    def notification_offer(self):
        """ui.offer_notification.NotificationOffer, made on first use."""
        if self._notification_offer is None:
            from easyclick2call.ui.offer_notification import NotificationOffer

            self._notification_offer = NotificationOffer(self, self)
        return self._notification_offer

    def _watch_failed(self, _reason: str) -> None:
        from easyclick2call.platform.session import WAYLAND_REASON

        self.notifier.notify(tr("Copied numbers cannot be noticed here"),
                             QCoreApplication.translate("Session", WAYLAND_REASON), error=True)

    def show_popup(self, numbers: list, source: str = "popup") -> CallPopup | None:
        """Offer `numbers` in the popup: one window made on first use, then reused (updating
        a window is much quicker than building one, and the popup is the hot path). `source`
        names where they came from ("popup" for a copy, "link", "handover", "hotkey"). Where a
        window would take the focus, in a desktop notification instead (None returned)."""
        self._popup_source = source
        self.prepare_calls()
        now = time.monotonic()
        for found in numbers:
            self._popped[found.e164] = now
        if self.offer_by_notification:
            self.notification_offer.offer(numbers, self.popup_options())
            return None
        popup = self.popup if self._popup_alive() else None
        if popup is None:
            popup = self.popup = self._new_popup(numbers)
        else:
            popup.offer(numbers, self.popup_options())
        popup.popup(self._tray_anchor())
        self.popup_shown.emit(popup)
        QTimer.singleShot(0, self._check_anchor)
        return popup

    def _new_popup(self, numbers: list) -> CallPopup:
        popup = _popup_module().CallPopup(numbers, self.popup_options(), names=self.contacts.names)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        popup.call_requested.connect(self._popup_call)
        return popup

    def _tray_anchor(self) -> QRect | None:
        """Where the tray icon is, as last seen (asking X is a round trip: not before the popup
        is shown, except the first time)."""
        if self._anchor is None and self.tray is not None:
            self._anchor = self.tray.geometry()
        return self._anchor

    def _check_anchor(self) -> None:
        """After a popup was shown: has the tray icon moved? Then follow it."""
        if self.tray is None:
            return
        anchor = self.tray.geometry()
        if anchor != self._anchor:
            self._anchor = anchor
            if self._popup_visible():
                self.popup.place(anchor)

    def _popup_call(self, found, confirmed=frozenset()) -> None:
        self.calls.call(found, self._popup_source, confirmed)

    def _popup_alive(self) -> bool:
        try:
            return self.popup is not None and self.popup.objectName() == "callPopup"
        except RuntimeError:  # deleted
            return False

    def visible_popup(self) -> CallPopup | None:
        """The popup, when it is shown now."""
        return self.popup if self._popup_visible() else None

    def _popup_visible(self) -> bool:
        try:
            return self.popup is not None and self.popup.isVisible()
        except RuntimeError:  # deleted
            return False

    def offer_text(self, text: str, source: str = "link") -> None:
        """A number or tel: URI handed over by a link, a second launch or the command line:
        offered in the popup (whose Call goes through the call gate like every call)."""
        run_task(_numbers_in, numbers_in_argument(text), self.context.region(),
                 self.context.language,
                 on_done=lambda numbers: self._offer_forced(numbers, source), parent=self)

    def _offer_forced(self, numbers: list, source: str = "popup") -> None:
        if numbers:
            self.show_popup(numbers, source)
        else:
            self.notifier.notify(tr("No number"), tr("No phone number to call was found."),
                                 error=True)

    def call_clipboard_now(self) -> None:
        """Offer what is on the clipboard now, read as copies are (off the GUI thread on X11,
        concealed content ignored)."""
        self.watcher.read_now(self._call_text)

    def _call_text(self, text: str | None) -> None:
        if text is None:
            self.notifier.notify(tr("Nothing to call"), tr("The clipboard holds no text."))
            return
        run_task(_numbers_in, text, self.context.region(), self.context.language,
                 on_done=self._offer_forced, parent=self)

    def suppress_popup(self, e164: str) -> None:
        """The app itself puts `e164` on the clipboard: no popup offers it."""
        self._popped[e164] = time.monotonic()

    def redial(self, e164: str, source: str = "redial") -> None:
        """Call a number again from the History window ("redial") or the tray ("tray")."""
        self.calls.call(e164, source)

    # -- windows --------------------------------------------------------------------------
    def _keep(self, name: str, window) -> None:
        self._windows[name] = window
        window.destroyed.connect(lambda _o=None, n=name: self._windows.pop(n, None))
        window.show()
        window.raise_()
        window.activateWindow()

    def _existing(self, name: str):
        window = self._windows.get(name)
        if window is None:
            return None
        try:
            window.show()
            window.raise_()
            window.activateWindow()
        except RuntimeError:
            self._windows.pop(name, None)
            return None
        return window

    def show_call_dialog(self) -> None:
        self.prepare_calls()
        if self._existing("call"):
            return
        from easyclick2call.ui.call_dialog import CallDialog

        dialog = CallDialog(self.context.region(), self.context.language, self.context.demo,
                            contacts_db=self.context.profile.contacts_db)
        dialog.number_chosen.connect(lambda found: self.calls.call(found, "dialog"))
        self._keep("call", dialog)

    def show_history(self) -> None:
        self.prepare_calls()
        if self._existing("history"):
            return
        from easyclick2call.ui.history_window import HistoryWindow

        window = HistoryWindow(self.context, names=self.contacts.names,
                               names_changed=self.contacts.changed)
        window.redial.connect(self.redial)
        self._keep("history", window)

    def show_settings(self, page: str = "account") -> None:
        if self._existing("settings"):
            return
        from easyclick2call.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, page=page)
        dialog.demo_requested.connect(self.try_demo)
        dialog.set_up_requested.connect(self.set_up_account)
        self._keep("settings", dialog)

    def first_run(self) -> None:
        """No account yet (and not the demo): Settings opens on Account, offering the demo."""
        if self.state() == "not_configured" and not self.context.demo:
            self.show_settings("account")

    def show_about(self) -> None:
        if self._existing("about"):
            return
        from easyclick2call.ui.about import AboutDialog

        self._keep("about", AboutDialog(self.context.demo))

    def show_main_window(self) -> None:
        from easyclick2call.ui.main_window import MainWindow

        if self.main_window is None:
            self.main_window = MainWindow(self)
        self.main_window.show()
        self.main_window.raise_()

    def set_up_account(self) -> None:
        """Leave the demo for the user's own account: this instance quits, and the app starts
        again on the real profile with Settings open on Account (nothing of the demo's is
        carried over: its secrets were only ever in memory)."""
        log.info("leaving the demo to set up the account")
        self.relaunch = ["--set-up-account"]
        self.quit()

    def try_demo(self) -> None:
        """Start a demo instance (its own profile) and leave this one."""
        if getattr(sys, "frozen", False):
            QProcess.startDetached(sys.executable, ["--demo"])
        else:
            QProcess.startDetached(sys.executable, ["-m", "easyclick2call", "--demo"])
        self.quit()
