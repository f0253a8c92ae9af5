"""The app's one way to open a web page in the user's browser.

`open_url(url)` uses QDesktopServices by default. Tests (and the demo) replace the opener with
`set_browser_opener(fn)`, e.g. to drive a headless browser instead of the desktop's own.
"""

from __future__ import annotations

from collections.abc import Callable

BrowserOpener = Callable[[str], bool]

_state: dict[str, BrowserOpener | None] = {"opener": None}


def _desktop_open(url: str) -> bool:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return bool(QDesktopServices.openUrl(QUrl(url)))


def set_browser_opener(opener: BrowserOpener | None) -> BrowserOpener | None:
    """Use `opener(url) -> bool` to open pages from now on (None restores the desktop's
    browser); returns the previous opener so a test can put it back."""
    previous = _state["opener"]
    _state["opener"] = opener
    return previous


def open_url(url: str) -> bool:
    """Open `url` in the browser; False when no browser could be started."""
    opener = _state["opener"] or _desktop_open
    return bool(opener(url))
