"""A minimal freedesktop notification server on the session bus (what a desktop provides), so
tests can read the summary and body of each notification the app sends.

It owns `org.freedesktop.Notifications`, answers Notify / GetCapabilities /
GetServerInformation / CloseNotification, and records every Notify (with its id and actions);
`invoke(id, key)` does what a click on an action button does: the ActionInvoked signal, then
NotificationClosed. Runs in a thread of the test process over jeepney (a SecretStorage
dependency, pure Python).
"""

from __future__ import annotations

import contextlib
import queue
import time
from dataclasses import dataclass

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

from tests.e2e.support.background import Background

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
DO_NOT_QUEUE = 4
PRIMARY_OWNER = 1


@dataclass(frozen=True)
class Notification:
    app_name: str
    summary: str
    body: str
    timeout_ms: int
    id: int = 0
    actions: tuple[tuple[str, str], ...] = ()  # (key, label)
    at: float = 0.0  # time.monotonic() when it arrived


class NotificationServer(Background):
    """Context manager; `.received` lists the notifications in the order they came."""

    thread_name = "notification-server"

    def __init__(self) -> None:
        self.received: list[Notification] = []
        self._signals: queue.Queue[tuple[str, str, tuple]] = queue.Queue()
        super().__init__()

    def invoke(self, notification_id: int, key: str) -> None:
        """Click the action `key` of notification `notification_id`."""
        self._signals.put(("ActionInvoked", "us", (notification_id, key)))
        self._signals.put(("NotificationClosed", "uu", (notification_id, 2)))

    def _run(self) -> None:
        try:
            connection = open_dbus_connection(bus="SESSION")
        except BaseException as exc:  # surfaced by __enter__
            self._error = exc
            self._ready.set()
            return
        with contextlib.closing(connection):
            reply = connection.send_and_get_reply(message_bus.RequestName(NAME, DO_NOT_QUEUE),
                                                  timeout=10)
            if reply.body != (PRIMARY_OWNER,):
                self._error = RuntimeError(f"{NAME} is already owned on this bus")
                self._ready.set()
                return
            self._ready.set()
            serial = 0
            emitter = DBusAddress(PATH, interface=NAME)
            while not self._stop.is_set():
                while not self._signals.empty():
                    member, signature, body = self._signals.get()
                    connection.send(new_signal(emitter, member, signature, body))
                try:
                    message = connection.receive(timeout=0.1)
                except TimeoutError:
                    continue
                if message.header.message_type != MessageType.method_call:
                    continue
                member = message.header.fields.get(HeaderFields.member)
                if member == "Notify":
                    app_name, replaces, _icon, summary, body, actions, _hints, timeout = \
                        message.body
                    serial += 1
                    pairs = tuple(zip(actions[::2], actions[1::2], strict=True))
                    with self._lock:
                        self.received.append(Notification(app_name, summary, body, timeout,
                                                           replaces or serial, pairs,
                                                           time.monotonic()))
                    answer = new_method_return(message, "u", (replaces or serial,))
                elif member == "GetCapabilities":
                    answer = new_method_return(message, "as", (["body", "actions"],))
                elif member == "GetServerInformation":
                    answer = new_method_return(message, "ssss",
                                               ("ec2c-tests", "EasyClick2Call", "1", "1.2"))
                elif member == "CloseNotification":
                    answer = new_method_return(message)
                else:
                    answer = new_error(message, "org.freedesktop.DBus.Error.UnknownMethod")
                connection.send(answer)

    def notifications(self) -> list[Notification]:
        with self._lock:
            return list(self.received)

    def matching(self, summary_part: str) -> list[Notification]:
        return [n for n in self.notifications() if summary_part in n.summary]
