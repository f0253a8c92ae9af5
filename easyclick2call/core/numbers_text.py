"""Clipboard text clean-up for number detection, keeping a map back to the original offsets.

Every step but HTML-entity decoding keeps the length of the text, so offsets only shift where an
entity such as ``&nbsp;`` became one character; :class:`OffsetMap` undoes that shift.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

BLANK = " "
MASK = "_"

# Typographic spaces, invisible characters and dashes -> ASCII space / hyphen (same length).
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad\t\v\f"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_TRANSLATION = str.maketrans({**dict.fromkeys(_SPACES, BLANK), **dict.fromkeys(_DASHES, "-")})

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")

# %20 and friends inside tel:/callto:/sip: URIs: three blanks instead of the escape.
_URI = re.compile(r"(?i)\b(?:tel|callto|sip|sips):[^\s\"'<>]+")
_URI_ESCAPE = re.compile(r"%(?:20|2[dD]|2[eE]|28|29|2[bB])")

# Words that may be glued to a number without making it part of a word: labels before
# ("Tel01 99 00 12 34"), labels and chat words after ("0612345678stp", "…34Fax: …").
_PHONE_WORDS = (
    r"tel|tél|tele|tél[eé]phone|telephone|phone|ph|fon|tlf|tfno|telf|fax|mob|mobile|mobil|"
    r"portable|port|gsm|cell|cellulaire|handy|fixe|direct|ligne|line|standard|num|numero|"
    r"numéro|number|nr|no|whatsapp|call|appel|appelez|ring|hotline|office|bureau|home|work|"
    r"domicile|privé|prive|pro|mail|email|courriel|web|www|site|adresse|address|stp|svp|pls|"
    r"plz|please|merci|thanks|thx|mrc|bisous|ok|dispo|asap|tks|ty|bye"
)
_GLUED_BEFORE = re.compile(rf"(?i)(?<![^\W\d_])(?:{_PHONE_WORDS})\.?(?=[+(]?\d)")
_GLUED_AFTER = re.compile(rf"(?i)(?<=\d)(?:{_PHONE_WORDS})(?![^\W\d_])")
_GLUED_LABEL_AFTER = re.compile(r"(?<=\d)[A-ZÉ][a-zé]{1,11}(?=\s*:)")

# Things that are not phone numbers although digits and punctuation in them can look like one.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_UUID = re.compile(r"(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![.\d])")
_IPV6 = re.compile(r"(?i)(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4})(?![\w:])")
_CARD = re.compile(r"(?<![\d\-])\d{4}(?:[ \-]?\d{4}){2}[ \-]?\d{1,7}(?![\d\-])")
_ISBN = re.compile(
    r"(?i)\bISBN(?:-1[03])?:?\s*[\dX][\dX \-]{8,16}[\dX]\b|"
    r"(?<![\d\-])97[89]-\d{1,5}-\d{1,7}-\d{1,7}-[\dX](?![\d\-])"
)
_COMPANY_ID = re.compile(
    r"(?i)\b(?:siret|siren|rcs(?: [a-zé\-]+)?|tva(?: intra(?:communautaire)?)?|n° ?tva|"
    r"vat(?: no| number)?|"
    r"ust-?idnr|nif|cif|naf|bce|kbo|company (?:no|number|reg(?:istration)?)|"
    r"crn|eori|rpps|adeli|finess)\.?(?: ?(?:n°|no|nr|number|numéro))?[ :.#]*[A-Z]{0,3}[ \-]?"
    r"\d[\d .\-]{5,20}\d"
)
_SIRET = re.compile(r"(?<![\d ])\d{3} \d{3} \d{3} \d{5}(?![\d])")
_GPS = re.compile(
    r"-?\d{1,3}[.,]\d{4,}°?\s*[NSEWO]?\s*[,;/ ]\s*-?\d{1,3}[.,]\d{4,}°?(?:\s*[NSEWO]\b)?|"
    r"\d{1,3}°\s*\d{1,2}['′]\s*\d{1,2}(?:[.,]\d+)?(?:\"|″|'')?\s*[NSEWO]?"
)
_PRICE = re.compile(
    r"(?:[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|CAD)) ?\d+(?:[.,']\d{3})*(?:[.,]\d{1,2})?(?![\d])|"
    r"(?<![\d.,])\d{1,3}(?:[ .,']\d{3})*(?:[.,]\d{1,2})? ?(?:€|\$|£|¥|₹|EUR\b|USD\b|GBP\b|CHF\b|"
    r"CAD\b|euros?\b|dollars?\b|francs?\b|HT\b|TTC\b)"
)
_DOTTED_RUN = re.compile(r"\d{1,4}(?:\.\d{1,4}){7,}")
_LONG_DIGITS = re.compile(r"\d{26,}")
_NOT_NUMBERS = (
    _DOTTED_RUN,
    _LONG_DIGITS,
    _IBAN,
    _UUID,
    _IPV6,
    _ISBN,
    _COMPANY_ID,
    _SIRET,
    _GPS,
    _PRICE,
)

# A line break between two digit groups: a number wrapped over two lines.
_WRAP = re.compile(r"(?<=\d)[ ]*\r?\n[ >]*(?=[\d(])")


@dataclass(frozen=True)
class OffsetMap:
    """Maps an offset in the cleaned text back to the original text."""

    cleaned_starts: tuple[int, ...] = ()
    original_starts: tuple[int, ...] = ()

    def original(self, position: int) -> int:
        """The original offset of ``position`` (a start or an end offset in the cleaned text)."""
        index = bisect.bisect_right(self.cleaned_starts, position) - 1
        if index < 0:
            return position
        return self.original_starts[index] + position - self.cleaned_starts[index]


def _decode_entities(text: str) -> tuple[str, OffsetMap]:
    """Decode HTML entities (``&nbsp;``, ``&#160;``, ``&ndash;`` …) into single characters."""
    if "&" not in text:
        return text, OffsetMap()
    pieces: list[str] = []
    cleaned_starts: list[int] = []
    original_starts: list[int] = []
    last = 0
    cleaned_length = 0
    for match in _ENTITY.finditer(text):
        decoded = html.unescape(match.group())
        if decoded == match.group() or len(decoded) != 1:
            continue
        pieces.append(text[last : match.start()])
        cleaned_length += match.start() - last
        pieces.append(decoded)
        cleaned_length += 1
        cleaned_starts.append(cleaned_length)
        original_starts.append(match.end())
        last = match.end()
    if not pieces:
        return text, OffsetMap()
    pieces.append(text[last:])
    return "".join(pieces), OffsetMap(tuple(cleaned_starts), tuple(original_starts))


def _blank(text: str, pattern: re.Pattern[str], fill: str) -> str:
    """Replace every match of ``pattern`` with as many ``fill`` characters (same length)."""
    return pattern.sub(lambda match: fill * len(match.group()), text)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _mask_cards(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group())
        if 13 <= len(digits) <= 19 and _luhn_ok(digits):
            return MASK * len(match.group())
        return match.group()

    return _CARD.sub(replace, text)


def _mask_ipv4(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        address = match.group().split(":")[0]
        if all(int(part) <= 255 for part in address.split(".")):
            return MASK * len(match.group())
        return match.group()

    return _IPV4.sub(replace, text)


@dataclass(frozen=True)
class CleanText:
    """The text the matcher reads, and the same text with line-wrapped numbers joined."""

    text: str
    joined: str
    offsets: OffsetMap


def clean(text: str) -> CleanText:
    """Normalise ``text`` for detection; offsets into the result map back through ``offsets``."""
    decoded, offsets = _decode_entities(text)
    cleaned = decoded.translate(_TRANSLATION)
    if ":" in cleaned:
        cleaned = _URI.sub(lambda match: _blank(match.group(), _URI_ESCAPE, BLANK), cleaned)
    cleaned = _blank(cleaned, _GLUED_BEFORE, BLANK)
    cleaned = _blank(cleaned, _GLUED_AFTER, BLANK)
    cleaned = _blank(cleaned, _GLUED_LABEL_AFTER, BLANK)
    for pattern in _NOT_NUMBERS:
        cleaned = _blank(cleaned, pattern, MASK)
    cleaned = _mask_cards(cleaned)
    cleaned = _mask_ipv4(cleaned)
    joined = _blank(cleaned, _WRAP, BLANK) if "\n" in cleaned else cleaned
    return CleanText(cleaned, joined, offsets)


_TYPED_SCHEME = re.compile(r"(?i)^(?:tel|callto|sip|sips):(?://)?")
_URI_TAIL = re.compile(r"[;@?]")


def clean_typed(text: str) -> tuple[str, int, int]:
    """A typed number without URI scheme or padding, and its start/end in ``text``."""
    decoded, offsets = _decode_entities(text)
    cleaned = decoded.translate(_TRANSLATION).replace("\n", BLANK).replace("\r", BLANK)
    start = len(cleaned) - len(cleaned.lstrip())
    end = len(cleaned.rstrip())
    scheme = _TYPED_SCHEME.match(cleaned, start, end)
    if scheme:
        start = scheme.end()
        tail = _URI_TAIL.search(cleaned, start, end)
        end = tail.start() if tail else end
        cleaned = _blank(cleaned, _URI_ESCAPE, BLANK)
    body = cleaned[start:end]
    start += len(body) - len(body.lstrip())
    end -= len(body) - len(body.rstrip())
    return cleaned[start:end], offsets.original(start), offsets.original(end)
