"""Watch the clipboard (and optionally the X11 selection) and report the phone numbers copied.

What is ignored: the content present at start-up, content marked concealed by a password manager
(platform.clipboard), non-text content (images, files), and a repeat of the content seen last
(a salted hash is kept, never the text). Detection runs off the GUI thread; each change gets a
sequence number so that a slow, stale detection never overrides a newer one. The clipboard text
is never logged nor stored.

On X11 the text is read by platform.x11_selection, on a thread of its own and with the owner's
answers asked for in one go: quicker than QClipboard (which asks the X server and the owner one
question at a time) and never blocking the GUI thread, even when the owner does not answer.
On Wayland, where the compositor offers data-control (wlroots, KDE Plasma),
platform.wayland_clipboard watches in the background and hands over each new text. Elsewhere,
and for a clipboard this process owns, QClipboard reads it.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from easyclick2call.platform import clipboard as platform_clipboard
from easyclick2call.ui.tasks import run_task

log = logging.getLogger(__name__)

SELECTION_SETTLE_MS = 400  # the X11 selection changes on every mouse move while selecting
MAC_POLL_MS = 500
# Up to this size, once the number engine is loaded, detection runs right away on the GUI thread
# (well under a millisecond: cheaper than a round trip through a worker thread); bigger text,
# the first scan (which loads the engine) and custom detectors always run on a worker thread.
INLINE_MAX_CHARS = 4096

Detector = Callable[[str], list]
# EASYCLICK2CALL_CLIPBOARD_READER=qt: read through QClipboard on X11 too (a way out, if ever).
READER_ENV = "EASYCLICK2CALL_CLIPBOARD_READER"
_SELECTION_NAMES = {QClipboard.Mode.Clipboard: "CLIPBOARD", QClipboard.Mode.Selection: "PRIMARY"}
_MODES = {name: mode for mode, name in _SELECTION_NAMES.items()}


@functools.cache
def _find_numbers() -> Callable[[str, str, str], list]:
    """core.numbers.find_numbers, imported once (an import statement costs a few µs under
    PySide's import hook, and this is on the copy → popup path)."""
    from easyclick2call.core.numbers import find_numbers

    return find_numbers


@functools.cache
def _x11_selection():
    """platform.x11_selection, imported on X11 only, once."""
    from easyclick2call.platform import x11_selection

    return x11_selection


def _non_empty(text: str | None) -> str | None:
    """`text`, or None when it holds nothing but blanks."""
    return text if text is not None and text.strip() else None


def _default_detector(region: str, language: str) -> Detector:
    find_numbers = _find_numbers()
    return lambda text: find_numbers(text, region, language)


class ClipboardWatcher(QObject):
    """Emits ``numbers_found(FoundNumbers)`` when newly copied text holds phone numbers: a list
    of FoundNumber that also says whether the whole text was read (``complete``)."""

    numbers_found = Signal(object)  # core.numbers_model.FoundNumbers (a list)
    # Emitted for every change it looked at (found or not): tests and benchmarks wait on it.
    checked = Signal(int)
    # Background watching stopped (Wayland without data-control): the reason, for the user.
    watch_failed = Signal(str)
    # From the X11 selection reader's thread (a queued connection brings it to the GUI thread).
    _selection_read = Signal(object)
    # From the Wayland watchers' threads: a WaylandChange, or ("stopped", reason).
    _wayland_event = Signal(object)

    def __init__(
        self,
        region: Callable[[], str] = lambda: "FR",
        language: str = "en",
        watch_selection: bool = False,
        detector: Callable[[str, str, str], list] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._region = region
        self._language = language
        self._detector = detector
        self._watch_selection = watch_selection
        self._salt = os.urandom(16)  # the digests cannot be matched against known texts
        self._last: dict[QClipboard.Mode, int | None] = {}
        self._sequence = 0
        self._engine_ready = False  # the default detector has run once (its modules loaded)
        self._read_big_text = False  # a big text was read: its memory is given back after
        self._paused = False
        self._running = False
        self._clipboard: QClipboard | None = None
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(SELECTION_SETTLE_MS)
        self._selection_timer.timeout.connect(self._on_selection_settled)
        self._mac_counter: platform_clipboard.MacChangeCount | None = None
        self._mac_last: int | None = None
        self._mac_timer: QTimer | None = None
        self._reader = None  # platform.x11_selection.SelectionReader, on X11
        self._reading: dict[QClipboard.Mode, int] = {}  # mode -> the read that counts
        self._startup_reads: dict[QClipboard.Mode, int] = {}  # mode -> read of start-up content
        # read_now(): (mode, deliver) by request
        self._asked: dict[int, tuple[QClipboard.Mode, Callable[[str | None], None]]] = {}
        self._selection_read.connect(self._on_selection_read, Qt.ConnectionType.QueuedConnection)
        self._wayland: list = []  # platform.wayland_clipboard.DataControlWatcher, on Wayland
        self._wayland_event.connect(self._on_wayland_event, Qt.ConnectionType.QueuedConnection)

    # -- life cycle -----------------------------------------------------------------------
    def start(self) -> None:
        """Start watching; what is on the clipboard now is remembered and ignored."""
        if self._running:
            return
        self._running = True
        self._clipboard = QGuiApplication.clipboard()
        self._reader = self._open_reader()
        self._remember_startup(QClipboard.Mode.Clipboard)
        self._clipboard.dataChanged.connect(self._on_clipboard_changed)
        if self._clipboard.supportsSelection():
            self._remember_startup(QClipboard.Mode.Selection)
            self._clipboard.selectionChanged.connect(self._on_selection_changed)
        if platform_clipboard.needs_polling():
            self._start_mac_polling()
        self._open_wayland()

    def stop(self) -> None:
        if not self._running or self._clipboard is None:
            return
        self._running = False
        self._clipboard.dataChanged.disconnect(self._on_clipboard_changed)
        if self._clipboard.supportsSelection():
            self._clipboard.selectionChanged.disconnect(self._on_selection_changed)
        if self._mac_timer is not None:
            self._mac_timer.stop()
        self._sequence += 1  # drop detections under way
        self._reading.clear()
        self._startup_reads.clear()
        self._asked.clear()
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        for watcher in self._wayland:
            watcher.close()
        self._wayland = []

    def warm_up(self) -> None:
        """Load the number engine on a worker thread now (after start-up, once the tray is
        shown), so that the first copy is not the one that loads it. It still runs on a worker
        (the place names it may load are not warmed up): later ones may run inline."""
        if self._detector is not None:
            return
        region = self._region()

        def work() -> None:
            from easyclick2call.core.numbers import warm_up

            warm_up(region)

        run_task(work, on_done=lambda _none: platform_clipboard.release_freed_memory(),
                 on_error=lambda exc: log.debug("warm-up failed: %s", type(exc).__name__),
                 parent=self)

    @property
    def paused(self) -> bool:
        return self._paused

    def set_paused(self, paused: bool) -> None:
        """While paused, changes are remembered (so they never pop up later) but not checked."""
        self._paused = paused
        if paused:
            self._sequence += 1

    def set_watch_selection(self, enabled: bool) -> None:
        self._watch_selection = enabled

    # -- reading --------------------------------------------------------------------------
    def _open_reader(self):
        """The X11 selection reader, or None (not X11, or it cannot start: QClipboard reads)."""
        if QGuiApplication.platformName() != "xcb" or os.environ.get(READER_ENV) == "qt":
            return None
        try:
            return _x11_selection().SelectionReader(self._selection_read.emit)
        except OSError as exc:
            log.info("X11 selection reader unavailable (%s): reading through Qt", exc)
            return None

    def _open_wayland(self) -> None:
        """On Wayland with data-control: watch the clipboard and the primary selection in the
        background (the start-up content comes first and is remembered, not offered)."""
        if QGuiApplication.platformName() != "wayland":
            return
        from easyclick2call.platform.session import uses_data_control

        if not uses_data_control():
            return
        from easyclick2call.platform import wayland_clipboard

        emit = self._wayland_event.emit
        try:
            self._wayland = [wayland_clipboard.DataControlWatcher(
                emit, lambda reason: emit(("stopped", reason)), primary=primary)
                for primary in (False, True)]
        except OSError as exc:
            log.info("no Wayland background watching: %s", exc)
            return
        log.info("watching the Wayland clipboard through data-control")

    def _on_wayland_event(self, event) -> None:
        if isinstance(event, tuple):
            if self._running and self._wayland:
                for watcher in self._wayland:
                    watcher.close()
                self._wayland = []
                self.watch_failed.emit(event[1])
            return
        if not self._running:
            return
        mode = QClipboard.Mode.Selection if event.primary else QClipboard.Mode.Clipboard
        if event.status != "text":
            log.debug("clipboard content ignored: %s", event.status)
        if mode == QClipboard.Mode.Selection and not (self._watch_selection or event.startup):
            return
        self._consider(mode, event.text, startup=event.startup)

    def _reads_itself(self, mode: QClipboard.Mode) -> bool:
        """True when the reader reads `mode` (never our own content: Qt answers for it on the
        GUI thread, which a read waiting there would block)."""
        if self._reader is None or not self._reader.alive:
            return False
        assert self._clipboard is not None
        owned = (self._clipboard.ownsClipboard() if mode == QClipboard.Mode.Clipboard
                 else self._clipboard.ownsSelection())
        return not owned

    def _remember_startup(self, mode: QClipboard.Mode) -> None:
        """What is on `mode` now is remembered (its digest), so that it never pops up."""
        if self._reads_itself(mode):
            assert self._reader is not None
            self._last[mode] = None
            self._startup_reads[mode] = self._reader.request(_SELECTION_NAMES[mode])
        else:
            self._consider(mode, self._usable_text(mode), startup=True)

    def read_now(self, deliver: Callable[[str | None], None], selection: bool = False) -> None:
        """Read the clipboard (or with `selection`, the primary selection: the text just
        highlighted) now, for an explicit action ("Call clipboard now", the global shortcut):
        `deliver` gets its text, or None for concealed, non-text or empty content, or no
        selection on this platform. Read as copies are (on X11 off the GUI thread); nothing is
        remembered or scanned, and pausing does not apply."""
        if self._clipboard is None:
            self._clipboard = QGuiApplication.clipboard()
        mode = QClipboard.Mode.Selection if selection else QClipboard.Mode.Clipboard
        if self._wayland:  # QClipboard reads nothing while another window has the focus
            from easyclick2call.platform import wayland_clipboard

            run_task(wayland_clipboard.read_text, selection,
                     on_done=lambda text: deliver(_non_empty(text)), parent=self)
        elif selection and not self._clipboard.supportsSelection():
            deliver(None)
        elif self._reads_itself(mode):
            assert self._reader is not None
            self._asked[self._reader.request(_SELECTION_NAMES[mode])] = (mode, deliver)
        else:
            deliver(_non_empty(self._usable_text(mode)))

    def _on_selection_read(self, result) -> None:
        x11_selection = _x11_selection()
        mode = _MODES[result.selection]
        text = result.text if result.status == x11_selection.TEXT else None
        if result.status not in (x11_selection.TEXT, x11_selection.NO_OWNER):
            log.debug("clipboard content ignored: %s", result.status)
        if any(asked_mode == mode for asked_mode, _deliver in self._asked.values()):
            # read_now() callers get this read, or a newer one that superseded theirs.
            for request in [r for r, (m, _d) in self._asked.items()
                            if m == mode and r <= result.request]:
                self._asked.pop(request)[1](_non_empty(text))
            if result.request not in (self._reading.get(mode), self._startup_reads.get(mode)):
                return
        if not self._running:
            return
        if result.request == self._startup_reads.get(mode):
            self._consider(mode, text, startup=True)
        elif result.request == self._reading.get(mode):  # else a newer change is being read
            self._consider(mode, text)

    # -- events ---------------------------------------------------------------------------
    def _on_clipboard_changed(self) -> None:
        log.debug("clipboard dataChanged")
        self._changed(QClipboard.Mode.Clipboard)

    def _on_selection_settled(self) -> None:
        self._changed(QClipboard.Mode.Selection)

    def _on_selection_changed(self) -> None:
        if self._watch_selection and not self._paused:
            self._selection_timer.start()

    def _start_mac_polling(self) -> None:
        self._mac_counter = platform_clipboard.MacChangeCount()
        if not self._mac_counter.available:
            return
        self._mac_last = self._mac_counter.value()
        self._mac_timer = QTimer(self)
        self._mac_timer.setInterval(MAC_POLL_MS)
        self._mac_timer.timeout.connect(self._poll_mac)
        self._mac_timer.start()

    def _poll_mac(self) -> None:
        assert self._mac_counter is not None
        count = self._mac_counter.value()
        if count is not None and count != self._mac_last:
            self._mac_last = count
            self._changed(QClipboard.Mode.Clipboard)

    def _release_memory_soon(self) -> None:
        """Once the big text is gone (after this event), give its memory back."""
        self._read_big_text = False
        QTimer.singleShot(0, platform_clipboard.release_freed_memory)

    def _digest(self, text: str) -> int:
        """A keyed hash of `text` (Python's SipHash, salted per process, plus our own salt):
        a few ms for 10 MB, no copy of the text, and it cannot be matched to a known text
        outside this process."""
        return hash((self._salt, len(text), text))

    def _usable_text(self, mode: QClipboard.Mode) -> str | None:
        """The text of `mode` as QClipboard reads it, or None for concealed or non-text
        content."""
        assert self._clipboard is not None
        mime = self._clipboard.mimeData(mode)
        if mime is None:
            log.debug("clipboard change without data")
            return None
        formats = mime.formats()
        if platform_clipboard.is_concealed(formats, lambda fmt: bytes(mime.data(fmt).data())):
            log.debug("concealed clipboard content ignored")
            return None
        if not mime.hasText():
            log.debug("non-text clipboard content ignored (%d formats)", len(formats))
            return None
        return mime.text()

    def _changed(self, mode: QClipboard.Mode) -> None:
        if not self._running or self._clipboard is None:
            return
        if self._wayland:
            return  # data-control watches every change: Qt's own signal would be a second source
        if self._reads_itself(mode):
            assert self._reader is not None
            self._reading[mode] = self._reader.request(_SELECTION_NAMES[mode])
            return
        self._reading.pop(mode, None)
        self._consider(mode, self._usable_text(mode))

    def _consider(self, mode: QClipboard.Mode, text: str | None, startup: bool = False) -> None:
        """Content of `mode` just read: remembered (its digest); scanned unless it is the
        start-up content, repeats the last one, is empty or comes while paused. Once a change
        is read, the start-up content no longer counts."""
        self._startup_reads.pop(mode, None)
        text = _non_empty(text)
        digest = None if text is None else self._digest(text)
        repeat = digest is not None and digest == self._last.get(mode)
        self._last[mode] = digest
        if startup or repeat or text is None or self._paused:
            if repeat:  # an app re-asserting ownership, a second copy
                log.debug("same clipboard content again: ignored")
            if text is not None and len(text) > platform_clipboard.BIG_TEXT_CHARS:
                self._release_memory_soon()  # not scanned: nothing holds it any more
            return
        self.scan(text)

    def scan(self, text: str) -> int:
        """Look for numbers in `text`; returns the sequence number used.

        Small text is scanned at once when the number engine is warm; anything else off the GUI
        thread."""
        self._sequence += 1
        sequence = self._sequence
        log.debug("clipboard changed (%d characters), looking for numbers", len(text))
        region, language = self._region(), self._language
        if self._detector is None and self._engine_ready and len(text) <= INLINE_MAX_CHARS:
            try:
                found = _default_detector(region, language)(text)
            except Exception as exc:  # as on a worker: logged by kind, never shown raw
                self._failed(sequence, exc)
            else:
                self._detected(sequence, found)
            return sequence
        if self._detector is not None:
            detector = self._detector

            def work() -> list:
                return detector(text, region, language)
        else:
            def work() -> list:  # the first time, this loads the number engine: not here
                return _default_detector(region, language)(text)

        self._read_big_text |= len(text) > platform_clipboard.BIG_TEXT_CHARS
        run_task(work, on_done=lambda found: self._detected(sequence, found, warm=True),
                 on_error=lambda exc: self._failed(sequence, exc), parent=self)
        return sequence

    def _detected(self, sequence: int, found: list, warm: bool = False) -> None:
        if warm and self._detector is None:
            self._engine_ready = True
        if self._read_big_text:
            self._release_memory_soon()
        if sequence != self._sequence or not self._running:
            return  # a newer copy superseded this one
        self.checked.emit(sequence)
        if found:
            self.numbers_found.emit(found)  # as it is: a FoundNumbers says what was read

    def _failed(self, sequence: int, exc: BaseException) -> None:
        log.warning("number detection failed: %s", type(exc).__name__)
        if sequence == self._sequence:
            self.checked.emit(sequence)
