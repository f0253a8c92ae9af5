"""What every headless command of a profile shares: the app's rotated log, and warnings about
damaged files (settings, history) told once on stderr as ``easyclick2call: warning: …``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from easyclick2call.core.damaged import DamageNotice, listen

log = logging.getLogger("easyclick2call.cli")
PROG = "easyclick2call"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
_state: dict[str, Path] = {}  # "log": the log file of this command


def prepare_command(args: argparse.Namespace) -> None:
    """Before a sub-command runs: warnings on stderr, and the profile's log when it has one."""
    listen(_warn)
    if getattr(args, "command", "") == "sandbox":
        return  # no profile of its own
    try:
        from easyclick2call.core.logs import setup_logging
        from easyclick2call.core.paths import resolve_profile

        level = os.environ.get("EASYCLICK2CALL_LOG_LEVEL", "INFO").upper()
        _state["log"] = setup_logging(resolve_profile(getattr(args, "profile", None)),
                                  level=level if level in LOG_LEVELS else "INFO")
    except (OSError, ValueError) as exc:  # a read-only profile still runs its command
        print(f"{PROG}: warning: no log file can be written ({exc.__class__.__name__}: {exc})",
              file=sys.stderr)
        return
    log.info("command %s", getattr(args, "command", "?"))


def log_path() -> Path | None:
    """The log file this command writes, once prepare_command has run (None without one)."""
    return _state.get("log")


def with_log_path(message: str) -> str:
    """`message`, pointing at the log file when it speaks of the log ("the log has details")."""
    path = log_path()
    if path is None or not any(word in message for word in ("the log", "le journal")):
        return message
    return f"{message.rstrip()} ({path})"


def log_failure(kind: str, code: int, exc: BaseException | None = None) -> None:
    """A command's failure in the log (with the traceback of an unexpected one)."""
    log.warning("command failed: %s (exit code %d)", kind, code,
                exc_info=exc if kind == "unexpected" else None)


def _warn(notice: DamageNotice) -> None:
    print(f"{PROG}: warning: {notice.message}", file=sys.stderr)
