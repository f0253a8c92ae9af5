"""ovhapi.consumer_key: the Connect flow end to end against the sandbox's validation page."""

from __future__ import annotations

import threading
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest

from easyclick2call.commands.translation import translator_for
from easyclick2call.ovhapi.client import make_client
from easyclick2call.ovhapi.consumer_key import (
    ACCESS_RULES,
    request_consumer_key,
    wait_for_validation,
)
from easyclick2call.ovhapi.errors import ApiError
from easyclick2call.ovhapi.telephony import Telephony
from tests.api.test_client import app_identity, fault, oauth_identity
from tests.calls import approved

FR = translator_for("fr")  # the French catalogue, as the command line reads it


class _Form(HTMLParser):
    """The validation page: its form's action and fields, and the rules table's rows."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}
        self.buttons: dict[str, str] = {}
        self.cells: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.action = values.get("action", "")
        elif tag == "input" and values.get("type") == "hidden":
            self.fields[values["name"]] = values.get("value", "")
        elif tag == "select":
            self.fields[values["name"]] = ""
        elif tag == "button":
            self.buttons[values["id"]] = values["value"]
        elif tag == "td":
            self._in_cell = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells.append(data)


def open_page(url: str) -> _Form:
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.status == 200
        page = _Form()
        page.feed(answer.read().decode("utf-8"))
    return page


def submit(url: str, page: _Form, button: str, validity: str = "0") -> str:
    fields = dict(page.fields, validity=validity, decision=page.buttons[button])
    target = urllib.parse.urljoin(url, page.action)
    data = urllib.parse.urlencode(fields).encode("ascii")
    with urllib.request.urlopen(target, data=data, timeout=10) as answer:
        return answer.read().decode("utf-8")


def wait_in_thread(identity, consumer_key, cancel, **kwargs):
    """Run wait_for_validation in a thread; returns (thread, outcome dict)."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = wait_for_validation(identity, consumer_key, cancel, **kwargs)
        except ApiError as error:
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def test_access_rules_are_least_privilege() -> None:
    methods = {method for method, _ in ACCESS_RULES}
    assert methods == {"GET", "POST", "DELETE"}  # never PUT
    assert ("GET", "/*") not in ACCESS_RULES and ("POST", "/*") not in ACCESS_RULES
    assert all(path.startswith(("/telephony", "/me", "/auth/")) for _, path in ACCESS_RULES)
    assert all(
        path.startswith("/telephony/*/line/*/click2Call") or path == "/telephony/*/eventToken"
        for method, path in ACCESS_RULES
        if method in ("POST", "DELETE")
    )


def test_connect_flow_end_to_end(sandbox) -> None:
    identity = app_identity(sandbox, consumer_key="")
    pending = request_consumer_key(identity)
    assert pending.consumer_key not in repr(pending)
    page = open_page(pending.validation_url)
    rows = list(zip(page.cells[::2], page.cells[1::2], strict=True))
    assert rows == ACCESS_RULES

    cancel = threading.Event()
    thread, outcome = wait_in_thread(
        identity, pending.consumer_key, cancel, timeout=30, poll_interval=0.2
    )
    time.sleep(0.5)  # the waiter polls a pending key a few times first
    assert thread.is_alive()
    assert "Access granted" in submit(pending.validation_url, page, "authorize")
    thread.join(10)
    assert outcome == {"result": "validated"}

    # The new key works for every route the program uses…
    client = make_client(app_identity(sandbox, consumer_key=pending.consumer_key))
    telephony = Telephony(client)
    info = sandbox.info()
    ba, line = info["billing_account"], info["lines"][0]
    assert telephony.me()["nichandle"]
    user_id = telephony.create_user(ba, line, "flowuser", "Secret#123")
    telephony.change_password(ba, line, user_id, "Secret#456")
    telephony.call(ba, line, approved("0033199001234"), click2call_user_id=user_id)
    telephony.call(ba, line, approved("0033199001234"), intercom=True)
    telephony.delete_user(ba, line, user_id)
    assert len(sandbox.calls()) == 2


