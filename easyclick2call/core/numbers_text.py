"""Clipboard text clean-up for number detection, keeping a map back to the original offsets.

Every step but HTML-entity decoding keeps the length of the text, so offsets only shift where an
entity such as ``&nbsp;`` became one character; :class:`OffsetMap` undoes that shift.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from easyclick2call.core.numbers_masks import digit_shapes, hinted, iban_at

BLANK = " "
MASK = "_"

# Typographic spaces, invisible characters and dashes -> ASCII space / hyphen (same length).
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad\v\f"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_TRANSLATION = str.maketrans({**dict.fromkeys(_SPACES, BLANK), **dict.fromkeys(_DASHES, "-")})
_TYPOGRAPHIC = re.compile(f"[{_SPACES}{_DASHES}]")

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")

# %20 and friends inside tel:/callto:/sip: URIs: three blanks instead of the escape.
_URI = re.compile(r"(?i)\b(?:tel|callto|sip|sips):[^\s\"'<>]+")
_URI_ESCAPE = re.compile(r"%(?:20|2[dD]|2[eE]|28|29|2[bB])")

# Words that may be glued to a number without making it part of a word: labels before
# ("Tel01 99 00 12 34"), labels and chat words after ("0612345678stp", "…34Fax: …").
PHONE_WORDS = frozenset(
    re.findall(
        r"\S+",
        "tel tél tele telephone téléphone phone ph fon tlf tfno telf fax mob mobile mobil "
        "portable port gsm cell cellulaire handy fixe direct ligne line standard num numero "
        "numéro number nr no whatsapp call appel appelez ring hotline office bureau home work "
        "domicile privé prive pro mail email courriel web www site adresse address stp svp pls "
        "plz please merci thanks thx mrc bisous ok dispo asap tks ty bye telefon telefax "
        "telefono teléfono telefoon puhelin handy cellulare móvil movil e-mail internet http "
        "https kontakt contact e-post epost mejl sähköposti",
    )
)
_DIGIT_RUN = re.compile(r"\d+")
_WORD_BEFORE = re.compile(r"[^\W\d_]+\Z")
_WORD_AFTER = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
# An e-mail address glued after a number in text from a PDF or a page ("…5678info@acme.fr").
_EMAIL_AFTER = re.compile(r"[^\W\d_][\w.+\-]{0,63}(?=@[^\W_])")
_LABEL_AFTER = re.compile(r"[A-ZÉ][a-zé]{1,11}\s*:")

# A line break between two digit groups: a number wrapped over two lines.
_WRAP = re.compile(r"\d *[-./]? *\r?\n[ >]*(?=[\d(])")
# HTML line breaks ("<br />") are line breaks: a label on the line above labels the number.
_HTML_BREAK = re.compile(r"(?i)<br\s*/?>")


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


def _fill(text: str, spans: list[tuple[int, int]], fill: str) -> str:
    """``text`` with every span replaced by as many ``fill`` characters."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for span_start, end in sorted(spans):
        start = max(span_start, position)
        if end <= start:
            continue
        pieces += [text[position:start], fill * (end - start)]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _glued_words(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Phone labels and chat words glued to digits ("Tel01…", "…78stp", "…34Fax:") to blank,
    and IBANs (found where two capitals touch two digits) to mask."""
    labels: list[tuple[int, int]] = []
    ibans: list[tuple[int, int]] = []
    size = len(text)
    for run in _DIGIT_RUN.finditer(text):
        start, end = run.span()
        if end < size and text[end].isalpha():
            word = _WORD_AFTER.match(text, end)
            label = _LABEL_AFTER.match(text, end)
            is_label = label is not None and word is not None and label.end() > word.end()
            email = _EMAIL_AFTER.match(text, end)
            if word and (word.group().lower() in PHONE_WORDS or is_label):
                labels.append(word.span())
            elif email and (not start or not text[start - 1].isalpha()):
                labels.append(email.span())
        before = start - 1 if start and text[start - 1] in "+(" else start
        dot = 1 if before and text[before - 1] == "." else 0
        if before - dot <= 0 or not text[before - dot - 1].isalpha():
            continue
        word = _WORD_BEFORE.search(text, max(0, before - dot - 16), before - dot)
        if word is None:
            continue
        if word.group().lower() in PHONE_WORDS:
            labels.append((word.start(), before))
        elif before == start and not dot and len(word.group()) >= 2 and word.group().isupper():
            iban = iban_at(text, start - 2)
            if iban:
                ibans.append(iban)
    return labels, ibans


@dataclass(frozen=True)
class CleanText:
    """The text the matcher reads, and the same text with line-wrapped numbers joined."""

    text: str
    joined: str
    offsets: OffsetMap


def _blank_break(text: str) -> str:
    return _HTML_BREAK.sub(lambda match: "\n" + BLANK * (len(match.group()) - 1), text)


def _join_wrap(match: re.Match[str]) -> str:
    return match.group()[0] + BLANK * (len(match.group()) - 1)


def clean(text: str) -> CleanText:
    """Normalise ``text`` for detection; offsets into the result map back through ``offsets``."""
    cleaned, offsets = _decode_entities(text)
    if not cleaned.isascii():
        cleaned = _TYPOGRAPHIC.sub(lambda match: match.group().translate(_TRANSLATION), cleaned)
    lowered = cleaned.lower()
    if "<" in cleaned and "<br" in lowered:
        cleaned = _blank_break(cleaned)
    if "%" in cleaned and any(scheme in lowered for scheme in ("tel:", "sip", "callto:")):
        cleaned = _URI.sub(lambda match: _blank(match.group(), _URI_ESCAPE, BLANK), cleaned)
    labels, ibans = _glued_words(cleaned)
    cleaned = _fill(cleaned, labels, BLANK)
    masks = ibans + digit_shapes(cleaned) + hinted(cleaned, lowered)
    cleaned = _fill(cleaned, masks, MASK)
    joined = _WRAP.sub(_join_wrap, cleaned) if "\n" in cleaned else cleaned
    return CleanText(cleaned, joined, offsets)


_TYPED_SCHEME = re.compile(r"(?i)(?:tel|callto|sip|sips):(?://)?")
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
