"""core.event_stream and core.live_calls against the sandbox's stream (real HTTP on loopback)."""

from __future__ import annotations

import queue
import threading
import time

import pytest

from easyclick2call.core.event_stream import CONNECTED, EventStream, backoff_delay
from easyclick2call.core.line_events import LineEvent
from easyclick2call.core.live_calls import LiveCalls
from easyclick2call.core.secrets import SecretStore
from easyclick2call.ovhapi.client import make_client
from easyclick2call.ovhapi.event_tokens import EventTokens, TokenKeeper, TokenScope
from easyclick2call.ovhapi.telephony import Telephony
from tests.api.test_client import app_identity
from tests.calls import approved

CALLER = "0033612345678"


def ringing(call_id: str, event: str = "start_ringing", ts_get: int | None = None) -> dict:
    data = {"CallId": call_id, "Calling": CALLER, "Called": "0033199000001"}
    if ts_get is not None:
        data["TsGet"] = ts_get
    return {"Event": event, "Ressource": "0033199000001", "Data": data}


@pytest.fixture
def keeper(sandbox, memory_keyring) -> TokenKeeper:
    sandbox.events.hold_s = 0.5
    client = make_client(app_identity(sandbox))
    scope = TokenScope(sandbox.info()["billing_account"])
    return TokenKeeper(EventTokens(client), scope, SecretStore("easyclick2call-test-stream"))


class Collector:
    def __init__(self) -> None:
        self.events: queue.Queue[LineEvent] = queue.Queue()
        self.statuses: list[str] = []
        self.connected = threading.Event()

    def on_events(self, events: list[LineEvent]) -> None:
        for event in events:
            self.events.put(event)

    def on_status(self, status: str, detail: object) -> None:
        self.statuses.append(status)
        if status == CONNECTED:
            self.connected.set()

    def take(self, count: int, timeout: float = 10) -> list[LineEvent]:
        return [self.events.get(timeout=timeout) for _ in range(count)]


@pytest.fixture
def stream(sandbox, keeper):
    collector = Collector()
    made = EventStream(sandbox.info()["events_url"], keeper.current, collector.on_events,
                       on_status=collector.on_status, rng=lambda: 0.0, backoff_first=0.05,
                       backoff_cap=0.2)
    made.collector = collector  # type: ignore[attr-defined]
    made.start()
    assert collector.connected.wait(10)
    yield made
    assert made.stop(1.0)


def test_backoff_is_exponential_capped_and_jittered() -> None:
    assert [backoff_delay(n, lambda: 1.0) for n in (1, 2, 3, 6, 7, 20)] == [1, 2, 4, 32, 60, 60]
    assert backoff_delay(3, lambda: 0.0) == 2.0  # half the step at least


def test_events_arrive_in_order_once(sandbox, stream) -> None:
    sandbox.events.publish([ringing("a"), ringing("a", "end_ringing")])
    got = stream.collector.take(2)
    assert [(e.call_id, e.event) for e in got] == [("a", "start_ringing"), ("a", "end_ringing")]
    assert stream.session


def test_duplicates_are_delivered_once(sandbox, stream) -> None:
    sandbox.events.publish([ringing("dup", ts_get=123)])
    sandbox.events.publish([ringing("dup", ts_get=123), ringing("next")])
    got = stream.collector.take(2)
    assert [e.call_id for e in got] == ["dup", "next"]
    assert stream.collector.events.empty()


@pytest.mark.parametrize(
    "fault",
    [
        {"status": 503},
        {"status": 502},
        {"drop": True},
        {"status": 200, "body": "{oops", "content_type": "application/json"},
        {"drop": True, "process": True},  # the answer is lost after the sandbox made it
    ],
)
def test_faults_reconnect_without_loss_or_duplicates(sandbox, stream, fault) -> None:
    sandbox.inject_fault({"path": "/events/*", "count": 2, **fault})
    sandbox.events.publish([ringing("f1"), ringing("f1", "end_ringing")])
    got = stream.collector.take(2)
    assert [(e.call_id, e.event) for e in got] == [("f1", "start_ringing"), ("f1", "end_ringing")]
    sandbox.events.publish([ringing("f2")])
    assert stream.collector.take(1)[0].call_id == "f2"
    assert stream.collector.events.empty()


def test_a_refused_token_is_replaced(sandbox, stream, keeper) -> None:
    old = keeper.current()
    sandbox.events.control("POST", "/sandbox/events", {"expire_tokens": True})
    # Wait until the stream has polled with a new token, then send an event.
    deadline = time.monotonic() + 10
    while keeper.current() == old:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    sandbox.events.publish([ringing("after")])
    assert stream.collector.take(1)[0].call_id == "after"


def test_stop_ends_a_held_poll_within_a_second(sandbox, keeper) -> None:
    sandbox.events.hold_s = 60
    collector = Collector()
    stream = EventStream(sandbox.info()["events_url"], keeper.current, collector.on_events)
    stream.start()
    deadline = time.monotonic() + 10
    while sandbox.events.held_polls() == 0:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    started = time.monotonic()
    assert stream.stop(1.0)
    assert time.monotonic() - started < 1.0


def test_unreachable_stream_keeps_retrying_and_stops(keeper) -> None:
    collector = Collector()
    stream = EventStream("http://127.0.0.1:9/events/", keeper.current, collector.on_events,
                         on_status=collector.on_status, backoff_first=0.01, backoff_cap=0.05)
    stream.start()
    deadline = time.monotonic() + 10
    while collector.statuses.count("reconnecting") < 3:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert stream.stop(1.0)


def test_live_calls_follow_a_click2call_and_an_incoming_call(sandbox, keeper) -> None:
    info = sandbox.info()
    sandbox.events.control("POST", "/sandbox/click2call-script",
                           {"ring_s": 0.1, "answer": True, "talk_s": 1.0})
    progress: queue.Queue = queue.Queue()
    calls: queue.Queue = queue.Queue()
    connected = threading.Event()
    live = LiveCalls(info["events_url"], keeper.current, on_click2call=progress.put,
                     on_call=calls.put, on_status=lambda s, d: s == CONNECTED and connected.set(),
                     grace_s=0.2)
    live.start()
    try:
        assert connected.wait(10)
        line = info["lines"][0]
        live.expect_click2call(1, line, "+33612345678")
        Telephony(make_client(app_identity(sandbox))).call(
            info["billing_account"], line, approved("0033612345678"))
        phases = []
        while not phases or phases[-1].phase != "ended":
            phases.append(progress.get(timeout=10))
        assert [p.phase for p in phases] == ["ringing", "calling", "connected", "ended"]
        assert phases[-1].outcome == "answered" and phases[-1].duration_s == 1
        assert calls.empty()  # both legs were the Click2Call's
        sandbox.events.publish([ringing("in"), ringing("in", "end_ringing")])
        kinds = [calls.get(timeout=10), calls.get(timeout=10)]
        assert [(u.kind, u.call.outcome) for u in kinds] == [("ringing", None),
                                                            ("ended", "missed")]
    finally:
        assert live.stop(1.0)
