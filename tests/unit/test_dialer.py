"""One click places one call, whatever the user does."""

from __future__ import annotations

import threading

import pytest

from easyclick2call.core.dialer import CallRequest, Dialer


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Recorder:
    def __init__(self) -> None:
        self.calls: list[CallRequest] = []
        self.lock = threading.Lock()

    def __call__(self, request: CallRequest) -> None:
        with self.lock:
            self.calls.append(request)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def placed() -> Recorder:
    return Recorder()


def test_one_request_places_one_call(placed: Recorder, clock: Clock) -> None:
    dialer = Dialer(placed, clock=clock)
    request = CallRequest.new("+33199001234", line="0033972123456", source="popup")
    assert dialer.submit(request)
    assert not dialer.submit(request)  # double click
    dialer.finished(request.request_id)
    clock.now += 60
    assert not dialer.submit(request)  # the same offer, much later: still no
    assert placed.calls == [request]


def test_same_number_in_flight_or_just_dialled_is_refused(placed: Recorder,
                                                          clock: Clock) -> None:
    dialer = Dialer(placed, repeat_window_s=5, clock=clock)
    first = CallRequest.new("+33199001234")
    assert dialer.submit(first)
    assert dialer.is_busy("+33199001234") and dialer.in_flight == 1
    clock.now += 10
    assert not dialer.submit(CallRequest.new("+33199001234"))  # still in flight
    dialer.finished(first.request_id)
    assert not dialer.is_busy("+33199001234")
    clock.now = 1000.0 + 4.9
    assert not dialer.submit(CallRequest.new("+33199001234"))  # copied again right away
    clock.now = 1000.0 + 5.0
    assert dialer.submit(CallRequest.new("+33199001234"))
    assert dialer.submit(CallRequest.new("+33299001234"))  # another number is fine
    assert len(placed.calls) == 3


def test_a_failed_call_can_be_retried_at_once(placed: Recorder, clock: Clock) -> None:
    dialer = Dialer(placed, clock=clock)
    first = CallRequest.new("+33199001234")
    dialer.submit(first)
    dialer.finished(first.request_id, succeeded=False)
    assert dialer.submit(CallRequest.new("+33199001234"))


def test_place_call_raising_releases_the_number(clock: Clock) -> None:
    def broken(request: CallRequest) -> None:
        raise RuntimeError("worker pool gone")

    dialer = Dialer(broken, clock=clock)
    with pytest.raises(RuntimeError):
        dialer.submit(CallRequest.new("+33199001234"))
    assert dialer.in_flight == 0
    dialer._place_call = Recorder()
    assert dialer.submit(CallRequest.new("+33199001234"))


def test_threads_hammering_submit_give_exactly_one_call(placed: Recorder) -> None:
    dialer = Dialer(placed)
    same_click = CallRequest.new("+33199001234")
    start = threading.Barrier(16)
    results: list[bool] = []

    def hammer(index: int) -> None:
        start.wait(10)
        for attempt in range(50):
            request = same_click if (index + attempt) % 2 else CallRequest.new("+33199001234")
            results.append(dialer.submit(request))

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(placed.calls) == 1
    assert results.count(True) == 1 and len(results) == 800


def test_found_numbers_are_accepted() -> None:
    class Found:  # the shape of core.numbers.FoundNumber that matters here
        e164 = "+33199001234"

    request = CallRequest.new(Found())  # type: ignore[arg-type]
    assert request.e164 == "+33199001234"
    assert CallRequest.new("+33199001234").request_id != request.request_id
