"""Live calls: the event stream, the per-call state machine and the Click2Call model together.

`LiveCalls` runs `EventStream` and hands every event to `CallTracker`; each update is offered
to `Click2CallModel` first (a leg of a Click2Call this app placed → `on_click2call`), the
others go to `on_call` (incoming calls, calls placed from the desk phone). A timer thread ends
unanswered calls after the tracker's grace; it exists only while such a call is pending.
Callbacks run on the stream's or the timer's thread (the UI re-posts them to its own).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection

from easyclick2call.core.call_tracker import GRACE_S, CallTracker, CallUpdate
from easyclick2call.core.click2call_model import Click2CallModel, Click2CallProgress
from easyclick2call.core.event_stream import EventStream
from easyclick2call.core.line_events import LineEvent

log = logging.getLogger(__name__)


class LiveCalls:
    def __init__(
        self,
        url: str,
        token: Callable[[bool], str],
        *,
        lines: Collection[str] | None = None,
        on_call: Callable[[CallUpdate], None] = lambda update: None,
        on_click2call: Callable[[Click2CallProgress], None] = lambda progress: None,
        on_status: Callable[[str, object], None] | None = None,
        on_events: Callable[[list[LineEvent]], None] | None = None,
        on_claimed: Callable[[str], None] = lambda call_id: None,
        grace_s: float = GRACE_S,
        **stream_options: object,
    ) -> None:
        self.tracker = CallTracker(lines, grace_s=grace_s)
        self.model = Click2CallModel()
        self._on_call = on_call
        self._on_click2call = on_click2call
        self._on_events = on_events
        self._on_claimed = on_claimed
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None
        self._stopped = False
        self._last_progress: dict[object, Click2CallProgress] = {}
        self.stream = EventStream(url, token, self._events, on_status=on_status,
                                  **stream_options)  # type: ignore[arg-type]

    def start(self) -> LiveCalls:
        self.stream.start()
        return self

    def stop(self, timeout: float = 1.0) -> bool:
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        return self.stream.stop(timeout)

    def expect_click2call(self, request_id: object, line: str, called: str) -> None:
        """A Click2Call was requested: its legs will be reported through `on_click2call`. A
        leg that is already ringing (the platform was quicker than the API's answer) is
        claimed now: `on_claimed(call_id)` (it was reported as a call of its own)."""
        with self._lock:
            self.model.expect(request_id, line, called)
            for call in self.tracker.active():
                progress = self.model.claim(CallUpdate("changed", call))
                if progress is not None:
                    self._on_claimed(call.call_id)
                    self._send(progress)

    # Stream thread / timer thread --------------------------------------------------------------

    def _events(self, events: list[LineEvent]) -> None:
        if self._on_events is not None:
            self._on_events(events)
        with self._lock:
            for event in events:
                self._dispatch(self.tracker.feed(event))
            self._arm()

    def _expire(self) -> None:
        with self._lock:
            self._timer = None
            if self._stopped:
                return
            self._dispatch(self.tracker.expire())
            self._arm()

    def _dispatch(self, updates: list[CallUpdate]) -> None:
        for update in updates:
            try:
                progress = self.model.claim(update)
                if progress is not None:
                    self._send(progress)
                else:
                    self._on_call(update)
            except Exception:  # a listener bug must not end the stream
                log.exception("live calls: a listener failed")

    def _send(self, progress: Click2CallProgress) -> None:
        """Report a Click2Call's progress, unless it says nothing new."""
        if self._last_progress.get(progress.request_id) != progress:
            self._last_progress[progress.request_id] = progress
            if len(self._last_progress) > 50:
                self._last_progress.pop(next(iter(self._last_progress)))
            self._on_click2call(progress)

    def _arm(self) -> None:
        deadline = self.tracker.next_deadline()
        if self._stopped or deadline is None or self._timer is not None:
            return
        delay = max(0.0, deadline - self.tracker.clock())
        self._timer = threading.Timer(delay, self._expire)
        self._timer.daemon = True
        self._timer.start()
