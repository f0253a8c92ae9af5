"""parse_number: one typed number (the "Call a number…" box, the CLI), or a clear refusal."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, ValidationResult, shortnumberinfo

from easyclick2call.core import geodata
from easyclick2call.core.numbers_model import (
    FoundNumber,
    NotCallableNumber,
    home_region,
)
from easyclick2call.core.numbers_rules import CALLABLE_TYPES, french_plan_e164
from easyclick2call.core.numbers_text import clean_typed

_LETTER = re.compile(r"[^\W\d_]")
_EXTENSION = re.compile(r"(?i)\s*(?:ext\.?|extension|x|#|poste)\s*\d{1,7}\s*$")
_VANITY = re.compile(r"(?:\+?1[ .\-]?)?\(?\d{3}\)?[ .\-]?[A-Z0-9][A-Z0-9 .\-]{5,12}")
_MAX_SHOWN = 40  # characters of the typed text repeated in a refusal
_UNIVERSAL_EMERGENCY = frozenset({"112", "911", "999", "000", "110", "119", "15", "17", "18"})


def _country(region: str | None, language: str) -> str:
    """The country's name for an error message."""
    if region is None:
        return "an unknown country"
    return geodata.region_name(region, language) or region


def _refuse_short(digits: str, shown: str, region: str | None) -> None:
    """Raise for emergency numbers and short codes; those never reach OVHcloud."""
    is_emergency = digits in _UNIVERSAL_EMERGENCY or bool(
        region and shortnumberinfo.is_emergency_number(digits, region)
    )
    if is_emergency:
        raise NotCallableNumber(
            f"{shown} is an emergency number: call it from a phone directly, "
            "EasyClick2Call never places emergency calls."
        )
    if region and len(digits) <= 6:
        try:
            short = phonenumbers.parse(digits, region)
        except NumberParseException:
            short = None
        if short is not None and shortnumberinfo.is_valid_short_number_for_region(short, region):
            raise NotCallableNumber(
                f"{shown} is a short code (a service number that only works on some networks), "
                "not a number EasyClick2Call can call."
            )


def _parse(body: str, region: str | None, shown: str,
           language: str) -> phonenumbers.PhoneNumber:
    try:
        return phonenumbers.parse(body, region)
    except NumberParseException as error:
        if error.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            if region is None and not body.lstrip().startswith("+"):
                raise NotCallableNumber(
                    f"{shown} has no country code: write it as +<country code> <number>, "
                    "or choose your country in the settings."
                ) from None
            raise NotCallableNumber(f"{shown} starts with an unknown country code.") from None
        if error.error_type == NumberParseException.TOO_LONG:
            raise NotCallableNumber(f"{shown} is too long to be a phone number.") from None
        if error.error_type in (
            NumberParseException.TOO_SHORT_NSN,
            NumberParseException.TOO_SHORT_AFTER_IDD,
        ):
            raise NotCallableNumber(
                f"{shown} is too short for a number in {_country(region, language)}.") from None
        raise NotCallableNumber(f"{shown} is not a phone number.") from None


def _check_valid(number: phonenumbers.PhoneNumber, shown: str, language: str) -> None:
    if phonenumbers.is_valid_number(number):
        if phonenumbers.number_type(number) not in CALLABLE_TYPES:
            raise NotCallableNumber(f"{shown} is a pager or service number that takes no calls.")
        if shortnumberinfo.is_valid_short_number(number):
            raise NotCallableNumber(f"{shown} is a short code, not a number that can be called.")
        return
    region = phonenumbers.region_code_for_number(number)
    region = region or phonenumbers.region_code_for_country_code(number.country_code)
    country = _country(None if region == "ZZ" else region, language)
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason in (ValidationResult.TOO_SHORT, ValidationResult.INVALID_LENGTH):
        raise NotCallableNumber(f"{shown} is too short for a number in {country}.")
    if reason == ValidationResult.TOO_LONG:
        raise NotCallableNumber(f"{shown} is too long for a number in {country}.")
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        raise NotCallableNumber(f"{shown} starts with an unknown country code.")
    raise NotCallableNumber(f"{shown} is not a valid number in {country}.")


def parse_number(text: str, region: str, language: str = "en") -> FoundNumber:
    """The callable number typed in ``text``; raises NotCallableNumber saying why not.

    Accepts typographic spaces and dashes, ``tel:``/``callto:``/``sip:`` URIs, an extension
    (ignored), NANPA vanity letters ("1-800-FLOWERS"); French-plan overseas prefixes as in
    find_numbers. ``region`` "ZZ" means "no home country": the number needs ``+`` and a code.
    """
    home = home_region(region)
    body, start, end = clean_typed(text or "")
    if not body:
        raise NotCallableNumber("There is no number to call: the text is empty.")
    shown = f"“{body}”" if len(body) <= _MAX_SHOWN else f"“{body[:_MAX_SHOWN - 1]}…”"
    body = _EXTENSION.sub("", body)
    if _LETTER.search(body):
        if not _VANITY.fullmatch(body) or not re.search(r"[A-Z]{3}", body):
            raise NotCallableNumber(
                f"{shown} contains letters; a phone number is made of digits only."
            )
        body = phonenumbers.convert_alpha_characters_in_number(body)
    digits = phonenumbers.normalize_digits_only(body)
    if not digits:
        raise NotCallableNumber(f"{shown} contains no digit, so it is not a phone number.")
    if not body.startswith("+"):
        _refuse_short(digits, shown, home)
    if len(digits) < 5:
        raise NotCallableNumber(f"{shown} is too short to be a phone number.")
    remapped = None if body.startswith("+") else french_plan_e164(digits, home)
    number = _parse(remapped or body, home, shown, language)
    _check_valid(number, shown, language)
    return FoundNumber(number, language, start, end)
