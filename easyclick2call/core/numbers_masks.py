"""Spans of text that only look like phone numbers: IBAN, cards, SIRET, ISBN, IP, GPS, prices…

Each function returns ``(start, end)`` spans; the caller masks them (same length). They are
written to cost little on ordinary text: the digit shapes are only tried on runs of digits and
separators long enough to hold one, the others only where their hint (a currency sign, a
keyword, a degree sign) is present.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

_CHUNK = re.compile(r"\d[\d.,:;'/ \-°′″\"NSEWO]{6,}")
_SHAPES = re.compile(
    r"(?P<long>\d{26,})"
    r"|(?P<dotted>\d{1,4}(?:\.\d{1,4}){7,})"
    r"|(?P<siret>\d{3} \d{3} \d{3} \d{5}(?!\d))"
    r"|(?P<card>\d{4}(?:[ \-]?\d{4}){2}[ \-]?\d{1,7}(?![\d\-]))"
    r"|(?P<date>(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d(?!\.?\d))"
    r"|(?P<ipv4>\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![.\d]))"
    r"|(?P<gps>\d{1,3}[.,]\d{4,}°? ?[NSEWO]? ?[,;/ ] ?-?\d{1,3}[.,]\d{4,}°?(?: ?[NSEWO]\b)?)"
    r"|(?P<isbn>97[89]-\d{1,5}-\d{1,7}-\d{1,7}-[\dX](?![\d\-]))"
)
_DIGITS = "0123456789"
_IBAN = re.compile(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_UUID_MIDDLE = re.compile(r"-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-")
_ISBN = re.compile(r"(?i)\bISBN(?:-1[03])?:? ?[\dX][\dX \-]{8,16}[\dX]\b")
# Where a company-id keyword starts (lower-case text); the id must follow it.
_COMPANY_HINTS = (
    "siret", "siren", "rcs", "tva", "vat", "ust-id", "ustid", "nif", "cif", "naf", "bce", "kbo",
    "company n", "company r", "crn", "eori", "rpps", "adeli", "finess",
)  # fmt: skip
_COMPANY_ID = re.compile(
    r"(?i)(?:siret|siren|rcs(?: [a-zé\-]+)?|tva(?: intra(?:communautaire)?)?|"
    r"vat(?: no| number)?|ust-?idnr|nif|cif|naf|bce|kbo|company (?:no|number|reg(?:istration)?)|"
    r"crn|eori|rpps|adeli|finess)\.?(?: ?(?:n°|no|nr|number|numéro))?[ :.#]*[A-Z]{0,3}[ \-]?"
    r"\d[\d .\-]{5,20}\d"
)
_DMS = re.compile(r"\d{1,3}° ?\d{1,2}['′] ?\d{1,2}(?:[.,]\d+)?(?:\"|″|'')? ?[NSEWO]?")
_CURRENCY_SIGN = re.compile(r"[$€£¥₹]")
_CURRENCY_WORD = re.compile(r"(?:EUR|USD|GBP|CHF|CAD|euros?|dollars?|francs?|HT|TTC)\b")
_CURRENCY_WORDS = ("eur", "usd", "gbp", "chf", "cad", "dollar", "franc", "ht", "ttc")
_AMOUNT_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}(?:[ .,']\d{3})*(?:[.,]\d{1,2})? ?\Z")
_AMOUNT_AFTER = re.compile(r" ?\d+(?:[.,']\d{3})*(?:[.,]\d{1,2})?(?!\d)")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _confirmed(kind: str | None, found: str) -> bool:
    """Second look at a digit shape: a card must pass Luhn, an IPv4 address have bytes."""
    if kind == "card":
        digits = re.sub(r"\D", "", found)
        return 13 <= len(digits) <= 19 and _luhn_ok(digits)
    if kind == "ipv4":
        return all(int(part) <= 255 for part in found.split(":", 1)[0].split("."))
    return True


def digit_shapes(text: str) -> list[Span]:
    """Long digit runs, dotted runs, SIRET, Luhn-valid cards, dotted dates (DD.MM.YYYY), IPv4,
    GPS pairs, bare ISBN-13."""
    spans: list[Span] = []
    for chunk in _CHUNK.finditer(text):
        found = chunk.group()
        if "." not in found and "," not in found and sum(map(found.count, _DIGITS)) < 13:
            continue  # every shape has a dot or a comma, or 13 digits (SIRET, card, ISBN, runs)
        for shape in _SHAPES.finditer(text, chunk.start(), chunk.end()):
            before = text[shape.start() - 1] if shape.start() else " "
            if before.isdigit() or before in ".,-":
                continue
            if _confirmed(shape.lastgroup, shape.group()):
                spans.append(shape.span())
    return spans


def _amount_around(text: str, start: int, end: int) -> Span | None:
    """The amount written before or after the currency at ``text[start:end]``."""
    before = _AMOUNT_BEFORE.search(text, max(0, start - 24), start)
    if before:
        return before.start(), end
    after = _AMOUNT_AFTER.match(text, end)
    return (start, after.end()) if after else None


def _prices(text: str, lowered: str) -> list[Span]:
    """Amounts next to a currency sign or code: "1 234,56 €", "$20", "EUR 300", "12 euros"."""
    found = [sign.span() for sign in _CURRENCY_SIGN.finditer(text)]
    for word in _CURRENCY_WORDS:
        position = lowered.find(word)
        while position >= 0:
            if position == 0 or not lowered[position - 1].isalpha():
                match = _CURRENCY_WORD.match(text, position)
                if match:
                    found.append(match.span())
            position = lowered.find(word, position + 1)
    spans = [_amount_around(text, start, end) for start, end in found]
    return [span for span in spans if span is not None]


def hinted(text: str, lowered: str) -> list[Span]:
    """The shapes that start with letters or symbols, each only where its hint is present."""
    spans = _prices(text, lowered)
    spans += _company_ids(text, lowered)
    if "isbn" in lowered:
        spans += [match.span() for match in _ISBN.finditer(text)]
    if "°" in text:
        spans += [match.span() for match in _DMS.finditer(text)]
    spans += _uuids(text)
    return spans


def _company_ids(text: str, lowered: str) -> list[Span]:
    """SIRET, SIREN, VAT and other company ids that follow their keyword."""
    spans: list[Span] = []
    for hint in _COMPANY_HINTS:
        position = lowered.find(hint)
        while position >= 0:
            if position == 0 or not lowered[position - 1].isalpha():
                match = _COMPANY_ID.match(text, position)
                if match:
                    spans.append(match.span())
            position = lowered.find(hint, position + 1)
    return spans


def _uuids(text: str) -> list[Span]:
    """UUIDs, found from their distinctive middle part."""
    spans: list[Span] = []
    for middle in _UUID_MIDDLE.finditer(text):
        start = middle.start() - 8
        match = _UUID.match(text, start) if start >= 0 else None
        alone = match is not None and not text[start - 1 : start].isalnum()
        if match and alone and not text[match.end() : match.end() + 1].isalnum():
            spans.append(match.span())
    return spans


def iban_at(text: str, start: int) -> Span | None:
    """The IBAN starting at ``start`` (two capital letters, two digits…), if there is one."""
    match = _IBAN.match(text, start)
    return match.span() if match else None
