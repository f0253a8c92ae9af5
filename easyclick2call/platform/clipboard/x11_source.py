"""X11: the text is read by platform.x11_selection, on a thread of its own and with the owner's
answers asked for in one go: quicker than QClipboard (which asks the X server and the owner one
question at a time) and never blocking the GUI thread, even when the owner does not answer.
QClipboard still signals the changes, and reads the content this process owns (Qt answers for
it on the GUI thread, which a read waiting there would block) and everything when the reader
cannot start or has stopped."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal

from easyclick2call.platform import x11_selection
from easyclick2call.platform.clipboard.qt_source import QtClipboardSource
from easyclick2call.platform.clipboard.source import CLIPBOARD, SELECTION, Deliver, non_empty

log = logging.getLogger(__name__)

_SELECTION_NAMES = {CLIPBOARD: "CLIPBOARD", SELECTION: "PRIMARY"}
_MODES = {name: mode for mode, name in _SELECTION_NAMES.items()}


class X11SelectionSource(QtClipboardSource):
    # From the reader's thread (a queued connection brings it to the GUI thread).
    _read = Signal(object)

    def __init__(self, wants_selection=lambda: True, parent: QObject | None = None) -> None:
        super().__init__(wants_selection, parent)
        self._reader: x11_selection.SelectionReader | None = None
        self._reading: dict[str, int] = {}  # mode -> the read that counts
        self._startup_reads: dict[str, int] = {}  # mode -> read of start-up content
        self._asked: dict[int, tuple[str, Deliver]] = {}  # read_now(): (mode, deliver)
        self._read.connect(self._on_read, Qt.ConnectionType.QueuedConnection)

    def _open(self) -> None:
        try:
            self._reader = x11_selection.SelectionReader(self._read.emit)
        except OSError as exc:
            log.info("X11 selection reader unavailable (%s): reading through Qt", exc)

    def _close(self) -> None:
        self._reading.clear()
        self._startup_reads.clear()
        self._asked.clear()
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _reads_itself(self, mode: str) -> bool:
        """True when the reader reads `mode` (never our own content)."""
        return self._reader is not None and self._reader.alive and not self.owns(mode)

    def _request(self, mode: str) -> int:
        assert self._reader is not None
        return self._reader.request(_SELECTION_NAMES[mode])

    def _remember_startup(self, mode: str) -> None:
        if self._reads_itself(mode):
            self._startup_reads[mode] = self._request(mode)
        else:
            super()._remember_startup(mode)

    def _changed(self, mode: str) -> None:
        if not self._running:
            return
        if self._reads_itself(mode):
            self._reading[mode] = self._request(mode)
            return
        self._reading.pop(mode, None)
        super()._changed(mode)

    def read_now(self, deliver: Deliver, selection: bool = False) -> None:
        mode = SELECTION if selection else CLIPBOARD
        if not (selection and not self.supports_selection) and self._reads_itself(mode):
            self._asked[self._request(mode)] = (mode, deliver)
        else:
            super().read_now(deliver, selection)

    def _emit(self, mode: str, text: str | None, startup: bool = False) -> None:
        self._startup_reads.pop(mode, None)  # once a change is read, start-up no longer counts
        super()._emit(mode, text, startup)

    def _on_read(self, result: x11_selection.SelectionText) -> None:
        mode = _MODES[result.selection]
        text = result.text if result.status == x11_selection.TEXT else None
        if result.status not in (x11_selection.TEXT, x11_selection.NO_OWNER):
            log.debug("clipboard content ignored: %s", result.status)
        if any(asked_mode == mode for asked_mode, _deliver in self._asked.values()):
            # read_now() callers get this read, or a newer one that superseded theirs.
            for request in [r for r, (m, _d) in self._asked.items()
                            if m == mode and r <= result.request]:
                self._asked.pop(request)[1](non_empty(text))
            if result.request not in (self._reading.get(mode), self._startup_reads.get(mode)):
                return
        if not self._running:
            return
        if result.request == self._startup_reads.get(mode):
            self._emit(mode, text, startup=True)
        elif result.request == self._reading.get(mode):  # else a newer change is being read
            self._emit(mode, text)
