"""Property tests: find_numbers never raises and only returns callable numbers found in the text."""

from __future__ import annotations

import html

import phonenumbers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from phonenumbers import shortnumberinfo

from easyclick2call.core.numbers import find_numbers, parse_number
from easyclick2call.core.numbers_rules import CALLABLE_TYPES

REGIONS = ["FR", "BE", "CH", "GB", "DE", "ES", "US", "CA", "RE", "NZ", "ZZ", "", "fr", "XX"]
NUMBERS = [
    "01 99 00 12 34", "+33 1 99 00 12 34", "06 12 34 56 78", "0262 12 34 56", "0596 30 12 34",
    "(415) 555-0132", "1-800-FLOWERS", "020 7946 0123", "+49 30 12345678", "044 668 18 00",
    "612 345 678", "02 555 12 34", "112", "3949", "118 712", "06 - 12 - 23 - 34 - 45",
    "FR76 3000 6000 0112 3456 7890 189", "192.168.1.254", "4970 1012 3456 7890", "12/03/2024",
    "48.856614, 2.352222", "1 234,56 €", "75002", "tel:+33199001234", "sip:0033199001234@x.fr",
]  # fmt: skip
GLUE = [
    " ", "\n", "\u00a0", "\u202f", "\u2009", "-", "–", ".", "/", ", ", "&nbsp;", "&#160;", "Tel",
    "Fax: ", "stp", "Ticket ", "INV-", "Loto ", "(", ")", "+", "x", "é", "ext. 12", "\r\n> ",
]  # fmt: skip

fragments = st.one_of(
    st.sampled_from(NUMBERS),
    st.sampled_from(GLUE),
    st.text(alphabet="0123456789 .-/()+", max_size=20),
    st.text(max_size=12),
)
clipboards = st.lists(fragments, max_size=14).map("".join)


def _span_holds(nsn: str, span: str) -> bool:
    """The span's digits hold the number (keypad letters read as digits for vanity numbers)."""
    span = html.unescape(span)
    vanity = phonenumbers.convert_alpha_characters_in_number(span)
    return any(nsn in phonenumbers.normalize_digits_only(text) for text in (span, vanity))


def _check(text: str, region: str) -> None:
    found = find_numbers(text, region)
    assert [number.start for number in found] == sorted(number.start for number in found)
    assert len({number.e164 for number in found}) == len(found)
    for number in found:
        parsed = phonenumbers.parse(number.e164)
        assert phonenumbers.is_valid_number(parsed)
        assert phonenumbers.number_type(parsed) in CALLABLE_TYPES
        assert not shortnumberinfo.is_valid_short_number(parsed)
        assert number.ovh == "00" + number.e164[1:]
        assert 0 <= number.start < number.end <= len(text)
        nsn = phonenumbers.national_significant_number(parsed)
        assert _span_holds(nsn, text[number.start : number.end])
        assert parse_number(number.e164, "ZZ").e164 == number.e164


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=clipboards, region=st.sampled_from(REGIONS))
def test_find_numbers_on_clipboard_like_text(text: str, region: str) -> None:
    _check(text, region)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), region=st.sampled_from(REGIONS))
def test_find_numbers_on_any_text(text: str, region: str) -> None:
    _check(text, region)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60), region=st.sampled_from(REGIONS))
def test_parse_number_only_raises_not_callable(text: str, region: str) -> None:
    try:
        found = parse_number(text, region)
    except ValueError as refused:
        assert type(refused).__name__ == "NotCallableNumber"
        assert refused.reason
    else:
        assert phonenumbers.is_valid_number(phonenumbers.parse(found.e164))
        assert 0 <= found.start < found.end <= len(text)


_REFERENCE_PIECES = [
    "commande", "Rechnung", "n°", "No.", "nº", "#", "number", "numéro", "id", "ref", "Tél",
    "client id", "customer no", "n° de série", "x", "é", "_", "2024", " ", "", ":", ".", "-",
    " : ", "/", "\n",
]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_REFERENCE_PIECES), max_size=8), st.sampled_from([0, 1, 2]))
def test_the_reference_label_is_found_where_a_word_starts_as_anywhere(pieces, case) -> None:
    from easyclick2call.core.numbers_rules import _REFERENCE_BEFORE, _has_reference_word

    before = "".join(pieces)
    before = (before, before.upper(), before.title())[case][-40:]
    assert _has_reference_word(before) == bool(_REFERENCE_BEFORE.search(before))
