"""Real failures, driven through the sandbox over HTTP, each giving its ApiError kind.

And one call() is never two entries in /sandbox/calls, whatever happens to it.
"""

from __future__ import annotations

import socket
import time

import pytest

from easyclick2call.commands.translation import translator_for
from easyclick2call.ovhapi.client import ApiIdentity, make_client
from easyclick2call.ovhapi.errors import ERROR_KINDS, ApiError
from easyclick2call.ovhapi.telephony import Telephony
from tests.api.test_client import app_identity, control, fault, oauth_identity, placed_calls
from tests.calls import approved

NUMBER = "0033199001234"

FR = translator_for("fr")  # the French catalogue, as the command line reads it


def failure(action) -> ApiError:
    with pytest.raises(ApiError) as caught:
        action()
    error = caught.value
    assert error.message == ERROR_KINDS[error.kind]
    return error


def place_call(sandbox, telephony: Telephony | None = None) -> None:
    info = sandbox.info()
    telephony = telephony or Telephony(make_client(app_identity(sandbox)))
    telephony.call(info["billing_account"], info["lines"][0], approved(NUMBER))


def limited_key(sandbox, rules: list[tuple[str, str]]) -> str:
    """A validated consumer key with only `rules`, requested through python-ovh."""
    client = make_client(app_identity(sandbox, consumer_key=""))
    request = client.new_consumer_key_request()
    for method, path in rules:
        request.add_rule(method, path)
    consumer_key = request.request()["consumerKey"]
    sandbox.validate_consumer_key(consumer_key)
    return consumer_key


# --- sign-in and permissions ------------------------------------------------------------------


def test_wrong_secret(sandbox) -> None:
    telephony = Telephony(make_client(app_identity(sandbox, application_secret="x" * 32)))
    error = failure(telephony.me)
    assert (error.kind, error.status, error.detail) == (
        "invalid_signature",
        400,
        "Invalid signature",
    )
    assert error.query_id


def test_stale_clock_after_the_time_delta_was_cached(sandbox) -> None:
    telephony = Telephony(make_client(app_identity(sandbox)))
    telephony.me()  # caches the time delta
    fault(sandbox, clock_offset=900)
    error = failure(telephony.me)
    assert error.kind == "clock_skew" and error.detail == "Query out of time"
    assert "clock" in error.message and "horloge" in error.text(FR)


def test_stale_clock_on_a_fresh_client(sandbox) -> None:
    fault(sandbox, auth_time_offset=-900)
    assert failure(Telephony(make_client(app_identity(sandbox))).me).kind == "clock_skew"


@pytest.mark.parametrize("shape", ["superset", "current"])
def test_route_outside_the_keys_rules(sandbox, shape: str) -> None:
    consumer_key = limited_key(sandbox, [("GET", "/me")])
    if shape == "current":
        fault(sandbox, error_shape="current")  # no errorCode: classified by status + message
    telephony = Telephony(make_client(app_identity(sandbox, consumer_key=consumer_key)))
    assert telephony.me()["nichandle"]
    error = failure(telephony.billing_accounts)
    assert (error.kind, error.status) == ("not_granted", 403)
    assert error.detail == "This call has not been granted"
    error = failure(lambda: place_call(sandbox, telephony))
    assert error.kind == "not_granted"
    assert placed_calls(sandbox) == []


@pytest.mark.parametrize("shape", ["superset", "current"])
def test_expired_consumer_key(sandbox, shape: str) -> None:
    consumer_key = sandbox.info()["consumer_key"]
    fault(sandbox, expire_consumer_key=consumer_key, error_shape=shape)
    error = failure(Telephony(make_client(app_identity(sandbox))).me)
    assert error.kind == "access_expired"
    assert error.message == "Access expired — reconnect in Settings."
    assert error.text(FR) == "Accès expiré — reconnectez-vous dans Réglages."


def test_pending_consumer_key(sandbox) -> None:
    client = make_client(app_identity(sandbox, consumer_key=""))
    request = client.new_consumer_key_request()
    request.add_rule("GET", "/me")
    consumer_key = request.request()["consumerKey"]
    telephony = Telephony(make_client(app_identity(sandbox, consumer_key=consumer_key)))
    assert failure(telephony.me).kind == "access_expired"


