"""One private SQLite file in the profile: created user-only, WAL journal, short connections.

Shared by the stores that keep personal data (contacts, call records): each operation opens a
connection behind one lock, so a store is safe to use from several threads.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from easyclick2call.core.paths import ensure_dir, ensure_private_file


class PrivateDatabase:
    """`connect()` yields a connection inside a transaction; the schema is made on first use."""

    def __init__(self, path: Path | str, schema: str, version: int) -> None:
        self.path = Path(path)
        self._schema = schema
        self._version = version
        self._lock = threading.Lock()
        self._ready = False

    def _prepare(self) -> None:
        if self._ready:
            return
        ensure_private_file(ensure_dir(self.path.parent) / self.path.name)
        connection = sqlite3.connect(self.path, timeout=10)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(self._schema)
            connection.execute(f"PRAGMA user_version={self._version}")
            connection.commit()
        finally:
            connection.close()
        self._ready = True

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._prepare()
            connection = sqlite3.connect(self.path, timeout=10)
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at checkpoints
            try:
                with connection:
                    yield connection
            finally:
                connection.close()

    def compact(self) -> None:
        """Rewrite the file so that deleted rows do not linger on disk."""
        with self.connect() as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with self._lock:
            connection = sqlite3.connect(self.path, timeout=10)
            try:
                connection.execute("VACUUM")
            finally:
                connection.close()
