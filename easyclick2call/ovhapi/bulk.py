"""Reading many objects from OVHcloud: batch mode first, else a small bounded pool; 429s obeyed.

OVHcloud lists ids, then serves one object per GET. Its batch mode (the control panel's
``X-Ovh-Batch: ,`` header with comma-joined ids in the path; docs/contacts.md) answers a list of
``{"key", "value", "error"}`` items for up to `batch_size` ids in one request. When an answer
is not that list (an API that does not batch this route), this reader falls back to one GET per
id on at most `workers` threads, and does not try batching again. A 429 pauses every request of
the reader for Retry-After seconds (else 1, 2, 4… s) and the request is sent again, `retries`
times at most. Only GETs are sent here, so a retry can never do anything twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import ovh
import ovh.exceptions

from easyclick2call.ovhapi.errors import ApiError, map_error

log = logging.getLogger(__name__)

BATCH_HEADER = "X-Ovh-Batch"
SEPARATOR = ","
DEFAULT_BATCH_SIZE = 50  # ~550 characters of ids: URLs stay short
DEFAULT_WORKERS = 4
DEFAULT_RETRIES = 5
MAX_PAUSE = 60.0


class RateGate:
    """After a 429, no request of this reader leaves before the pause is over."""

    def __init__(self, cancel: threading.Event | None = None) -> None:
        self._lock = threading.Lock()
        self._resume_at = 0.0
        self._cancel = cancel or threading.Event()

    def wait(self) -> None:
        while True:
            with self._lock:
                remaining = self._resume_at - time.monotonic()
            if remaining <= 0:
                return
            if self._cancel.wait(remaining):
                raise ApiError.of("cancelled")

    def pause(self, seconds: float) -> None:
        with self._lock:
            self._resume_at = max(self._resume_at, time.monotonic() + min(seconds, MAX_PAUSE))


class _Batched:
    """python-ovh's own `Client.call` (status and error mapping), with the batch header added."""

    def __init__(self, client: ovh.Client) -> None:
        self._client = client

    def raw_call(self, method: str, path: str, data: Any = None, need_auth: bool = True) -> Any:
        return self._client.raw_call(method, path, data, need_auth,
                                     headers={BATCH_HEADER: SEPARATOR})


def _retry_after(exc: ovh.exceptions.APIError, attempt: int) -> float | None:
    """Seconds to wait before sending again after `exc`, or None when it is not a 429."""
    response = getattr(exc, "response", None)
    if response is None or response.status_code != 429:
        return None
    header = response.headers.get("Retry-After", "")
    if header.strip().isdigit():
        return float(header.strip())
    return float(2 ** attempt)


class BulkReader:
    """GETs over one `ovh.Client`, counted in `requests`; every failure is an `ApiError`."""

    def __init__(self, client: ovh.Client, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 workers: int = DEFAULT_WORKERS, retries: int = DEFAULT_RETRIES,
                 cancel: threading.Event | None = None) -> None:
        self._client = client
        self.batch_size = max(1, batch_size)
        self.workers = max(1, workers)
        self.retries = retries
        self.gate = RateGate(cancel)
        self.batch_supported: bool | None = None  # None: not tried yet
        self.requests = 0
        self._count_lock = threading.Lock()

    def _send(self, send) -> Any:
        attempt = 0
        while True:
            self.gate.wait()
            with self._count_lock:
                self.requests += 1
            try:
                return send()
            except ovh.exceptions.APIError as exc:
                delay = _retry_after(exc, attempt)
                if delay is None or attempt >= self.retries:
                    raise map_error(exc) from exc
                log.info("OVHcloud asks to slow down: waiting %.0f s", delay)
                self.gate.pause(delay)
                attempt += 1
            except ApiError:
                raise
            except Exception as exc:
                raise map_error(exc) from exc

    def get(self, path: str, **query: Any) -> Any:
        """One GET (sent again after a 429)."""
        return self._send(lambda: self._client.get(path, **query))

    def get_list(self, path: str, **query: Any) -> list:
        result = self.get(path, **query)
        if not isinstance(result, list):
            raise ApiError.of("invalid_response", detail="expected a list")
        return result

    def get_many(self, base: str, ids: Iterable[object]) -> dict[str, Any]:
        """`base/{id}` for every id: {str(id): object}; ids that answer an error (deleted in
        the meantime…) are left out."""
        keys = [str(key) for key in ids]
        found: dict[str, Any] = {}
        start = 0
        while start < len(keys) and self.batch_supported is not False:
            chunk = keys[start:start + self.batch_size]
            items = self._batch(base, chunk)
            if items is None:
                break
            found.update(items)
            start += len(chunk)
        rest = keys[start:]
        if rest:
            found.update(self._pool(base, rest))
        return found

    def _batch(self, base: str, chunk: list[str]) -> dict[str, Any] | None:
        path = f"{base}/{SEPARATOR.join(chunk)}"
        try:
            answer = self._send(lambda: ovh.Client.call(_Batched(self._client), "GET", path))
        except ApiError as exc:
            if self.batch_supported or exc.kind not in ("bad_request", "not_found"):
                raise
            answer = None
        if not _is_batch_answer(answer):
            log.info("Batch mode not available here: one request per object")
            self.batch_supported = False
            return None
        self.batch_supported = True
        return {str(item["key"]): item["value"] for item in answer
                if item.get("error") is None and item.get("value") is not None}

    def _pool(self, base: str, keys: list[str]) -> dict[str, Any]:
        def one(key: str) -> tuple[str, Any]:
            try:
                return key, self.get(f"{base}/{key}")
            except ApiError as exc:
                if exc.kind == "not_found":
                    return key, None
                raise

        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            results = list(pool.map(one, keys))
        return {key: value for key, value in results if value is not None}


def _is_batch_answer(answer: object) -> bool:
    return isinstance(answer, list) and all(
        isinstance(item, dict) and "key" in item and "value" in item for item in answer)
