"""Place one call the gate approved, and say truthfully what happened.

Shared by the app and the CLI. The outcome is one of:

* ``placed`` — OVHcloud accepted the call. Whatever fails afterwards (the history, a
  notification) never changes that: it is reported separately.
* ``failed`` — nothing was placed (the request was never sent, or OVHcloud refused it).
* ``uncertain`` — the request was sent and no clear answer came back (a timeout, a cut
  connection, a 5xx, an unreadable answer): the call may have been placed. The next call to the
  same number asks first.
* ``blocked`` — the gate refused it (recorded by the callers, never sent).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from easyclick2call.ovhapi.errors import ApiError, map_error

if TYPE_CHECKING:
    from easyclick2call.core.call_gate import ApprovedCall
    from easyclick2call.ovhapi.telephony import Telephony

log = logging.getLogger(__name__)

PLACED = "placed"
FAILED = "failed"
UNCERTAIN = "uncertain"
BLOCKED = "blocked"

# A number whose last call is uncertain needs a confirmation for this long.
UNCERTAIN_MEMORY_S = 15 * 60


@dataclass(frozen=True)
class CallTarget:
    """Where and how to place calls: the account's line and calling mode."""

    billing_account: str
    line: str
    intercom: bool = False
    click2call_user_id: int | None = None


@dataclass(frozen=True)
class CallResult:
    """What happened to one approved call."""

    outcome: str  # PLACED, FAILED or UNCERTAIN
    error: ApiError | None = None

    @property
    def error_kind(self) -> str:
        return self.error.kind if self.error is not None else ""


def place(telephony: Telephony, target: CallTarget, approved: ApprovedCall) -> CallResult:
    """Send the call once; never raises."""
    user_id = target.click2call_user_id
    try:
        telephony.call(target.billing_account, target.line, approved,
                       intercom=target.intercom and user_id is None,
                       click2call_user_id=user_id)
    except ApiError as caught:
        error = caught
    except Exception as exc:  # not expected (Telephony raises ApiError): its fate is unknown
        error = map_error(exc)
        error.uncertain = True
    else:
        log.info("call placed (%s)", approved.source)
        return CallResult(PLACED)
    outcome = UNCERTAIN if error.uncertain else FAILED
    if outcome == UNCERTAIN:
        log.warning("call may have been placed (%s): %s", approved.source, error.kind)
    else:
        log.info("call not placed (%s): %s", approved.source, error.kind)
    return CallResult(outcome, error)


def record(history, e164: str, display: str, line: str, outcome: str, *, source: str,
           error_kind: str = "", demo: bool = False) -> str:
    """Add the call to `history` (best effort, after the call): "" when recorded, else the name
    of what failed — logged at WARNING, never turned into a failed call."""
    from easyclick2call.core.history import CallRecord

    try:
        history.add(CallRecord.new(e164, display, line, outcome, source=source,
                                   error_kind=error_kind, demo=demo))
    except Exception as exc:  # the call itself is done: never let this change its outcome
        log.warning("the call could not be recorded in the history: %s", type(exc).__name__)
        return type(exc).__name__
    return ""


def warm_up(region: str) -> None:
    """(On the call thread, when a call may come) import the OVHcloud client stack and the
    keyring's modules and run the gate once, so that the first call is as quick as the next
    ones. The keyring itself is not touched: it may ask the user to unlock it. Qt-free, as
    everything run off the GUI thread must be (docs/architecture.md)."""
    from easyclick2call.core.account import missing_fields  # noqa: F401  (keyring's modules)
    from easyclick2call.core.call_gate import CallPolicy, check_call
    from easyclick2call.ovhapi.client import ApiIdentity, make_client

    check_call("+33 1 99 00 00 00", CallPolicy(region), "warm_up")
    make_client(ApiIdentity("ovh-eu", "key", "secret", "consumer"))  # built; sends nothing
