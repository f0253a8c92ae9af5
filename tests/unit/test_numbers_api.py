"""parse_number refusals, display_number, FoundNumber fields and spans of find_numbers."""

from __future__ import annotations

import dataclasses

import pytest

from easyclick2call.core.numbers import (
    SCAN_LIMIT,
    FoundNumber,
    NotCallableNumber,
    display_number,
    find_numbers,
    parse_number,
)


def test_the_reference_number_has_every_field() -> None:
    found = parse_number("+33199001234", "FR")
    assert found.fields() == (
        "+33199001234",
        "0033199001234",
        "01 99 00 12 34",
        "+33 1 99 00 12 34",
        "FR",
        "France",
        0,
        12,
    )
    assert (found.e164, found.ovh, found.national, found.international) == found.fields()[:4]
    assert (found.region_code, found.description, found.start, found.end) == found.fields()[4:]
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.e164 = "+33199001235"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.national = "01 99 00 12 35"  # type: ignore[misc]


def test_a_found_number_works_its_display_out_once_and_compares_by_its_fields() -> None:
    found = find_numbers("Tél. 01 99 00 12 34 ou +41 44 668 18 00", "FR", "fr")
    first, second = found
    assert first._formats is None and first._place is None  # nothing worked out yet
    assert (first.national, second.description) == ("01 99 00 12 34", "Zurich")
    assert first.national is first.national and second.description is second.description
    again = find_numbers("Tél. 01 99 00 12 34 ou +41 44 668 18 00", "FR", "fr")
    assert list(again) == [first, second] and hash(again[0]) == hash(first)
    assert isinstance(first, FoundNumber) and first != "+33199001234"
    moved = first.moved(10)
    assert (moved.start, moved.end, moved.national) == (first.start + 10, first.end + 10,
                                                        first.national)
    assert first != moved and "01 99" not in repr(first)


def test_description_is_in_the_requested_language() -> None:
    assert parse_number("+1 415 555 0132", "FR", "en").description == "San Francisco, CA"
    assert parse_number("+41 44 668 18 00", "FR", "en").description == "Zurich"
    assert parse_number("+49 151 23456789", "FR", "en").description == "Germany"
    assert parse_number("+49 151 23456789", "FR", "fr").description == "Allemagne"
    assert parse_number("0262 12 34 56", "FR", "fr").description == "La Réunion"


@pytest.mark.parametrize(
    ("text", "region", "words"),
    [
        ("", "FR", "empty"),
        ("   \n", "FR", "empty"),
        ("112", "FR", "emergency number"),
        ("15", "FR", "emergency number"),
        ("17", "FR", "emergency number"),
        ("911", "US", "emergency number"),
        ("999", "GB", "emergency number"),
        ("112", "ZZ", "emergency number"),
        ("3949", "FR", "short code"),
        ("118 712", "FR", "short code"),
        ("36180", "FR", "short code"),
        ("12", "FR", "too short"),
        ("01 99 00", "FR", "too short for a number in France"),
        ("01 99 00 12 34 56 78", "FR", "too long"),
        ("0199001234", "ZZ", "no country code"),
        ("+999 1234 5678", "ZZ", "unknown country code"),
        ("call me", "FR", "contains letters"),
        ("01 99 00 12 34 abc", "FR", "contains letters"),
        ("---", "FR", "no digit"),
        ("0639981234", "FR", "is not a valid number in"),
        ("02 12 34 56 78 9", "FR", "too long"),
        ("415 555 013", "US", "too short for a number in United States"),
        ("123 456 7890", "US", "is not a valid number in United States"),
    ],
)
def test_parse_number_says_why_it_refuses(text: str, region: str, words: str) -> None:
    with pytest.raises(NotCallableNumber) as refused:
        parse_number(text, region)
    assert isinstance(refused.value, ValueError)
    assert words in refused.value.reason
    assert refused.value.reason.endswith(".")
    assert str(refused.value) == refused.value.reason


@pytest.mark.parametrize(
    ("text", "region", "e164"),
    [
        ("01 99 00 12 34", "FR", "+33199001234"),
        ("01.99.00.12.34", "FR", "+33199001234"),
        (" 01\u202f99\u202f00\u202f12\u202f34 ", "FR", "+33199001234"),
        ("01&nbsp;99&nbsp;00&nbsp;12&nbsp;34", "FR", "+33199001234"),
        ("+33 (0)1 99 00 12 34", "ZZ", "+33199001234"),
        ("0033 1 99 00 12 34", "FR", "+33199001234"),
        ("tel:+33199001234", "ZZ", "+33199001234"),
        ("callto:+33199001234", "ZZ", "+33199001234"),
        ("sip:0033199001234@sip.ovh.net", "FR", "+33199001234"),
        ("tel:+33%201%2099%2000%2012%2034", "ZZ", "+33199001234"),
        ("+33 1 99 00 12 34 poste 12", "FR", "+33199001234"),
        ("0262 12 34 56", "FR", "+262262123456"),
        ("0596 30 12 34", "FR", "+596596301234"),
        ("01 99 00 12 34", "RE", "+33199001234"),
        ("1-800-FLOWERS", "US", "+18003569377"),
        ("(415) 555-0132 ext. 12", "US", "+14155550132"),
        ("0891 23 45 67", "FR", "+33891234567"),
    ],
)
def test_parse_number_accepts(text: str, region: str, e164: str) -> None:
    assert parse_number(text, region).e164 == e164


def test_parse_number_span_is_the_number_in_the_original_text() -> None:
    text = "  tel:01&nbsp;99&nbsp;00&nbsp;12&nbsp;34  "
    found = parse_number(text, "FR")
    assert text[found.start : found.end] == "01&nbsp;99&nbsp;00&nbsp;12&nbsp;34"


