"""Place and country names for phone numbers, read lazily from phonenumbers' geocoding data.

``phonenumbers.geocoder`` imports its whole data set at once: about 135 MB of memory and half a
second, for a tray app that needs the name of one place at a time. The data is split over
``phonenumbers/geodata/data<N>.py`` files, each a slice of the prefixes in sorted order, one
prefix per line; this module reads only the slice that holds a prefix, keeps it as its text
(about 0.35 MB, where the same slice as Python dicts takes 3.2 MB) and finds a prefix by
bisection over its lines, parsing only the line asked for. It keeps the last few slices and
answers exactly as the geocoder does (tests compare the two on samples).

Where the data files are not on disk as source (a frozen build that compiled them into its
archive), it falls back to phonenumbers' own modules.
"""

from __future__ import annotations

import array
import ast
import bisect
import functools
import importlib
import importlib.util
import itertools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType

import phonenumbers
from phonenumbers.prefix import _prefix_description_for_number

_FIRST_KEY = re.compile(r"^\s*'(\d+)':", re.MULTILINE)
_ENTRY = re.compile(r"^ '\d+':", re.MULTILINE)  # a line of a data file: one prefix
_SLICES_KEPT = 4
_NAMES_KEPT = 32  # countries whose names are kept
_REGION_CODE = re.compile(r"[A-Z0-9]{2,3}")
_U_CALL = re.compile(r"\bu\(('(?:[^'\\]|\\.)*')\)")  # u('Fran\u00e7a') in locale.py
# phonenumbers' GEOCODE_LONGEST_PREFIX; a longer one only costs a few more dict look-ups.
LONGEST_PREFIX = 10


def _geodata_dir() -> Path:
    return Path(phonenumbers.__file__).parent / "geodata"


def _load_source(path: Path, name: str) -> ModuleType:
    """Execute one data file as a module of its own, without importing its package."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(name)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "phonenumbers.geodata"
    spec.loader.exec_module(module)
    return module


@functools.cache
def _slice_index() -> tuple[tuple[str, ...], tuple[Path, ...]] | None:
    """(first prefix of each slice, its file) in prefix order; None without source files."""
    entries = []
    for path in _geodata_dir().glob("data*.py"):
        with path.open(encoding="utf-8") as source:
            match = _FIRST_KEY.search(source.read(4096))
        if match is None:
            return None
        entries.append((match.group(1), path))
    if not entries:
        return None
    entries.sort()
    return tuple(key for key, _ in entries), tuple(path for _, path in entries)


class _TextSlice(Mapping):
    """One data file as its text: prefix → {language: name}, found by bisection over the
    file's sorted lines and parsed from its line when asked for."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = array.array("I", (match.start() for match in _ENTRY.finditer(text)))
        self._positions = range(len(self._starts))

    def _key(self, position: int) -> str:
        start = self._starts[position] + 2  # after " '"
        return self._text[start : self._text.index("'", start)]

    def _find(self, prefix: str) -> int:
        position = bisect.bisect_left(self._positions, prefix, key=self._key)
        if position < len(self._starts) and self._key(position) == prefix:
            return position
        return -1

    def __contains__(self, prefix: object) -> bool:
        return isinstance(prefix, str) and self._find(prefix) >= 0

    def __getitem__(self, prefix: str) -> dict[str, str]:
        position = self._find(prefix) if isinstance(prefix, str) else -1
        if position < 0:
            raise KeyError(prefix)
        start = self._starts[position]
        line = self._text[start : self._text.index("\n", start)].strip().rstrip(",")
        return ast.literal_eval("{" + _U_CALL.sub(r"\1", line) + "}")[prefix]

    def __iter__(self) -> Iterator[str]:
        return (self._key(position) for position in self._positions)

    def __len__(self) -> int:
        return len(self._starts)

    def ordered(self) -> bool:
        """Its prefixes are in order (what bisection needs), checked on the whole file."""
        keys = list(self)
        return bool(keys) and all(a < b for a, b in itertools.pairwise(keys))


