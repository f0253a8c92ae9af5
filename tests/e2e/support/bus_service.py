"""A D-Bus service on the session bus, run by a thread of the test process over jeepney (what a
desktop provides: the notification server, a portal). Subclasses answer the method calls."""

from __future__ import annotations

import contextlib
import queue

from jeepney import DBusAddress, MessageType, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

from tests.e2e.support.background import Background

DO_NOT_QUEUE = 4
PRIMARY_OWNER = 1


class BusService(Background):
    """Owns `bus_name`; sends what `emit` queues; hands each method call to `_answer`."""

    bus_name = ""

    def __init__(self) -> None:
        self._signals: queue.Queue[tuple[DBusAddress, str, str, tuple]] = queue.Queue()
        super().__init__()

    def emit(self, address: DBusAddress, member: str, signature: str, body: tuple) -> None:
        """Send the signal `member` from this service (on its thread, in order)."""
        self._signals.put((address, member, signature, body))

    def _answer(self, connection, message) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        try:
            connection = open_dbus_connection(bus="SESSION")
        except BaseException as exc:  # surfaced by __enter__
            self._error = exc
            self._ready.set()
            return
        with contextlib.closing(connection):
            reply = connection.send_and_get_reply(
                message_bus.RequestName(self.bus_name, DO_NOT_QUEUE), timeout=10)
            if reply.body != (PRIMARY_OWNER,):
                self._error = RuntimeError(f"{self.bus_name} is already owned on this bus")
                self._ready.set()
                return
            self._ready.set()
            while not self._stop.is_set():
                while not self._signals.empty():
                    address, member, signature, body = self._signals.get()
                    connection.send(new_signal(address, member, signature, body))
                try:
                    message = connection.receive(timeout=0.05)
                except TimeoutError:
                    continue
                if message.header.message_type == MessageType.method_call:
                    self._answer(connection, message)
