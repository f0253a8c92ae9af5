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
    r"|(?P<ipv4>\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![.\d]))"
    r"|(?P<gps>\d{1,3}[.,]\d{4,}°? ?[NSEWO]? ?[,;/ ] ?-?\d{1,3}[.,]\d{4,}°?(?: ?[NSEWO]\b)?)"
    r"|(?P<isbn>97[89]-\d{1,5}-\d{1,7}-\d{1,7}-[\dX](?![\d\-]))"
)
_IBAN = re.compile(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_ISBN = re.compile(r"(?i)\bISBN(?:-1[03])?:? ?[\dX][\dX \-]{8,16}[\dX]\b")
_COMPANY_HINTS = (
    "siret", "siren", "rcs", "tva", "vat ", "vat:", "vat n", "ust-id", "ustid", "nif:", "nif ",
    "cif:", "cif ", "naf", "bce", "kbo", "company n", "company r", "crn", "eori", "rpps", "adeli",
    "finess",
)  # fmt: skip
_COMPANY_ID = re.compile(
    r"(?i)\b(?:siret|siren|rcs(?: [a-zé\-]+)?|tva(?: intra(?:communautaire)?)?|n° ?tva|"
    r"vat(?: no| number)?|ust-?idnr|nif|cif|naf|bce|kbo|company (?:no|number|reg(?:istration)?)|"
    r"crn|eori|rpps|adeli|finess)\.?(?: ?(?:n°|no|nr|number|numéro))?[ :.#]*[A-Z]{0,3}[ \-]?"
    r"\d[\d .\-]{5,20}\d"
)
_DMS = re.compile(r"\d{1,3}° ?\d{1,2}['′] ?\d{1,2}(?:[.,]\d+)?(?:\"|″|'')? ?[NSEWO]?")
_CURRENCY_SIGN = re.compile(r"[$€£¥₹]")
_CURRENCY_WORD = re.compile(r"\b(?:EUR|USD|GBP|CHF|CAD|euros?|dollars?|francs?|HT|TTC)\b")
_CURRENCY_WORDS = ("eur", "usd", "gbp", "chf", "cad", "dollar", "franc", " ht", " ttc")
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
    """Long digit runs, dotted runs, SIRET, Luhn-valid cards, IPv4, GPS pairs, bare ISBN-13."""
    spans: list[Span] = []
    for chunk in _CHUNK.finditer(text):
        for shape in _SHAPES.finditer(text, chunk.start(), chunk.end()):
            before = text[shape.start() - 1] if shape.start() else " "
            if before.isdigit() or before in ".,-":
                continue
            if _confirmed(shape.lastgroup, shape.group()):
                spans.append(shape.span())
    return spans


def _prices(text: str, currency_pattern: re.Pattern[str]) -> list[Span]:
    """Amounts next to a currency sign or code: "1 234,56 €", "$20", "EUR 300"."""
    spans: list[Span] = []
    for currency in currency_pattern.finditer(text):
        start, end = currency.span()
        before = _AMOUNT_BEFORE.search(text, max(0, start - 24), start)
        if before:
            spans.append((before.start(), end))
            continue
        after = _AMOUNT_AFTER.match(text, end)
        if after:
            spans.append((start, after.end()))
    return spans


def hinted(text: str, lowered: str) -> list[Span]:
    """The shapes that start with letters or symbols, each only where its hint is present."""
    spans: list[Span] = []
    if any(sign in text for sign in "$€£¥₹"):
        spans += _prices(text, _CURRENCY_SIGN)
    if any(word in lowered for word in _CURRENCY_WORDS):
        spans += _prices(text, _CURRENCY_WORD)
    if any(hint in lowered for hint in _COMPANY_HINTS):
        spans += [match.span() for match in _COMPANY_ID.finditer(text)]
    if "isbn" in lowered:
        spans += [match.span() for match in _ISBN.finditer(text)]
    if "°" in text:
        spans += [match.span() for match in _DMS.finditer(text)]
    if text.count("-") >= 4:
        spans += [
            match.span()
            for match in _UUID.finditer(text)
            if not (text[match.start() - 1 : match.start()].isalnum())
            and not text[match.end() : match.end() + 1].isalnum()
        ]
    return spans


def iban_at(text: str, start: int) -> Span | None:
    """The IBAN starting at ``start`` (two capital letters, two digits…), if there is one."""
    match = _IBAN.match(text, start)
    return match.span() if match else None
