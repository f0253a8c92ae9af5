"""What live calls add to the call history: direction, how the call ended, how long it lasted.

Three columns, added to an existing database in place (no version bump: a column that is
missing is added, so older files and files of other builds open alike):
`direction` (`outgoing`, `incoming`), `live_outcome` (`answered`, `no_answer`, `missed`, or
NULL while unknown — the call was placed but the event stream said nothing) and `duration_s`
(whole seconds of conversation, NULL when not answered or unknown).
"""

from __future__ import annotations

import sqlite3

DIRECTIONS = ("outgoing", "incoming")
LIVE_OUTCOMES = ("answered", "no_answer", "missed")
# (column, SQL type and default) — in the order of CallRecord's fields.
LIVE_COLUMNS = (
    ("direction", "TEXT NOT NULL DEFAULT 'outgoing'"),
    ("live_outcome", "TEXT"),
    ("duration_s", "INTEGER"),
)
LIVE_SELECT = ", ".join(name for name, _ in LIVE_COLUMNS)


def add_live_columns(connection: sqlite3.Connection) -> None:
    """Add the live-call columns the `calls` table lacks. Another process (the CLI, a test)
    may add them at the same moment: a column added meanwhile is fine."""
    present = {row[1] for row in connection.execute("PRAGMA table_info(calls)")}
    for name, declaration in LIVE_COLUMNS:
        if name not in present:
            try:
                connection.execute(f"ALTER TABLE calls ADD COLUMN {name} {declaration}")
            except sqlite3.OperationalError as exc:
                if "duplicate column" not in str(exc).lower():
                    raise


def check_live_fields(direction: str, live_outcome: str | None, duration_s: int | None) -> None:
    """Raise ValueError unless the three fields are valid together."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}.")
    if live_outcome is not None and live_outcome not in LIVE_OUTCOMES:
        raise ValueError(f"live_outcome must be one of {', '.join(LIVE_OUTCOMES)} or None.")
    if live_outcome == "missed" and direction != "incoming":
        raise ValueError("only an incoming call can be missed.")
    if duration_s is not None and (
        isinstance(duration_s, bool) or not isinstance(duration_s, int) or duration_s < 0
    ):
        raise ValueError("duration_s must be a whole number of seconds >= 0.")


def update_live(connection: sqlite3.Connection, record_id: int, live_outcome: str,
                duration_s: int | None) -> bool:
    """Set how the call `record_id` ended; True when it exists."""
    check_live_fields("incoming" if live_outcome == "missed" else "outgoing", live_outcome,
                      duration_s)
    cursor = connection.execute(
        "UPDATE calls SET live_outcome = ?, duration_s = ? WHERE id = ?",
        (live_outcome, duration_s, record_id),
    )
    return cursor.rowcount > 0


def filter_clause(kind: str) -> str:
    """The WHERE condition of a History window filter: all, outgoing, incoming, missed."""
    return {
        "all": "1",
        "outgoing": "direction = 'outgoing'",
        "incoming": "direction = 'incoming'",
        "missed": "live_outcome = 'missed'",
    }[kind]
