"""ovhapi.errors: the ERROR_KINDS table and map_error on every exception class (unit level).

Real failures against the sandbox are in test_errors_sandbox.py; here, the exceptions the
libraries raise are classified one by one, and the DNS failure is a real requests exception
for a name that cannot resolve (only loopback custom URLs may be used by the client).
"""

from __future__ import annotations

import json
import re
import socket

import pytest
import requests
from ovh import exceptions as ovh_exc

from easyclick2call.commands.translation import translator_for
from easyclick2call.ovhapi.errors import ERROR_KINDS, ApiError, map_error

FR = translator_for("fr")  # the French catalogue, as the command line reads it


def response(status: int, body: object, query_id: str = "EU.ext-1.abc") -> requests.Response:
    """A requests.Response as python-ovh receives it."""
    answer = requests.Response()
    answer.status_code = status
    answer._content = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    answer.headers["X-Ovh-QueryId"] = query_id
    answer.headers["Content-Type"] = "application/json"
    return answer


def test_every_kind_has_short_actionable_messages_in_both_languages() -> None:
    assert len(ERROR_KINDS) >= 30
    for kind, english in ERROR_KINDS.items():
        french = FR("ApiError", english)
        assert english and french and english != french, kind
        assert len(english) <= 120 and len(french) <= 140, kind
        assert "\n" not in english + french and "Traceback" not in english + french
        assert re.match(r"^[A-Z]", english) and re.match(r"^[A-ZÀ-Ý]", french), kind
        if kind != "cancelled":
            assert " — " in english and " — " in french, kind  # what happened — what to do
    assert ERROR_KINDS["access_expired"] == "Access expired — reconnect in Settings."
    assert FR("ApiError", ERROR_KINDS["access_expired"]) == (
        "Accès expiré — reconnectez-vous dans Réglages.")


def test_text_is_english_unless_translated_through_the_catalogue() -> None:
    error = ApiError.of("network")
    assert error.text(FR) == FR("ApiError", ERROR_KINDS["network"]) != ERROR_KINDS["network"]
    assert error.text() == error.message == ERROR_KINDS["network"]
    assert translator_for("en_GB")("ApiError", error.message) == ERROR_KINDS["network"]
    assert translator_for("FR")("ApiError", error.message) == error.text(FR)
    assert str(error) == ERROR_KINDS["network"]


# (exception, expected kind): every ovh.exceptions class and both body shapes.
OVH_CASES = [
    (
        ovh_exc.NotGrantedCall(
            "This call has not been granted",
            response=response(403, {"errorCode": "NOT_GRANTED_CALL"}),
        ),
        "not_granted",
    ),
    (
        ovh_exc.NotCredential("This credential does not exist", response=response(403, {})),
        "access_unknown",
    ),
    (
        ovh_exc.InvalidCredential("This credential is not valid", response=response(403, {})),
        "access_expired",
    ),
    (ovh_exc.InvalidKey("Invalid application key", response=response(403, {})), "unknown_app_key"),
    (ovh_exc.InvalidKey("Invalid ConsumerKey 'None'"), "not_configured"),
    (
        ovh_exc.Forbidden("User not granted for this request", response=response(403, {})),
        "forbidden",
    ),
    (
        ovh_exc.ResourceNotFoundError("This service does not exist", response=response(404, {})),
        "not_found",
    ),
    (
        ovh_exc.BadParametersError(
            "Invalid signature", response=response(400, {"errorCode": "INVALID_SIGNATURE"})
        ),
        "invalid_signature",
    ),
    (
        ovh_exc.BadParametersError(
            "Invalid signature", response=response(400, {"class": "Client::BadRequest"})
        ),
        "invalid_signature",
    ),
    (
        ovh_exc.BadParametersError(
            "Query out of time", response=response(400, {"errorCode": "QUERY_TIME_OUT"})
        ),
        "clock_skew",
    ),
    (
        ovh_exc.BadParametersError(
            "You provided an input body while none was expected", response=response(400, {})
        ),
        "bad_request",
    ),
    (
        ovh_exc.ResourceConflictError(
            "This pop is already being processed", response=response(409, {})
        ),
        "conflict",
    ),
    (ovh_exc.ResourceExpiredError(None, response=response(460, {})), "expired_service"),
    (ovh_exc.InvalidConfiguration("Missing authentication information"), "config"),
    (ovh_exc.InvalidRegion("Unknown endpoint %s", "x", []), "config"),
    (ovh_exc.ReadOnlyError("read only"), "bad_request"),
    (ovh_exc.NetworkError(), "network"),
    (ovh_exc.InvalidResponse("Failed to decode API response", ValueError("x")), "invalid_response"),
    (
        ovh_exc.HTTPError("Low HTTP request failed error", requests.exceptions.ReadTimeout()),
        "timeout",
    ),
    (
        ovh_exc.HTTPError("Low HTTP request failed error", requests.exceptions.ConnectTimeout()),
        "connect_timeout",
    ),
    (ovh_exc.HTTPError("Low HTTP request failed error"), "network"),
    (
        ovh_exc.OAuth2FailureError(
            "OAuth2 failure: (invalid_client) ovhcloud oauth2 client does not exists"
        ),
        "oauth_invalid_client",
    ),
    (
        ovh_exc.OAuth2FailureError(
            "OAuth2 failure: Missing access token parameter. Token creation failed with "
            "status_code=503, body=oops"
        ),
        "server",
    ),
    (ovh_exc.OAuth2FailureError("OAuth2 failure: (invalid_scope) nope"), "oauth_failed"),
    # Current {class, message} bodies: plain APIError, classified by status and message.
    (
        ovh_exc.APIError(
            "This call has not been granted", response=response(403, {"class": "Client::Forbidden"})
        ),
        "not_granted",
    ),
    (
        ovh_exc.APIError("This credential is not valid", response=response(403, {})),
        "access_expired",
    ),
    (
        ovh_exc.APIError("This credential does not exist", response=response(403, {})),
        "access_unknown",
    ),
    (ovh_exc.APIError("Invalid application key", response=response(403, {})), "unknown_app_key"),
    (
        ovh_exc.APIError("User not granted for this request", response=response(403, {})),
        "forbidden",
    ),
    (ovh_exc.APIError("You must login first", response=response(401, {})), "auth_missing"),
    (ovh_exc.APIError("Too many requests", response=response(429, {})), "rate_limited"),
    (ovh_exc.APIError("Internal server error", response=response(500, {})), "server"),
    (ovh_exc.APIError("Service unavailable", response=response(503, {})), "server"),
    (ovh_exc.APIError("I'm a teapot", response=response(418, {})), "unexpected"),
]


