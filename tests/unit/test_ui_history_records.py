"""The History… window with OVHcloud's call records: merged rows, desk-phone calls, names."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyclick2call.core.call_records import OvhRecord, RecordStore
from easyclick2call.core.history import History
from easyclick2call.core.paths import resolve_profile
from easyclick2call.ui.history_window import HistoryWindow, _clear_all
from easyclick2call.ui.names import NameIndex
from easyclick2call.ui.tasks import wait_for_tasks
from tests.unit.test_ui_history_window import make_context, record, select_number, shown_row

LINE = "0033199000001"


def ovh(record_id: int, at: str, number: str, way: str = "outgoing",
        duration: int = 95, price: float = 0.0) -> OvhRecord:
    return OvhRecord(record_id, LINE, at, way, number, duration, "landline",
                     "Normal call clearing", "France - Fixe", "priceplan", price, "EUR")


@pytest.fixture
def profile(profile_dir: Path):
    profile = resolve_profile(str(profile_dir))
    history = History(profile.history_db)
    history.add(record("+33199001234", "01 99 00 12 34", "2026-03-02T09:00:00+00:00"))
    RecordStore(profile.records_db).add_many([
        ovh(81, "2026-03-02T09:00:20+00:00", "+33199001234"),
        ovh(82, "2026-03-02T11:00:00+00:00", "+33199005566", duration=184, price=0.12),
        ovh(83, "2026-03-02T12:00:00+00:00", "+33199001234", way="incoming", duration=61),
    ])
    return profile


def open_window(qtbot, profile) -> HistoryWindow:
    context = make_context(profile.data_dir, History(profile.history_db))
    win = HistoryWindow(context, names=NameIndex({"+33199001234": "Dr Martin"}))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.show()
    return win


def rows(win: HistoryWindow) -> list[list[str]]:
    return [shown_row(win, row) for row in range(win.proxy.rowCount())]


def test_app_calls_merge_with_records_and_desk_calls_appear(qtbot, profile) -> None:
    win = open_window(qtbot, profile)
    shown = [(row[0], row[3]) for row in rows(win)]
    assert shown == [
        ("Dr Martin — 01 99 00 12 34", "Incoming call · 1 min 01 s"),
        ("01 99 00 55 66", "Call from the phone · 3 min 04 s · 0.12 EUR"),
        ("Dr Martin — 01 99 00 12 34", "Phone rang · 1 min 35 s"),
    ]
    wait_for_tasks()


def test_deleting_a_record_row_forgets_it_for_good(qtbot, profile) -> None:
    win = open_window(qtbot, profile)
    select_number(qtbot, win, "01 99 00 55 66")
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.delete_selected()
    assert "01 99 00 55 66" not in [row[0] for row in rows(win)]
    assert 82 in RecordStore(profile.records_db).ids(LINE)  # known: a sync will not re-read it
    assert [r.id for r in RecordStore(profile.records_db).all()] == [83, 81]
    wait_for_tasks()


def test_clearing_the_history_clears_the_records_without_bringing_them_back(profile) -> None:
    _clear_all(History(profile.history_db), profile)
    store = RecordStore(profile.records_db)
    assert store.count() == 0 and store.ids(LINE) == {81, 82, 83}
    assert History(profile.history_db).all() == []


def test_save_as_contact_is_offered_for_a_number_without_a_name(qtbot, profile) -> None:
    win = open_window(qtbot, profile)
    select_number(qtbot, win, "Dr Martin — 01 99 00 12 34")
    assert not win.save_contact_button.isEnabled()  # already a contact
    select_number(qtbot, win, "01 99 00 55 66")
    assert win.save_contact_button.isEnabled()
    wait_for_tasks()
