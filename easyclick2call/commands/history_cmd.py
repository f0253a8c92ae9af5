"""`easyclick2call history`: the call history of a profile, as a table, JSON or a CSV file.

`history [--json] [--limit N]` lists calls newest first; `history export FILE.csv` writes every
call to a spreadsheet-friendly CSV file (UTF-8 with a byte-order mark so that spreadsheets pick
the encoding, a header row, comma-separated, CRLF line ends). The app's calls are merged with
OVHcloud's call records (`history sync`) and named from the contacts. Each call has: `id`, `at`
(ISO 8601 in local time with its UTC offset), `number` (E.164), `display`, `name`, `line`,
`direction` (outgoing, incoming), `outcome` (placed, failed, uncertain, blocked; once the line's
events or OVHcloud's record say how it ended: answered, no_answer, missed), `duration_s`,
`source` (popup, dialog, redial, tray, link, handover, cli…, "line" for a call seen on the line's
events, "ovh" for an OVHcloud record), `app_source` (the app's source of a call merged with its
record), `error_kind`, `price` and `currency` (without tax), `destination_type`,
`hangup_nature`, `merged`, `demo`.
Reading never creates a history file; a damaged one is kept aside (core.history).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from easyclick2call.commands.exit_codes import EXIT_OK, EXIT_USAGE
from easyclick2call.commands.translation import translate
from easyclick2call.core.i18n_marks import QT_TRANSLATE_NOOP

PROG = "easyclick2call"
FIELDS = ("id", "at", "number", "display", "name", "line", "direction", "outcome", "duration_s",
          "source", "app_source", "error_kind", "price", "currency", "destination_type",
          "hangup_nature", "merged", "demo")
OUTCOME_WORDS = {  # outcome -> English (French: the catalogue's context "Cli")
    "placed": QT_TRANSLATE_NOOP("Cli", "placed"),
    "failed": QT_TRANSLATE_NOOP("Cli", "failed"),
    "uncertain": QT_TRANSLATE_NOOP("Cli", "may have been placed"),
    "blocked": QT_TRANSLATE_NOOP("Cli", "blocked"),
    "received": QT_TRANSLATE_NOOP("Cli", "received"),
    "answered": QT_TRANSLATE_NOOP("Cli", "answered"),
    "no_answer": QT_TRANSLATE_NOOP("Cli", "no answer"),
    "missed": QT_TRANSLATE_NOOP("Cli", "missed"),
}


def _records(args: argparse.Namespace) -> list:
    """The profile's calls, merged with OVHcloud's call records and named from the contacts
    (core.call_log), newest first; nothing is created when there is no file yet."""
    from easyclick2call.core.call_log import load_entries
    from easyclick2call.core.paths import resolve_profile
    from easyclick2call.core.settings import system_region

    profile = resolve_profile(getattr(args, "profile", None))
    return load_entries(profile, system_region(), getattr(args, "limit", None))


def entry(record) -> dict:
    """One call as the JSON and CSV fields (core.call_log.LogEntry.as_json)."""
    return record.as_json()


def outcome_words(record) -> str:
    outcome = record.outcome
    words = translate("Cli", OUTCOME_WORDS[outcome]) if outcome in OUTCOME_WORDS else outcome
    if record.duration:
        words += f" {record.duration // 60}:{record.duration % 60:02d}"
    if record.error_kind:
        words += f" ({record.error_kind.replace('_', ' ')})"
    return words + (" (demo)" if record.demo else "")


def table(records: list) -> str:
    """The calls as a readable, aligned table."""
    header = (translate("Cli", "When"), translate("Cli", "Number"), translate("Cli", "Line"),
              translate("Cli", "Outcome"), translate("Cli", "Source"))
    rows = [header] + [
        (datetime.fromisoformat(record.at).astimezone().strftime("%Y-%m-%d %H:%M"),
         f"{record.name} — {record.display}" if record.name else record.display,
         record.line or "-", outcome_words(record), record.source or "-")
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
        print(translate("Cli", "No calls in the history."))
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
        print(f"{PROG}: " + translate("Cli", "cannot write {target}: {reason}.").format(
            target=target, reason=reason), file=sys.stderr)
        return EXIT_USAGE
    message = translate("Cli", "{count} call(s) exported to {target}").format(
        count=len(records), target=target)
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
               "(E.164), display, name, line, direction, outcome (placed, failed, uncertain, "
               "blocked, answered, no_answer, missed), duration_s, source (popup, cli… or ovh "
               "for OVHcloud's records), app_source, error_kind, price, currency, "
               "destination_type, hangup_nature, merged, demo. "
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
    from easyclick2call.commands.history_sync import register_sync

    register_sync(actions)
