"""Every failure of the OVHcloud side as one `ApiError` with a kind and an English message.

`map_error(exc)` turns whatever python-ovh, requests, urllib3, oauthlib or the socket layer
raised into an `ApiError`. Messages are short, say what to do next, and never contain a
traceback, a secret or OVHcloud's query id (the query id stays on the object, for logs).
Their French is in the catalogue (context "ApiError"); `ApiError.text(translate)` gives it.
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass

import requests
from ovh import exceptions as ovh_exc
from urllib3 import exceptions as urllib3_exc

from easyclick2call.core.i18n_marks import QT_TRANSLATE_NOOP, Translate, english

API_ERROR_CONTEXT = "ApiError"


@dataclass(frozen=True)
class ErrorKind:
    """One kind of failure: its messages and the family the CLI maps to an exit code."""

    en: str
    # "auth" (sign-in/permission), "network" (network/server), "input", "number" (not a
    # callable number), "cancelled"
    family: str


# kind -> messages. The UI and the closing notes list them from here.
_KINDS: dict[str, ErrorKind] = {
    # Configuration (nothing was sent).
    "not_configured": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "No OVHcloud account is set up — connect your account in Settings."),
        "auth",
    ),
    "config": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "The OVHcloud account settings are incomplete or invalid — check them in Settings."),
        "auth",
    ),
    "invalid_login": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "This Click2Call login is not valid — use 1 to 50 letters, digits, dots, dashes, "
            "underscores or @."),
        "input",
    ),
    "invalid_password": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "This password does not follow OVHcloud's rules — use 8 to 20 characters, without "
            "spaces, &, $ or `."),
        "input",
    ),
    # Sign-in and permissions.
    "auth_missing": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud asks you to sign in — connect your account in Settings."),
        "auth",
    ),
    "invalid_signature": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud refused the application secret — check the application key and secret in "
            "Settings."),
        "auth",
    ),
    "unknown_app_key": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud does not know this application key — check it in Settings."),
        "auth",
    ),
    "access_expired": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Access expired — reconnect in "
            "Settings."),
        "auth",
    ),
    "access_unknown": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "This access key is unknown or belongs to another application — reconnect in "
            "Settings."),
        "auth",
    ),
    "not_granted": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Your access key does not allow this action — reconnect in Settings to grant it."),
        "auth",
    ),
    "live_calls_not_granted": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Your access key predates live calls — reconnect in Settings to enable live calls."),
        "auth",
    ),
    "forbidden": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Your OVHcloud account is not allowed to do this — check its rights in the OVHcloud "
            "Control Panel."),
        "auth",
    ),
    "clock_skew": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Your computer's clock is wrong — set the date and time automatically, "
            "then try again."),
        "auth",
    ),
    "oauth_invalid_client": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud refused the service account — check the client ID and secret in Settings."),
        "auth",
    ),
    "oauth_failed": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Signing in with the service account failed — check it in Settings, then try again."),
        "auth",
    ),
    # The consumer-key flow (Connect…).
    "key_refused": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "The access request was refused on OVHcloud's page — click Connect again "
            "and accept it."),
        "auth",
    ),
    "key_expired": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "The access request expired — click Connect again."),
        "auth",
    ),
    "key_timeout": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "The access request was not validated in time — click Connect again and accept it "
            "sooner."),
        "auth",
    ),
    "cancelled": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Cancelled."),
        "cancelled",
    ),
    # What was asked.
    "invalid_number": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "This number cannot be called — check it and try again."),
        "number",
    ),
    "bad_request": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud refused the request — check the number and the line in Settings."),
        "input",
    ),
    "not_found": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud does not know this billing account, line or Click2Call user — pick "
            "them again in Settings."),
        "input",
    ),
    "expired_service": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "This OVHcloud service has expired — renew it in the OVHcloud Control Panel."),
        "input",
    ),
    # Network and server.
    "network": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Cannot reach OVHcloud — check your internet connection and try again."),
        "network",
    ),
    "dns": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Cannot find OVHcloud's server — check your internet connection (DNS) and try again."),
        "network",
    ),
    "tls": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "The secure connection to OVHcloud failed — check your computer's date and any proxy, "
            "then try again."),
        "network",
    ),
    "connect_timeout": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud could not be reached in time — check your connection and try again."),
        "network",
    ),
    "timeout": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud did not answer in time — check your connection and try again."),
        "network",
    ),
    "connection_lost": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "The connection to OVHcloud was cut — check your connection and try again."),
        "network",
    ),
    "invalid_response": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud sent an unreadable answer — try again in a few minutes."),
        "network",
    ),
    "rate_limited": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Too many requests to OVHcloud — wait a minute, then try again."),
        "network",
    ),
    "conflict": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud is still busy with a previous request — wait a moment, then try again."),
        "network",
    ),
    "server": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "OVHcloud has a temporary problem — try again in a few minutes."),
        "network",
    ),
    "unexpected": ErrorKind(
        QT_TRANSLATE_NOOP(
            "ApiError",
            "Something unexpected went wrong with OVHcloud — try again; the log has details."),
        "network",
    ),
}

# kind -> English message (French: context "ApiError" of the catalogue), what the UI and the
# documentation list.
ERROR_KINDS: dict[str, str] = {kind: k.en for kind, k in _KINDS.items()}

# Failures of a request that changes something (placing a call, creating a user…) after it was
# sent: OVHcloud may have done it all the same. Failures before sending it (DNS, refused,
# connect timeout, the clock or token request) and OVHcloud's own refusals (4xx) leave nothing
# done.
UNCERTAIN_KINDS = frozenset({"timeout", "connection_lost", "server", "invalid_response",
                             "unexpected"})
UNCERTAIN_SUFFIX = QT_TRANSLATE_NOOP(
    "ApiError", "It may have been done all the same: check before trying again.")


class ApiError(Exception):
    """One failure of the OVHcloud side, ready to show to a person.

    `detail` is OVHcloud's own message (without query id), for logs and expert displays;
    `query_id` is OVHcloud's X-Ovh-QueryId when there was an answer.
    """

    def __init__(
        self,
        kind: str,
        message: str,
        status: int | None = None,
        *,
        detail: str = "",
        query_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.detail = detail
        self.query_id = query_id
        # True when a request that changes something was sent and its fate is unknown.
        self.uncertain = False

    @classmethod
    def of(
        cls,
        kind: str,
        status: int | None = None,
        *,
        detail: str = "",
        query_id: str | None = None,
    ) -> ApiError:
        """An error of a kind listed in ERROR_KINDS, with its standard messages."""
        spec = _KINDS[kind]
        return cls(kind, spec.en, status, detail=detail, query_id=query_id)

    @property
    def family(self) -> str:
        """"auth", "network", "input", "number" or "cancelled" (see ErrorKind)."""
        spec = _KINDS.get(self.kind)
        return spec.family if spec else "network"

    def text(self, translate: Translate = english) -> str:
        """The message through `translate` (the catalogue's context "ApiError"), with the
        warning that it may have been done all the same when :attr:`uncertain`."""
        message = translate(API_ERROR_CONTEXT, self.message)
        if self.uncertain:
            message = f"{message} {translate(API_ERROR_CONTEXT, UNCERTAIN_SUFFIX)}"
        return message

    def __repr__(self) -> str:
        return f"ApiError(kind={self.kind!r}, status={self.status!r}, detail={self.detail!r})"


# --- classification -------------------------------------------------------------------------

_QUERY_ID = re.compile(r"\s*OVH-Query-ID:.*$", re.IGNORECASE | re.DOTALL)
_MAX_DETAIL = 200

# (pattern in OVHcloud's message, kind), checked in order, for bodies without errorCode.
_MESSAGE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"invalid signature", "invalid_signature"),
        (r"out of time|timestamp|clock|time ?skew|time ?drift", "clock_skew"),
        (r"not been granted", "not_granted"),
        (r"credential is not valid|credential (has )?expired|expired credential", "access_expired"),
        (r"credential does not exist", "access_unknown"),
        (r"application key|invalid key|application does not exist", "unknown_app_key"),
        (r"must login first", "auth_missing"),
    )
)


def _clean(text: object) -> str:
    """OVHcloud's message for `detail`: one line, no query id, bounded."""
    if not isinstance(text, str):
        return ""
    text = _QUERY_ID.sub("", text).strip()
    text = " ".join(text.split())
    return text[:_MAX_DETAIL]


def _by_message(text: str) -> str | None:
    for pattern, kind in _MESSAGE_PATTERNS:
        if pattern.search(text):
            return kind
    return None


def _body_error_code(response: requests.Response | None) -> str:
    if response is None:
        return ""
    try:
        body = response.json()
    except ValueError:
        return ""
    if isinstance(body, dict):
        code = body.get("errorCode")
        return code if isinstance(code, str) else ""
    return ""


def _by_status(status: int | None, text: str, response: requests.Response | None) -> str:
    """The kind of an HTTP error answer python-ovh gave no class of its own (403 with another
    or no error code, 401, 429, 5xx…; its 400/403-code/404/409/460 classes are mapped above)."""
    code = _body_error_code(response)
    if code == "INVALID_SIGNATURE":
        return "invalid_signature"
    if code in ("QUERY_TIME_OUT", "INVALID_TIMESTAMP"):
        return "clock_skew"
    from_message = _by_message(text)
    if status == 400:
        signing = ("invalid_signature", "clock_skew")
        return from_message if from_message in signing else "bad_request"
    if status == 401:
        return "auth_missing"
    if status == 403:
        return from_message if from_message and from_message != "auth_missing" else "forbidden"
    if status == 429:
        return "rate_limited"
    if status is not None and status >= 500:
        return "server"
    return from_message or "unexpected"


def _network_kind(exc: BaseException) -> str:
    """The kind of a requests/urllib3/socket failure, from the exception and its causes."""
    chain = list(_causes(exc))
    # With urllib3 retries off, a read timeout reaches us as a ConnectionError wrapping
    # MaxRetryError(ReadTimeoutError): look through the whole chain, connect timeouts first.
    # (urllib3's NewConnectionError — refused, unreachable — is a ConnectTimeoutError too.)
    if any(isinstance(e, requests.exceptions.ConnectTimeout | urllib3_exc.ConnectTimeoutError)
           and not isinstance(e, urllib3_exc.NewConnectionError) for e in chain):
        return "connect_timeout"
    if any(isinstance(e, requests.exceptions.ReadTimeout | urllib3_exc.ReadTimeoutError
                      | socket.timeout | TimeoutError) for e in chain):
        return "timeout"
    if isinstance(exc, requests.exceptions.SSLError):
        return "tls"
    text = " ".join(str(e) for e in chain)
    if any(isinstance(e, socket.gaierror) for e in chain) or re.search(
        r"Name or service not known|NameResolution|nodename nor servname|getaddrinfo failed|"
        r"Temporary failure in name resolution|No address associated",
        text,
    ):
        return "dns"
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text.lower():
        return "network"
    if any(
        isinstance(e, ConnectionResetError | ConnectionAbortedError | BrokenPipeError)
        for e in chain
    ) or re.search(r"RemoteDisconnected|Connection aborted|closed connection|reset by peer", text):
        return "connection_lost"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "connection_lost"
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return "config"
    return "network"


def _causes(exc: BaseException):
    """exc, its args that are exceptions, its __cause__/__context__, and urllib3's .reason."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        nested = [a for a in current.args if isinstance(a, BaseException)]
        nested += [
            e
            for e in (current.__cause__, current.__context__, getattr(current, "reason", None))
            if isinstance(e, BaseException)
        ]
        stack.extend(nested)


def _oauth_kind(text: str) -> str:
    lowered = text.lower()
    if "invalid_client" in lowered or "unauthorized_client" in lowered:
        return "oauth_invalid_client"
    if "insecure_transport" in lowered:
        return "config"
    match = re.search(r"status_code=(\d{3})", text)
    if match:
        status = int(match.group(1))
        if status >= 500:
            return "server"
        if status == 429:
            return "rate_limited"
    return "oauth_failed"


_GATEWAY_ERROR_TITLE = re.compile(r"<title>[^<]*\b5\d\d\b", re.IGNORECASE)


def _is_gateway_error_page(exc: BaseException) -> bool:
    """An HTML page titled with a 5xx status ("502 Bad Gateway"): a proxy in front of the API
    answered because the API could not; python-ovh keeps only the undecodable body."""
    low = next((a for a in exc.args[1:] if isinstance(a, ValueError)), None)
    body = getattr(low, "doc", None)
    return isinstance(body, str) and _GATEWAY_ERROR_TITLE.search(body[:2048]) is not None


def map_error(exc: BaseException) -> ApiError:
    """One `ApiError` for any failure met while talking to OVHcloud (never raises)."""
    if isinstance(exc, ApiError):
        return exc
    try:
        return _map(exc)
    except Exception:  # a mapping bug must never hide the original failure behind a traceback
        return ApiError.of("unexpected", detail=type(exc).__name__)


def _map(exc: BaseException) -> ApiError:
    if isinstance(exc, ovh_exc.APIError):
        return _map_ovh(exc)
    if isinstance(exc, requests.exceptions.RequestException | OSError):
        return ApiError.of(_network_kind(exc), detail=type(exc).__name__)
    if isinstance(exc, AttributeError):
        # python-ovh calls .get() on an error body that is JSON but not an object.
        return ApiError.of("invalid_response", detail="error body is not a JSON object")
    if isinstance(exc, ValueError) and "json" in type(exc).__name__.lower():
        return ApiError.of("invalid_response", detail="answer is not JSON")
    module = type(exc).__module__ or ""
    if module.startswith("oauthlib"):
        return ApiError.of(_oauth_kind(f"({getattr(exc, 'error', '')}) {exc}"))
    return ApiError.of("unexpected", detail=type(exc).__name__)


def _map_ovh(exc: ovh_exc.APIError) -> ApiError:
    response: requests.Response | None = getattr(exc, "response", None)
    status = response.status_code if response is not None else None
    query_id = getattr(exc, "query_id", None)
    text = _clean(exc.args[0] if exc.args else "")

    def make(kind: str, detail: str = text) -> ApiError:
        return ApiError.of(kind, status, detail=detail, query_id=query_id)

    if isinstance(exc, ovh_exc.HTTPError):
        low = next((a for a in exc.args[1:] if isinstance(a, BaseException)), None)
        if low is None:
            return make("network")
        return make(_network_kind(low), detail=type(low).__name__)
    if isinstance(exc, ovh_exc.InvalidResponse):
        if _is_gateway_error_page(exc):
            return make("server", detail="HTML 5xx page instead of the API's answer")
        return make("invalid_response", detail="answer is not JSON")
    if isinstance(exc, ovh_exc.InvalidConfiguration | ovh_exc.InvalidRegion):
        return make("config")
    if isinstance(exc, ovh_exc.OAuth2FailureError):
        return make(_oauth_kind(text))
    if isinstance(exc, ovh_exc.InvalidKey) and response is None:
        # Raised before sending: the application secret or the consumer key is missing.
        return make("not_configured", detail="missing application secret or consumer key")
    if isinstance(exc, ovh_exc.NetworkError):
        return make("network")
    if isinstance(exc, ovh_exc.ReadOnlyError):
        return make("bad_request")
    if isinstance(exc, ovh_exc.NotGrantedCall):
        return make("not_granted")
    if isinstance(exc, ovh_exc.NotCredential):
        return make("access_unknown")
    if isinstance(exc, ovh_exc.InvalidCredential):
        return make("access_expired")
    if isinstance(exc, ovh_exc.InvalidKey):
        return make("unknown_app_key")
    if isinstance(exc, ovh_exc.Forbidden):
        return make(_by_message(text) or "forbidden")
    if isinstance(exc, ovh_exc.ResourceNotFoundError):
        return make("not_found")
    if isinstance(exc, ovh_exc.ResourceConflictError):
        return make("conflict")
    if isinstance(exc, ovh_exc.ResourceExpiredError):
        return make("expired_service")
    if isinstance(exc, ovh_exc.BadParametersError):
        return make(_by_status(400, text, response))
    return make(_by_status(status, text, response))
