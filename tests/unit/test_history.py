"""Call history in SQLite: what a user sees in History… and the tray's recent calls."""

from __future__ import annotations

import sqlite3
import stat
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from easyclick2call.core.history import CallRecord, History
from easyclick2call.core.paths import resolve_profile

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


def record(number: str, minutes: int = 0, outcome: str = "placed", **extra) -> CallRecord:
    at = (T0 + timedelta(minutes=minutes)).isoformat()
    return CallRecord(None, number, extra.pop("display", number), at,
                      extra.pop("line", "0033972123456"), outcome, **extra)


@pytest.fixture
def history(profile_dir: Path) -> History:
    return History(resolve_profile(str(profile_dir)).history_db)


def test_add_and_read_back(history: History) -> None:
    first = history.add(record("+33199001234", display="01 99 00 12 34"))
    second = history.add(record("+441632960001", 1, "failed", error_kind="network", demo=True,
                                source="cli"))
    assert second > first
    calls = history.all()
    assert [call.number_e164 for call in calls] == ["+441632960001", "+33199001234"]
    assert calls[0].outcome == "failed" and calls[0].failed and calls[0].demo
    assert (calls[0].error_kind, calls[0].source) == ("network", "cli")
    assert calls[1].display == "01 99 00 12 34" and not calls[1].demo
    assert history.get(first) == calls[1]


def test_recent_gives_distinct_numbers_newest_first(history: History) -> None:
    for minute, number in enumerate(["+33100000001", "+33100000002", "+33100000001",
                                     "+33100000003", "+33100000004", "+33100000005",
                                     "+33100000006"]):
        history.add(record(number, minute))
    recent = history.recent()
    assert [call.number_e164 for call in recent] == [
        "+33100000006", "+33100000005", "+33100000004", "+33100000003", "+33100000001"]
    assert recent[-1].when == T0 + timedelta(minutes=2)
    assert len(history.recent(limit=2)) == 2


def test_delete_clear_and_prune(history: History) -> None:
    old = history.add(record("+33100000001", -60 * 24 * 100))
    history.add(record("+33100000002", -60 * 24 * 10))
    kept = history.add(record("+33100000003"))
    assert history.prune(0, now=T0) == 0
    assert history.prune(90, now=T0) == 1
    assert history.get(old) is None
    assert history.delete(kept) and not history.delete(kept)
    assert history.clear() == 1
    assert history.all() == [] and history.recent() == []


def test_times_are_stored_in_utc(history: History) -> None:
    paris = timezone(timedelta(hours=1))
    history.add(CallRecord(None, "+33199001234", "01 99 00 12 34",
                           datetime(2026, 11, 1, 10, 0, tzinfo=paris).isoformat(), "", "placed"))
    assert history.all()[0].at == "2026-11-01T09:00:00+00:00"
    assert CallRecord.new("+33199001234", "", "l", "placed").when.tzinfo == timezone.utc


@pytest.mark.parametrize(
    "fields",
    [
        {"number_e164": "appelez le 01 99 00 12 34"},  # clipboard text is never stored
        {"number_e164": "0199001234"},
        {"display": "Call Mr Smith at 01 99 00 12 34"},
        {"outcome": "ok"},
        {"outcome": "ringing"},  # schema 1's word is not an outcome
        {"source": "Popup!"},
        {"error_kind": "a b"},
        {"at": "yesterday"},
        {"at": "2026-11-01T09:00:00"},  # no time zone
        {"line": "my line; DROP TABLE"},
    ],
)
def test_only_call_facts_can_be_stored(fields: dict) -> None:
    values = {"id": None, "number_e164": "+33199001234", "display": "01 99 00 12 34",
              "at": T0.isoformat(), "line": "0033972123456", "outcome": "placed"}
    values.update(fields)
    with pytest.raises(ValueError):
        CallRecord(**values)


def test_file_is_private_and_uses_wal(history: History) -> None:
    history.add(record("+33199001234"))
    assert stat.S_IMODE(history.path.stat().st_mode) == 0o600
    with sqlite3.connect(history.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_nothing_is_created_before_use(profile_dir: Path) -> None:
    History(profile_dir / "sub" / "history.sqlite3")
    assert not (profile_dir / "sub").exists()


def test_many_threads_add_at_once(history: History) -> None:
    def add_some(offset: int) -> None:
        for index in range(20):
            history.add(record(f"+3310000{offset:02d}{index:02d}", index))

    threads = [threading.Thread(target=add_some, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(history.all()) == 160
    assert len({call.id for call in history.all()}) == 160


def test_a_hand_edited_bad_row_is_skipped(history: History) -> None:
    history.add(record("+33199001234"))
    with sqlite3.connect(history.path) as db:
        db.execute("INSERT INTO calls (number_e164, display, at, line, result)"
                   " VALUES ('garbage', 'x', 'y', 'z', 'w')")
    assert [call.number_e164 for call in history.all()] == ["+33199001234"]
