"""The value types of the number engine: a found number, and why a typed one is not callable."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat

from easyclick2call.core import geodata


@dataclass(frozen=True)
class FoundNumber:
    """A callable number, with the span of text it was read from."""

    e164: str
    ovh: str
    national: str
    international: str
    region_code: str
    description: str
    start: int
    end: int


class FoundNumbers(list):
    """find_numbers' result: the numbers found (a list of FoundNumber), and how much was read.

    ``scanned`` is the number of characters of the copied text that were read: when it is
    less than the text's length (``complete`` is False), the rest was not looked at, and the
    user must be told so (a popup note) rather than shown the numbers as if they were all.
    """

    def __init__(self, numbers=(), scanned: int = 0, complete: bool = True) -> None:
        super().__init__(numbers)
        self.scanned = scanned
        self.complete = complete


class NotCallableNumber(ValueError):  # noqa: N818 (name fixed by docs/architecture.md)
    """A typed text that is not a number EasyClick2Call can call; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def home_region(region: str | None) -> str | None:
    """The upper-case region code, or None for "ZZ" / empty (no home country)."""
    region = (region or "").strip().upper()
    return None if region in ("", "ZZ") else region


def number_details(
    number: phonenumbers.PhoneNumber, language: str, kind: int | None = None
) -> tuple[str, ...]:
    """The FoundNumber fields before start/end, in order (``kind``: its number_type, if known)."""
    e164 = f"+{number.country_code}{phonenumbers.national_significant_number(number)}"
    region_code = phonenumbers.region_code_for_number(number) or ""
    description = (
        geodata.description(number, language, kind)  # the place, else the country
        or (region_code and geodata.region_name(region_code, language))
        or region_code
    )
    return (
        e164,
        "00" + e164[1:],
        phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
        phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
        region_code,
        description,
    )
