"""tel:/callto:/sip: links handed over by the OS as Qt events (macOS sends ``QFileOpenEvent``).

On Linux and Windows the link arrives as a command-line argument instead (and goes through the
single-instance hand-over); on macOS the running app receives a ``QEvent.FileOpen`` for it.
Install :class:`UrlOpenFilter` on the QApplication and connect ``url_opened``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent

from easyclick2call.platform.url_handler import SCHEMES


def is_call_link(text: str) -> bool:
    """True for a tel:, callto: or sip: link (any case)."""
    scheme, sep, rest = text.strip().partition(":")
    return bool(sep and rest) and scheme.lower() in SCHEMES


class UrlOpenFilter(QObject):
    """Event filter that turns file-open events carrying a call link into ``url_opened(str)``."""

    url_opened = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url()
            text = url.toString() if url.isValid() and url.scheme() else event.file()
            if is_call_link(text):
                self.url_opened.emit(text)
                return True
        # QObject.eventFilter's own answer, without a call back into Qt for every event.
        return False
