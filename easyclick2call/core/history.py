"""The call history: numbers the user chose to call, in SQLite in the profile's data folder.

Only what a call was is stored — the number (E.164 and as displayed), when, on which line, and how
it went. Never clipboard text: :class:`CallRecord` refuses anything that is not a phone number.
Safe to use from several threads (one short-lived connection per operation, behind a lock).
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

from easyclick2call.core.damaged import DamageNotice, keep_aside, report
from easyclick2call.core.history_live import (
    LIVE_SELECT,
    add_live_columns,
    check_live_fields,
    filter_clause,
    update_live,
)
from easyclick2call.core.paths import ensure_dir, ensure_private_file

log = logging.getLogger(__name__)
T = TypeVar("T")

SCHEMA_VERSION = 2
# placed, failed, uncertain, blocked: an outgoing call and what the app knows of it;
# received: an incoming call (its `live_outcome` says how it ended).
OUTCOMES = ("placed", "failed", "uncertain", "blocked", "received")
E164 = re.compile(r"\+[1-9][0-9]{1,14}")
DISPLAY = re.compile(r"[0-9+() .\-\u00a0\u202f]{1,40}")
SOURCE = re.compile(r"[a-z_]{0,20}")
ERROR_KIND = re.compile(r"[a-z0-9_\-]{0,40}")
LINE = re.compile(r"[A-Za-z0-9._\-]{0,64}")

# `result` is schema 1's column ("ringing" / "failed:KIND"): still written, so that an older
# version of the app reads the calls of a newer one; `outcome` '' marks a row written by such a
# version, which the next start fills in from its `result`.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number_e164 TEXT NOT NULL,
    display TEXT NOT NULL,
    at TEXT NOT NULL,
    line TEXT NOT NULL,
    result TEXT NOT NULL DEFAULT '',
    demo INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    error_kind TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS calls_at ON calls (at);
"""
_NEW_COLUMNS = ("outcome", "source", "error_kind")
_REQUIRED_COLUMNS = {"id", "number_e164", "display", "at", "line", "result", "demo",
                     *_NEW_COLUMNS}
_FROM_RESULT = """
UPDATE calls SET
    outcome = CASE WHEN result = 'ringing' THEN 'placed'
                   WHEN result LIKE 'failed:%' THEN 'failed' ELSE result END,
    error_kind = CASE WHEN result LIKE 'failed:%' THEN substr(result, 8) ELSE error_kind END
WHERE outcome = ''
"""
_COLUMNS = f"id, number_e164, display, at, line, outcome, source, error_kind, demo, {LIVE_SELECT}"


