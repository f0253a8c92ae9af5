"""Offers as freedesktop notifications with actions (org.freedesktop.Notifications), and the
action the user chose — the offer used where a popup window would take the keyboard focus
(Wayland: the compositor focuses every new window).

One daemon thread owns a session-bus connection (jeepney: Qt's QtDBus cannot express Notify's
exact types): it sends the queued Notify calls, and hears ``ActionInvoked`` and
``NotificationClosed``. Callbacks run on that thread. No Qt import.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import select
import threading
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


@dataclass(frozen=True)
class Offer:
    """One notification to send; `actions` are (key, label) pairs in order."""

    token: int  # the sender's own number for it, given back with the notification's id
    summary: str
    body: str
    actions: tuple[tuple[str, str], ...]
    timeout_ms: int
    replaces_id: int = 0


class DesktopOffers:
    """Sends offers; reports ``on_sent(token, notification_id)`` (0: not shown),
    ``on_action(notification_id, action_key)`` and ``on_closed(notification_id)``."""

    def __init__(self, on_sent: Callable[[int, int], None],
                 on_action: Callable[[int, str], None],
                 on_closed: Callable[[int], None]) -> None:
        self._on_sent, self._on_action, self._on_closed = on_sent, on_action, on_closed
        self._outbox: queue.Queue[Offer | int | None] = queue.Queue()
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)
        self.error: str | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="desktop-offers", daemon=True)
        self._thread.start()

    def send(self, offer: Offer) -> None:
        self._put(offer)

    def withdraw(self, notification_id: int) -> None:
        """Close a notification (CloseNotification)."""
        self._put(notification_id)

    def close(self) -> None:
        if self._closed:
            return
        self._put(None)
        self._thread.join(2)
        self._closed = True
        if not self._thread.is_alive():
            os.close(self._wake_r)
            os.close(self._wake_w)

    def _put(self, item: Offer | int | None) -> None:
        if self._closed:
            return
        self._outbox.put(item)
        with contextlib.suppress(BlockingIOError, OSError):
            os.write(self._wake_w, b"!")

    def _run(self) -> None:
        try:
            from jeepney.io.blocking import open_dbus_connection
        except ImportError:
            self._fail("jeepney is not installed")
            return
        try:
            connection = open_dbus_connection(bus="SESSION")
        except (OSError, KeyError, ValueError) as exc:
            self._fail(f"no session bus ({type(exc).__name__})")
            return
        try:
            self._serve(connection)
        except OSError as exc:  # the bus went away
            log.warning("desktop offers stopped: %s", type(exc).__name__)
        finally:
            connection.close()

    def _serve(self, connection) -> None:
        """The thread's loop: sends what is queued, hands on what the bus says."""
        from jeepney import DBusAddress, MatchRule, MessageType, new_method_call
        from jeepney.bus_messages import message_bus

        address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        rule = MatchRule(type="signal", interface=SERVICE, path=PATH)
        connection.send(message_bus.AddMatch(rule))
        pending: dict[int, int] = {}  # D-Bus serial of a Notify -> the offer's token
        while True:  # sleeps until the bus or the GUI thread has something
            select.select([connection.sock, self._wake_r], [], [])
            with contextlib.suppress(BlockingIOError):
                os.read(self._wake_r, 64)
            while not self._outbox.empty():
                item = self._outbox.get()
                if item is None:
                    return
                if isinstance(item, Offer):
                    actions = [part for key, label in item.actions for part in (key, label)]
                    message = new_method_call(
                        address, "Notify", "susssasa{sv}i",
                        ("EasyClick2Call", item.replaces_id, "phone", item.summary,
                         item.body, actions, {"urgency": ("y", 1)}, item.timeout_ms))
                    serial = next(connection.outgoing_serial)
                    connection.send(message, serial=serial)
                    pending[serial] = item.token
                else:
                    connection.send(new_method_call(address, "CloseNotification", "u",
                                                    (item,)))
            while True:  # every message already there, buffered ones included
                try:
                    message = connection.receive(timeout=0)
                except TimeoutError:
                    break
                self._handle(message, pending, MessageType)

    def _handle(self, message, pending: dict[int, int], kinds) -> None:
        header = message.header
        if header.message_type in (kinds.method_return, kinds.error):
            from jeepney import HeaderFields

            token = pending.pop(header.fields.get(HeaderFields.reply_serial, -1), None)
            if token is not None:
                shown = header.message_type == kinds.method_return and message.body
                self._call(self._on_sent, token, int(message.body[0]) if shown else 0)
        elif header.message_type == kinds.signal:
            from jeepney import HeaderFields

            member = header.fields.get(HeaderFields.member)
            if member == "ActionInvoked":
                self._call(self._on_action, int(message.body[0]), str(message.body[1]))
            elif member == "NotificationClosed":
                self._call(self._on_closed, int(message.body[0]))

    def _fail(self, why: str) -> None:
        """Nothing can be shown: every offer is answered "not shown" until closed."""
        self.error = why
        log.warning("desktop offers unavailable: %s", why)
        while (item := self._outbox.get()) is not None:
            if isinstance(item, Offer):
                self._call(self._on_sent, item.token, 0)

    @staticmethod
    def _call(callback, *args) -> None:
        try:
            callback(*args)
        except Exception:
            log.exception("desktop offer handler failed")
