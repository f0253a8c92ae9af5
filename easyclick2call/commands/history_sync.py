"""`easyclick2call history sync`: read the line's OVHcloud call records into the profile.

`register_sync(actions)` adds `sync` to a `history` group's sub-commands (the one of
commands/history.py when it exists); `register(subparsers)` makes a `history` group with `sync`
alone otherwise. Records since the history's retention (90 days by default; `--days`) are read;
those already stored are not read again.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta, timezone

from easyclick2call.commands.api import (
    _common,
    _emit,
    _pick_billing_account,
    _pick_line,
    _run,
    _telephony,
    load_config,
)
from easyclick2call.commands.exit_codes import EXIT_OK
from easyclick2call.commands.translation import translate

DEFAULT_DAYS = 90


def _retention_days(profile) -> int:
    """The history retention setting of `profile` (0: keep all), or the default."""
    from easyclick2call.core.settings import Settings
    from easyclick2call.ui.qsettings_store import QSettingsStore

    if profile is None or (profile.is_custom and not profile.settings_file.exists()):
        return DEFAULT_DAYS
    return int(Settings(QSettingsStore(profile)).get("history_retention_days"))


def cmd_sync(args: argparse.Namespace) -> int:
    from easyclick2call.core.call_records import RecordStore
    from easyclick2call.ovhapi.client import make_client
    from easyclick2call.ovhapi.records import sync_records

    config = load_config(args)
    telephony = _telephony(config)
    billing_account = _pick_billing_account(config, telephony)
    line = _pick_line(config, telephony, billing_account)
    days = args.days if args.days is not None else _retention_days(config.profile)
    since = datetime.now(timezone.utc) - timedelta(days=days) if days > 0 else None
    store = RecordStore(config.profile.records_db)
    report = sync_records(make_client(config.identity()), store, billing_account, line,
                          config.region, since=since)
    if days > 0:
        store.prune(days)
    _emit(args, {"billing_account": billing_account, "line": line, "read": report.read,
                 "records": report.stored},
          translate(
              "Cli",
              "{read} new call records from OVHcloud ({stored} in all).").format(
              read=report.read, stored=report.stored))
    return EXIT_OK


def register_sync(actions: argparse._SubParsersAction) -> None:
    """Add `sync` to the sub-commands of a `history` group."""
    sync = actions.add_parser(
        "sync", parents=[_common()], help="read the line's call records from OVHcloud",
        description="Read OVHcloud's records of the line's calls (desk phone included: real "
        "duration, destination, price) into the history.")
    sync.add_argument("--days", type=int, default=None,
                      help="records of the last DAYS days (default: the history retention)")
    sync.set_defaults(handler=_run(cmd_sync))
