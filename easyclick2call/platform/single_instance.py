"""One running app per profile: a lock file plus a user-only local socket.

The first instance takes the lock file (QLockFile: a lock left by a crashed instance is detected
by its dead process id and taken over) and listens on a local socket whose name is derived from
the profile path (any stale socket file is removed first): a plain user-only Unix socket watched
by a QSocketNotifier on POSIX, a QLocalServer (named pipe) elsewhere. A later launch finds the
lock taken, connects to the socket, hands over its number or tel: URI as a versioned JSON
message and exits.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sys
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, QSocketNotifier, Signal

from easyclick2call.core.paths import sha256  # CPython's own: no OpenSSL loaded at start

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
    digest = sha256(f"{_user()}\0{profile_key}".encode()).hexdigest()[:20]
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
        self.server: _UnixServer | _QtServer | None = None

    def acquire(self) -> bool:
        """Become the running instance if none is; listen for later launches."""
        if not self.lock.tryLock(200):
            return False
        server_class = _UnixServer if _unix_sockets() else _QtServer
        server = server_class(self.name, self._answer, self)
        if not server.listen():
            log.warning("single instance: cannot listen (%s)", server.errorString())
        self.server = server
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def _answer(self, raw: bytes) -> tuple[bytes, dict | None]:
        """The reply to one client line, and the message it carried (None when refused)."""
        message = decode(raw)
        reply: dict = {"ok": message is not None}
        if message is None:
            reply["error"] = f"unsupported message (protocol version {PROTOCOL_VERSION})"
        return encode(reply), message

    def _deliver(self, message: dict) -> None:
        self.message_received.emit(message)


def _unix_sockets() -> bool:
    """Plain Unix sockets serve the hand-over (no QtNetwork: ~2.5 MB less for the idle app)."""
    return os.name == "posix"


def server_path(name: str) -> str:
    """Where the socket named `name` lives (QLocalServer's rule: a bare name goes in the
    temporary folder)."""
    if os.path.isabs(name):
        return name
    from PySide6.QtCore import QDir

    return os.path.join(QDir.tempPath(), name)


class _UnixServer(QObject):
    """The instance's listening socket on POSIX: a user-only Unix socket, driven by
    QSocketNotifier (no thread, no timer, nothing while idle)."""

    def __init__(self, name: str, answer, instance: SingleInstance) -> None:
        super().__init__(instance)
        self._path = server_path(name)
        self._answer = answer
        self._instance = instance
        self._socket: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._clients: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}
        self._error = ""

    def listen(self) -> bool:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path)  # a socket file left by a crash
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(self._path)
            os.chmod(self._path, 0o600)  # this user only (before anyone can connect)
            listener.listen(8)
        except OSError as exc:
            self._error = exc.strerror or type(exc).__name__
            listener.close()
            return False
        listener.setblocking(False)
        self._socket = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return True

    def errorString(self) -> str:  # QLocalServer's names
        return self._error

    def isListening(self) -> bool:
        return self._socket is not None

    def fullServerName(self) -> str:
        return self._path

    def close(self) -> None:
        for fd in list(self._clients):
            self._forget(fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None
            with contextlib.suppress(OSError):
                os.unlink(self._path)

    def _accept(self) -> None:
        while self._socket is not None:
            try:
                client, _address = self._socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                log.warning("single instance: accept failed (%s)", type(exc).__name__)
                return
            client.setblocking(False)
            notifier = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Read, self)
            fd = client.fileno()
            notifier.activated.connect(lambda *_args, f=fd: self._read(f))
            self._clients[fd] = (client, notifier, bytearray())

    def _read(self, fd: int) -> None:
        entry = self._clients.get(fd)
        if entry is None:
            return
        client, _notifier, buffer = entry
        try:
            chunk = client.recv(MAX_MESSAGE_BYTES)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:  # the client went away before a full line
            self._forget(fd)
            return
        buffer += chunk
        if len(buffer) > MAX_MESSAGE_BYTES:
            self._forget(fd)
            return
        if b"\n" not in buffer:
            return
        reply, message = self._answer(bytes(buffer.split(b"\n", 1)[0]))
        with contextlib.suppress(OSError):
            client.setblocking(True)
            client.settimeout(REPLY_TIMEOUT_MS / 1000)
            client.sendall(reply)
        self._forget(fd)
        if message is not None:
            self._instance._deliver(message)

    def _forget(self, fd: int) -> None:
        entry = self._clients.pop(fd, None)
        if entry is None:
            return
        client, notifier, _buffer = entry
        notifier.setEnabled(False)
        notifier.deleteLater()
        with contextlib.suppress(OSError):
            client.shutdown(socket.SHUT_RDWR)
        client.close()


class _QtServer(QObject):
    """The instance's listening socket elsewhere (Windows named pipes): QLocalServer."""

    def __init__(self, name: str, answer, instance: SingleInstance) -> None:
        super().__init__(instance)
        from PySide6.QtNetwork import QLocalServer

        self._name = name
        self._answer = answer
        self._instance = instance
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict = {}

    def listen(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self._name)  # a socket file left by a crash
        return self._server.listen(self._name)

    def errorString(self) -> str:
        return self._server.errorString()

    def isListening(self) -> bool:
        return self._server.isListening()

    def fullServerName(self) -> str:
        return self._server.fullServerName()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            client = self._server.nextPendingConnection()
            self._buffers[client] = bytearray()
            client.readyRead.connect(lambda c=client: self._read(c))
            client.disconnected.connect(lambda c=client: self._forget(c))

    def _forget(self, client) -> None:
        self._buffers.pop(client, None)
        client.deleteLater()

    def _read(self, client) -> None:
        buffer = self._buffers.get(client)
        if buffer is None:
            return
        buffer += bytes(client.readAll().data())
        if len(buffer) > MAX_MESSAGE_BYTES:
            client.abort()
            return
        if b"\n" not in buffer:
            return
        reply, message = self._answer(bytes(buffer.split(b"\n", 1)[0]))
        client.write(QByteArray(reply))
        client.flush()
        client.disconnectFromServer()
        if message is not None:
            self._instance._deliver(message)


