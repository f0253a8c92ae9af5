"""One running app per profile: a lock file plus a user-only local socket.

The first instance takes the lock file (QLockFile: a lock left by a crashed instance is detected
by its dead process id and taken over) and listens on a QLocalServer whose name is derived from
the profile path (any stale socket file is removed first). A later launch finds the lock taken,
connects to the socket, hands over its number or tel: URI as a versioned JSON message and exits.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 3000
MAX_MESSAGE_BYTES = 64 * 1024
LOCK_NAME = "instance.lock"


def _user() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    return os.environ.get("USERNAME", "user")


def socket_name(profile_key: str) -> str:
    """The server name for a profile: a hash of the user and profile (no path leaks in /tmp).

    On Linux it lives in $XDG_RUNTIME_DIR (user-only) when there is one."""
    digest = hashlib.sha256(f"{_user()}\0{profile_key}".encode()).hexdigest()[:20]
    name = f"easyclick2call-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform.startswith("linux") and runtime and Path(runtime).is_dir():
        return str(Path(runtime) / name)
    return name


def encode(message: dict) -> bytes:
    return (json.dumps({"v": PROTOCOL_VERSION, **message}) + "\n").encode("utf-8")


def decode(raw: bytes) -> dict | None:
    """A message from a client, or None when it is not one of ours (wrong version, not JSON)."""
    try:
        message = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(message, dict) or message.get("v") != PROTOCOL_VERSION:
        return None
    return message


class SingleInstance(QObject):
    """``acquire()`` → True in the first instance (which then gets ``message_received``)."""

    message_received = Signal(dict)

    def __init__(self, profile_key: str, lock_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = socket_name(profile_key)
        lock_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.lock = QLockFile(str(lock_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def acquire(self) -> bool:
        """Become the running instance if none is; listen for later launches."""
        if not self.lock.tryLock(200):
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("single instance: cannot listen (%s)", server.errorString())
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            client = self.server.nextPendingConnection()
            self._buffers[client] = bytearray()
            client.readyRead.connect(lambda c=client: self._read(c))
            client.disconnected.connect(lambda c=client: self._forget(c))

    def _forget(self, client: QLocalSocket) -> None:
        self._buffers.pop(client, None)
        client.deleteLater()

    def _read(self, client: QLocalSocket) -> None:
        buffer = self._buffers.get(client)
        if buffer is None:
            return
        buffer += bytes(client.readAll().data())
        if len(buffer) > MAX_MESSAGE_BYTES:
            client.abort()
            return
        if b"\n" not in buffer:
            return
        raw = bytes(buffer.split(b"\n", 1)[0])
        message = decode(raw)
        reply = {"ok": message is not None}
        if message is None:
            reply["error"] = f"unsupported message (protocol version {PROTOCOL_VERSION})"
        client.write(QByteArray(encode(reply)))
        client.flush()
        client.disconnectFromServer()
        if message is not None:
            self.message_received.emit(message)


def send_to_running(profile_key: str, message: dict, attempts: int = 5) -> dict | None:
    """Hand `message` to the running instance; its reply, or None when it cannot be reached."""
    name = socket_name(profile_key)
    for attempt in range(attempts):
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            socket.write(QByteArray(encode(message)))
            socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
            data = bytearray()
            deadline = time.monotonic() + REPLY_TIMEOUT_MS / 1000
            while b"\n" not in data and time.monotonic() < deadline:
                if not socket.waitForReadyRead(REPLY_TIMEOUT_MS):
                    break
                data += bytes(socket.readAll().data())
            socket.abort()
            return decode(bytes(data).split(b"\n", 1)[0]) if data else {"ok": True}
        # The first instance may still be starting: give it a moment.
        time.sleep(0.2 * (attempt + 1))
    return None
