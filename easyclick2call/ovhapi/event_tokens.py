"""Tokens of OVHcloud's live-event stream: create, read, delete; kept in the keyring, renewed.

OVHcloud has a token per billing account (`/telephony/{ba}/eventToken`: every line of the
group) and per service (`/telephony/{ba}/service/{line}/eventToken`: one number); there is no
line-level route. Following one line uses the service token, several lines the billing
account's. A token is a secret: it is stored in the profile's keyring (`event_token`, with its
scope and expiry) and masked in logs. It is made for `EXPIRATION` and renewed `RENEW_BEFORE_S`
before it expires, or at once when the stream refuses it.

A consumer key made before live calls lacks the eventToken rules: creating a token then fails
with `live_calls_not_granted` ("reconnect to enable live calls"); everything else still works.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote, urlsplit

from easyclick2call.core.logs import register_secret
from easyclick2call.core.settings import is_loopback_url

# ovhapi.errors (and with it python-ovh, requests, oauthlib: ~130 ms, ~25 MB) is imported by
# the calls that talk to OVHcloud, not with this module: the app builds `TokenScope` and
# `events_url` on its GUI thread, and must not import the client stack there.

log = logging.getLogger(__name__)

EXPIRATION = "1 day"  # telephony.TokenExpirationEnum
LIFETIME_S = 86400
RENEW_BEFORE_S = 3600
SECRET_NAME = "event_token"
OVH_EVENTS_URL = "https://events.voip.ovh.net/"


@dataclass(frozen=True)
class TokenScope:
    """What a token covers: one line (`line`) or every line of the billing account (None)."""

    billing_account: str
    line: str | None = None

    @property
    def path(self) -> str:
        base = f"/telephony/{quote(self.billing_account, safe='')}"
        if self.line is not None:
            base += f"/service/{quote(self.line, safe='')}"
        return base + "/eventToken"

    @property
    def key(self) -> str:
        return f"{self.billing_account}/{self.line or '*'}"


@dataclass(frozen=True)
class EventToken:
    token: str
    scope_key: str
    expires_at: float | None  # epoch seconds; None: unknown or unlimited

    def __repr__(self) -> str:
        return f"EventToken(token='***', scope_key={self.scope_key!r})"

    def due(self, now: float) -> bool:
        """True when it should be replaced (it expires within RENEW_BEFORE_S)."""
        return self.expires_at is not None and self.expires_at - now <= RENEW_BEFORE_S

    def to_secret(self) -> str:
        data = {"token": self.token, "scope": self.scope_key, "expires": self.expires_at}
        return json.dumps(data)

    @classmethod
    def from_secret(cls, text: str) -> EventToken | None:
        try:
            data = json.loads(text)
            token = EventToken(str(data["token"]), str(data["scope"]), data["expires"])
        except (ValueError, KeyError, TypeError):
            return None
        register_secret(token.token)
        return token


class _Client(Protocol):
    def get(self, _target: str, _need_auth: bool = True, **kwargs: object) -> object: ...
    def post(self, _target: str, _need_auth: bool = True, **kwargs: object) -> object: ...
    def delete(self, _target: str, _need_auth: bool = True, **kwargs: object) -> object: ...


def _run(action: Callable[[], object]) -> object:
    from easyclick2call.ovhapi.errors import ApiError, map_error

    try:
        return action()
    except Exception as exc:
        error = map_error(exc)
        if error.kind == "not_granted":
            error = ApiError.of("live_calls_not_granted", error.status, detail=error.detail)
        log.info("eventToken request failed: %s (%s)", error.kind, error.detail)
        raise error from exc


class EventTokens:
    """The eventToken routes over an `ovh.Client` (raises only ApiError)."""

    def __init__(self, client: _Client, clock: Callable[[], float] = time.time) -> None:
        self._client = client
        self._clock = clock

    def create(self, scope: TokenScope, expiration: str = EXPIRATION) -> EventToken:
        """A new token for `scope` (OVHcloud may replace the scope's previous one)."""
        from easyclick2call.ovhapi.errors import ApiError

        result = _run(lambda: self._client.post(scope.path, expiration=expiration))
        if not isinstance(result, str) or not result:
            raise ApiError.of("invalid_response", detail="eventToken: no token in the answer")
        register_secret(result)
        lifetime = LIFETIME_S if expiration == EXPIRATION else None
        log.info("Made a live-event token for %s", "one line" if scope.line else "all lines")
        return EventToken(result, scope.key, None if lifetime is None else self._clock() + lifetime)

    def read(self, scope: TokenScope) -> str | None:
        """The scope's current token, or None when it has none."""
        from easyclick2call.ovhapi.errors import ApiError

        try:
            result = _run(lambda: self._client.get(scope.path))
        except ApiError as error:
            if error.kind == "not_found":
                return None
            raise
        token = result.get("token") if isinstance(result, dict) else None
        if not isinstance(token, str):
            raise ApiError.of("invalid_response", detail="eventToken: not a telephony.EventToken")
        register_secret(token)
        return token

    def delete(self, scope: TokenScope) -> None:
        """Delete the scope's token (nothing happens when there is none)."""
        from easyclick2call.ovhapi.errors import ApiError

        try:
            _run(lambda: self._client.delete(scope.path))
        except ApiError as error:
            if error.kind != "not_found":
                raise


class _Secrets(Protocol):
    def get(self, name: str) -> str: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...


class TokenKeeper:
    """The token the stream polls with: from the keyring while it is good, else a new one.

    `current()` is called before each poll (cheap: the token is cached); `current(refused=True)`
    after the stream refused it. Thread-safe; raises ApiError or the keyring's SecretsError.
    """

    def __init__(self, tokens: EventTokens, scope: TokenScope, secrets: _Secrets,
                 clock: Callable[[], float] = time.time) -> None:
        self._tokens = tokens
        self._scope = scope
        self._secrets = secrets
        self._clock = clock
        self._lock = threading.Lock()
        self._token: EventToken | None = None
        self._loaded = False

    def current(self, refused: bool = False) -> str:
        with self._lock:
            if not self._loaded:
                self._loaded = True
                stored = EventToken.from_secret(self._secrets.get(SECRET_NAME) or "null")
                if stored is not None and stored.scope_key == self._scope.key:
                    self._token = stored
            token = self._token
            if token is None or refused or token.due(self._clock()):
                token = self._tokens.create(self._scope)
                self._secrets.set(SECRET_NAME, token.to_secret())
                self._token = token
            return token.token

    def forget(self) -> None:
        """Delete the token at OVHcloud and in the keyring (live calls turned off)."""
        with self._lock:
            self._token = None
            self._loaded = True
            self._secrets.delete(SECRET_NAME)
        self._tokens.delete(self._scope)


def scope_for(billing_account: str, lines: list[str]) -> TokenScope:
    """The service token for one followed line, the billing account's for several."""
    return TokenScope(billing_account, lines[0] if len(lines) == 1 else None)


def events_url(endpoint: str) -> str:
    """The stream's URL for an API endpoint: OVHcloud's, or the loopback sandbox's own."""
    if not is_loopback_url(endpoint):
        return OVH_EVENTS_URL
    parts = urlsplit(endpoint)
    host = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else parts.hostname
    return f"http://{host}:{parts.port}/events/"
