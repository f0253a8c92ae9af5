"""Live calls on the demo's sandbox: inject stream events, know when the app follows."""

from __future__ import annotations

from tests.e2e.support.actions import _http, poll

DEMO_LINE = "0033199000001"


def events_status(port: int) -> dict:
    return _http("GET", f"http://127.0.0.1:{port}/sandbox/events/status")  # type: ignore[return-value]


def wait_following(port: int, timeout: float = 20.0) -> None:
    """Until the app holds a poll on the sandbox's stream (it follows the line's events)."""
    poll(lambda: events_status(port)["held_polls"] > 0, timeout, "the app to follow the stream")


def inject_events(port: int, events: list[dict]) -> None:
    """POST /sandbox/events (missing Token, Timestamp, Date, TsGet filled in by the sandbox)."""
    _http("POST", f"http://127.0.0.1:{port}/sandbox/events", events)


def line_event(name: str, call_id: str, caller: str, *, ts_get: int | None = None,
               line: str = DEMO_LINE) -> dict:
    """An event of a call coming in on `line` from `caller` (00… form)."""
    data: dict = {"CallId": call_id, "Calling": caller, "Called": line, "Dialed": line}
    if ts_get is not None:
        data["TsGet"] = ts_get
    return {"Event": name, "Ressource": line, "Data": data}
