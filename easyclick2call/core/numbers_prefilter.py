"""A cheap prefilter before phonenumbers' matcher: digit groups that cannot be a number go.

phonenumbers' matcher parses every run of digits it meets ("5 jours", "75002 Paris", "14h30"),
and a parse costs tens of microseconds: on ordinary text most of its time goes there. A group
of digits and phone punctuation holding fewer digits than any number of the home region can
have (or, written with ``+``, than any number of any country) can never be a valid number, so
its digits are masked before the matcher reads the text. The lower bounds come from
phonenumbers' own metadata (the shortest national significant number), so the prefilter never
hides a number the matcher would have found. A group introduced by a label naming an
identifier ("N° de commande 2024-1187", :mod:`numbers_labels`) is masked too: it would be vetoed
after the parse anyway.
"""

from __future__ import annotations

import functools
import re

from phonenumbers import PhoneMetadata, country_code_for_region

from easyclick2call.core.numbers_labels import is_labelled_identifier

MASK = "_"

# Digits and the punctuation phonenumbers accepts inside a number (its _VALID_PUNCTUATION,
# without the letter "x"); a plus sign may come before, with an opening bracket.
_GROUP = re.compile(
    "\\d"
    "[\\d \t\u00a0\u00ad\u200b\u2060\u3000()\uff08\uff09\\[\\]\uff3b\uff3d.\\-/~\u2010-\u2015"
    "\u2212\u30fc\uff0d\uff0f\u2053\u223c\uff5e]*"
)
_DIGIT = re.compile(r"\d")
# An extension label right before a group ("x3456", "ext. 12", "#12"): the matcher reads the
# group as the extension of the number before it, so it stays (phonenumbers' extension labels).
_EXTENSION_LABEL = re.compile(
    "(?i)(?<![^\\W\\d_])(?:e?xtn?|extensi(?:o\u0301?|\u00f3)n|;ext=|anexo|\u0434\u043e\u0431|int|"
    "[x#~\uff58\uff03\uff5e]|\uff45?\uff58\uff54\uff4e?)[:.\uff0e]?[ \u00a0\t,\\-]*\\Z"
)
_LABEL_TAIL = " \u00a0\t,-:.\uff0e"  # what may come between an extension label and its digits
# The last character of every extension label above, lower-cased ("…ext", "…ón", "#", "=", …):
# only a group after one of them is worth the label search.
_LABEL_LAST = frozenset("tnox\u0431#~=\uff58\uff03\uff5e\uff54\uff4e")
# After a group: an extension ending "#" ("- 503#").
_KEEP_AFTER = ("#", "\uff03")
# The minutes of a time stamp: the matcher reads them to reject "2012-01-02 08:00".
_TIME_STAMP = re.compile(r"[12]\d{3}[-/]?[01]\d[-/]?[0-3]\d +[0-2]\d:\Z")
# Written with "+": a country code and the shortest national number anywhere (DE, AT: +49 1234).
_SHORTEST_INTERNATIONAL = 6
# Without "+" a number may still be dialled through an international prefix ("00 49 …").
_SHORTEST_DIALLED_ABROAD = 6


@functools.cache
def shortest_national(region: str | None) -> int:
    """The fewest digits a number of ``region`` written without ``+`` can have."""
    metadata = PhoneMetadata.metadata_for_region(region) if region else None
    if metadata is None or not country_code_for_region(region):
        return _SHORTEST_INTERNATIONAL
    lengths = [length for length in metadata.general_desc.possible_length if length > 0]
    return min([*lengths, _SHORTEST_DIALLED_ABROAD])


_ASCII_MASKED = str.maketrans("0123456789", MASK * 10)


def _masked(group: str) -> str:
    return group.translate(_ASCII_MASKED) if group.isascii() else _DIGIT.sub(MASK, group)


def mask_short_groups(text: str, region: str | None) -> str:
    """``text`` with the digits of every group too short to be a number masked (same length)."""
    national = shortest_national(region)
    fewest = min(national, _SHORTEST_INTERNATIONAL)  # a group shorter is short either way

    def replace(match: re.Match[str]) -> str:
        group = match.group()
        start, end = match.span()
        if len(group) >= fewest:
            lead = text[max(0, start - 2) : start]
            needed = _SHORTEST_INTERNATIONAL if "+" in lead or "\uff0b" in lead else national
            if len(group) >= needed and len(_DIGIT.findall(group)) >= needed:
                label_at = start - len(lead) + len(lead.rstrip("+\uff0b(\uff08[\uff3b"))
                return _masked(group) if is_labelled_identifier(text, label_at) else group
        if (
            text[end : end + 1] in _KEEP_AFTER
            or (
                text[start - 1 : start] == ":"
                and _TIME_STAMP.search(text, max(0, start - 20), start)
            )
            or (
                text[max(0, start - 4) : start].rstrip(_LABEL_TAIL)[-1:].lower() in _LABEL_LAST
                and _EXTENSION_LABEL.search(text, max(0, start - 14), start)
            )
        ):
            return group
        return _masked(group)

    return _GROUP.sub(replace, text)
