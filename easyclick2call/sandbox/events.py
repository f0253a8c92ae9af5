"""The sandbox's live-event stream: OVHcloud's `events.voip.ovh.net` long poll, on loopback.

`GET /events/?token=TOKEN&session=SESSION` (on the sandbox's own port; `info()["events_url"]`)
holds the request until an event for the token arrives or `hold_s` seconds pass (default 25;
OVHcloud does not document its own), then answers 200 with
`{"Session": "...", "Message": "", "Events": [...]}`. Each event has OVHcloud's shape:
`Event`, `Token`, `Service` ("sip"), `Ressource` (the line, 0033…), `Timestamp` (ns), `Date`,
`Data` (`Event`, `CallId`, `Calling`, `Called`, `Dialed`, `Billing`, `Protocol`, `Ts` (s, a
string), `TsGet` (ns), …) and `Details` (`Description`, `Id`, `IdBillingAccount`,
`SimultaneousLine`, `Type`).

`Session` is a cursor: the next poll with it answers the events accepted after the previous
answer's, so an answer lost on the way (cut connection) is answered again — and a client sees
those events twice (it dedupes on CallId + Event + TsGet). No session, or one the sandbox does
not know (it restarted), starts from now. A token that does not exist (never made, replaced,
deleted, expired) answers 403 `{"Session": "", "Message": "Invalid token", "Events": []}`
(OVHcloud documents nothing for this). The fault matrix (`/sandbox/faults` with
`"path": "/events/*"`) acts on the stream as on any route.

Controls (no auth): `POST /sandbox/events` with a JSON list of events in the stream's shape —
each needs `Event` and `Ressource`; missing `Token`, `Timestamp`, `Date`, `Data.TsGet` (and
`Service`, `Data.Event`, `Data.Ts`, `Data.Billing`, `Details`) are filled in — delivered to
every token that covers the `Ressource` (its billing account's token, or its own service's);
answer `{"accepted": n}`. `POST /sandbox/events` with an object sets `{"hold_s": 2}` and/or
`{"expire_tokens": true}` (every token then answers 403). `GET /sandbox/events` lists the
accepted events, oldest first (without `Token`); `GET /sandbox/events/status` says
`{"held_polls": n, "hold_s": s, "accepted": n}` (a client is following when held_polls > 0).
`POST /sandbox/click2call-script` `{"ring_s": 2, "answer": true, "talk_s": 5}` makes every
following Click2Call play its legs on the stream (see `click2call_legs`); `null` or
`DELETE` stops that; `GET` reads it.
"""

from __future__ import annotations

import collections
import itertools
import secrets
import threading
import time
from datetime import datetime, timezone
from urllib.parse import parse_qs

from easyclick2call.sandbox.event_tokens import covered_lines, token_scope, token_table
from easyclick2call.sandbox.state import SandboxState

DEFAULT_HOLD_S = 25.0
MAX_LOG = 5000  # events kept for sessions that fall behind
DIAL_DELAY_S = 1.0  # the platform rings the line this long after the Click2Call request
DESK_PICKUP_S = 0.2  # the desk phone is picked up this long after it starts ringing
CONTROL_PATHS = ("/sandbox/events", "/sandbox/events/status", "/sandbox/click2call-script")
SCRIPT_KEYS = ("ring_s", "answer", "talk_s")
_INVALID = {"Session": "", "Message": "Invalid token", "Events": []}


def _ovh_number(number: str) -> str:
    """+33… → 0033… (the stream's form); anything else as given."""
    return "00" + number[1:] if number.startswith("+") else number


