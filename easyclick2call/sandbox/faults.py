"""Injected faults: a status and body, a delay or a dropped connection for the next n requests."""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass

from easyclick2call.sandbox.signing import glob_matches

DEFAULT_BODIES: dict[int, dict] = {
    429: {"message": "Too many requests, please retry later"},
    500: {"class": "Server::InternalServerError", "message": "Internal server error"},
    503: {"class": "Server::ServiceUnavailable", "message": "Service is temporarily unavailable"},
}
HTML_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


@dataclass
class Fault:
    """One fault rule; see the module docstring of `easyclick2call.sandbox.server` for the JSON."""

    method: str = "*"
    path: str = "*"
    status: int | None = None
    body: dict | list | str | None = None
    content_type: str | None = None
    delay: float = 0.0
    drop: bool = False
    process: bool | None = None  # default: False with status/drop, True with only a delay
    count: int | None = 1  # None: until cleared

    @classmethod
    def from_json(cls, data: dict) -> Fault:
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown fault field(s): {', '.join(sorted(unknown))}")
        fault = cls(**data)
        fault.method = (fault.method or "*").upper()
        if fault.status is not None and not (
            isinstance(fault.status, int) and 100 <= fault.status <= 599
        ):
            raise ValueError("status must be an HTTP status code (100-599)")
        if not isinstance(fault.delay, (int, float)) or fault.delay < 0:
            raise ValueError("delay must be a number of seconds >= 0")
        if fault.count is not None and (not isinstance(fault.count, int) or fault.count < 0):
            raise ValueError("count must be an integer >= 0 or null")
        if fault.count == 0:
            fault.count = None
        if fault.status is None and not fault.drop and not fault.delay:
            raise ValueError("a fault needs status, delay or drop")
        return fault

    def handles_first(self) -> bool:
        """True when the request is handled (a call recorded) before the fault acts."""
        if self.process is not None:
            return bool(self.process)
        return self.status is None and not self.drop

    def matches(self, method: str, path: str) -> bool:
        if self.method not in ("*", method.upper()):
            return False
        api_path = path[len("/1.0") :] if path.startswith("/1.0/") else path
        return any(glob_matches(self.path, p) for p in (path, api_path))

    def answer(self) -> tuple[int, bytes, str]:
        """Status, raw body and content type of the injected answer."""
        assert self.status is not None
        body = self.body
        if body is None:
            body = (
                HTML_502
                if self.status == 502
                else DEFAULT_BODIES.get(self.status, {"message": f"Injected error {self.status}"})
            )
        if isinstance(body, str):
            return self.status, body.encode("utf-8"), self.content_type or "text/html"
        raw = json.dumps(body).encode("utf-8")
        return self.status, raw, self.content_type or "application/json; charset=utf-8"

    def to_json(self) -> dict:
        return asdict(self)


class FaultBook:
    """The active faults, consumed in order of injection (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, method: str, path: str) -> Fault | None:
        """The first fault matching the request, its count decremented (removed at zero)."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    if fault.count is not None:
                        fault.count -= 1
                        if fault.count <= 0:
                            self._faults.remove(fault)
                    return fault
        return None

    def active(self) -> list[dict]:
        with self._lock:
            return [fault.to_json() for fault in self._faults]
