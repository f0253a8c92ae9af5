"""Find the callable phone numbers in copied text, parse typed numbers, format them for display.

Design:

* The text is cleaned first (:mod:`numbers_text`): HTML entities decoded, typographic spaces and
  dashes made ASCII, ``%20`` in ``tel:``/``sip:`` URIs blanked, phone labels glued to a number
  ("Tel01…", "…34Fax:", "…78stp", "…5678info@…") blanked, ``<br />`` made a line break, and
  things that only look like numbers masked (IBAN, card numbers, ISBN, SIRET/VAT ids, UUID, IP
  addresses, GPS coordinates, prices, dotted dates DD.MM.YYYY, long digit runs). Offsets map
  back to the original text, so ``start:end`` always indexes what was copied.
* ``phonenumbers.PhoneNumberMatcher`` (leniency VALID, **no** ``max_tries`` cut-off) reads the
  cleaned text. What it leaves is read again: numbers wrapped over two lines, lists of numbers
  separated by single spaces, French overseas numbers dialled nationally, and NANPA vanity
  numbers (``1-800-FLOWERS``).
* Every candidate must be valid, of a callable type (fixed, mobile, fixed-or-mobile, toll-free,
  premium-rate, shared-cost, VoIP, personal, UAN, voicemail; not pager) and neither an emergency
  number nor a short code; ticket/invoice/order references, labelled identifiers (customer,
  invoice, contract… numbers, registry and tax ids, in FR/EN/DE/ES/IT/NL/Nordic/PL/CZ, label on
  the line or the line above: :mod:`numbers_labels`) and lottery draws are vetoed.
* Region ``"ZZ"`` (or empty) means "no home country": only numbers written with ``+`` and a
  country code are found / accepted.
* In the French numbering plan (FR, RE, YT, GP, GF, MQ, BL, MF) a ten-digit number starting with
  0 gets the country code its prefix belongs to: 0262/0263/0692/0693 → +262 (RE), 0269/0639 →
  +262 (YT), 0590/0690/0691 → +590, 0594/0694 → +594, 0596/0696/0697 → +596, others → +33.

Bounded cost, said honestly: ``find_numbers`` reads at most the first :data:`SCAN_LIMIT`
characters (64 KiB), extended to the end of the number or line under way (at most
:data:`SCAN_OVERRUN` more), in segments of :data:`SEGMENT` characters (16 KiB, cut at a line end
or at a character no number holds), each cleaned and read in turn. Before phonenumbers' matcher
reads a segment, digit groups too short for any number of the region are masked
(:mod:`numbers_prefilter`), so that it spends its parses on what may be a number. Reading stops
early when a budget is spent: :data:`MATCHER_PARSES` parse attempts by the matcher,
:data:`EXTRA_READINGS` extra readings (wraps, lists, French plan; cached by text), ``2 *
MAX_NUMBERS`` candidates, or :data:`MAX_NUMBERS` numbers found. The result says where reading
stopped (:class:`FoundNumbers`: ``scanned`` characters, ``complete``): what was not read is never
silently dropped — the caller tells the user. A popup offers a handful of numbers; these bounds
keep any clipboard, 10 MB included, far below 0.2 s.

Uses private phonenumbers helpers (``PhoneNumberMatcher._parse_and_verify`` and
``._is_latin_letter``, ``prefix._prefix_description_for_number``) so that the extra readings
obey the same rules as the matcher; tests/unit/test_numbers_*.py pin that behaviour. Place names
come from :mod:`easyclick2call.core.geodata`, which reads phonenumbers' geocoding data one slice
at a time instead of loading all 135 MB of it.
"""

from __future__ import annotations

import functools
import re
import sys

import phonenumbers
from phonenumbers import PhoneMetadata
from phonenumbers.phonenumbermatcher import PhoneNumberMatcher

