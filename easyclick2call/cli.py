"""The `easyclick2call` command: the tray app by default, headless sub-commands otherwise.

Each group of sub-commands lives in its own module under `easyclick2call.commands` and exposes
``register(subparsers)``; this module only assembles them and maps outcomes to exit codes.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from easyclick2call import __version__
from easyclick2call.commands.exit_codes import EXIT_USAGE

# Sub-commands and the module under easyclick2call.commands that adds each, in help order.
COMMANDS = {
    "call": "call_cmd",
    "lines": "lines_cmd",
    "users": "users_cmd",
    "connect": "connect_cmd",
    "events": "events_cmd",
    "config": "config",
    "history": "history_cmd",
    "contacts": "contacts",
    "sandbox": "sandbox_cmd",
    "install": "install_cmd",
    "uninstall": "install_cmd",
}
# Options of the tray app that take a value (the value is not a sub-command name).
GUI_OPTIONS_WITH_VALUE = ("--profile", "--lang", "--sandbox-port")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser; sub-command modules are imported lazily but registered here."""
    parser = argparse.ArgumentParser(
        prog="easyclick2call",
        description=(
            "Clipboard dialer for OVHcloud SIP lines. With no command, starts the tray app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"EasyClick2Call {__version__}")
    _add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"easyclick2call.commands.{name}").register(subparsers)
    return parser


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    """Listed in the help; accepted anywhere on the line (commands.global_options)."""
    every = parser.add_argument_group("options of every command (before or after it)")
    every.add_argument("--profile", metavar="DIR", default=argparse.SUPPRESS,
                       help="keep settings, history and logs in DIR (default: "
                            "$EASYCLICK2CALL_PROFILE, else the usual folders of your OS)")
    every.add_argument("--lang", choices=("system", "en", "fr"), default=argparse.SUPPRESS,
                       help="language of the messages (default: the system's)")
    app = parser.add_argument_group("options of the tray app (no command)")
    app.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                     help="use the built-in OVHcloud sandbox (nothing is really dialled)")
    app.add_argument("--sandbox-port", type=int, metavar="N", default=argparse.SUPPRESS,
                     help="port of the demo sandbox on 127.0.0.1 (default: a free one)")


def _is_gui_invocation(argv: Sequence[str]) -> bool:
    """True when no sub-command is named: the tray app (with its own options) starts.

    Decided from the words alone, without importing the sub-commands (start-up time)."""
    skip_value = False
    for arg in argv:
        if skip_value:
            skip_value = False
            continue
        if arg in ("-h", "--help", "--version"):
            return False
        if arg in GUI_OPTIONS_WITH_VALUE:
            skip_value = True
            continue
        if not arg.startswith("-"):
            # A positional that is not a sub-command is a number / tel: URI handed to the app.
            return arg not in COMMANDS
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if _is_gui_invocation(args_list):
        from easyclick2call.commands.gui import run_gui

        return run_gui(args_list)
    from easyclick2call.commands import global_options

    args_list, found = global_options.pull_global_options(args_list)
    problem = global_options.apply_global_options(found)
    stray = global_options.app_only_option(args_list)
    if stray is not None:
        problem = (f"{stray} is an option of the tray app (easyclick2call {stray}); "
                   f"the commands do not take it")
    if problem is not None:
        print(f"easyclick2call: {problem}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    from easyclick2call.commands.cli_support import prepare_command

    prepare_command(args)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
