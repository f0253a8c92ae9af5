"""Calls approved by the real call gate, for tests that drive Telephony.call directly."""

from __future__ import annotations

from easyclick2call.core.call_gate import ApprovedCall, CallPolicy, check_call

# Every callable number passes: no blocked prefix, no question about numbers abroad.
PERMISSIVE = CallPolicy("FR", (), confirm_international=False)


def approved(number, source: str = "test") -> ApprovedCall:
    """`number` (text, E.164 / 00… or a FoundNumber) as the gate approves it."""
    verdict = check_call(number, PERMISSIVE, source)
    assert isinstance(verdict, ApprovedCall), verdict
    return verdict
