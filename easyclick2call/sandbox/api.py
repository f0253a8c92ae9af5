"""The `/1.0` routes of the sandbox: authentication checks and the answers of each route.

Transport-free: `SandboxApi.handle()` takes the request as received and returns
`(status, json_value)` or raises `SandboxApiError`; `handler.py` does the HTTP part.
"""

from __future__ import annotations

import functools
import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import unquote

from easyclick2call.sandbox import batch, errors
from easyclick2call.sandbox.event_tokens import EVENT_TOKEN_ROUTES, EventTokenRoutes
from easyclick2call.sandbox.models import (
    NICHANDLE,
    billing_account_json,
    line_json,
    line_options_json,
)
from easyclick2call.sandbox.signing import (
    number_is_valid,
    password_is_valid,
    rules_allow,
    sign,
    signature_matches,
)
from easyclick2call.sandbox.state import (
    SandboxState,
    now_iso,
    random_key,
)

DEFAULT_TIME_WINDOW = 300  # seconds of accepted skew between X-Ovh-Timestamp and the server
DEFAULT_TOKEN_LIFETIME = 3600  # OAuth2 access token lifetime, seconds
HTTP_METHODS = ("DELETE", "GET", "PATCH", "POST", "PUT")
_LINE = "/telephony/{billingAccount}/line/{serviceName}"


@dataclass(frozen=True)
class Route:
    method: str
    template: str  # OVHcloud's path with {params}
    action: str  # SandboxApi method name
    authenticated: bool = True
    takes_body: bool = False

    def match(self, method: str, path: str) -> dict[str, str] | None:
        if method != self.method:
            return None
        found = _template_pattern(self.template).fullmatch(path)
        if found is None:
            return None
        return {name: unquote(value) for name, value in found.groupdict().items()}


@functools.cache
def _template_pattern(template: str) -> re.Pattern[str]:
    """`/a/{x}/b` → a regex with one named group per path parameter."""
    return re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template)))


ROUTES = (
    Route("GET", "/auth/time", "auth_time", authenticated=False),
    Route("POST", "/auth/credential", "auth_credential", authenticated=False, takes_body=True),
    Route("GET", "/auth/currentCredential", "current_credential"),
    Route("GET", "/auth/details", "auth_details"),
    Route("POST", "/auth/logout", "auth_logout"),
    Route("GET", "/me", "me"),
    Route("GET", "/telephony", "billing_accounts"),
    Route("GET", "/telephony/{billingAccount}", "billing_account"),
    Route("GET", "/telephony/{billingAccount}/line", "lines"),
    Route("GET", _LINE, "line"),
    Route("GET", _LINE + "/options", "line_options"),
    Route("POST", _LINE + "/click2Call", "line_click2call", takes_body=True),
    Route("GET", _LINE + "/click2CallUser", "users"),
    Route("POST", _LINE + "/click2CallUser", "create_user", takes_body=True),
    Route("GET", _LINE + "/click2CallUser/{id}", "user"),
    Route("DELETE", _LINE + "/click2CallUser/{id}", "delete_user"),
    Route(
        "POST", _LINE + "/click2CallUser/{id}/changePassword", "change_password", takes_body=True
    ),
    Route("POST", _LINE + "/click2CallUser/{id}/click2Call", "user_click2call", takes_body=True),
    *(Route(m, t, action, takes_body=body) for m, t, action, body in EVENT_TOKEN_ROUTES),
)


@dataclass(frozen=True)
class Caller:
    """Who signed a request: an application + consumer key, or an OAuth2 client."""

    method: str  # "account" (consumer key) or "oauth2_client_credentials"
    application_key: str = ""
    consumer_key: str = ""
    client_id: str = ""
    token: str = ""


@dataclass
class Request:
    method: str
    path: str  # below /1.0, without the query
    url: str  # the full URL as received, for the signature
    headers: Mapping[str, str]
    body: bytes
    params: dict[str, str]
    caller: Caller | None = None
    json_body: object = None


def _parse_time(value: str) -> float:
    return datetime.fromisoformat(value).timestamp()


