"""One event of OVHcloud's live-event stream, as the rest of the app sees it.

The stream's shape (an object with `Event`, `Token`, `Service`, `Ressource`, `Timestamp`,
`Date`, `Data`, `Details`) is described in docs/live-calls.md. Line events are
`start_ringing`, `end_ringing`, `start_calling` (answered), `end_calling` (hung up) and
`registered`; queue events keep their name and no call fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CALL_EVENTS = ("start_ringing", "end_ringing", "start_calling", "end_calling")


def ovh_form(number: object) -> str:
    """A number as the stream writes it: `+33…` → `0033…`, separators dropped."""
    text = "".join(ch for ch in str(number or "") if ch.isdigit() or ch == "+")
    return "00" + text[1:] if text.startswith("+") else text


def e164(number: str) -> str:
    """`0033…` → `+33…` (anything else as given): what the user is shown and can copy."""
    return "+" + number[2:] if number.startswith("00") and len(number) > 4 else number


@dataclass(frozen=True)
class LineEvent:
    event: str  # start_ringing, end_ringing, start_calling, end_calling, registered, …
    line: str  # Ressource: the OVHcloud number, 0033…
    call_id: str  # Data.CallId ("" when absent)
    calling: str  # Data.Calling, 0033…
    called: str  # Data.Called
    dialed: str  # Data.Dialed
    ts_get: int  # Data.TsGet, nanoseconds (0 when absent)
    at: float  # when it happened, epoch seconds (Data.Ts, else TsGet, else Timestamp)
    line_name: str = ""  # Details.Description
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str, int]:
        """What makes an event unique across reconnects: CallId + Event + TsGet."""
        return (self.call_id, self.event, self.ts_get)

    @property
    def is_call_event(self) -> bool:
        return self.event in CALL_EVENTS and bool(self.call_id)

    @property
    def direction(self) -> str:
        """`outgoing` (the line calls), `incoming` (the line is called), or `unknown`."""
        line = self.line
        if line == self.calling and line != self.called:
            return "outgoing"
        if line == self.called and line != self.calling:
            return "incoming"
        return "unknown"

    @property
    def remote(self) -> str:
        """The other party's number (0033…), or "" when it is not known."""
        direction = self.direction
        if direction == "outgoing":
            return self.called or self.dialed
        if direction == "incoming":
            return self.calling
        return ""

    @classmethod
    def from_json(cls, value: object) -> LineEvent | None:
        """The event, or None when `value` is not an event (no `Event` or `Ressource`)."""
        if not isinstance(value, dict):
            return None
        name, line = value.get("Event"), value.get("Ressource")
        if not isinstance(name, str) or not name or not isinstance(line, str):
            return None
        data = value.get("Data") if isinstance(value.get("Data"), dict) else {}
        details = value.get("Details") if isinstance(value.get("Details"), dict) else {}
        line = ovh_form(line) or line
        ts_get = _int(data.get("TsGet"))
        at = _float(data.get("Ts")) or ts_get / 1e9 or _int(value.get("Timestamp")) / 1e9
        return cls(
            event=name,
            line=line,
            call_id=str(data.get("CallId") or ""),
            # A missing number is the line's own (as OVHcloud's example dashboard does).
            calling=ovh_form(data.get("Calling")) or line,
            called=ovh_form(data.get("Called")) or line,
            dialed=ovh_form(data.get("Dialed")),
            ts_get=ts_get,
            at=at,
            line_name=str(details.get("Description") or ""),
            raw=value,
        )


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
