"""Rules on top of phonenumbers: what is callable, the French numbering plan, context vetoes."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneNumberType, shortnumberinfo

from easyclick2call.core.numbers_text import PHONE_WORDS

# Types a person can be rung on. Premium-rate is callable: blocking it is a user filter elsewhere.
# Pagers are not (they take no voice call); UNKNOWN means not a valid number.
CALLABLE_TYPES = frozenset(
    {
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.MOBILE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.VOIP,
        PhoneNumberType.PERSONAL_NUMBER,
        PhoneNumberType.UAN,
        PhoneNumberType.VOICEMAIL,
    }
)

# No short code or emergency number has more digits than this (national significant number).
_LONGEST_SHORT_NUMBER = 7

# Regions that share the French national numbering plan: from any of them, a ten-digit number
# starting with 0 is dialled the same way, and its first digits say which country code it has.
FRENCH_PLAN = frozenset({"FR", "RE", "YT", "GP", "GF", "MQ", "BL", "MF"})
_OVERSEAS_PREFIXES = {
    "262": 262, "263": 262, "692": 262, "693": 262,  # La Réunion
    "269": 262, "639": 262,  # Mayotte
    "590": 590, "690": 590, "691": 590,  # Guadeloupe, Saint-Barthélemy, Saint-Martin
    "594": 594, "694": 594,  # French Guiana
    "596": 596, "696": 596, "697": 596,  # Martinique
}  # fmt: skip


def french_plan_e164(national_digits: str, region: str | None) -> str | None:
    """``+CC…`` for a ten-digit number dialled nationally in the French plan, else None."""
    if region not in FRENCH_PLAN or len(national_digits) != 10:
        return None
    if national_digits[0] != "0" or national_digits[1] == "0":
        return None
    country_code = _OVERSEAS_PREFIXES.get(national_digits[1:4], 33)
    return f"+{country_code}{national_digits[1:]}"


def is_callable(number: phonenumbers.PhoneNumber) -> bool:
    """A valid number of a callable type that is neither an emergency number nor a short code."""
    return callable_type(number) is not None


def callable_type(number: phonenumbers.PhoneNumber) -> int | None:
    """The number's type when :func:`is_callable`, else None.

    ``number_type`` is UNKNOWN for an invalid number, so validity is checked on the way.
    """
    kind = phonenumbers.number_type(number)
    if kind not in CALLABLE_TYPES:
        return None
    if number.national_number >= 10 ** (_LONGEST_SHORT_NUMBER):
        return kind
    if shortnumberinfo.is_valid_short_number(number):
        return None
    region = phonenumbers.region_code_for_number(number)
    nsn = phonenumbers.national_significant_number(number)
    return None if region and shortnumberinfo.is_emergency_number(nsn, region) else kind


_REFERENCE_WORDS = (
    r"ticket|tkt|invoice|inv|order|ord|ref|réf|reference|référence|commande|cde|cmd|facture|"
    r"fact|dossier|case|incident|tracking|suivi|colis|contrat|contract|account|acct|compte|po|"
    r"sku|serial|série|devis|quote|transaction|txn|parcel|shipment|booking|réservation|"
    r"reservation|pnr|confirmation|receipt|reçu|claim|sinistre|policy|police|licence|license|"
    r"batch|item|article|produit|product|model|modèle|client id|customer id|customer no|member|"
    r"adhérent|matricule|badge|imei|iccid|bestellung|rechnung|auftrag|kundennummer|pedido|"
    r"factura|referencia|n° de série|numéro de série"
)
_REFERENCE_BEFORE = re.compile(
    rf"(?i)\b(?:{_REFERENCE_WORDS})\.?"
    r"(?: ?(?:n°|no\.?|nº|nr\.?|#|number|num(?:éro|ero)?\.?|id|ref))?"
    r" ?[:#.]? ?[-#:]? ?$"
)
_WORD_START = re.compile(r"\b\w")
_GLUED_CODE_BEFORE = re.compile(r"([^\W\d_]{1,12})[-_/#]$")
_SPACED_RUN = re.compile(r"(?<![\d.\-])\d{1,2}(?:(?: +- +| *[,;] *)\d{1,2}(?![\d]))+")
_LOTTERY_WORDS = re.compile(
    r"(?i)\b(?:lotto|loto|euro ?millions?|tirage|draw|winning numbers|numéros gagnants|keno|"
    r"powerball|mega ?millions|grille|bingo|ziehung|lottozahlen|primitiva|bonoloto)\b"
)
_SMALL_GROUPS = re.compile(r"\d{1,2}(?:[ .\-]+\d{1,2})+")


_CONTEXT = 100  # characters read on each side of a number for the context rules
_RUN_REACH = 24  # characters on each side of a number where a lottery draw's run may start


def _line_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The line holding ``text[start:end]`` (at most _CONTEXT more on each side), and its start."""
    line_start = text.rfind("\n", max(0, start - _CONTEXT), start) + 1 or max(0, start - _CONTEXT)
    line_end = text.find("\n", end, end + _CONTEXT)
    if line_end < 0:
        line_end = min(len(text), end + _CONTEXT)
    return text[line_start:line_end], line_start