class SandboxApi(EventTokenRoutes):
    """Authentication and route logic over a `SandboxState`."""

    def __init__(
        self,
        state: SandboxState,
        base_url: Callable[[], str],
        time_window: int = DEFAULT_TIME_WINDOW,
        token_lifetime: int = DEFAULT_TOKEN_LIFETIME,
    ) -> None:
        self.state = state
        self.base_url = base_url
        self.time_window = time_window
        self.token_lifetime = token_lifetime
        self.clock_offset = 0  # seconds added to the server's clock (fault: clock skew)
        self.auth_time_offset = 0  # seconds added only to GET /auth/time's answer
        # Routes served by other modules (phonebook.py, consumption.py): see register().
        self.extra_routes: list[tuple[Route, Callable[[Request], object]]] = []
        self.call_listeners: list[Callable[[dict], None]] = []  # told of each call placed

    def register(self, route: Route, handler: Callable[[Request], object]) -> None:
        """Serve `route` with `handler` (after the authentication checks every route has)."""
        self.extra_routes.append((route, handler))

    # Clock -------------------------------------------------------------------------------------

    def now(self) -> int:
        return int(time.time()) + self.clock_offset

    # Entry point -------------------------------------------------------------------------------

    def find_route(
        self, method: str, path: str
    ) -> tuple[Route, dict[str, str], Callable[[Request], object]]:
        for route in ROUTES:
            params = route.match(method, path)
            if params is not None:
                return route, params, getattr(self, route.action)
        for route, handler in self.extra_routes:
            params = route.match(method, path)
            if params is not None:
                return route, params, handler
        raise errors.route_not_found()

    def handle(
        self, method: str, path: str, url: str, headers: Mapping[str, str], body: bytes
    ) -> object:
        """The JSON answer of a `/1.0` request (status 200), or raises `SandboxApiError`."""
        route, params, handler = self.find_route(method, path)
        request = Request(method, path, url, headers, body, params)
        if body.strip() and not route.takes_body:
            raise errors.unexpected_body()
        if route.authenticated:
            request.caller = self.authenticate(request)
        if route.takes_body:
            request.json_body = self._decode_body(body)
        separator = headers.get("X-Ovh-Batch")
        if separator:
            return batch.answer(request, handler, separator)
        return handler(request)

    @staticmethod
    def _decode_body(body: bytes) -> object:
        if not body.strip():
            return {}
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise errors.bad_request("Invalid JSON received") from exc

    # Authentication ----------------------------------------------------------------------------

    def authenticate(self, request: Request) -> Caller:
        """The checks OVHcloud makes, in order; raises the error OVHcloud would answer."""
        headers = request.headers
        authorization = headers.get("Authorization", "")
        if authorization.lower().startswith("bearer "):
            return self._authenticate_token(authorization[7:].strip())
        application_key = headers.get("X-Ovh-Application", "")
        consumer_key = headers.get("X-Ovh-Consumer", "")
        if not consumer_key:
            raise errors.login_first()
        with self.state.lock:
            data = self.state.data
            application = data["applications"].get(application_key)
            if application is None:
                raise errors.invalid_application_key()
            credential = data["credentials"].get(consumer_key)
            if credential is None or credential["application_key"] != application_key:
                raise errors.credential_does_not_exist()
            timestamp = headers.get("X-Ovh-Timestamp", "")
            received = headers.get("X-Ovh-Signature", "")
            expected = sign(
                application["secret"],
                consumer_key,
                request.method,
                request.url,
                request.body,
                timestamp,
            )
            if not signature_matches(expected, received):
                raise errors.invalid_signature()
            if not timestamp.isdigit() or abs(int(timestamp) - self.now()) > self.time_window:
                raise errors.query_out_of_time()
            self._expire_if_due(credential)
            if credential["status"] == "refused":
                # [P] a refused request is dropped: its key no longer exists.
                raise errors.credential_does_not_exist()
            if credential["status"] != "validated":
                raise errors.credential_not_valid()
            # [P] /auth/* needs no access rule.
            if not request.path.startswith("/auth/") and not rules_allow(
                credential["rules"], request.method, request.path
            ):
                raise errors.call_not_granted()
            credential["last_use"] = now_iso()
        return Caller("account", application_key=application_key, consumer_key=consumer_key)

    def _expire_if_due(self, credential: dict) -> None:
        expiration = credential.get("expiration")
        if (
            credential["status"] == "validated"
            and expiration
            and _parse_time(expiration) <= self.now()
        ):
            credential["status"] = "expired"
            self.state.save()

    def _authenticate_token(self, token: str) -> Caller:
        with self.state.lock:
            entry = self.state.data["tokens"].get(token)
            if entry is None or entry["expires_at"] <= time.time():
                raise errors.invalid_token()
            return Caller("oauth2_client_credentials", client_id=entry["client_id"], token=token)

    # OAuth2 token endpoint (outside /1.0) ------------------------------------------------------

    def issue_token(self, client_id: str, client_secret: str, grant_type: str) -> tuple[int, dict]:
        """The token endpoint's status and JSON (OAuth2 error JSON on failure)."""
        if grant_type != "client_credentials":
            return 400, {
                "error": "unsupported_grant_type",
                "error_description": "only client_credentials is supported",
            }
        with self.state.lock:
            client = self.state.data["oauth_clients"].get(client_id)
            if client is None or not signature_matches(client["secret"], client_secret):
                return 401, {
                    "error": "invalid_client",
                    "error_description": "ovhcloud oauth2 client does not exists",
                }
            token = random_key(40)
            self.state.data["tokens"][token] = {
                "client_id": client_id,
                "expires_at": time.time() + self.token_lifetime,
            }
            self.state.save()
        return 200, {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": self.token_lifetime,
            "scope": "all",
        }

    # Consumer keys -----------------------------------------------------------------------------

    def auth_time(self, request: Request) -> int:
        return self.now() + self.auth_time_offset

    def auth_credential(self, request: Request) -> dict:
        application_key = request.headers.get("X-Ovh-Application", "")
        body = request.json_body
        if not isinstance(body, dict) or not _rules_are_valid(body.get("accessRules")):
            raise errors.bad_request("Body parameter accessRules isn't formated correctly")
        redirection = body.get("redirection")
        allowed_ips = body.get("allowedIPs")
        if redirection is not None and not isinstance(redirection, str):
            raise errors.bad_request("Body parameter redirection isn't formated correctly")
        if allowed_ips is not None and not (
            isinstance(allowed_ips, list) and all(isinstance(ip, str) for ip in allowed_ips)
        ):
            raise errors.bad_request("Body parameter allowedIPs isn't formated correctly")
        with self.state.lock:
            data = self.state.data
            if application_key not in data["applications"]:
                raise errors.invalid_application_key()
            consumer_key, token = self.state.add_credential(
                application_key,
                body["accessRules"],
                allowed_ips=allowed_ips,
                redirection=redirection,
            )
        return {
            "consumerKey": consumer_key,
            "state": "pendingValidation",
            "validationUrl": f"{self.base_url()}/auth/?credentialToken={token}",
        }

    def credential_by_token(self, token: str) -> tuple[str, dict, dict] | None:
        """(consumer key, credential, application) of a validation-page token."""
        with self.state.lock:
            for consumer_key, credential in self.state.data["credentials"].items():
                if token and credential.get("token") == token:
                    application = self.state.data["applications"][credential["application_key"]]
                    return consumer_key, dict(credential), dict(application)
        return None

    def decide(self, consumer_key: str, status: str, validity: int | None = None) -> None:
        """Validate ("validated"), refuse ("refused") or expire ("expired") a consumer key."""
        if status not in ("validated", "refused", "expired", "pendingValidation"):
            raise ValueError(f"unknown credential status {status!r}")
        with self.state.lock:
            credential = self.state.data["credentials"].get(consumer_key)
            if credential is None:
                raise KeyError(f"unknown consumer key {consumer_key[:4]}…")
            credential["status"] = status
            if status == "validated" and validity:
                expiry = datetime.fromtimestamp(self.now() + validity, timezone.utc)
                credential["expiration"] = expiry.replace(microsecond=0).isoformat()
            self.state.save()

    def current_credential(self, request: Request) -> dict:
        caller = _need_consumer_key(request)
        with self.state.lock:
            credential = self.state.data["credentials"][caller.consumer_key]
            application = self.state.data["applications"][caller.application_key]
            return {
                "allowedIPs": credential.get("allowed_ips"),
                "applicationId": application["id"],
                "creation": credential["creation"],
                "credentialId": credential["id"],
                "expiration": credential.get("expiration"),
                "lastUse": credential.get("last_use"),
                "ovhSupport": False,
                "rules": [dict(rule) for rule in credential["rules"]],
                "status": credential["status"],
            }

    def auth_details(self, request: Request) -> dict:
        caller = request.caller
        assert caller is not None
        details: dict = {
            "account": "xx1111-ovh",
            "allowedRoutes": None,
            "description": None,
            "identities": ["urn:v1:eu:identity:account:xx1111-ovh"],
            "method": caller.method,
            "roles": None,
            "user": None,
        }
        if caller.method == "account":
            with self.state.lock:
                rules = self.state.data["credentials"][caller.consumer_key]["rules"]
                details["allowedRoutes"] = [dict(rule) for rule in rules]
        else:
            details["description"] = f"OAuth2 service account {caller.client_id}"
            details["identities"].append(
                f"urn:v1:eu:identity:credential:xx1111-ovh/oauth2-{caller.client_id}"
            )
        return details

    def auth_logout(self, request: Request) -> None:
        caller = request.caller
        assert caller is not None
        with self.state.lock:
            if caller.method == "account":
                self.state.data["credentials"][caller.consumer_key]["status"] = "expired"
            else:
                self.state.data["tokens"].pop(caller.token, None)
            self.state.save()

    # Account -----------------------------------------------------------------------------------

    def me(self, request: Request) -> dict:
        return dict(NICHANDLE)

    def billing_accounts(self, request: Request) -> list[str]:
        with self.state.lock:
            return sorted(self.state.data["billing_accounts"])

    def _account(self, request: Request) -> dict:
        account = self.state.data["billing_accounts"].get(request.params["billingAccount"])
        if account is None:
            raise errors.service_not_found()
        return account

    def _line(self, request: Request) -> dict:
        line = self._account(request)["lines"].get(request.params["serviceName"])
        if line is None:
            raise errors.service_not_found()
        return line

    def _user(self, request: Request) -> dict:
        line = self._line(request)
        raw_id = request.params["id"]
        if not raw_id.isdigit():
            raise errors.bad_request(f"Path parameter id isn't formated correctly: {raw_id!r}")
        user = line["users"].get(str(int(raw_id)))
        if user is None:
            raise errors.object_not_found(int(raw_id))
        return user

    def billing_account(self, request: Request) -> dict:
        with self.state.lock:
            account = self._account(request)
            name = request.params["billingAccount"]
            return billing_account_json(name, account["description"])

    def lines(self, request: Request) -> list[str]:
        with self.state.lock:
            return sorted(self._account(request)["lines"])

    def line(self, request: Request) -> dict:
        with self.state.lock:
            line = self._line(request)
            return line_json(request.params["serviceName"], line["description"])

    def line_options(self, request: Request) -> dict:
        with self.state.lock:
            self._line(request)
            return line_options_json(request.params["serviceName"])

    # Click2Call users --------------------------------------------------------------------------

    def users(self, request: Request) -> list[int]:
        with self.state.lock:
            return sorted(int(user_id) for user_id in self._line(request)["users"])

    def user(self, request: Request) -> dict:
        with self.state.lock:
            user = self._user(request)
            return {
                "creationDateTime": user["creationDateTime"],
                "id": int(request.params["id"]),
                "login": user["login"],
            }

    def create_user(self, request: Request) -> int:
        body = _body_fields(request, required=("login", "password"), optional=())
        login, password = body["login"], body["password"]
        if not isinstance(login, str) or not login.strip():
            raise errors.bad_request("The login must not be empty")
        _check_password(password)
        with self.state.lock:
            line = self._line(request)
            if any(user["login"] == login for user in line["users"].values()):
                raise errors.SandboxApiError(409, f"A Click2Call user {login!r} already exists")
            user_id = self.state.data["next_user_id"]
            self.state.data["next_user_id"] += 1
            line["users"][str(user_id)] = {
                "login": login,
                "password": password,
                "creationDateTime": now_iso(),
            }
            self.state.save()
        return user_id

    def delete_user(self, request: Request) -> None:
        with self.state.lock:
            self._user(request)
            del self._line(request)["users"][str(int(request.params["id"]))]
            self.state.save()

    def change_password(self, request: Request) -> None:
        body = _body_fields(request, required=("password",), optional=())
        _check_password(body["password"])
        with self.state.lock:
            self._user(request)["password"] = body["password"]
            self.state.save()

    # Calls -------------------------------------------------------------------------------------

    def line_click2call(self, request: Request) -> None:
        body = _body_fields(
            request, required=("calledNumber",), optional=("callingNumber", "intercom")
        )
        intercom = body.get("intercom", False)
        if not isinstance(intercom, bool):
            raise errors.bad_request("Body parameter intercom isn't formated correctly")
        with self.state.lock:
            self._line(request)
            self._record(request, body, intercom=intercom, user_id=None)

    def user_click2call(self, request: Request) -> None:
        body = _body_fields(request, required=("calledNumber",), optional=("callingNumber",))
        with self.state.lock:
            self._user(request)
            self._record(request, body, intercom=None, user_id=int(request.params["id"]))

    def _record(self, request: Request, body: dict, intercom: bool | None, user_id) -> None:
        called = body["calledNumber"]
        calling = body.get("callingNumber")
        if not number_is_valid(called):
            raise errors.bad_request("Body parameter calledNumber is not a valid phone number")
        if calling is not None and not number_is_valid(calling):
            raise errors.bad_request("Body parameter callingNumber is not a valid phone number")
        call = {
            "billing_account": request.params["billingAccount"],
            "line": request.params["serviceName"],
            "called_number": called,
            "calling_number": calling,
            "intercom": intercom,
            "click2call_user_id": user_id,
            "at": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        }
        self.state.data["calls"].append(call)
        self.state.save()
        for listener in self.call_listeners:  # sandbox.events, sandbox.consumption
            listener(dict(call))


