"""ovhapi.telephony: every route against the sandbox, with the real ovh client over HTTP."""

from __future__ import annotations

import pytest

from easyclick2call.commands.translation import translator_for
from easyclick2call.core.numbers import parse_number
from easyclick2call.ovhapi.client import make_client
from easyclick2call.ovhapi.errors import ApiError
from easyclick2call.ovhapi.telephony import (
    Click2CallUser,
    Line,
    Telephony,
    check_login,
    check_password,
    to_ovh_number,
)
from tests.api.test_client import app_identity, oauth_identity, placed_calls
from tests.calls import approved

FR = translator_for("fr")  # the French catalogue, as the command line reads it


@pytest.fixture(params=["application", "oauth2"])
def telephony(request: pytest.FixtureRequest, sandbox) -> Telephony:
    make = app_identity if request.param == "application" else oauth_identity
    return Telephony(make_client(make(sandbox)))


@pytest.fixture
def demo(sandbox) -> dict:
    return sandbox.info()


def test_discovery(telephony: Telephony, demo: dict) -> None:
    assert telephony.me()["nichandle"]
    assert telephony.billing_accounts() == [demo["billing_account"]]
    lines = telephony.lines(demo["billing_account"])
    assert lines == [Line(name, demo["line_descriptions"][name]) for name in demo["lines"]]
    users = telephony.click2call_users(demo["billing_account"], demo["lines"][0])
    assert [(u.id, u.login) for u in users] == [
        (u["id"], u["login"]) for u in demo["click2call_users"]
    ]
    assert all(isinstance(u, Click2CallUser) and u.created is not None for u in users)


def test_user_life_cycle(telephony: Telephony, demo: dict) -> None:
    ba, line = demo["billing_account"], demo["lines"][0]
    user_id = telephony.create_user(ba, line, "alice", "Pa55-word#")
    assert isinstance(user_id, int)
    assert "alice" in [u.login for u in telephony.click2call_users(ba, line)]
    telephony.change_password(ba, line, user_id, "n3w~Passw0rd")
    telephony.delete_user(ba, line, user_id)
    assert "alice" not in [u.login for u in telephony.click2call_users(ba, line)]
    with pytest.raises(ApiError) as caught:
        telephony.delete_user(ba, line, user_id)
    assert caught.value.kind == "not_found" and caught.value.status == 404


def test_call_on_the_line_route(telephony: Telephony, demo: dict, sandbox) -> None:
    ba, line = demo["billing_account"], demo["lines"][1]
    found = parse_number("01 99 00 12 34", "FR")
    telephony.call(ba, line, approved(found.ovh))
    telephony.call(ba, line, approved(found), intercom=True, calling_number="+33 1 99 00 00 02")
    calls = placed_calls(sandbox)
    assert [(c["line"], c["called_number"], c["intercom"], c["calling_number"]) for c in calls] == [
        (line, "0033199001234", False, None),
        (line, "0033199001234", True, "0033199000002"),
    ]
    assert all(c["click2call_user_id"] is None for c in calls)


def test_call_on_the_click2call_user_route(telephony: Telephony, demo: dict, sandbox) -> None:
    ba, line = demo["billing_account"], demo["lines"][0]
    user_id = demo["click2call_users"][0]["id"]
    telephony.call(ba, line, approved("+32 2 511 12 34"), click2call_user_id=user_id)
    [call] = placed_calls(sandbox)
    assert call["called_number"] == "003225111234"
    assert call["click2call_user_id"] == user_id
    assert call["intercom"] is None
    with pytest.raises(ApiError) as caught:
        telephony.call(ba, line, approved("0033199001234"), intercom=True,
                       click2call_user_id=user_id)
    assert caught.value.kind == "config"
    assert len(placed_calls(sandbox)) == 1


@pytest.mark.parametrize("number", ["01 99 00 12 34", "0033199001234", "12", "", "abc", None])
def test_call_takes_only_what_the_gate_approved(
    telephony: Telephony, demo: dict, sandbox, number
) -> None:
    with pytest.raises(TypeError):
        telephony.call(demo["billing_account"], demo["lines"][0], number)
    assert placed_calls(sandbox) == []


def test_unknown_line_is_not_found(telephony: Telephony, demo: dict, sandbox) -> None:
    with pytest.raises(ApiError) as caught:
        telephony.call(demo["billing_account"], "0033100000000", approved("0033199001234"))
    assert caught.value.kind == "not_found"
    assert caught.value.text(FR).startswith("OVHcloud ne connaît pas")
    # A path segment can never climb out of its place in the route.
    with pytest.raises(ApiError) as caught:
        telephony.lines("../../me")
    assert caught.value.kind == "not_found"


@pytest.mark.parametrize(
    ("login", "password", "kind"),
    [
        ("", "Secret#123", "invalid_login"),
        ("bad login", "Secret#123", "invalid_login"),
        ("x" * 51, "Secret#123", "invalid_login"),
        ("bob", "short", "invalid_password"),
        ("bob", "x" * 21, "invalid_password"),
        ("bob", "with space1", "invalid_password"),
        ("bob", "dollar$123", "invalid_password"),
        ("bob", "amp&12345", "invalid_password"),
        ("bob", "back`tick1", "invalid_password"),
        ("bob", "Пароль12345", "invalid_password"),
    ],
)
def test_login_and_password_are_checked_before_sending(
    telephony: Telephony, demo: dict, login: str, password: str, kind: str
) -> None:
    ba, line = demo["billing_account"], demo["lines"][0]
    before = telephony.click2call_users(ba, line)
    with pytest.raises(ApiError) as caught:
        telephony.create_user(ba, line, login, password)
    assert caught.value.kind == kind
    assert password not in caught.value.detail or not password
    assert telephony.click2call_users(ba, line) == before
    if kind == "invalid_password":
        with pytest.raises(ApiError):
            telephony.change_password(ba, line, before[0].id, password)


def test_password_rules_for_the_settings_dialog() -> None:
    assert check_password("Secret#123") == []
    assert check_password("éèàÇµ_~{}[]()") == []
    assert check_password("a" * 8) == [] and check_password("a" * 20) == []
    assert check_password("a" * 7) == ["At least 8 characters"]
    assert check_password("a" * 21) == ["At most 20 characters"]
    assert check_password("") == ["Required"]
    assert check_password("a b", FR) == [
        "Au moins 8 caractères",
        "Uniquement lettres, chiffres et ~\"#'{}()[]-|^@=*+/!:;.,?<>%_ (ni espace, ni &, $ ou `)",
    ]
    assert check_login("alice.martin-2@desk") == []
    assert check_login("") == ["Required"]
    assert check_login("a;b", FR) == [
        "Uniquement lettres, chiffres, points, tirets, soulignés et @"
    ]


def test_number_forms() -> None:
    assert to_ovh_number("+33 1 99 00 12 34") == "0033199001234"
    assert to_ovh_number("0033199001234") == "0033199001234"
    assert to_ovh_number(parse_number("+1 212 555 0123", "FR")) == "0012125550123"


def test_user_ids_must_be_positive_numbers(telephony: Telephony, demo: dict) -> None:
    ba, line = demo["billing_account"], demo["lines"][0]
    for bad in ("abc", -1, 0, "1/../2"):
        with pytest.raises(ApiError) as caught:
            telephony.delete_user(ba, line, bad)
        assert caught.value.kind == "not_found"