def test_refused_on_the_page(sandbox) -> None:
    identity = app_identity(sandbox, consumer_key="")
    pending = request_consumer_key(identity)
    page = open_page(pending.validation_url)
    cancel = threading.Event()
    thread, outcome = wait_in_thread(
        identity, pending.consumer_key, cancel, timeout=30, poll_interval=0.2
    )
    assert "Access refused" in submit(pending.validation_url, page, "refuse")
    thread.join(10)
    # A refused request's key no longer exists ("This credential does not exist").
    assert outcome["error"].kind == "key_refused"
    assert "refused" in outcome["error"].message


@pytest.mark.parametrize(
    ("status", "kind"), [("refused", "key_refused"), ("expired", "key_expired")]
)
def test_refused_or_expired_state_reported_by_the_api(sandbox, status: str, kind: str) -> None:
    identity = app_identity(sandbox, consumer_key="")
    pending = request_consumer_key(identity)
    fault(
        sandbox,
        method="GET",
        path="/auth/currentCredential",
        status=200,
        body={"status": status, "rules": []},
        count=1,
    )
    with pytest.raises(ApiError) as caught:
        wait_for_validation(
            identity, pending.consumer_key, threading.Event(), timeout=10, poll_interval=0.1
        )
    assert caught.value.kind == kind


def test_unknown_consumer_key_counts_as_refused(sandbox) -> None:
    identity = app_identity(sandbox, consumer_key="")
    with pytest.raises(ApiError) as caught:
        wait_for_validation(identity, "NoSuchKey0000", threading.Event(), timeout=5)
    assert caught.value.kind == "key_refused"


def test_cancel_stops_the_wait_at_once(sandbox) -> None:
    identity = app_identity(sandbox, consumer_key="")
    pending = request_consumer_key(identity)
    cancel = threading.Event()
    thread, outcome = wait_in_thread(
        identity, pending.consumer_key, cancel, timeout=60, poll_interval=30
    )
    time.sleep(0.3)
    started = time.monotonic()
    cancel.set()
    thread.join(5)
    assert not thread.is_alive()
    assert time.monotonic() - started < 2
    assert outcome["error"].kind == "cancelled"


def test_timeout(sandbox) -> None:
    identity = app_identity(sandbox, consumer_key="")
    pending = request_consumer_key(identity)
    with pytest.raises(ApiError) as caught:
        wait_for_validation(
            identity, pending.consumer_key, threading.Event(), timeout=0.5, poll_interval=0.1
        )
    assert caught.value.kind == "key_timeout"
    assert "Connect" in caught.value.message and "Connecter" in caught.value.text(FR)


def test_wrong_secret_ends_the_wait_with_its_own_error(sandbox) -> None:
    identity = app_identity(sandbox, consumer_key="")
    pending = request_consumer_key(identity)
    wrong = app_identity(sandbox, application_secret="wrong-secret", consumer_key="")
    with pytest.raises(ApiError) as caught:
        wait_for_validation(wrong, pending.consumer_key, threading.Event(), timeout=10)
    assert caught.value.kind == "invalid_signature"


def test_network_down_ends_the_wait_after_a_few_polls(sandbox) -> None:
    identity = app_identity(sandbox, consumer_key="")
    pending = request_consumer_key(identity)
    sandbox.stop()
    with pytest.raises(ApiError) as caught:
        wait_for_validation(
            identity, pending.consumer_key, threading.Event(), timeout=30, poll_interval=0.05
        )
    assert caught.value.kind == "network"


def test_consumer_keys_are_for_api_applications_only(sandbox) -> None:
    with pytest.raises(ApiError) as caught:
        request_consumer_key(oauth_identity(sandbox))
    assert caught.value.kind == "config"


def test_unknown_application_key_cannot_request_a_key(sandbox) -> None:
    with pytest.raises(ApiError) as caught:
        request_consumer_key(app_identity(sandbox, application_key="NoSuchApp", consumer_key=""))
    assert caught.value.kind == "unknown_app_key"


def test_the_sandbox_demo_key_has_exactly_our_rules() -> None:
    from easyclick2call.sandbox.state import DEMO_RULES

    assert [(rule["method"], rule["path"]) for rule in DEMO_RULES] == ACCESS_RULES
