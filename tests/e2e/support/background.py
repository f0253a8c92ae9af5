"""A worker thread used as a context manager: started on enter (once it says it is ready),
stopped on exit. The base of the window recorder and the notification server."""

from __future__ import annotations

import threading
from typing import TypeVar

T = TypeVar("T", bound="Background")


class Background:
    """Subclasses implement `_run()`: call `self._ready.set()` once listening, and return soon
    after `self._stop` is set; store a start-up failure in `self._error`."""

    thread_name = "background"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True)

    def _run(self) -> None:
        raise NotImplementedError

    def __enter__(self: T) -> T:
        self._thread.start()
        self._ready.wait(10)
        if self._error is not None:
            raise self._error
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