@functools.lru_cache(maxsize=_SLICES_KEPT)
def _slice(path: Path) -> Mapping[str, dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    lines = _TextSlice(text)
    if len(lines) and lines.ordered():
        return lines
    # Another layout than one sorted prefix per line: the file as a module, as before.
    return _load_source(path, f"easyclick2call_geodata_{path.stem}").data


class LazyPrefixData(Mapping):
    """phonenumbers' GEOCODE_DATA (prefix → {language: name}), one slice loaded at a time."""

    def _slice_for(self, prefix: str) -> Mapping[str, dict[str, str]]:
        index = _slice_index()
        if index is None:
            return _full_data()
        first_keys, paths = index
        position = bisect.bisect_right(first_keys, prefix) - 1
        return _slice(paths[position]) if position >= 0 else {}

    def __getitem__(self, prefix: str) -> dict[str, str]:
        return self._slice_for(prefix)[prefix]

    def __contains__(self, prefix: object) -> bool:
        return isinstance(prefix, str) and prefix in self._slice_for(prefix)

    def __iter__(self) -> Iterator[str]:  # not needed for look-ups; kept honest
        return iter(_full_data())

    def __len__(self) -> int:
        return len(_full_data())


def _full_data() -> dict[str, dict[str, str]]:
    return importlib.import_module("phonenumbers.geodata").GEOCODE_DATA


@functools.cache
def _locale_data() -> dict[str, dict[str, str]]:
    """Region code → {language: country name} (phonenumbers' geodata/locale.py, 600 KB)."""
    path = _geodata_dir() / "locale.py"
    if path.exists():
        return _load_source(path, "easyclick2call_geodata_locale").LOCALE_DATA
    return importlib.import_module("phonenumbers.geodata.locale").LOCALE_DATA


@functools.lru_cache(maxsize=_NAMES_KEPT)
def _region_names(region_code: str) -> dict[str, str]:
    """{language: country name} of one region: its own line of locale.py, read alone (a few
    hundred µs and a few KB, where the whole table holds 1.5 MB); the whole table when the
    line is not there as expected (a frozen build, another layout)."""
    path = _geodata_dir() / "locale.py"
    if _REGION_CODE.fullmatch(region_code) and path.exists():
        text = path.read_text(encoding="utf-8")
        at = text.find(f"\n  '{region_code}': {{")
        if at >= 0:
            line = text[at : text.find("\n", at + 1)].strip().rstrip(",")
            try:
                names = ast.literal_eval("{" + _U_CALL.sub(r"\1", line) + "}")[region_code]
            except (SyntaxError, ValueError, KeyError):
                names = None
            if isinstance(names, dict):
                return names
    return _locale_data().get(region_code) or {}


_PREFIX_DATA = LazyPrefixData()


def region_name(region_code: str, language: str) -> str:
    """The country's name in `language` ("" when unknown), as phonenumbers' geocoder says it."""
    names = _region_names(region_code)
    if not names:
        return ""
    name = names.get(language, "")
    if name.startswith("*"):  # "*fr": the name is held under another language
        name = names.get(name[1:], "")
    return name


def country_name(number: phonenumbers.PhoneNumber, language: str) -> str:
    """The country a valid number belongs to ("" when several countries share it)."""
    regions = phonenumbers.region_codes_for_country_code(number.country_code)
    if len(regions) == 1:
        return region_name(regions[0], language)
    valid_in = [r for r in regions if phonenumbers.is_valid_number_for_region(number, r)]
    return region_name(valid_in[0], language) if len(valid_in) == 1 else ""


def description(number: phonenumbers.PhoneNumber, language: str, kind: int | None = None) -> str:
    """The place (or else the country) of a number, like geocoder.description_for_number
    (``kind``: its number_type, when the caller knows it already)."""
    kind = phonenumbers.number_type(number) if kind is None else kind
    if kind == phonenumbers.PhoneNumberType.UNKNOWN:
        return ""
    if not phonenumbers.is_number_type_geographical(kind, number.country_code):
        return country_name(number, language)
    national = phonenumbers.national_significant_number(number)
    geocoded = number
    token = phonenumbers.country_mobile_token(number.country_code)
    if token and national.startswith(token):
        # Argentina's mobile token comes before the area code: geocode without it.
        region = phonenumbers.region_code_for_country_code(number.country_code)
        try:
            geocoded = phonenumbers.parse(national[len(token):], region)
        except phonenumbers.NumberParseException:
            geocoded = number
    area = _prefix_description_for_number(_PREFIX_DATA, LONGEST_PREFIX, geocoded, language)
    return area or country_name(number, language)
