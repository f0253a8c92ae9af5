"""Find the callable phone numbers in copied text, parse typed numbers, format them for display.

Design (DESIGN.md §4):

* The text is cleaned first (:mod:`numbers_text`): HTML entities decoded, typographic spaces and
  dashes made ASCII, ``%20`` in ``tel:``/``sip:`` URIs blanked, phone labels glued to a number
  ("Tel01…", "…34Fax:", "…78stp") blanked, and things that only look like numbers masked (IBAN,
  card numbers, ISBN, SIRET/VAT ids, UUID, IP addresses, GPS coordinates, prices, long digit
  runs). Offsets map back to the original text, so ``start:end`` always indexes what was copied.
* ``phonenumbers.PhoneNumberMatcher`` (leniency VALID, **no** ``max_tries`` cut-off) reads the
  cleaned text. What it leaves is read again: numbers wrapped over two lines, lists of numbers
  separated by single spaces, French overseas numbers dialled nationally, and NANPA vanity
  numbers (``1-800-FLOWERS``).
* Every candidate must be valid, of a callable type (fixed, mobile, fixed-or-mobile, toll-free,
  premium-rate, shared-cost, VoIP, personal, UAN, voicemail; not pager) and neither an emergency
  number nor a short code; ticket/invoice/order references and lottery draws are vetoed.
* Region ``"ZZ"`` (or empty) means "no home country": only numbers written with ``+`` and a
  country code are found / accepted.
* In the French numbering plan (FR, RE, YT, GP, GF, MQ, BL, MF) a ten-digit number starting with
  0 gets the country code its prefix belongs to: 0262/0263/0692/0693 → +262 (RE), 0269/0639 →
  +262 (YT), 0590/0690/0691 → +590, 0594/0694 → +594, 0596/0696/0697 → +596, others → +33.

Bounded cost: ``find_numbers`` reads the first :data:`SCAN_LIMIT` characters (64 KiB), extended
to the end of the number or line under way (at most :data:`SCAN_OVERRUN` more). Everything
in that window is read by the matcher without its ``max_tries`` cut-off; text after it is
ignored, by design, so that a 10 MB clipboard is handled in well under 0.5 s. Two more bounds
only matter for texts holding hundreds of numbers: at most :data:`MAX_NUMBERS` (500) numbers
are returned, the first ones (reading stops after ``4 * MAX_NUMBERS`` candidates), and the extra
readings beyond the matcher (wraps, lists, French plan) make at most :data:`EXTRA_READINGS`
parse attempts per call (cached by text, so repeated lines cost nothing). A popup offers a
handful of numbers; these bounds keep the worst case of the window far below 0.5 s.

Uses private phonenumbers helpers (``PhoneNumberMatcher._parse_and_verify`` and
``._is_latin_letter``, ``prefix._prefix_description_for_number``) so that the extra readings
obey the same rules as the matcher; tests/unit/test_numbers_*.py pin that behaviour. Place names
come from :mod:`easyclick2call.core.geodata`, which reads phonenumbers' geocoding data one slice
at a time instead of loading all 135 MB of it.
"""

from __future__ import annotations

import re
import sys

import phonenumbers
from phonenumbers.phonenumbermatcher import PhoneNumberMatcher

from easyclick2call.core.numbers_labels import is_labelled_identifier
from easyclick2call.core.numbers_model import (
    FoundNumber,
    NotCallableNumber,
    home_region,
    number_details,
)
from easyclick2call.core.numbers_prefilter import mask_short_groups
from easyclick2call.core.numbers_rules import (
    FRENCH_PLAN,
    french_plan_e164,
    is_callable,
    is_lottery,
    is_reference,
    vanity_numbers,
)
from easyclick2call.core.numbers_text import CleanText, clean
from easyclick2call.core.numbers_typed import parse_number

SCAN_LIMIT = 64 * 1024
SCAN_OVERRUN = 256
MAX_NUMBERS = 500
EXTRA_READINGS = 1500

_UNLIMITED_TRIES = sys.maxsize
_CLUSTER = re.compile(r"\d[\d ().\-/]*\d\)?")
_CLUSTER_LEAD = re.compile(r"\+?\(?\Z")
_TOKEN = re.compile(r"\S+")
_FIRST_DIGIT = re.compile(r"\d")
_NON_DIGIT = re.compile(r"\D+")
_MAX_CANDIDATES = 4 * MAX_NUMBERS
_MIN_DIGITS = 7
_MAX_DIGITS = 17
_MAX_LIST_TOKENS = 1000
_MAX_PART_TOKENS = 9


def _scan_window(text: str) -> str:
    """The part of ``text`` find_numbers reads (see the module docstring)."""
    if len(text) <= SCAN_LIMIT:
        return text
    tail = text[SCAN_LIMIT : SCAN_LIMIT + SCAN_OVERRUN]
    stop = tail.find("\n")
    return text[: SCAN_LIMIT + (stop if stop >= 0 else len(tail))]


