"""find_numbers against the public libphonenumber corpus and our own clipboard corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from easyclick2call.core.numbers import find_numbers

_DATA = Path(__file__).resolve().parents[1] / "data"
# libphonenumber's own matcher test cases, kept in tests/data so a fresh clone has them.
PUBLIC_CORPUS = _DATA / "numbers_libphonenumber_cases.jsonl"
SHARED_PUBLIC_CORPUS = (
    _DATA.parents[2]
    / "shared"
    / "corpus"
    / PUBLIC_CORPUS.name.replace("numbers_libphonenumber_cases", "libphonenumber_matcher_cases")
)
OUR_CORPUS = _DATA / "clipboard_corpus.jsonl"


def _cases(path: Path) -> list:
    lines = path.read_text(encoding="utf-8").splitlines()
    cases = [json.loads(line) for line in lines if line.strip()]
    return [
        pytest.param(case, id=f"{index}-{case['region']}-{case['note'][:40]}")
        for index, case in enumerate(cases)
    ]


def _check(case: dict) -> None:
    found = find_numbers(case["text"], case["region"])
    assert {number.e164 for number in found} == set(case["expected"]), case["note"]
    assert len(found) == len({number.e164 for number in found}), "duplicates returned"
    starts = [number.start for number in found]
    assert starts == sorted(starts), "not in order of appearance"


@pytest.mark.parametrize("case", _cases(PUBLIC_CORPUS))
def test_public_libphonenumber_corpus(case: dict) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases(OUR_CORPUS))
def test_clipboard_corpus(case: dict) -> None:
    _check(case)


def test_public_corpus_copy_is_current() -> None:
    """When the shared corpus sits next to the repository, our copy must be the same."""
    if SHARED_PUBLIC_CORPUS.exists():
        assert PUBLIC_CORPUS.read_bytes() == SHARED_PUBLIC_CORPUS.read_bytes()
    assert len(PUBLIC_CORPUS.read_text(encoding="utf-8").splitlines()) >= 362


def test_clipboard_corpus_size_and_coverage() -> None:
    cases = [json.loads(line) for line in OUR_CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(cases) >= 200
    regions = {case["region"] for case in cases}
    assert {"FR", "BE", "CH", "GB", "DE", "ES", "US", "CA"} <= regions
    assert sum(1 for case in cases if not case["expected"]) >= 50, "too few negatives"
