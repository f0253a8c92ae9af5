"""The offer as a desktop notification (Wayland's offer): what it says, its actions, and that
the chosen action places exactly one call — through a real notification server on the test
session bus and the real sandbox."""

from __future__ import annotations

import pytest

from easyclick2call.platform.wayland_clipboard import CONCEALED, NOT_TEXT, TEXT, change_for
from easyclick2call.ui.offer_notification import offer_content
from easyclick2call.ui.popup import PopupOptions
from tests.e2e.support.notifications import NotificationServer
from tests.unit.test_ui_support import found
from tests.unit.test_ui_tray import make_app  # noqa: F401 - the fixture


def test_one_number_offers_call_and_dismiss():
    summary, body, actions, numbers = offer_content([found("01 99 00 12 34")], PopupOptions())
    assert summary == "Call 01 99 00 12 34?"
    assert body == "01 99 00 12 34 — France"
    assert actions == [("call", "Call"), ("dismiss", "Dismiss")]
    assert [n.e164 for n in numbers] == ["+33199001234"]


def test_several_numbers_get_one_action_each_and_blocked_ones_none():
    options = PopupOptions(blocked_prefixes=("+3389",), demo=True)
    summary, body, actions, numbers = offer_content(
        [found("01 99 00 12 34"), found("08 99 23 45 67"), found("+32 2 555 12 12")], options)
    assert summary == "Call which number? (Demo)"
    assert "0 899 23 45 67 — France — not called: numbers starting with +3389 are blocked" in body
    assert actions == [("call:+33199001234", "Call 01 99 00 12 34"),
                       ("call:+3225551212", "Call abroad (Belgium) +32 2 555 12 12"),
                       ("dismiss", "Dismiss")]
    assert [n.e164 for n in numbers] == ["+33199001234", "+3225551212"]


@pytest.fixture
def notifications(desktop):
    with NotificationServer() as server:
        yield server


def offer(qtbot, app, numbers) -> int:
    with qtbot.waitSignal(app.notification_offer.offered, timeout=10000) as offered:
        app.show_popup(numbers)
    assert offered.args[0]
    return offered.args[0]


def test_the_call_action_places_exactly_one_call(qtbot, make_app, sandbox,  # noqa: F811
                                                 notifications):
    app = make_app(sandbox)
    app.offer_by_notification = True
    notification_id = offer(qtbot, app, [found("01 99 00 12 34")])
    shown = notifications.notifications()[-1]
    assert shown.summary == "Call 01 99 00 12 34?" and ("call", "Call") in shown.actions
    with qtbot.waitSignal(app.calls.call_finished, timeout=15000):
        notifications.invoke(notification_id, "call")
    with qtbot.waitSignal(app.notification_offer.chosen, timeout=5000):
        notifications.invoke(notification_id, "call")  # a second click: nothing more
    assert [c["called_number"] for c in sandbox.calls()] == ["0033199001234"]


def test_the_chosen_number_of_several_is_called_and_dismiss_calls_nothing(
        qtbot, make_app, sandbox, notifications):  # noqa: F811
    app = make_app(sandbox)
    app.offer_by_notification = True
    first = offer(qtbot, app, [found("01 99 00 12 34")])
    with qtbot.waitSignal(app.notification_offer.chosen, timeout=5000):
        notifications.invoke(first, "dismiss")
    second = offer(qtbot, app, [found("01 99 00 12 34"), found("04 72 00 00 01")])
    with qtbot.waitSignal(app.calls.call_finished, timeout=15000):
        notifications.invoke(second, "call:+33472000001")
    assert [c["called_number"] for c in sandbox.calls()] == ["0033472000001"]


@pytest.mark.parametrize(("offered", "status", "text"), [
    ({"text/plain;charset=utf-8": b"appelez 01 99 00 12 34", "TEXT": b"other"}, TEXT,
     "appelez 01 99 00 12 34"),
    ({"image/png": b"\x89PNG"}, NOT_TEXT, None),
    # text/plain + x-kde-passwordManagerHint ("secret"): a password manager's copy
    ({"text/plain": b"pw", "x-kde-passwordManagerHint": b"secret"}, CONCEALED, None),
    # a hint that cannot be read counts as secret (fail closed)
    ({"text/plain": b"pw", "x-kde-passwordManagerHint": None}, CONCEALED, None),
    ({"text/plain": b"01 99 00 12 34", "x-kde-passwordManagerHint": b"public"}, TEXT,
     "01 99 00 12 34"),
    ({"UTF8_STRING": None}, NOT_TEXT, None),  # the owner did not hand it over in time
])
def test_wayland_selections_are_judged_by_the_same_rules(offered, status, text):
    asked = []

    def read(kind):
        asked.append(kind)
        return offered[kind]

    change = change_for(list(offered), read, primary=False)
    assert (change.status, change.text) == (status, text)
    if status == CONCEALED:  # the text of a password manager's copy is never even fetched
        assert not any(kind.startswith("text/") for kind in asked)
