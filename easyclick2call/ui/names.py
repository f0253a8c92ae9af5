"""Names for numbers in the running app: an in-memory index, loaded and refreshed off the GUI
thread, and the background syncs that feed it (OVHcloud phonebooks and call records).

`NameIndex.get(e164)` is a dict look-up: the popup, the tray menu and History ask it on the GUI
thread at no cost, whatever the number of contacts. `ContactsService` loads the index from the
contacts store at start, then syncs (FIRST_SYNC_MS after start: a full read of the phonebooks
and the records not stored yet; then every SYNC_INTERVAL_MS incrementally), each time on a
worker, and replaces the index whole when a sync or an import changed the store. Names are
never logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QObject, QTimer, Signal

from easyclick2call.ui.tasks import run_task

log = logging.getLogger(__name__)

# After start: names from the last session are shown at once (loaded from the store); the
# first sync waits until the app has settled (the tray, the first copies, an idle start).
FIRST_SYNC_MS = 10_000
SYNC_INTERVAL_MS = 15 * 60 * 1000


class NameIndex:
    """Number (E.164) → name, replaced whole (a reference swap: safe to read anywhere)."""

    def __init__(self, names: Mapping[str, str] | None = None) -> None:
        self._names: Mapping[str, str] = dict(names or {})

    def get(self, e164: str) -> str | None:
        return self._names.get(e164)

    def replace(self, names: Mapping[str, str]) -> None:
        self._names = names

    def __len__(self) -> int:
        return len(self._names)


def _load_names(path) -> dict[str, str]:
    if not path.exists():  # no contacts yet: nothing imported, no SQLite loaded
        return {}
    from easyclick2call.core.contacts import ContactStore

    return ContactStore(path).names()


def _sync(context, full: bool) -> dict[str, str]:
    """(Worker) phonebooks and call records of the configured line; the new names map."""
    from easyclick2call.core.call_records import RecordStore
    from easyclick2call.core.contacts import ContactStore
    from easyclick2call.ovhapi.client import make_client
    from easyclick2call.ovhapi.contacts_sync import sync_contacts
    from easyclick2call.ovhapi.records import sync_records

    account = context.account()
    client = make_client(account.to_identity())
    store = ContactStore(context.profile.contacts_db)
    billing_account, line = account.billing_account, account.line
    region = context.region()
    sync_contacts(client, store, billing_account, line, region, full=full)
    days = int(context.setting("history_retention_days", 90))
    since = datetime.now(timezone.utc) - timedelta(days=days) if days > 0 else None
    records = RecordStore(context.profile.records_db)
    sync_records(client, records, billing_account, line, region, since=since)
    records.prune(days)
    return store.names()


def cached_counts(profile) -> dict[str, int]:
    """(Worker) how many contacts and call records are cached, for the Privacy page."""
    from easyclick2call.core.call_records import RecordStore
    from easyclick2call.core.contacts import ContactStore

    contacts = ContactStore(profile.contacts_db).count() if profile.contacts_db.exists() else 0
    records = RecordStore(profile.records_db).count() if profile.records_db.exists() else 0
    return {"contacts": contacts, "records": records}


def forget_cached(profile) -> dict[str, int]:
    """(Worker) delete every cached contact and call record; returns what went."""
    from easyclick2call.core.call_records import RecordStore
    from easyclick2call.core.contacts import ContactStore

    return {"contacts": ContactStore(profile.contacts_db).clear(),
            "records": RecordStore(profile.records_db).clear()}


class ContactsService(QObject):
    """Keeps `names` current and the records synced; `changed` after each new index."""

    changed = Signal()

    def __init__(self, context, parent: QObject | None = None,
                 when_quiet: Callable[[Callable[[], None]], None] | None = None) -> None:
        """`when_quiet(work)`: runs the timed syncs when the user is not copying (ui.quiet)."""
        super().__init__(parent)
        self.context = context
        self._when_quiet = when_quiet or (lambda work: work())
        self.names = NameIndex()
        self._syncing = False
        self._synced_once = False
        self._on_forgotten = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._when_quiet(self.sync))
        context.account_changed.connect(self._account_changed)
        contacts_changed = getattr(context, "contacts_changed", None)
        if contacts_changed is not None:
            contacts_changed.connect(self.reload)

    def start(self) -> None:
        """Load the index, then sync shortly after (when an account is configured)."""
        self.reload()
        self._timer.start(FIRST_SYNC_MS)

    def stop(self) -> None:
        self._timer.stop()

    def reload(self) -> None:
        """Read the names from the store again (after an import or a forget)."""
        run_task(_load_names, self.context.profile.contacts_db, on_done=self._loaded,
                 parent=self)

    def _loaded(self, names: dict[str, str]) -> None:
        self.names.replace(names)
        self.changed.emit()

    def sync(self) -> None:
        """One sync now (full the first time in this session), unless one is under way."""
        self._timer.start(SYNC_INTERVAL_MS)
        if self._syncing or not self.context.looks_configured():
            return
        self._syncing = True
        run_task(_sync, self.context, not self._synced_once, on_done=self._synced,
                 on_error=self._failed, parent=self)

    def _synced(self, names: dict[str, str]) -> None:
        self._syncing = False
        self._synced_once = True
        self._loaded(names)
        self.context.history_changed.emit()  # new records: History and the tray update

    def _failed(self, error: BaseException) -> None:
        self._syncing = False
        log.info("Contacts sync failed: %s", getattr(error, "kind", type(error).__name__))

    def _account_changed(self) -> None:
        self._synced_once = False
        self._timer.start(FIRST_SYNC_MS)

    def forget(self, on_done=None) -> None:
        """Delete the cached contacts and records (worker), then empty the index; `on_done`
        gets {"contacts": n, "records": n}."""
        self._on_forgotten = on_done
        run_task(forget_cached, self.context.profile, on_done=self._forgotten, parent=self)

    def _forgotten(self, counts: dict[str, int]) -> None:
        self._synced_once = False
        self._loaded({})
        self.context.history_changed.emit()
        callback, self._on_forgotten = self._on_forgotten, None
        if callback is not None:
            callback(counts)
