"""Watch the Wayland clipboard (and primary selection) in the background through the
compositor's data-control protocol, as clipboard managers do.

The app talks to the compositor itself (platform.wayland_wire, one connection per watched
selection, on its own thread): it binds the seat and the data-control manager
(``ext_data_control_manager_v1``, or the older ``zwlr_data_control_manager_v1``), gets the
seat's data-control device and hears of each new selection with its offered types. For a new
selection it asks for the password managers' hint when one is offered, then the text through a
pipe; no process is started per change. Only text is passed on; a non-text offer is reported
without its content, and so is a concealed one (platform.clipboard.concealed). The text is never
logged. wlroots compositors (Sway, Hyprland, river…) and KDE Plasma offer data-control; GNOME
does not (the app keeps XWayland there). See docs/wayland.md.

Pure Python, no Qt import.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from easyclick2call.platform.clipboard.concealed import is_concealed
from easyclick2call.platform.wayland_wire import (
    Connection,
    WaylandError,
    read_string,
    read_uint,
    string,
    uint,
    wait_readable,
)

log = logging.getLogger(__name__)

TEXT = "text"
CONCEALED = "concealed"
NOT_TEXT = "not-text"

# In the order of preference: the first one offered is read.
TEXT_TYPES = ("text/plain;charset=utf-8", "UTF8_STRING", "text/plain;charset=UTF-8",
              "text/plain", "STRING", "TEXT")
NO_DATA_CONTROL = "data-control"  # the reason given when the compositor lacks the protocol
READ_TIMEOUT = 10.0  # seconds for one selection's content to arrive

# Managers by preference, with the version asked for (2 of zwlr brings the primary selection).
MANAGERS = {"ext_data_control_manager_v1": 1, "zwlr_data_control_manager_v1": 2}
GET_DATA_DEVICE = 1  # manager request
DATA_OFFER, SELECTION, FINISHED, PRIMARY_SELECTION = 0, 1, 2, 3  # device events
OFFER = 0  # offer event: one offered type
RECEIVE, OFFER_DESTROY = 0, 1  # offer requests


@dataclass(frozen=True)
class WaylandChange:
    """One new selection: the text (status TEXT), or why there is none; `startup` for the
    content that was there when watching began."""

    primary: bool
    status: str
    text: str | None = None
    startup: bool = False


class NoDataControlError(WaylandError):
    """The compositor offers no data-control manager (or no seat)."""


def change_for(types: list[str], read: Callable[[str], bytes | None], primary: bool,
               startup: bool = False) -> WaylandChange:
    """What a selection offering `types` amounts to; `read(type)` fetches one type's bytes
    (None when it could not be read): the hint only when offered, the text only when not
    concealed."""
    if is_concealed(types, lambda kind: read(kind) or b""):
        return WaylandChange(primary, CONCEALED, None, startup)
    kind = next((kind for kind in TEXT_TYPES if kind in types), None)
    data = None if kind is None else read(kind)
    if data is None:
        return WaylandChange(primary, NOT_TEXT, None, startup)
    return WaylandChange(primary, TEXT, data.decode("utf-8", "replace"), startup)


def open_data_control(conn: Connection) -> tuple[int, int]:
    """Binds the seat and the data-control manager and gets the seat's data-control device:
    (the manager's id, the device's id). NoDataControlError when the compositor has neither."""
    registry, globals_ = conn.registry()
    seat = next((found for found in globals_ if found.interface == "wl_seat"), None)
    manager = next((found for name in MANAGERS for found in globals_
                    if found.interface == name), None)
    if seat is None or manager is None:
        raise NoDataControlError("this compositor offers no data-control")
    seat_id = conn.bind(registry, seat, 1)
    manager_id = conn.bind(registry, manager, MANAGERS[manager.interface])
    device = conn.new_id()
    conn.send(manager_id, GET_DATA_DEVICE, uint(device), uint(seat_id))
    return manager_id, device


class DataControlDevice:
    """The seat's clipboard and primary selection through data-control, on a connection of
    its own. Blocking: use it off the GUI thread."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        self.conn = Connection.open(env)
        try:
            _manager, self.device = open_data_control(self.conn)
        except BaseException:
            self.conn.close()
            raise
        self._types: dict[int, list[str]] = {}
        self.current: dict[bool, int | None] = {False: None, True: None}
        self.changes: dict[bool, int] = {False: 0, True: 0}  # selection events seen so far

    def startup(self) -> None:
        """Waits for the compositor to have told the selections there now."""
        for event in self.conn.roundtrip():
            self._handle(event)

    def wait(self, timeout: float | None = None) -> None:
        """Handles the events that come next (waiting for some)."""
        for event in self.conn.events(timeout):
            self._handle(event)

    def read_current(self, primary: bool, startup: bool = False) -> WaylandChange | None:
        """The selection there now (None when there is none)."""
        offer = self.current[primary]
        if offer is None:
            return None
        return change_for(self._types.get(offer, []), lambda kind: self._receive(offer, kind),
                          primary, startup)

    def shutdown(self) -> None:
        self.conn.shutdown()

    def close(self) -> None:
        self.conn.close()

    def _handle(self, event) -> None:
        if event.object_id == self.device:
            if event.opcode == DATA_OFFER:
                self._types[read_uint(event.payload)[0]] = []
            elif event.opcode in (SELECTION, PRIMARY_SELECTION):
                primary = event.opcode == PRIMARY_SELECTION
                previous = self.current[primary]
                self.current[primary] = read_uint(event.payload)[0] or None
                self.changes[primary] += 1
                self._release(previous)
            elif event.opcode == FINISHED:
                raise WaylandError("the seat's data-control device was withdrawn")
        elif event.opcode == OFFER and event.object_id in self._types:
            kind, _ = read_string(event.payload)
            if kind:
                self._types[event.object_id].append(kind)

    def _release(self, offer: int | None) -> None:
        if offer is not None and offer not in self.current.values():
            self._types.pop(offer, None)
            self.conn.send(offer, OFFER_DESTROY)

    def _receive(self, offer: int, kind: str) -> bytes | None:
        """One type of an offer, through a pipe the source writes to (None on a timeout)."""
        reader, writer = os.pipe()
        try:
            try:
                self.conn.send(offer, RECEIVE, string(kind), fd=writer)
            finally:
                os.close(writer)
            chunks = []
            deadline = time.monotonic() + READ_TIMEOUT
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not wait_readable(reader, left):
                    log.warning("the clipboard's owner did not hand over its content in time")
                    return None
                chunk = os.read(reader, 1 << 16)
                if not chunk:
                    return b"".join(chunks)
                chunks.append(chunk)
        finally:
            os.close(reader)


