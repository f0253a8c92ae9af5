"""The call gate: the one rule that decides whether a number may be called, on every path.

Every way of placing a call — the popup, "Call a number…", redial from the History window or the
tray, ``tel:``/``callto:`` links, a number handed over by a second launch, ``easyclick2call
call`` and ``call --clipboard`` — asks :func:`check_call`. It answers with one of:

* :class:`ApprovedCall` — the only object :meth:`ovhapi.telephony.Telephony.call` accepts, and
  only this module can make one, so no path can place a call without passing the gate;
* :class:`Refusal` — never called: not a callable number (emergency numbers, short codes,
  invalid numbers) or a blocked prefix; ``reason`` says why, in words for the user;
* :class:`NeedsConfirmation` — ask the user first (a number abroad when the settings say so, or
  a number whose last call may already have been placed); call again with that confirmation.

Pure Python; the number engine is imported on first use (callers run the gate on a worker).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from easyclick2call.core.numbers_model import FoundNumber


class Confirmation(enum.Enum):
    """What the user may have to confirm before a call."""

    ABROAD = "abroad"  # a number outside the user's country (setting confirm_international)
    REPEAT = "repeat"  # the last call to this number may already have been placed


class RefusalKind(enum.Enum):
    NOT_CALLABLE = "not_callable"  # emergency, short code, not a valid number
    BLOCKED = "blocked"  # a blocked prefix (Settings › Filters)


@dataclass(frozen=True)
class CallPolicy:
    """The settings the gate applies, plus the numbers whose last call is uncertain."""

    user_region: str = "FR"
    blocked_prefixes: tuple[str, ...] = ()
    confirm_international: bool = True
    uncertain_numbers: frozenset[str] = frozenset()  # E.164 numbers to confirm again

    @classmethod
    def from_settings(cls, setting: Callable[[str, object], object], region: str,
                      uncertain_numbers: Iterable[str] = ()) -> CallPolicy:
        """The policy of a profile: `setting(key, default)` reads its settings."""
        return cls(
            user_region=(region or "").upper(),
            blocked_prefixes=tuple(str(p) for p in (setting("blocked_prefixes", ()) or ())),
            confirm_international=bool(setting("confirm_international", True)),
            uncertain_numbers=frozenset(uncertain_numbers),
        )


@dataclass(frozen=True)
class Refusal:
    """Not called, and why (English; the UI translates ``kind`` + ``prefix`` itself)."""

    kind: RefusalKind
    reason: str
    e164: str = ""
    prefix: str = ""


@dataclass(frozen=True)
class NeedsConfirmation:
    """Ask the user `what` about `found` first."""

    what: Confirmation
    found: FoundNumber
    country: str = ""  # for ABROAD: the number's region code


_GATE_KEY = object()


@dataclass(frozen=True)
class ApprovedCall:
    """A number the gate let through: what OVHcloud is sent, and where the request came from."""

    found: FoundNumber
    source: str
    gate_key: object = field(repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        if self.gate_key is not _GATE_KEY:
            raise TypeError("an ApprovedCall is made by core.call_gate.check_call only")

    @property
    def e164(self) -> str:
        return self.found.e164

    @property
    def ovh(self) -> str:
        return self.found.ovh


Verdict = ApprovedCall | Refusal | NeedsConfirmation


def blocked_prefix(e164: str, prefixes: Sequence[str]) -> str | None:
    """The blocked prefix `e164` starts with, or None."""
    for prefix in prefixes:
        if prefix and e164.startswith(prefix):
            return prefix
    return None


def is_abroad(found: FoundNumber, policy: CallPolicy) -> bool:
    """A number the user must confirm as international (setting confirm_international)."""
    return policy.confirm_international and found.region_code != policy.user_region


def blocked_reason(prefix: str) -> str:
    """The sentence every path shows for a blocked number (translated by the UI)."""
    return (f"Not called: numbers starting with {prefix} are blocked (premium rate); "
            "change this in Settings › Filters.")


def check_call(number: FoundNumber | str, policy: CallPolicy, source: str, *,
               confirmed: Iterable[Confirmation] = (), language: str = "en") -> Verdict:
    """The verdict for calling `number` (a FoundNumber, or typed / E.164 text) from `source`.

    The number is read again from its E.164 form (or parsed from the text), so every path gets
    the same checks whatever it was handed: emergency numbers and short codes never pass.
    """
    from easyclick2call.core.numbers_model import NotCallableNumber
    from easyclick2call.core.numbers_typed import parse_number

    text = number if isinstance(number, str) else number.e164
    try:
        found = parse_number(text, policy.user_region or "ZZ", language)
    except NotCallableNumber as exc:
        return Refusal(RefusalKind.NOT_CALLABLE, exc.reason)
    prefix = blocked_prefix(found.e164, policy.blocked_prefixes)
    if prefix is not None:
        return Refusal(RefusalKind.BLOCKED, blocked_reason(prefix), found.e164, prefix)
    confirmed = set(confirmed)
    if is_abroad(found, policy) and Confirmation.ABROAD not in confirmed:
        return NeedsConfirmation(Confirmation.ABROAD, found, found.region_code)
    if found.e164 in policy.uncertain_numbers and Confirmation.REPEAT not in confirmed:
        return NeedsConfirmation(Confirmation.REPEAT, found)
    return ApprovedCall(found, source, _GATE_KEY)
