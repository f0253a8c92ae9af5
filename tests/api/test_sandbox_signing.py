"""The sandbox signs and checks requests exactly as OVHcloud and python-ovh do
(docs/ovhcloud-api.md, "Signing")."""

from __future__ import annotations

import pytest

from easyclick2call.sandbox.signing import (
    number_is_valid,
    password_is_valid,
    rule_matches,
    sign,
)

AS = "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk"
CK = "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY"
TS = "1457018875"
AUTH = "https://eu.api.ovh.com/1.0/auth"
BODY = '{"a":"b","c":"d"}'


@pytest.mark.parametrize(
    ("method", "url", "body", "expected"),
    [
        ("GET", AUTH, "", "$1$e9556054b6309771395efa467c22e627407461ad"),
        ("POST", AUTH, BODY, "$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1"),
        ("PUT", AUTH, BODY, "$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b"),
        ("DELETE", AUTH, "", "$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85"),
        (
            "GET",
            "https://eu.api.ovh.com/1.0/call",
            "",
            "$1$7f2db49253edfc41891023fcd1a54cf61db05fbb",
        ),
        (
            "GET",
            "https://eu.api.ovh.com/v1/call",
            "",
            "$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad",
        ),
        (
            "GET",
            "https://eu.api.ovh.com/v2/call",
            "",
            "$1$bb63b132a6f84ad5433d0c534d48d3f7c3804285",
        ),
    ],
)
def test_python_ovh_vectors(method: str, url: str, body: str, expected: str) -> None:
    assert sign(AS, CK, method, url, body, TS) == expected
    assert sign(AS, CK, method.lower(), url, body.encode(), int(TS)) == expected


def test_older_ovh_guide_vector() -> None:
    assert (
        sign(
            "EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF",
            "MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1",
            "GET",
            "https://eu.api.ovh.com/1.0/domains/",
            "",
            1366560945,
        )
        == "$1$d3705e8afb27a0d2970a322b96550abfc67bb798"
    )


@pytest.mark.parametrize(
    ("rule", "request_", "allowed"),
    [
        (("GET", "/telephony"), ("GET", "/telephony"), True),
        (("GET", "/telephony"), ("GET", "/telephony/ab12345-ovh-1"), False),
        (("GET", "/telephony/*"), ("GET", "/telephony"), False),
        (("GET", "/telephony/*"), ("GET", "/telephony/ab12345-ovh-1/line/0033199000001"), True),
        (("GET", "/telephony/*"), ("POST", "/telephony/ab12345-ovh-1"), False),
        (
            ("POST", "/telephony/*/line/*/click2Call"),
            ("POST", "/telephony/a/line/b/click2Call"),
            True,
        ),
        (
            ("POST", "/telephony/*/line/*/click2Call"),
            ("POST", "/telephony/a/line/b/click2CallUser"),
            False,
        ),
        (("GET", "/*"), ("GET", "/me"), True),
        (("GET", "/me"), ("GET", "/mex"), False),
        (("GET", "/a.b"), ("GET", "/aXb"), False),
    ],
)
def test_access_rule_globs(rule, request_, allowed) -> None:
    assert rule_matches(*rule, *request_) is allowed


@pytest.mark.parametrize(
    ("password", "valid"),
    [
        ("Secret-123", True),
        ("abcdefgh", True),
        ("a" * 20, True),
        ("a" * 7, False),
        ("a" * 21, False),
        ("with space1", False),
        ("amp&ersand", False),
        ("dollar$sign", False),
        ("back`tick1", False),
        ("éléphantµ", True),
        ("пароль123", False),
        ("#{}()[]-|@=*+/!:;.,?<>%~\"'^\\", False),  # 29 characters: too long, but all allowed
        ("#{}()[]-|@=*+/!:;", True),
    ],
)
def test_click2call_password_rule(password: str, valid: bool) -> None:
    assert password_is_valid(password) is valid


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("0033199001234", True),
        ("+33199001234", True),
        ("0612345678", True),
        ("12", False),
        ("01 99 00 12 34", False),
        ("", False),
        ("0033abc", False),
    ],
)
def test_number_like(number: str, valid: bool) -> None:
    assert number_is_valid(number) is valid
