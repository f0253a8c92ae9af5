"""The real python-ovh client against the sandbox over HTTP on 127.0.0.1."""

from __future__ import annotations

import time
import urllib.parse
import urllib.request

import ovh
import ovh.client
import pytest
from ovh.exceptions import (
    APIError,
    BadParametersError,
    InvalidCredential,
    InvalidKey,
    NotCredential,
    NotGrantedCall,
    OAuth2FailureError,
    ResourceConflictError,
    ResourceNotFoundError,
)

from easyclick2call.sandbox.server import NotLoopbackError, SandboxServer
from easyclick2call.sandbox.signing import sign


def _base(info: dict) -> str:
    return f"/telephony/{info['billing_account']}/line/{info['lines'][0]}"


def exercise_every_route(client: ovh.Client, sandbox) -> None:
    """Call every telephony route and /me once, checking what a user of the API would see."""
    info = sandbox.info()
    line = _base(info)
    assert client.get("/me")["nichandle"]
    assert client.get("/telephony") == [info["billing_account"]]
    assert client.get(f"/telephony/{info['billing_account']}")["status"] == "enabled"
    assert client.get(f"/telephony/{info['billing_account']}/line") == info["lines"]
    assert client.get(line)["description"] == "Reception"
    assert client.get(line + "/options")["intercom"] in ("no", "prefixed", "yes")
    assert client.post(line + "/click2Call", calledNumber="0033199001234", intercom=True) is None
    user_id = client.post(line + "/click2CallUser", login="alice", password="Secret-123")
    assert isinstance(user_id, int)
    assert user_id in client.get(line + "/click2CallUser")
    assert client.get(f"{line}/click2CallUser/{user_id}")["login"] == "alice"
    assert (
        client.post(f"{line}/click2CallUser/{user_id}/changePassword", password="N3w#pass") is None
    )
    assert (
        client.post(
            f"{line}/click2CallUser/{user_id}/click2Call",
            calledNumber="0612345678",
            callingNumber=info["lines"][0],
        )
        is None
    )
    assert client.delete(f"{line}/click2CallUser/{user_id}") is None
    assert user_id not in client.get(line + "/click2CallUser")
    calls = sandbox.calls()[-2:]
    assert calls[0]["called_number"] == "0033199001234" and calls[0]["intercom"] is True
    assert calls[0]["click2call_user_id"] is None and calls[0]["calling_number"] is None
    assert calls[1]["click2call_user_id"] == user_id and calls[1]["intercom"] is None
    assert calls[1]["calling_number"] == info["lines"][0]
    assert calls[0]["at"] <= calls[1]["at"]


def test_every_route_with_application_key(sandbox, ovh_client) -> None:
    assert isinstance(ovh_client.get("/auth/time", _need_auth=False), int)
    exercise_every_route(ovh_client, sandbox)
    credential = ovh_client.get("/auth/currentCredential")
    assert credential["status"] == "validated" and credential["lastUse"]
    assert ovh_client.get("/auth/details")["method"] == "account"
    assert ovh_client.post("/auth/logout") is None
    with pytest.raises(InvalidCredential, match="This credential is not valid"):
        ovh_client.get("/me")


def test_every_route_with_oauth2(sandbox, make_ovh_client) -> None:
    client = make_ovh_client(client_id=sandbox.info()["client_id"])
    exercise_every_route(client, sandbox)
    assert client.get("/auth/details")["method"] == "oauth2_client_credentials"


def test_oauth2_wrong_client_secret(sandbox, make_ovh_client) -> None:
    client = make_ovh_client(client_id=sandbox.info()["client_id"], client_secret="wrong")
    with pytest.raises(OAuth2FailureError, match=r"\(invalid_client\) ovhcloud oauth2 client"):
        client.get("/me")


def test_oauth2_needs_a_valid_bearer_token(raw_call) -> None:
    answer = raw_call("GET", "/me", signed=False, headers={"Authorization": "Bearer nope"})
    assert answer.status == 401 and answer.json()["message"]


def test_wrong_secret_is_an_invalid_signature(make_ovh_client) -> None:
    client = make_ovh_client(application_secret="not-the-secret")
    with pytest.raises(BadParametersError, match="Invalid signature"):
        client.get("/me")


def test_body_changed_after_signing_is_an_invalid_signature(sandbox, raw_call) -> None:
    line = _base(sandbox.info())
    answer = raw_call(
        "POST",
        line + "/click2Call",
        {"calledNumber": "0033199001234"},
        headers={"X-Ovh-Signature": "$1$" + "0" * 40},
    )
    assert answer.status == 400 and answer.json()["errorCode"] == "INVALID_SIGNATURE"
    assert sandbox.calls() == []


def test_stale_timestamp_is_refused(raw_call) -> None:
    answer = raw_call("GET", "/me", timestamp=int(time.time()) - 301)
    assert answer.status == 400
    assert answer.json()["message"] == "Query out of time"
    assert raw_call("GET", "/me", timestamp=int(time.time()) - 290).status == 200
    assert raw_call("GET", "/me", timestamp=int(time.time()) + 3600).status == 400


