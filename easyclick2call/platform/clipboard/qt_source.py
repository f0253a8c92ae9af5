"""The clipboard read through QClipboard: the back-end where no other applies (Windows, and
Wayland without data-control) and the base of the others (which still read through Qt the
clipboard this process owns, or when their own reader cannot start)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

from easyclick2call.platform.clipboard.concealed import is_concealed
from easyclick2call.platform.clipboard.source import (
    CLIPBOARD,
    SELECTION,
    ClipboardSource,
    Deliver,
    non_empty,
)

log = logging.getLogger(__name__)

SELECTION_SETTLE_MS = 400  # the X11 selection changes on every mouse move while selecting
QT_MODES = {CLIPBOARD: QClipboard.Mode.Clipboard, SELECTION: QClipboard.Mode.Selection}


class QtClipboardSource(ClipboardSource):
    """QClipboard's signals and reads. Back-ends built on it override the hooks _open and
    _close (their own watching) and _remember_startup, _changed, read_now (their own reads)."""

    def __init__(self, wants_selection=lambda: True, parent: QObject | None = None) -> None:
        super().__init__(wants_selection, parent)
        self._running = False
        self._clipboard: QClipboard | None = None
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(SELECTION_SETTLE_MS)
        self._selection_timer.timeout.connect(lambda: self._changed(SELECTION))

    @property
    def clipboard(self) -> QClipboard:
        if self._clipboard is None:
            self._clipboard = QGuiApplication.clipboard()
        return self._clipboard

    @property
    def supports_selection(self) -> bool:
        return self.clipboard.supportsSelection()

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._open()
        self._remember_startup(CLIPBOARD)
        self.clipboard.dataChanged.connect(self._on_data_changed)
        if self.supports_selection:
            self._remember_startup(SELECTION)
            self.clipboard.selectionChanged.connect(self._on_selection_changed)

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self.clipboard.dataChanged.disconnect(self._on_data_changed)
        if self.supports_selection:
            self.clipboard.selectionChanged.disconnect(self._on_selection_changed)
        self._selection_timer.stop()
        self._close()

    def read_now(self, deliver: Deliver, selection: bool = False) -> None:
        if selection and not self.supports_selection:
            deliver(None)
        else:
            deliver(non_empty(self.usable_text(SELECTION if selection else CLIPBOARD)))

    # -- hooks ----------------------------------------------------------------------------
    def _open(self) -> None:
        """Start the back-end's own watching or reader (before the start-up content is read)."""

    def _close(self) -> None:
        """Stop the back-end's own watching or reader."""

    def _remember_startup(self, mode: str) -> None:
        self._emit(mode, self.usable_text(mode), startup=True)

    def _changed(self, mode: str) -> None:
        if self._running:
            self._emit(mode, self.usable_text(mode))

    def _emit(self, mode: str, text: str | None, startup: bool = False) -> None:
        self.changed.emit(mode, text, startup)

    # -- Qt -------------------------------------------------------------------------------
    def _on_data_changed(self) -> None:
        log.debug("clipboard dataChanged")
        self._changed(CLIPBOARD)

    def _on_selection_changed(self) -> None:
        if self._wants_selection():
            self._selection_timer.start()

    def owns(self, mode: str) -> bool:
        """True when this process owns `mode` (Qt answers for it on the GUI thread)."""
        return (self.clipboard.ownsClipboard() if mode == CLIPBOARD
                else self.clipboard.ownsSelection())

    def usable_text(self, mode: str) -> str | None:
        """The text of `mode` as QClipboard reads it, or None for concealed or non-text
        content."""
        mime = self.clipboard.mimeData(QT_MODES[mode])
        if mime is None:
            log.debug("clipboard change without data")
            return None
        formats = mime.formats()
        if is_concealed(formats, lambda fmt: bytes(mime.data(fmt).data())):
            log.debug("concealed clipboard content ignored")
            return None
        if not mime.hasText():
            log.debug("non-text clipboard content ignored (%d formats)", len(formats))
            return None
        return mime.text()
