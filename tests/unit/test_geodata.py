"""Place and country names read one slice at a time say exactly what phonenumbers' geocoder says,
without loading its 135 MB data set."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType

from easyclick2call.core import geodata

TYPES = (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE,
         PhoneNumberType.VOIP)


def sample_numbers(count_per_example: int = 6) -> list[phonenumbers.PhoneNumber]:
    """Valid numbers of every region and type: the examples, and neighbours of them."""
    rng = random.Random(1234)
    numbers = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            numbers.append(example)
            digits = phonenumbers.national_significant_number(example)
            for _ in range(count_per_example):
                cut = rng.randint(max(1, len(digits) - 6), len(digits) - 1)
                tail = "".join(rng.choice("0123456789") for _ in range(len(digits) - cut))
                candidate = phonenumbers.parse(f"+{example.country_code}{digits[:cut]}{tail}")
                if phonenumbers.is_valid_number(candidate):
                    numbers.append(candidate)
    return numbers


@pytest.fixture(scope="module")
def full_geocoder():
    from phonenumbers import geocoder

    return geocoder


@pytest.mark.parametrize("language", ["en", "fr"])
def test_descriptions_match_the_geocoder(full_geocoder, language: str) -> None:
    numbers = sample_numbers()
    assert len(numbers) > 2000
    for number in numbers:
        assert geodata.description(number, language) == full_geocoder.description_for_number(
            number, language
        ), phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_country_names_match_the_geocoder(full_geocoder, language: str) -> None:
    for region in phonenumbers.SUPPORTED_REGIONS:
        example = phonenumbers.example_number(region)
        if example is None:
            continue
        assert geodata.country_name(example, language) == full_geocoder.country_name_for_number(
            example, language
        )


def test_known_places() -> None:
    assert geodata.description(phonenumbers.parse("+33142681234"), "fr") == "Paris"
    assert geodata.description(phonenumbers.parse("+33199001234"), "fr") == "France"
    assert geodata.description(phonenumbers.parse("+41223334455"), "en") == "Geneva"
    assert geodata.description(phonenumbers.parse("+33612345678"), "en") == "France"
    assert geodata.region_name("BE", "fr") == "Belgique"


def test_finding_a_number_loads_one_slice_not_the_whole_data_set() -> None:
    """A tray app must not grow by 135 MB the first time a number is copied."""
    script = (
        "import json, sys\n"
        "from easyclick2call.core.numbers import find_numbers\n"
        "found = find_numbers('Appelez le 01 42 68 12 34 (Paris)', 'FR', 'fr')\n"
        "rss = int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) // 1024\n"
        "print(json.dumps({'place': found[0].description, 'rss_mb': rss,\n"
        "                  'full': 'phonenumbers.geodata' in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    result = json.loads(out)
    assert result["place"] == "Paris"
    assert result["full"] is False
    assert result["rss_mb"] < 60, result


def test_a_country_name_is_read_from_its_own_line_as_the_whole_table_gives_it() -> None:
    whole = geodata._locale_data()
    for region in [*random.Random(16).sample(sorted(whole), 40), "FR", "GR", "CA", "001"]:
        geodata._region_names.cache_clear()
        assert geodata._region_names(region) == whole.get(region, {}), region
    assert geodata._region_names("F'R") == {}  # not a region code: nothing read


def test_a_slice_kept_as_text_answers_every_prefix_as_its_module_does_in_a_tenth_of_the_memory():
    import tracemalloc

    from easyclick2call.core import geodata

    first_keys, paths = geodata._slice_index()
    path = paths[first_keys.index(max(k for k in first_keys if k <= "331"))]  # Paris's slice
    module = geodata._load_source(path, "test_geodata_module").data
    tracemalloc.start()
    try:
        lines = geodata._TextSlice(path.read_text(encoding="utf-8"))
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert lines.ordered() and len(lines) == len(module)
    assert all(prefix in lines and lines[prefix] == names for prefix, names in module.items())
    assert not any(prefix + "0" in lines for prefix in list(module)[::500]
                   if prefix + "0" not in module)
    assert "" not in lines and "3" not in lines
    assert held < 1_000_000  # the same data as dicts: about 3.2 MB
