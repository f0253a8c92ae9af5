"""One click places one call: the guard every call request goes through.

Each offer to call (a popup, a menu entry, a typed number) makes one :class:`CallRequest` with its
own ``request_id``. :meth:`Dialer.submit` places it at most once, and refuses it while the same
number is already being called or was dialled less than ``repeat_window_s`` seconds ago — so a
double click, Enter held down or the number copied again never give a second call.
``place_call`` must not block (the UI hands the request to a worker) and the worker reports back
with :meth:`Dialer.finished`. Pure Python, thread-safe.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from easyclick2call.core.numbers import FoundNumber

DEFAULT_REPEAT_WINDOW_S = 5.0
REMEMBERED_REQUESTS = 1000


def new_request_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class CallRequest:
    """One offer to call `number` (a FoundNumber, or an E.164 string) on `line`."""

    request_id: str
    number: FoundNumber | str
    line: str = ""
    source: str = ""  # "popup", "menu", "dialog", "cli", "ipc"…: for logs and tests
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def new(cls, number: FoundNumber | str, line: str = "", source: str = "") -> CallRequest:
        """A request with a fresh id."""
        return cls(new_request_id(), number, line, source)

    @property
    def e164(self) -> str:
        return self.number if isinstance(self.number, str) else self.number.e164


class Dialer:
    """Places each request at most once, and one call per number at a time."""

    def __init__(self, place_call: Callable[[CallRequest], None],
                 repeat_window_s: float = DEFAULT_REPEAT_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._place_call = place_call
        self.repeat_window_s = repeat_window_s
        self._clock = clock
        self._lock = threading.Lock()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._in_flight: dict[str, str] = {}  # request_id -> e164
        self._last_dialled: dict[str, float] = {}  # e164 -> clock()

    def submit(self, request: CallRequest) -> bool:
        """Place the call unless it is a repeat; True when `place_call` was called."""
        number = request.e164
        with self._lock:
            if request.request_id in self._seen:
                return False
            self._remember(request.request_id)
            if number in self._in_flight.values():
                return False
            now = self._clock()
            last = self._last_dialled.get(number)
            if last is not None and now - last < self.repeat_window_s:
                return False
            self._in_flight[request.request_id] = number
            self._last_dialled[number] = now
        try:
            self._place_call(request)
        except BaseException:
            self.finished(request.request_id, succeeded=False)
            raise
        return True

    def finished(self, request_id: str, succeeded: bool = True) -> None:
        """The call of `request_id` is done. After a failure the number may be retried at once;
        after a success the repeat window still applies."""
        with self._lock:
            number = self._in_flight.pop(request_id, None)
            if number is not None and not succeeded:
                self._last_dialled.pop(number, None)

    def is_busy(self, number: str) -> bool:
        """True while a call to `number` (E.164) is being placed."""
        with self._lock:
            return number in self._in_flight.values()

    @property
    def in_flight(self) -> int:
        with self._lock:
            return len(self._in_flight)

    def _remember(self, request_id: str) -> None:
        self._seen[request_id] = None
        while len(self._seen) > REMEMBERED_REQUESTS:
            self._seen.popitem(last=False)
