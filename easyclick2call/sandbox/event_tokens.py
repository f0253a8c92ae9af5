"""The `eventToken` routes of the sandbox (tokens of the live-event stream, `sandbox.events`).

OVHcloud publishes them for a billing account (`/telephony/{billingAccount}/eventToken`, every
line of the group) and for one service (`/telephony/{billingAccount}/service/{serviceName}/
eventToken`); there is no line-level route. GET answers `telephony.EventToken` (`{"token"}`),
POST takes `expiration` (`telephony.TokenExpirationEnum`) and answers the token (a string),
DELETE answers null.

Sandbox choices where OVHcloud is silent: a scope has at most one token; POST replaces it (the
old token is then refused by the stream); GET and DELETE without a token answer 404
"The requested object (eventToken) does not exist"; a token past its expiration is gone.
Tokens look like OVHcloud's (an upper-case UUID).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from easyclick2call.sandbox import errors

if TYPE_CHECKING:
    from easyclick2call.sandbox.api import Request
    from easyclick2call.sandbox.state import SandboxState

# telephony.TokenExpirationEnum → seconds (None: no expiry).
EXPIRATIONS: dict[str, int | None] = {
    "5 minutes": 300,
    "1 hour": 3600,
    "1 day": 86400,
    "30 days": 30 * 86400,
    "unlimited": None,
}
_ACCOUNT = "/telephony/{billingAccount}/eventToken"
_SERVICE = "/telephony/{billingAccount}/service/{serviceName}/eventToken"

# (method, template, action, takes_body) — turned into api.Route by api.py.
EVENT_TOKEN_ROUTES = (
    ("GET", _ACCOUNT, "get_event_token", False),
    ("POST", _ACCOUNT, "create_event_token", True),
    ("DELETE", _ACCOUNT, "delete_event_token", False),
    ("GET", _SERVICE, "get_event_token", False),
    ("POST", _SERVICE, "create_event_token", True),
    ("DELETE", _SERVICE, "delete_event_token", False),
)


def token_table(data: dict) -> dict:
    """`data["event_tokens"]`: token → {"billing_account", "service" (or None), "expires_at"}."""
    return data.setdefault("event_tokens", {})


def purge_expired(data: dict, now: float | None = None) -> None:
    """Forget the tokens past their expiration (call with the state lock held)."""
    now = time.time() if now is None else now
    table = token_table(data)
    for token in [t for t, entry in table.items() if (entry["expires_at"] or now + 1) <= now]:
        del table[token]


def token_scope(state: SandboxState, token: str) -> dict | None:
    """The live scope of `token` ({"billing_account", "service", "expires_at"}), or None."""
    with state.lock:
        purge_expired(state.data)
        entry = token_table(state.data).get(token)
        return None if entry is None else dict(entry)


def covered_lines(state: SandboxState, scope: dict) -> set[str]:
    """The numbers (`Ressource` values) whose events a token of `scope` receives."""
    with state.lock:
        account = state.data["billing_accounts"].get(scope["billing_account"], {"lines": {}})
        if scope["service"] is None:
            return set(account["lines"])
        return {scope["service"]} & set(account["lines"])


def _not_found() -> errors.SandboxApiError:
    return errors.SandboxApiError(404, "The requested object (eventToken) does not exist")


class EventTokenRoutes:
    """Mixed into `api.SandboxApi` (which provides `state` and `_account`)."""

    state: SandboxState
    _account: Callable[[Request], dict]

    def _token_scope(self, request: Request) -> tuple[str, str | None]:
        """(billing account, service or None) of the route, after checking they exist."""
        account = self._account(request)
        service = request.params.get("serviceName")
        if service is not None and service not in account["lines"]:
            raise errors.service_not_found()
        return request.params["billingAccount"], service

    def _scope_token(self, scope: tuple[str, str | None]) -> str | None:
        purge_expired(self.state.data)
        for token, entry in token_table(self.state.data).items():
            if (entry["billing_account"], entry["service"]) == scope:
                return token
        return None

    def get_event_token(self, request: Request) -> dict:
        with self.state.lock:
            token = self._scope_token(self._token_scope(request))
            if token is None:
                raise _not_found()
            return {"token": token}

    def create_event_token(self, request: Request) -> str:
        body = request.json_body
        if not isinstance(body, dict) or body.get("expiration") is None:
            raise errors.bad_request("Missing parameter: expiration")
        unknown = set(body) - {"expiration"}
        if unknown:
            raise errors.bad_request(f"Invalid parameter: {sorted(unknown)[0]} is not expected")
        expiration = body["expiration"]
        if expiration not in EXPIRATIONS:
            raise errors.bad_request(
                f"Invalid value for parameter expiration: {expiration!r} is not one of "
                "telephony.TokenExpirationEnum"
            )
        seconds = EXPIRATIONS[expiration]
        with self.state.lock:
            scope = self._token_scope(request)
            old = self._scope_token(scope)
            table = token_table(self.state.data)
            if old is not None:
                del table[old]
            token = str(uuid.uuid4()).upper()
            table[token] = {
                "billing_account": scope[0],
                "service": scope[1],
                "expires_at": None if seconds is None else time.time() + seconds,
            }
            self.state.save()
        return token

    def delete_event_token(self, request: Request) -> None:
        with self.state.lock:
            token = self._scope_token(self._token_scope(request))
            if token is None:
                raise _not_found()
            del token_table(self.state.data)[token]
            self.state.save()
