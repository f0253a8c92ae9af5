"""ovhapi phonebooks, contacts sync and call-record sync against the sandbox (real ovh client)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from easyclick2call.core.call_records import RecordStore
from easyclick2call.core.contacts import ContactStore
from easyclick2call.ovhapi.bulk import BulkReader
from easyclick2call.ovhapi.client import make_client
from easyclick2call.ovhapi.consumer_key import ACCESS_RULES, CONTACT_RULES, request_consumer_key
from easyclick2call.ovhapi.contacts_sync import sync_contacts
from easyclick2call.ovhapi.errors import ApiError
from easyclick2call.ovhapi.phonebooks import Phonebooks
from easyclick2call.ovhapi.records import sync_records
from easyclick2call.sandbox.phonebook import (
    DEMO_BOOK_KEY,
    DEMO_CONTACTS,
    DEMO_PHONE_CONTACTS,
    add_contact,
)
from tests.api.test_client import app_identity
from tests.e2e.support.actions import poll


@pytest.fixture
def demo(sandbox) -> dict:
    return sandbox.info()


@pytest.fixture
def client(sandbox):
    return make_client(app_identity(sandbox))


@pytest.fixture
def store(tmp_path: Path) -> ContactStore:
    return ContactStore(tmp_path / "contacts.sqlite3")


def sync(client, store, demo, **options):
    return sync_contacts(client, store, demo["billing_account"], demo["lines"][0], "FR",
                         **options)


def demo_book(sandbox, demo) -> dict:
    return sandbox.state.data["billing_accounts"][demo["billing_account"]]["phonebooks"][
        DEMO_BOOK_KEY]


def test_first_sync_reads_both_kinds_of_phonebook(client, store, demo) -> None:
    report = sync(client, store, demo)
    assert report.books == 2
    assert report.contacts == report.read == len(DEMO_CONTACTS) + len(DEMO_PHONE_CONTACTS)
    assert store.lookup("+33199001234") == "Dr Martin"
    assert store.lookup("+33639981234") == "Dr Martin"
    assert store.lookup("+33199005566") == "Hôtel de la Gare"
    assert store.lookup("+33199001000") == "Standard Mairie"  # the phone's book
    sources = {info.source: info for info in store.sources()}
    assert sources[f"ovh:{demo['billing_account']}/{DEMO_BOOK_KEY}"].label == "Carnet de démo"
    assert any(source.startswith("ovh-phone:") for source in sources)


def test_batch_mode_is_used(client, store, demo) -> None:
    reader = BulkReader(client)
    sync(client, store, demo, reader=reader)
    assert reader.batch_supported is True
    # two book lists, a GET per book, then per book one id list and one batch
    assert reader.requests == 8


def test_unchanged_refresh_reads_only_id_lists(client, store, demo) -> None:
    sync(client, store, demo)
    reader = BulkReader(client)
    report = sync(client, store, demo, reader=reader)
    assert report.read == 0 and report.removed == 0
    assert reader.requests == 6  # no batch request: nothing new


def test_incremental_refresh_adds_and_removes(client, store, demo, sandbox) -> None:
    sync(client, store, demo)
    with sandbox.state.lock:
        book = demo_book(sandbox, demo)
        new_id = add_contact(sandbox.state.data, book, {
            "name": "Nouvelle", "surname": "Cliente", "group": "Clients",
            "workPhone": "0033199007777"})
        del book["contacts"]["1002"]  # Camille Durand
    report = sync(client, store, demo)
    assert report.read == 1 and report.removed == 1
    assert store.lookup("+33199007777") == "Nouvelle Cliente"
    assert store.lookup("+33199001122") is None
    assert str(new_id) in store.source_ids(f"ovh:{demo['billing_account']}/{DEMO_BOOK_KEY}")


def test_an_edit_is_seen_by_a_full_sync(client, store, demo, sandbox) -> None:
    sync(client, store, demo)
    with sandbox.state.lock:
        demo_book(sandbox, demo)["contacts"]["1001"]["surname"] = "Martin-Leroy"
    assert sync(client, store, demo).read == 0
    assert store.lookup("+33199001234") == "Dr Martin"
    report = sync(client, store, demo, full=True)
    assert report.full and report.read == report.contacts
    assert store.lookup("+33199001234") == "Dr Martin-Leroy"


def test_a_deleted_book_is_forgotten(client, store, demo, sandbox) -> None:
    sync(client, store, demo)
    with sandbox.state.lock:
        del sandbox.state.data["billing_accounts"][demo["billing_account"]]["phonebooks"][
            DEMO_BOOK_KEY]
    sync(client, store, demo)
    assert store.lookup("+33199001234") is None
    assert store.lookup("+33199001000") == "Standard Mairie"


def test_without_batch_mode_a_bounded_pool_reads_each_contact(client, store, demo,
                                                              sandbox) -> None:
    sandbox.inject_fault({"method": "GET", "path": "*phonebookContact/*,*", "status": 400,
                          "body": {"message": "Invalid batch"}, "count": None})
    reader = BulkReader(client, workers=2)
    report = sync(client, store, demo, reader=reader)
    assert reader.batch_supported is False
    assert report.contacts == len(DEMO_CONTACTS) + len(DEMO_PHONE_CONTACTS)
    assert store.lookup("+33199001234") == "Dr Martin"


def test_a_429_pauses_and_retries(client, store, demo, sandbox) -> None:
    sandbox.inject_fault({"method": "GET", "path": "*/phonebookContact", "status": 429,
                          "count": 1})
    reader = BulkReader(client)
    started = time.monotonic()
    report = sync(client, store, demo, reader=reader)
    assert time.monotonic() - started >= 1.0  # paused before asking again
    assert report.contacts == len(DEMO_CONTACTS) + len(DEMO_PHONE_CONTACTS)


def test_too_many_429s_give_a_rate_limited_error(client, store, demo, sandbox) -> None:
    sandbox.inject_fault({"method": "GET", "path": "*/phonebook", "status": 429,
                          "count": None})
    with pytest.raises(ApiError) as caught:
        sync(client, store, demo, reader=BulkReader(client, retries=0))
    assert caught.value.kind == "rate_limited"
    assert store.count() == 0


def test_save_as_contact_needs_the_contact_rule(sandbox, demo) -> None:
    reader_only = Phonebooks(make_client(app_identity(sandbox)))
    book = reader_only.books(demo["billing_account"])[0]
    with pytest.raises(ApiError) as caught:
        reader_only.add_contact(book, "Ada", "Lovelace", "+33199009876")
    assert caught.value.kind == "not_granted"
    rules = [{"method": m, "path": p} for m, p in [*ACCESS_RULES, *CONTACT_RULES]]
    writer = Phonebooks(make_client(app_identity(sandbox, consumer_key=(
        sandbox.create_consumer_key(rules)))))
    contact_id = writer.add_contact(book, "Ada", "Lovelace", "+33199009876", group="App")
    stored = writer.reader.get(f"{book.contacts_path}/{contact_id}")
    assert (stored["name"], stored["surname"], stored["workPhone"]) == (
        "Ada", "Lovelace", "0033199009876")
    with pytest.raises(ApiError) as caught:
        writer.add_contact(book, " ", "", "+33199009876")
    assert caught.value.kind == "bad_request"


def test_the_contact_rule_is_asked_only_on_request(sandbox) -> None:
    identity = app_identity(sandbox, consumer_key="")
    pending = request_consumer_key(identity, extra_rules=CONTACT_RULES)
    rules = sandbox.state.data["credentials"][pending.consumer_key]["rules"]
    assert [(r["method"], r["path"]) for r in rules] == [*ACCESS_RULES, *CONTACT_RULES]


def test_records_sync_reads_new_records_only(client, sandbox, demo, tmp_path) -> None:
    sandbox.consumption.delay = 0.3
    records = RecordStore(tmp_path / "records.sqlite3")
    ba, line = demo["billing_account"], demo["lines"][0]
    first = sync_records(client, records, ba, line, "FR")
    assert first.read == 4 and first.stored == 4
    incoming = [r for r in records.all() if r.way == "incoming"]
    assert [r.number_e164 for r in incoming] == ["+33199001234"]
    assert {r.destination_type for r in records.all()} == {"landline", "mobile"}
    reader = BulkReader(client)
    assert sync_records(client, records, ba, line, "FR", reader=reader).read == 0
    assert reader.requests == 2  # the two id lists
    make_client(app_identity(sandbox)).post(
        f"/telephony/{ba}/line/{line}/click2Call", calledNumber="0033639981234")
    poll(lambda: sync_records(client, records, ba, line, "FR").read == 1, 15, "the new record")
    newest = records.all()[0]
    assert (newest.way, newest.number_e164, newest.destination_type) == (
        "outgoing", "+33639981234", "mobile")
    assert newest.duration > 0 and newest.price == 0.0 and newest.currency == "EUR"


def test_records_since_limits_what_is_listed(client, sandbox, demo, tmp_path) -> None:
    records = RecordStore(tmp_path / "records.sqlite3")
    since = datetime.now(timezone.utc) - timedelta(hours=2)
    report = sync_records(client, records, demo["billing_account"], demo["lines"][0], "FR",
                          since=since)
    assert report.read == 1  # only the incoming call of an hour ago


def test_an_app_call_and_its_record_become_one_log_entry(sandbox, demo, profile_dir) -> None:
    from easyclick2call.core.call_log import load_entries
    from easyclick2call.core.history import CallRecord, History
    from easyclick2call.core.paths import resolve_profile
    from easyclick2call.ovhapi.telephony import Telephony

    sandbox.consumption.delay = 0.5
    profile = resolve_profile(str(profile_dir))
    ba, line = demo["billing_account"], demo["lines"][0]
    client = make_client(app_identity(sandbox))
    records = RecordStore(profile.records_db)
    sync_records(client, records, ba, line, "FR")  # the demo line's own records first
    sync_contacts(client, ContactStore(profile.contacts_db), ba, line, "FR")
    Telephony(client).call(ba, line, "0033199005566")  # as the app does, then its history row
    History(profile.history_db).add(CallRecord.new("+33199005566", "01 99 00 55 66", line,
                                                   "ringing", demo=True))
    poll(lambda: sync_records(client, records, ba, line, "FR").read, 15, "the call's record")
    entries = [e for e in load_entries(profile, "FR") if e.number_e164 == "+33199005566"]
    [merged] = [e for e in entries if e.app_id is not None]
    assert merged.merged and merged.source == "ovh" and merged.duration > 0
    assert merged.name == "Hôtel de la Gare" and merged.price == 0.0
    assert len([e for e in entries if e.record_id == merged.record_id]) == 1
