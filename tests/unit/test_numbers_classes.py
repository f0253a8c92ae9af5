"""find_numbers on our own per-class, per-language cases (tests/data/numbers_class_cases.jsonl).

Classes: dotted dates, labelled identifiers (and labels that still name a phone), registry / tax
/ bank ids and legal references (also with the label on the line above), and numbers the
matcher alone misses (line wraps inside a grouping, glued words and e-mails, back-to-back).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from easyclick2call.core.numbers import find_numbers

CASES = Path(__file__).resolve().parents[1] / "data" / "numbers_class_cases.jsonl"


def _load() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, id=f"{index}-{case['class']}-{case['region']}-{case['note'][:30]}")
        for index, case in enumerate(_load())
    ],
)
def test_class_case(case: dict) -> None:
    found = find_numbers(case["text"], case["region"])
    assert {number.e164 for number in found} == set(case["expected"]), case["note"]


def test_every_class_has_cases_in_many_languages() -> None:
    cases = _load()
    languages = {
        name: {case["lang"] for case in cases if case["class"] == name}
        for name in {case["class"] for case in cases}
    }
    assert len(languages["labelled-id"]) >= 10
    assert len(languages["dotted-date"]) >= 7
    assert len(languages["registry-id"]) >= 8
    counts = Counter(case["class"] for case in cases)
    assert min(counts.values()) >= 10
