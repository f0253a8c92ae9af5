"""The call history: numbers the user chose to call, in SQLite in the profile's data folder.

Only what a call was is stored — the number (E.164 and as displayed), when, on which line, and how
it went. Never clipboard text: :class:`CallRecord` refuses anything that is not a phone number.
Safe to use from several threads (one short-lived connection per operation, behind a lock).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from easyclick2call.core.history_live import (
    LIVE_SELECT,
    add_live_columns,
    check_live_fields,
    filter_clause,
    update_live,
)
from easyclick2call.core.paths import ensure_dir, ensure_private_file

SCHEMA_VERSION = 1
E164 = re.compile(r"\+[1-9][0-9]{1,14}")
DISPLAY = re.compile(r"[0-9+() .\-\u00a0\u202f]{1,40}")
RESULT = re.compile(r"ringing|failed:[a-z0-9_\-]{1,40}")
LINE = re.compile(r"[A-Za-z0-9._\-]{0,64}")
_COLUMNS = f"id, number_e164, display, at, line, result, demo, {LIVE_SELECT}"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number_e164 TEXT NOT NULL,
    display TEXT NOT NULL,
    at TEXT NOT NULL,
    line TEXT NOT NULL,
    result TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS calls_at ON calls (at);
"""


def utc_now_iso() -> str:
    """Now, in UTC, as ISO 8601 with seconds ("2026-11-26T15:04:05+00:00")."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class CallRecord:
    """One call: `result` is "ringing" or "failed:<ApiError kind>"; `at` is UTC ISO 8601."""

    id: int | None
    number_e164: str
    display: str
    at: str
    line: str
    result: str
    demo: bool = False
    direction: str = "outgoing"  # live calls (core.history_live): outgoing, incoming
    live_outcome: str | None = None  # answered, no_answer, missed; None: not known
    duration_s: int | None = None

    def __post_init__(self) -> None:
        check_live_fields(self.direction, self.live_outcome, self.duration_s)
        if not E164.fullmatch(self.number_e164):
            raise ValueError("number_e164 must be a number in E.164 form, such as +33199001234.")
        if not DISPLAY.fullmatch(self.display):
            raise ValueError("display must be a formatted phone number (digits and spaces).")
        if not LINE.fullmatch(self.line):
            raise ValueError("line must be an OVHcloud line name.")
        if not RESULT.fullmatch(self.result):
            raise ValueError('result must be "ringing" or "failed:<kind>".')
        try:
            moment = datetime.fromisoformat(self.at)
        except ValueError:
            raise ValueError("at must be an ISO 8601 date and time.") from None
        if moment.tzinfo is None:
            raise ValueError("at must say its time zone (UTC).")

    @classmethod
    def new(cls, number_e164: str, display: str, line: str, result: str,
            demo: bool = False, **live: object) -> CallRecord:
        """A record of a call made now (no id yet); `live`: direction, live_outcome,
        duration_s."""
        return cls(None, number_e164, display or number_e164, utc_now_iso(), line, result, demo,
                   **live)  # type: ignore[arg-type]

    @property
    def failed(self) -> bool:
        return self.result.startswith("failed:")

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at)


class History:
    """The call history in one SQLite file (created user-only, WAL journal)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._ready = False

    def _prepare(self) -> None:
        if self._ready:
            return
        ensure_private_file(ensure_dir(self.path.parent) / self.path.name)
        connection = sqlite3.connect(self.path, timeout=10)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(_SCHEMA)
            add_live_columns(connection)
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            connection.commit()
        finally:
            connection.close()
        self._ready = True

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._prepare()
            connection = sqlite3.connect(self.path, timeout=10)
            connection.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at checkpoints
            try:
                with connection:
                    yield connection
            finally:
                connection.close()

    def add(self, record: CallRecord) -> int:
        """Store `record` (its id is ignored); returns the new id."""
        with self._connect() as db:
            cursor = db.execute(
                f"INSERT INTO calls (number_e164, display, at, line, result, demo, {LIVE_SELECT})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record.number_e164, record.display, _parse(record.at).astimezone(timezone.utc)
                 .isoformat(), record.line, record.result, int(record.demo), record.direction,
                 record.live_outcome, record.duration_s),
            )
            return int(cursor.lastrowid or 0)

    def recent(self, limit: int = 5) -> list[CallRecord]:
        """The latest call to each of the `limit` most recently called numbers, newest first."""
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM calls c"
                " WHERE id = (SELECT id FROM calls d WHERE d.number_e164 = c.number_e164"
                "             ORDER BY at DESC, id DESC LIMIT 1)"
                " ORDER BY at DESC, id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return _records(rows)

    def all(self, kind: str = "all") -> list[CallRecord]:
        """Every call (or only `kind`: outgoing, incoming, missed), newest first."""
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM calls WHERE {filter_clause(kind)}"
                " ORDER BY at DESC, id DESC"
            ).fetchall()
        return _records(rows)

    def set_live_outcome(self, record_id: int, outcome: str, duration_s: int | None) -> bool:
        """Record how the call `record_id` ended (live calls); True when it exists."""
        with self._connect() as db:
            return update_live(db, record_id, outcome, duration_s)

    def get(self, record_id: int) -> CallRecord | None:
        with self._connect() as db:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM calls WHERE id = ?",
                (record_id,),
            ).fetchone()
        return _record(row) if row else None

    def delete(self, record_id: int) -> bool:
        """Delete one call; True when it existed."""
        with self._connect() as db:
            return db.execute("DELETE FROM calls WHERE id = ?", (record_id,)).rowcount > 0

    def clear(self) -> int:
        """Delete every call (and compact the file so nothing lingers); returns how many."""
        with self._connect() as db:
            count = db.execute("DELETE FROM calls").rowcount
        with self._connect() as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with self._lock:
            connection = sqlite3.connect(self.path, timeout=10)
            try:
                connection.execute("VACUUM")
            finally:
                connection.close()
        return count

    def prune(self, retention_days: int, now: datetime | None = None) -> int:
        """Delete calls older than `retention_days` (0 keeps everything); returns how many."""
        if retention_days <= 0:
            return 0
        moment = now or datetime.now(timezone.utc)
        cutoff = (moment - timedelta(days=retention_days)).astimezone(timezone.utc)
        with self._connect() as db:  # `at` is stored as UTC ISO 8601 text: it sorts as time
            return db.execute("DELETE FROM calls WHERE at < ?",
                              (cutoff.isoformat(timespec="seconds"),)).rowcount


def _parse(at: str) -> datetime:
    moment = datetime.fromisoformat(at)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _record(row: tuple) -> CallRecord | None:
    """A row as a CallRecord; None for a row that is not valid (a hand-edited file)."""
    record_id, number, display, at, line, result, demo, *live = row
    try:
        return CallRecord(int(record_id), number, display, at, line, result, bool(demo), *live)
    except (ValueError, TypeError):
        return None


def _records(rows: list[tuple]) -> list[CallRecord]:
    return [record for record in map(_record, rows) if record is not None]
