"""The sandbox's eventToken routes (real python-ovh client) and live-event stream (real HTTP)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
import urllib.error
import urllib.request

import ovh.exceptions
import pytest

from easyclick2call.sandbox import schema

RINGING = {"Event": "start_ringing", "Ressource": "0033199000001",
           "Data": {"CallId": "call-1", "Calling": "0033612345678", "Called": "0033199000001"}}


def _control(sandbox, path: str, body: object, method: str = "POST") -> object:
    request = urllib.request.Request(
        sandbox.base_url + path, data=json.dumps(body).encode(), method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        return json.loads(answer.read())


def _poll(sandbox, token: str, session: str = "", timeout: float = 10) -> tuple[int, dict]:
    url = f"{sandbox.info()['events_url']}?token={token}"
    if session:
        url += f"&session={session}"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _wait_for(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.fixture
def account_token(sandbox, ovh_client) -> str:
    ba = sandbox.info()["billing_account"]
    return ovh_client.post(f"/telephony/{ba}/eventToken", expiration="1 hour")


def test_token_routes_create_read_replace_delete(sandbox, ovh_client) -> None:
    info = sandbox.info()
    ba, line = info["billing_account"], info["lines"][0]
    service = f"/telephony/{ba}/service/{line}/eventToken"
    with pytest.raises(ovh.exceptions.ResourceNotFoundError):
        ovh_client.get(service)
    token = ovh_client.post(service, expiration="1 day")
    assert schema.check(token, "string") == []
    assert len(token) == 36 and token == token.upper()
    assert ovh_client.get(service) == {"token": token}
    newer = ovh_client.post(service, expiration="5 minutes")
    assert newer != token and ovh_client.get(service) == {"token": newer}
    assert _poll(sandbox, token)[0] == 403  # replaced: refused by the stream
    assert ovh_client.delete(service) is None
    with pytest.raises(ovh.exceptions.ResourceNotFoundError):
        ovh_client.delete(service)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/telephony/{ba}/eventToken", {"expiration": "2 hours"}),
        ("/telephony/{ba}/eventToken", {}),
        ("/telephony/{ba}/eventToken", {"expiration": "1 day", "other": 1}),
    ],
)
def test_bad_token_requests_are_400(sandbox, raw_call, path, body) -> None:
    answer = raw_call("POST", path.replace("{ba}", sandbox.info()["billing_account"]), body)
    assert answer.status == 400


def test_unknown_service_is_404(sandbox, raw_call) -> None:
    ba = sandbox.info()["billing_account"]
    answer = raw_call("POST", f"/telephony/{ba}/service/0033100000000/eventToken",
                      {"expiration": "1 day"})
    assert answer.status == 404


def test_injected_event_reaches_the_token_in_the_documented_shape(sandbox, account_token) -> None:
    _control(sandbox, "/sandbox/events", {"hold_s": 5})
    result: dict = {}
    poller = threading.Thread(target=lambda: result.update(answer=_poll(sandbox, account_token)))
    poller.start()
    # The poll is held; the event accepted meanwhile answers it.
    _wait_for(lambda: sandbox.events.held_polls() == 1)
    assert _control(sandbox, "/sandbox/events", [RINGING]) == {"accepted": 1}
    poller.join(10)
    status, answer = result["answer"]
    assert status == 200
    assert set(answer) == {"Session", "Message", "Events"} and answer["Session"]
    (event,) = answer["Events"]
    assert event["Token"] == account_token and event["Service"] == "sip"
    assert event["Ressource"] == "0033199000001" and event["Event"] == "start_ringing"
    assert event["Data"]["CallId"] == "call-1" and event["Data"]["Event"] == "start_ringing"
    assert isinstance(event["Data"]["TsGet"], int) and event["Timestamp"] >= event["Data"]["TsGet"]
    assert event["Details"]["Type"] == "sipCirpack" and event["Details"]["Description"]
    assert event["Date"]


def test_session_is_a_cursor_and_an_empty_hold_answers_no_events(sandbox, account_token) -> None:
    _control(sandbox, "/sandbox/events", {"hold_s": 0.2})
    status, empty = _poll(sandbox, account_token)
    assert status == 200 and empty["Events"] == []
    _control(sandbox, "/sandbox/events", [RINGING, {**RINGING, "Event": "end_ringing"}])
    _, answer = _poll(sandbox, account_token, empty["Session"])
    assert [e["Event"] for e in answer["Events"]] == ["start_ringing", "end_ringing"]
    # The same session again: the answer was "lost", so it is answered again.
    _, again = _poll(sandbox, account_token, empty["Session"])
    assert again["Events"] == answer["Events"]
    _, after = _poll(sandbox, account_token, answer["Session"])
    assert after["Events"] == []


def test_service_token_sees_only_its_line(sandbox, ovh_client) -> None:
    info = sandbox.info()
    ba, first, second = info["billing_account"], *info["lines"]
    token = ovh_client.post(f"/telephony/{ba}/service/{second}/eventToken", expiration="1 hour")
    _control(sandbox, "/sandbox/events", {"hold_s": 0.2})
    _, start = _poll(sandbox, token)
    _control(sandbox, "/sandbox/events", [RINGING, {**RINGING, "Ressource": second}])
    _, answer = _poll(sandbox, token, start["Session"])
    assert [e["Ressource"] for e in answer["Events"]] == [second]
    assert first != second


def test_refused_tokens_answer_403(sandbox, account_token) -> None:
    assert _poll(sandbox, "ABCDEFAB-CDEF-ABCD-EFAB-CDEFABCDEFAB")[0] == 403
    _control(sandbox, "/sandbox/events", {"expire_tokens": True})
    status, body = _poll(sandbox, account_token)
    assert status == 403 and body["Message"] == "Invalid token"


def test_stream_takes_the_fault_matrix(sandbox, account_token) -> None:
    _control(sandbox, "/sandbox/events", {"hold_s": 0.1})
    sandbox.inject_fault(path="/events/*", status=503)
    assert _poll(sandbox, account_token)[0] == 503
    sandbox.inject_fault(path="/events/*", status=200, body="{not json",
                         content_type="application/json")
    with pytest.raises(json.JSONDecodeError):
        _poll(sandbox, account_token)
    sandbox.inject_fault(path="/events/*", drop=True)
    with pytest.raises((urllib.error.URLError, ConnectionError, http_client_errors())):
        _poll(sandbox, account_token)
    assert _poll(sandbox, account_token)[0] == 200


def http_client_errors() -> type[Exception]:
    import http.client

    return http.client.HTTPException


def test_bad_injected_events_are_400(sandbox) -> None:
    for body in ([{"Event": "start_ringing"}], [1], [{"Event": "x", "Ressource": "1", "Data": 2}]):
        with pytest.raises(urllib.error.HTTPError) as caught:
            _control(sandbox, "/sandbox/events", body)
        assert caught.value.code == 400


def test_click2call_script_plays_both_legs(sandbox, ovh_client, account_token) -> None:
    info = sandbox.info()
    ba, line = info["billing_account"], info["lines"][0]
    script = {"ring_s": 0.1, "answer": True, "talk_s": 0.2}
    assert _control(sandbox, "/sandbox/click2call-script", script) == script
    _control(sandbox, "/sandbox/events", {"hold_s": 0.1})
    _, start = _poll(sandbox, account_token)
    ovh_client.post(f"/telephony/{ba}/line/{line}/click2Call", calledNumber="0033612345678")
    seen: list[dict] = []
    session = start["Session"]
    deadline = time.monotonic() + 10
    while len(seen) < 8 and time.monotonic() < deadline:
        _, answer = _poll(sandbox, account_token, session)
        session = answer["Session"]
        seen += answer["Events"]
    assert [(e["Data"]["CallId"][-10:-9], e["Event"]) for e in seen] == [
        ("a", "start_ringing"), ("a", "end_ringing"), ("a", "start_calling"),
        ("b", "start_ringing"), ("b", "end_ringing"), ("b", "start_calling"),
        ("b", "end_calling"), ("a", "end_calling"),
    ]
    assert seen[3]["Data"]["Called"] == "0033612345678"
    assert _control(sandbox, "/sandbox/click2call-script", None, method="DELETE") is None


def test_stop_answers_held_polls_at_once(sandbox, account_token) -> None:
    _control(sandbox, "/sandbox/events", {"hold_s": 60})
    done = threading.Event()

    def poll() -> None:
        with contextlib.suppress(OSError):
            _poll(sandbox, account_token, timeout=30)
        done.set()

    threading.Thread(target=poll, daemon=True).start()
    _wait_for(lambda: sandbox.events.held_polls() == 1)
    started = time.monotonic()
    sandbox.stop()
    assert done.wait(5) and time.monotonic() - started < 3
