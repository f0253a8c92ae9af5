"""macOS: QClipboard, plus polling the pasteboard's change count (Qt gives no clipboard signal
while the app is in the background there)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from easyclick2call.platform.clipboard.mac_change_count import MacChangeCount
from easyclick2call.platform.clipboard.qt_source import QtClipboardSource
from easyclick2call.platform.clipboard.source import CLIPBOARD

MAC_POLL_MS = 500


class MacPollingSource(QtClipboardSource):
    def __init__(self, wants_selection=lambda: True, parent: QObject | None = None) -> None:
        super().__init__(wants_selection, parent)
        self._counter: MacChangeCount | None = None
        self._last: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(MAC_POLL_MS)
        self._timer.timeout.connect(self._poll)

    def _open(self) -> None:
        self._counter = self._counter or MacChangeCount()
        if self._counter.available:
            self._last = self._counter.value()
            self._timer.start()

    def _close(self) -> None:
        self._timer.stop()

    def _poll(self) -> None:
        assert self._counter is not None
        count = self._counter.value()
        if count is not None and count != self._last:
            self._last = count
            self._changed(CLIPBOARD)
