"""Benchmark: what the call history's safety costs — the first use of a file (integrity check,
schema migration), one add(), recent(), and keeping a damaged file aside.

Run: .venv/bin/python benchmarks/bench_history.py [--sizes 1000,10000,100000] [--repeats N]

Prints the median time, for histories of each size, of: the first operation of a History on an
existing schema-2 file (PRAGMA quick_check + schema check), the migration of a schema-1 file of
that size, one add() after that, recent(5), and the repair of a damaged file (kept aside, fresh
file, the write retried) — the extra time a call's record takes when the file is damaged.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from easyclick2call.core import damaged
from easyclick2call.core.history import CallRecord, History

AT = "2026-01-01T09:00:00+00:00"


def fill(path: Path, count: int, schema_1: bool = False) -> None:
    """A history of `count` calls written straight with SQLite (fast set-up)."""
    if schema_1:
        with sqlite3.connect(path) as db:
            db.executescript(
                "CREATE TABLE calls (id INTEGER PRIMARY KEY AUTOINCREMENT, number_e164 TEXT NOT"
                " NULL, display TEXT NOT NULL, at TEXT NOT NULL, line TEXT NOT NULL, result TEXT"
                " NOT NULL, demo INTEGER NOT NULL DEFAULT 0); CREATE INDEX calls_at ON calls (at);"
                " PRAGMA user_version=1;")
            db.executemany(
                "INSERT INTO calls (number_e164, display, at, line, result) VALUES (?, ?, ?, ?, ?)",
                [(f"+3319{n:07d}", f"+3319{n:07d}", AT, "l1",
                  "ringing" if n % 3 else "failed:network") for n in range(count)])
        return
    History(path).add(CallRecord.new("+33199000000", "", "l1", "placed"))
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO calls (number_e164, display, at, line, result, outcome) VALUES"
            " (?, ?, ?, 'l1', 'ringing', 'placed')",
            [(f"+3319{n:07d}", f"+3319{n:07d}", AT) for n in range(count)])


def timed(setup: Callable[[Path], object], action: Callable[[Path, object], object],
          repeats: int) -> float:
    """Median seconds of `action` over fresh files made by `setup`."""
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "history.sqlite3"
            state = setup(path)
            start = time.perf_counter()
            action(path, state)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    logging.getLogger("easyclick2call").setLevel(logging.ERROR)  # the repairs' warnings
    record = CallRecord.new("+33199001234", "", "l1", "placed", source="popup")
    print(f"{'calls':>8} {'first use':>10} {'migration':>10} {'add':>8} {'recent':>8} "
          f"{'repair':>8}   (median ms)")
    for size in (int(s) for s in args.sizes.split(",")):
        first = timed(lambda p, n=size: fill(p, n), lambda p, _: History(p).recent(1),
                      args.repeats)
        migration = timed(lambda p, n=size: fill(p, n, schema_1=True),
                          lambda p, _: History(p).recent(1), args.repeats)

        def opened(path: Path, n: int = size) -> History:
            fill(path, n)
            history = History(path)
            history.recent(1)
            return history

        add = timed(opened, lambda _p, history: history.add(record), args.repeats)
        recent = timed(opened, lambda _p, history: history.recent(5), args.repeats)

        def broken(path: Path, n: int = size) -> None:
            fill(path, n)
            data = bytearray(path.read_bytes())
            data[:16] = b"not SQLite at al"
            path.write_bytes(bytes(data))

        repair = timed(broken, lambda p, _: History(p).add(record), args.repeats)
        damaged.take_pending()
        print(f"{size:>8} {first * 1000:>10.1f} {migration * 1000:>10.1f} {add * 1000:>8.2f} "
              f"{recent * 1000:>8.2f} {repair * 1000:>8.1f}")


if __name__ == "__main__":
    main()
