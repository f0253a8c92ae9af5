"""Damaged local files are kept aside, never deleted: a timestamped copy the user can recover.

``history.sqlite3`` becomes ``history.sqlite3.damaged-20261204-153012`` (its ``-wal``/``-shm``
companions follow with the same name, so SQLite can still open the kept copy); a second damage
in the same second gets ``…-2``. The original name is then free for a fresh file.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

DAMAGED_MARK = ".damaged-"
MAX_PENDING = 20


@dataclass(frozen=True)
class DamageNotice:
    """What happened to a damaged file, to tell the user once (English; the UI translates)."""

    what: str        # "history" or "settings"
    path: str        # the file that was damaged (a fresh one is there now)
    kept_as: str     # where the damaged file was kept ("" when it could not be moved)
    reason: str = ""  # a short technical reason, for the log
    unwritable: bool = False  # not damaged: it cannot be written (read-only, full disk…)

    @property
    def message(self) -> str:
        name = "call history" if self.what == "history" else "settings file"
        if self.unwritable:
            return f"The {name} {self.path} cannot be written ({self.reason}); check its folder."
        if not self.kept_as:
            return f"The {name} {self.path} is damaged and could not be kept aside ({self.reason})."
        return (f"The {name} {self.path} was damaged; it was kept as {self.kept_as} and a fresh "
                f"one was started.")


def aside_name(path: Path, now: datetime | None = None) -> Path:
    """A free ``NAME.damaged-YYYYmmdd-HHMMSS[-N]`` next to `path`."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}")
    candidate, number = base, 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = base.with_name(f"{base.name}-{number}")
    return candidate


def keep_aside(path: Path, companions: Iterable[str] = ()) -> Path | None:
    """Move `path` (a file, or a directory standing where a file belongs) and its companion
    files (``path`` + suffix, e.g. "-wal") to a timestamped name; returns the new name, None
    when there was nothing to move. Raises OSError when it cannot be moved."""
    if not (path.exists() or path.is_symlink()):
        return None
    target = aside_name(path)
    if path.is_dir():
        shutil.move(str(path), str(target))
    else:
        os.replace(path, target)
    for suffix in companions:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            try:
                os.replace(companion, target.with_name(target.name + suffix))
            except OSError as exc:  # the main file is safe; a stray companion is only noise
                log.warning("could not keep %s aside: %s", companion.name, exc)
    return target


Listener = Callable[[DamageNotice], None]
_listeners: list[Listener] = []
_pending: list[DamageNotice] = []
_lock = threading.Lock()


def report(notice: DamageNotice) -> None:
    """Tell the user about `notice` through every listener (from any thread); kept until one
    listens when none does yet (the app's notifier starts after the settings are read)."""
    with _lock:
        listeners = list(_listeners)
        if not listeners:
            _pending[:] = [*_pending, notice][-MAX_PENDING:]
    for listener in listeners:
        try:
            listener(notice)
        except Exception:  # telling must never break what reported it (a call, a save)
            log.exception("a damage notice listener failed")


def listen(listener: Listener) -> None:
    """From now on, hand every notice to `listener`; the ones reported so far first."""
    with _lock:
        _listeners.append(listener)
        pending, _pending[:] = list(_pending), []
    for notice in pending:
        listener(notice)


def stop_listening(listener: Listener) -> None:
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)


def take_pending() -> list[DamageNotice]:
    """The notices nobody was told yet (and forget them)."""
    with _lock:
        pending, _pending[:] = list(_pending), []
    return pending
