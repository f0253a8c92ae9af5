"""The History… window over a real SQLite history on a temporary file."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from easyclick2call.core.history import CallRecord, History
from easyclick2call.core.paths import profile_at
from easyclick2call.ui.context import AppContext
from easyclick2call.ui.history_window import COLUMN_NUMBER, HistoryWindow
from easyclick2call.ui.tasks import wait_for_tasks


def record(number: str, display: str, at: str, outcome: str = "placed",
           line: str = "0033199000001", demo: bool = False, kind: str = "") -> CallRecord:
    return CallRecord(id=None, number_e164=number, display=display, at=at, line=line,
                      outcome=outcome, error_kind=kind, demo=demo)


@pytest.fixture
def history(tmp_path: Path) -> History:
    store = History(tmp_path / "history.sqlite3")
    store.add(record("+33199001234", "01 99 00 12 34", "2026-03-02T09:00:00+00:00"))
    store.add(record("+442079460000", "+44 20 7946 0000", "2026-03-03T10:30:00+00:00",
                     outcome="failed", kind="timeout"))
    store.add(record("+33199005678", "01 99 00 56 78", "2026-03-04T16:45:00+00:00"))
    return store


def make_context(profile_dir: Path, history: History, demo: bool = False) -> AppContext:
    return AppContext(profile_at(profile_dir), None, None, history, demo=demo)


@pytest.fixture
def window(qtbot, profile_dir, history):
    context = make_context(profile_dir, history)
    win = HistoryWindow(context)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.show()
    yield win
    wait_for_tasks()


def shown_numbers(win: HistoryWindow) -> list[str]:
    return [win.proxy.index(row, COLUMN_NUMBER).data() for row in range(win.proxy.rowCount())]


def shown_row(win: HistoryWindow, row: int) -> list[str]:
    return [win.proxy.index(row, column).data() for column in range(win.proxy.columnCount())]


def select_number(qtbot, win: HistoryWindow, display: str) -> None:
    row = shown_numbers(win).index(display)
    rect = win.table.visualRect(win.proxy.index(row, COLUMN_NUMBER))
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_title_says_what_and_demo(qtbot, profile_dir, history):
    plain = HistoryWindow(make_context(profile_dir, history))
    demo = HistoryWindow(make_context(profile_dir, history, demo=True))
    qtbot.addWidget(plain)
    qtbot.addWidget(demo)
    assert plain.windowTitle() == "Call history — EasyClick2Call"
    assert demo.windowTitle() == "Call history — EasyClick2Call (Demo)"
    wait_for_tasks()


def test_shows_calls_newest_first_in_words(window):
    assert shown_numbers(window) == ["01 99 00 56 78", "+44 20 7946 0000", "01 99 00 12 34"]
    _number, when, line, result = shown_row(window, 1)
    assert line == "01 99 00 00 01"  # the line as people write it
    assert result == "Failed: no answer from OVHcloud in time"
    assert shown_row(window, 0)[3] == "Placed"
    # The stored UTC time is shown in local time.
    expected = datetime(2026, 3, 3, 10, 30, tzinfo=timezone.utc).astimezone()
    assert f"{expected.minute:02d}" in when and str(expected.day) in when


def test_the_newest_call_is_selected_so_redial_works_at_once(qtbot, window):
    assert window.selected_ids() and window.redial_button.isEnabled()
    with qtbot.waitSignal(window.redial, timeout=2000) as signal:
        qtbot.mouseClick(window.redial_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["+33199005678"]


def test_redial_emits_the_e164_number(qtbot, window):
    select_number(qtbot, window, "+44 20 7946 0000")
    assert window.redial_button.isEnabled()
    with qtbot.waitSignal(window.redial, timeout=2000) as signal:
        qtbot.mouseClick(window.redial_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["+442079460000"]


def test_delete_removes_the_selected_call_everywhere(qtbot, window, history):
    select_number(qtbot, window, "01 99 00 12 34")
    with qtbot.waitSignal(window.loaded, timeout=5000):
        qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert shown_numbers(window) == ["01 99 00 56 78", "+44 20 7946 0000"]
    assert sorted(r.number_e164 for r in history.all()) == ["+33199005678", "+442079460000"]


def confirm_box(win: HistoryWindow) -> QMessageBox:
    box = win.findChild(QMessageBox, "ConfirmClearHistory")
    assert box is not None and box.isVisible()
    return box


def test_clear_all_asks_first_and_cancel_keeps_everything(qtbot, window, history):
    qtbot.mouseClick(window.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "ConfirmClearHistory") is not None)
    box = confirm_box(window)
    assert "3 call" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    wait_for_tasks()
    assert len(history.all()) == 3
    assert len(shown_numbers(window)) == 3


def test_clear_all_confirmed_empties_the_history(qtbot, window, history):
    qtbot.mouseClick(window.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "ConfirmClearHistory") is not None)
    box = confirm_box(window)
    clear = next(b for b in box.buttons() if b.text() == "Clear all")
    with qtbot.waitSignal(window.loaded, timeout=5000):
        qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert history.all() == []
    assert window.model.rowCount() == 0
    assert window.empty_label.isVisible() and not window.table.isVisible()
    assert not window.clear_button.isEnabled()


def test_filter_by_digits_or_words(qtbot, window):
    qtbot.keyClicks(window.filter_edit, "0199 0099")
    assert shown_numbers(window) == []
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, "019900 5678")
    assert shown_numbers(window) == ["01 99 00 56 78"]
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, "+44")
    assert shown_numbers(window) == ["+44 20 7946 0000"]
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, "failed")
    assert shown_numbers(window) == ["+44 20 7946 0000"]
    window.filter_edit.clear()
    assert len(shown_numbers(window)) == 3


def test_reloads_when_the_app_records_a_call(qtbot, window, history):
    history.add(record("+33199009999", "01 99 00 99 99", "2026-03-05T08:00:00+00:00"))
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window._context.history_changed.emit()
    assert shown_numbers(window)[0] == "01 99 00 99 99"


def test_empty_history_says_so(qtbot, profile_dir, tmp_path):
    win = HistoryWindow(make_context(profile_dir, History(tmp_path / "empty.sqlite3")))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.show()
    assert win.empty_label.isVisible()
    assert win.empty_label.text() == "No calls yet."
    assert not win.redial_button.isEnabled() and not win.delete_button.isEnabled()
    wait_for_tasks()


def test_line_label_formats_ovh_line_names():
    from easyclick2call.ui.history_window import line_label

    assert line_label("0033199000001", "FR") == "01 99 00 00 01"
    assert line_label("0033199000001", "BE") == "+33 1 99 00 00 01"
    assert line_label("reception", "FR") == "reception"
