"""Merging the app's history with OVHcloud's call records, and the records store."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from easyclick2call.core.call_log import load_entries, merge
from easyclick2call.core.call_records import OvhRecord, RecordStore
from easyclick2call.core.contacts import Contact, ContactNumber, ContactStore
from easyclick2call.core.history import CallRecord, History
from easyclick2call.core.paths import resolve_profile

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
LINE = "0033199000001"
MARTIN = "+33199001234"


def app_call(call_id: int, minutes: float, number: str = MARTIN,
             result: str = "ringing") -> CallRecord:
    at = (T0 + timedelta(minutes=minutes)).isoformat()
    return CallRecord(call_id, number, "01 99 00 12 34", at, LINE, result)


def record(record_id: int, minutes: float, number: str = MARTIN, way: str = "outgoing",
           duration: int = 95, line: str = LINE) -> OvhRecord:
    at = (T0 + timedelta(minutes=minutes)).isoformat()
    return OvhRecord(record_id, line, at, way, number, duration, "landline",
                     "Normal call clearing", "France - Fixe", "priceplan", 0.0, "EUR")


def test_an_app_call_and_its_record_are_one_entry() -> None:
    [entry] = merge([app_call(1, 0)], [record(81, 0.2)], {MARTIN: "Dr Martin"})
    assert entry.merged and entry.source == "ovh"
    assert (entry.app_id, entry.record_id, entry.duration) == (1, 81, 95)
    assert entry.name == "Dr Martin" and entry.result == "ringing"
    assert entry.at == app_call(1, 0).at and entry.display == "01 99 00 12 34"
    assert entry.as_json()["price"] == 0.0 and entry.as_json()["merged"] is True


def test_desk_phone_and_incoming_records_are_entries_of_their_own() -> None:
    entries = merge([app_call(1, 0)], [
        record(81, 0.1), record(82, 30, "+33199005566"),
        record(83, 60, MARTIN, way="incoming")], {}, display=lambda e164: "shown " + e164)
    assert [(e.record_id, e.app_id, e.way) for e in entries] == [
        (83, None, "incoming"), (82, None, "outgoing"), (81, 1, "outgoing")]
    assert entries[1].display == "shown +33199005566" and entries[1].source == "ovh"


def test_an_incoming_call_never_takes_an_app_call() -> None:
    entries = merge([app_call(1, 0)], [record(81, 0.1, way="incoming")])
    assert [(e.source, e.app_id, e.record_id) for e in entries] == [
        ("ovh", None, 81), ("app", 1, None)]


def test_failed_app_calls_and_calls_without_records_stay_app_entries() -> None:
    entries = merge([app_call(1, 0, result="failed:network"), app_call(2, 5)], [])
    assert [(e.source, e.app_id, e.result) for e in entries] == [
        ("app", 2, "ringing"), ("app", 1, "failed:network")]
    entries = merge([app_call(1, 0, result="failed:network")], [record(81, 0.1)])
    assert len(entries) == 2  # the failed attempt placed no call: the record is another one


def test_two_calls_to_one_number_each_get_the_nearest_record() -> None:
    calls = [app_call(1, 0), app_call(2, 4)]
    entries = merge(calls, [record(82, 4.2, duration=30), record(81, 0.3, duration=60)])
    assert sorted((e.app_id, e.record_id, e.duration) for e in entries) == [
        (1, 81, 60), (2, 82, 30)]


@pytest.mark.parametrize(("minutes", "merged"), [
    (-0.9, True), (-1.5, False), (9.5, True), (11, False)])
def test_matching_window(minutes: float, merged: bool) -> None:
    entries = merge([app_call(1, 0)], [record(81, minutes)])
    assert (len(entries) == 1) is merged


def test_other_line_or_number_does_not_match() -> None:
    assert len(merge([app_call(1, 0)], [record(81, 0.1, line="0033199000002")])) == 2
    assert len(merge([app_call(1, 0)], [record(81, 0.1, number="+33199005566")])) == 2


def test_record_store(tmp_path: Path) -> None:
    store = RecordStore(tmp_path / "records.sqlite3")
    assert store.add_many([record(81, 0), record(82, 10, line="0033199000002")]) == 2
    store.add_many([record(81, 0, duration=99)])  # the same record again: replaced
    assert store.count() == 2
    assert store.ids(LINE) == {81}
    assert [r.id for r in store.all()] == [82, 81] and store.all()[1].duration == 99
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.prune(30, now=T0 + timedelta(days=30, minutes=5)) == 1
    assert store.prune(0) == 0
    assert store.clear() == 1 and store.count() == 0


def test_load_entries_reads_the_profile(profile_dir: Path) -> None:
    profile = resolve_profile(str(profile_dir))
    History(profile.history_db).add(app_call(None, 0))
    RecordStore(profile.records_db).add_many([record(81, 0.1), record(82, 5, "+33199005566")])
    ContactStore(profile.contacts_db).replace_source("file:x", "x", [
        Contact("Hôtel de la Gare", (ContactNumber("+33199005566"),), "1")])
    entries = load_entries(profile, region="FR")
    assert [(e.name, e.display, e.merged) for e in entries] == [
        ("Hôtel de la Gare", "01 99 00 55 66", False), (None, "01 99 00 12 34", True)]
    assert len(load_entries(profile, limit=1)) == 1
