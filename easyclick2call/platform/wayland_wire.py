"""A minimal Wayland client in pure Python: the wire protocol over the compositor's socket.

Enough for watching the clipboard (platform.wayland_clipboard): connect, list the globals, bind
some, send requests (with a file descriptor beside one), read events. A message is host-endian
32-bit words: the object id, then its size in bytes (header included) << 16 | the opcode, then
the arguments — uint, int, object and new_id one word each; a string as its length counting the
NUL, its bytes and the NUL, padded to 4 bytes. File descriptors travel beside the bytes
(SCM_RIGHTS). The socket is ``$WAYLAND_DISPLAY`` (an absolute path, or a name in
``$XDG_RUNTIME_DIR``). No Qt import, no library: each change costs no process.
"""

from __future__ import annotations

import array
import contextlib
import os
import select
import socket
import struct
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DISPLAY_ID = 1
# wl_display
SYNC, GET_REGISTRY = 0, 1
ERROR = 0  # event
# wl_registry
BIND = 0  # request
GLOBAL = 0  # event
# wl_callback
DONE = 0

_WORD = struct.Struct("=I")
_HEADER = struct.Struct("=II")
_MAX_FDS = 28  # what libwayland accepts in one message


class WaylandError(OSError):
    """The compositor cannot be reached, closed the connection or reported a protocol error."""


def socket_path(env: Mapping[str, str] | None = None) -> Path:
    """Where the compositor listens, from the environment."""
    env = os.environ if env is None else env
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    if os.path.isabs(name):
        return Path(name)
    runtime = env.get("XDG_RUNTIME_DIR")
    if not runtime:
        raise WaylandError("XDG_RUNTIME_DIR is not set: no Wayland socket to connect to")
    return Path(runtime) / name


def uint(value: int) -> bytes:
    return _WORD.pack(value & 0xFFFFFFFF)


def string(value: str) -> bytes:
    data = value.encode("utf-8") + b"\0"
    return uint(len(data)) + data + b"\0" * (-len(data) % 4)


def read_uint(payload: bytes, offset: int = 0) -> tuple[int, int]:
    """The uint at `offset` and the offset after it."""
    return _WORD.unpack_from(payload, offset)[0], offset + 4


def read_string(payload: bytes, offset: int = 0) -> tuple[str | None, int]:
    """The string at `offset` (None for a null one) and the offset after it."""
    length, offset = read_uint(payload, offset)
    if length == 0:
        return None, offset
    text = payload[offset:offset + length - 1].decode("utf-8", "replace")
    return text, offset + length + (-length % 4)


@dataclass(frozen=True)
class Event:
    object_id: int
    opcode: int
    payload: bytes


@dataclass(frozen=True)
class Global:
    name: int
    interface: str
    version: int


