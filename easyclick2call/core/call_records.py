"""OVHcloud's own records of the line's calls (`voiceConsumption`), kept locally.

A record says what really happened, whether the call came from the app or from the desk phone:
real duration, destination type, hang-up nature, price. They live in their own SQLite file
(`records.sqlite3` in the profile's data folder; personal data: cleared and pruned with the
history, never logged). `core.call_log` merges them with the app's own history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from easyclick2call.core.sqlite_db import PrivateDatabase

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY,
    line TEXT NOT NULL,
    at TEXT NOT NULL,
    way TEXT NOT NULL,
    number_e164 TEXT NOT NULL,
    duration INTEGER NOT NULL,
    destination_type TEXT NOT NULL,
    hangup_nature TEXT NOT NULL,
    designation TEXT NOT NULL,
    plan_type TEXT NOT NULL,
    price REAL,
    currency TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_at ON records (at);
CREATE INDEX IF NOT EXISTS records_line ON records (line, id);
CREATE TABLE IF NOT EXISTS forgotten (id INTEGER PRIMARY KEY);
"""
_COLUMNS = ("id, line, at, way, number_e164, duration, destination_type, hangup_nature,"
            " designation, plan_type, price, currency")


@dataclass(frozen=True)
class OvhRecord:
    """One call as OVHcloud billed it. `number_e164` is the other party ("" when hidden)."""

    id: int  # OVHcloud's consumptionId
    line: str  # the line's service name, "0033…"
    at: str  # UTC ISO 8601
    way: str  # "outgoing", "incoming" or "transfer"
    number_e164: str
    duration: int  # seconds
    destination_type: str = ""  # "landline", "mobile", "special"
    hangup_nature: str = ""
    designation: str = ""
    plan_type: str = ""  # "priceplan" (in the plan) or "outplan"
    price: float | None = None  # without tax
    currency: str = ""

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at)


class RecordStore:
    """The records database (user-only file, WAL journal; safe from several threads)."""

    def __init__(self, path: Path | str) -> None:
        self._db = PrivateDatabase(path, _SCHEMA, SCHEMA_VERSION)
        self.path = self._db.path

    def add_many(self, records: list[OvhRecord]) -> int:
        """Store (or refresh) `records`; returns how many."""
        with self._db.connect() as db:
            db.executemany(
                f"INSERT OR REPLACE INTO records ({_COLUMNS}) VALUES"
                " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(r.id, r.line, _utc(r.at), r.way, r.number_e164, r.duration,
                  r.destination_type, r.hangup_nature, r.designation, r.plan_type, r.price,
                  r.currency) for r in records])
        return len(records)

    def ids(self, line: str) -> set[int]:
        with self._db.connect() as db:
            known = {row[0] for row in db.execute("SELECT id FROM records WHERE line = ?",
                                                  (line,))}
            return known | {row[0] for row in db.execute("SELECT id FROM forgotten")}

    def all(self, limit: int | None = None) -> list[OvhRecord]:
        """Every record, newest first."""
        with self._db.connect() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM records ORDER BY at DESC, id DESC"
                              " LIMIT ?", (-1 if limit is None else limit,)).fetchall()
        return [OvhRecord(*row) for row in rows]

    def delete(self, record_id: int) -> bool:
        """Forget one record; True when it existed (a later sync does not bring it back)."""
        with self._db.connect() as db:
            db.execute("INSERT OR IGNORE INTO forgotten (id) VALUES (?)", (record_id,))
            return db.execute("DELETE FROM records WHERE id = ?", (record_id,)).rowcount > 0

    def count(self) -> int:
        with self._db.connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM records").fetchone()[0])

    def clear(self, remember: bool = False) -> int:
        """Delete every record (and compact the file); returns how many. With `remember`
        (the history cleared) later syncs do not bring them back; without (the cache
        forgotten) they may."""
        with self._db.connect() as db:
            if remember:
                db.execute("INSERT OR IGNORE INTO forgotten (id) SELECT id FROM records")
            else:
                db.execute("DELETE FROM forgotten")
            count = db.execute("DELETE FROM records").rowcount
        self._db.compact()
        return count

    def prune(self, retention_days: int, now: datetime | None = None) -> int:
        """Delete records older than `retention_days` (0 keeps everything)."""
        if retention_days <= 0:
            return 0
        cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=retention_days)
        with self._db.connect() as db:
            return db.execute("DELETE FROM records WHERE at < ?",
                              (cutoff.astimezone(timezone.utc).isoformat(),)).rowcount


def _utc(at: str) -> str:
    moment = datetime.fromisoformat(at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()
