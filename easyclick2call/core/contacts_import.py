"""Reading address-book exports: vCard files (any version, parsed by vobject) and CSV files.

CSV exports differ per program and language (Google, Outlook, Apple, Thunderbird, in English or
French…); rather than one table per program, the columns are recognised by their header: name
columns (display name, first/middle/last name, organisation) and phone columns (anything that
says phone, tel, mobile, cell, fax, pager…, or Google's "Phone 1 - Value"). Numbers are kept in
E.164 form; what cannot be read as a number is counted, never logged.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from easyclick2call.core.contacts import Contact, ContactNumber, clean_name, to_e164
from easyclick2call.core.i18n_marks import QT_TRANSLATE_NOOP, TranslatableError

MAX_FILE_BYTES = 64 * 1024 * 1024


class ContactImportError(TranslatableError, ValueError):
    """The file cannot be imported at all; the message says why, for the user."""

    context = "ContactImport"


@dataclass
class ImportResult:
    contacts: list[Contact] = field(default_factory=list)
    skipped_numbers: int = 0  # values that are not phone numbers
    skipped_entries: int = 0  # entries without a name or without a usable number
    format: str = ""  # "vcard" or "csv"


def read_file(path: Path | str, region: str) -> ImportResult:
    """The contacts of a vCard or CSV file; numbers without a country are read in `region`."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ContactImportError(QT_TRANSLATE_NOOP(
                "ContactImport", "{name} is larger than 64 MB: not an address book."),
                name=path.name)
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ContactImportError(
            QT_TRANSLATE_NOOP("ContactImport", "Cannot read {name}: {reason}."),
            name=path.name, reason=reason) from None
    text = decode(data)
    if re.search(r"^\s*BEGIN:VCARD", text, re.IGNORECASE | re.MULTILINE):
        return read_vcards(text, region)
    if path.suffix.lower() in (".vcf", ".vcard"):
        raise ContactImportError(
            QT_TRANSLATE_NOOP("ContactImport", "{name} holds no vCard (no BEGIN:VCARD line)."),
            name=path.name)
    return read_csv(text, region)


def decode(data: bytes) -> str:
    """Text of an export: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# vCard -----------------------------------------------------------------------------------------

_CARD = re.compile(r"^BEGIN:VCARD\s*$.*?^END:VCARD\s*$", re.IGNORECASE | re.MULTILINE | re.DOTALL)
_ALWAYS = frozenset(("BEGIN", "END", "VERSION", "TEL"))
_NAMES = ("FN", "N", "ORG")  # the first one a card has is the only one read
_PROPERTY = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")


def _needed_lines(card: str) -> str:
    """`card` with only the properties this module reads — BEGIN, VERSION, TEL, END and the
    first of FN, N, ORG it has — so that vobject parses only what is used (photos, addresses,
    notes… cost nothing). Folded lines (RFC 6350 §3.2) and quoted-printable soft line breaks
    (vCard 2.1) stay with their property."""
    blocks: list[tuple[str, list[str]]] = []
    soft_break = False
    for line in card.split("\n"):
        if blocks and (soft_break or line[:1] in (" ", "\t")):
            blocks[-1][1].append(line)
            soft_break = soft_break and line.endswith("=")
            continue
        match = _PROPERTY.match(line)
        blocks.append((match.group(1).upper() if match else "", [line]))
        head = line.split(":", 1)[0].upper()
        soft_break = "QUOTED-PRINTABLE" in head and line.endswith("=")
    present = {name for name, lines in blocks  # a name property with a value
               if "".join(lines).partition(":")[2].strip(" ;\t")}
    name_kind = next((kind for kind in _NAMES if kind in present), None)
    return "\n".join(line for name, lines in blocks
                     if name in _ALWAYS or name == name_kind for line in lines)


def read_vcards(text: str, region: str) -> ImportResult:
    """Every card of a vCard file; a card vobject cannot read is skipped, not fatal."""
    import vobject

    result = ImportResult(format="vcard")
    for index, match in enumerate(_CARD.finditer(text.replace("\r\n", "\n"))):
        try:
            card = vobject.readOne(_needed_lines(match.group(0)), ignoreUnreadable=True)
        except Exception:  # vobject raises several unrelated types on broken cards
            result.skipped_entries += 1
            continue
        _add(result, _card_name(card), _card_numbers(card, region, result), f"card-{index}")
    if not result.contacts and not result.skipped_entries and "BEGIN:VCARD" not in text.upper():
        raise ContactImportError(QT_TRANSLATE_NOOP("ContactImport", "This file holds no vCard."))
    return result


def _card_name(card) -> str:
    formatted = _value(card, "fn")
    if formatted:
        return formatted
    name = card.contents.get("n")
    if name:
        value = name[0].value
        parts = [getattr(value, part, "") for part in ("prefix", "given", "additional", "family")]
        joined = " ".join(_join(part) for part in parts if part)
        if joined.strip():
            return joined
    return _join(_value(card, "org"))


def _value(card, key: str):
    lines = card.contents.get(key)
    return lines[0].value if lines else ""


def _join(value) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(str(part) for part in value if part)
    return str(value or "")


def _card_numbers(card, region: str, result: ImportResult) -> list[ContactNumber]:
    numbers = []
    for line in card.contents.get("tel", []):
        e164 = to_e164(str(line.value), region)
        if e164 is None:
            result.skipped_numbers += 1
            continue
        params = [*line.params.get("TYPE", []), *line.singletonparams]  # 2.1: "TEL;CELL:…"
        types = [kind for param in params
                 for kind in param.lower().split(",") if kind not in ("voice", "pref")]
        numbers.append(ContactNumber(e164, ",".join(types)[:40]))
    return numbers


# CSV -------------------------------------------------------------------------------------------

_FULL_NAME = re.compile(r"^(display ?name|full ?name|name|nom|nom complet|nom à afficher"
                        r"|nom affiché|anzeigename|nombre)$", re.IGNORECASE)
_FIRST = re.compile(r"first ?name|given ?name|prénom|vorname", re.IGNORECASE)
_MIDDLE = re.compile(r"middle ?name|additional ?name|deuxième prénom", re.IGNORECASE)
_LAST = re.compile(r"last ?name|family ?name|surname|^nom$|nom de famille|nachname",
                   re.IGNORECASE)
_ORG = re.compile(r"^(company|organi[sz]ation(?: 1 - name| name)?|société|entreprise|firma)$",
                  re.IGNORECASE)
_PHONE = re.compile(r"phone|tél|tel\b|telephone|téléphone|mobile|cell|portable|fax|pager"
                    r"|numéro|telefon|handy|radiomessagerie", re.IGNORECASE)
_PREFIX = re.compile(r"^(title|name prefix|prefix|civilité|titre)$", re.IGNORECASE)
_IGNORED = re.compile(r"phonetic|yomi|nick|surnom|file as|job|screen|utilisateur", re.IGNORECASE)
_NOT_PHONE = re.compile(r"type|label|étiquette|e-?mail|courriel", re.IGNORECASE)


@dataclass(frozen=True)
class _Columns:
    full: list[int]
    prefix: list[int]
    first: list[int]
    middle: list[int]
    last: list[int]
    org: list[int]
    phones: list[tuple[int, str | int]]  # (column, kind or the column that holds the kind)


def _columns(header: list[str]) -> _Columns:
    found = _Columns([], [], [], [], [], [], [])
    for index, raw in enumerate(header):
        name = raw.strip()
        if _IGNORED.search(name):
            continue
        if _PHONE.search(name) and not _NOT_PHONE.search(name):
            label = _google_label(header, name)
            found.phones.append((index, label if label is not None else _kind(name)))
        elif _FULL_NAME.match(name) and not found.full:
            found.full.append(index)
        elif _PREFIX.match(name):
            found.prefix.append(index)
        elif _MIDDLE.search(name):
            found.middle.append(index)
        elif _FIRST.search(name) and not re.search("phon", name, re.IGNORECASE):
            found.first.append(index)
        elif _LAST.search(name):
            found.last.append(index)
        elif _ORG.match(name):
            found.org.append(index)
    if "nom" in [header[i].strip().lower() for i in found.full] and found.first:
        # French exports: "Nom" next to "Prénom" is the family name, not the full name
        found.last.extend(found.full)
        found.full.clear()
    return found


def _google_label(header: list[str], name: str) -> int | None:
    """Google's "Phone 1 - Value" column: the index of its "Phone 1 - Label" (or "- Type")."""
    match = re.fullmatch(r"(.+) - Value", name)
    if match is None:
        return None
    for suffix in (" - Label", " - Type"):
        if match.group(1) + suffix in header:
            return header.index(match.group(1) + suffix)
    return None