from easyclick2call.core.numbers_labels import is_labelled_identifier
from easyclick2call.core.numbers_model import (
    FoundNumber,
    FoundNumbers,
    NotCallableNumber,
    home_region,
)
from easyclick2call.core.numbers_prefilter import mask_short_groups
from easyclick2call.core.numbers_rules import (
    FRENCH_PLAN,
    callable_type,
    french_plan_e164,
    is_lottery,
    is_reference,
    vanity_numbers,
)
from easyclick2call.core.numbers_text import CleanText, clean
from easyclick2call.core.numbers_typed import parse_number

SCAN_LIMIT = 64 * 1024
SCAN_OVERRUN = 256
SEGMENT = 16 * 1024
MAX_NUMBERS = 100
MATCHER_PARSES = 400
EXTRA_READINGS = 200

_UNLIMITED_TRIES = sys.maxsize
_INSIDE_NUMBERS = frozenset("0123456789 \t()+.-/[]~")
_CLUSTER = re.compile(r"\d[\d ().\-/]*\d\)?")
_CLUSTER_LEAD = re.compile(r"\+?\(?\Z")
_TOKEN = re.compile(r"\S+")
_FIRST_DIGIT = re.compile(r"\d")
# A line that ends with a date ("…;2024-03-12⏎1043;…"): what follows is not the rest of it.
_DATE_BEFORE_BREAK = re.compile(r"(?:\d{4}[-/.]\d\d?[-/.]\d\d?|\d\d?[-/.]\d\d?[-/.]\d{4}) *\r?\n")
_NON_DIGIT = re.compile(r"\D+")
_MAX_CANDIDATES = 2 * MAX_NUMBERS
_MIN_DIGITS = 7
_MAX_DIGITS = 17
_MAX_LIST_TOKENS = 1000
_MAX_PART_TOKENS = 9
_MAX_WRAPPED_LINE = 40  # a number wrapped over two lines ends on the next line, near its start


def _scan_window(text: str) -> str:
    """The part of ``text`` find_numbers reads (see the module docstring)."""
    if len(text) <= SCAN_LIMIT:
        return text
    tail = text[SCAN_LIMIT : SCAN_LIMIT + SCAN_OVERRUN]
    stop = tail.find("\n")
    return text[: SCAN_LIMIT + (stop if stop >= 0 else len(tail))]


def _segment_end(window: str, start: int) -> int:
    """Where the segment of ``window`` starting at ``start`` ends: a line end after
    :data:`SEGMENT` characters, else a character no number holds (a letter, "<", ";"…)."""
    limit = start + SEGMENT
    if limit >= len(window):
        return len(window)
    line_end = window.find("\n", limit, limit + SCAN_OVERRUN)
    if line_end >= 0:
        return line_end + 1
    for position in range(limit, limit - SCAN_OVERRUN, -1):
        if window[position] not in _INSIDE_NUMBERS:
            return position
    return limit


def _digits(text: str) -> str:
    """The digits of ``text`` (any script), as ASCII."""
    if text.isascii():
        return _NON_DIGIT.sub("", text)
    return phonenumbers.normalize_digits_only(text)


_Parts = list[tuple[int, int, phonenumbers.PhoneNumber]]


@functools.cache
def _longest_national(country_code: int) -> int:
    """The most digits a national significant number of ``country_code`` can have."""
    lengths = [
        length
        for region in phonenumbers.region_codes_for_country_code(country_code)
        for metadata in [PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)]
        if metadata is not None
        for length in metadata.general_desc.possible_length
    ]
    return max(lengths, default=_MAX_DIGITS)


