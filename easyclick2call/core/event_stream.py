"""The long poll of OVHcloud's live-event stream, on a thread of its own (no Qt).

Loop: GET `url?token=T[&session=S]`; the answer `{"Session", "Message", "Events"}` gives the
next `session` and the events. The client timeout (`CLIENT_TIMEOUT_S`) is above any hold time
the server may use (undocumented; the sandbox holds 25 s); a timeout, a cut connection, a 5xx
or an answer that is not the documented JSON is followed by a reconnect after a capped,
jittered exponential backoff. A refused token (401/403/404) asks the token source for a new
one. Events already delivered (same CallId + Event + TsGet) are not delivered again, across
reconnects too. Between answers the thread blocks in recv() or in an Event wait: no wake-up.
`stop()` shuts the socket down, so the thread ends at once (well within a second).
After a suspend, a dead connection ends at the client timeout at the latest and the loop
reconnects (a network change looks the same: an error, then a backoff).
"""

from __future__ import annotations

import collections
import contextlib
import http.client
import json
import logging
import random
import socket
import threading
from collections.abc import Callable
from urllib.parse import quote, urlsplit

from easyclick2call.core.line_events import LineEvent

log = logging.getLogger(__name__)

CLIENT_TIMEOUT_S = 75.0  # above the server's hold time (FMAU's client uses 65 s)
BACKOFF_FIRST_S = 1.0
BACKOFF_CAP_S = 60.0
DEDUPE_MEMORY = 4096  # event keys remembered
REFUSED_STATUSES = (401, 403, 404)

# Statuses given to on_status.
CONNECTED = "connected"  # an answer came
RECONNECTING = "reconnecting"  # the last poll failed; waiting before the next one
TOKEN_FAILED = "token_failed"  # no token could be had (detail: the error); retried with backoff
STOPPED = "stopped"


class TokenRefusedError(Exception):
    """The stream refused the token."""


def backoff_delay(failures: int, rng: Callable[[], float] = random.random,
                  first: float = BACKOFF_FIRST_S, cap: float = BACKOFF_CAP_S) -> float:
    """Seconds to wait after `failures` failures in a row: exponential, capped, with jitter
    (between half and all of the step, so that many clients do not reconnect together)."""
    step = min(cap, first * 2 ** max(0, failures - 1))
    return step * (0.5 + 0.5 * rng())


class EventStream:
    """Follows the stream until stop(); delivers new events to `on_events` (loop thread)."""

    def __init__(
        self,
        url: str,
        token: Callable[[bool], str],
        on_events: Callable[[list[LineEvent]], None],
        *,
        on_status: Callable[[str, object], None] | None = None,
        client_timeout: float = CLIENT_TIMEOUT_S,
        rng: Callable[[], float] = random.random,
        backoff_first: float = BACKOFF_FIRST_S,
        backoff_cap: float = BACKOFF_CAP_S,
    ) -> None:
        self._url = urlsplit(url)
        self._token = token
        self._on_events = on_events
        self._on_status = on_status or (lambda status, detail: None)
        self._timeout = client_timeout
        self._rng = rng
        self._backoff = (backoff_first, backoff_cap)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._connection: http.client.HTTPConnection | None = None
        self._thread: threading.Thread | None = None
        self._seen: collections.OrderedDict[tuple, None] = collections.OrderedDict()
        self.session = ""
        self.polls = 0  # answers received (for tests and benchmarks)

    # Life cycle --------------------------------------------------------------------------------

    def start(self) -> EventStream:
        if self._thread is None:
            self._thread = threading.Thread(target=self.run, name="live-events", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 1.0) -> bool:
        """End the loop; True when its thread has ended within `timeout` seconds."""
        self._stop.set()
        with self._lock:
            connection = self._connection
        if connection is not None and connection.sock is not None:
            with contextlib.suppress(OSError):
                connection.sock.shutdown(socket.SHUT_RDWR)
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            return not thread.is_alive()
        return True

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    # The loop ----------------------------------------------------------------------------------

    def run(self) -> None:
        failures = 0
        refused = False
        try:
            while not self._stop.is_set():
                try:
                    token = self._token(refused)
                except Exception as exc:  # ApiError, SecretsError: said, then retried
                    failures += 1
                    self._on_status(TOKEN_FAILED, exc)
                    self._wait(failures)
                    continue
                if refused:
                    self.session = ""  # a session belongs to its token
                refused = False
                try:
                    events = self._poll(token)
                except TokenRefusedError:
                    log.info("live events: the token was refused; getting a new one")
                    refused = True
                    failures += 1
                    if failures > 1:
                        self._wait(failures)
                    continue
                except (OSError, http.client.HTTPException, ValueError) as exc:
                    if self._stop.is_set():
                        break
                    failures += 1
                    log.info("live events: poll failed (%s); reconnecting", type(exc).__name__)
                    self._on_status(RECONNECTING, exc)
                    self._wait(failures)
                    continue
                failures = 0
                self.polls += 1
                self._on_status(CONNECTED, None)
                fresh = self._dedupe(events)
                if fresh and not self._stop.is_set():
                    self._on_events(fresh)
        finally:
            self._close()
            self._on_status(STOPPED, None)

    def _wait(self, failures: int) -> None:
        self._stop.wait(backoff_delay(failures, self._rng, *self._backoff))

    def _poll(self, token: str) -> list[LineEvent]:
        """One long poll; the new events of its answer. Raises on any failure."""
        target = (self._url.path or "/") + f"?token={quote(token, safe='')}"
        if self.session:
            target += f"&session={quote(self.session, safe='')}"
        connection = self._connect()
        try:
            if connection.sock is None:
                connection.connect()
                if self._stop.is_set():  # stop() came while connecting: it saw no socket
                    raise OSError("stopping")
            connection.request("GET", target, headers={"Accept": "application/json"})
            response = connection.getresponse()
            body = response.read()
        except BaseException:
            self._close()
            raise
        if response.status in REFUSED_STATUSES:
            raise TokenRefusedError(response.status)
        if response.status != 200:
            raise http.client.HTTPException(f"status {response.status}")
        answer = json.loads(body.decode("utf-8"))
        if not isinstance(answer, dict) or not isinstance(answer.get("Events", []), list):
            raise ValueError("not a stream answer")
        session = answer.get("Session")
        if isinstance(session, str) and session:
            self.session = session
        parsed = (LineEvent.from_json(item) for item in answer.get("Events") or [])
        return sorted((event for event in parsed if event is not None), key=lambda e: e.at)

    def _connect(self) -> http.client.HTTPConnection:
        with self._lock:
            if self._stop.is_set():
                raise OSError("stopping")
            if self._connection is None:
                cls = (http.client.HTTPSConnection if self._url.scheme == "https"
                       else http.client.HTTPConnection)
                self._connection = cls(self._url.hostname or "", self._url.port,
                                       timeout=self._timeout)
            return self._connection

    def _close(self) -> None:
        with self._lock:
            connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()

    def _dedupe(self, events: list[LineEvent]) -> list[LineEvent]:
        fresh = []
        for event in events:
            key = event.key if event.ts_get else (event.call_id, event.event, event.at)
            if key in self._seen:
                continue
            self._seen[key] = None
            if len(self._seen) > DEDUPE_MEMORY:
                self._seen.popitem(last=False)
            fresh.append(event)
        return fresh
