"""Injected faults as the real `ovh` client sees them, and the sandbox's state file."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request

import ovh
import pytest
import requests
from ovh.exceptions import (
    APIError,
    BadParametersError,
    HTTPError,
    InvalidCredential,
    InvalidResponse,
)

from easyclick2call.sandbox.server import SandboxServer

CALL_PATH = "/telephony/*/line/*/click2Call"


def _line(sandbox) -> str:
    info = sandbox.info()
    return f"/telephony/{info['billing_account']}/line/{info['lines'][0]}"


def _post_faults(sandbox, spec) -> dict:
    request = urllib.request.Request(
        sandbox.base_url + "/sandbox/faults",
        data=json.dumps(spec).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        return json.loads(answer.read())


def _get_calls(sandbox) -> list[dict]:
    with urllib.request.urlopen(sandbox.base_url + "/sandbox/calls", timeout=5) as answer:
        return json.loads(answer.read())


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (500, "Internal server error"),
        (503, "Service is temporarily unavailable"),
        (429, "Too many requests"),
    ],
)
def test_error_status_for_the_next_request_only(sandbox, ovh_client, status, message) -> None:
    status_now = _post_faults(sandbox, {"method": "POST", "path": CALL_PATH, "status": status})
    assert len(status_now["faults"]) == 1
    with pytest.raises(APIError, match=message) as caught:
        ovh_client.post(_line(sandbox) + "/click2Call", calledNumber="0033199001234")
    assert caught.value.response.status_code == status
    assert caught.value.query_id
    assert _get_calls(sandbox) == []  # the faulty request placed no call
    assert ovh_client.post(_line(sandbox) + "/click2Call", calledNumber="0033199001234") is None
    assert [c["called_number"] for c in _get_calls(sandbox)] == ["0033199001234"]


def test_custom_body_and_count(sandbox, ovh_client) -> None:
    _post_faults(
        sandbox,
        {
            "path": "/me",
            "status": 409,
            "count": 2,
            "body": {"message": "This pop is already being processed"},
        },
    )
    for _ in range(2):
        with pytest.raises(APIError, match="already being processed"):
            ovh_client.get("/me")
    assert ovh_client.get("/me")["nichandle"]


def test_html_502_page(sandbox, ovh_client) -> None:
    sandbox.inject_fault(path="/me", status=502)
    with pytest.raises(InvalidResponse, match="Failed to decode API response"):
        ovh_client.get("/me")


def test_delay_past_the_read_timeout_records_the_call_once(sandbox, make_ovh_client) -> None:
    client = ovh.Client(
        endpoint="sandbox",
        timeout=(5, 0.5),
        **{k: sandbox.info()[k] for k in ("application_key", "application_secret", "consumer_key")},
    )
    client.get("/auth/time", _need_auth=False)
    _post_faults(sandbox, {"method": "POST", "path": CALL_PATH, "delay": 2.0})
    started = time.monotonic()
    with pytest.raises(HTTPError) as caught:
        client.post(_line(sandbox) + "/click2Call", calledNumber="0033199001234")
    assert isinstance(caught.value.args[1], requests.exceptions.ReadTimeout)
    assert time.monotonic() - started < 1.9  # the client gave up before the answer came
    time.sleep(2.0)  # let the slow answer go out: still one call
    calls = _get_calls(sandbox)
    assert len(calls) == 1 and calls[0]["called_number"] == "0033199001234"


def test_delay_then_normal_answer(sandbox, ovh_client) -> None:
    sandbox.inject_fault(path="/telephony", delay=0.3)
    started = time.monotonic()
    assert ovh_client.get("/telephony") == [sandbox.info()["billing_account"]]
    assert time.monotonic() - started >= 0.3


def test_dropped_connection(sandbox, ovh_client) -> None:
    _post_faults(sandbox, {"method": "POST", "path": CALL_PATH, "drop": True})
    with pytest.raises(HTTPError, match="Low HTTP request failed error") as caught:
        ovh_client.post(_line(sandbox) + "/click2Call", calledNumber="0033199001234")
    assert isinstance(caught.value.args[1], requests.exceptions.ConnectionError)
    assert _get_calls(sandbox) == []


def test_processed_then_dropped_records_one_call(sandbox, ovh_client) -> None:
    sandbox.inject_fault(method="POST", path=CALL_PATH, drop=True, process=True)
    with pytest.raises(HTTPError):
        ovh_client.post(_line(sandbox) + "/click2Call", calledNumber="0033199001234")
    assert len(_get_calls(sandbox)) == 1


def test_expired_consumer_key(sandbox, ovh_client) -> None:
    assert ovh_client.get("/me")
    _post_faults(sandbox, {"expire_consumer_key": sandbox.info()["consumer_key"]})
    with pytest.raises(InvalidCredential, match="This credential is not valid"):
        ovh_client.get("/me")


def test_clock_skew(sandbox, ovh_client, make_ovh_client) -> None:
    assert ovh_client.get("/me")  # caches the time delta
    _post_faults(sandbox, {"clock_offset": 600})
    with pytest.raises(BadParametersError, match="Query out of time"):
        ovh_client.get("/me")
    assert make_ovh_client().get("/me")  # a new client reads /auth/time again and adapts
    _post_faults(sandbox, {"clear": True, "auth_time_offset": -900})
    with pytest.raises(BadParametersError, match="Query out of time"):
        make_ovh_client().get("/me")
    assert _post_faults(sandbox, {"clear": True})["auth_time_offset"] == 0


def test_faults_on_the_oauth2_token_route(sandbox, make_ovh_client) -> None:
    sandbox.inject_fault(path="/auth/oauth2/token", status=503)
    client = make_ovh_client(client_id=sandbox.info()["client_id"])
    with pytest.raises(APIError, match="status_code=503"):
        client.get("/me")


def test_bad_fault_requests_are_refused(sandbox) -> None:
    for spec in ({"path": "/me"}, {"status": 42}, {"bogus": 1}, {"error_shape": "xml"}):
        with pytest.raises(urllib.error.HTTPError) as caught:
            _post_faults(sandbox, spec)
        assert caught.value.code == 400
        assert json.loads(caught.value.read())["message"].startswith("Invalid sandbox request")


def test_state_file_round_trip(tmp_path, monkeypatch) -> None:
    state_file = tmp_path / "sandbox.json"
    with SandboxServer(state_file=str(state_file)) as first:
        monkeypatch.setitem(ovh.client.ENDPOINTS, "sandbox", first.endpoint)
        info = first.info()
        client = ovh.Client(
            "sandbox", info["application_key"], info["application_secret"], info["consumer_key"]
        )
        line = f"/telephony/{info['billing_account']}/line/{info['lines'][1]}"
        user_id = client.post(line + "/click2CallUser", login="sales", password="Secret-123")
        client.post(line + "/click2Call", calledNumber="0033199001234")
        saved = json.loads(state_file.read_text())
        assert saved["calls"][0]["called_number"] == "0033199001234"
        assert not list(tmp_path.glob(".sandbox-*"))  # no temporary file left behind
    with SandboxServer(state_file=str(state_file)) as second:
        monkeypatch.setitem(ovh.client.ENDPOINTS, "sandbox", second.endpoint)
        client = ovh.Client(
            "sandbox", info["application_key"], info["application_secret"], info["consumer_key"]
        )
        assert user_id in client.get(line + "/click2CallUser")
        assert second.calls()[0]["line"] == info["lines"][1]
        assert {"id": user_id, "login": "sales", "line": info["lines"][1]} in second.info()[
            "click2call_users"
        ]


def test_seed_is_deterministic() -> None:
    with SandboxServer() as one, SandboxServer() as two:
        a, b = one.info(), two.info()
        for info in (a, b):
            del info["endpoint"], info["base_url"], info["oauth2_token_url"], info["events_url"]
        assert a == b
        assert a["lines"] == ["0033199000001", "0033199000002"]
        assert a["line_descriptions"] == {
            "0033199000001": "Reception",
            "0033199000002": "Sales desk",
        }
        assert a["click2call_users"] == [
            {"id": 123456, "login": "reception", "line": "0033199000001"}
        ]


def test_control_routes(sandbox, ovh_client) -> None:
    ovh_client.post(_line(sandbox) + "/click2Call", calledNumber="0033199001234")
    assert len(_get_calls(sandbox)) == 1
    request = urllib.request.Request(sandbox.base_url + "/sandbox/calls", method="DELETE")
    with urllib.request.urlopen(request, timeout=5) as answer:
        assert json.loads(answer.read()) is None
    assert _get_calls(sandbox) == []
    status = sandbox.inject_fault([{"path": "/me", "status": 500, "count": 0}, {"clock_offset": 5}])
    assert status["clock_offset"] == 5 and status["faults"][0]["count"] is None
    with urllib.request.urlopen(sandbox.base_url + "/sandbox/faults", timeout=5) as answer:
        assert json.loads(answer.read()) == status
    for _ in range(3):  # count 0 = until cleared
        with pytest.raises(APIError):
            ovh_client.get("/me")
    request = urllib.request.Request(sandbox.base_url + "/sandbox/faults", method="DELETE")
    with urllib.request.urlopen(request, timeout=5) as answer:
        assert json.loads(answer.read())["faults"] == []
    assert ovh_client.get("/me")
    with urllib.request.urlopen(sandbox.base_url + "/sandbox/info", timeout=5) as answer:
        assert json.loads(answer.read()) == sandbox.info()


def test_unknown_paths_are_json_404(sandbox) -> None:
    for path in ("/", "/nothing", "/sandbox/nothing", "/1.0", "/1.0/telephony/x/y/z"):
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(sandbox.base_url + path, timeout=5)
        assert caught.value.code == 404, path
        assert caught.value.headers["X-Ovh-QueryId"]
        assert isinstance(json.loads(caught.value.read()), dict)


def test_concurrent_calls_are_each_recorded_once(tmp_path, monkeypatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    state_file = tmp_path / "state.json"
    with SandboxServer(state_file=str(state_file)) as server:
        monkeypatch.setitem(ovh.client.ENDPOINTS, "sandbox", server.endpoint)
        info = server.info()
        line = f"/telephony/{info['billing_account']}/line/{info['lines'][0]}"

        def place(index: int) -> None:
            client = ovh.Client(
                "sandbox", info["application_key"], info["application_secret"], info["consumer_key"]
            )
            client.post(line + "/click2Call", calledNumber=f"00331990{index:05d}")

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(place, range(40)))
        numbers = sorted(call["called_number"] for call in server.calls())
        assert numbers == [f"00331990{index:05d}" for index in range(40)]
        assert len(json.loads(state_file.read_text())["calls"]) == 40


def test_delay_before_handling(sandbox, ovh_client) -> None:
    sandbox.inject_fault(method="POST", path=CALL_PATH, delay=0.5, process=False)
    calls_during: list[list[dict]] = []
    worker = threading.Thread(
        target=lambda: ovh_client.post(_line(sandbox) + "/click2Call", calledNumber="0612345678")
    )
    worker.start()
    time.sleep(0.2)
    calls_during.append(sandbox.calls())
    worker.join(timeout=10)
    assert calls_during == [[]]  # not handled while the delay runs
    assert len(sandbox.calls()) == 1  # then handled once


def test_an_unexpected_sandbox_error_is_a_json_500(sandbox, ovh_client, monkeypatch) -> None:
    def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr(sandbox.api, "me", broken)
    with pytest.raises(APIError, match="Internal server error") as caught:
        ovh_client.get("/me")
    assert caught.value.response.status_code == 500
    assert ovh_client.get("/telephony")  # the server keeps serving
