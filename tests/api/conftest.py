"""Fixtures for API tests: the real `ovh` client pointed at the sandbox, and a raw signed caller."""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import ovh
import ovh.client
import pytest

from easyclick2call.sandbox.signing import sign

SANDBOX_ENDPOINT_NAME = "sandbox"


@pytest.fixture
def ovh_endpoint(sandbox, monkeypatch: pytest.MonkeyPatch) -> str:
    """Register the sandbox as python-ovh endpoint "sandbox" for this test only (and OAuth2)."""
    monkeypatch.setitem(ovh.client.ENDPOINTS, SANDBOX_ENDPOINT_NAME, sandbox.endpoint)
    monkeypatch.setitem(
        ovh.client.OAUTH2_TOKEN_URLS, SANDBOX_ENDPOINT_NAME, sandbox.oauth2_token_url
    )
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    return SANDBOX_ENDPOINT_NAME


@pytest.fixture
def make_ovh_client(sandbox, ovh_endpoint: str) -> Callable[..., ovh.Client]:
    """Build an `ovh.Client` on the sandbox; keyword arguments override the demo credentials."""
    info = sandbox.info()

    def make(**overrides: object) -> ovh.Client:
        if "client_id" in overrides:
            kwargs = {
                "client_id": overrides["client_id"],
                "client_secret": overrides.get("client_secret", info["client_secret"]),
            }
        else:
            kwargs = {
                "application_key": info["application_key"],
                "application_secret": info["application_secret"],
                "consumer_key": info["consumer_key"],
            }
            kwargs.update(overrides)
        return ovh.Client(endpoint=ovh_endpoint, timeout=(5, 20), **kwargs)

    return make


@pytest.fixture
def ovh_client(make_ovh_client) -> ovh.Client:
    """The real python-ovh client with the demo application and its validated consumer key."""
    return make_ovh_client()


@dataclass
class RawAnswer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> object:
        return json.loads(self.body)


@pytest.fixture
def raw_call(sandbox) -> Callable[..., RawAnswer]:
    """One HTTP request to the sandbox, signed like python-ovh unless `signed=False`."""
    info = sandbox.info()

    def call(
        method: str,
        path: str,
        body: object = None,
        *,
        signed: bool = True,
        raw_body: bytes | None = None,
        application_key: str | None = None,
        application_secret: str | None = None,
        consumer_key: str | None = None,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 10,
    ) -> RawAnswer:
        url = path if path.startswith("http") else sandbox.endpoint + path
        data = raw_body
        if data is None:
            data = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
        sent = {"X-Ovh-Application": application_key or info["application_key"]}
        if body is not None:
            sent["Content-Type"] = "application/json"
        if signed:
            ck = consumer_key or info["consumer_key"]
            now = str(timestamp if timestamp is not None else int(time.time()))
            sent["X-Ovh-Consumer"] = ck
            sent["X-Ovh-Timestamp"] = now
            sent["X-Ovh-Signature"] = sign(
                application_secret or info["application_secret"], ck, method, url, data, now
            )
        sent.update(headers or {})
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        try:
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            connection.request(method, target, body=data or None, headers=sent)
            response = connection.getresponse()
            return RawAnswer(response.status, dict(response.getheaders()), response.read())
        finally:
            connection.close()

    return call
