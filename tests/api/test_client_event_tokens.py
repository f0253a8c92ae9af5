"""ovhapi.event_tokens against the sandbox (real ovh client over HTTP), keyring-backed keeper."""

from __future__ import annotations

import pytest

from easyclick2call.core.logs import redact
from easyclick2call.core.secrets import SecretStore
from easyclick2call.ovhapi.client import make_client
from easyclick2call.ovhapi.errors import ApiError
from easyclick2call.ovhapi.event_tokens import (
    OVH_EVENTS_URL,
    SECRET_NAME,
    EventToken,
    EventTokens,
    TokenKeeper,
    TokenScope,
    events_url,
    scope_for,
)
from tests.api.test_client import app_identity, oauth_identity


@pytest.fixture(params=["application", "oauth2"])
def tokens(request: pytest.FixtureRequest, sandbox) -> EventTokens:
    make = app_identity if request.param == "application" else oauth_identity
    return EventTokens(make_client(make(sandbox)))


def test_create_read_delete_both_scopes(tokens: EventTokens, sandbox) -> None:
    info = sandbox.info()
    for scope in (TokenScope(info["billing_account"]),
                  TokenScope(info["billing_account"], info["lines"][1])):
        assert tokens.read(scope) is None
        made = tokens.create(scope)
        assert made.token not in repr(made)
        assert tokens.read(scope) == made.token
        tokens.delete(scope)
        assert tokens.read(scope) is None
        tokens.delete(scope)  # nothing to delete: no error


def test_scope_for_one_line_or_several() -> None:
    assert scope_for("ba", ["l1"]) == TokenScope("ba", "l1")
    assert scope_for("ba", ["l1", "l2"]) == TokenScope("ba", None)
    assert TokenScope("ba", "l1").path == "/telephony/ba/service/l1/eventToken"
    assert TokenScope("ba").path == "/telephony/ba/eventToken"


def test_events_url() -> None:
    assert events_url("http://127.0.0.1:8123/1.0") == "http://127.0.0.1:8123/events/"
    assert events_url("ovh-eu") == OVH_EVENTS_URL
    assert events_url("https://eu.api.ovh.com/1.0") == OVH_EVENTS_URL


def test_old_consumer_key_says_reconnect_and_the_rest_works(sandbox) -> None:
    from easyclick2call.ovhapi.consumer_key import ACCESS_RULES
    from easyclick2call.ovhapi.telephony import Telephony

    old_rules = [{"method": m, "path": p} for m, p in ACCESS_RULES if "eventToken" not in p]
    key = sandbox.create_consumer_key(old_rules)
    client = make_client(app_identity(sandbox, consumer_key=key))
    with pytest.raises(ApiError) as caught:
        EventTokens(client).create(TokenScope(sandbox.info()["billing_account"]))
    assert caught.value.kind == "live_calls_not_granted"
    assert "reconnect" in caught.value.message and "live calls" in caught.value.message
    assert Telephony(client).billing_accounts() == [sandbox.info()["billing_account"]]


class _Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_keeper_keeps_renews_and_replaces_refused_tokens(sandbox, memory_keyring) -> None:
    clock = _Clock()
    client = make_client(app_identity(sandbox))
    secrets = SecretStore("easyclick2call-test-events")
    scope = TokenScope(sandbox.info()["billing_account"], sandbox.info()["lines"][0])
    keeper = TokenKeeper(EventTokens(client, clock), scope, secrets, clock)
    first = keeper.current()
    assert keeper.current() == first  # cached
    stored = EventToken.from_secret(secrets.get(SECRET_NAME))
    assert stored is not None and stored.token == first and stored.scope_key == scope.key
    # A new process reads it back from the keyring: no new token.
    again = TokenKeeper(EventTokens(client, clock), scope, secrets, clock)
    assert again.current() == first
    # Close to expiry: renewed before it expires.
    clock.now += 86400 - 3000
    renewed = again.current()
    assert renewed != first and EventTokens(client).read(scope) == renewed
    # Refused by the stream: replaced at once.
    assert again.current(refused=True) not in (first, renewed)
    # Another scope (the followed lines changed): the stored token is not reused.
    other = TokenKeeper(EventTokens(client, clock), TokenScope(scope.billing_account), secrets,
                        clock)
    assert other.current() != again.current()
    other.forget()
    assert secrets.get(SECRET_NAME) == ""
    assert EventTokens(client).read(TokenScope(scope.billing_account)) is None


def test_token_is_masked_in_logs(sandbox) -> None:
    made = EventTokens(make_client(app_identity(sandbox))).create(
        TokenScope(sandbox.info()["billing_account"]))
    assert made.token not in redact(f"polling with {made.token}")