def send_to_running(profile_key: str, message: dict, attempts: int = 5) -> dict | None:
    """Hand `message` to the running instance; its reply, or None when it cannot be reached."""
    name = socket_name(profile_key)
    send = _send_unix if _unix_sockets() else _send_qt
    for attempt in range(attempts):
        reply = send(name, encode(message))
        if reply is not None:
            return decode(reply.split(b"\n", 1)[0]) if reply else {"ok": True}
        # The first instance may still be starting: give it a moment.
        time.sleep(0.2 * (attempt + 1))
    return None


def _send_unix(name: str, payload: bytes) -> bytes | None:
    """Send one line; the reply line (b"" when none came), or None when nobody listens."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(CONNECT_TIMEOUT_MS / 1000)
    try:
        client.connect(server_path(name))
    except OSError:
        client.close()
        return None
    data = bytearray()
    with client:
        try:
            client.sendall(payload)
            client.settimeout(REPLY_TIMEOUT_MS / 1000)
            while b"\n" not in data:
                chunk = client.recv(4096)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass
    return bytes(data)


def _send_qt(name: str, payload: bytes) -> bytes | None:
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(CONNECT_TIMEOUT_MS):
        return None
    client.write(QByteArray(payload))
    client.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    data = bytearray()
    deadline = time.monotonic() + REPLY_TIMEOUT_MS / 1000
    while b"\n" not in data and time.monotonic() < deadline:
        if not client.waitForReadyRead(REPLY_TIMEOUT_MS):
            break
        data += bytes(client.readAll().data())
    client.abort()
    return bytes(data)
