"""Bounded cost of find_numbers: huge and hostile clipboards come back quickly, documented caps."""

from __future__ import annotations

import time

import pytest

from easyclick2call.core.numbers import MAX_NUMBERS, SCAN_LIMIT, find_numbers

MB = 1024 * 1024
# Not a performance test (benchmarks/bench_numbers.py measures the 0.2 s target): a guard
# against a scan that reads a huge clipboard whole or never ends. Far above the target (about
# 0.05 s here), so that a loaded 2-core machine never makes it fail by luck.
BUDGET_SECONDS = 5.0

HUGE_INPUTS = {
    "10 MB of digits": lambda: "1234567890" * MB,
    "10 MB of digit pairs and dots": lambda: ".".join(["12"] * (10 * MB // 3)),
    "10 MB of one number repeated": lambda: "+33 1 99 00 12 34\n" * (10 * MB // 18),
    "10 MB of postcodes": lambda: "75001 Paris\n" * (10 * MB // 12),
    "10 MB of pair groups in lines": lambda: "12 34 56 78 90 12 34 x\n" * (10 * MB // 23),
    "10 MB of non-breaking spaces": lambda: "\u00a0" * 10 * MB,
    "10 MB of HTML entities": lambda: "&nbsp;" * (10 * MB // 6),
    "10 MB of one line of mobiles": lambda: "06 12 34 56 78, " * (10 * MB // 16),
}


@pytest.mark.parametrize("make", HUGE_INPUTS.values(), ids=HUGE_INPUTS.keys())
def test_huge_clipboards_come_back_quickly(make) -> None:
    text = make()
    started = time.perf_counter()
    find_numbers(text, "FR")
    assert time.perf_counter() - started < BUDGET_SECONDS


def test_at_most_max_numbers_are_returned_the_first_ones() -> None:
    count = MAX_NUMBERS + 100
    numbers = [f"06 12 {index // 100:02d} {index % 100:02d} 00" for index in range(count)]
    text = "\n".join(numbers)
    assert len(text) < SCAN_LIMIT
    found = find_numbers(text, "FR")
    assert len(found) == MAX_NUMBERS
    assert found[0].national == "06 12 00 00 00"
    assert found[-1].national == numbers[MAX_NUMBERS - 1]


def test_a_list_of_many_space_separated_numbers_on_one_line() -> None:
    text = " ".join(f"01 99 00 12 {index:02d}" for index in range(40))
    found = find_numbers(text, "FR")
    assert [number.national for number in found] == [
        f"01 99 00 12 {index:02d}" for index in range(40)
    ]


def test_what_is_read_is_said_and_a_short_text_is_read_whole() -> None:
    text = "Tél. 01 99 00 12 34"
    found = find_numbers(text, "FR")
    assert (found.scanned, found.complete) == (len(text), True)


def test_a_text_longer_than_the_window_says_where_reading_stopped() -> None:
    text = "Tél. 01 99 00 12 34\n" + "bla bla\n" * (SCAN_LIMIT // 4)
    found = find_numbers(text, "FR")
    assert [number.e164 for number in found] == ["+33199001234"]
    assert not found.complete
    assert SCAN_LIMIT <= found.scanned < len(text)


def test_when_a_budget_stops_reading_the_numbers_found_lie_before_the_cut() -> None:
    lines = (f"06 12 {index // 100 % 100:02d} {index % 100:02d} 00\n" for index in range(3000))
    text = "".join(lines)
    found = find_numbers(text, "FR")
    assert not found.complete
    assert 0 < found.scanned < len(text)
    assert all(number.end <= found.scanned for number in found)
    # the numbers found are exactly those of the part read
    read = find_numbers(text[: found.scanned], "FR")
    assert [number.e164 for number in read] == [number.e164 for number in found]


def test_segments_keep_offsets_into_the_copied_text() -> None:
    filler = "Lorem ipsum dolor sit amet.\n" * 1500  # past the first segment
    text = filler + "Tél. : 01 99 00 12 34 &nbsp;et 06 12 34 56 78"
    found = find_numbers(text, "FR")
    assert [text[number.start : number.end] for number in found] == [
        "01 99 00 12 34",
        "06 12 34 56 78",
    ]
