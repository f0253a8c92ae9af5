"""How a Click2Call this app placed shows up on the live-event stream — THE one place to correct.

OVHcloud documents nothing about it. The model below is a GUESS (docs/live-calls.md); a capture
from a real account should correct it here, and only here. It is tolerant: a call of the line
is taken as a leg of a Click2Call only when it matches; a Click2Call whose events never match
keeps today's behaviour (the "your phone is ringing" message, nothing more).

The guess: the platform rings the line first (the *desk leg*: the line is called, the caller
shown is the number to call, or the line itself), and once picked up calls the number from the
line (the *remote leg*: the line calls the number). Each leg may have its own CallId. A call is
a leg of an expected Click2Call when:
- it is on the same line, starts between `SKEW_S` before and `WINDOW_S` after the request;
- its other party is the called number, or unknown/the line itself (numbers compared in the
  `00…` form, last `MATCH_DIGITS` digits, so that national and international forms agree);
- desk or remote leg by direction: incoming (or unknown) = desk, outgoing = remote.
Phases: `ringing` (desk leg ringing) → `calling` (desk leg answered, or remote leg ringing) →
`connected` (remote leg answered) → `ended` (either leg hung up): outcome `answered` with the
remote leg's duration, or `no_answer`. With only a desk leg (one CallId for the whole call),
its answer and end stand for the call's.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from easyclick2call.core.call_tracker import ANSWERED, ENDED, RINGING, Call, CallUpdate
from easyclick2call.core.line_events import ovh_form

WINDOW_S = 60.0  # the first leg comes within this long after the request
SKEW_S = 5.0  # the stream's clock may run a little behind ours
MATCH_DIGITS = 9


@dataclass
class Click2Call:
    request_id: object  # the app's CallRequest id
    line: str
    called: str  # 00…
    placed_at: float  # epoch seconds
    desk: Call | None = None
    remote: Call | None = None
    legs: set[str] = field(default_factory=set)
    done: bool = False


@dataclass(frozen=True)
class Click2CallProgress:
    request_id: object
    phase: str  # ringing, calling, connected, ended
    called: str  # 00…
    connected_at: float | None = None  # epoch seconds (the stream's clock)
    outcome: str | None = None  # answered, no_answer (when ended)
    duration_s: int | None = None


def _same_number(a: str, b: str) -> bool:
    a, b = ovh_form(a), ovh_form(b)
    if not a or not b:
        return False
    if a.startswith("00") != b.startswith("00"):  # 0612… vs 0033612…: compare the tails
        return a[-MATCH_DIGITS:] == b[-MATCH_DIGITS:]
    return a == b


class Click2CallModel:
    """Expected Click2Calls, and which calls of the stream are their legs."""

    def __init__(self, window_s: float = WINDOW_S, clock: Callable[[], float] = time.time) -> None:
        self.window_s = window_s
        self._clock = clock
        self._expected: list[Click2Call] = []

    def expect(self, request_id: object, line: str, called: str) -> None:
        """A Click2Call was just requested from `line` to `called`."""
        self._drop_stale()
        self._expected.append(Click2Call(request_id, ovh_form(line), ovh_form(called),
                                         self._clock()))

    def claim(self, update: CallUpdate) -> Click2CallProgress | None:
        """The progress of the Click2Call `update`'s call is a leg of, or None (not a leg)."""
        call = update.call
        owner = next((c for c in self._expected if call.call_id in c.legs), None)
        if owner is None:
            owner = self._match(call)
            if owner is None:
                return None
            owner.legs.add(call.call_id)
        if call.direction == "outgoing":
            owner.remote = call
        else:
            owner.desk = call
        progress = self._progress(owner)
        if progress.phase == ENDED:
            owner.done = True
        return progress

    def _match(self, call: Call) -> Click2Call | None:
        for candidate in self._expected:
            if candidate.done or candidate.line != call.line:
                continue
            started = call.started_at or self._clock()
            if not candidate.placed_at - SKEW_S <= started <= candidate.placed_at + self.window_s:
                continue
            other = call.remote
            if other and other != call.line and not _same_number(other, candidate.called):
                continue
            role_taken = candidate.remote if call.direction == "outgoing" else candidate.desk
            if role_taken is not None:
                continue
            return candidate
        return None

    @staticmethod
    def _progress(c2c: Click2Call) -> Click2CallProgress:
        desk, remote = c2c.desk, c2c.remote
        main = remote or desk
        assert main is not None
        base = {"request_id": c2c.request_id, "called": c2c.called}
        if any(leg is not None and leg.state == ENDED for leg in (desk, remote)):
            answered = main.answered_at is not None
            return Click2CallProgress(
                **base, phase=ENDED, connected_at=main.answered_at,
                outcome="answered" if answered else "no_answer",
                duration_s=main.duration_s if main.state == ENDED else None,
            )
        if remote is not None and remote.state == ANSWERED:
            return Click2CallProgress(**base, phase="connected", connected_at=remote.answered_at)
        if remote is not None or (desk is not None and desk.state == ANSWERED):
            return Click2CallProgress(**base, phase="calling")
        return Click2CallProgress(**base, phase=RINGING)

    def _drop_stale(self) -> None:
        now = self._clock()
        self._expected = [
            c for c in self._expected
            if not c.done and (c.legs or now - c.placed_at <= self.window_s)
        ][-20:]