# Helpers ---------------------------------------------------------------------------------------


def _rules_are_valid(rules: object) -> bool:
    return (
        isinstance(rules, list)
        and len(rules) > 0
        and all(
            isinstance(rule, dict)
            and rule.get("method") in HTTP_METHODS
            and isinstance(rule.get("path"), str)
            and rule["path"].startswith("/")
            for rule in rules
        )
    )


def _need_consumer_key(request: Request) -> Caller:
    caller = request.caller
    assert caller is not None
    if caller.method != "account":
        raise errors.bad_request("This call is only available with a consumer key")
    return caller


def _body_fields(request: Request, required: tuple[str, ...], optional: tuple[str, ...]) -> dict:
    body = request.json_body
    if not isinstance(body, dict):
        raise errors.bad_request("The body must be a JSON object")
    for name in body:
        if name not in required and name not in optional:
            raise errors.bad_request(f"Invalid parameter: {name} is not expected")
    for name in required:
        if body.get(name) is None:
            raise errors.bad_request(f"Missing parameter: {name}")
    for name in (*required, *optional):
        if name in body and name != "intercom" and not isinstance(body[name], (str, type(None))):
            raise errors.bad_request(f"Body parameter {name} isn't formated correctly")
    return body


def _check_password(password: object) -> None:
    if not isinstance(password, str) or not 8 <= len(password) <= 20:
        raise errors.bad_request("The password must contain between 8 and 20 characters")
    if not password_is_valid(password):
        raise errors.bad_request(
            "The password contains a character that is not allowed (space, &, $, ` …)"
        )


__all__ = ["ROUTES", "Caller", "Route", "SandboxApi"]
