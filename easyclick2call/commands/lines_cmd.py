"""`easyclick2call lines`: the account's telephony lines."""

from __future__ import annotations

import argparse
import json

from easyclick2call.commands.api import (
    _EPILOG,
    _common,
    _run,
    _telephony,
    load_config,
)
from easyclick2call.commands.exit_codes import (
    EXIT_OK,
)
from easyclick2call.commands.translation import translate


def cmd_lines(args: argparse.Namespace) -> int:
    config = load_config(args)
    telephony = _telephony(config)
    accounts = [config.billing_account] if config.billing_account else (
        telephony.billing_accounts()
    )
    found = []
    for account in accounts:
        for line in telephony.lines(account):
            found.append(
                {
                    "billing_account": account,
                    "service_name": line.service_name,
                    "description": line.description,
                }
            )
    if args.json:
        print(json.dumps({"ok": True, "lines": found}, ensure_ascii=False))
    elif not found:
        print(translate("Cli", "No line found."))
    else:
        for entry in found:
            text = f"{entry['billing_account']}  {entry['service_name']}"
            print(f"{text}  {entry['description']}".rstrip())
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `lines`."""
    lines = subparsers.add_parser(
        "lines",
        parents=[_common(with_line=False)],
        help="list the account's telephony lines",
        description="List the lines of the billing account (or of every billing account).",
        epilog=_EPILOG,
    )
    lines.add_argument(
        "--billing-account", metavar="BA", help="only this billing account"
    )
    lines.set_defaults(handler=_run(cmd_lines))