def click2call_legs(call: dict, script: dict, serial: int) -> list[tuple[float, dict]]:
    """The events a Click2Call plays, as (seconds after the call, event). A GUESS: OVHcloud does
    not document it. After DIAL_DELAY_S, leg A rings the line (the caller is the number to
    call) and is picked up; leg B calls the number from the line, rings `ring_s`, and is
    answered (`answer`) for `talk_s`, then both legs end; unanswered, leg A ends after B's
    ringing."""
    line, called = call["line"], _ovh_number(call["called_number"])
    leg_a, leg_b = f"c2c{serial}a-{secrets.token_hex(4)}", f"c2c{serial}b-{secrets.token_hex(4)}"
    a = {"CallId": leg_a, "Calling": called, "Called": line, "Dialed": line}
    b = {"CallId": leg_b, "Calling": line, "Called": called, "Dialed": called}
    ring, talk = float(script["ring_s"]), float(script["talk_s"])
    t = DESK_PICKUP_S
    plan: list[tuple[float, str, dict]] = [
        (0.0, "start_ringing", a),
        (t, "end_ringing", a),
        (t, "start_calling", a),
        (t, "start_ringing", b),
        (t + ring, "end_ringing", b),
    ]
    if script["answer"]:
        plan += [
            (t + ring, "start_calling", b),
            (t + ring + talk, "end_calling", b),
            (t + ring + talk, "end_calling", a),
        ]
    else:
        plan.append((t + ring, "end_calling", a))
    return [(DIAL_DELAY_S + at, {"Event": name, "Ressource": line, "Data": dict(data)})
            for at, name, data in plan]


