"""`easyclick2call connect`: authorise this API application on the OVHcloud account."""

from __future__ import annotations

import argparse
import sys

from easyclick2call.commands.api import (
    _EPILOG,
    CliConfig,
    CliError,
    _common,
    _emit,
    _run,
    load_config,
)
from easyclick2call.commands.exit_codes import (
    EXIT_OK,
    EXIT_USAGE,
)
from easyclick2call.commands.translation import cli_text, translate


def cmd_connect(args: argparse.Namespace) -> int:
    from easyclick2call.commands.connect_flow import grant_consumer_key

    config = load_config(args)
    if config.auth_mode != "application":
        raise CliError(
            EXIT_USAGE,
            "usage",
            translate(
                "Cli",
                "connect is for API applications; an OAuth2 service account needs no "
                "connection."),
        )
    identity = config.identity()  # its consumer key, if any, is replaced by the new one
    progress = sys.stderr if args.json else sys.stdout

    def announce(url: str) -> None:
        print(translate(
            "Cli",
            "Open this page and accept the access request: {url}").format(url=url),
              file=progress, flush=True)

    def no_browser() -> None:
        print(translate("Cli", "(No browser could be opened: copy the address above into one.)"),
              file=progress, flush=True)

    consumer_key = grant_consumer_key(
        identity, announce=announce, open_browser=not args.no_browser, on_no_browser=no_browser,
        timeout=args.timeout, poll_interval=args.poll_interval, redirect_url=args.redirect_url)
    stored = _store_consumer_key(config, consumer_key) if not args.no_store else False
    payload: dict[str, object] = {"stored": stored}
    if stored:
        human = translate("Cli", "Connected: the new access key is saved in the keyring.")
    else:
        payload["consumer_key"] = consumer_key
        human = translate(
            "Cli",
            "Connected. Keep this access key: OVH_CONSUMER_KEY={consumer_key}").format(
            consumer_key=consumer_key)
    _emit(args, payload, human)
    return EXIT_OK


def _store_consumer_key(config: CliConfig, consumer_key: str) -> bool:
    """Save the key in the profile's keyring when the profile's account is this application."""
    if config.profile is None or not config.stored_application_key:
        return False
    if config.stored_application_key != config.values.get("application_key"):
        return False
    from easyclick2call.core.secrets import SecretsError, SecretStore

    try:
        SecretStore(config.profile.keyring_service).set("consumer_key", consumer_key)
    except SecretsError as exc:
        print(f"easyclick2call: {cli_text(exc)}", file=sys.stderr)
        return False
    return True


# --- argparse --------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `connect`."""
    connect = subparsers.add_parser(
        "connect",
        parents=[_common(with_line=False)],
        help="authorise this API application on your OVHcloud account",
        description=(
            "Request an access key (consumer key) limited to the routes EasyClick2Call uses, "
            "open OVHcloud's page to accept it, wait, then save it in the profile's keyring "
            "(or print it when the application key does not come from the profile)."
        ),
        epilog=_EPILOG,
    )
    connect.add_argument(
        "--no-browser", action="store_true", help="only print the page's address"
    )
    connect.add_argument(
        "--no-store", action="store_true", help="print the key instead of saving it"
    )
    connect.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="how long to wait for the acceptance (default 600)",
    )
    connect.add_argument(
        "--poll-interval",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="how often to ask whether it was accepted (default 2)",
    )
    connect.add_argument("--redirect-url", metavar="URL", help=argparse.SUPPRESS)
    connect.set_defaults(handler=_run(cmd_connect))
