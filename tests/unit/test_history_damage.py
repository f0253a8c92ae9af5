"""The call history survives old and damaged files: migrated in place, or kept aside, never lost."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import pytest

from easyclick2call.core.history import SCHEMA_VERSION, CallRecord, History, HistoryUnavailableError

SCHEMA_1 = """
CREATE TABLE calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT, number_e164 TEXT NOT NULL, display TEXT NOT NULL,
    at TEXT NOT NULL, line TEXT NOT NULL, result TEXT NOT NULL, demo INTEGER NOT NULL DEFAULT 0);
CREATE INDEX calls_at ON calls (at);
PRAGMA user_version=1;
"""


def write_schema_1(path: Path, rows: list[tuple[str, str, str]]) -> None:
    """A history file as version 1 of the app wrote it: (number, at, result) rows."""
    with sqlite3.connect(path) as db:
        db.executescript(SCHEMA_1)
        db.executemany("INSERT INTO calls (number_e164, display, at, line, result, demo)"
                       " VALUES (?, ?, ?, 'l1', ?, 0)", [(n, n, at, r) for n, at, r in rows])
    sqlite3.connect(path).close()


def placed(number: str = "+33199001234") -> CallRecord:
    return CallRecord.new(number, "", "l1", "placed", source="cli")


def kept_aside(path: Path) -> list[Path]:
    """The kept copies of `path` (their -wal/-shm companions left out)."""
    return sorted(p for p in path.parent.glob(path.name + ".damaged-*")
                  if not p.name.endswith(("-wal", "-shm", "-journal")))


def test_a_schema_1_file_is_migrated_in_place_losing_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    write_schema_1(path, [("+33199000001", "2026-01-01T09:00:00+00:00", "ringing"),
                          ("+33199000002", "2026-01-02T09:00:00+00:00", "failed:network"),
                          ("+33199000003", "2026-01-03T09:00:00+00:00", "odd, hand-edited")])
    history = History(path)
    records = history.all()
    assert [(r.number_e164, r.outcome, r.error_kind) for r in records] == [
        ("+33199000002", "failed", "network"), ("+33199000001", "placed", "")]
    assert history.take_notices() == [] and kept_aside(path) == []
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("SELECT count(*) FROM calls").fetchone()[0] == 3  # the odd row too
    # New calls are also written the way version 1 reads them (a downgrade keeps the history).
    history.add(CallRecord.new("+33199000004", "", "l1", "failed", error_kind="timeout"))
    history.add(placed("+33199000005"))
    with sqlite3.connect(path) as db:
        results = [row[0] for row in db.execute("SELECT result FROM calls ORDER BY id")]
    assert results[3:] == ["failed:timeout", "ringing"]


def test_calls_written_by_an_older_version_in_between_are_read_right(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).add(placed())
    with sqlite3.connect(path) as db:  # what version 1 does: insert `result`, set version 1
        db.execute("INSERT INTO calls (number_e164, display, at, line, result, demo) VALUES"
                   " ('+33199000009', '+33199000009', '2027-01-01T00:00:00+00:00', 'l1',"
                   " 'failed:server', 0)")
        db.execute("PRAGMA user_version=1")
    newest = History(path).all()[0]
    assert (newest.number_e164, newest.outcome, newest.error_kind) == (
        "+33199000009", "failed", "server")


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(3000) + b"\x00garbage\xff" * 50)


def _not_a_database(path: Path) -> None:
    path.write_text("this is a shopping list, not a database\n")


def _nul_bytes(path: Path) -> None:
    path.write_bytes(b"\x00" * 8192)


def _filled(path: Path, count: int) -> bytes:
    """A real history of `count` calls, all in the main file; its bytes."""
    History(path).add(placed())
    with sqlite3.connect(path) as db:  # the rest in one transaction: quick
        db.executemany(
            "INSERT INTO calls (number_e164, display, at, line, result, outcome, source)"
            " VALUES (?, ?, '2026-01-01T09:00:00+00:00', 'l1', 'ringing', 'placed', 'cli')",
            [(f"+331990{index:05d}", f"+331990{index:05d}") for index in range(count)])
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


def _truncated(path: Path) -> None:
    data = _filled(path, 400)
    path.write_bytes(data[: len(data) // 2 + 100])  # cut mid-page


def _malformed_page(path: Path) -> None:
    data = bytearray(_filled(path, 200))
    data[4096 + 8: 4096 + 200] = b"\xa5" * 192  # a b-tree page header scribbled over
    path.write_bytes(bytes(data))


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "something.txt").write_text("kept")


DAMAGES = [_garbage, _not_a_database, _nul_bytes, _truncated, _malformed_page, _folder]


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.__name__.strip("_") for d in DAMAGES])
def test_a_damaged_file_is_kept_aside_and_the_call_still_recorded(tmp_path: Path, damage,
                                                                  caplog) -> None:
    path = tmp_path / "history.sqlite3"
    damage(path)
    before = path.read_bytes() if path.is_file() else None
    told = []
    history = History(path, on_notice=told.append)
    with caplog.at_level(logging.WARNING, logger="easyclick2call.core.history"):
        history.add(placed())
    assert [r.number_e164 for r in history.all()] == ["+33199001234"]
    aside = kept_aside(path)
    assert len(aside) == 1
    if before is not None:
        assert aside[0].read_bytes() == before  # the damaged data, byte for byte
    else:
        assert (aside[0] / "something.txt").read_text() == "kept"
    notices = history.take_notices()
    assert len(notices) == 1 and told == notices
    assert notices[0].kept_as == str(aside[0]) and notices[0].what == "history"
    assert "was damaged" in notices[0].message
    assert history.take_notices() == []  # told once
    assert any(r.levelno == logging.WARNING and "damaged" in r.getMessage()
               for r in caplog.records)


def test_damage_found_on_a_later_write_is_handled_the_same(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    history.add(placed("+33199000001"))
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    _not_a_database(path)
    history.add(placed("+33199000002"))
    assert [r.number_e164 for r in history.all()] == ["+33199000002"]
    assert len(kept_aside(path)) == 1 and len(history.take_notices()) == 1


def test_an_empty_file_is_an_empty_history_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"")
    history = History(path)
    history.add(placed())
    assert len(history.all()) == 1 and kept_aside(path) == [] and history.take_notices() == []


def test_a_locked_file_is_not_damage_and_never_moved(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).add(placed())
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        history = History(path, timeout=0.2)
        with pytest.raises(HistoryUnavailableError) as caught:
            history.add(placed("+33199000002"))
        assert isinstance(caught.value, OSError)  # callers that catch OSError keep working
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert kept_aside(path) == [] and history.take_notices() == []
    assert len(History(path).all()) == 1


def test_a_read_only_file_is_read_and_never_moved(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).add(placed())
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.chmod(0o400)
    history = History(path)
    if os.geteuid() == 0:  # root writes anyway: the file is simply used
        history.add(placed("+33199000002"))
        assert len(history.all()) == 2
    else:
        with pytest.raises(HistoryUnavailableError):
            history.add(placed("+33199000002"))
        with pytest.raises(HistoryUnavailableError):
            history.add(placed("+33199000003"))
        notices = history.take_notices()
        assert len(notices) == 1 and "cannot be written" in notices[0].message
    assert kept_aside(path) == []


def test_a_file_in_place_of_its_folder_is_said_once_and_never_breaks_a_caller(
        tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the folder belongs")
    history = History(tmp_path / "data" / "history.sqlite3")
    for _ in range(2):
        with pytest.raises(OSError):  # what the call path already tolerates
            history.add(placed())
    notices = history.take_notices()
    assert len(notices) == 1 and notices[0].unwritable
    assert (tmp_path / "data").read_text() == "a file where the folder belongs"