def check_script(script: object) -> dict | None:
    if script is None:
        return None
    if not isinstance(script, dict) or set(script) - set(SCRIPT_KEYS):
        raise ValueError(f"a click2call script is an object with keys {', '.join(SCRIPT_KEYS)}")
    result = {"ring_s": script.get("ring_s", 2.0), "answer": script.get("answer", True),
              "talk_s": script.get("talk_s", 5.0)}
    for key in ("ring_s", "talk_s"):
        value = result[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 600:
            raise ValueError(f"{key} must be a number of seconds between 0 and 600")
    if not isinstance(result["answer"], bool):
        raise ValueError("answer must be true or false")
    return result


class EventHub:
    """Accepted events, the sessions' long polls, and the Click2Call script."""

    def __init__(
        self, state: SandboxState, stopping: threading.Event, hold_s: float = DEFAULT_HOLD_S
    ) -> None:
        self.state = state
        self.hold_s = hold_s
        self.script: dict | None = None
        self._epoch = secrets.token_hex(4)
        self._log: collections.deque[tuple[int, dict]] = collections.deque(maxlen=MAX_LOG)
        self._seq = 0
        self._cond = threading.Condition()
        self._closed = stopping  # set while the sandbox stops
        self._serials = itertools.count(1)
        self._held = 0

    # Accepting events --------------------------------------------------------------------------

    def publish(self, events: object) -> int:
        if not isinstance(events, list):
            raise ValueError("a list of events is expected")
        completed = [self._complete(event) for event in events]
        with self._cond:
            for event in completed:
                self._seq += 1
                self._log.append((self._seq, event))
            self._cond.notify_all()
        return len(completed)

    def _complete(self, event: object) -> dict:
        if not isinstance(event, dict):
            raise ValueError("an event is a JSON object")
        for key in ("Event", "Ressource"):
            if not isinstance(event.get(key), str) or not event[key]:
                raise ValueError(f"an event needs {key} (a string)")
        data = event.get("Data", {})
        if not isinstance(data, dict):
            raise ValueError("Data must be an object")
        now_ns = time.time_ns()
        data = {"Event": event["Event"], "Protocol": "sip", "Billing": event["Ressource"],
                "Ts": f"{now_ns / 1e9:.3f}", "TsGet": now_ns, **data}
        completed = {
            "Service": "sip",
            "Timestamp": max(now_ns, data["TsGet"] if isinstance(data["TsGet"], int) else 0),
            "Date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f") + " (UTC)",
            "Details": self._details(event["Ressource"]),
            **{k: v for k, v in event.items() if k != "Token"},
            "Data": data,
        }
        return completed

    def _details(self, number: str) -> dict:
        with self.state.lock:
            for index, (name, account) in enumerate(self.state.data["billing_accounts"].items()):
                line = account["lines"].get(number)
                if line is not None:
                    return {"Description": line["description"], "Id": str(300000 + index),
                            "IdBillingAccount": name, "SimultaneousLine": "2",
                            "Type": "sipCirpack"}
        return {"Description": "", "Id": "", "IdBillingAccount": "", "SimultaneousLine": "1",
                "Type": "sipCirpack"}

    def held_polls(self) -> int:
        """How many polls are being held right now."""
        with self._cond:
            return self._held

    def accepted(self) -> list[dict]:
        with self._cond:
            return [dict(event) for _, event in self._log]

    # The long poll -----------------------------------------------------------------------------

    def poll(self, query: str) -> tuple[int, dict]:
        """(status, JSON) of `GET /events/?token=…&session=…`."""
        params = {k: v[-1] for k, v in parse_qs(query).items()}
        token = params.get("token", "")
        scope = token_scope(self.state, token) if token else None
        if scope is None:
            return 403, dict(_INVALID)
        lines = covered_lines(self.state, scope)
        deadline = time.monotonic() + self.hold_s
        with self._cond:
            cursor = self._cursor(params.get("session", ""))
            while True:
                events = [e for seq, e in self._log if seq > cursor and e["Ressource"] in lines]
                remaining = deadline - time.monotonic()
                if events or remaining <= 0 or self._closed.is_set():
                    break
                self._held += 1
                try:
                    self._cond.wait(remaining)
                finally:
                    self._held -= 1
            last = self._seq
        if token_scope(self.state, token) is None:  # replaced or deleted while held
            return 403, dict(_INVALID)
        return 200, {
            "Session": f"{self._epoch}-{last}",
            "Message": "",
            "Events": [{**event, "Token": token} for event in events],
        }

    def _cursor(self, session: str) -> int:
        epoch, _, seq = session.partition("-")
        if epoch == self._epoch and seq.isdigit() and int(seq) <= self._seq:
            return int(seq)
        return self._seq

    # Controls ----------------------------------------------------------------------------------

    def control(self, method: str, path: str, body: object) -> object:
        """The answer of a `/sandbox/events` or `/sandbox/click2call-script` control."""
        if path == "/sandbox/events/status" and method == "GET":
            return {"held_polls": self.held_polls(), "hold_s": self.hold_s,
                    "accepted": len(self._log)}
        if path == "/sandbox/events":
            if method == "GET":
                return self.accepted()
            if method == "POST" and isinstance(body, list):
                return {"accepted": self.publish(body)}
            if method == "POST" and isinstance(body, dict):
                return self._configure(body)
        elif method == "GET":
            return self.script
        elif method == "DELETE":
            self.script = None
            return None
        elif method == "POST":
            self.script = check_script(body)
            return self.script
        raise KeyError(f"{method} {path}")

    def _configure(self, body: dict) -> dict:
        unknown = set(body) - {"hold_s", "expire_tokens"}
        if unknown:
            raise ValueError(f"unknown key(s): {', '.join(sorted(unknown))}")
        if "hold_s" in body:
            hold = body["hold_s"]
            if isinstance(hold, bool) or not isinstance(hold, (int, float)) or hold < 0:
                raise ValueError("hold_s must be a number of seconds >= 0")
            self.hold_s = float(hold)
        if body.get("expire_tokens"):
            with self.state.lock:
                token_table(self.state.data).clear()
                self.state.save()
        return {"hold_s": self.hold_s}

    # Click2Call --------------------------------------------------------------------------------

    def on_call(self, call: dict) -> None:
        """A Click2Call was recorded: play its legs when a script is set (never blocks)."""
        script = self.script
        if script is None or self._closed.is_set():
            return
        legs = click2call_legs(call, script, next(self._serials))
        threading.Thread(target=self._play, args=(legs,), name="sandbox-c2c", daemon=True).start()

    def _play(self, legs: list[tuple[float, dict]]) -> None:
        start = time.monotonic()
        for at, event in legs:
            if self._closed.wait(max(0.0, start + at - time.monotonic())):
                return
            self.publish([event])

    def wake(self) -> None:
        """Have every held poll look again (the sandbox stops: they answer at once)."""
        with self._cond:
            self._cond.notify_all()