def read_text(primary: bool = False, env: Mapping[str, str] | None = None) -> str | None:
    """The text of the clipboard (or primary selection) now, by the same rules as the watcher
    (None for none, concealed or non-text content); blocks: call it off the GUI thread."""
    try:
        device = DataControlDevice(env)
    except WaylandError as exc:
        log.info("cannot read the Wayland clipboard: %s", exc)
        return None
    try:
        device.startup()
        change = device.read_current(primary)
    except WaylandError as exc:
        log.info("cannot read the Wayland clipboard: %s", exc)
        return None
    finally:
        device.close()
    return change.text if change is not None else None


class DataControlWatcher:
    """Watches the clipboard (or the primary selection) and reports each change from a thread.

    ``on_change(WaylandChange)`` and ``on_stopped(reason)`` are called on that thread; reason is
    NO_DATA_CONTROL when the compositor lacks the protocol, else what went wrong."""

    def __init__(self, on_change: Callable[[WaylandChange], None],
                 on_stopped: Callable[[str], None], primary: bool = False,
                 env: Mapping[str, str] | None = None) -> None:
        self.primary = primary
        self._on_change = on_change
        self._on_stopped = on_stopped
        self._env = env
        self._closing = False
        self._lock = threading.Lock()
        self._device: DataControlDevice | None = None
        self._thread = threading.Thread(target=self._run, daemon=True,
                                        name="wayland-primary" if primary else "wayland-clipboard")
        self._thread.start()

    def _run(self) -> None:
        try:
            device = DataControlDevice(self._env)
        except NoDataControlError:
            self._stopped(NO_DATA_CONTROL)
            return
        except WaylandError as exc:
            self._stopped(str(exc))
            return
        with self._lock:
            if self._closing:
                device.close()
                return
            self._device = device
        try:
            device.startup()
            self._report(device.read_current(self.primary, startup=True))
            seen = device.changes[self.primary]
            while True:
                device.wait()
                if device.changes[self.primary] != seen:  # only the newest of a burst is read
                    seen = device.changes[self.primary]
                    self._report(device.read_current(self.primary))
        except WaylandError as exc:
            if not self._closing:
                self._stopped(str(exc))
        finally:
            device.close()

    def _report(self, change: WaylandChange | None) -> None:
        if change is None or self._closing:
            return
        try:
            self._on_change(change)
        except Exception:
            log.exception("wayland clipboard handler failed")

    def _stopped(self, reason: str) -> None:
        if self._closing:
            return
        log.warning("Wayland clipboard watching stopped (%s)", reason)
        self._on_stopped(reason)

    def close(self) -> None:
        with self._lock:
            self._closing = True
            device = self._device
        if device is not None:
            device.shutdown()
        self._thread.join(2)
