"""Every answer of the sandbox fits OVHcloud's published schema (Click2Call and eventToken)."""

from __future__ import annotations

import json

import pytest

from easyclick2call.sandbox import schema
from easyclick2call.sandbox.api import ROUTES

LINE = "/telephony/{billingAccount}/line/{serviceName}"
TOKEN = "/telephony/{billingAccount}/eventToken"
SERVICE_TOKEN = "/telephony/{billingAccount}/service/{serviceName}/eventToken"


def _concrete(template: str, info: dict, user_id: int) -> str:
    return (
        template.replace("{billingAccount}", info["billing_account"])
        .replace("{serviceName}", info["lines"][0])
        .replace("{id}", str(user_id))
    )


# A valid request body for each body-taking route (the rest send none).
BODIES = {
    ("POST", "/auth/credential"): {
        "accessRules": [{"method": "GET", "path": "/me"}],
        "redirection": None,
        "allowedIPs": None,
    },
    ("POST", LINE + "/click2Call"): {"calledNumber": "0033199001234", "intercom": True},
    ("POST", LINE + "/click2CallUser"): {"login": "alice", "password": "Secret-123"},
    ("POST", LINE + "/click2CallUser/{id}/changePassword"): {"password": "Other#pass9"},
    ("POST", LINE + "/click2CallUser/{id}/click2Call"): {"calledNumber": "+33199001234"},
    ("POST", TOKEN): {"expiration": "1 hour"},
    ("POST", SERVICE_TOKEN): {"expiration": "unlimited"},
}
# Routes that make state run first (a token to read), those that consume it last (DELETE removes
# the user or token, logout expires the key).
ORDER_FIRST = (("POST", TOKEN), ("POST", SERVICE_TOKEN))
ORDER_LAST = (
    ("DELETE", LINE + "/click2CallUser/{id}"),
    ("DELETE", TOKEN),
    ("DELETE", SERVICE_TOKEN),
    ("POST", "/auth/logout"),
)


# POST /auth/logout (void) is served but is not in the subset; it answers null like any void.
NOT_IN_SUBSET = {("POST", "/auth/logout")}


def test_every_sandbox_route_is_a_published_operation() -> None:
    for route in ROUTES:
        if (route.method, route.template) not in NOT_IN_SUBSET:
            assert schema.operation(route.method, route.template) is not None, route


def test_schema_checker_catches_departures() -> None:
    good = {"id": 1, "login": "a", "creationDateTime": "2024-05-02T10:15:00+02:00"}
    assert schema.check(good, "telephony.Click2CallUser") == []
    assert schema.check({**good, "id": "1"}, "telephony.Click2CallUser")
    assert schema.check({**good, "password": "x"}, "telephony.Click2CallUser")
    assert schema.check({**good, "creationDateTime": "yesterday"}, "telephony.Click2CallUser")
    assert schema.check({**good, "login": None}, "telephony.Click2CallUser")
    assert schema.check(True, "long") and schema.check(1, "boolean")
    assert schema.check("maybe", "telephony.LineOptionIntercomEnum")
    assert schema.check("", "void") and schema.check(None, "void") == []
    assert schema.check(["a", 1], "string[]")


def test_each_route_answer_fits_the_schema(sandbox, raw_call) -> None:
    info = sandbox.info()
    user_id = info["click2call_users"][0]["id"]

    def order(route) -> int:
        key = (route.method, route.template)
        if key in ORDER_FIRST:
            return -1
        return ORDER_LAST.index(key) + 1 if key in ORDER_LAST else 0

    routes = sorted(ROUTES, key=order)
    checked = []
    for route in routes:
        op = schema.operation(route.method, route.template) or {"responseType": "void"}
        path = _concrete(route.template, info, user_id)
        body = BODIES.get((route.method, route.template))
        answer = raw_call(route.method, path, body, signed=route.authenticated)
        assert answer.status == 200, (route, answer.body)
        assert answer.headers["Content-Type"].startswith("application/json")
        assert answer.headers.get("X-Ovh-QueryId")
        value = json.loads(answer.body)
        if op["responseType"] == "void":
            assert answer.body == b"null", route
        problems = schema.check(value, op["responseType"])
        assert problems == [], (route.method, route.template, problems)
        checked.append((route.method, route.template))
    assert len(checked) == len(ROUTES) == 24


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/telephony/zz99999-ovh-9", 404),
        ("GET", "/no/such/route", 404),
        ("POST", "/telephony/{ba}/line/{sn}/click2Call", 400),
        ("GET", "/telephony/{ba}/line/{sn}/click2CallUser/999", 404),
    ],
)
def test_error_answers_are_json_objects(sandbox, raw_call, method, path, status) -> None:
    info = sandbox.info()
    path = path.replace("{ba}", info["billing_account"]).replace("{sn}", info["lines"][0])
    answer = raw_call(method, path, {} if method == "POST" else None)
    assert answer.status == status
    body = answer.json()
    assert isinstance(body, dict)
    assert set(body) >= {"class", "message"}
    assert answer.headers.get("X-Ovh-QueryId")


def test_demo_consumer_key_has_the_apps_own_rules(sandbox, raw_call) -> None:
    from easyclick2call.ovhapi.consumer_key import ACCESS_RULES

    answer = raw_call("GET", "/auth/currentCredential")
    assert [(r["method"], r["path"]) for r in answer.json()["rules"]] == list(ACCESS_RULES)
