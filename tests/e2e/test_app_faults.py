"""Each failure of the OVHcloud side gives its notification, and the app keeps working."""

from __future__ import annotations

import pytest

from easyclick2call.core.history import History
from easyclick2call.ovhapi.errors import ERROR_KINDS
from tests.e2e.support.actions import (
    copy_to_clipboard,
    inject_fault,
    poll,
    press_key,
    sandbox_calls,
    sandbox_info,
    wait_for_calls,
    wait_for_window,
)

CLICK2CALL = "/telephony/*/click2Call"

# (id, fault rule, the kinds the history may record, its outcome, seconds the call may take).
# After the POST was sent, a 5xx, a cut connection or no answer leave the call's fate unknown:
# "may have been placed". OVHcloud's own refusal (429) placed nothing.
FAULTS = [
    ("500", {"method": "POST", "path": CLICK2CALL, "status": 500}, {"server"}, "uncertain", 15),
    ("503", {"method": "POST", "path": CLICK2CALL, "status": 503}, {"server"}, "uncertain", 15),
    ("429", {"method": "POST", "path": CLICK2CALL, "status": 429}, {"rate_limited"}, "failed",
     15),
    ("html-502", {"method": "POST", "path": CLICK2CALL, "status": 502}, {"server"}, "uncertain",
     15),
    ("dropped", {"method": "POST", "path": CLICK2CALL, "drop": True}, {"connection_lost"},
     "uncertain", 15),
    ("timeout", {"method": "POST", "path": CLICK2CALL, "delay": 30}, {"timeout"}, "uncertain",
     45),
]
TITLES = {"uncertain": "The call to {number} may have been placed",
          "failed": "Call to {number} not placed"}


def call_number(app, spoken: str, e164: str) -> None:
    copy_to_clipboard(spoken)
    popup = wait_for_window(f"Call {e164}?", pid=app.pid)
    press_key(popup, "Return")


def wait_for_result(app, e164: str, timeout: float) -> str:
    history = History(app.profile / "history.sqlite3")

    def result() -> str | None:
        records = [r for r in history.all() if r.number_e164 == e164]
        return f"{records[0].outcome}:{records[0].error_kind}" if records else None

    return poll(result, timeout, f"the call to {e164} in the history", interval=0.1)


@pytest.mark.parametrize(("fault", "kinds", "outcome", "seconds"), [f[1:] for f in FAULTS],
                         ids=[f[0] for f in FAULTS])
def test_fault_gives_its_notification_and_the_next_call_works(notifications, app, fault, kinds,
                                                              outcome, seconds):
    inject_fault(app.port, {**fault, "count": 1})
    call_number(app, "appelez le 01 99 00 11 22", "+33199001122")
    title = TITLES[outcome].format(number="01 99 00 11 22")
    wait_for_window(f"EasyClick2Call — {title}", timeout=seconds, pid=app.pid)
    assert wait_for_result(app, "+33199001122", 5) in {f"{outcome}:{kind}" for kind in kinds}
    # The same words went to the desktop's notification server: the reason and what to do.
    failed = poll(lambda: notifications.matching(title), 5,
                  "the failure notification on the bus")
    assert any(failed[0].body.startswith(ERROR_KINDS[kind]) for kind in kinds)
    if outcome == "uncertain":
        assert "If your phone rings, pick up" in failed[0].body
    # The app keeps working: the next call (another number) goes through. (A call that timed
    # out on our side may still have reached OVHcloud: count from what is there now.)
    before = len(sandbox_calls(app.port))
    call_number(app, "01 99 00 33 44", "+33199003344")
    calls = wait_for_calls(app.port, before + 1)
    assert [c["called_number"] for c in calls[before:]] == ["0033199003344"]
    wait_for_window("EasyClick2Call — Calling 01 99 00 33 44", pid=app.pid)
    assert wait_for_result(app, "+33199003344", 5) == "placed:"
    ringing = poll(lambda: notifications.matching("Calling 01 99 00 33 44"), 5,
                   "the ringing notification on the bus")
    assert "is ringing" in ringing[0].body


def test_expired_access_says_so_and_the_app_stays_up(notifications, app):
    info = sandbox_info(app.port)
    assert info is not None
    inject_fault(app.port, {"expire_consumer_key": info["consumer_key"]})
    call_number(app, "01 99 00 55 66", "+33199005566")
    wait_for_window("EasyClick2Call — Call to 01 99 00 55 66 not placed", pid=app.pid)
    assert wait_for_result(app, "+33199005566", 5) == "failed:access_expired"
    failed = poll(lambda: notifications.matching("Call to 01 99 00 55 66 not placed"), 5,
                  "the failure notification on the bus")
    assert failed[0].body == ERROR_KINDS["access_expired"]
    # Still alive and watching: the next copy pops up (the call would fail the same way).
    copy_to_clipboard("01 99 00 77 88")
    wait_for_window("Call +33199007788?", pid=app.pid)
