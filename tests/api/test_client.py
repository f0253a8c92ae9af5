"""ovhapi.client: the ovh.Client factory, both sign-in modes against the sandbox over HTTP.

Also holds the small helpers the other tests/api/test_client_*.py files import.
"""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path

import ovh
import pytest
from ovh.client import ENDPOINTS, OAUTH2_TOKEN_URLS

from easyclick2call.commands.translation import translator_for
from easyclick2call.core.settings import is_loopback_url
from easyclick2call.ovhapi.client import ApiIdentity, make_client
from easyclick2call.ovhapi.errors import ApiError
from easyclick2call.ovhapi.telephony import Telephony

# --- helpers shared by the tests/api/test_client_*.py files -----------------------------------

FR = translator_for("fr")  # the French catalogue, as the command line reads it


def app_identity(sandbox, **changes: str) -> ApiIdentity:
    """The sandbox's demo API application (AK/AS/CK), with `changes` applied."""
    info = sandbox.info()
    values = {
        "endpoint": info["endpoint"],
        "application_key": info["application_key"],
        "application_secret": info["application_secret"],
        "consumer_key": info["consumer_key"],
    }
    values.update(changes)
    return ApiIdentity(**values)


def oauth_identity(sandbox, **changes: str) -> ApiIdentity:
    """The sandbox's demo OAuth2 service account, with `changes` applied."""
    info = sandbox.info()
    values = {
        "endpoint": info["endpoint"],
        "client_id": info["client_id"],
        "client_secret": info["client_secret"],
    }
    values.update(changes)
    return ApiIdentity(**values)


def control(sandbox, path: str, payload: object | None = None, method: str = "GET") -> object:
    """Call one of the sandbox's /sandbox/* control routes over HTTP; returns the JSON."""
    base = sandbox.info()["base_url"]
    data = None if payload is None else json.dumps(payload).encode("utf-8")
    if data is not None and method == "GET":
        method = "POST"
    request = urllib.request.Request(
        base + path, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read() or b"null")


def fault(sandbox, **rule: object) -> None:
    control(sandbox, "/sandbox/faults", rule)


def placed_calls(sandbox) -> list[dict]:
    return control(sandbox, "/sandbox/calls")  # type: ignore[return-value]


# --- ApiIdentity ------------------------------------------------------------------------------


def test_identity_repr_masks_every_secret() -> None:
    identity = ApiIdentity("ovh-eu", "AK1234", "secret-AS-value", "secret-CK-value", "", "")
    text = repr(identity) + str(identity)
    assert "AK1234" in text
    assert "secret-AS-value" not in text and "secret-CK-value" not in text
    assert identity.auth_mode == "application"
    oauth = ApiIdentity("ovh-eu", client_id="EU.x", client_secret="secret-client")
    assert oauth.auth_mode == "oauth2"
    assert "secret-client" not in repr(oauth)
    assert "secret-client" not in repr(make_client(oauth))


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8765/1.0", True),
        ("http://127.3.4.5:1/1.0", True),
        ("http://[::1]:8765/1.0", True),
        ("http://localhost:8765/1.0", True),
        ("https://eu.api.ovh.com/1.0", False),
        ("http://10.0.0.1:8765/1.0", False),
        ("http://127.0.0.1.example.com/1.0", False),
        ("ftp://127.0.0.1/1.0", False),
        ("http://127.0.0.1:99999/1.0", False),
        ("ovh-eu", False),
    ],
)
def test_loopback_urls(url: str, loopback: bool) -> None:
    assert is_loopback_url(url) is loopback


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_every_known_endpoint_gives_a_client_on_its_url(endpoint: str) -> None:
    client = make_client(ApiIdentity(endpoint, "ak", "as", "ck"))
    assert isinstance(client, ovh.Client)
    assert client._endpoint == ENDPOINTS[endpoint]
    assert client._timeout == (5, 20)


