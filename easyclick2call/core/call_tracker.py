"""Calls from line events: one state machine per CallId (no Qt, no I/O).

A call's state is worked out from the set of its events, not from their order, so that events
out of order, repeated, or split by a reconnect give the same call:

- `start_calling` seen → answered (at its time); `end_calling` seen → ended;
- `end_ringing` without `start_calling` → still ringing for `grace_s` seconds (a
  `start_calling` may follow), then ended: `missed` for an incoming call, `no_answer` for an
  outgoing one; a later `start_calling` corrects it (a `changed` update);
- direction from the first event that tells it (docs/live-calls.md: `Ressource` against
  `Calling`/`Called`); `duration_s` = end − answer, whole seconds.

A call of which only ends were seen (the app started in the middle of it) says nothing until
its start shows up. `feed(event)` and `expire(now)` return the updates to show:
(`ringing`|`answered`|`ended`|`changed`, a copy of the call). The caller calls `expire()`
at `next_deadline()`.
"""

from __future__ import annotations

import collections
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace

from easyclick2call.core.line_events import LineEvent

RINGING, ANSWERED, ENDED = "ringing", "answered", "ended"
NEW = "new"  # a call before its first event
GRACE_S = 3.0
KEEP_ENDED = 200


@dataclass
class Call:
    call_id: str
    line: str
    line_name: str = ""
    direction: str = "unknown"  # incoming, outgoing, unknown
    remote: str = ""  # the other party, 0033…
    times: dict[str, float] = field(default_factory=dict)  # event name → when (epoch s)
    ring_ended_seen: float | None = None  # local clock when end_ringing came
    expired: bool = False  # the grace after end_ringing passed without an answer
    tag: str = ""  # set by the Click2Call model: "click2call" for a call this app placed

    @property
    def started(self) -> bool:
        """True once its ringing or its answer was seen (not only its end)."""
        return "start_ringing" in self.times or "start_calling" in self.times

    @property
    def answered_at(self) -> float | None:
        return self.times.get("start_calling")

    @property
    def started_at(self) -> float:
        return min(self.times.values(), default=0.0)

    @property
    def ended_at(self) -> float | None:
        if "end_calling" in self.times:
            return self.times["end_calling"]
        if self.expired and self.answered_at is None:
            return self.times.get("end_ringing", self.started_at)
        return None

    @property
    def state(self) -> str:
        if self.ended_at is not None:
            return ENDED
        return ANSWERED if self.answered_at is not None else RINGING

    @property
    def outcome(self) -> str | None:
        """`answered`, `missed` (incoming, never answered), `no_answer` (outgoing), or None
        while the call goes on."""
        if self.state != ENDED:
            return None
        if self.answered_at is not None:
            return "answered"
        return "missed" if self.direction == "incoming" else "no_answer"

    @property
    def duration_s(self) -> int | None:
        answered, ended = self.answered_at, self.ended_at
        if answered is None or ended is None:
            return None
        return max(0, round(ended - answered))


@dataclass(frozen=True)
class CallUpdate:
    kind: str  # ringing, answered, ended, changed
    call: Call


class CallTracker:
    """Turns line events into calls; `lines`: the lines followed (None: every line)."""

    def __init__(self, lines: Collection[str] | None = None, grace_s: float = GRACE_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.lines = set(lines) if lines is not None else None
        self.grace_s = grace_s
        self.clock = clock
        self._calls: collections.OrderedDict[str, Call] = collections.OrderedDict()

    def feed(self, event: LineEvent) -> list[CallUpdate]:
        if not event.is_call_event or (self.lines is not None and event.line not in self.lines):
            return []
        call = self._calls.get(event.call_id)
        before: tuple = (NEW,)
        if call is None:
            call = Call(event.call_id, event.line, event.line_name)
            self._calls[event.call_id] = call
        elif call.started:
            before = self._snapshot(call)  # else nothing was said of it yet: still "new"
        if call.direction == "unknown" and event.direction != "unknown":
            call.direction, call.remote = event.direction, event.remote
        previous = call.times.get(event.event)
        if previous is None or event.at < previous:
            call.times[event.event] = event.at
        if event.event == "end_ringing" and call.ring_ended_seen is None:
            call.ring_ended_seen = self.clock()
        if event.event == "start_calling":
            call.expired = False
        if not call.started:
            return []  # only ends seen (the app started mid-call): nothing to say yet
        updates = self._updates(call, before)
        self._forget_old()
        return updates

    def expire(self, now: float | None = None) -> list[CallUpdate]:
        """End the calls whose ringing stopped `grace_s` ago without an answer."""
        now = self.clock() if now is None else now
        updates = []
        for call in self._calls.values():
            if (not call.expired and call.started and call.state == RINGING
                    and call.ring_ended_seen is not None
                    and now - call.ring_ended_seen >= self.grace_s):
                before = self._snapshot(call)
                call.expired = True
                updates += self._updates(call, before)
        return updates

    def next_deadline(self) -> float | None:
        """When expire() has something to do (tracker clock), or None."""
        times = [call.ring_ended_seen + self.grace_s for call in self._calls.values()
                 if call.started and call.state == RINGING and call.ring_ended_seen is not None]
        return min(times, default=None)

    def active(self) -> list[Call]:
        return [replace(c) for c in self._calls.values() if c.state != ENDED]

    def get(self, call_id: str) -> Call | None:
        return self._calls.get(call_id)

    @staticmethod
    def _snapshot(call: Call) -> tuple:
        return (call.state, call.outcome, call.duration_s, call.direction)

    def _updates(self, call: Call, before: tuple) -> list[CallUpdate]:
        after = self._snapshot(call)
        if after == before:
            return []
        state, was = after[0], before[0]
        kind = "changed" if state == was or (state == RINGING and was != NEW) else state
        return [CallUpdate(kind, replace(call, times=dict(call.times)))]

    def _forget_old(self) -> None:
        ended = [key for key, call in self._calls.items() if call.state == ENDED]
        for key in ended[: max(0, len(ended) - KEEP_ENDED)]:
            del self._calls[key]