class _OutOfParsesError(Exception):
    """The matcher used its parse budget; ``offset`` is where the text is no longer read."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


class _Budget:
    """What one find_numbers call may still spend, and what it found, over all segments."""

    def __init__(self) -> None:
        self.parses = MATCHER_PARSES
        self.extra = EXTRA_READINGS
        self.candidates = 0
        self.seen: set[str] = set()
        self.found = 0
        self.callable: dict[str, int | None] = {}

    @property
    def spent(self) -> bool:
        return self.parses <= 0 or self.candidates >= _MAX_CANDIDATES or self.found >= MAX_NUMBERS


class _BudgetMatcher(PhoneNumberMatcher):
    """phonenumbers' matcher that stops when the budget's parse attempts are used (it may try
    a dozen inner groupings of one long run of digit groups, each a full parse)."""

    budget = _Budget()

    def _parse_and_verify(self, candidate, offset):
        if self.budget.parses <= 0:
            raise _OutOfParsesError(offset)
        self.budget.parses -= 1
        return super()._parse_and_verify(candidate, offset)


class _Finder:
    """One run of find_numbers over a cleaned text."""

    def __init__(
        self, cleaned: CleanText, region: str | None, language: str, budget: _Budget
    ) -> None:
        self.cleaned = cleaned
        self.region = region
        self.language = language
        self.budget = budget
        self.candidates: list[tuple[int, int, phonenumbers.PhoneNumber]] = []
        self._joined_matcher: PhoneNumberMatcher | None = None
        self._parsed: dict[tuple[str, str, str], phonenumbers.PhoneNumber | None] = {}
        self.read_until = len(cleaned.text)  # where reading stopped (the budgets), in `text`

    def _matcher(
        self, text: str, kind: type[PhoneNumberMatcher] = PhoneNumberMatcher
    ) -> PhoneNumberMatcher:
        """phonenumbers' matcher over `text`: numbers valid for the home region, no cut-off."""
        return kind(
            text,
            self.region or "ZZ",
            leniency=phonenumbers.Leniency.VALID,
            max_tries=_UNLIMITED_TRIES,
        )

    # -- candidates ------------------------------------------------------------------------
    def collect(self) -> None:
        text = self.cleaned.text
        matcher = self._matcher(mask_short_groups(text, self.region), _BudgetMatcher)
        matcher.budget = self.budget  # type: ignore[attr-defined]
        taken: list[tuple[int, int]] = []
        try:
            self._read_matches(matcher, taken)
        except _OutOfParsesError as stop:
            self.read_until = stop.offset
        self._leftovers(taken, until=self.read_until)
        for start, end, e164 in vanity_numbers(text[: self.read_until], self.region):
            self.candidates.append((start, end, phonenumbers.parse(e164)))

    def _read_matches(self, matcher: PhoneNumberMatcher, taken: list[tuple[int, int]]) -> None:
        for match in matcher:
            wrapped = self._across_wrap(match.start, match.end, match.number)
            if wrapped is not None:
                taken.append(wrapped[:2])
                self.candidates.append(wrapped)
                continue
            taken.append((match.start, match.end))
            number = self._french_plan(match.raw_string, match.number)
            if number is not None:
                self.candidates.append((match.start, match.end, number))
                self.budget.candidates += 1
            if self.budget.candidates >= _MAX_CANDIDATES:
                self.read_until = match.end
                return

    def _across_wrap(
        self, start: int, end: int, number: phonenumbers.PhoneNumber
    ) -> tuple[int, int, phonenumbers.PhoneNumber] | None:
        """A match that stops at a line wrap inside its own grouping ("030 / 1234-⏎5678"): the
        whole wrapped number when it is valid, else None (the match stands). A match already as
        long as its country's numbers can be is complete."""
        text, joined = self.cleaned.text, self.cleaned.joined
        wrap = text.find("\n", end, end + 4)
        if text is joined or wrap < 0:
            return None
        if len(str(number.national_number)) >= _longest_national(number.country_code):
            return None
        next_line_end = text.find("\n", wrap + 1, wrap + 1 + _MAX_WRAPPED_LINE)
        if next_line_end < 0:
            next_line_end = min(len(text), wrap + 1 + _MAX_WRAPPED_LINE)
        first_digit = _FIRST_DIGIT.search(joined, start, end)
        cluster = (
            _CLUSTER.match(joined, first_digit.start(), next_line_end) if first_digit else None
        )
        if cluster is None or cluster.end() <= end:
            return None
        if len(_digits(joined[start : cluster.end()])) > _MAX_DIGITS:
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
        was_wrapped = (
            digit_count <= _MAX_DIGITS
            and self.cleaned.text[start:end] != self.cleaned.joined[start:end]
            and not _DATE_BEFORE_BREAK.search(self.cleaned.text, start, end)
        )
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
        if self.budget.extra <= 0:
            return None
        self.budget.extra -= 1
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
        seen = self.budget.seen
        text = self.cleaned.text
        taken_until = 0  # candidates never overlap: the first one read keeps its text
        for start, end, number in sorted(self.candidates, key=lambda item: item[0]):
            if start < taken_until:
                continue
            key = f"{number.country_code}/{phonenumbers.national_significant_number(number)}"
            if key in seen:
                taken_until = end
                continue
            kind = self._callable_type(key, number)
            if kind is None:
                continue
            if (
                is_reference(text, start)
                or is_labelled_identifier(text, start)
                or is_lottery(text, start, end)
            ):
                continue
            seen.add(key)
            taken_until = end
            offsets = self.cleaned.offsets
            found.append(
                FoundNumber(
                    number, self.language, offsets.original(start), offsets.original(end), kind
                )
            )
            self.budget.found += 1
            if self.budget.found == MAX_NUMBERS:
                self.read_until = min(self.read_until, end)
                break
        return found

    def _callable_type(self, key: str, number: phonenumbers.PhoneNumber) -> int | None:
        known = self.budget.callable
        if key not in known:
            known[key] = callable_type(number)
        return known[key]


