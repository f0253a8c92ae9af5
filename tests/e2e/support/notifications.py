"""A minimal freedesktop notification server on the session bus (what a desktop provides), so
tests can read the summary and body of each notification the app sends.

It owns `org.freedesktop.Notifications`, answers Notify / GetCapabilities /
GetServerInformation / CloseNotification, and records every Notify (with its id and actions);
`invoke(id, key)` does what a click on an action button does: the ActionInvoked signal, then
NotificationClosed. Runs in a thread of the test process over jeepney (a SecretStorage
dependency, pure Python).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from jeepney import DBusAddress, HeaderFields, new_error, new_method_return

from tests.e2e.support.bus_service import BusService

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


@dataclass(frozen=True)
class Notification:
    app_name: str
    summary: str
    body: str
    timeout_ms: int
    id: int = 0
    actions: tuple[tuple[str, str], ...] = ()  # (key, label)
    at: float = 0.0  # time.monotonic() when it arrived


class NotificationServer(BusService):
    """Context manager; `.received` lists the notifications in the order they came."""

    thread_name = "notification-server"
    bus_name = NAME

    def __init__(self) -> None:
        self.received: list[Notification] = []
        self._serial = 0
        super().__init__()

    def invoke(self, notification_id: int, key: str) -> None:
        """Click the action `key` of notification `notification_id`."""
        emitter = DBusAddress(PATH, interface=NAME)
        self.emit(emitter, "ActionInvoked", "us", (notification_id, key))
        self.emit(emitter, "NotificationClosed", "uu", (notification_id, 2))

    def _answer(self, connection, message) -> None:
        member = message.header.fields.get(HeaderFields.member)
        if member == "Notify":
            app_name, replaces, _icon, summary, body, actions, _hints, timeout = message.body
            self._serial += 1
            pairs = tuple(zip(actions[::2], actions[1::2], strict=True))
            with self._lock:
                self.received.append(Notification(app_name, summary, body, timeout,
                                                  replaces or self._serial, pairs,
                                                  time.monotonic()))
            answer = new_method_return(message, "u", (replaces or self._serial,))
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
