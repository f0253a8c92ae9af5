"""`easyclick2call call`: place one call from the command line, through the same call gate as
the app (never an emergency number, a short code or a blocked prefix; a number abroad, or one
whose last call may have been placed, is asked about on a terminal and refused without one
unless --yes), and say truthfully what happened. The call goes to the profile's history too
(--no-history to skip).

Exit codes: 0 placed, 2 usage, 3 not called (not callable, blocked, not confirmed), 4 sign-in or
keyring, 5 network or server — also when the call *may* have been placed (the message says so).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta, timezone

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
    cli_language,
    load_config,
)
from easyclick2call.commands.exit_codes import (
    EXIT_CANCELLED,
    EXIT_NOT_CALLABLE,
    EXIT_OK,
    EXIT_USAGE,
)
from easyclick2call.commands.translation import cli_text, cli_translate, translate


def _to_stderr(text: str) -> None:
    print(text, file=sys.stderr)


def _ask_yes(question: str) -> bool:
    """Ask on the terminal; anything but yes is no."""
    print(question + " " + translate("Cli", "[y/N] "), end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline()
    except (OSError, KeyboardInterrupt):
        return False
    return answer.strip().lower() in ("y", "yes", "o", "oui")


def _uncertain_numbers(config: CliConfig) -> frozenset[str]:
    """Numbers whose last call, recorded in the profile's history lately, may have been
    placed (the app asks before calling them again, and so does the CLI)."""
    from easyclick2call.ovhapi.dialing import UNCERTAIN, UNCERTAIN_MEMORY_S

    history = _history(config)
    if history is None or not history.path.exists():
        return frozenset()
    since = datetime.now(timezone.utc) - timedelta(seconds=UNCERTAIN_MEMORY_S)
    try:
        records = history.recent(20)
    except Exception:  # an unreadable history must not stop a call
        return frozenset()
    return frozenset(r.number_e164 for r in records
                     if getattr(r, "outcome", "") == UNCERTAIN and r.when >= since)


def _history(config: CliConfig):
    from easyclick2call.core.history import History

    profile = config.profile
    if profile is None:
        return None
    return History(profile.data_dir / "history.sqlite3")


def _gate(args: argparse.Namespace, config: CliConfig, number):
    """The call gate's verdict, with the terminal's answers to its questions; raises CliError
    when the number is not to be called."""
    from easyclick2call.core.call_gate import (
        ApprovedCall,
        CallPolicy,
        Confirmation,
        NeedsConfirmation,
        RefusalKind,
        check_call,
    )
    from easyclick2call.core.numbers import display_number

    policy = CallPolicy(config.region, tuple(config.blocked_prefixes),
                        config.confirm_international, _uncertain_numbers(config))
    source = "cli_clipboard" if args.clipboard else "cli"
    confirmed: set[Confirmation] = set(Confirmation) if args.yes else set()
    while True:
        verdict = check_call(number, policy, source, confirmed=confirmed,
                             language=cli_language())
        if isinstance(verdict, ApprovedCall):
            return verdict
        if not isinstance(verdict, NeedsConfirmation):
            if verdict.kind is RefusalKind.BLOCKED:
                _record(args, config, verdict.e164, verdict.e164, "", outcome="blocked",
                        source=source)
                raise CliError(EXIT_NOT_CALLABLE, "blocked", translate(
                    "Cli",
                    "Not called: numbers starting with {prefix} are blocked (premium rate); "
                    "change this with `easyclick2call config set blocked_prefixes …`.").format(
                    prefix=verdict.prefix))
            raise CliError(EXIT_NOT_CALLABLE, "not_callable", translate(
                "Cli",
                "Not a callable number: {reason}").format(reason=verdict.reason))
        shown = display_number(verdict.found, config.region)
        if verdict.what is Confirmation.ABROAD:
            question = translate(
                "Cli",
                "{shown} is a number abroad ({country}). Call it?").format(
                shown=shown, country=verdict.country)
        else:
            question = translate(
                "Cli",
                "Your last call to {shown} may have been placed already. Call it again?").format(
                shown=shown)
        if not (sys.stdin.isatty() and not args.json):
            raise CliError(EXIT_NOT_CALLABLE, "confirmation_needed", translate(
                "Cli",
                "Not called: {question} — confirm with --yes.").format(
                question=question[:-1].rstrip()))
        if not _ask_yes(question):
            raise CliError(EXIT_CANCELLED, "cancelled", translate("Cli", "Not called."))
        confirmed.add(verdict.what)


def _record(args, config: CliConfig, e164: str, shown: str, line: str, *, outcome: str,
            source: str, error_kind: str = "") -> None:
    """Add the call to the profile's history (unless --no-history or history is off); a
    failure here is a warning, never a different outcome."""
    if args.no_history or not config.history_enabled:
        return
    history = _history(config)
    if history is None:
        return
    from easyclick2call.ovhapi.dialing import record

    problem = record(history, e164, shown, line, outcome, source=source,
                     error_kind=error_kind)
    if problem:
        _to_stderr(translate(
            "Cli",
            "easyclick2call: warning: the call could not be saved in the history."))


def _number(args: argparse.Namespace, config: CliConfig):
    """The number asked for: typed, or read from the clipboard (a FoundNumber either way)."""
    from easyclick2call.core.numbers import NotCallableNumber, parse_number

    if args.clipboard:
        return _number_from_clipboard(args, config.region)
    try:
        return parse_number(args.number, config.region, cli_language())
    except NotCallableNumber as exc:
        raise CliError(EXIT_NOT_CALLABLE, "not_callable", translate(
            "Cli",
            "Not a callable number: {reason}").format(reason=exc.reason)) from exc


def _number_from_clipboard(args: argparse.Namespace, region: str):
    """A number read once from the clipboard (no GUI started)."""
    from easyclick2call.platform.clipboard_read import (
        ClipboardUnavailableError,
        choose_number,
        numbers_from_clipboard,
    )

    try:
        numbers = numbers_from_clipboard(region, cli_language())
    except ClipboardUnavailableError as exc:
        raise CliError(EXIT_USAGE, "clipboard", cli_text(exc)) from exc
    if not numbers:
        raise CliError(EXIT_NOT_CALLABLE, "not_callable", translate(
            "Cli",
            "No callable phone number on the clipboard — copy one and try again."))
    interactive = sys.stdin.isatty() and not args.json
    found = choose_number(numbers, first=args.first or not interactive, output_fn=_to_stderr,
                          user_region=region, translate=cli_translate)
    if found is None:
        raise CliError(EXIT_CANCELLED, "cancelled", translate("Cli", "Cancelled."))
    return found


def cmd_call(args: argparse.Namespace) -> int:
    from easyclick2call.core.numbers import display_number
    from easyclick2call.ovhapi import dialing

    if bool(args.number) == bool(args.clipboard):
        raise CliError(EXIT_USAGE, "usage", translate(
            "Cli",
            "Give the NUMBER to call, or --clipboard (not both)."))
    config = load_config(args)
    approved = _gate(args, config, _number(args, config))
    shown = display_number(approved.found, config.region)
    try:  # nothing is sent before the POST: a failure here placed nothing
        telephony = _telephony(config)
        billing_account = _pick_billing_account(config, telephony)
        line = _pick_line(config, telephony, billing_account)
    except Exception as exc:
        from easyclick2call.ovhapi.errors import ApiError, map_error

        kind = exc.kind if isinstance(exc, CliError | ApiError) else map_error(exc).kind
        _record(args, config, approved.e164, shown, config.line, outcome=dialing.FAILED,
                source=approved.source, error_kind=kind)
        raise
    user_id = config.click2call_user_id
    intercom = config.intercom and user_id is None
    target = dialing.CallTarget(billing_account, line, intercom, user_id)
    result = dialing.place(telephony, target, approved)
    _record(args, config, approved.e164, shown, line, outcome=result.outcome,
            source=approved.source, error_kind=result.error_kind)
    if result.error is not None:
        failure = _from_api_error(result.error)
        failure.outcome = result.outcome
        raise failure
    _emit(args, {
        "outcome": result.outcome,
        "called_number": approved.ovh,
        "display": shown,
        "billing_account": billing_account,
        "line": line,
        "intercom": intercom,
        "click2call_user_id": user_id,
    }, translate(
        "Cli",
        "Calling {shown}: your line {line} rings first — pick up to be connected.").format(
        shown=shown, line=line))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `call`."""
    call = subparsers.add_parser(
        "call",
        parents=[_common()],
        help="call a number through OVHcloud Click2Call",
        description=(
            "Ring your line, then dial NUMBER once you pick up (OVHcloud Click2Call). "
            "National numbers use --region (default: the settings, else the locale's country). "
            "The same filters as the app apply: emergency numbers, short codes and blocked "
            "prefixes are never called; a number abroad (or one whose last call may have been "
            "placed) is asked about on a terminal, and needs --yes otherwise."
        ),
        epilog=_EPILOG,
    )
    call.add_argument("number", nargs="?", metavar="NUMBER", help='e.g. "01 99 00 12 34"')
    call.add_argument(
        "--region", metavar="CC", help="country of national numbers, e.g. FR, BE, CA"
    )
    call.add_argument(
        "--clipboard",
        action="store_true",
        help="call a number read from the clipboard (for a keyboard shortcut; Wayland)",
    )
    call.add_argument(
        "--first",
        action="store_true",
        help="with --clipboard: call the first number found instead of asking which one",
    )
    call.add_argument(
        "--yes", "-y",
        action="store_true",
        help="confirm a number abroad, or one whose last call may have been placed, "
        "without asking",
    )
    call.add_argument(
        "--no-history", action="store_true", help="do not record this call in the history"
    )
    call.add_argument(
        "--intercom",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="let the phone pick up on speaker by itself (line route only)",
    )
    call.add_argument(
        "--click2call-user",
        metavar="ID",
        type=int,
        default=None,
        help="place the call as this Click2Call user (0: none)",
    )
    call.set_defaults(handler=_run(cmd_call))