def _digits(text: str) -> str:
    """The digits of ``text`` (any script), as ASCII."""
    if text.isascii():
        return _NON_DIGIT.sub("", text)
    return phonenumbers.normalize_digits_only(text)


_Parts = list[tuple[int, int, phonenumbers.PhoneNumber]]


class _Finder:
    """One run of find_numbers over a cleaned text."""

    def __init__(self, cleaned: CleanText, region: str | None, language: str) -> None:
        self.cleaned = cleaned
        self.region = region
        self.language = language
        self.candidates: list[tuple[int, int, phonenumbers.PhoneNumber]] = []
        self._joined_matcher: PhoneNumberMatcher | None = None
        self._callable: dict[str, bool] = {}
        self._parsed: dict[tuple[str, str, str], phonenumbers.PhoneNumber | None] = {}
        self._budget = EXTRA_READINGS
        self._details: dict[str, tuple[str, ...]] = {}

    def _matcher(self, text: str) -> PhoneNumberMatcher:
        """phonenumbers' matcher over `text`: numbers valid for the home region, no cut-off."""
        return PhoneNumberMatcher(
            text,
            self.region or "ZZ",
            leniency=phonenumbers.Leniency.VALID,
            max_tries=_UNLIMITED_TRIES,
        )

    # -- candidates ------------------------------------------------------------------------
    def collect(self) -> None:
        text = self.cleaned.text
        matcher = self._matcher(mask_short_groups(text, self.region))
        taken: list[tuple[int, int]] = []
        for match in matcher:
            wrapped = self._across_wrap(match.start, match.end)
            if wrapped is not None:
                taken.append(wrapped[:2])
                self.candidates.append(wrapped)
                continue
            taken.append((match.start, match.end))
            number = self._french_plan(match.raw_string, match.number)
            if number is not None:
                self.candidates.append((match.start, match.end, number))
            if len(self.candidates) >= _MAX_CANDIDATES:
                self._leftovers(taken, until=match.end)
                return
        self._leftovers(taken, until=len(text))
        for start, end, e164 in vanity_numbers(text, self.region):
            self.candidates.append((start, end, phonenumbers.parse(e164)))

    def _across_wrap(
        self, start: int, end: int
    ) -> tuple[int, int, phonenumbers.PhoneNumber] | None:
        """A match that stops at a line wrap inside its own grouping ("030 / 1234-⏎5678"): the
        whole wrapped number when it is valid, else None (the match stands)."""
        text, joined = self.cleaned.text, self.cleaned.joined
        if text is joined or "\n" not in text[end : end + 4]:
            return None
        first_digit = _FIRST_DIGIT.search(joined, start, end)
        cluster = _CLUSTER.match(joined, first_digit.start()) if first_digit else None
        if cluster is None or cluster.end() <= end:
            return None
        number = self._parse_part(start, cluster.end())
        return None if number is None else (start, cluster.end(), number)

    def _french_plan(
        self, raw: str, number: phonenumbers.PhoneNumber
    ) -> phonenumbers.PhoneNumber | None:
        """The number as the French plan reads it (overseas prefixes), or as parsed."""
        e164 = french_plan_e164(_digits(raw), self.region)
        if e164 is None or e164 == f"+{number.country_code}{number.national_number}":
            return number
        remapped = phonenumbers.parse(e164)
        return remapped if phonenumbers.is_valid_number(remapped) else None

    def _leftovers(self, taken: list[tuple[int, int]], until: int) -> None:
        joined = self.cleaned.joined
        position = 0
        for start, end in [*taken, (until, until)]:
            for cluster in _CLUSTER.finditer(joined, position, start):
                if cluster.end() - cluster.start() < _MIN_DIGITS:
                    continue
                lead = _CLUSTER_LEAD.search(
                    joined, max(position, cluster.start() - 2), cluster.start()
                )
                self._read_cluster(lead.start() if lead else cluster.start(), cluster.end())
            position = end

    def _read_cluster(self, start: int, end: int) -> None:
        digit_count = len(_digits(self.cleaned.joined[start:end]))
        if digit_count < _MIN_DIGITS:
            return
        was_wrapped = self.cleaned.text[start:end] != self.cleaned.joined[start:end]
        french = self.region in FRENCH_PLAN and digit_count == 10
        if (was_wrapped or french) and self._read_part(start, end):
            return
        if digit_count >= 2 * _MIN_DIGITS:
            self._read_list(start, end)

    def _read_part(self, start: int, end: int) -> bool:
        """Parse joined[start:end] as one number; record it when valid."""
        number = self._parse_part(start, end)
        if number is None:
            return False
        self.candidates.append((start, end, number))
        return True

    def _glued_to_letters(self, start: int, end: int) -> bool:
        """Latin letters right before or after: part of a word, an e-mail, an identifier."""
        text = self.cleaned.joined
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        return PhoneNumberMatcher._is_latin_letter(before) or PhoneNumberMatcher._is_latin_letter(
            after
        )

    def _parse_part(self, start: int, end: int) -> phonenumbers.PhoneNumber | None:
        """One extra reading (wrap, list part, French plan), cached, within the budget."""
        joined = self.cleaned.joined
        key = (joined[start - 1 : start], joined[start:end], joined[end : end + 1])
        if key in self._parsed:
            return self._parsed[key]
        if self._budget <= 0:
            return None
        self._budget -= 1
        number = self._parsed[key] = self._parse_part_once(start, end)
        return number

    def _parse_part_once(self, start: int, end: int) -> phonenumbers.PhoneNumber | None:
        raw = self.cleaned.joined[start:end]
        remapped = french_plan_e164(_digits(raw), self.region)
        if remapped is not None:
            if self._glued_to_letters(start, end):
                return None
            number = phonenumbers.parse(remapped)
            return number if phonenumbers.is_valid_number(number) else None
        if self._joined_matcher is None:
            self._joined_matcher = self._matcher(self.cleaned.joined)
        match = self._joined_matcher._parse_and_verify(raw, start)
        return match.number if match is not None else None

    def _read_list(self, start: int, end: int) -> None:
        """Numbers separated by single spaces: an exact cover of the tokens, fewest parts.

        Read from the left: only where a valid number ends is a next one tried, so text that
        is not a list costs a few parse attempts.
        """
        tokens = [
            (token.start() + start, token.end() + start, len(_digits(token.group())))
            for token in _TOKEN.finditer(self.cleaned.joined[start:end])
        ]
        count = len(tokens)
        if not 2 <= count <= _MAX_LIST_TOKENS:
            return
        reached: list[_Parts | None] = [[]] + [None] * count
        for first in range(count):
            before = reached[first]
            if before is None:
                continue
            digits = 0
            for last in range(first, min(count, first + _MAX_PART_TOKENS)):
                digits += tokens[last][2]
                if digits > _MAX_DIGITS:
                    break
                known = reached[last + 1]
                if digits < _MIN_DIGITS - 2 or (known is not None and len(known) <= len(before)):
                    continue
                part_start, part_end = tokens[first][0], tokens[last][1]
                number = self._parse_part(part_start, part_end)
                if number is not None:
                    reached[last + 1] = [*before, (part_start, part_end, number)]
        whole = reached[count]
        if whole is not None and len(whole) >= 2:
            self.candidates.extend(whole)

    # -- results ---------------------------------------------------------------------------
    def results(self) -> list[FoundNumber]:
        found: list[FoundNumber] = []
        seen: set[str] = set()
        text = self.cleaned.text
        taken_until = 0  # candidates never overlap: the first one read keeps its text
        for start, end, number in sorted(self.candidates, key=lambda item: item[0]):
            if start < taken_until:
                continue
            key = f"{number.country_code}/{phonenumbers.national_significant_number(number)}"
            if key in seen:
                taken_until = end
                continue
            if not self._is_callable(key, number):
                continue
            if (
                is_reference(text, start)
                or is_labelled_identifier(text, start)
                or is_lottery(text, start, end)
            ):
                continue
            seen.add(key)
            taken_until = end
            details = self._details.get(key)
            if details is None:
                details = self._details[key] = number_details(number, self.language)
            offsets = self.cleaned.offsets
            found.append(FoundNumber(*details, offsets.original(start), offsets.original(end)))
            if len(found) == MAX_NUMBERS:
                break
        return found

    def _is_callable(self, key: str, number: phonenumbers.PhoneNumber) -> bool:
        known = self._callable.get(key)
        if known is None:
            known = self._callable[key] = is_callable(number)
        return known


def find_numbers(text: str, region: str, language: str = "en") -> list[FoundNumber]:
    """Every callable number in ``text``, in order of appearance, without duplicates.

    ``region`` is the user's country for numbers written nationally ("ZZ": none); ``language``
    ("en", "fr") is the language of ``description``. Never raises on any text.
    """
    if not text or not text.strip():
        return []
    finder = _Finder(clean(_scan_window(text)), home_region(region), language)
    finder.collect()
    return finder.results()


def display_number(found: FoundNumber, user_region: str) -> str:
    """National format for a number of the user's own country, international otherwise."""
    if found.region_code and found.region_code == home_region(user_region):
        return found.national
    return found.international


__all__ = [
    "EXTRA_READINGS",
    "MAX_NUMBERS",
    "SCAN_LIMIT",
    "FoundNumber",
    "NotCallableNumber",
    "display_number",
    "find_numbers",
    "parse_number",
]
