"""`SandboxServer`: a local OVHcloud API emulator on loopback (standard library only).

Its protocol — `info()`, the routes and the checks in order, the sandbox's choices where OVHcloud
is not documented, the control routes (calls, faults, events) — is described in docs/sandbox.md.
"""

from __future__ import annotations

import contextlib
import ipaddress
import itertools
import logging
import secrets
import socket
import sys
import threading
import time
from http.server import ThreadingHTTPServer
from types import TracebackType

from easyclick2call.sandbox import errors, extras, state
from easyclick2call.sandbox.api import DEFAULT_TIME_WINDOW, DEFAULT_TOKEN_LIFETIME, SandboxApi
from easyclick2call.sandbox.events import DEFAULT_HOLD_S, EventHub
from easyclick2call.sandbox.faults import Fault, FaultBook
from easyclick2call.sandbox.handler import SandboxHandler

log = logging.getLogger(__name__)

_CONTROL_KEYS = ("clear", "expire_consumer_key", "clock_offset", "auth_time_offset", "error_shape")


class NotLoopbackError(ValueError):
    """The sandbox only ever listens on a loopback address."""


def check_loopback(host: str) -> str:
    """The host if it is a loopback address (or "localhost" → 127.0.0.1); raises otherwise."""
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is None or not address.is_loopback:
        raise NotLoopbackError(
            f"The sandbox only listens on loopback (127.0.0.1 or ::1), not on {host!r}."
        )
    return host


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], sandbox: SandboxServer, ipv6: bool,
                 listening: socket.socket | None = None) -> None:
        self.address_family = socket.AF_INET6 if ipv6 else socket.AF_INET
        self.sandbox = sandbox
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, SandboxHandler, bind_and_activate=listening is None)
        if listening is not None:  # a socket already bound and listening (sandbox.lazy)
            self.socket.close()
            self.socket = listening
            self.server_address = listening.getsockname()[:2]

    def process_request(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:  # type: ignore[no-untyped-def]
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        """A client that went away before its answer (it gave up waiting, as a real client
        does on a timeout) is normal for a server; anything else is logged, never printed."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        log.warning("sandbox: a request failed: %s", type(error).__name__, exc_info=True)

    def close_connections(self) -> None:
        """End the kept-alive connections, so that no handler thread outlives the server."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class SandboxServer:
    """The emulator; `start()` serves in a daemon thread, `stop()` shuts it down."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        state_file: str | None = None,
        *,
        time_window: int = DEFAULT_TIME_WINDOW,
        error_shape: str = errors.SHAPE_SUPERSET,
        token_lifetime: int = DEFAULT_TOKEN_LIFETIME,
        events_hold: float = DEFAULT_HOLD_S,
    ) -> None:
        self.host = check_loopback(host)
        self.port = port
        if error_shape not in errors.ERROR_SHAPES:
            raise ValueError(f"error_shape must be one of {errors.ERROR_SHAPES}")
        self.error_shape = error_shape
        self.state = state.SandboxState(state_file)
        self.api = SandboxApi(
            self.state,
            lambda: self.base_url,
            time_window=time_window,
            token_lifetime=token_lifetime,
        )
        self.phonebooks, self.consumption = extras.install(self.api)
        self.faults = FaultBook()
        self._httpd: _HttpServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self.events = EventHub(self.state, self._stopping, hold_s=events_hold)  # sandbox.events
        self.api.call_listeners.append(self.events.on_call)
        self._query_ids = itertools.count(1)

    # Life cycle --------------------------------------------------------------------------------

    def listen(self, listening: socket.socket | None = None) -> SandboxServer:
        """Bind the port (its address is then known) without answering yet: connections wait
        in the listen queue until start(). `listening`: a socket already bound to this host and
        listening, to serve instead of binding one."""
        if self._httpd is None:
            self._stopping.clear()
            ipv6 = ":" in self.host
            self._httpd = _HttpServer((self.host, self.port), self, ipv6, listening)
            self.port = self._httpd.server_address[1]
        return self

    def start(self) -> SandboxServer:
        if self._thread is not None:
            return self
        self.listen()
        # No poll interval: an idle sandbox (demo mode) never wakes the process up; stop()
        # wakes the loop with a connection of its own.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": None},
            name=f"ovh-sandbox-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self.events.wake()
        httpd, thread = self._httpd, self._thread
        self._httpd = self._thread = None
        if httpd is None:
            return
        if thread is not None:
            stopper = threading.Thread(target=httpd.shutdown, daemon=True)
            stopper.start()
            while stopper.is_alive():
                self._wake_serve_loop()
                stopper.join(timeout=0.05)
            thread.join(timeout=5)
        httpd.server_close()
        httpd.close_connections()

    def _wake_serve_loop(self) -> None:
        """Open and close one connection, so that the blocked serve loop sees shutdown()."""
        with contextlib.suppress(OSError):
            socket.create_connection((self.host, self.port), timeout=1).close()

    def serve_until(self, stop: threading.Event) -> None:
        """Block until `stop` is set (used by the CLI command), then stop."""
        try:
            while not stop.wait(0.5):
                pass
        finally:
            self.stop()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def wait(self, seconds: float) -> bool:
        """Sleep (for a delayed answer); False if the server is stopping meanwhile."""
        return not self._stopping.wait(seconds)

    def next_query_id(self) -> str:
        return f"EU.ext-sandbox.{int(time.time()):x}.{next(self._query_ids)}.{secrets.token_hex(8)}"

    # Addresses ---------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the sandbox is not started")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def endpoint(self) -> str:
        return self.base_url + "/1.0"

    @property
    def oauth2_token_url(self) -> str:
        return self.base_url + "/auth/oauth2/token"

    # Inspection --------------------------------------------------------------------------------

    def info(self) -> dict:
        data = self.state.snapshot()
        account = data["billing_accounts"].get(state.DEMO_BILLING_ACCOUNT) or next(
            iter(data["billing_accounts"].values())
        )
        lines = sorted(account["lines"])
        users = [
            {"id": int(user_id), "login": user["login"], "line": line}
            for line in lines
            for user_id, user in sorted(account["lines"][line]["users"].items())
        ]
        return {
            "endpoint": self.endpoint,
            "base_url": self.base_url,
            "oauth2_token_url": self.oauth2_token_url,
            "events_url": self.base_url + "/events/",
            "application_key": state.DEMO_APPLICATION_KEY,
            "application_secret": state.DEMO_APPLICATION_SECRET,
            "consumer_key": state.DEMO_CONSUMER_KEY,
            "client_id": state.DEMO_CLIENT_ID,
            "client_secret": state.DEMO_CLIENT_SECRET,
            "billing_account": state.DEMO_BILLING_ACCOUNT,
            "lines": lines,
            "line_descriptions": {line: account["lines"][line]["description"] for line in lines},
            "click2call_users": users,
            "time_window": self.api.time_window,
            "error_shape": self.error_shape,
        }

    def calls(self) -> list[dict]:
        """The calls placed so far, oldest first."""
        return self.state.snapshot()["calls"]

    def clear_calls(self) -> None:
        with self.state.lock:
            self.state.data["calls"].clear()
            self.state.save()

    def credential_status(self, consumer_key: str) -> str | None:
        with self.state.lock:
            credential = self.state.data["credentials"].get(consumer_key)
            return None if credential is None else credential["status"]

    # Test helpers (no browser needed) ----------------------------------------------------------

    def validate_consumer_key(self, ck: str, validity: int | None = None) -> None:
        """Grant a pending consumer key, as the Authorize button does."""
        self.api.decide(ck, "validated", validity=validity)

    def expire_consumer_key(self, ck: str) -> None:
        self.api.decide(ck, "expired")

    def create_consumer_key(
        self,
        rules: list[dict],
        status: str = "validated",
        application_key: str = state.DEMO_APPLICATION_KEY,
    ) -> str:
        """A new consumer key with `rules` ([{"method", "path"}]) in `status`."""
        consumer_key, _ = self.state.add_credential(application_key, rules, status=status)
        return consumer_key

    # Faults ------------------------------------------------------------------------------------

    def inject_fault(self, spec: dict | list | None = None, **fields: object) -> dict:
        """Same as `POST /sandbox/faults` (a dict, a list of dicts, or keyword arguments)."""
        if spec is None:
            spec = dict(fields)
        elif fields:
            raise TypeError("pass either a spec or keyword arguments")
        specs = spec if isinstance(spec, list) else [spec]
        for item in specs:
            if not isinstance(item, dict):
                raise ValueError("a fault is a JSON object")
            self._apply_fault(dict(item))
        return self.fault_status()

    def _apply_fault(self, item: dict) -> None:
        controls = {key: item.pop(key) for key in _CONTROL_KEYS if key in item}
        if controls.get("clear"):
            self.faults.clear()
            self.api.clock_offset = 0
            self.api.auth_time_offset = 0
        if "expire_consumer_key" in controls:
            self.expire_consumer_key(str(controls["expire_consumer_key"]))
        if "clock_offset" in controls:
            self.api.clock_offset = int(controls["clock_offset"])
        if "auth_time_offset" in controls:
            self.api.auth_time_offset = int(controls["auth_time_offset"])
        if "error_shape" in controls:
            if controls["error_shape"] not in errors.ERROR_SHAPES:
                raise ValueError(f"error_shape must be one of {errors.ERROR_SHAPES}")
            self.error_shape = str(controls["error_shape"])
        if item:
            self.faults.add(Fault.from_json(item))
        elif not controls:
            raise ValueError("empty fault")

    def fault_status(self) -> dict:
        return {
            "faults": self.faults.active(),
            "clock_offset": self.api.clock_offset,
            "auth_time_offset": self.api.auth_time_offset,
            "error_shape": self.error_shape,
        }
