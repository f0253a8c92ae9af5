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
from dataclasses import asdict, dataclass
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
    source: str  # "app" (no record, yet) or "ovh" (a record, merged with the app call if any)
    way: str  # "outgoing", "incoming", "transfer"
    name: str | None = None
    result: str | None = None  # the app call's result ("ringing", "failed:<kind>")
    app_id: int | None = None  # the history row
    record_id: int | None = None  # OVHcloud's consumptionId
    duration: int | None = None  # seconds, from the record
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

    def as_json(self) -> dict:
        return {**asdict(self), "merged": self.merged}


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
    # Candidates per (line, number), sorted by time; a failed app call placed no call.
    pending: dict[tuple[str, str], list[tuple[datetime, int, CallRecord]]] = {}
    for call in calls:
        if not call.failed:
            pending.setdefault((call.line, call.number_e164), []).append(
                (_time(call.at), call.id or 0, call))
    for candidates in pending.values():
        candidates.sort(key=lambda item: (item[0], item[1]))
    matched: dict[int, OvhRecord] = {}  # app call id → its record
    entries = []
    for record in sorted(records, key=lambda r: (r.at, r.id)):
        call = None
        if record.way == "outgoing":
            call = _take(pending.get((record.line, record.number_e164), []), _time(record.at))
        if call is not None:
            matched[id(call)] = record
        else:
            entries.append(_from_record(record, None, names, display))
    for call in calls:
        record = matched.get(id(call))
        if record is not None:
            entries.append(_from_record(record, call, names, display))
        else:
            entries.append(LogEntry(
                call.at, call.number_e164, call.display, call.line, "app", "outgoing",
                name=names.get(call.number_e164), result=call.result, app_id=call.id,
                demo=call.demo))
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


def _from_record(record: OvhRecord, call: CallRecord | None, names: Mapping[str, str],
                 display) -> LogEntry:
    number = record.number_e164
    shown = call.display if call else (display(number) if display and number else number)
    return LogEntry(
        call.at if call else record.at, number, shown, record.line, "ovh", record.way,
        name=names.get(number) if number else None,
        result=call.result if call else None, app_id=call.id if call else None,
        record_id=record.id, duration=record.duration,
        destination_type=record.destination_type or None,
        hangup_nature=record.hangup_nature or None, price=record.price,
        currency=record.currency or None, demo=call.demo if call else False)


def load_entries(profile, region: str = "", limit: int | None = None) -> list[LogEntry]:
    """The merged log of `profile` (history, records, contact names), newest first."""
    from easyclick2call.core.contacts import ContactStore
    from easyclick2call.core.history import History

    calls = History(profile.history_db).all()
    names = ContactStore(profile.contacts_db).names()
    entries = merge_profile_records(calls, profile, region, names)
    return entries if limit is None else entries[:limit]
