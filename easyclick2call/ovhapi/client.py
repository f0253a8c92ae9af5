"""The `ovh.Client` factory: OVHcloud's endpoints, or a sandbox on loopback only.

How the sandbox is reached without touching python-ovh's global state (python-ovh 1.2.0):

* `ovh.Client.__init__` only accepts names of `ovh.client.ENDPOINTS`, and for every value it is
  not given it reads `OVH_*` environment variables and `/etc/ovh.conf`, `~/.ovh.conf`,
  `./ovh.conf` (a `config_file=` argument only adds one more file). One of the two sign-in modes
  is always "not given", so a stray `OVH_CLIENT_ID` or an `ovh.conf` written for another tool
  would leak in (or make the constructor refuse). `_IsolatedClient` therefore sets the very
  attributes 1.2.0's constructor sets (`_endpoint`, the keys, `_oauth2`, `_time_delta`,
  `_session`, `_timeout`) from an `ApiIdentity` and nothing else; everything after construction
  (signing, `time_delta`, `call`, the error mapping) is python-ovh's own code. A test checks
  that the attribute set still matches a stock client, so an upgrade cannot drift silently.
* Sandbox, application mode: `_endpoint` is the loopback URL itself (`http://127.0.0.1:P/1.0`);
  python-ovh signs that exact URL, as the sandbox verifies it.
* Sandbox, OAuth2 mode: oauthlib refuses `http://` unless `OAUTHLIB_INSECURE_TRANSPORT` is set
  process-wide, which we never do. Instead the OAuth2 sessions of *this client only* talk to
  `https://127.0.0.1:P/…` and carry a transport adapter mounted on exactly that prefix that
  sends the request over plain HTTP to the same loopback port. Nothing else in the process is
  affected and only loopback addresses ever get this adapter.
* A POST is never retried: every session gets adapters with urllib3 retries switched off.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields
from urllib.parse import urlsplit, urlunsplit

import ovh
import requests
from ovh.client import ENDPOINTS, OAUTH2_TOKEN_URLS
from ovh.oauth2 import OAuth2, RefreshOAuth2Session
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from easyclick2call.core.settings import is_loopback_url
from easyclick2call.ovhapi.errors import ApiError

DEFAULT_TIMEOUT: tuple[float, float] = (5, 20)
# A call (the clock or token request, then the POST) ends within this many seconds.
CALL_DEADLINE_S = 20.0
_MIN_TIMEOUT_S = 0.05

# Where the sandbox serves its OAuth2 token endpoint, relative to its root (outside /1.0).
SANDBOX_TOKEN_PATH = "/auth/oauth2/token"

_SECRET_FIELDS = ("application_secret", "consumer_key", "client_secret")


@dataclass(frozen=True)
class ApiIdentity:
    """Who we are for OVHcloud: an endpoint and one of the two sign-in modes."""

    endpoint: str  # "ovh-eu", "ovh-ca", … or a loopback sandbox URL "http://127.0.0.1:PORT/1.0"
    application_key: str = ""
    application_secret: str = ""
    consumer_key: str = ""
    client_id: str = ""
    client_secret: str = ""

    @property
    def auth_mode(self) -> str:
        """"oauth2" with a client ID (service account), else "application"."""
        return "oauth2" if self.client_id else "application"

    def __repr__(self) -> str:
        parts = []
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name in _SECRET_FIELDS:
                value = "***" if value else ""
            parts.append(f"{field.name}={value!r}")
        return f"ApiIdentity({', '.join(parts)})"

    __str__ = __repr__


def check_identity(identity: ApiIdentity) -> None:
    """Raise ApiError("config"/"not_configured") for what the client could not work with."""
    endpoint = identity.endpoint.strip()
    if not endpoint:
        raise ApiError.of("not_configured", detail="no endpoint")
    if endpoint not in ENDPOINTS and not is_loopback_url(endpoint):
        raise ApiError.of(
            "config",
            detail=(
                "unknown endpoint: use one of "
                + ", ".join(ENDPOINTS)
                + " or a sandbox URL on this computer (http://127.0.0.1:PORT/1.0)"
            ),
        )
    has_app = bool(identity.application_key or identity.application_secret)
    has_oauth = bool(identity.client_id or identity.client_secret)
    if has_app and has_oauth:
        raise ApiError.of(
            "config", detail="use either an application key/secret or an OAuth2 client, not both"
        )
    if not has_app and not has_oauth:
        raise ApiError.of("not_configured", detail="no application key and no OAuth2 client")
    if has_app and not (identity.application_key and identity.application_secret):
        raise ApiError.of("config", detail="the application key and secret go together")
    if has_oauth and not (identity.client_id and identity.client_secret):
        raise ApiError.of("config", detail="the OAuth2 client ID and secret go together")
    if has_oauth and endpoint in ENDPOINTS and endpoint not in OAUTH2_TOKEN_URLS:
        raise ApiError.of(
            "config",
            detail="OAuth2 service accounts work only with " + ", ".join(OAUTH2_TOKEN_URLS),
        )


def make_client(
    identity: ApiIdentity, timeout: tuple[float, float] | float = DEFAULT_TIMEOUT
) -> ovh.Client:
    """An `ovh.Client` for `identity` (never reads OVH_* variables or ovh.conf files).

    Raises ApiError("config"/"not_configured") when the identity cannot work.
    """
    check_identity(identity)
    return _IsolatedClient(identity, timeout)


def set_deadline(client: ovh.Client, deadline: float) -> None:
    """Make the client's next requests end by `deadline` (time.monotonic()): each one gets
    what is left, at most the client's own (connect, read) timeouts."""
    left = max(_MIN_TIMEOUT_S, deadline - time.monotonic())
    base = getattr(client, "_base_timeout", DEFAULT_TIMEOUT)
    connect, read = base if isinstance(base, tuple) else (base, base)
    timeout = (min(connect, left), min(read, left))
    client._timeout = timeout  # python-ovh passes it to every request of this client
    oauth2 = getattr(client, "_oauth2", None)
    if isinstance(oauth2, _OAuth2):
        oauth2._timeout = timeout


