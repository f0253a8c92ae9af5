"""Run blocking work (network, keyring, big-text detection) off the GUI thread.

`run_task(fn, *args, on_done=..., on_error=...)` runs ``fn(*args)`` on a worker thread of a
private QThreadPool and delivers its result or exception back on the GUI thread through a queued
signal. The GUI thread never waits for it.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


@functools.cache
def task_pool() -> QThreadPool:
    """The pool all background tasks share (a few threads: the work is I/O bound)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(4)
    return pool


@functools.cache
def call_pool() -> QThreadPool:
    """The call thread: one, so that calls are placed one at a time, first asked first sent."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    pool.setExpiryTimeout(-1)  # kept: the OVHcloud client stack is warmed up on it
    return pool


class TaskSignals(QObject):
    """Carries a task's outcome back to the thread that owns this object (the GUI thread)."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, signals: TaskSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._args = args
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except Exception as exc:  # delivered to on_error; never reaches the user as a traceback
            log.debug("background task %s failed: %s", getattr(self._fn, "__name__", "?"),
                      type(exc).__name__)
            outcome, signal_name = exc, "failed"
        else:
            outcome, signal_name = result, "done"
        # The receiver may have been destroyed meanwhile (a dialog closed): drop the outcome.
        with contextlib.suppress(RuntimeError):
            getattr(self._signals, signal_name).emit(outcome)


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    parent: QObject | None = None,
    pool: QThreadPool | None = None,
) -> TaskSignals:
    """Start ``fn(*args)`` off the GUI thread; callbacks run on the GUI thread.

    Pass ``parent`` (a widget) so that the callbacks are dropped if it is destroyed first. The
    default parent is the application: the carrier object must never be owned by the worker
    thread alone, or it could be destroyed there while its result is still queued. ``pool``:
    another pool than the shared one (the call thread).
    """
    from PySide6.QtCore import QCoreApplication

    signals = TaskSignals(parent if parent is not None else QCoreApplication.instance())
    if on_done is not None:
        signals.done.connect(on_done)
    if on_error is not None:
        signals.failed.connect(on_error)
    signals.done.connect(signals.deleteLater)
    signals.failed.connect(signals.deleteLater)
    (pool or task_pool()).start(_Task(fn, args, signals))
    return signals


def wait_for_tasks(msecs: int = 30000) -> bool:
    """Block until every background task ended (only at exit and in tests)."""
    calls_done = call_pool().waitForDone(msecs) if call_pool.cache_info().currsize else True
    return task_pool().waitForDone(msecs) and calls_done