def utc_now_iso() -> str:
    """Now, in UTC, as ISO 8601 with seconds ("2026-11-26T15:04:05+00:00")."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class CallRecord:
    """One call: `outcome` is one of OUTCOMES; `source` the path it came from ("popup", "cli"…);
    `error_kind` the ApiError kind of a failure; `at` is UTC ISO 8601."""

    id: int | None
    number_e164: str
    display: str
    at: str
    line: str
    outcome: str
    source: str = ""
    error_kind: str = ""
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
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}.")
        if not SOURCE.fullmatch(self.source):
            raise ValueError("source must be a short lower-case word such as popup or cli.")
        if not ERROR_KIND.fullmatch(self.error_kind):
            raise ValueError("error_kind must be an error kind such as network.")
        try:
            moment = datetime.fromisoformat(self.at)
        except ValueError:
            raise ValueError("at must be an ISO 8601 date and time.") from None
        if moment.tzinfo is None:
            raise ValueError("at must say its time zone (UTC).")

    @classmethod
    def new(cls, number_e164: str, display: str, line: str, outcome: str, *, source: str = "",
            error_kind: str = "", demo: bool = False, direction: str = "outgoing",
            live_outcome: str | None = None, duration_s: int | None = None) -> CallRecord:
        """A record of a call made now (no id yet)."""
        return cls(None, number_e164, display or number_e164, utc_now_iso(), line, outcome,
                   source, error_kind, demo, direction, live_outcome, duration_s)

    @property
    def shown_outcome(self) -> str:
        """What `history --json` calls the outcome: how the call ended when the line's events
        said so (answered, no_answer, missed), else what the app knows (placed, failed…)."""
        return self.live_outcome or self.outcome

    @property
    def failed(self) -> bool:
        return self.outcome == "failed"

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at)

    @property
    def legacy_result(self) -> str:
        """The schema-1 `result` text an older version of the app understands."""
        if self.outcome == "placed":
            return "ringing"
        return f"failed:{(self.error_kind if self.failed else self.outcome) or 'unknown'}"


class HistoryUnavailableError(OSError):
    """The history cannot be read or written right now (read-only, locked, disk full…)."""


class _DamagedError(Exception):
    """The file is not a usable history database: keep it aside and start afresh."""


_DAMAGE_NAMES = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_UNWRITABLE_NAMES = {"SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_FULL",
                     "SQLITE_IOERR"}


class History:
    """The call history in one SQLite file (created user-only, WAL journal).

    A damaged file (not a database, malformed, truncated, a folder in its place) is kept aside
    with a timestamped name (:mod:`core.damaged`), a fresh one is started and the operation is
    tried once more; what happened is reported once (:func:`core.damaged.report`, which the app
    and the CLI listen to), kept for :meth:`take_notices`, and handed to `on_notice` when set.
    Other failures raise :class:`HistoryUnavailableError` (an OSError).
    """

    def __init__(self, path: Path | str,
                 on_notice: Callable[[DamageNotice], None] | None = None,
                 timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.timeout = timeout  # seconds to wait for another process's lock
        self.on_notice = on_notice
        self._lock = threading.Lock()
        self._ready = False
        self._notices: list[DamageNotice] = []
        self._told_unwritable = False

    def take_notices(self) -> list[DamageNotice]:
        """What happened to the file since the last call (each notice is handed out once)."""
        with self._lock:
            notices, self._notices = self._notices, []
        return notices

    def _prepare(self) -> None:
        if self._ready:
            return
        if self.path.is_dir():
            raise _DamagedError("a folder stands where the history file belongs")
        ensure_private_file(ensure_dir(self.path.parent) / self.path.name)
        connection = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            check = connection.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise _DamagedError(f"quick_check: {str(check and check[0])[:80]}")
            connection.execute("BEGIN IMMEDIATE")
            for statement in filter(str.strip, _SCHEMA.split(";")):
                connection.execute(statement)
            columns = {row[1] for row in connection.execute("PRAGMA table_info(calls)")}
            for name in _NEW_COLUMNS:
                if name not in columns:
                    connection.execute(f"ALTER TABLE calls ADD COLUMN {name} TEXT NOT NULL "
                                       f"DEFAULT ''")
            add_live_columns(connection)
            columns = {row[1] for row in connection.execute("PRAGMA table_info(calls)")}
            if not columns >= _REQUIRED_COLUMNS:
                raise _DamagedError("the calls table is not EasyClick2Call's")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                connection.execute(_FROM_RESULT)
                connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            connection.execute("COMMIT")
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            connection.close()
        self._ready = True

    def _attempt(self, operation: Callable[[sqlite3.Connection], T]) -> T:
        self._prepare()
        connection = sqlite3.connect(self.path, timeout=self.timeout)
        try:
            connection.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at checkpoints
            with connection:
                return operation(connection)
        finally:
            connection.close()

    def _run(self, operation: Callable[[sqlite3.Connection], T]) -> T:
        """`operation` on the database; a damaged file is kept aside and it is tried again."""
        with self._lock:
            try:
                return self._attempt(operation)
            except (sqlite3.Error, OSError, _DamagedError) as exc:
                reason = self._damage(exc)
                if reason is None:
                    raise self._unavailable(exc) from exc
            self._start_afresh(reason)
            try:
                return self._attempt(operation)
            except (sqlite3.Error, OSError, _DamagedError) as exc:
                raise self._unavailable(exc) from exc

    def _damage(self, exc: BaseException) -> str | None:
        """Why `exc` means a damaged file; None for any other failure."""
        if isinstance(exc, _DamagedError):
            return str(exc)
        if isinstance(exc, OSError):
            return "a folder stands where the history file belongs" if self.path.is_dir() else None
        name = getattr(exc, "sqlite_errorname", "")
        if name in _DAMAGE_NAMES or type(exc) is sqlite3.DatabaseError:
            return f"{name or type(exc).__name__}: {str(exc)[:80]}"
        return None

    def _start_afresh(self, reason: str) -> None:
        self._ready = False
        try:
            kept = keep_aside(self.path, ("-wal", "-shm", "-journal"))
        except OSError as exc:
            notice = DamageNotice("history", str(self.path), "", f"{reason}; {exc}")
        else:
            notice = DamageNotice("history", str(self.path), str(kept or ""), reason)
        log.warning("the call history was damaged (%s); kept as %s, a fresh one is started",
                    reason, notice.kept_as or "(not moved)")
        self._tell(notice)

    def _tell(self, notice: DamageNotice) -> None:
        self._notices.append(notice)
        report(notice)
        if self.on_notice is not None:
            try:
                self.on_notice(notice)
            except Exception:  # telling must never break the history (nor a call)
                log.exception("history notice listener failed")

    def _unavailable(self, exc: BaseException) -> HistoryUnavailableError:
        name = getattr(exc, "sqlite_errorname", "") or type(exc).__name__
        log.warning("the call history %s cannot be used: %s", self.path, name)
        if not self._told_unwritable and (name in _UNWRITABLE_NAMES or isinstance(exc, OSError)):
            self._told_unwritable = True
            self._tell(DamageNotice("history", str(self.path), "", name, unwritable=True))
        return HistoryUnavailableError(f"The call history cannot be used ({name}).")

    def add(self, record: CallRecord) -> int:
        """Store `record` (its id is ignored); returns the new id."""
        values = (record.number_e164, record.display,
                  _parse(record.at).astimezone(timezone.utc).isoformat(), record.line,
                  record.legacy_result, int(record.demo), record.outcome, record.source,
                  record.error_kind, record.direction, record.live_outcome, record.duration_s)

        def insert(db: sqlite3.Connection) -> int:
            cursor = db.execute(
                "INSERT INTO calls (number_e164, display, at, line, result, demo, outcome,"
                f" source, error_kind, {LIVE_SELECT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values)
            return int(cursor.lastrowid or 0)

        return self._run(insert)

    def recent(self, limit: int = 5) -> list[CallRecord]:
        """The latest call to each of the `limit` most recently called numbers, newest first."""
        return _records(self._run(lambda db: db.execute(
            f"SELECT {_COLUMNS} FROM calls c"
            " WHERE id = (SELECT id FROM calls d WHERE d.number_e164 = c.number_e164"
            "             ORDER BY at DESC, id DESC LIMIT 1)"
            " ORDER BY at DESC, id DESC LIMIT ?",
            (limit,),
        ).fetchall()))

    def all(self, kind: str = "all", limit: int | None = None) -> list[CallRecord]:
        """Every call (or only `kind`: outgoing, incoming, missed; or the `limit` latest),
        newest first."""
        return _records(self._run(lambda db: db.execute(
            f"SELECT {_COLUMNS} FROM calls WHERE {filter_clause(kind)}"
            " ORDER BY at DESC, id DESC LIMIT ?",
            (-1 if limit is None else limit,),
        ).fetchall()))

    def set_live_outcome(self, record_id: int, outcome: str, duration_s: int | None) -> bool:
        """Record how the call `record_id` ended (live calls); True when it exists."""
        return self._run(lambda db: update_live(db, record_id, outcome, duration_s))

    def get(self, record_id: int) -> CallRecord | None:
        row = self._run(lambda db: db.execute(
            f"SELECT {_COLUMNS} FROM calls WHERE id = ?", (record_id,)).fetchone())
        return _record(row) if row else None

    def delete(self, record_id: int) -> bool:
        """Delete one call; True when it existed."""
        return self._run(
            lambda db: db.execute("DELETE FROM calls WHERE id = ?", (record_id,)).rowcount > 0)

    def clear(self) -> int:
        """Delete every call (and compact the file so nothing lingers); returns how many."""
        count = self._run(lambda db: db.execute("DELETE FROM calls").rowcount)
        self._run(lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
        self._run(lambda db: db.execute("VACUUM"))
        return count

    def prune(self, retention_days: int, now: datetime | None = None) -> int:
        """Delete calls older than `retention_days` (0 keeps everything); returns how many."""
        if retention_days <= 0:
            return 0
        moment = now or datetime.now(timezone.utc)
        cutoff = (moment - timedelta(days=retention_days)).astimezone(timezone.utc)
        # `at` is stored as UTC ISO 8601 text: it sorts as time
        return self._run(lambda db: db.execute(
            "DELETE FROM calls WHERE at < ?", (cutoff.isoformat(timespec="seconds"),)).rowcount)


def _parse(at: str) -> datetime:
    moment = datetime.fromisoformat(at)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _record(row: tuple) -> CallRecord | None:
    """A row as a CallRecord; None for a row that is not valid (a hand-edited file)."""
    record_id, number, display, at, line, outcome, source, error_kind, demo, *live = row
    try:
        return CallRecord(int(record_id), number, display, at, line, outcome, source, error_kind,
                          bool(demo), *live)
    except (ValueError, TypeError):
        return None


def _records(rows: list[tuple]) -> list[CallRecord]:
    return [record for record in map(_record, rows) if record is not None]