@pytest.mark.parametrize(
    "endpoint",
    ["https://eu.api.ovh.com.evil.example/1.0", "http://192.168.1.10:8765/1.0", "ovh-mars", ""],
)
def test_custom_urls_off_loopback_are_refused_with_a_clear_error(endpoint: str) -> None:
    with pytest.raises(ApiError) as caught:
        make_client(ApiIdentity(endpoint, "ak", "as", "ck"))
    assert caught.value.kind in ("config", "not_configured")
    assert "Settings" in caught.value.message and "Réglages" in caught.value.text(FR)
    if endpoint:
        assert "127.0.0.1" in caught.value.detail


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        ({}, "not_configured"),
        ({"application_key": "ak"}, "config"),
        ({"client_id": "EU.x"}, "config"),
        (
            {
                "application_key": "ak",
                "application_secret": "as",
                "client_id": "x",
                "client_secret": "y",
            },
            "config",
        ),
    ],
)
def test_incomplete_or_mixed_sign_in_is_a_config_error(values: dict, kind: str) -> None:
    with pytest.raises(ApiError) as caught:
        make_client(ApiIdentity("ovh-eu", **values))
    assert caught.value.kind == kind


def test_oauth2_on_an_endpoint_without_token_url_is_refused() -> None:
    assert "kimsufi-eu" not in OAUTH2_TOKEN_URLS
    with pytest.raises(ApiError) as caught:
        make_client(ApiIdentity("kimsufi-eu", client_id="EU.x", client_secret="y"))
    assert caught.value.kind == "config"


def test_environment_and_ovh_conf_never_leak_in(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ovh.conf").write_text(
        "[default]\nendpoint=ovh-ca\n[ovh-eu]\nclient_id=from-file\nclient_secret=file-secret\n"
    )
    monkeypatch.setenv("OVH_CLIENT_ID", "from-env")
    monkeypatch.setenv("OVH_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("OVH_CONSUMER_KEY", "env-ck")
    client = make_client(ApiIdentity("ovh-eu", "ak", "as", ""))
    assert client._client_id is None and client._client_secret is None
    assert client._consumer_key is None
    assert client._oauth2 is None
    assert client._endpoint == ENDPOINTS["ovh-eu"]


def test_library_state_is_untouched_by_a_sandbox_client(sandbox) -> None:
    endpoints, token_urls = dict(ENDPOINTS), dict(OAUTH2_TOKEN_URLS)
    for identity in (app_identity(sandbox), oauth_identity(sandbox)):
        Telephony(make_client(identity)).me()
    assert endpoints == ENDPOINTS and token_urls == OAUTH2_TOKEN_URLS
    assert "OAUTHLIB_INSECURE_TRANSPORT" not in os.environ


def test_attributes_match_a_stock_python_ovh_client() -> None:
    """Guard for python-ovh upgrades: our constructor sets what 1.2.0's constructor sets."""
    stock = ovh.Client("ovh-eu", application_key="a", application_secret="b", consumer_key="c")
    ours = make_client(ApiIdentity("ovh-eu", "a", "b", "c"))
    assert set(vars(stock)) <= set(vars(ours))
    for name in (
        "_endpoint",
        "_application_key",
        "_application_secret",
        "_consumer_key",
        "_client_id",
        "_client_secret",
        "_oauth2",
        "_time_delta",
    ):
        assert getattr(ours, name) == getattr(stock, name), name


def test_no_adapter_ever_retries() -> None:
    for identity in (
        ApiIdentity("ovh-eu", "a", "b", "c"),
        ApiIdentity("http://127.0.0.1:9/1.0", client_id="x", client_secret="y"),
    ):
        client = make_client(identity)
        for adapter in client._session.adapters.values():
            retry = adapter.max_retries
            assert retry.total == 0 and not retry.connect and not retry.read
            assert not retry.is_retry("POST", 503)


def test_application_sign_in_against_the_sandbox(sandbox) -> None:
    client = make_client(app_identity(sandbox))
    me = Telephony(client).me()
    assert me["nichandle"]
    # The request was signed over the sandbox's own URL, and time was asked once.
    assert client._endpoint == sandbox.endpoint
    assert isinstance(client.time_delta, int)


def test_oauth2_sign_in_against_the_sandbox(sandbox) -> None:
    client = make_client(oauth_identity(sandbox))
    telephony = Telephony(client)
    assert telephony.me()["nichandle"]
    assert telephony.billing_accounts() == [sandbox.info()["billing_account"]]
    token = client._oauth2.session.token
    assert token["token_type"].lower() == "bearer"


def test_oauth2_unknown_client_is_refused(sandbox) -> None:
    client = make_client(oauth_identity(sandbox, client_secret="not-the-secret"))
    with pytest.raises(ApiError) as caught:
        Telephony(client).me()
    assert caught.value.kind == "oauth_invalid_client"
    assert "client ID and secret" in caught.value.message
    assert "not-the-secret" not in caught.value.detail
