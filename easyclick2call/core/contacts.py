"""The local contacts store: names for numbers, from OVHcloud phonebooks and imported files.

One SQLite file in the profile's data folder. Numbers are stored in E.164 form with an index, so
finding the name of a number costs the same with 10 or 10,000 contacts; `names()` gives the whole
number → name map for an O(1) look-up in memory (the GUI keeps one). Contacts are grouped by
*source* — ``ovh:<billing account>/<book>``, ``ovh-phone:<billing account>/<line>/<book>`` or
``file:<file name>`` — and a source is replaced or forgotten as a whole. Names are personal data:
this module never logs them. Safe to use from several threads (one lock, short connections).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from easyclick2call.core.history import E164, utc_now_iso
from easyclick2call.core.sqlite_db import PrivateDatabase

SCHEMA_VERSION = 1
MAX_NAME = 200
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    source TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    updated TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL REFERENCES sources (source) ON DELETE CASCADE,
    source_id TEXT NOT NULL,
    name TEXT NOT NULL,
    folded TEXT NOT NULL,
    UNIQUE (source, source_id)
);
CREATE TABLE IF NOT EXISTS numbers (
    e164 TEXT NOT NULL,
    contact INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    digits TEXT NOT NULL,
    rank INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS numbers_e164 ON numbers (e164, rank);
CREATE INDEX IF NOT EXISTS numbers_contact ON numbers (contact);
"""
_DIAL_CHARS = frozenset("0123456789+-.()/ \u00a0")  # text made only of these is a number
# OVHcloud's own phonebooks come before imported files when two contacts share a number.
_RANKS = (("ovh:", 0), ("ovh-phone:", 1), ("file:", 2))


def source_rank(source: str) -> int:
    return next((rank for prefix, rank in _RANKS if source.startswith(prefix)), 3)


def fold(text: str) -> str:
    """`text` lower-cased without accents, for searching ("Émile" → "emile")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def to_e164(raw: str, region: str) -> str | None:
    """`raw` (as written in an address book: "01 99 00 12 34", "0033…", "tel:+33…") in E.164,
    or None when it is not a possible phone number."""
    import phonenumbers  # not at import: loading the names at start must stay light

    text = raw.strip()
    if text.lower().startswith("tel:"):
        text = text[4:].split(";", 1)[0]
    if not text or len(text) > 40:
        return None
    try:
        number = phonenumbers.parse(text, region or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164 if E164.fullmatch(e164) else None


def display(e164: str, region: str) -> str:
    """`e164` as a person writes it: national form in `region`'s country, else international."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    same = phonenumbers.region_code_for_number(number) == (region or "").upper()
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if same
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, style)


def digit_queries(text: str, region: str) -> list[str]:
    """The digit strings to look for in E.164 numbers when the user types `text`: the digits
    as typed, and — for "01 99…" or "0033 1 99…" — the same in international form."""
    import phonenumbers

    digits = "".join(char for char in text if char.isdigit())
    if len(digits) < 2:
        return []
    queries = [digits]
    if digits.startswith("00"):
        queries.append(digits[2:])
    elif region:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
        prefix = metadata.national_prefix if metadata else None
        if prefix and digits.startswith(prefix):
            queries.append(f"{metadata.country_code}{digits[len(prefix):]}")
    return [query for query in queries if query]


@dataclass(frozen=True)
class ContactNumber:
    e164: str
    kind: str = ""  # "work", "home", "mobile", "workMobile", "fax"… as the source says


@dataclass(frozen=True)
class Contact:
    """A named entry with one or more numbers; `source_id` identifies it inside its source."""

    name: str
    numbers: tuple[ContactNumber, ...]
    source_id: str = ""
    source: str = ""
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class SourceInfo:
    source: str
    label: str
    updated: str  # UTC ISO 8601
    contacts: int


def clean_name(name: str) -> str:
    """One line, trimmed, at most MAX_NAME characters."""
    return " ".join(name.split())[:MAX_NAME]


