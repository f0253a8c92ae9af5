"""`SandboxServer`: a local OVHcloud API emulator on loopback (standard library only).

Usage::

    with SandboxServer(port=0) as sandbox:          # or SandboxServer().start() / .stop()
        info = sandbox.info()                         # keys below
        ovh.client.ENDPOINTS["sandbox"] = info["endpoint"]   # (tests: monkeypatch.setitem)

`info()` (also the first stdout line of `easyclick2call sandbox`, and `GET /sandbox/info`)::

    {"endpoint": "http://127.0.0.1:PORT/1.0", "base_url": "http://127.0.0.1:PORT",
     "oauth2_token_url": "http://127.0.0.1:PORT/auth/oauth2/token",
     "events_url": "http://127.0.0.1:PORT/events/",               # the live-event stream
     "application_key": "...", "application_secret": "...",
     "consumer_key": "...",       # validated, with the app's rules (state.DEMO_RULES)
     "client_id": "...", "client_secret": "...",              # OAuth2 service account
     "billing_account": "ab12345-ovh-1",
     "lines": ["0033199000001", "0033199000002"],             # "Reception", "Sales desk"
     "line_descriptions": {"0033199000001": "Reception", ...},
     "click2call_users": [{"id": 123456, "login": "reception", "line": "0033199000001"}],
     "time_window": 300, "error_shape": "superset"}

Routes: under `/1.0` the routes of ovh-api.md §2 (see `api.ROUTES`); `GET /auth/?credentialToken=…`
(the validation page, an HTML form POSTed back to `/auth/` with `credentialToken`, `decision` =
`authorize`|`refuse`, `validity` = seconds or 0); `POST /auth/oauth2/token` (client credentials,
HTTP Basic or form client_id/client_secret). Checks, in order: `Authorization: Bearer` token
(401 if unknown or expired), else X-Ovh-Consumer present (401 "You must login first"), application
key known (403 INVALID_KEY), consumer key of that application (403 NOT_CREDENTIAL), signature
over the URL as received + raw body (400 INVALID_SIGNATURE), |X-Ovh-Timestamp − server clock| ≤
`time_window` seconds, default 300 (400 QUERY_TIME_OUT "Query out of time"), key not refused (a
refused key answers 403 NOT_CREDENTIAL, as if deleted), key validated and not past its
expiration (pending or expired: 403 INVALID_CREDENTIAL), access rules (403 NOT_GRANTED_CALL;
`/auth/*` needs no rule). Error bodies: `{"class", "message", "errorCode" (where OVHcloud has
one), "httpCode"}`, or `{"class", "message"}` with `error_shape="current"`.

Sandbox choices where OVHcloud is not documented (ovh-api.md §10): click2CallUser login must be
non-empty (400), a login already on the line is 409, the password follows §4 (400); click2Call
needs `calledNumber` like `00…`, `+…` or `0…` + digits (400 otherwise), `callingNumber` likewise,
`intercom` (boolean) only on the line route, unknown body fields are 400; an unknown user id is
404 "The requested object (id = N) does not exist"; a body on a no-body route is 400.

Control routes (outside `/1.0`, no auth):

- `GET /sandbox/calls` → calls placed, oldest first: `{"billing_account", "line",
  "called_number", "calling_number" (or null), "intercom" (bool on the line route, null on the
  click2CallUser route), "click2call_user_id" (or null), "at" (ISO 8601 UTC)}`.
  `DELETE /sandbox/calls` forgets them.
- `POST /sandbox/faults` with one JSON object (or a list of them); answer = `GET /sandbox/faults`
  = `{"faults": [...active...], "clock_offset", "auth_time_offset", "error_shape"}`.
  A fault rule (all keys optional but one of status/delay/drop)::

      {"method": "POST",                  # default "*" = any method
       "path": "/telephony/*/click2Call", # glob, * = any characters (also across /); matched
                                          # against the path with and without /1.0; default "*"
       "status": 503,                     # answer this status instead ...
       "body": {"message": "..."},        # ... with this JSON (object/list), or a string sent as
                                          # text/html (e.g. an HTML 502 page); default per status:
                                          # 500/503 OVHcloud objects, 429 {"message"}, 502 HTML
       "content_type": "text/plain",      # optional override
       "delay": 2.5,                      # seconds to wait before answering
       "drop": true,                      # close the connection without answering
       "process": null,                   # handle the request (record the call) before the
                                          # fault acts? default: no with status/drop, yes
                                          # with only a delay
       "count": 1}                        # the next n matching requests (0/null = until cleared)

  With status or drop the request is not handled (nothing recorded) unless `"process": true`.
  With only a delay, the request is handled at once (a call is recorded once, right away) and
  the answer is sent after the delay; with `"process": false` it is handled after the delay
  (and not at all if the sandbox stops first). Control keys, alone or next to a rule:
  `{"clear": true}` (remove all rules, reset clock offsets), `{"expire_consumer_key": "CK"}`,
  `{"clock_offset": 600}` (the server's clock, /auth/time included, runs 600 s ahead: a client
  whose time delta is cached gets "Query out of time"), `{"auth_time_offset": 600}` (only
  /auth/time lies, so even fresh clients sign out of the window), `{"error_shape": "current"}`.
  `DELETE /sandbox/faults` = `{"clear": true}`.
- `GET /sandbox/info` → `info()`.
- The live-event stream `GET /events/?token=…&session=…` and its controls `/sandbox/events`,
  `/sandbox/click2call-script`: see `sandbox.events`; the eventToken routes: `sandbox.event_tokens`.

Phonebooks (billing account's and the line's phone's, with contacts) and call records
(`voiceConsumption`, `previousVoiceConsumption`) are served by `phonebook.py` and
`consumption.py` (installed by `extras.py`); `X-Ovh-Batch` is `batch.py`; docs/contacts.md
describes them. `sandbox.consumption.delay` = seconds before a call's record is listed.

Every answer carries `X-Ovh-QueryId`. Unknown routes → 404 JSON object.
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
