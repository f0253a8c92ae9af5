"""The History… window: the calls placed, newest first, with redial, delete, clear and a filter.

The history (SQLite, `core.history.History`) is read and written off the GUI thread through
`ui.tasks.run_task`; the window reloads whenever the app context says the history changed.
Only numbers the user chose to call are shown — never clipboard text.
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from easyclick2call.ui.live_texts import describe_live
from easyclick2call.ui.tasks import run_task

log = logging.getLogger(__name__)

COLUMN_NUMBER, COLUMN_WHEN, COLUMN_LINE, COLUMN_RESULT = range(4)
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
E164_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
OVH_ID_ROLE = Qt.ItemDataRole.UserRole + 4  # OVHcloud's record id (None: no record)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def line_label(line: str, region: str) -> str:
    """An OVHcloud line name as people write it: "0033199000001" → "01 99 00 00 01" in France
    (international format for another country); other names unchanged."""
    if not (line.startswith("00") and line[2:].isdigit()):
        return line
    try:
        from easyclick2call.core.numbers import display_number, find_numbers

        found = find_numbers("+" + line[2:], region)
    except (ImportError, ValueError):
        return line
    return display_number(found[0], region) if len(found) == 1 else line


def _of_kind(entry: Any, kind: str) -> bool:
    """The History window's filter: all, outgoing, incoming, missed."""
    if kind == "missed":
        return entry.outcome == "missed"
    return kind in ("all", entry.direction)


def _read_all(history: Any, generation: int, region: str, kind: str = "all", *,
              profile: Any = None, names: Any = None) -> tuple[int, list, dict[str, str]]:
    """Worker-thread side of a reload: every call of `kind` (all, outgoing, incoming, missed) as
    core.call_log entries — the app's calls merged with the OVHcloud call records stored in
    `profile` (desk-phone calls included) —, tagged with the reload it answers, and the display
    form of each line they use."""
    from easyclick2call.core.call_log import merge, merge_profile_records

    calls = list(history.all())
    if profile is not None:
        records = merge_profile_records(calls, profile, region, names)
    else:
        records = merge(calls, [], names)
    records = [entry for entry in records if _of_kind(entry, kind)]
    lines = {record.line: line_label(record.line, region) for record in records}
    return generation, records, lines


def _clear_all(history: Any, profile: Any) -> None:
    """(Worker) clear the history and OVHcloud's records shown in it (not brought back)."""
    history.clear()
    if profile is not None and profile.records_db.exists():
        from easyclick2call.core.call_records import RecordStore

        RecordStore(profile.records_db).clear(remember=True)


