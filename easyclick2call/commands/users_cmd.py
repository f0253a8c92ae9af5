"""`easyclick2call users list | add | passwd | rm`: the line's Click2Call users."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from easyclick2call.commands.api import (
    _EPILOG,
    CliConfig,
    CliError,
    _common,
    _emit,
    _from_api_error,
    _pick_billing_account,
    _pick_line,
    _run,
    _telephony,
    _usage,
    load_config,
)
from easyclick2call.commands.exit_codes import (
    EXIT_OK,
    EXIT_USAGE,
)
from easyclick2call.commands.translation import cli_translate, translate


def _line_target(args: argparse.Namespace, config: CliConfig | None = None):
    config = config or load_config(args)
    telephony = _telephony(config)
    billing_account = _pick_billing_account(config, telephony)
    line = _pick_line(config, telephony, billing_account)
    return telephony, billing_account, line


def cmd_users_list(args: argparse.Namespace) -> int:
    telephony, billing_account, line = _line_target(args)
    users = telephony.click2call_users(billing_account, line)
    if args.json:
        print(
            json.dumps(
                {
                    "ok": True,
                    "billing_account": billing_account,
                    "line": line,
                    "users": [
                        {
                            "id": user.id,
                            "login": user.login,
                            "created": user.created.isoformat() if user.created else None,
                        }
                        for user in users
                    ],
                },
                ensure_ascii=False,
            )
        )
    elif not users:
        print(translate("Cli", "No Click2Call user on line {line}.").format(line=line))
    else:
        for user in users:
            created = user.created.date().isoformat() if user.created else ""
            print(f"{user.id}  {user.login}  {created}".rstrip())
    return EXIT_OK


def read_password(confirm: bool) -> str:
    """The new password: a hidden prompt on a terminal (asked twice), else one stdin line."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(translate("Cli", "New password: "))
    if confirm:
        again = getpass.getpass(translate("Cli", "Password again: "))
        if again != first:
            raise CliError(
                EXIT_USAGE,
                "password_mismatch",
                translate("Cli", "The two passwords differ."),
            )
    return first


def _account_or_fail(args: argparse.Namespace) -> CliConfig:
    """The configuration, once it is known to name an account (ApiError otherwise)."""
    from easyclick2call.ovhapi.client import check_identity

    config = load_config(args)
    check_identity(config.identity())
    return config


def _password_or_fail() -> str:
    from easyclick2call.ovhapi.telephony import check_password

    password = read_password(confirm=True)
    problems = check_password(password, cli_translate)
    if problems:
        from easyclick2call.ovhapi.errors import ApiError

        raise _from_api_error(ApiError.of("invalid_password", detail="; ".join(problems)))
    return password


def cmd_users_add(args: argparse.Namespace) -> int:
    from easyclick2call.ovhapi.errors import ApiError
    from easyclick2call.ovhapi.telephony import check_login

    problems = check_login(args.login, cli_translate)
    if problems:
        raise _from_api_error(ApiError.of("invalid_login", detail="; ".join(problems)))
    config = _account_or_fail(args)  # no password asked for an account that is not there
    password = _password_or_fail()
    telephony, billing_account, line = _line_target(args, config)
    user_id = telephony.create_user(billing_account, line, args.login, password)
    _emit(
        args,
        {"id": user_id, "login": args.login, "billing_account": billing_account, "line": line},
        translate(
            "Cli",
            "Click2Call user {login} created on line {line} (id {user_id}).").format(
            login=args.login, line=line, user_id=user_id),
    )
    return EXIT_OK


def cmd_users_passwd(args: argparse.Namespace) -> int:
    config = _account_or_fail(args)
    password = _password_or_fail()
    telephony, billing_account, line = _line_target(args, config)
    telephony.change_password(billing_account, line, args.id, password)
    _emit(
        args,
        {"id": args.id, "billing_account": billing_account, "line": line},
        translate("Cli", "Password of Click2Call user {id} changed.").format(id=args.id),
    )
    return EXIT_OK


def cmd_users_rm(args: argparse.Namespace) -> int:
    telephony, billing_account, line = _line_target(args)
    telephony.delete_user(billing_account, line, args.id)
    _emit(
        args,
        {"id": args.id, "billing_account": billing_account, "line": line},
        translate("Cli", "Click2Call user {id} deleted.").format(id=args.id),
    )
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `users`."""
    common = _common()

    users = subparsers.add_parser(
        "users",
        help="manage the line's Click2Call users",
        description=(
            "List, add, re-password or delete the Click2Call users of a line. Passwords are "
            "read from a hidden prompt, or from the first line of stdin when it is not a "
            "terminal; never from the command line."
        ),
        epilog=_EPILOG,
    )
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION")
    users.set_defaults(handler=lambda _args: _usage(users))
    users_list = users_sub.add_parser(
        "list", parents=[common], help="list the Click2Call users of the line"
    )
    users_list.set_defaults(handler=_run(cmd_users_list))
    users_add = users_sub.add_parser(
        "add",
        parents=[common],
        help="create a Click2Call user (password prompted)",
        description="Create a Click2Call user; the password (8-20 characters) is prompted.",
    )
    users_add.add_argument("login", metavar="LOGIN")
    users_add.set_defaults(handler=_run(cmd_users_add))
    users_passwd = users_sub.add_parser(
        "passwd",
        parents=[common],
        help="change a Click2Call user's password (prompted)",
        description="Change the password of Click2Call user ID; the new one is prompted.",
    )
    users_passwd.add_argument("id", metavar="ID", type=int)
    users_passwd.set_defaults(handler=_run(cmd_users_passwd))
    users_rm = users_sub.add_parser(
        "rm", parents=[common], help="delete a Click2Call user"
    )
    users_rm.add_argument("id", metavar="ID", type=int)
    users_rm.set_defaults(handler=_run(cmd_users_rm))