def test_unknown_consumer_key_and_unknown_application_key(sandbox) -> None:
    unknown_ck = Telephony(make_client(app_identity(sandbox, consumer_key="N" * 32)))
    assert failure(unknown_ck.me).kind == "access_unknown"
    unknown_ak = Telephony(make_client(app_identity(sandbox, application_key="NoSuchApp")))
    assert failure(unknown_ak.me).kind == "unknown_app_key"


def test_missing_consumer_key_is_caught_before_sending(sandbox) -> None:
    telephony = Telephony(make_client(app_identity(sandbox, consumer_key="")))
    assert failure(telephony.me).kind == "not_configured"


def test_401_login_first(sandbox) -> None:
    client = make_client(app_identity(sandbox))
    error = failure(lambda: Telephony._run(lambda: client.get("/me", _need_auth=False)))
    assert (error.kind, error.status, error.detail) == ("auth_missing", 401, "You must login first")


def test_oauth2_token_endpoint_failures(sandbox) -> None:
    fault(sandbox, method="POST", path="/auth/oauth2/token", status=503)
    assert failure(Telephony(make_client(oauth_identity(sandbox))).me).kind == "server"
    fault(
        sandbox,
        method="POST",
        path="/auth/oauth2/token",
        status=400,
        body={"error": "invalid_scope", "error_description": "nope"},
    )
    assert failure(Telephony(make_client(oauth_identity(sandbox))).me).kind == "oauth_failed"
    bad = Telephony(make_client(oauth_identity(sandbox, client_id="EU.nobody")))
    assert failure(bad.me).kind == "oauth_invalid_client"


def test_iam_refusal(sandbox) -> None:
    fault(
        sandbox,
        method="GET",
        path="/me",
        status=403,
        body={"class": "Client::Forbidden", "message": "User not granted for this request"},
    )
    assert failure(Telephony(make_client(app_identity(sandbox))).me).kind == "forbidden"


# --- injected server answers on the call route: nothing placed, or placed once ----------------


@pytest.mark.parametrize(
    ("rule", "kind"),
    [
        (
            {"status": 400, "body": {"class": "Client::BadRequest", "message": "Invalid number"}},
            "bad_request",
        ),
        (
            {
                "status": 404,
                "body": {"class": "Client::NotFound", "message": "This service does not exist"},
            },
            "not_found",
        ),
        ({"status": 409, "body": {"message": "This line is already being processed"}}, "conflict"),
        ({"status": 429}, "rate_limited"),
        ({"status": 460, "body": {"message": "Service expired"}}, "expired_service"),
        ({"status": 500}, "server"),
        ({"status": 503}, "server"),
        ({"status": 502}, "server"),  # nginx's HTML page: a gateway answered, the API could not
        ({"status": 200, "body": "<html><head><title>Wi-Fi sign-in</title></head></html>"},
         "invalid_response"),  # a captive portal's page: not OVHcloud at all
        ({"status": 500, "body": ["not", "an", "object"]}, "invalid_response"),
        ({"status": 200, "body": "", "content_type": "application/json"}, "invalid_response"),
        ({"drop": True}, "connection_lost"),
    ],
)
def test_injected_faults_on_the_call(sandbox, rule: dict, kind: str) -> None:
    fault(sandbox, method="POST", path="/telephony/*/click2Call", count=1, **rule)
    error = failure(lambda: place_call(sandbox))
    assert error.kind == kind
    assert placed_calls(sandbox) == []  # the fault answered instead of the API: not placed
    place_call(sandbox)  # the next call goes through, once
    assert len(placed_calls(sandbox)) == 1


def test_read_timeout_never_places_the_call_twice(sandbox) -> None:
    telephony = Telephony(make_client(app_identity(sandbox), timeout=(2, 0.5)))
    telephony.me()
    fault(sandbox, method="POST", path="/telephony/*/click2Call", delay=1.5, count=1)
    started = time.monotonic()
    error = failure(lambda: place_call(sandbox, telephony))
    assert error.kind == "timeout"
    assert time.monotonic() - started < 1.4  # gave up at the read timeout, no retry
    assert error.uncertain  # sent, no answer: the call may have been placed
    assert "It may have been done all the same" in error.text()
    assert "L'action a peut-être eu lieu" in error.text(FR)
    assert len(wait_for(lambda: placed_calls(sandbox), 5)) == 1  # the delayed answer came


