"""Call history, live calls: direction, outcome, duration; older files gain the columns."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from easyclick2call.core.history import CallRecord, History
from easyclick2call.core.paths import resolve_profile
from tests.unit.test_history import record


@pytest.fixture
def history(profile_dir: Path) -> History:
    return History(resolve_profile(str(profile_dir)).history_db)


def test_an_older_database_gains_the_columns_and_keeps_its_calls(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE calls (id INTEGER PRIMARY KEY AUTOINCREMENT, number_e164 TEXT NOT NULL,"
        " display TEXT NOT NULL, at TEXT NOT NULL, line TEXT NOT NULL, result TEXT NOT NULL,"
        " demo INTEGER NOT NULL DEFAULT 0);"
        "INSERT INTO calls (number_e164, display, at, line, result)"
        " VALUES ('+33199001234', '01 99 00 12 34', '2026-11-01T09:00:00+00:00', 'l', 'ringing');"
    )
    old.commit()
    old.close()
    (kept,) = History(path).all()
    assert (kept.direction, kept.live_outcome, kept.duration_s) == ("outgoing", None, None)


def test_incoming_calls_outcomes_and_filters(history: History) -> None:
    placed = history.add(record("+33199001234", 0))
    history.add(record("+33612345678", 1, direction="incoming", live_outcome="answered",
                       duration_s=83))
    history.add(record("+33700000000", 2, direction="incoming", live_outcome="missed"))
    assert history.set_live_outcome(placed, "answered", 42)
    assert not history.set_live_outcome(999, "no_answer", None)
    every = history.all()
    assert [(r.direction, r.live_outcome, r.duration_s) for r in every] == [
        ("incoming", "missed", None), ("incoming", "answered", 83), ("outgoing", "answered", 42)]
    assert [r.number_e164 for r in history.all("outgoing")] == ["+33199001234"]
    assert [r.number_e164 for r in history.all("incoming")] == ["+33700000000", "+33612345678"]
    assert [r.number_e164 for r in history.all("missed")] == ["+33700000000"]
    assert history.get(placed).duration_s == 42


@pytest.mark.parametrize(
    "fields",
    [
        {"direction": "sideways"},
        {"live_outcome": "maybe"},
        {"live_outcome": "missed"},  # an outgoing call is never "missed"
        {"duration_s": -1},
        {"duration_s": "12"},
    ],
)
def test_live_fields_are_checked(fields: dict) -> None:
    with pytest.raises(ValueError):
        record("+33199001234", **fields)


def test_new_takes_the_live_fields() -> None:
    made = CallRecord.new("+33612345678", "06 12 34 56 78", "l", "received",
                          direction="incoming", live_outcome="missed")
    assert made.direction == "incoming" and made.live_outcome == "missed"



def test_two_processes_adding_the_columns_at_once_both_work(tmp_path: Path) -> None:
    """The app and a reader (the CLI, a test) open a new file together: each read the table
    before the other added the columns; the second ALTER finds them there — no error."""
    from easyclick2call.core.history_live import add_live_columns

    path = tmp_path / "history.sqlite3"
    History(path).all()  # the other process: the columns are added

    class StaleView:  # this process read the table before that
        def __init__(self, connection: sqlite3.Connection) -> None:
            self.connection = connection

        def execute(self, sql: str):
            return [] if sql.startswith("PRAGMA") else self.connection.execute(sql)

    connection = sqlite3.connect(path)
    try:
        add_live_columns(StaleView(connection))  # type: ignore[arg-type]
    finally:
        connection.close()
    assert History(path).all() == []
