"""The `easyclick2call` command tells the tray app from a sub-command by its words alone."""

from __future__ import annotations

import argparse

import pytest

from easyclick2call.cli import COMMANDS, _is_gui_invocation, build_parser


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], True),
        (["--demo"], True),
        (["--demo", "--sandbox-port", "8765"], True),
        (["--profile", "call"], True),  # a profile folder named like a sub-command
        (["--profile", "/tmp/p", "--lang", "fr", "tel:+33199001234"], True),
        (["01 99 00 12 34"], True),
        (["call", "01 99 00 12 34"], False),
        (["config", "show"], False),
        (["sandbox", "--port", "0"], False),
        (["--version"], False),
        (["--help"], False),
    ],
)
def test_gui_or_sub_command(argv: list[str], gui: bool) -> None:
    assert _is_gui_invocation(argv) is gui


def test_every_sub_command_is_known_without_importing_it() -> None:
    parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(sub.choices) == set(COMMANDS)