@pytest.mark.parametrize(
    ("exc", "kind"), OVH_CASES, ids=[f"{type(e).__name__}-{k}" for e, k in OVH_CASES]
)
def test_ovh_exceptions(exc: Exception, kind: str) -> None:
    error = map_error(exc)
    assert isinstance(error, ApiError)
    assert error.kind == kind
    assert error.message == ERROR_KINDS[kind]
    assert "Query-ID" not in error.detail and "EU.ext" not in error.message
    if getattr(exc, "response", None) is not None:
        assert error.query_id == "EU.ext-1.abc"
        assert error.status == exc.response.status_code


def test_query_id_is_kept_for_logs_but_not_in_messages() -> None:
    exc = ovh_exc.APIError("Internal server error", response=response(500, {}, "EU.ext-5.6712"))
    assert "OVH-Query-ID" in str(exc)
    error = map_error(exc)
    assert error.query_id == "EU.ext-5.6712"
    assert error.detail == "Internal server error"
    assert "6712" not in error.message + error.text(FR)


def test_dns_failure_from_a_real_requests_exception() -> None:
    with pytest.raises(requests.exceptions.ConnectionError) as caught:
        requests.get("http://no-such-host.invalid/1.0/me", timeout=(2, 2))
    assert map_error(caught.value).kind == "dns"
    wrapped = ovh_exc.HTTPError("Low HTTP request failed error", caught.value)
    assert map_error(wrapped).kind == "dns"
    assert map_error(socket.gaierror(-2, "Name or service not known")).kind == "dns"


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (requests.exceptions.ConnectTimeout(), "connect_timeout"),
        (requests.exceptions.ReadTimeout(), "timeout"),
        (requests.exceptions.SSLError(), "tls"),
        (requests.exceptions.ConnectionError(ConnectionRefusedError(111, "refused")), "network"),
        (
            requests.exceptions.ConnectionError(ConnectionResetError(104, "reset by peer")),
            "connection_lost",
        ),
        (requests.exceptions.ChunkedEncodingError(), "connection_lost"),
        (ConnectionRefusedError(111, "Connection refused"), "network"),
        (TimeoutError(), "timeout"),
        (AttributeError("'list' object has no attribute 'get'"), "invalid_response"),
        (json.JSONDecodeError("Expecting value", "", 0), "invalid_response"),
        (RuntimeError("boom"), "unexpected"),
    ],
)
def test_low_level_failures(exc: BaseException, kind: str) -> None:
    assert map_error(exc).kind == kind


def test_oauthlib_insecure_transport_is_a_config_error() -> None:
    from oauthlib.oauth2.rfc6749.errors import InsecureTransportError

    assert map_error(InsecureTransportError()).kind == "config"


def test_an_api_error_maps_to_itself_and_map_error_never_raises() -> None:
    error = ApiError.of("server", 503)
    assert map_error(error) is error

    class Weird(ovh_exc.APIError):
        @property
        def args(self):  # a broken exception must not break the mapping
            raise RuntimeError("no args")

    assert map_error(Weird()).kind == "unexpected"


def test_no_secret_reaches_a_message() -> None:
    secret = "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk"
    exc = ovh_exc.InvalidKey(f"Invalid ApplicationSecret '{secret}'")
    error = map_error(exc)
    text = error.message + error.text(FR) + error.detail + repr(error)
    assert secret not in text
