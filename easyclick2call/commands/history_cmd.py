"""`easyclick2call history`: the call history of a profile, as a table, JSON or a CSV file.

`history [--json] [--limit N]` lists calls newest first; `history export FILE.csv` writes every
call to a spreadsheet-friendly CSV file (UTF-8 with a byte-order mark so that spreadsheets pick
the encoding, a header row, comma-separated, CRLF line ends). Each call has: `id`, `at` (ISO 8601
in local time with its UTC offset), `number` (E.164), `display`, `line`, `direction` (outgoing,
incoming), `outcome` (placed, failed, uncertain, blocked; once the line's live events said how a
call ended: answered, no_answer, missed), `duration_s`, `source` (popup, dialog, redial, link,
cli…) and `error_kind`.
Reading never creates a history file; a damaged one is kept aside (core.history).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from pathlib import Path

from easyclick2call.cli import EXIT_OK, EXIT_USAGE

PROG = "easyclick2call"
FIELDS = ("id", "at", "number", "display", "line", "direction", "outcome", "duration_s",
          "source", "error_kind")
OUTCOME_WORDS = {  # outcome -> (English, French)
    "placed": ("placed", "passé"),
    "failed": ("failed", "échoué"),
    "uncertain": ("may have been placed", "peut-être passé"),
    "blocked": ("blocked", "bloqué"),
    "received": ("received", "reçu"),
    "answered": ("answered", "abouti"),
    "no_answer": ("no answer", "sans réponse"),
    "missed": ("missed", "manqué"),
}


def _french() -> bool:
    from easyclick2call.commands.api import cli_language

    return cli_language() == "fr"


def _records(args: argparse.Namespace) -> list:
    """The profile's calls, newest first (no file yet: none, and none is created)."""
    from easyclick2call.core.history import History
    from easyclick2call.core.paths import resolve_profile

    path = resolve_profile(getattr(args, "profile", None)).history_db
    if not path.exists():
        return []
    return History(path).all(limit=getattr(args, "limit", None))


def entry(record) -> dict:
    """One call as the JSON and CSV fields."""
    return {
        "id": record.id,
        "at": record.when.astimezone().isoformat(),
        "number": record.number_e164,
        "display": record.display,
        "line": record.line,
        "direction": record.direction,
        "outcome": record.shown_outcome,
        "duration_s": record.duration_s,
        "source": record.source,
        "error_kind": record.error_kind,
    }


def outcome_words(record) -> str:
    outcome = record.shown_outcome
    words = OUTCOME_WORDS.get(outcome, (outcome, outcome))[_french()]
    if record.duration_s:
        words += f" {record.duration_s // 60}:{record.duration_s % 60:02d}"
    if record.error_kind:
        words += f" ({record.error_kind.replace('_', ' ')})"
    return words + (" (demo)" if record.demo else "")


def table(records: list) -> str:
    """The calls as a readable, aligned table."""
    french = _french()
    header = (("Quand", "Numéro", "Ligne", "Résultat", "Origine") if french
              else ("When", "Number", "Line", "Outcome", "Source"))
    rows = [header] + [
        (record.when.astimezone().strftime("%Y-%m-%d %H:%M"), record.display, record.line or "-",
         outcome_words(record), record.source or "-")
        for record in records
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        lines.append("  ".join([*cells, row[-1]]))
    return "\n".join(lines)


def cmd_history(args: argparse.Namespace) -> int:
    records = _records(args)
    if args.json:
        print(json.dumps({"ok": True, "calls": [entry(r) for r in records]}, ensure_ascii=False))
    elif not records:
        print("Aucun appel dans l'historique." if _french() else "No calls in the history.")
    else:
        print(table(records))
    return EXIT_OK


def write_csv(records: list, target: Path) -> None:
    """Write `records` to `target` as CSV, atomically (a reader never sees half a file),
    readable by the user only like the history itself."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(entry(record) for record in records)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cmd_export(args: argparse.Namespace) -> int:
    target = Path(args.file)
    records = _records(args)
    try:
        write_csv(records, target)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        print(f"{PROG}: " + (f"impossible d'écrire {target} : {reason}." if _french()
                             else f"cannot write {target}: {reason}."), file=sys.stderr)
        return EXIT_USAGE
    message = (f"{len(records)} appel(s) exporté(s) dans {target}" if _french()
               else f"{len(records)} call(s) exported to {target}")
    print(message)
    return EXIT_OK


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more (got {text!r})")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `history` and `history export`."""
    profile = argparse.ArgumentParser(add_help=False)
    profile.add_argument(
        "--profile", metavar="DIR", default=argparse.SUPPRESS,
        help="the profile whose history to read (default: $EASYCLICK2CALL_PROFILE, else the "
             "usual folders of your OS)",
    )
    parser = subparsers.add_parser(
        "history", parents=[profile], help="list or export the calls made",
        description="The calls made from this profile, newest first.",
        epilog="JSON and CSV fields: id, at (ISO 8601, local time with its offset), number "
               "(E.164), display, line, direction, outcome (placed, failed, uncertain, "
               "blocked, answered, no_answer, missed), duration_s, source, error_kind. "
               "Exit codes: 0 done, 2 usage or FILE not writable.",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--limit", type=_positive, metavar="N", help="only the N latest calls")
    parser.set_defaults(handler=cmd_history)
    actions = parser.add_subparsers(dest="history_command", metavar="ACTION")
    export = actions.add_parser(
        "export", parents=[profile], help="write the calls to a CSV file for a spreadsheet",
        description="Write every call to FILE as CSV (UTF-8, header row), newest first.",
    )
    export.add_argument("file", metavar="FILE.csv")
    export.set_defaults(handler=cmd_export)
