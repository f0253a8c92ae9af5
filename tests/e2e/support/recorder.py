"""Record every top-level window a process maps, with its title, as X reports it (a thread).

Lets a test assert that something never appeared ("no popup for a concealed copy") without
sleeping: act, then wait for a later sentinel window, then look at everything that was mapped.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from tests.e2e.support.background import Background
from tests.e2e.support.x11 import Display


@dataclass(frozen=True)
class Mapped:
    window: int
    title: str
    pid: int
    at: float


class WindowRecorder(Background):
    """Context manager: `.mapped` lists the windows mapped while it ran (all processes)."""

    thread_name = "window-recorder"

    def __init__(self) -> None:
        self.mapped: list[Mapped] = []
        super().__init__()

    def _run(self) -> None:
        with Display() as display:
            display.watch(clipboard=False)
            self._ready.set()
            while not self._stop.is_set():
                event = display.next_event(time.monotonic() + 0.1)
                if event is None or event.kind != "map":
                    continue
                entry = Mapped(event.window, display.title(event.window),
                               display.pid(event.window), event.at)
                with self._lock:
                    self.mapped.append(entry)

    def titles(self, pid: int | None = None) -> list[str]:
        with self._lock:
            return [m.title for m in self.mapped if pid is None or m.pid == pid]

    def count(self, substring: str, pid: int | None = None) -> int:
        return sum(substring in title for title in self.titles(pid))
