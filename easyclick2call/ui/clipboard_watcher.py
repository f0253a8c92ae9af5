"""Watch the clipboard (and optionally the primary selection) and report the phone numbers copied.

What is ignored: the content present at start-up, content marked concealed by a password manager,
non-text content (images, files), and a repeat of the content seen last (a salted hash is kept,
never the text). Detection runs off the GUI thread; each change gets a sequence number so that a
slow, stale detection never overrides a newer one. The clipboard text is never logged nor stored.

The clipboard itself is read by one source (platform.clipboard.source), whose back-end is chosen
once for the session by platform.clipboard.choose (the X11 selection reader, Wayland
data-control, macOS polling or QClipboard); this module only consumes what it reports.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from easyclick2call.platform.clipboard import memory
from easyclick2call.platform.clipboard.choose import open_source
from easyclick2call.platform.clipboard.source import SELECTION, ClipboardSource, non_empty
from easyclick2call.ui.tasks import run_task

log = logging.getLogger(__name__)

# Up to this size, once the number engine is loaded, detection runs right away on the GUI thread
# (well under a millisecond: cheaper than a round trip through a worker thread); bigger text,
# the first scan (which loads the engine) and custom detectors always run on a worker thread.
INLINE_MAX_CHARS = 4096

Detector = Callable[[str], list]


@functools.cache
def _find_numbers() -> Callable[[str, str, str], list]:
    """core.numbers.find_numbers, imported once (an import statement costs a few µs under
    PySide's import hook, and this is on the copy → popup path)."""
    from easyclick2call.core.numbers import find_numbers

    return find_numbers


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

    def __init__(
        self,
        region: Callable[[], str] = lambda: "FR",
        language: str = "en",
        watch_selection: bool = False,
        detector: Callable[[str, str, str], list] | None = None,
        parent: QObject | None = None,
        *,
        source: ClipboardSource | None = None,
    ) -> None:
        """`source`: where changes come from (by default, the back-end for this session)."""
        super().__init__(parent)
        self._region = region
        self._language = language
        self._detector = detector
        self._watch_selection = watch_selection
        self._salt = os.urandom(16)  # the digests cannot be matched against known texts
        self._last: dict[str, int | None] = {}  # mode -> digest of the content seen last
        self._sequence = 0
        self._engine_ready = False  # the default detector has run once (its modules loaded)
        self._read_big_text = False  # a big text was read: its memory is given back after
        self._paused = False
        self._running = False
        self._source = source or open_source(
            lambda: self._watch_selection and not self._paused, self)
        self._source.changed.connect(self._on_change)
        self._source.failed.connect(self.watch_failed)

    # -- life cycle -----------------------------------------------------------------------
    def start(self) -> None:
        """Start watching; what is on the clipboard now is remembered and ignored."""
        if self._running:
            return
        self._running = True
        self._last.clear()
        self._source.start()

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self._source.stop()
        self._sequence += 1  # drop detections under way

    def warm_up(self, then: Callable[[list], None] | None = None) -> None:
        """Load the number engine on a worker thread now (after start-up, once the tray is
        shown), so that the first copy is not the one that loads it. It still runs on a worker
        (the place names it may load are not warmed up): later ones may run inline. `then`
        gets the region's example number as a copy of it would be found (empty for none)."""
        if self._detector is not None:
            return
        region, language = self._region(), self._language

        def work() -> list:
            from easyclick2call.core.numbers import warm_up

            return warm_up(region, language)

        def done(example: list) -> None:
            memory.release_freed_memory()
            if then is not None:
                then(example)

        run_task(work, on_done=done,
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

    def read_now(self, deliver: Callable[[str | None], None], selection: bool = False) -> None:
        """Read the clipboard (or with `selection`, the primary selection: the text just
        highlighted) now, for an explicit action ("Call clipboard now", the global shortcut):
        `deliver` gets its text, or None for concealed, non-text or empty content, or no
        selection on this platform. Read as copies are (off the GUI thread where the source
        reads that way); nothing is remembered or scanned, and pausing does not apply."""
        self._source.read_now(deliver, selection)

    # -- changes --------------------------------------------------------------------------
    def _on_change(self, mode: str, text: str | None, startup: bool) -> None:
        if not self._running:
            return
        if mode == SELECTION and not (self._watch_selection or startup):
            return
        self._consider(mode, text, startup=startup)

    def _release_memory_soon(self) -> None:
        """Once the big text is gone (after this event), give its memory back."""
        self._read_big_text = False
        QTimer.singleShot(0, memory.release_freed_memory)

    def _digest(self, text: str) -> int:
        """A keyed hash of `text` (Python's SipHash, salted per process, plus our own salt):
        a few ms for 10 MB, no copy of the text, and it cannot be matched to a known text
        outside this process."""
        return hash((self._salt, len(text), text))

    def _consider(self, mode: str, text: str | None, startup: bool = False) -> None:
        """Content of `mode` just read: remembered (its digest); scanned unless it is the
        start-up content, repeats the last one, is empty or comes while paused."""
        text = non_empty(text)
        digest = None if text is None else self._digest(text)
        repeat = digest is not None and digest == self._last.get(mode)
        self._last[mode] = digest
        if startup or repeat or text is None or self._paused:
            if repeat:  # an app re-asserting ownership, a second copy
                log.debug("same clipboard content again: ignored")
            if text is not None and len(text) > memory.BIG_TEXT_CHARS:
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

        self._read_big_text |= len(text) > memory.BIG_TEXT_CHARS
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