def test_time_window_is_configurable(ovh_endpoint, monkeypatch) -> None:
    with SandboxServer(time_window=5) as server:
        monkeypatch.setitem(ovh.client.ENDPOINTS, "sandbox", server.endpoint)
        info = server.info()
        client = ovh.Client(
            "sandbox", info["application_key"], info["application_secret"], info["consumer_key"]
        )
        assert client.get("/me")
        client._time_delta = -10  # a client clock 10 s late
        with pytest.raises(BadParametersError, match="Query out of time"):
            client.get("/me")


def test_route_outside_the_rules_is_not_granted(sandbox, make_ovh_client) -> None:
    ck = sandbox.create_consumer_key([{"method": "GET", "path": "/telephony/*/line/*"}])
    client = make_ovh_client(consumer_key=ck)
    info = sandbox.info()
    assert client.get(_base(info))["serviceName"] == info["lines"][0]
    with pytest.raises(NotGrantedCall, match="This call has not been granted"):
        client.get("/telephony")
    with pytest.raises(NotGrantedCall, match="This call has not been granted"):
        client.post(_base(info) + "/click2Call", calledNumber="0033199001234")
    assert sandbox.calls() == []
    assert client.get("/auth/currentCredential")["rules"] == [
        {"method": "GET", "path": "/telephony/*/line/*"}
    ]


def test_mid_path_wildcard_rule(sandbox, make_ovh_client) -> None:
    rules = [{"method": "POST", "path": "/telephony/*/line/*/click2Call"}]
    client = make_ovh_client(consumer_key=sandbox.create_consumer_key(rules))
    assert client.post(_base(sandbox.info()) + "/click2Call", calledNumber="+33199001234") is None
    with pytest.raises(NotGrantedCall):
        client.get(_base(sandbox.info()))


@pytest.mark.parametrize(
    ("status", "error", "message"),
    [
        ("pendingValidation", InvalidCredential, "This credential is not valid"),
        ("expired", InvalidCredential, "This credential is not valid"),
        ("refused", NotCredential, "This credential does not exist"),
    ],
)
def test_unusable_consumer_key(sandbox, make_ovh_client, status, error, message) -> None:
    ck = sandbox.create_consumer_key([{"method": "GET", "path": "/*"}], status=status)
    client = make_ovh_client(consumer_key=ck)
    with pytest.raises(error, match=message):
        client.get("/me")
    with pytest.raises(error, match=message):
        client.get("/auth/currentCredential")


def test_unknown_consumer_key_and_application(make_ovh_client) -> None:
    with pytest.raises(NotCredential, match="This credential does not exist"):
        make_ovh_client(consumer_key="x" * 32).get("/me")
    with pytest.raises(InvalidKey, match="Invalid application key"):
        make_ovh_client(application_key="unknownAppKey001").get("/me")


def test_no_consumer_key_must_login_first(raw_call) -> None:
    answer = raw_call("GET", "/me", signed=False)
    assert answer.status == 401 and answer.json()["message"] == "You must login first"


def test_current_error_shape_gives_plain_api_errors(sandbox, make_ovh_client) -> None:
    sandbox.inject_fault(error_shape="current")
    with pytest.raises(APIError, match="This credential does not exist") as caught:
        make_ovh_client(consumer_key="x" * 32).get("/me")
    assert type(caught.value) is APIError
    assert set(caught.value.response.json()) == {"class", "message"}


def test_consumer_key_flow_with_the_validation_page(sandbox, ovh_client, make_ovh_client) -> None:
    request = ovh_client.new_consumer_key_request()
    request.add_recursive_rules(ovh.API_READ_WRITE, "/telephony")
    request.add_rule("GET", "/me")
    pending = request.request()
    assert pending["state"] == "pendingValidation"
    assert pending["validationUrl"].startswith(sandbox.base_url + "/auth/?credentialToken=")
    client = make_ovh_client(consumer_key=pending["consumerKey"])
    with pytest.raises(InvalidCredential):
        client.get("/me")

    with urllib.request.urlopen(pending["validationUrl"], timeout=10) as page:
        html = page.read().decode()
    assert "EasyClick2Call demo" in html and "/telephony/*" in html
    assert 'value="authorize"' in html and 'value="refuse"' in html
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(pending["validationUrl"]).query)[
        "credentialToken"
    ][0]
    form = urllib.parse.urlencode({"credentialToken": token, "decision": "authorize"}).encode()
    with urllib.request.urlopen(sandbox.base_url + "/auth/", data=form, timeout=10) as page:
        assert "Access granted" in page.read().decode()

    assert client.get("/auth/currentCredential")["status"] == "validated"
    exercise_every_route(client, sandbox)


def test_refusing_on_the_validation_page(sandbox, ovh_client, make_ovh_client) -> None:
    request = ovh_client.new_consumer_key_request()
    request.add_rule("GET", "/me")
    pending = request.request()
    token = pending["validationUrl"].split("credentialToken=")[1]
    form = urllib.parse.urlencode({"credentialToken": token, "decision": "refuse"}).encode()
    with urllib.request.urlopen(sandbox.base_url + "/auth/", data=form, timeout=10) as page:
        assert "Access refused" in page.read().decode()
    assert sandbox.credential_status(pending["consumerKey"]) == "refused"
    with pytest.raises(NotCredential):
        make_ovh_client(consumer_key=pending["consumerKey"]).get("/me")


