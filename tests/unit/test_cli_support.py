"""What every sub-command shares: the profile's log (so "the log has details" is true, with its
path) and the damage warnings on stderr."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import pytest

from easyclick2call.commands import cli_support
from easyclick2call.commands.translation import translator_for
from easyclick2call.core import damaged
from easyclick2call.core.damaged import DamageNotice
from easyclick2call.ovhapi.errors import ApiError

FR = translator_for("fr")  # the French catalogue, as the command line reads it


@pytest.fixture
def prepared(profile_dir: Path):
    """prepare_command() run for a command of `profile_dir`; undone after the test."""
    damaged.take_pending()
    cli_support.prepare_command(argparse.Namespace(command="history", profile=str(profile_dir)))
    yield profile_dir / "logs" / "easyclick2call.log"
    damaged.stop_listening(cli_support._warn)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_easyclick2call_handler", False):
            root.removeHandler(handler)
            handler.close()
    cli_support._state.clear()


def test_the_log_is_written_and_named_where_a_message_points_to_it(prepared: Path) -> None:
    assert cli_support.log_path() == prepared
    message = ApiError.of("unexpected").text()
    assert cli_support.with_log_path(message) == f"{message} ({prepared})"
    french = ApiError.of("unexpected").text(FR)
    assert cli_support.with_log_path(french).endswith(f"({prepared})")
    other = ApiError.of("server").text()
    assert cli_support.with_log_path(other) == other  # says nothing of the log: unchanged
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        cli_support.log_failure("unexpected", 5, exc)
    cli_support.log_failure("network", 5)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = prepared.read_text()
    assert "command history" in text
    assert "command failed: unexpected (exit code 5)" in text and "RuntimeError: boom" in text
    assert "command failed: network (exit code 5)" in text


def test_damage_is_said_on_stderr_once_per_notice(prepared: Path, capsys) -> None:
    damaged.report(DamageNotice("history", "/p/history.sqlite3", "/p/history.sqlite3.damaged-1"))
    err = capsys.readouterr().err
    assert err == ("easyclick2call: warning: The call history /p/history.sqlite3 was damaged; it "
                   "was kept as /p/history.sqlite3.damaged-1 and a fresh one was started.\n")


def test_without_a_log_nothing_is_added(monkeypatch) -> None:
    monkeypatch.setattr(cli_support, "_state", {})
    message = "Something unexpected went wrong — try again; the log has details."
    assert cli_support.with_log_path(message) == message