def test_display_number_is_national_at_home_and_international_abroad() -> None:
    paris = parse_number("+33199001234", "FR")
    assert display_number(paris, "FR") == "01 99 00 12 34"
    assert display_number(paris, "fr") == "01 99 00 12 34"
    assert display_number(paris, "BE") == "+33 1 99 00 12 34"
    assert display_number(paris, "ZZ") == "+33 1 99 00 12 34"
    reunion = parse_number("0262 12 34 56", "FR")
    assert display_number(reunion, "RE") == "0262 12 34 56"
    assert display_number(reunion, "FR") == "+262 262 12 34 56"
    us = parse_number("+1 415 555 0132", "ZZ")
    assert display_number(us, "US") == "(415) 555-0132"
    assert display_number(us, "CA") == "+1 415-555-0132"


@pytest.mark.parametrize(
    ("text", "region", "spans"),
    [
        ("Tél. : 01 99 00 12 34", "FR", ["01 99 00 12 34"]),
        ("Tel01 99 00 12 34", "FR", ["01 99 00 12 34"]),
        ("0612345678stp", "FR", ["0612345678"]),
        ("Tél: 01 99 00 12 34Fax: 01 99 00 12 35", "FR", ["01 99 00 12 34", "01 99 00 12 35"]),
        (
            "<p>T&eacute;l&nbsp;: 01&nbsp;99&nbsp;00&#160;12&#xA0;34</p> et 06 12 34 56 78",
            "FR",
            ["01&nbsp;99&nbsp;00&#160;12&#xA0;34", "06 12 34 56 78"],
        ),
        ("appelez le 01 99 00\n12 34 svp", "FR", ["01 99 00\n12 34"]),
        ("01 99 00 12 34 06 12 34 56 78", "FR", ["01 99 00 12 34", "06 12 34 56 78"]),
        ('<a href="tel:+33199001234">', "FR", ["+33199001234"]),
        ("Call 1-800-FLOWERS now", "US", ["1-800-FLOWERS"]),
        ("Mayotte : 0269 61 23 45.", "FR", ["0269 61 23 45"]),
        (
            "\u00a0\u202f+33\u202f1\u202f99\u202f00\u202f12\u202f34\u2009",
            "ZZ",
            ["+33\u202f1\u202f99\u202f00\u202f12\u202f34"],
        ),
    ],
)
def test_spans_point_into_the_original_text(text: str, region: str, spans: list[str]) -> None:
    found = find_numbers(text, region)
    assert [text[number.start : number.end] for number in found] == spans


def test_find_numbers_region_zz_only_takes_international_numbers() -> None:
    text = "Paris 01 99 00 12 34, Londres +44 20 7946 0123, Berlin 0049 30 12345678"
    assert [number.e164 for number in find_numbers(text, "ZZ")] == ["+442079460123"]
    assert [number.e164 for number in find_numbers(text, "")] == ["+442079460123"]


def test_find_numbers_in_order_without_duplicates() -> None:
    text = "06 12 34 56 78, puis 01 99 00 12 34, puis +33 6 12 34 56 78"
    found = find_numbers(text, "FR")
    assert [number.e164 for number in found] == ["+33612345678", "+33199001234"]
    assert found[0].start == 0


def test_premium_rate_is_callable_and_pager_is_not() -> None:
    assert [n.e164 for n in find_numbers("0891 23 45 67", "FR")] == ["+33891234567"]
    with pytest.raises(NotCallableNumber, match="pager"):
        parse_number("+44 7640 123456", "GB")
    assert find_numbers("+44 7640 123456", "GB") == []


def test_a_number_at_the_end_of_the_first_64_kib_is_found() -> None:
    lines = []
    while sum(len(line) + 1 for line in lines) < SCAN_LIMIT - 40:
        lines.append(f"{75000 + len(lines) % 999:05d} Paris")
    text = "\n".join(lines) + "\nTél. 01 99 00 12 34\n" + "75001 Paris\n" * 60_000
    assert len(text) > 10 * SCAN_LIMIT
    found = find_numbers(text, "FR")
    assert [number.e164 for number in found] == ["+33199001234"]
    assert text[found[0].start : found[0].end] == "01 99 00 12 34"


def test_numbers_after_the_scan_window_are_ignored_by_design() -> None:
    text = "x" * (SCAN_LIMIT + 1000) + " 01 99 00 12 34"
    assert find_numbers(text, "FR") == []


@pytest.mark.parametrize("region", ["FR", "DE", "US", "ZZ", "", "XK", "001"])
def test_warm_up_runs_for_any_region(region: str) -> None:
    from easyclick2call.core.numbers import warm_up

    warm_up(region)  # never raises, whatever the setting holds
    assert find_numbers("Tél. : 01 99 00 12 34", "FR")[0].e164 == "+33199001234"


def test_warm_up_reads_the_region_s_place_names_so_the_first_copy_does_not() -> None:
    from easyclick2call.core import geodata
    from easyclick2call.core.numbers import warm_up

    geodata._region_names.cache_clear()
    geodata._slice.cache_clear()
    warm_up("FR")
    names, slices = geodata._region_names.cache_info(), geodata._slice.cache_info()
    found = find_numbers("Tél. : 01 99 00 12 35", "FR", "fr")[0]
    assert (found.description, found.national) == ("France", "01 99 00 12 35")
    assert geodata._region_names.cache_info().misses == names.misses
    assert geodata._slice.cache_info().misses == slices.misses