def _kind(header: str) -> str:
    lowered = header.lower()
    for word, kind in (("fax", "fax"), ("pager", "pager"), ("mobile", "mobile"),
                       ("cell", "mobile"), ("portable", "mobile"), ("home", "home"),
                       ("personnel", "home"), ("domicile", "home"), ("work", "work"),
                       ("business", "work"), ("bureau", "work"), ("professionnel", "work")):
        if word in lowered:
            return kind
    return ""


def read_csv(text: str, region: str) -> ImportResult:
    """The contacts of a CSV export with a header row (comma, semicolon or tab separated)."""
    rows = _rows(text)
    header = next(rows, None)
    if header is None:
        raise ContactImportError(QT_TRANSLATE_NOOP("ContactImport", "This file is empty."))
    columns = _columns(header)
    if not columns.phones:
        raise ContactImportError(QT_TRANSLATE_NOOP(
            "ContactImport",
            "This file has no phone number column: it is not an address book export (vCard, "
            "or CSV with a header row)."))
    result = ImportResult(format="csv")
    for index, row in enumerate(rows):
        if not any(cell.strip() for cell in row):
            continue
        numbers = []
        for column, kind_or_column in columns.phones:
            kind = (_cell(row, kind_or_column).lstrip("* ").lower()[:40]
                    if isinstance(kind_or_column, int) else kind_or_column)
            for value in _split(_cell(row, column)):
                e164 = to_e164(value, region)
                if e164 is None:
                    result.skipped_numbers += 1
                elif e164 not in [number.e164 for number in numbers]:
                    numbers.append(ContactNumber(e164, kind))
        _add(result, _row_name(row, columns), numbers, f"row-{index + 1}")
    return result


def _rows(text: str) -> Iterator[list[str]]:
    sample = text[:8192]
    first_line = sample.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _split(value: str) -> list[str]:
    """Google joins several values of one field with " ::: "."""
    return [part for part in (piece.strip() for piece in value.split(":::")) if part]


def _row_name(row: list[str], columns: _Columns) -> str:
    for index in columns.full:
        if _cell(row, index):
            return _cell(row, index)
    parts = [_cell(row, i) for i in (*columns.first, *columns.middle, *columns.last)]
    if any(parts):
        parts = [_cell(row, i) for i in columns.prefix] + parts
    name = " ".join(part for part in parts if part)
    return name or " ".join(_cell(row, i) for i in columns.org if _cell(row, i))


def _add(result: ImportResult, name: str, numbers: list[ContactNumber], source_id: str) -> None:
    name = clean_name(name)
    if not name or not numbers:
        result.skipped_entries += 1
        return
    result.contacts.append(Contact(name, tuple(numbers), source_id))