class ContactStore:
    """The contacts database (created user-only, WAL journal)."""

    def __init__(self, path: Path | str) -> None:
        self._db = PrivateDatabase(path, _SCHEMA, SCHEMA_VERSION)
        self.path = self._db.path
        self._connect = self._db.connect

    # Writing -----------------------------------------------------------------------------------

    def replace_source(self, source: str, label: str, contacts: Iterable[Contact],
                       state: str = "") -> int:
        """Make `source` hold exactly `contacts` (one transaction); returns how many."""
        with self._connect() as db:
            db.execute("DELETE FROM contacts WHERE source = ?", (source,))
            self._touch(db, source, label, state)
            return self._insert(db, source, contacts)

    def update_source(self, source: str, label: str, add: Iterable[Contact],
                      remove: Iterable[str] = (), state: str = "") -> int:
        """Add (or replace, by `source_id`) `add` and delete the `remove` ids in `source`."""
        with self._connect() as db:
            self._touch(db, source, label, state)
            db.executemany("DELETE FROM contacts WHERE source = ? AND source_id = ?",
                           [(source, source_id) for source_id in remove])
            added = list(add)
            db.executemany("DELETE FROM contacts WHERE source = ? AND source_id = ?",
                           [(source, contact.source_id) for contact in added])
            return self._insert(db, source, added)

    @staticmethod
    def _touch(db: sqlite3.Connection, source: str, label: str, state: str) -> None:
        db.execute(
            "INSERT INTO sources (source, label, updated, state) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (source) DO UPDATE SET label = excluded.label,"
            " updated = excluded.updated, state = excluded.state",
            (source, label, utc_now_iso(), state),
        )

    @staticmethod
    def _insert(db: sqlite3.Connection, source: str, contacts: Iterable[Contact]) -> int:
        rank = source_rank(source)
        count = 0
        rows: list[tuple] = []
        for index, contact in enumerate(contacts):
            name = clean_name(contact.name)
            numbers = [number for number in contact.numbers if E164.fullmatch(number.e164)]
            if not name or not numbers:
                continue
            cursor = db.execute(
                "INSERT INTO contacts (source, source_id, name, folded) VALUES (?, ?, ?, ?)",
                (source, contact.source_id or f"#{index}", name, fold(name)),
            )
            rows += [(number.e164, cursor.lastrowid, number.kind[:40], number.e164[1:], rank)
                     for number in numbers]
            count += 1
        db.executemany("INSERT INTO numbers (e164, contact, kind, digits, rank)"
                       " VALUES (?, ?, ?, ?, ?)", rows)
        return count

    def forget_source(self, source: str) -> int:
        """Delete a source and its contacts; returns how many contacts went."""
        with self._connect() as db:
            count = db.execute("SELECT COUNT(*) FROM contacts WHERE source = ?",
                               (source,)).fetchone()[0]
            db.execute("DELETE FROM sources WHERE source = ?", (source,))
            return int(count)

    def clear(self) -> int:
        """Forget every contact (and compact the file so nothing lingers); returns how many."""
        with self._connect() as db:
            count = db.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]
            db.execute("DELETE FROM sources")
        self._db.compact()
        return int(count)

    # Reading -----------------------------------------------------------------------------------

    def lookup(self, e164: str) -> str | None:
        """The name of `e164` (OVHcloud phonebooks first, then imported files), or None."""
        with self._connect() as db:
            row = db.execute(
                "SELECT c.name FROM numbers n JOIN contacts c ON c.id = n.contact"
                " WHERE n.e164 = ? ORDER BY n.rank, c.id LIMIT 1", (e164,)).fetchone()
        return row[0] if row else None

    def names(self) -> dict[str, str]:
        """Every number → its name (the same choice as `lookup`), for look-ups in memory."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT n.e164, c.name FROM numbers n JOIN contacts c ON c.id = n.contact"
                " ORDER BY n.rank DESC, c.id DESC").fetchall()
        return dict(rows)  # later rows (better rank, older contact) win

    def search(self, text: str, region: str = "", limit: int = 20) -> list[Contact]:
        """Contacts whose name contains every word of `text` (accents and case ignored) or
        whose number contains its digits (as typed, or national digits of `region`), by name."""
        words = fold(text).split()
        clauses: list[str] = []
        params: list[str] = []
        if words and any(char not in _DIAL_CHARS for char in text):
            clauses.append(" AND ".join("c.folded LIKE ? ESCAPE '\\'" for _ in words))
            params += [f"%{_escape(word)}%" for word in words]
        for query in digit_queries(text, region):
            clauses.append("c.id IN (SELECT contact FROM numbers WHERE digits LIKE ?)")
            params.append(f"%{query}%")
        if not clauses:
            return []
        with self._connect() as db:
            rows = db.execute(
                "SELECT c.id, c.source, c.source_id, c.name FROM contacts c"
                f" WHERE {' OR '.join(f'({clause})' for clause in clauses)}"
                " ORDER BY c.folded, c.id LIMIT ?", (*params, limit)).fetchall()
            return self._with_numbers(db, rows)

    def all(self, source: str | None = None) -> list[Contact]:
        """Every contact (of one source), by name."""
        where, params = ("WHERE c.source = ?", (source,)) if source else ("", ())
        with self._connect() as db:
            rows = db.execute(f"SELECT c.id, c.source, c.source_id, c.name FROM contacts c"
                              f" {where} ORDER BY c.folded, c.id", params).fetchall()
            return self._with_numbers(db, rows)

    @staticmethod
    def _with_numbers(db: sqlite3.Connection, rows: list[tuple]) -> list[Contact]:
        numbers: dict[int, list[ContactNumber]] = {row[0]: [] for row in rows}
        for start in range(0, len(rows), 500):
            ids = [row[0] for row in rows[start:start + 500]]
            marks = ",".join("?" * len(ids))
            for contact, e164, kind in db.execute(
                    f"SELECT contact, e164, kind FROM numbers WHERE contact IN ({marks})"
                    " ORDER BY rowid", ids):
                numbers[contact].append(ContactNumber(e164, kind))
        return [Contact(name, tuple(numbers[cid]), source_id, source, cid)
                for cid, source, source_id, name in rows]

    def source_ids(self, source: str) -> set[str]:
        with self._connect() as db:
            return {row[0] for row in db.execute(
                "SELECT source_id FROM contacts WHERE source = ?", (source,))}

    def source_state(self, source: str) -> str | None:
        """What a sync left for its next run (None: the source was never stored)."""
        with self._connect() as db:
            row = db.execute("SELECT state FROM sources WHERE source = ?", (source,)).fetchone()
        return row[0] if row else None

    def sources(self) -> list[SourceInfo]:
        """What is cached, per source (for the Privacy page and `contacts list`)."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT s.source, s.label, s.updated, COUNT(c.id) FROM sources s"
                " LEFT JOIN contacts c ON c.source = s.source GROUP BY s.source"
                " ORDER BY s.source").fetchall()
        return [SourceInfo(*row) for row in rows]

    def count(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM contacts").fetchone()[0])


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
