"""`easyclick2call config …`: the settings and secrets of a profile, headless.

show [--json]       every setting, and whether each secret is set (masked, never in clear)
set KEY VALUE       a validated setting (exit 2 with one clear line when the value is bad)
unset KEY           back to the default (for a secret name: removes it from the keyring)
set-secret NAME     a secret into the keyring, read from stdin or a hidden prompt, never argv
connect             the consumer-key flow: validation page in the browser, wait, store the key

Secrets only ever go to the OS keyring; with no usable keyring, a command that needs it prints
one line saying how to fix it and exits 4.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from typing import TYPE_CHECKING

from easyclick2call.commands.exit_codes import (
    EXIT_AUTH,
    EXIT_CANCELLED,
    EXIT_OK,
    EXIT_USAGE,
    exit_code_for,
)
from easyclick2call.core.paths import Profile, resolve_profile
from easyclick2call.core.secrets import SECRET_NAMES, SecretsError, SecretStore
from easyclick2call.core.settings import SETTINGS, Settings

if TYPE_CHECKING:
    pass

PROG = "easyclick2call config"
MASK = "••••"
REVEALED_TAIL = 4  # characters of a long secret shown at the end of its mask
MIN_LENGTH_TO_REVEAL = 16


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `config` sub-command and its own sub-commands."""
    profile_parent = argparse.ArgumentParser(add_help=False)
    profile_parent.add_argument(
        "--profile", metavar="DIR", default=argparse.SUPPRESS,
        help="keep settings, history and logs in DIR (default: $EASYCLICK2CALL_PROFILE, "
             "else the usual folders of your OS)",
    )
    parser = subparsers.add_parser(
        "config", parents=[profile_parent], help="show or change settings and secrets",
        description="Show or change the settings of a profile; secrets go to the OS keyring.",
    )
    parser.set_defaults(handler=_usage(parser))
    commands = parser.add_subparsers(dest="config_command", metavar="ACTION")

    show = commands.add_parser(
        "show", parents=[profile_parent],
        help="the files, and every setting in effect with where it comes from; secrets masked")
    show.add_argument("--json", action="store_true", help="one JSON object on stdout")
    show.set_defaults(handler=run_show)

    keys = ", ".join(item.key for item in SETTINGS)
    set_cmd = commands.add_parser(
        "set", parents=[profile_parent], help="change a setting",
        description=f"Change a setting. Keys: {keys}. Lists are comma-separated; booleans are "
                    f"true/false. Secrets are set with set-secret.",
    )
    set_cmd.add_argument("key")
    set_cmd.add_argument("value")
    set_cmd.set_defaults(handler=run_set)

    unset = commands.add_parser("unset", parents=[profile_parent],
                                help="back to the default (or remove a secret)")
    unset.add_argument("key")
    unset.set_defaults(handler=run_unset)

    secret = commands.add_parser(
        "set-secret", parents=[profile_parent], help="store a secret in the OS keyring",
        description="Store a secret in the OS keyring. The value is read from standard input "
                    "when it is not a terminal, else from a hidden prompt; never from the "
                    "command line.",
    )
    secret.add_argument("name", choices=SECRET_NAMES)
    secret.set_defaults(handler=run_set_secret)

    connect = commands.add_parser(
        "connect", parents=[profile_parent],
        help="connect the API application: validate a consumer key in the browser",
        description="Request a consumer key limited to the routes EasyClick2Call uses, open "
                    "OVHcloud's validation page, wait until you validate it, then keep the key "
                    "in the OS keyring. Needs endpoint, application_key and application_secret.",
    )
    connect.add_argument("--no-browser", action="store_true",
                         help="only print the validation page's address")
    connect.add_argument("--json", action="store_true",
                         help="print the validation address as a JSON line first")
    connect.add_argument("--timeout", type=float, default=600.0, metavar="SECONDS",
                         help="how long to wait for the validation (default 600)")
    connect.add_argument("--poll-interval", type=float, default=2.0, metavar="SECONDS",
                         help=argparse.SUPPRESS)
    connect.set_defaults(handler=run_connect)


def _usage(parser: argparse.ArgumentParser):
    def handler(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    return handler


# Helpers ------------------------------------------------------------------------------------


def _fail(message: str, code: int) -> int:
    """One line on stderr, then the exit code."""
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return code


def _quiet_library_logging() -> None:
    """No logging set up (a headless command): keep Python's last-resort handler from adding
    stray lines to stderr; what matters is printed by the commands themselves."""
    package = logging.getLogger("easyclick2call")
    if not logging.getLogger().handlers and not package.handlers:
        package.addHandler(logging.NullHandler())
        package.propagate = False


def _profile(args: argparse.Namespace) -> Profile:
    _quiet_library_logging()
    return resolve_profile(getattr(args, "profile", None))


def _settings(profile: Profile) -> Settings:
    from easyclick2call.ui.qsettings_store import QSettingsStore

    settings = Settings(QSettingsStore(profile))
    for warning in settings.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    return settings


def mask_secret(value: str) -> str:
    """"not set", or "set (••••1234)" — the last characters only for long secrets."""
    if not value:
        return "not set"
    if len(value) >= MIN_LENGTH_TO_REVEAL:
        return f"set ({MASK}{value[-REVEALED_TAIL:]})"
    return f"set ({MASK})"


def _format_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(item) for item in value) or "(none)"
    return str(value) if value != "" else "(empty)"