def find_numbers(text: str, region: str, language: str = "en") -> FoundNumbers:
    """Every callable number in ``text``, in order of appearance, without duplicates.

    The result is a list that also says how much of the text was read (``scanned``,
    ``complete``: see :class:`FoundNumbers` and the bounds in the module docstring).

    ``region`` is the user's country for numbers written nationally ("ZZ": none); ``language``
    ("en", "fr") is the language of ``description``. Never raises on any text.
    """
    if not text or text.isspace():  # (strip() would copy a text that ends with a line)
        return FoundNumbers([], len(text or ""))
    window = _scan_window(text)
    budget = _Budget()
    found: list[FoundNumber] = []
    start = 0
    while start < len(window) and not budget.spent:
        end = _segment_end(window, start)
        finder = _Finder(clean(window[start:end]), home_region(region), language, budget)
        finder.collect()
        found += [
            number.moved(start) if start else number for number in finder.results()
        ]
        if finder.read_until < len(finder.cleaned.text):
            end = start + finder.cleaned.offsets.original(finder.read_until)
        start = end
    return FoundNumbers(found, start, complete=start >= len(text))


def warm_up(region: str, language: str = "en") -> FoundNumbers:
    """Load and exercise the number engine for ``region`` once (its modules, the region's
    metadata, the matcher, clean-up, masks, labels, formats and place names) so that the first
    copy does not pay for it. Place names: the region's own country name (one line of the
    table, a few KB) and the slice of places that holds its example fixed-line number (about
    4 MB, most of the region's numbers; another slice is read when a number needs it). Holds
    no copied text; about 0.1 s, for a worker thread.

    Returns the region's example number as a copy of it would be found (empty when the region
    has none): something to build the popup with ahead of the first copy."""
    home = home_region(region)
    example = phonenumbers.example_number(home) if home else None
    national = (
        phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
        if example is not None
        else "+33 1 99 00 12 34"
    )
    text = f"Tél. : {national} — N° client 0123456789 du 21.03.2024, 12,50 €\n+44 20 7946 0000"
    finder = _Finder(clean(text), home, "en", _Budget())
    finder.collect()
    for _start, _end, number in finder.candidates[:1]:  # the region's own: its names, its places
        kind = callable_type(number)
        found = FoundNumber(number, "en", 0, 0, kind)
        found.fields()  # formats, country name, places
    for _start, _end, number in finder.candidates[1:]:
        callable_type(number)
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if example is None:
        return FoundNumbers([], 0)
    found = find_numbers(national, region, language)
    for number in found:
        number.fields()
    return found


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
    "FoundNumbers",
    "NotCallableNumber",
    "display_number",
    "find_numbers",
    "parse_number",
    "warm_up",
]