def wait_for(fetch, timeout: float) -> list:
    """`fetch()` once it returns something (polled), else its last answer."""
    deadline = time.monotonic() + timeout
    result = fetch()
    while not result and time.monotonic() < deadline:
        time.sleep(0.02)
        result = fetch()
    return result


def test_read_timeout_on_a_read_says_no_answer_not_no_connection(sandbox) -> None:
    telephony = Telephony(make_client(app_identity(sandbox), timeout=(2, 0.5)))
    telephony.me()
    fault(sandbox, method="GET", path="/me", delay=1.5, count=1)
    error = failure(telephony.me)
    assert error.kind == "timeout" and not error.uncertain
    assert error.text() == (
        "OVHcloud did not answer in time — check your connection and try again.")


def test_a_cut_on_the_clock_request_says_nothing_was_placed(sandbox) -> None:
    fault(sandbox, method="GET", path="/auth/time", drop=True, count=1)
    error = failure(lambda: place_call(sandbox))
    assert error.kind == "connection_lost" and not error.uncertain
    assert "may have been done" not in error.text()
    assert placed_calls(sandbox) == []


def test_a_call_has_one_overall_deadline(sandbox) -> None:
    """The clock request and the POST share one deadline: slow answers to both never add up
    to more than it."""
    info = sandbox.info()
    telephony = Telephony(make_client(app_identity(sandbox)))
    fault(sandbox, method="GET", path="/auth/time", delay=0.8, count=1)
    fault(sandbox, method="POST", path="/telephony/*/click2Call", delay=3, count=1)
    started = time.monotonic()
    error = failure(lambda: telephony.call(info["billing_account"], info["lines"][0],
                                           approved(NUMBER), deadline_s=1.5))
    assert time.monotonic() - started < 2.0
    assert error.kind == "timeout" and error.uncertain


def test_dropped_connection_after_processing_places_the_call_once(sandbox) -> None:
    fault(sandbox, method="POST", path="/telephony/*/click2Call", drop=True, process=True)
    error = failure(lambda: place_call(sandbox))
    assert error.kind == "connection_lost" and error.uncertain
    assert len(placed_calls(sandbox)) == 1


def test_server_errors_on_every_post_are_sent_once(sandbox) -> None:
    """A 503 on each POST: every Telephony write is one request, never repeated."""
    fault(sandbox, method="POST", path="*", status=503, count=0)
    info = sandbox.info()
    ba, line = info["billing_account"], info["lines"][0]
    telephony = Telephony(make_client(app_identity(sandbox)))
    for action in (
        lambda: telephony.call(ba, line, approved(NUMBER)),
        lambda: telephony.create_user(ba, line, "bob", "Secret#123"),
        lambda: telephony.change_password(ba, line, 123456, "Secret#123"),
    ):
        assert failure(action).kind == "server"
    control(sandbox, "/sandbox/faults", method="DELETE")
    assert placed_calls(sandbox) == []
    assert [u.login for u in telephony.click2call_users(ba, line)] == ["reception"]


# --- network ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_connection_refused_on_a_closed_port() -> None:
    identity = ApiIdentity(f"http://127.0.0.1:{_free_port()}/1.0", "ak", "as", "ck")
    error = failure(Telephony(make_client(identity)).me)
    assert error.kind == "network" and error.status is None


def test_connect_timeout() -> None:
    """A listening socket whose backlog is full drops new SYNs: a real connect timeout."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        fillers = []
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        try:
            identity = ApiIdentity(f"http://127.0.0.1:{port}/1.0", "ak", "as", "ck")
            telephony = Telephony(make_client(identity, timeout=(0.5, 0.5)))
            assert failure(telephony.me).kind == "connect_timeout"
        finally:
            for filler in fillers:
                filler.close()


def test_tls_failure(sandbox) -> None:
    """https:// to the sandbox's plain-HTTP port: a real TLS handshake failure."""
    endpoint = sandbox.endpoint.replace("http://", "https://")
    identity = app_identity(sandbox, endpoint=endpoint)
    assert failure(Telephony(make_client(identity)).me).kind == "tls"


def test_sandbox_gone(sandbox) -> None:
    telephony = Telephony(make_client(app_identity(sandbox)))
    telephony.me()
    sandbox.stop()
    assert failure(telephony.me).kind in ("network", "connection_lost")