def test_validation_helpers_without_a_browser(sandbox, ovh_client, make_ovh_client) -> None:
    request = ovh_client.new_consumer_key_request()
    request.add_rule("GET", "/me")
    ck = request.request()["consumerKey"]
    sandbox.validate_consumer_key(ck, validity=3600)
    client = make_ovh_client(consumer_key=ck)
    assert client.get("/auth/currentCredential")["expiration"]
    assert client.get("/me")
    sandbox.inject_fault(clock_offset=3601)  # an hour later, the key has run out
    with pytest.raises(InvalidCredential):
        make_ovh_client(consumer_key=ck).get("/me")  # a new client: in step with the clock
    assert sandbox.credential_status(ck) == "expired"


def test_credential_request_needs_access_rules(ovh_client) -> None:
    with pytest.raises(BadParametersError, match="accessRules isn't formated correctly"):
        ovh_client.post("/auth/credential", _need_auth=False, redirection=None)


def test_click2call_user_rules(sandbox, ovh_client) -> None:
    line = _base(sandbox.info())
    for password in ("short1", "twenty-one-characters", "has space1", "amp&ersand1"):
        with pytest.raises(BadParametersError, match="password"):
            ovh_client.post(line + "/click2CallUser", login="bob", password=password)
    with pytest.raises(BadParametersError, match="login"):
        ovh_client.post(line + "/click2CallUser", login="", password="Secret-123")
    with pytest.raises(BadParametersError, match="password"):
        ovh_client.post(line + "/click2CallUser", login="bob")
    with pytest.raises(ResourceConflictError):
        ovh_client.post(line + "/click2CallUser", login="reception", password="Secret-123")
    with pytest.raises(ResourceNotFoundError):
        ovh_client.get(line + "/click2CallUser/999")
    with pytest.raises(BadParametersError, match="password"):
        ovh_client.post(line + "/click2CallUser/123456/changePassword", password="bad pass 1")
    assert ovh_client.get(line + "/click2CallUser") == [123456]


def test_click2call_checks_the_numbers(sandbox, ovh_client) -> None:
    line = _base(sandbox.info())
    with pytest.raises(BadParametersError, match="calledNumber"):
        ovh_client.post(line + "/click2Call")
    with pytest.raises(BadParametersError, match="calledNumber"):
        ovh_client.post(line + "/click2Call", calledNumber="12")
    with pytest.raises(BadParametersError, match="callingNumber"):
        ovh_client.post(line + "/click2Call", calledNumber="0612345678", callingNumber="abc")
    with pytest.raises(BadParametersError, match="intercom"):
        ovh_client.post(
            line + "/click2CallUser/123456/click2Call", calledNumber="0612345678", intercom=True
        )
    with pytest.raises(ResourceNotFoundError, match="This service does not exist"):
        ovh_client.post(
            "/telephony/ab12345-ovh-1/line/0033100000000/click2Call", calledNumber="0612345678"
        )
    assert sandbox.calls() == []


def test_body_on_a_no_body_route(raw_call) -> None:
    answer = raw_call("GET", "/me", {"unexpected": True})
    assert answer.status == 400
    assert answer.json()["message"] == "You provided an input body while none was expected"


def test_only_loopback_hosts() -> None:
    for host in ("0.0.0.0", "192.168.1.10", "example.org", "::"):
        with pytest.raises(NotLoopbackError, match="loopback"):
            SandboxServer(host=host)
    with SandboxServer(host="::1") as server:
        assert server.endpoint.startswith("http://[::1]:")
        with urllib.request.urlopen(server.endpoint + "/auth/time", timeout=5) as answer:
            assert int(answer.read()) > 0


def test_signature_covers_the_query_string(sandbox, ovh_client, raw_call) -> None:
    # python-ovh puts GET keyword arguments in the query string and signs the full URL.
    assert ovh_client.get("/telephony", iamTags="é /&x", flag=True, empty=None) == [
        sandbox.info()["billing_account"]
    ]
    info = sandbox.info()
    now = str(int(time.time()))
    signature = sign(
        info["application_secret"],
        info["consumer_key"],
        "GET",
        sandbox.endpoint + "/telephony?a=1",
        "",
        now,
    )
    replay = {"X-Ovh-Timestamp": now, "X-Ovh-Signature": signature}
    assert raw_call("GET", "/telephony?a=1", headers=replay).status == 200
    refused = raw_call("GET", "/telephony?a=2", headers=replay)
    assert refused.status == 400 and refused.json()["message"] == "Invalid signature"


def test_stop_ends_kept_alive_connections(make_ovh_client, sandbox) -> None:
    client = make_ovh_client()
    assert client.get("/me")  # the client's session keeps its connection open
    sandbox.stop()
    with pytest.raises(ovh.exceptions.HTTPError):
        client.get("/me")