# --- internals ------------------------------------------------------------------------------


def _no_retries() -> Retry:
    """urllib3 retries all off: a request is never sent twice (a call could be placed twice)."""
    return Retry(total=0, connect=0, read=0, redirect=0, status=0, other=0)


def _no_retry_adapter() -> HTTPAdapter:
    """A transport adapter that never re-sends a request."""
    return HTTPAdapter(max_retries=_no_retries())


class _LoopbackHttpAdapter(HTTPAdapter):
    """Sends `https://<loopback>:P/…` requests as plain `http://` to the same loopback port."""

    def __init__(self) -> None:
        super().__init__(max_retries=_no_retries())

    def send(self, request: requests.PreparedRequest, **kwargs):  # type: ignore[override]
        url = request.url or ""
        if url.startswith("https://") and is_loopback_url(url):
            request.url = "http://" + url[len("https://") :]
        return super().send(request, **kwargs)


def _harden(
    session: requests.Session, loopback_https_prefix: str | None = None, sandbox: bool = False
) -> None:
    if sandbox:
        session.trust_env = False  # a loopback sandbox is never reached through a proxy
    session.mount("https://", _no_retry_adapter())
    session.mount("http://", _no_retry_adapter())
    if loopback_https_prefix:
        session.trust_env = False
        session.mount(loopback_https_prefix, _LoopbackHttpAdapter())


class _OAuth2(OAuth2):
    """python-ovh's OAuth2 helper with our timeouts and no-retry sessions (and loopback)."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        token_url: str,
        timeout: tuple[float, float] | float,
        loopback_https_prefix: str | None,
    ) -> None:
        super().__init__(client_id=client_id, client_secret=client_secret, token_url=token_url)
        self._timeout = timeout
        self._loopback = loopback_https_prefix

    @property
    def session(self) -> RefreshOAuth2Session:
        if self._session is None:
            created = OAuth2.session.fget(self)  # type: ignore[attr-defined]
            _harden(created, self._loopback)
            # Token renewal inside the session happens with the same timeouts.
            created.auto_refresh_kwargs = {
                **created.auto_refresh_kwargs,
                "timeout": self._timeout,
            }
        return self._session

    @property
    def token(self) -> dict:
        if self._token is None:
            from oauthlib.oauth2 import BackendApplicationClient

            fetcher = RefreshOAuth2Session(
                token_url=self.token_url,
                client=BackendApplicationClient(client_id=self.client_id, scope=["all"]),
            )
            _harden(fetcher, self._loopback)
            try:
                self._token = fetcher.fetch_token(
                    token_url=self.token_url,
                    client_id=self.client_id,
                    client_secret=self.client_secret,
                    timeout=self._timeout,
                )
            finally:
                fetcher.close()
        return self._token


class _IsolatedClient(ovh.Client):
    """`ovh.Client` built from an ApiIdentity only (see the module docstring)."""

    def __init__(  # the parent constructor is skipped on purpose: it reads env and files
        self, identity: ApiIdentity, timeout: tuple[float, float] | float
    ) -> None:
        endpoint = identity.endpoint.strip()
        sandbox = endpoint not in ENDPOINTS
        base_url = endpoint.rstrip("/") if sandbox else ENDPOINTS[endpoint]
        oauth = identity.auth_mode == "oauth2"
        loopback_prefix = None
        if sandbox and oauth:
            parts = urlsplit(base_url)
            https_base = urlunsplit(("https", parts.netloc, parts.path, "", ""))
            loopback_prefix = urlunsplit(("https", parts.netloc, "/", "", ""))
            token_url = urlunsplit(("https", parts.netloc, SANDBOX_TOKEN_PATH, "", ""))
            base_url = https_base
        elif oauth:
            token_url = OAUTH2_TOKEN_URLS[endpoint]

        self._endpoint = base_url
        self._application_key = identity.application_key or None
        self._application_secret = identity.application_secret or None
        self._consumer_key = identity.consumer_key or None
        self._client_id = identity.client_id or None
        self._client_secret = identity.client_secret or None
        self._oauth2 = (
            _OAuth2(
                identity.client_id, identity.client_secret, token_url, timeout, loopback_prefix
            )
            if oauth
            else None
        )
        self._time_delta = None
        self._session = requests.Session()
        _harden(self._session, loopback_prefix, sandbox)
        self._timeout = timeout
        self._base_timeout = timeout  # set_deadline never goes above it
        self.identity = identity

    def __repr__(self) -> str:
        return f"<ovh.Client for {self.identity!r}>"
