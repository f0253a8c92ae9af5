"""core.call_tracker and core.click2call_model on recorded-shape event sequences (no network)."""

from __future__ import annotations

from easyclick2call.core.call_tracker import CallTracker
from easyclick2call.core.click2call_model import Click2CallModel
from easyclick2call.core.line_events import LineEvent, e164, ovh_form

LINE = "0033199000001"
OTHER_LINE = "0033199000002"
CALLER = "0033612345678"
T0 = 1_764_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def event(name: str, call_id: str, at: float, *, calling: str = CALLER, called: str = LINE,
          line: str = LINE, ts_get: int | None = None) -> LineEvent:
    """One event in the stream's shape (as the sandbox sends it), parsed."""
    raw = {
        "Event": name, "Token": "T", "Service": "sip", "Ressource": line,
        "Timestamp": int((T0 + at) * 1e9) + 5, "Date": "2026-12-04T10:00:00.000000 (UTC)",
        "Data": {"Event": name, "CallId": call_id, "Calling": calling, "Called": called,
                 "Dialed": called, "Ts": f"{T0 + at:.3f}",
                 "TsGet": ts_get if ts_get is not None else int((T0 + at) * 1e9),
                 "Protocol": "sip", "Billing": line},
        "Details": {"Description": "Reception", "Id": "1", "IdBillingAccount": "ab12345-ovh-1",
                    "SimultaneousLine": "2", "Type": "sipCirpack"},
    }
    parsed = LineEvent.from_json(raw)
    assert parsed is not None
    return parsed


def incoming(call_id: str, *names_at: tuple[str, float], **kw) -> list[LineEvent]:
    return [event(name, call_id, at, **kw) for name, at in names_at]


def outgoing(call_id: str, *names_at: tuple[str, float], remote: str = CALLER) -> list[LineEvent]:
    return [event(name, call_id, at, calling=LINE, called=remote) for name, at in names_at]


def feed_all(tracker: CallTracker, events: list[LineEvent]) -> list[tuple[str, str, str | None]]:
    seen = []
    for item in events:
        seen += [(u.kind, u.call.state, u.call.outcome) for u in tracker.feed(item)]
    return seen


def test_numbers_and_parsing() -> None:
    assert ovh_form("+33 6 12 34 56 78") == "0033612345678" and e164(CALLER) == "+33612345678"
    first = event("start_ringing", "a", 0)
    assert first.direction == "incoming" and first.remote == CALLER and first.line_name
    assert first.key == ("a", "start_ringing", int(T0 * 1e9))
    assert LineEvent.from_json({"Event": "x"}) is None and LineEvent.from_json([]) is None
    registered = LineEvent.from_json({"Event": "registered", "Ressource": LINE, "Data": {}})
    assert registered is not None and not registered.is_call_event


def test_incoming_answered() -> None:
    tracker = CallTracker()
    updates = feed_all(tracker, incoming("in-1", ("start_ringing", 0), ("end_ringing", 4),
                                         ("start_calling", 4), ("end_calling", 46)))
    assert updates == [("ringing", "ringing", None), ("answered", "answered", None),
                       ("ended", "ended", "answered")]
    call = tracker.get("in-1")
    assert call and call.direction == "incoming" and call.remote == CALLER
    assert call.duration_s == 42


def test_incoming_missed_after_the_grace() -> None:
    clock = Clock()
    tracker = CallTracker(grace_s=3, clock=clock)
    assert feed_all(tracker, incoming("in-2", ("start_ringing", 0), ("end_ringing", 20))) == [
        ("ringing", "ringing", None)]
    assert tracker.next_deadline() == 103
    clock.now = 102
    assert tracker.expire() == []
    clock.now = 103
    (update,) = tracker.expire()
    assert (update.kind, update.call.outcome, update.call.duration_s) == ("ended", "missed", None)
    assert tracker.next_deadline() is None


def test_missed_then_end_calling_ends_at_once() -> None:
    tracker = CallTracker()
    updates = feed_all(tracker, incoming(
        "in-3", ("start_ringing", 0), ("end_ringing", 10), ("end_calling", 10)))
    assert updates[-1] == ("ended", "ended", "missed")


def test_outgoing_from_the_desk_phone() -> None:
    tracker = CallTracker()
    # start_calling without start_ringing is a call answered at once (as OVHcloud's dashboard).
    updates = feed_all(tracker, outgoing("out-1", ("start_calling", 0), ("end_calling", 83)))
    assert updates == [("answered", "answered", None), ("ended", "ended", "answered")]
    call = tracker.get("out-1")
    assert call and call.direction == "outgoing" and call.duration_s == 83
    unanswered = feed_all(tracker, outgoing(
        "out-2", ("start_ringing", 0), ("end_ringing", 30), ("end_calling", 30)))
    assert unanswered[-1] == ("ended", "ended", "no_answer")


def test_two_simultaneous_calls_and_other_lines() -> None:
    tracker = CallTracker(lines=[LINE])
    a = incoming("a", ("start_ringing", 0), ("start_calling", 2), ("end_calling", 12))
    b = incoming("b", ("start_ringing", 1), ("end_ringing", 9), ("end_calling", 9),
                 calling="0033700000000")
    c = incoming("c", ("start_ringing", 1), line=OTHER_LINE, called=OTHER_LINE)
    mixed = sorted(a + b + c, key=lambda e: e.at)
    feed_all(tracker, mixed)
    assert tracker.get("a").outcome == "answered" and tracker.get("a").duration_s == 10
    assert tracker.get("b").outcome == "missed" and tracker.get("b").remote == "0033700000000"
    assert tracker.get("c") is None  # not a followed line


