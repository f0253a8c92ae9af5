"""The call log a person reads: the app's own history merged with OVHcloud's call records.

An app call and the record of that same call become one entry (source "ovh": the record is the
truth — real duration, price — and the app's result stays); records of calls the app did not
place (desk phone, incoming calls) are entries of their own; app calls without a record yet
(just placed, failed, or records not synced) stay as they are. Names come from the contacts
store's number → name map. Pure functions over already-loaded data, plus `load_entries()`.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from easyclick2call.core.call_records import OvhRecord
from easyclick2call.core.history import CallRecord

# A record matches an app call to the same number on the same line created this long before
# (clocks differ a little) or after it (the line rang, then the number was dialled) at most.
BEFORE = timedelta(seconds=60)
AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class LogEntry:
    at: str  # UTC ISO 8601: the app's click when there is one, else the record's time
    number_e164: str  # the other party ("" when hidden)
    display: str
    line: str
    source: str  # where the app call came from ("popup", "cli"…, "line"), or "ovh": a record
    way: str  # "outgoing", "incoming", "transfer"
    name: str | None = None
    app_outcome: str | None = None  # the app's outcome (core.history.OUTCOMES)
    error_kind: str = ""
    live_outcome: str | None = None  # answered, no_answer, missed (live line events)
    app_source: str = ""  # the app call's source, also when merged with its record
    app_id: int | None = None  # the history row
    record_id: int | None = None  # OVHcloud's consumptionId
    duration: int | None = None  # seconds: the record's, else the live events'
    destination_type: str | None = None
    hangup_nature: str | None = None
    price: float | None = None  # without tax
    currency: str | None = None
    demo: bool = False

    @property
    def id(self) -> int:
        """The history row's id, or minus OVHcloud's record id for a record of its own."""
        return self.app_id if self.app_id is not None else -(self.record_id or 0)

    @property
    def merged(self) -> bool:
        return self.app_id is not None and self.record_id is not None

    @property
    def direction(self) -> str:
        return "incoming" if self.way == "incoming" else "outgoing"

    @property
    def outcome(self) -> str:
        """How the call went, as `history --json` says it: what the line's events or the record
        say when they know (answered, no_answer, missed), else what the app knows (placed,
        failed, uncertain, blocked)."""
        if self.live_outcome:
            return self.live_outcome
        if self.record_id is not None and (self.app_outcome in (None, "placed", "received")):
            if self.duration:
                return "answered"
            return "missed" if self.way == "incoming" else "no_answer"
        return self.app_outcome or "placed"

    def as_json(self) -> dict:
        """The fields of `history --json` and `history export` (see commands.history_cmd)."""
        return {
            "id": self.id,
            "at": datetime.fromisoformat(self.at).astimezone().isoformat(),
            "number": self.number_e164,
            "display": self.display,
            "name": self.name,
            "line": self.line,
            "direction": self.direction,
            "outcome": self.outcome,
            "duration_s": self.duration,
            "source": self.source,
            "app_source": self.app_source,
            "error_kind": self.error_kind,
            "price": self.price,
            "currency": self.currency,
            "destination_type": self.destination_type,
            "hangup_nature": self.hangup_nature,
            "merged": self.merged,
            "demo": self.demo,
        }


def _from_call(call: CallRecord, names: Mapping[str, str], record: OvhRecord | None = None,
               display=None) -> LogEntry:
    """An app call (merged with its OVHcloud record when there is one)."""
    base = {
        "name": names.get(call.number_e164), "app_outcome": call.outcome,
        "error_kind": call.error_kind, "live_outcome": call.live_outcome,
        "app_source": call.source, "app_id": call.id, "demo": call.demo,
    }
    if record is None:
        return LogEntry(call.at, call.number_e164, call.display, call.line, call.source,
                        call.direction, duration=call.duration_s, **base)
    return LogEntry(
        call.at, record.number_e164 or call.number_e164, call.display, record.line, "ovh",
        record.way, record_id=record.id, duration=record.duration,
        destination_type=record.destination_type or None,
        hangup_nature=record.hangup_nature or None, price=record.price,
        currency=record.currency or None, **base)


def merge_profile_records(calls: list[CallRecord], profile, region: str,
                          names: Mapping[str, str] | None = None) -> list[LogEntry]:
    """`calls` merged with the records stored in `profile` (names from `names`)."""
    from easyclick2call.core.call_records import RecordStore
    from easyclick2call.core.contacts import display

    path = profile.records_db
    records = RecordStore(path).all() if path.exists() else []
    return merge(calls, records, names, lambda e164: display(e164, region))


def _time(at: str) -> datetime:
    return datetime.fromisoformat(at)


def merge(calls: list[CallRecord], records: list[OvhRecord],
          names: Mapping[str, str] | None = None, display=None) -> list[LogEntry]:
    """One entry per call, newest first. `display(e164)` formats a record's number (default:
    the E.164 text)."""
    names = names or {}
    # Candidates per (line, number, direction), sorted by time; a call the app did not place
    # (failed, blocked) has no record.
    pending: dict[tuple[str, str, str], list[tuple[datetime, int, CallRecord]]] = {}
    for call in calls:
        if call.outcome in ("placed", "uncertain", "received"):
            pending.setdefault((call.line, call.number_e164, call.direction), []).append(
                (_time(call.at), call.id or 0, call))
    for candidates in pending.values():
        candidates.sort(key=lambda item: (item[0], item[1]))
    matched: dict[int, OvhRecord] = {}  # id(app call) → its record
    entries = []
    for record in sorted(records, key=lambda r: (r.at, r.id)):
        call = None
        if record.way in ("outgoing", "incoming"):
            call = _take(pending.get((record.line, record.number_e164, record.way), []),
                         _time(record.at))
        if call is not None:
            matched[id(call)] = record
        else:
            entries.append(_from_record(record, names, display))
    entries += [_from_call(call, names, matched.get(id(call)), display) for call in calls]
    entries.sort(key=lambda entry: (_time(entry.at), entry.app_id or 0, entry.record_id or 0),
                 reverse=True)
    return entries


def _take(candidates: list[tuple[datetime, int, CallRecord]],
          moment: datetime) -> CallRecord | None:
    """Remove and return the candidate closest in time to `moment` within the window."""
    index = bisect.bisect_left(candidates, moment - AFTER, key=lambda item: item[0])
    best = None
    for position in range(index, len(candidates)):
        at = candidates[position][0]
        if at > moment + BEFORE:
            break
        if best is None or abs(at - moment) < abs(candidates[best][0] - moment):
            best = position
    return candidates.pop(best)[2] if best is not None else None


def _from_record(record: OvhRecord, names: Mapping[str, str], display) -> LogEntry:
    """A record of a call the app did not place (desk phone, incoming, transfer)."""
    number = record.number_e164
    shown = display(number) if display and number else number
    return LogEntry(
        record.at, number, shown, record.line, "ovh", record.way,
        name=names.get(number) if number else None, record_id=record.id,
        duration=record.duration, destination_type=record.destination_type or None,
        hangup_nature=record.hangup_nature or None, price=record.price,
        currency=record.currency or None)


def load_entries(profile, region: str = "", limit: int | None = None) -> list[LogEntry]:
    """The merged log of `profile` (history, records, contact names), newest first. Reading
    never creates a file."""
    from easyclick2call.core.contacts import ContactStore
    from easyclick2call.core.history import History

    calls = History(profile.history_db).all() if profile.history_db.exists() else []
    names = ContactStore(profile.contacts_db).names() if profile.contacts_db.exists() else {}
    entries = merge_profile_records(calls, profile, region, names)
    return entries if limit is None else entries[:limit]
