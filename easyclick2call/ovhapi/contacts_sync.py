"""Bring the account's OVHcloud phonebooks into the local contacts store.

A first sync (or `full=True`) reads every contact of every book. Later ones are incremental: the
id list of each book (one request) is compared with the ids read last time (kept as the source's
`state` in the store), only new ids are read, and ids gone are deleted. OVHcloud offers no change
date or change feed, so an edit to a contact already read is only seen by a full sync (the app
makes one at start, incremental ones periodically). Books that disappeared are forgotten.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import ovh

from easyclick2call.core.contacts import ContactStore
from easyclick2call.ovhapi.bulk import BulkReader
from easyclick2call.ovhapi.phonebooks import Phonebooks

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncReport:
    books: int
    contacts: int  # usable contacts now stored from these books
    read: int  # contacts read from OVHcloud this time
    removed: int
    requests: int
    full: bool


def sync_contacts(client: ovh.Client, store: ContactStore, billing_account: str,
                  line: str | None, region: str, *, full: bool = False,
                  reader: BulkReader | None = None) -> SyncReport:
    """Sync the phonebooks of `billing_account` and of `line`'s phone; raises `ApiError`."""
    reader = reader or BulkReader(client)
    phonebooks = Phonebooks(client, reader)
    books = phonebooks.books(billing_account, line)
    read = removed = 0
    for book in books:
        ids = phonebooks.contact_ids(book)
        previous = store.source_state(book.source)
        if full or previous is None:
            contacts, answered = phonebooks.contacts(book, ids, region)
            store.replace_source(book.source, book.name, contacts, state=_state(ids, answered))
        else:
            seen = set(filter(None, previous.split(",")))
            current = set(ids)
            new = [key for key in ids if key not in seen]
            gone = seen - current
            contacts, answered = phonebooks.contacts(book, new, region) if new else ([], set())
            state = _state(ids, (seen & current) | answered)
            store.update_source(book.source, book.name, contacts, remove=sorted(gone),
                                state=state)
            removed += len(gone)
        read += len(answered)
    prefixes = (f"ovh:{billing_account}/", f"ovh-phone:{billing_account}/")
    kept = {book.source for book in books}
    for info in store.sources():
        if info.source.startswith(prefixes) and info.source not in kept:
            removed += store.forget_source(info.source)
    total = sum(info.contacts for info in store.sources() if info.source in kept)
    log.info("Phonebooks synced: %d books, %d contacts read, %d requests", len(books), read,
             reader.requests)
    return SyncReport(len(books), total, read, removed, reader.requests, full)


def _state(ids: list[str], answered: set[str]) -> str:
    """The ids read, in the book's order (an id that failed is read again next time)."""
    return ",".join(key for key in ids if key in answered)
