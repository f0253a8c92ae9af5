"""The offer as a desktop notification: "Call 01 99 00 12 34?" with Call / Dismiss actions
(one action per number when there are several), for where a popup window would take the
keyboard focus (Wayland: the compositor focuses every new window, and Qt has no layer-shell).

The chosen action goes through the app's call path (``CallController.call``), as the popup's
Call button does; each notification places at most one call. A newer offer replaces the one
shown. Sent by platform.desktop_offer on its own thread; nothing here blocks the GUI thread.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from easyclick2call.core.call_gate import Confirmation, blocked_prefix
from easyclick2call.ui.popup import MAX_ROWS, country_name, display, place_text

log = logging.getLogger(__name__)

CALL = "call"
DISMISS = "dismiss"


def tr(text: str) -> str:
    return QCoreApplication.translate("NotificationOffer", text)


def offer_content(numbers: list, options: Any) -> tuple[str, str, list[tuple[str, str]], list]:
    """(summary, body, actions, the numbers the actions call) of an offer."""
    shown = numbers[:MAX_ROWS]
    callable_ = [n for n in shown if blocked_prefix(n.e164, options.blocked_prefixes) is None]
    lines = []
    for found in shown:
        line = f"{display(found, options.user_region)} — {place_text(found)}"
        prefix = blocked_prefix(found.e164, options.blocked_prefixes)
        if prefix is not None:
            line += " — " + tr("not called: numbers starting with {prefix} are blocked").format(
                prefix=prefix)
        lines.append(line)
    if len(shown) == 1:
        summary = tr("Call {number}?").format(number=display(shown[0], options.user_region))
    else:
        summary = tr("Call which number?")
    if options.demo:
        summary += " ({})".format(tr("Demo"))

    def label(found) -> str:
        abroad = options.confirm_international and found.region_code != options.user_region
        if abroad:  # choosing this action is the confirmation the popup's check box asks for
            return tr("Call abroad ({country})").format(country=country_name(found.region_code))
        return tr("Call")

    if len(callable_) == 1 and len(shown) == 1:
        actions = [(CALL, label(callable_[0]))]
    else:
        actions = [(f"{CALL}:{found.e164}", f"{label(found)} {display(found, options.user_region)}")
                   for found in callable_]
    actions.append((DISMISS, tr("Dismiss")))
    return summary, "\n".join(lines), actions, callable_


class NotificationOffer(QObject):
    """Offers numbers in desktop notifications; ``offered(int)`` gives each one's id (0: the
    desktop showed none) and ``chosen(str)`` each action heard, used or not (tests wait on
    them)."""

    offered = Signal(int)
    chosen = Signal(str)
    _sent = Signal(int, int)
    _action = Signal(int, str)
    _closed = Signal(int)

    def __init__(self, app: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._desktop = None  # platform.desktop_offer.DesktopOffers, on first use
        self._next_token = 0
        self._pending: dict[int, list] = {}  # token -> the numbers its actions call
        self._shown: dict[int, list] = {}  # notification id -> the same, until used or closed
        self._current = 0  # the notification shown now: a newer offer replaces it
        queued = Qt.ConnectionType.QueuedConnection
        self._sent.connect(self._on_sent, queued)
        self._action.connect(self._on_action, queued)
        self._closed.connect(self._on_closed, queued)

    def offer(self, numbers: list, options: Any) -> None:
        if self._desktop is None:
            from easyclick2call.platform.desktop_offer import DesktopOffers

            self._desktop = DesktopOffers(self._sent.emit, self._action.emit, self._closed.emit)
        from easyclick2call.platform.desktop_offer import Offer

        summary, body, actions, callable_ = offer_content(list(numbers), options)
        self._next_token += 1
        self._pending[self._next_token] = callable_
        timeout_ms = options.timeout_s * 1000 if options.timeout_s > 0 else 0
        self._desktop.send(Offer(self._next_token, summary, body, tuple(actions), timeout_ms,
                                 replaces_id=self._current))

    def close(self) -> None:
        if self._desktop is not None:
            self._desktop.close()
            self._desktop = None

    def _on_sent(self, token: int, notification_id: int) -> None:
        numbers = self._pending.pop(token, [])
        if notification_id:
            if notification_id != self._current:
                self._shown.pop(self._current, None)
            self._current = notification_id
            self._shown[notification_id] = numbers
        else:
            log.warning("no desktop notification server took the offer")
            self.app.notifier.notify(tr("Cannot offer the number"), tr(
                "This desktop shows no notifications with buttons. Use “Call a number…” in "
                "the tray menu."), error=True)
        self.offered.emit(notification_id)

    def _on_action(self, notification_id: int, key: str) -> None:
        numbers = self._shown.pop(notification_id, None)
        if numbers is None:  # not ours, or already used: one notification, one call at most
            self.chosen.emit(key)
            return
        found = None
        if key == CALL and len(numbers) == 1:
            found = numbers[0]
        elif key.startswith(f"{CALL}:"):
            found = next((n for n in numbers if n.e164 == key[len(CALL) + 1:]), None)
        if found is not None:
            # A number abroad is offered as "Call abroad (country)": choosing it confirms it.
            self.app.calls.call(found, "notification", frozenset({Confirmation.ABROAD}))
        if self._desktop is not None:
            self._desktop.withdraw(notification_id)
        self.chosen.emit(key)

    def call_current(self) -> bool:
        """Call the offer shown now (the global shortcut pressed again): its one number, or the
        first of several; False when no offer is shown or it was used already."""
        numbers = self._shown.get(self._current)
        if not numbers:
            return False
        key = CALL if len(numbers) == 1 else f"{CALL}:{numbers[0].e164}"
        self._on_action(self._current, key)
        return True

    def _on_closed(self, notification_id: int) -> None:
        self._shown.pop(notification_id, None)
