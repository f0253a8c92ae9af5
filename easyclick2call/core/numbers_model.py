"""The value types of the number engine: a found number, and why a typed one is not callable."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import phonenumbers
from phonenumbers import PhoneNumberFormat

from easyclick2call.core import geodata


class FoundNumber:
    """A callable number, with the span of text it was read from (immutable).

    ``e164``, ``ovh``, ``start`` and ``end`` are known at once; ``national``, ``international``,
    ``region_code`` and ``description`` (the place, else the country) are worked out on first
    use and kept: formatting and place names cost more than finding the number, and a caller
    that only needs some numbers' display does not pay for the others. Any thread may read
    them (two threads at once would only work the same value out twice).
    """

    __slots__ = ("_formats", "_kind", "_language", "_number", "_place", "e164", "end", "start")

    def __init__(
        self,
        number: phonenumbers.PhoneNumber,
        language: str,
        start: int,
        end: int,
        kind: int | None = None,
    ) -> None:
        """``number``: the parsed number; ``language``: that of ``description``; ``kind``: its
        number_type when already known."""
        put = object.__setattr__
        national = phonenumbers.national_significant_number(number)
        put(self, "e164", f"+{number.country_code}{national}")
        put(self, "start", start)
        put(self, "end", end)
        put(self, "_number", number)
        put(self, "_language", language)
        put(self, "_kind", kind)
        put(self, "_formats", None)
        put(self, "_place", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    __delattr__ = __setattr__  # type: ignore[assignment]

    def moved(self, offset: int) -> FoundNumber:
        """The same number, its span moved by ``offset`` characters (formats kept)."""
        moved = FoundNumber(self._number, self._language, self.start + offset, self.end + offset,
                            self._kind)
        object.__setattr__(moved, "_formats", self._formats)
        object.__setattr__(moved, "_place", self._place)
        return moved

    @property
    def ovh(self) -> str:
        """The number as OVHcloud's API takes it: ``00`` and the country code."""
        return "00" + self.e164[1:]

    def _formatted(self) -> tuple[str, str, str]:
        formats = self._formats
        if formats is None:
            number = self._number
            formats = (
                phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
                phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
                phonenumbers.region_code_for_number(number) or "",
            )
            object.__setattr__(self, "_formats", formats)
        return formats

    @property
    def national(self) -> str:
        return self._formatted()[0]

    @property
    def international(self) -> str:
        return self._formatted()[1]

    @property
    def region_code(self) -> str:
        return self._formatted()[2]

    @property
    def description(self) -> str:
        """Where the number is: the place when known, else the country (``language``)."""
        place = self._place
        if place is None:
            region_code = self.region_code
            place = (
                geodata.description(self._number, self._language, self._kind)
                or (region_code and geodata.region_name(region_code, self._language))
                or region_code
            )
            object.__setattr__(self, "_place", place)
        return place

    def fields(self) -> tuple[str, str, str, str, str, str, int, int]:
        """Every public field, in the order of the former dataclass."""
        return (self.e164, self.ovh, self.national, self.international, self.region_code,
                self.description, self.start, self.end)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FoundNumber):
            return NotImplemented
        return self.fields() == other.fields()

    def __hash__(self) -> int:
        return hash((self.e164, self.start, self.end))

    def __repr__(self) -> str:
        return f"FoundNumber(e164={self.e164!r}, start={self.start}, end={self.end})"


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