# Commands -----------------------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    from easyclick2call.commands.config_show import run_show as show

    profile = _profile(args)
    settings = _settings(profile)
    return show(args, profile, settings, settings_file=_settings_file(profile), mask=mask_secret,
                format_value=_format_value)


def _settings_file(profile: Profile) -> str:
    """Where the settings really are (the QSettings file, or a registry key on Windows)."""
    from easyclick2call.ui.qsettings_store import QSettingsStore

    return QSettingsStore(profile).file_name


def run_set(args: argparse.Namespace) -> int:
    profile = _profile(args)
    if args.key in SECRET_NAMES:
        return _fail(
            f"{args.key} is a secret: use '{PROG} set-secret {args.key}' (it reads the value "
            f"from standard input or a hidden prompt).", EXIT_USAGE)
    settings = _settings(profile)
    try:
        value = settings.set_text(args.key, args.value)
    except ValueError as exc:
        return _fail(str(exc), EXIT_USAGE)
    settings.sync()
    print(f"{args.key} = {_format_value(value)}")
    return EXIT_OK


def run_unset(args: argparse.Namespace) -> int:
    profile = _profile(args)
    if args.key in SECRET_NAMES:
        try:
            SecretStore(profile.keyring_service).delete(args.key)
        except SecretsError as exc:
            return _fail(str(exc), EXIT_AUTH)
        print(f"{args.key} removed from the keyring")
        return EXIT_OK
    settings = _settings(profile)
    try:
        settings.reset(args.key)
    except ValueError as exc:
        return _fail(str(exc), EXIT_USAGE)
    settings.sync()
    print(f"{args.key} = {_format_value(settings.get(args.key))} (default)")
    return EXIT_OK


def _read_secret(name: str) -> str | None:
    """The value from stdin (not a terminal) or typed twice at a hidden prompt; None on
    mismatch or interruption."""
    if not sys.stdin.isatty():
        return sys.stdin.read().strip()
    try:
        first = getpass.getpass(f"{name}: ")
        second = getpass.getpass(f"{name} (again): ")
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        return None
    if first != second:
        print(f"{PROG}: the two values differ; nothing was stored.", file=sys.stderr)
        return None
    return first.strip()


def run_set_secret(args: argparse.Namespace) -> int:
    profile = _profile(args)
    store = SecretStore(profile.keyring_service)
    try:
        store.get(args.name)  # fail before asking for the value when there is no keyring
    except SecretsError as exc:
        return _fail(str(exc), EXIT_AUTH)
    value = _read_secret(args.name)
    if value is None:
        return EXIT_USAGE
    if not value:
        return _fail(f"no value was given for {args.name}; nothing was stored (use "
                     f"'{PROG} unset {args.name}' to remove it).", EXIT_USAGE)
    try:
        store.set(args.name, value)
    except SecretsError as exc:
        return _fail(str(exc), EXIT_AUTH)
    print(f"{args.name} stored in the keyring: {mask_secret(value)}")
    return EXIT_OK


def run_connect(args: argparse.Namespace) -> int:
    from easyclick2call.commands.connect_flow import grant_consumer_key
    from easyclick2call.core.account import account_from_settings
    from easyclick2call.ovhapi.client import ApiIdentity
    from easyclick2call.ovhapi.errors import ApiError

    profile = _profile(args)
    settings = _settings(profile)
    store = SecretStore(profile.keyring_service)
    account = account_from_settings(settings, store)
    if account.endpoint_error is not None:  # never another endpoint than the one chosen
        return _fail(str(account.endpoint_error), EXIT_AUTH)
    try:
        application_secret = account.application_secret
    except SecretsError as exc:
        return _fail(str(exc), EXIT_AUTH)
    missing = [name for name, value in (("application_key", account.application_key),
                                        ("application_secret", application_secret)) if not value]
    if missing:
        return _fail(
            f"set {' and '.join(missing)} first ('{PROG} set application_key KEY', "
            f"'{PROG} set-secret application_secret').", EXIT_USAGE)
    identity = ApiIdentity(endpoint=account.endpoint, application_key=account.application_key,
                           application_secret=application_secret)

    def announce(url: str) -> None:
        if args.json:
            print(json.dumps({"validation_url": url}), flush=True)
        print(f"Open this page, sign in and allow EasyClick2Call: {url}", flush=True)
        print("Waiting for the validation (Ctrl+C to cancel)…", flush=True)

    try:
        consumer_key = grant_consumer_key(
            identity, announce=announce, open_browser=not args.no_browser,
            on_no_browser=lambda: print(
                "(No browser could be opened: copy the address above into one.)", flush=True),
            timeout=args.timeout, poll_interval=args.poll_interval)
    except ApiError as exc:
        from easyclick2call.commands.cli_messages import cli_message
        from easyclick2call.commands.language import cli_language

        return _fail(cli_message(exc, cli_language()), exit_code_for(exc))
    except KeyboardInterrupt:
        return _fail("cancelled; nothing was stored.", EXIT_CANCELLED)
    try:
        store.set("consumer_key", consumer_key)
    except SecretsError as exc:
        return _fail(str(exc), EXIT_AUTH)
    print(f"Connected: the consumer key is stored in the keyring "
          f"({mask_secret(consumer_key)}).")
    return EXIT_OK
