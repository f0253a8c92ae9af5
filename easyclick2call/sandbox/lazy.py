"""The demo's sandbox, made when its first request comes.

The emulator (http.server, email parsing, OpenSSL hashing, its state) costs about 10 MB; a demo
tray app may wait hours before its first call. `LazySandbox` binds the port at once (the address
is known and connections queue there), waits for a connection on a thread that sleeps in
select() — no timer, no wake-up while idle — and only then builds the real `SandboxServer` over
the same socket, which answers everything from then on.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
from typing import TYPE_CHECKING, Any

from easyclick2call.sandbox import demo_account

# Every Click2Call of the demo plays this on the live-event stream (sandbox.events).
DEMO_CLICK2CALL_SCRIPT = {"ring_s": 2.0, "answer": True, "talk_s": 6.0}

if TYPE_CHECKING:
    from easyclick2call.sandbox.server import SandboxServer

HOST = "127.0.0.1"


class LazySandbox:
    """A `SandboxServer` on 127.0.0.1:`port` (0: a free one), made on first use."""

    def __init__(self, port: int = 0) -> None:
        listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listening.bind((HOST, port))
            listening.listen(128)
        except OSError:
            listening.close()
            raise
        self._listening: socket.socket | None = listening
        self.host = HOST
        self.port = listening.getsockname()[1]
        self._server: SandboxServer | None = None
        self._lock = threading.Lock()
        self._stopped = False
        self._waiter: threading.Thread | None = None
        self._wake_r, self._wake_w = os.pipe()
        self._alive_callbacks: list = []

    # -- addresses (no emulator needed) ----------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def endpoint(self) -> str:
        return self.base_url + "/1.0"

    def seed_info(self) -> dict:
        """What the demo writes into its settings and keyring: the seeded account."""
        return {
            "endpoint": self.endpoint,
            "application_key": demo_account.DEMO_APPLICATION_KEY,
            "application_secret": demo_account.DEMO_APPLICATION_SECRET,
            "consumer_key": demo_account.DEMO_CONSUMER_KEY,
            "billing_account": demo_account.DEMO_BILLING_ACCOUNT,
            "lines": sorted(line for line, _description in demo_account.DEMO_LINES),
        }

    # -- life cycle -----------------------------------------------------------------------
    def start(self) -> LazySandbox:
        """Answer from now on: the emulator is made when the first connection comes (or serves
        at once if something made it already)."""
        with self._lock:
            if self._waiter is not None or self._stopped:
                return self
            self._waiter = threading.Thread(target=self._wait_for_first_connection,
                                            name=f"ovh-sandbox-{self.port}", daemon=True)
            if self._server is not None:
                self._server.start()
            else:
                self._waiter.start()
        return self

    def server(self) -> SandboxServer:
        """The emulator (made now if it was not yet); serving if start() was called."""
        with self._lock:
            if self._stopped:
                raise RuntimeError("the sandbox is stopped")
            if self._server is None:
                from easyclick2call.sandbox.server import SandboxServer

                server = SandboxServer(host=self.host, port=self.port)
                server.events.script = dict(DEMO_CLICK2CALL_SCRIPT)  # a short realistic call
                server.listen(self._listening)
                self._listening = None  # the server owns it now
                self._server = server
                callbacks, self._alive_callbacks = self._alive_callbacks, []
            else:
                callbacks = []
            if self._waiter is not None:  # started
                self._server.start()
            server = self._server
        for callback in callbacks:
            callback()
        return server

    def when_alive(self, callback) -> bool:
        """True when the emulator exists; else `callback()` is called (from the thread that
        builds it) once it does, and False is returned."""
        with self._lock:
            if self._server is not None:
                return True
            self._alive_callbacks.append(callback)
            return False

    def _wait_for_first_connection(self) -> None:
        listening = self._listening
        if listening is None:
            return
        with contextlib.suppress(OSError, ValueError, RuntimeError):  # stopped meanwhile
            ready, _, _ = select.select([listening, self._wake_r], [], [])
            if listening in ready and not self._stopped:
                self.server()  # accepts the waiting connection and serves it

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            server, listening = self._server, self._listening
            self._listening = None
        with contextlib.suppress(OSError):
            os.write(self._wake_w, b"!")
        if self._waiter is not None and self._waiter.is_alive():
            self._waiter.join(5)
        if server is not None:
            server.stop()
        if listening is not None:
            listening.close()
        os.close(self._wake_r)
        os.close(self._wake_w)

    def __getattr__(self, name: str) -> Any:
        """Anything else (info(), calls(), faults…) is the emulator's."""
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.server(), name)
