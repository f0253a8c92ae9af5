"""Wayland with data-control (wlroots, KDE Plasma): platform.wayland_clipboard watches the
clipboard and the primary selection in the background and hands over each new text (the
start-up content first). While it watches, Qt's own signal is not a second source; when it
cannot start, QClipboard watches as elsewhere; when it stops, ``failed`` says why."""

from __future__ import annotations

import contextlib
import logging
import threading

from PySide6.QtCore import QObject, Qt, Signal

from easyclick2call.platform import wayland_clipboard
from easyclick2call.platform.clipboard.qt_source import QtClipboardSource
from easyclick2call.platform.clipboard.source import CLIPBOARD, SELECTION, Deliver, non_empty

log = logging.getLogger(__name__)


class WaylandDataControlSource(QtClipboardSource):
    # From the watchers' threads: a WaylandChange, or ("stopped", reason).
    _event = Signal(object)
    # From a read_now thread: (deliver, text).
    _answer = Signal(object)

    def __init__(self, wants_selection=lambda: True, parent: QObject | None = None) -> None:
        super().__init__(wants_selection, parent)
        self._watchers: list[wayland_clipboard.DataControlWatcher] = []
        self._event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self._answer.connect(lambda pair: pair[0](non_empty(pair[1])),
                             Qt.ConnectionType.QueuedConnection)

    def _open(self) -> None:
        emit = self._event.emit
        self._watchers = [wayland_clipboard.DataControlWatcher(
            emit, lambda reason: emit(("stopped", reason)), primary=primary)
            for primary in (False, True)]
        log.info("watching the Wayland clipboard through data-control")

    def _close(self) -> None:
        for watcher in self._watchers:
            watcher.close()
        self._watchers = []

    def _changed(self, mode: str) -> None:
        if not self._watchers:  # else data-control watches every change
            super()._changed(mode)

    def read_now(self, deliver: Deliver, selection: bool = False) -> None:
        if not self._watchers:
            super().read_now(deliver, selection)
            return
        # QClipboard reads nothing while another window has the focus: data-control, off this
        # thread.
        def work() -> None:
            text = wayland_clipboard.read_text(selection)
            with contextlib.suppress(RuntimeError):  # this source is gone
                self._answer.emit((deliver, text))

        threading.Thread(target=work, daemon=True, name="wayland-read-now").start()

    def _on_event(self, event) -> None:
        if isinstance(event, tuple):
            if self._running and self._watchers:
                self._close()
                self.failed.emit(event[1])
            return
        if not self._running:
            return
        if event.status != wayland_clipboard.TEXT:
            log.debug("clipboard content ignored: %s", event.status)
        self._emit(SELECTION if event.primary else CLIPBOARD, event.text, event.startup)