def _has_reference_word(before: str) -> bool:
    """_REFERENCE_BEFORE.search(before), tried only where a word starts (every reference word
    starts with a letter): a handful of places instead of every character."""
    return any(
        _REFERENCE_BEFORE.match(before, word.start()) for word in _WORD_START.finditer(before)
    )


def is_reference(text: str, start: int) -> bool:
    """True when what precedes ``start`` on its line names a ticket, invoice, order… number."""
    before = text[max(0, start - 40) : start]
    before = before[before.rfind("\n") + 1 :]
    if _has_reference_word(before):
        return True
    glued = _GLUED_CODE_BEFORE.search(before)
    return bool(glued and glued.group(1).lower() not in PHONE_WORDS)


def is_lottery(text: str, start: int, end: int) -> bool:
    """True for draws such as "06 - 12 - 23 - 34 - 45" or small groups next to "Loto"."""
    line, line_start = _line_around(text, start, end)
    low = max(line_start, start - _RUN_REACH)  # a run of the draw overlaps the number
    high = min(line_start + len(line), end + _RUN_REACH)
    for run in _SPACED_RUN.finditer(text, low, high):
        groups = len(re.findall(r"\d+", run.group()))
        if groups >= 4 and run.start() < end and start < run.end():
            return True
    raw = text[start:end].strip()
    return bool(_SMALL_GROUPS.fullmatch(raw) and _LOTTERY_WORDS.search(line))


# Found from the toll-free area code, which is rare in text, then extended to the left.
_VANITY = re.compile(
    r"(?P<area>8(?:00|33|44|55|66|77|88))\)?[ .\-]?"
    r"(?P<rest>(?=[A-Z0-9\-]*[A-Z])[A-Z0-9]{2,4}(?:-?[A-Z0-9]{1,5}){1,2})(?![\w])"
)
_VANITY_LEAD = re.compile(r"(?<![\w+])(?P<one>\+?1[ .\-]?)?\(?\Z")


def vanity_numbers(text: str, region: str | None) -> list[tuple[int, int, str]]:
    """NANPA toll-free vanity numbers ("1-800-FLOWERS"): (start, end, "+1…") triples."""
    nanpa_user = region is not None and phonenumbers.country_code_for_region(region) == 1
    found = []
    for match in _VANITY.finditer(text):
        lead = _VANITY_LEAD.search(text, max(0, match.start() - 4), match.start())
        if lead is None or not (lead.group("one") or nanpa_user):
            continue
        digits = re.sub(r"\D", "", phonenumbers.convert_alpha_characters_in_number(match["rest"]))
        if len(digits) == 7:
            found.append((lead.start(), match.end(), f"+1{match['area']}{digits}"))
    return found