class HistoryFilter(QSortFilterProxyModel):
    """Keeps the rows whose text contains the filter words, or whose number contains its digits
    (so "0199" finds "+33 1 99 00 12 34" and "01 99 00 12 34" alike)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._needle_digits = ""
        self.setSortRole(SORT_ROLE)

    def set_needle(self, text: str) -> None:
        begin = getattr(self, "beginFilterChange", None)  # Qt >= 6.10
        if begin is not None:
            begin()
        self._needle = text.strip().casefold()
        digits = _digits(self._needle)
        # Only a query made of a number (digits, spaces, +, dots, dashes…) matches by digits.
        only_number = all(ch.isdigit() or ch in " +-.()/" for ch in self._needle)
        self._needle_digits = digits if digits and only_number else ""
        if begin is not None:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        texts = []
        for column in range(model.columnCount()):
            index = model.index(source_row, column, source_parent)
            texts.append(str(model.data(index) or ""))
        if any(self._needle in text.casefold() for text in texts):
            return True
        if self._needle_digits:
            number_index = model.index(source_row, COLUMN_NUMBER, source_parent)
            candidates = (str(model.data(number_index) or ""),
                          str(model.data(number_index, E164_ROLE) or ""))
            national = _digits(candidates[0])
            if any(self._needle_digits in _digits(c) for c in candidates):
                return True
            # "0199…" typed in national form against a stored "+33 1 99…": compare past the 0.
            stripped = self._needle_digits.lstrip("0")
            return bool(stripped) and stripped in national
        return False


class HistoryWindow(QWidget):
    """The call history of the profile in use. `redial(str)` carries the E.164 number to call."""

    redial = Signal(str)
    loaded = Signal(int)  # emitted after each (re)load with the number of records shown

    def __init__(self, context: Any, parent: QWidget | None = None, names: Any = None,
                 names_changed: Any = None) -> None:
        """`names`: number → contact name (ui.names.NameIndex), shown next to the numbers;
        `names_changed`: a signal after which they are shown again."""
        super().__init__(parent, Qt.WindowType.Window)
        self._context = context
        self._names = names
        self._save_dialog: QWidget | None = None
        self._generation = 0
        self._confirm_box: QMessageBox | None = None
        self.setObjectName("HistoryWindow")
        title = self.tr("Call history — EasyClick2Call")
        if getattr(context, "demo", False):
            title += self.tr(" (Demo)")
        self.setWindowTitle(title)
        self.resize(640, 400)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by number, date, line or result"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter"))
        self.kind_combo = QComboBox(self)  # live calls: which calls
        self.kind_combo.setObjectName("kindFilter")
        for kind, label in (("all", self.tr("All")), ("outgoing", self.tr("Outgoing")),
                            ("incoming", self.tr("Incoming")), ("missed", self.tr("Missed"))):
            self.kind_combo.addItem(label, kind)
        self.kind_combo.setAccessibleName(self.tr("Calls to show"))

        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Date and time"), self.tr("Line"), self.tr("Result")]
        )
        self.proxy = HistoryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_RESULT, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Calls"))

        self.empty_label = QLabel(self.tr("No calls yet."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        self.redial_button = QPushButton(self.tr("&Redial"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.save_contact_button = QPushButton(self.tr("&Save as contact…"), self)
        self.clear_button = QPushButton(self.tr("C&lear all…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.redial_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_contact_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.kind_combo)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        self.filter_edit.textChanged.connect(self.proxy.set_needle)
        self.filter_edit.textChanged.connect(self._update_state)
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.table.selectionModel().selectionChanged.connect(self._update_state)
        self.redial_button.clicked.connect(self._redial_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.clear_button.clicked.connect(self.ask_clear)
        self.save_contact_button.clicked.connect(self.save_as_contact)
        if names_changed is not None:
            names_changed.connect(self.reload)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Cancel, self, self.close)
        history_changed = getattr(context, "history_changed", None)
        if history_changed is not None:
            history_changed.connect(self.reload)
        self._update_state()
        self.reload()

    # ----- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the history again, off the GUI thread; only the newest read is shown."""
        self._generation += 1
        generation = self._generation
        history = self._context.history
        region_of = getattr(self._context, "region", None)
        region = region_of() if callable(region_of) else "FR"
        # Callbacks are bound methods of this widget (not lambdas): Qt drops them with it.
        profile = getattr(self._context, "profile", None)
        run_task(functools.partial(_read_all, profile=profile, names=self._names), history,
                 generation, region, self.kind_combo.currentData() or "all",
                 on_done=self._show, on_error=self._failed, parent=self)

    def _show(self, outcome: tuple[int, list, dict[str, str]]) -> None:
        generation, records, lines = outcome
        if generation != self._generation:
            return
        selected = set(self.selected_ids())
        self.model.removeRows(0, self.model.rowCount())
        for record in records:
            self.model.appendRow(self._row(record, lines.get(record.line, record.line)))
        self.table.sortByColumn(COLUMN_WHEN, Qt.SortOrder.DescendingOrder)
        self._reselect(selected)
        if not self.selected_ids() and self.proxy.rowCount():
            # The newest call is selected: Redial (Alt+R) works straight away, keyboard included.
            self.table.selectRow(0)
        self._update_state()
        self.loaded.emit(len(records))

    def _failed(self, exc: BaseException) -> None:
        log.warning("history could not be read: %s", type(exc).__name__)
        self.model.removeRows(0, self.model.rowCount())
        self.empty_label.setText(self.tr("The call history could not be read."))
        self._update_state()
        self.loaded.emit(0)

    def _row(self, record: Any, line_shown: str) -> list[QStandardItem]:
        shown = record.display or record.number_e164 or self.tr("Hidden number")
        name = getattr(record, "name", None)
        number = QStandardItem(f"{name} — {shown}" if name else shown)
        number.setData(record.number_e164, E164_ROLE)
        number.setData(name or shown, SORT_ROLE)
        number.setToolTip(record.number_e164)
        when = QStandardItem(self.format_time(record.at))
        when.setData(record.at, SORT_ROLE)
        line = QStandardItem(line_shown or "")
        line.setData(line_shown or "", SORT_ROLE)
        line.setToolTip(record.line or "")
        result_text = self.describe_entry(record)
        if getattr(record, "demo", False):
            result_text += self.tr(" (demo)")
        result = QStandardItem(result_text)
        result.setData(result_text, SORT_ROLE)
        row = [number, when, line, result]
        for item in row:
            item.setData(record.id, RECORD_ID_ROLE)
            item.setData(getattr(record, "record_id", None), OVH_ID_ROLE)
        return row

    @staticmethod
    def format_time(at: str) -> str:
        """A stored UTC ISO 8601 time shown in local time, in the user's locale short format."""
        try:
            moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
        except (TypeError, ValueError):
            return at or ""
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.utc())
        local = stamp.toLocalTime()
        name = QLocale().name()
        if name == "C":  # no real locale: ISO-like, unambiguous
            return local.toString("yyyy-MM-dd HH:mm")
        # A locale built from its name formats with its CLDR data (the default locale object may
        # fall back to the C system locale's odd "3 03 2026" formats under LANG=C.UTF-8).
        return QLocale(name).toString(local, QLocale.FormatType.ShortFormat)

    def describe_entry(self, entry: Any) -> str:
        """How the call went (the line's events, the app's outcome), and what OVHcloud's record
        says (direction, duration, price)."""
        text = describe_live(entry.direction, entry.live_outcome, entry.duration
                             if entry.record_id is None else None)
        parts = [text or self.describe_outcome(entry.app_outcome, entry.error_kind)
                 ] if entry.app_outcome or entry.live_outcome else []
        if entry.record_id is None:
            return parts[0] if parts else ""
        if entry.app_id is None:
            parts.append({"incoming": self.tr("Incoming call"),
                          "transfer": self.tr("Transferred call")}.get(
                entry.way, self.tr("Call from the phone")))
        minutes, seconds = divmod(int(entry.duration or 0), 60)
        parts.append(self.tr("%1 min %2 s").replace("%1", str(minutes))
                     .replace("%2", f"{seconds:02d}"))
        if entry.price:
            parts.append(f"{entry.price:.2f} {entry.currency or ''}".strip())
        return " · ".join(parts)

    def describe_outcome(self, outcome: str, kind: str = "") -> str:
        """A call's outcome (core.history.OUTCOMES) in words; a failure with its reason."""
        if outcome == "placed":
            return self.tr("Placed")
        if outcome == "uncertain":
            return self.tr("May have been placed")
        if outcome == "blocked":
            return self.tr("Blocked")
        if outcome == "failed":
            reasons = {
                "not_configured": self.tr("not configured"),
                "config": self.tr("settings incomplete"),
                "endpoint_setting": self.tr("endpoint setting not valid"),
                "auth_missing": self.tr("not signed in"),
                "invalid_signature": self.tr("sign-in refused"),
                "unknown_app_key": self.tr("sign-in refused"),
                "oauth_invalid_client": self.tr("sign-in refused"),
                "oauth_failed": self.tr("sign-in refused"),
                "access_expired": self.tr("access expired"),
                "access_unknown": self.tr("access unknown"),
                "key_expired": self.tr("access expired"),
                "key_refused": self.tr("access refused"),
                "not_granted": self.tr("not allowed"),
                "forbidden": self.tr("not allowed"),
                "clock_skew": self.tr("computer clock is wrong"),
                "bad_request": self.tr("number refused"),
                "not_found": self.tr("line not found"),
                "expired_service": self.tr("line expired"),
                "network": self.tr("no connection"),
                "dns": self.tr("no connection"),
                "tls": self.tr("secure connection failed"),
                "connect_timeout": self.tr("no connection"),
                "timeout": self.tr("no answer from OVHcloud in time"),
                "connection_lost": self.tr("connection lost"),
                "invalid_response": self.tr("unexpected answer from OVHcloud"),
                "rate_limited": self.tr("too many requests"),
                "conflict": self.tr("refused by OVHcloud"),
                "server": self.tr("OVHcloud server error"),
                "cancelled": self.tr("cancelled"),
            }
            reason = reasons.get(kind, kind.replace("_", " ") or self.tr("unknown reason"))
            return self.tr("Failed: %1").replace("%1", reason)
        return outcome

    # ----- selection and actions ----------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows(COLUMN_NUMBER)
        return [int(index.data(RECORD_ID_ROLE)) for index in rows]

    def _reselect(self, ids: set[int]) -> None:
        if not ids:
            return
        selection = self.table.selectionModel()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, COLUMN_NUMBER)
            if index.data(RECORD_ID_ROLE) in ids:
                selection.select(
                    QPersistentModelIndex(index),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def _update_state(self, *_: object) -> None:
        selected = len(self.selected_ids())
        self.redial_button.setEnabled(selected == 1)
        self.save_contact_button.setEnabled(self._unnamed_selection() is not None)
        self.delete_button.setEnabled(selected > 0)
        self.clear_button.setEnabled(self.model.rowCount() > 0)
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        if has_rows:
            self.empty_label.setText(self.tr("No calls yet."))

    def _unnamed_selection(self) -> tuple[str, str] | None:
        """(E.164, shown) of the one selected row when it is a number with no contact name
        (and the app can look names up)."""
        rows = self.table.selectionModel().selectedRows(COLUMN_NUMBER)
        if self._names is None or len(rows) != 1:
            return None
        e164 = str(rows[0].data(E164_ROLE) or "")
        if not e164 or self._names.get(e164):
            return None
        return e164, str(rows[0].data() or e164)

    def save_as_contact(self) -> None:
        """Save the selected number in an OVHcloud phonebook (ui.save_contact)."""
        selection = self._unnamed_selection()
        if selection is None:
            return
        if self._save_dialog is not None:
            self._save_dialog.raise_()
            return
        from easyclick2call.ui.save_contact import SaveContactDialog

        dialog = SaveContactDialog(self._context, *selection, parent=self)
        dialog.finished.connect(self._save_dialog_closed)
        self._save_dialog = dialog
        dialog.open()

    def _save_dialog_closed(self, _result: int) -> None:
        if self._save_dialog is not None:
            self._save_dialog.deleteLater()
        self._save_dialog = None

    def _redial_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows(COLUMN_NUMBER)
        if len(rows) == 1:
            self.redial.emit(str(rows[0].data(E164_ROLE)))

    def delete_selected(self) -> None:
        """Delete the selected calls (off the GUI thread), then tell the app the history changed."""
        ids = self.selected_ids()
        if not ids:
            return
        history = self._context.history
        profile = getattr(self._context, "profile", None)
        rows = self.table.selectionModel().selectedRows(COLUMN_NUMBER)
        ovh_ids = [int(i.data(OVH_ID_ROLE)) for i in rows if i.data(OVH_ID_ROLE) is not None]

        def delete_all() -> None:
            for record_id in ids:
                if record_id > 0:
                    history.delete(record_id)
            if profile is not None and ovh_ids:  # OVHcloud's records too, for good
                from easyclick2call.core.call_records import RecordStore

                store = RecordStore(profile.records_db)
                for ovh_id in ovh_ids:
                    store.delete(ovh_id)

        self.delete_button.setEnabled(False)
        run_task(delete_all, on_done=self._changed, on_error=self._write_failed, parent=self)

    def ask_clear(self) -> None:
        """Ask for confirmation (a window-modal box), then clear the whole history."""
        if self._confirm_box is not None:
            self._confirm_box.raise_()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Clear call history?"),
            self.tr("Delete all %n call(s) from the history? This cannot be undone.", "",
                    self.model.rowCount()),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        clear = box.addButton(self.tr("Clear all"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setObjectName("ConfirmClearHistory")

        def finished() -> None:
            self._confirm_box = None
            if box.clickedButton() is clear:
                run_task(_clear_all, self._context.history,
                         getattr(self._context, "profile", None), on_done=self._changed,
                         on_error=self._write_failed, parent=self)
            box.deleteLater()

        box.finished.connect(finished)
        self._confirm_box = box
        box.open()

    def _changed(self, _result: object = None) -> None:
        history_changed = getattr(self._context, "history_changed", None)
        if history_changed is not None:
            history_changed.emit()  # every view (tray's recent calls, this window) reloads
        else:
            self.reload()

    def _write_failed(self, exc: BaseException) -> None:
        log.warning("history could not be changed: %s", type(exc).__name__)
        self.status_label.setText(self.tr("The call history could not be changed."))
        self.status_label.show()
        self.reload()
