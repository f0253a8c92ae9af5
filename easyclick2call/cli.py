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

# Exit codes shared by every sub-command (documented in the README).
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_NOT_CALLABLE = 3
EXIT_AUTH = 4
EXIT_NETWORK = 5
EXIT_CANCELLED = 130  # Ctrl+C (during `connect`)


def exit_code_for(error) -> int:
    """The exit code of an ovhapi ApiError, by its family (a server failure by default)."""
    return {
        "auth": EXIT_AUTH,
        "network": EXIT_NETWORK,
        "input": EXIT_USAGE,
        "number": EXIT_NOT_CALLABLE,
        "cancelled": EXIT_CANCELLED,
    }.get(error.family, EXIT_NETWORK)

# Sub-commands and the module under easyclick2call.commands that adds each, in help order.
COMMANDS = {
    "call": "call_cmd",
    "lines": "api",
    "users": "api",
    "connect": "api",
    "events": "events_cmd",
    "config": "config",
    "history": "history_cmd",
    "contacts": "contacts",
    "sandbox": "sandbox_cmd",
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
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"easyclick2call.commands.{name}").register(subparsers)
    return parser


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
