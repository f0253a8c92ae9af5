"""The one clipboard source the watcher (ui.clipboard_watcher) consumes, whatever the OS.

A source reads the clipboard and the primary selection (the text just highlighted, where there
is one) and says what changed: ``changed(mode, text, startup)`` with mode CLIPBOARD or
SELECTION, the text, or None for concealed (platform.clipboard.concealed), non-text or missing
content, and `startup` for the content found when watching began (to be remembered, never
offered). Selection changes are read only once they settle, and only while
``wants_selection()`` says so. ``failed(reason)``: background watching stopped (the reason is
for the user). Repeats are not filtered here: the watcher does that, and the scanning.

The back-ends (chosen once per session by platform.clipboard.choose): qt_source (QClipboard),
x11_source (the X11 selection reader), mac_source (change-count polling), wayland_source
(data-control). The text is never logged.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

CLIPBOARD = "clipboard"
SELECTION = "selection"
Deliver = Callable[[str | None], None]


def non_empty(text: str | None) -> str | None:
    """`text`, or None when it holds nothing but blanks."""
    return text if text is not None and text.strip() else None


class ClipboardSource(QObject):
    """The interface every back-end implements (see the module's docstring)."""

    changed = Signal(str, object, bool)  # mode, text or None, startup
    failed = Signal(str)  # background watching stopped: the reason

    def __init__(self, wants_selection: Callable[[], bool] = lambda: True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wants_selection = wants_selection

    @property
    def supports_selection(self) -> bool:
        """True where there is a primary selection (X11, Wayland)."""
        raise NotImplementedError

    def start(self) -> None:
        """Start watching: ``changed(…, startup=True)`` comes for what is there now."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop watching: no ``changed`` after this, nor any read_now answer still under way
        on a reader of its own."""
        raise NotImplementedError

    def read_now(self, deliver: Deliver, selection: bool = False) -> None:
        """Read the clipboard (with `selection`, the primary selection) now, started or not:
        `deliver` gets the text, or None for concealed, non-text or empty content, or no
        selection here. Nothing is remembered."""
        raise NotImplementedError