@dataclass
class Connection:
    """One connection to the compositor. Not thread-safe, except :meth:`shutdown`.

    Descriptors the compositor passes are closed, unless `keep_fds`: then they wait in `fds`,
    in the order of the events that carry them."""

    sock: socket.socket
    keep_fds: bool = False
    fds: list[int] = field(default_factory=list)
    _next_id: int = 2
    _inbox: bytearray = field(default_factory=bytearray)
    _pending: list[Event] = field(default_factory=list)

    @classmethod
    def open(cls, env: Mapping[str, str] | None = None, keep_fds: bool = False) -> Connection:
        path = socket_path(env)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(str(path))
        except OSError as exc:
            sock.close()
            raise WaylandError(f"cannot reach the Wayland compositor at {path}: "
                               f"{exc.strerror or exc}") from exc
        return cls(sock, keep_fds)

    def new_id(self) -> int:
        object_id, self._next_id = self._next_id, self._next_id + 1
        return object_id

    def send(self, object_id: int, opcode: int, *args: bytes, fd: int | None = None) -> None:
        body = b"".join(args)
        message = _HEADER.pack(object_id, (len(body) + 8) << 16 | opcode) + body
        try:
            if fd is None:
                self.sock.sendall(message)
            else:
                fds = array.array("i", [fd])
                sent = self.sock.sendmsg([message], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)])
                if sent < len(message):
                    self.sock.sendall(message[sent:])
        except OSError as exc:
            raise WaylandError(f"the Wayland connection failed: {exc.strerror or exc}") from exc

    def events(self, timeout: float | None = None) -> list[Event]:
        """The events that arrived, waiting for at least one (up to `timeout` seconds, then
        []). Raises WaylandError when the compositor closed the connection or sent an error."""
        found, self._pending = self._pending, []
        found += self._parse()
        deadline = None if timeout is None else time.monotonic() + timeout
        while not found:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0 or not wait_readable(self.sock.fileno(), left):
                    return []
            try:
                data, ancillary, _flags, _addr = self.sock.recvmsg(
                    65536, socket.CMSG_SPACE(_MAX_FDS * 4))
            except OSError as exc:
                raise WaylandError(f"the Wayland connection failed: {exc.strerror or exc}") \
                    from exc
            passed = _passed_fds(ancillary)
            if self.keep_fds:
                self.fds += passed
            else:
                for fd in passed:
                    os.close(fd)
            if not data:
                raise WaylandError("the Wayland compositor closed the connection")
            self._inbox += data
            found = self._parse()
        for event in found:
            if event.object_id == DISPLAY_ID and event.opcode == ERROR:
                _object, offset = read_uint(event.payload)
                code, offset = read_uint(event.payload, offset)
                message, _ = read_string(event.payload, offset)
                raise WaylandError(f"Wayland protocol error {code}: {message}")
        return found

    def _parse(self) -> list[Event]:
        found = []
        while len(self._inbox) >= 8:
            object_id, word = _HEADER.unpack_from(self._inbox)
            size = word >> 16
            if size < 8:
                raise WaylandError("the Wayland compositor sent a malformed message")
            if len(self._inbox) < size:
                break
            found.append(Event(object_id, word & 0xFFFF, bytes(self._inbox[8:size])))
            del self._inbox[:size]
        return found

    def registry(self, timeout: float = 5.0) -> tuple[int, list[Global]]:
        """Asks for the globals: the registry's id and the globals."""
        registry = self.new_id()
        self.send(DISPLAY_ID, GET_REGISTRY, uint(registry))
        globals_: list[Global] = []
        for event in self.roundtrip(timeout):
            if event.object_id == registry and event.opcode == GLOBAL:
                name, offset = read_uint(event.payload)
                interface, offset = read_string(event.payload, offset)
                version, _ = read_uint(event.payload, offset)
                globals_.append(Global(name, interface or "", version))
        return registry, globals_

    def bind(self, registry: int, found: Global, version: int) -> int:
        object_id = self.new_id()
        self.send(registry, BIND, uint(found.name), string(found.interface),
                  uint(min(version, found.version)), uint(object_id))
        return object_id

    def roundtrip(self, timeout: float = 5.0) -> list[Event]:
        """Every event the compositor sends before it answers a sync (sent now)."""
        callback = self.new_id()
        self.send(DISPLAY_ID, SYNC, uint(callback))
        deadline = time.monotonic() + timeout
        met: list[Event] = []
        while True:
            left = deadline - time.monotonic()
            batch = self.events(max(left, 0.0))
            if not batch:
                raise WaylandError("the Wayland compositor did not answer in time")
            for index, event in enumerate(batch):
                if event.object_id == callback and event.opcode == DONE:
                    self._pending = batch[index + 1:] + self._pending  # kept for events()
                    return met
                met.append(event)

    def shutdown(self) -> None:
        """Ends the connection (from any thread): a reader waiting in events() gets an error."""
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.sock.close()


def wait_readable(fd: int, timeout: float) -> bool:
    """Waits up to `timeout` seconds for `fd` to have something to read (or its end)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(max(0, int(timeout * 1000) + 1)))


def _passed_fds(ancillary: list) -> list[int]:
    """The descriptors that came with a read."""
    passed: list[int] = []
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds = array.array("i")
            fds.frombytes(data[:len(data) - len(data) % fds.itemsize])
            passed += fds
    return passed
