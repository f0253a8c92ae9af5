"""The call gate: one rule for every path (emergency, short codes, blocked prefixes, abroad)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from easyclick2call.core.call_gate import (
    ApprovedCall,
    CallPolicy,
    Confirmation,
    NeedsConfirmation,
    Refusal,
    RefusalKind,
    check_call,
)
from easyclick2call.core.numbers import parse_number
from easyclick2call.core.settings import DEFAULT_BLOCKED_PREFIXES

PACKAGE = Path(__file__).resolve().parents[2] / "easyclick2call"
FRANCE = CallPolicy("FR", tuple(DEFAULT_BLOCKED_PREFIXES), confirm_international=True)


@pytest.mark.parametrize("text", ["112", "15", "17", "18", "911", "3949", "36 15"])
def test_emergency_numbers_and_short_codes_never_pass(text):
    verdict = check_call(text, FRANCE, "cli")
    assert isinstance(verdict, Refusal) and verdict.kind is RefusalKind.NOT_CALLABLE
    assert verdict.reason


@pytest.mark.parametrize("text", ["+33 8 92 68 01 23", "08 92 68 01 23", "+33899123456",
                                  "tel:+33892680123"])
def test_a_blocked_prefix_is_refused_with_the_reason_whatever_the_form(text):
    verdict = check_call(text, FRANCE, "dialog")
    assert isinstance(verdict, Refusal) and verdict.kind is RefusalKind.BLOCKED
    assert verdict.prefix in ("+3389",) and "+3389" in verdict.reason
    assert "blocked" in verdict.reason


def test_a_found_number_is_read_again_not_trusted():
    found = parse_number("08 92 68 01 23", "FR")  # what a popup row would hold
    assert isinstance(check_call(found, FRANCE, "popup"), Refusal)


def test_abroad_asks_first_then_passes_once_confirmed():
    verdict = check_call("+44 20 7946 0018", FRANCE, "redial")
    assert isinstance(verdict, NeedsConfirmation)
    assert verdict.what is Confirmation.ABROAD and verdict.country == "GB"
    approved = check_call("+44 20 7946 0018", FRANCE, "redial", confirmed={Confirmation.ABROAD})
    assert isinstance(approved, ApprovedCall)
    assert approved.ovh == "00442079460018" and approved.source == "redial"
    relaxed = CallPolicy("FR", (), confirm_international=False)
    assert isinstance(check_call("+44 20 7946 0018", relaxed, "cli"), ApprovedCall)


def test_a_number_whose_last_call_is_uncertain_asks_again():
    policy = CallPolicy("FR", (), uncertain_numbers=frozenset({"+33199001234"}))
    verdict = check_call("01 99 00 12 34", policy, "popup")
    assert isinstance(verdict, NeedsConfirmation) and verdict.what is Confirmation.REPEAT
    assert isinstance(check_call("01 99 00 12 34", policy, "popup",
                                 confirmed=[Confirmation.REPEAT]), ApprovedCall)
    assert isinstance(check_call("01 99 00 12 35", policy, "popup"), ApprovedCall)


def test_only_the_gate_makes_an_approved_call():
    found = parse_number("01 99 00 12 34", "FR")
    with pytest.raises(TypeError):
        ApprovedCall(found, "cli")
    with pytest.raises(TypeError):
        ApprovedCall(found, "cli", object())


def test_telephony_call_takes_only_an_approved_call():
    from easyclick2call.ovhapi.telephony import Telephony

    with pytest.raises(TypeError):
        Telephony(object()).call("ba", "line", "0033199001234")  # type: ignore[arg-type]


def _calls_of(module: Path, attribute: str) -> list[int]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == attribute]


def _places_a_call(module: Path) -> bool:
    """Calls `dialing.place(…)`, or imports `place` from ovhapi.dialing (to call it bare)."""
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "place" and isinstance(node.func.value, ast.Name) \
                and node.func.value.id == "dialing":
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("ovhapi.dialing") \
                and any(alias.name == "place" for alias in node.names):
            return True
    return False


def test_every_module_that_places_a_call_goes_through_the_gate():
    """A new entry point cannot skip the gate: the only places that send a call are
    ovhapi.dialing.place (which needs an ApprovedCall) and Telephony.call itself, and every
    module that calls dialing.place also asks check_call."""
    placing = {}
    for module in PACKAGE.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        if "click2Call" in text and "self._client.post" in text:
            placing[module.relative_to(PACKAGE).as_posix()] = "posts click2Call"
        if _places_a_call(module):
            placing[module.relative_to(PACKAGE).as_posix()] = "dialing.place"
    assert placing == {
        "ovhapi/telephony.py": "posts click2Call",
        "ui/calling.py": "dialing.place",
        "commands/call_cmd.py": "dialing.place",
        "ui/settings_pages/line.py": "dialing.place",  # Settings › Line › Test call
    }
    for name, how in placing.items():
        if how == "dialing.place":
            assert _calls_of(PACKAGE / name, "check_call") or "check_call(" in (
                PACKAGE / name).read_text(encoding="utf-8"), name
