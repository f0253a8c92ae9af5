"""Background work that can wait yields to the user.

Loading the call stack ahead of the first call, starting the live-call stream and syncing the
contacts each take a few hundred milliseconds of CPU, on worker threads that still share the
interpreter (and, on a small machine, the cores) with the GUI thread and the clipboard reader.
Started while the user is copying, they make the popups of those copies several times slower.
`QuietTime.when_quiet(work)` runs `work` once neither a copy nor a popup has happened for
QUIET_MS since it was asked for (a quiet past says nothing of the next moment: the user may be
copying right now), and never later than MAX_WAIT_MS after it was asked for, so that a program
that changes the clipboard all the time cannot hold it back.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

QUIET_MS = 300  # a copy or a popup this recent: background work waits
MAX_WAIT_MS = 10_000  # … but never longer than this


class QuietTime(QObject):
    """Runs deferred work on the GUI thread once the user has been quiet for a moment."""

    def __init__(self, parent: QObject | None = None, quiet_ms: int = QUIET_MS,
                 max_wait_ms: int = MAX_WAIT_MS) -> None:
        super().__init__(parent)
        self._quiet_s = quiet_ms / 1000
        self._max_wait_s = max_wait_ms / 1000
        self._last_busy = -math.inf
        # (not before, deadline, work)
        self._waiting: list[tuple[float, float, Callable[[], None]]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._run_due)

    def busy(self, *_signal_args: object) -> None:
        """The user just did something (the clipboard changed, a popup was shown)."""
        self._last_busy = time.monotonic()
        if self._waiting:
            self._arm()

    def when_quiet(self, work: Callable[[], None]) -> None:
        """Run `work` (on the GUI thread; it starts its own worker) once things are quiet."""
        now = time.monotonic()
        self._waiting.append((now + self._quiet_s, now + self._max_wait_s, work))
        self._arm()

    def _due_at(self, not_before: float, deadline: float) -> float:
        return min(max(not_before, self._last_busy + self._quiet_s), deadline)

    def _arm(self) -> None:
        due = min(self._due_at(not_before, deadline) for not_before, deadline, _ in self._waiting)
        self._timer.start(math.ceil(max(0.0, due - time.monotonic()) * 1000))

    def _run_due(self) -> None:
        now = time.monotonic()
        due = [entry for entry in self._waiting if now >= self._due_at(entry[0], entry[1])]
        self._waiting = [entry for entry in self._waiting if entry not in due]
        if self._waiting:
            self._arm()
        for _not_before, _deadline, work in due:
            work()
