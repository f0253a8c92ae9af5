"""The global shortcut, answered: select a number anywhere, press it, the popup offers the call;
press it again, the popup's selected number is called.

Pressing the shortcut reads the primary selection (the text just highlighted), then the
clipboard when that holds no number, and shows the popup even when watching is paused or off.
While a popup with several numbers that the shortcut opened is shown, Up and Down are held too
and move its selection; the program in front keeps the focus throughout. A shortcut that cannot
be had is reported once (per shortcut and reason), never silently. See docs/shortcut.md.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal

from easyclick2call.core.shortcut import DEFAULT_HOTKEY, Shortcut, parse_shortcut
from easyclick2call.platform import hotkey as platform_hotkey
from easyclick2call.platform.hotkey import DOWN, SHORTCUT, UNAVAILABLE, UP, Problem
from easyclick2call.ui.tasks import run_task

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Hotkey", text)


def problem_text(problem: Problem, shortcut: str) -> str:
    """What to tell the user when `shortcut` cannot be had (translated)."""
    if problem is Problem.TAKEN:
        return tr("{shortcut} is already used by another program. Choose another shortcut in "
                  "Settings › Behaviour.").format(shortcut=shortcut)
    if problem is Problem.NO_KEY:
        return tr("The keyboard has no key for {shortcut}. Choose another shortcut in "
                  "Settings › Behaviour.").format(shortcut=shortcut)
    return tr("This desktop gives EasyClick2Call no global shortcut. Use “Call clipboard now” "
              "in the tray menu, or have your desktop's own shortcut settings run "
              "“easyclick2call call --clipboard”.")


def _numbers_in(text: str, region: str, language: str) -> list:
    """(On a worker) every callable number in `text`."""
    from easyclick2call.core.numbers import find_numbers

    return find_numbers(text, region, language)


class HotkeyController(QObject):
    """Holds the ``hotkey`` setting's shortcut for the app and answers its presses.

    Signals: ``pressed(str)`` (SHORTCUT / UP / DOWN, on the GUI thread, after it was handled
    — tests and benchmarks wait on it), ``problem_reported(str)`` (the message shown)."""

    pressed = Signal(str)
    problem_reported = Signal(str)
    _from_backend = Signal(str)  # from the back-end's thread: queued to the GUI thread

    def __init__(self, app: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.problem: Problem | None = None  # why the current shortcut is not held, if so
        self.started = False
        self._backend: platform_hotkey.HotkeyBackend | None = None
        self._no_backend: Problem | None = None
        self._shortcut: Shortcut | None = None
        self._reported: set[tuple[str, Problem]] = set()
        self._arrows = False
        self._arrow_popup: Any = None  # the popup the shortcut opened, while Up/Down are held
        self._from_backend.connect(self._on_press, Qt.ConnectionType.QueuedConnection)
        app.context.settings_changed.connect(self._setting_changed)
        app.popup_shown.connect(self._popup_shown)

    # -- holding the shortcut -------------------------------------------------------------
    def start(self) -> None:
        self.apply()
        self.started = True

    def close(self) -> None:
        self._no_backend = Problem.UNAVAILABLE  # a start still queued opens nothing
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    def _setting_changed(self, key: str) -> None:
        if key == "hotkey":
            self.apply()

    def apply(self) -> None:
        """Hold the shortcut the setting names now (none when it is empty)."""
        text = str(self.app.context.setting("hotkey", DEFAULT_HOTKEY) or "").strip()
        try:
            self._shortcut = parse_shortcut(text) if text else None
        except ValueError:  # the settings validate it; a hand-edited file falls back there
            self._shortcut = None
        if self._shortcut is None:
            if self._backend is not None:
                self._backend.set_shortcut(None)
            self.problem = None
            return
        if self._backend is None and self._no_backend is None:
            self._backend, self._no_backend = platform_hotkey.open_backend(
                self._from_backend.emit)
        if self._backend is None:
            self.problem = self._no_backend
        else:
            self.problem = self._backend.set_shortcut(self._shortcut)
        if self.problem is not None:
            self._report(self._shortcut.text(), self.problem)
        else:
            log.info("global shortcut held")

    def _report(self, shortcut: str, problem: Problem) -> None:
        if (shortcut, problem) in self._reported:
            return
        self._reported.add((shortcut, problem))
        message = problem_text(problem, shortcut)
        log.warning("global shortcut not held: %s", problem.value)
        self.app.notifier.notify(tr("Global shortcut unavailable"), message, error=True)
        self.problem_reported.emit(message)

    # -- presses --------------------------------------------------------------------------
    def _on_press(self, name: str) -> None:
        if name == UNAVAILABLE:
            self.problem = Problem.UNAVAILABLE
            if self._shortcut is not None:
                self._report(self._shortcut.text(), Problem.UNAVAILABLE)
            return
        popup = self.app.visible_popup()
        log.debug("%s pressed (popup shown: %s)", name, popup is not None)
        if name == SHORTCUT:
            if popup is not None:
                popup.call_selected()
            elif self.app.offer_by_notification and self.app.notification_offer.call_current():
                pass  # the offer shown in a notification: called, as the popup's would be
            else:
                self.app.watcher.read_now(self._selection_read, selection=True)
        elif popup is not None and popup is self._arrow_popup:
            if name == UP:
                popup.select_previous()
            elif name == DOWN:
                popup.select_next()
        self.pressed.emit(name)

    def _scan(self, text: str, then) -> None:
        run_task(_numbers_in, text, self.app.context.region(), self.app.context.language,
                 on_done=then, on_error=lambda _exc: then([]), parent=self)

    def _selection_read(self, text: str | None) -> None:
        if text is None:
            self._read_clipboard()
        else:
            self._scan(text, lambda numbers: self._offer(numbers) or self._read_clipboard())

    def _read_clipboard(self) -> None:
        self.app.watcher.read_now(self._clipboard_read)

    def _clipboard_read(self, text: str | None) -> None:
        if text is None:
            self._nothing()
        else:
            self._scan(text, lambda numbers: self._offer(numbers) or self._nothing())

    def _offer(self, numbers: list) -> bool:
        """Show `numbers` in the popup (even when watching is paused); False for none."""
        if not numbers:
            return False
        popup = self.app.show_popup(numbers, "hotkey")
        if popup is not None and len(popup.call_buttons) > 1:
            self._hold_arrows(popup)
        return True

    def _nothing(self) -> None:
        shortcut = self._shortcut.text() if self._shortcut else ""
        self.app.notifier.notify(tr("No number"), tr(
            "Select or copy a phone number, then press {shortcut}.").format(shortcut=shortcut))

    # -- Up / Down while the shortcut's popup is shown ------------------------------------
    def _hold_arrows(self, popup: Any) -> None:
        if self._backend is None:
            return
        if self._arrow_popup is not popup:
            popup.installEventFilter(self)
        self._arrow_popup = popup
        self._set_arrows(True)

    def _popup_shown(self, popup: Any) -> None:
        """Any popup shown (a copy's too): Up/Down are held only for the shortcut's own."""
        if self._arrows:
            self._set_arrows(False)

    def _set_arrows(self, enabled: bool) -> None:
        if self._backend is not None and enabled != self._arrows:
            self._backend.set_arrows(enabled)
            self._arrows = enabled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._arrow_popup and event.type() == QEvent.Type.Hide:
            self._set_arrows(False)
        return False