def test_out_of_order_gives_the_same_call() -> None:
    tracker = CallTracker()
    events = incoming("x", ("start_ringing", 0), ("start_calling", 3), ("end_calling", 33))
    updates = feed_all(tracker, [events[2], events[0], events[1]])
    call = tracker.get("x")
    assert call and call.outcome == "answered" and call.duration_s == 30
    # The end alone says nothing; with the ringing it looks missed; the answer corrects it.
    assert updates == [("ended", "ended", "missed"), ("changed", "ended", "answered")]


def test_only_the_end_of_a_call_says_nothing() -> None:
    clock = Clock()
    tracker = CallTracker(grace_s=1, clock=clock)
    assert feed_all(tracker, incoming("late", ("end_ringing", 0), ("end_calling", 9))) == []
    clock.now += 5
    assert tracker.expire() == [] and tracker.next_deadline() is None


def test_late_answer_after_the_grace_revives_the_call() -> None:
    clock = Clock()
    tracker = CallTracker(grace_s=1, clock=clock)
    feed_all(tracker, incoming("y", ("start_ringing", 0), ("end_ringing", 5)))
    clock.now += 2
    assert [u.call.outcome for u in tracker.expire()] == ["missed"]
    assert feed_all(tracker, incoming("y", ("start_calling", 5))) == [
        ("answered", "answered", None)]


def test_duplicates_and_a_reconnect_mid_call_change_nothing() -> None:
    tracker = CallTracker()
    first = incoming("d", ("start_ringing", 0), ("start_calling", 2))
    assert len(feed_all(tracker, first)) == 2
    # After a reconnect, the same events again (same TsGet), then the rest.
    assert feed_all(tracker, first) == []
    assert feed_all(tracker, incoming("d", ("end_calling", 62))) == [
        ("ended", "ended", "answered")]
    assert tracker.get("d").duration_s == 60


def _click2call(model: Click2CallModel, tracker: CallTracker, events: list[LineEvent]) -> list:
    progress = []
    for item in events:
        for update in tracker.feed(item):
            claimed = model.claim(update)
            progress.append(claimed.phase if claimed else ("call", update.kind))
    return progress


def _c2c_events(called: str, answer: bool) -> list[LineEvent]:
    """What the sandbox plays for a Click2Call (sandbox.events.click2call_legs)."""
    desk = incoming("A", ("start_ringing", 0), ("end_ringing", 1), ("start_calling", 1),
                    calling=called)
    remote = outgoing("B", ("start_ringing", 1), ("end_ringing", 5), remote=called)
    if answer:
        remote += outgoing("B", ("start_calling", 5), ("end_calling", 47), remote=called)
        desk += incoming("A", ("end_calling", 47), calling=called)
    else:
        desk += incoming("A", ("end_calling", 5), calling=called)
    return sorted(desk + remote, key=lambda e: e.at)


def test_click2call_answered_follows_the_call() -> None:
    model, tracker = Click2CallModel(clock=lambda: T0), CallTracker()
    model.expect(7, LINE, "+33 6 12 34 56 78")
    phases = _click2call(model, tracker, _c2c_events(CALLER, answer=True))
    assert phases[0] == "ringing" and "calling" in phases and "connected" in phases
    assert phases[-1] == "ended" and all(isinstance(p, str) for p in phases)  # no plain call


def test_click2call_outcomes() -> None:
    for answer, outcome, duration in ((True, "answered", 42), (False, "no_answer", None)):
        model, tracker = Click2CallModel(clock=lambda: T0), CallTracker()
        model.expect(1, LINE, CALLER)
        final = None
        for item in _c2c_events(CALLER, answer):
            for update in tracker.feed(item):
                final = model.claim(update) or final
        assert final and final.phase == "ended"
        assert (final.outcome, final.duration_s) == (outcome, duration)


def test_a_real_incoming_call_during_a_click2call_is_not_a_leg() -> None:
    model, tracker = Click2CallModel(clock=lambda: T0), CallTracker()
    model.expect(1, LINE, CALLER)
    stranger = incoming("S", ("start_ringing", 1), calling="0033700000000")
    assert _click2call(model, tracker, stranger) == [("call", "ringing")]


def test_unmatched_click2call_degrades_to_nothing() -> None:
    model, tracker = Click2CallModel(clock=lambda: T0), CallTracker()
    model.expect(1, LINE, CALLER)
    late = incoming("L", ("start_ringing", 500), calling=CALLER)  # long after the window
    assert _click2call(model, tracker, late) == [("call", "ringing")]


def test_a_leg_ringing_before_the_request_is_claimed_when_it_is_expected() -> None:
    from easyclick2call.core.live_calls import LiveCalls

    calls, progress, claimed = [], [], []
    live = LiveCalls("http://127.0.0.1:9/events/", lambda refused: "T", on_call=calls.append,
                     on_click2call=progress.append, on_claimed=claimed.append)
    live.model._clock = lambda: T0
    live._events(incoming("A", ("start_ringing", 0), calling=CALLER))
    assert [(u.kind, u.call.direction) for u in calls] == [("ringing", "incoming")]
    live.expect_click2call("req-1", LINE, "+33612345678")
    assert claimed == ["A"] and [p.phase for p in progress] == ["ringing"]
    live._events(incoming("A", ("end_ringing", 1), ("start_calling", 1),
                          calling=CALLER))
    assert [p.phase for p in progress] == ["ringing", "calling"] and len(calls) == 1
    live.stop()
