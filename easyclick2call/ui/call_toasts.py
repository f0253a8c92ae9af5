"""The incoming-call and missed-call toasts: small top-level windows that never take focus.

Like the call popup and the notifications, they are frameless tool windows shown without
activation. Their titles say what they are and who calls, in E.164 ("EasyClick2Call —
Incoming call +33612345678"), for people, screen readers and tests. The incoming toast closes
when the ringing ends; the missed-call toast stays until Call back, Dismiss or a timeout.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from easyclick2call.ui.icons import app_icon

WIDTH = 340
MARGIN = 16
MISSED_TOAST_MS = 120_000
# Fixed geometry: the buttons sit at known places from the bottom-right corner (the last added
# is rightmost), whatever the language.
MARGIN_IN = 12
BUTTON_SPACING = 8
BUTTON_WIDTH = 96  # three buttons fit a toast's width
BUTTON_HEIGHT = 30


def button_center(width: int, height: int, from_right: int) -> tuple[int, int]:
    """Where the `from_right`-th button (0: the rightmost) of a toast of that size is."""
    x = width - MARGIN_IN - BUTTON_WIDTH // 2 - from_right * (BUTTON_WIDTH + BUTTON_SPACING)
    return x, height - MARGIN_IN - BUTTON_HEIGHT // 2


def tr(text: str) -> str:
    return QCoreApplication.translate("LiveCalls", text)


class CallToast(QWidget):
    """The common frame: a bold title, a line of text, a row of buttons."""

    closed = Signal()

    def __init__(self, title: str, body: str, accent: str, *, demo: bool = False) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("callToast")
        suffix = f" ({tr('Demo')})" if demo else ""
        self.setWindowTitle(f"EasyClick2Call — {title}{suffix}")
        self.setWindowIcon(app_icon())
        self.setFixedWidth(WIDTH)
        self.setStyleSheet(
            f"QWidget#callToast {{ background: palette(window); border: 1px solid palette(mid);"
            f" border-left: 5px solid {accent}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN_IN, MARGIN_IN, MARGIN_IN, MARGIN_IN)
        layout.setSpacing(BUTTON_SPACING)
        self.title_label = QLabel(title, self)
        self.title_label.setStyleSheet("font-weight: bold;")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title_label)
        self.body_label = QLabel(body, self)
        self.body_label.setTextFormat(Qt.TextFormat.PlainText)
        self.body_label.setWordWrap(True)
        layout.addWidget(self.body_label)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(BUTTON_SPACING)
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)

    def add_button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setFixedSize(BUTTON_WIDTH, BUTTON_HEIGHT)  # a known place to click (tests, a11y)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def show_at(self, slot: int) -> None:
        """Show in the top-right corner, `slot` toasts down (never activated)."""
        self.adjustSize()
        area = QGuiApplication.primaryScreen().availableGeometry()
        y = area.top() + MARGIN + slot * (self.height() + 8)
        self.move(QPoint(area.right() - self.width() - MARGIN, y))
        self.show()

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)


def _who(e164: str, name: str | None) -> str:
    """"+33199001234 — Dr Martin" (the E.164 number always, the contact's name when known)."""
    return f"{e164} — {name}" if name else e164


class IncomingToast(CallToast):
    """Someone is calling the line: who (and their name when a contact has that number), on
    which line; Copy number, Save as contact… (unknown callers), Dismiss."""

    copy_requested = Signal(str)
    save_requested = Signal(str)  # "Save as contact…" (ui.save_contact)

    def __init__(self, e164: str, line_text: str, *, demo: bool = False,
                 name: str | None = None) -> None:
        super().__init__(tr("Incoming call {number}").format(number=_who(e164, name)),
                         tr("On line {line}").format(line=line_text), "#0a8f3c", demo=demo)
        self.e164 = e164
        if not name:  # leftmost: the usual buttons keep their places
            self.add_button(tr("Save…"), "saveContact", lambda: self.save_requested.emit(e164))
        self.add_button(tr("Copy number"), "copyNumber", lambda: self.copy_requested.emit(e164))
        self.add_button(tr("Dismiss"), "dismiss", self.close)


class MissedToast(CallToast):
    """A call that rang and was not answered: Call back (the app's call path), Dismiss."""

    call_back = Signal(str)
    dismissed = Signal()
    save_requested = Signal(str)  # "Save as contact…" (ui.save_contact)

    def __init__(self, e164: str, line_text: str, when: str, *, demo: bool = False,
                 timeout_ms: int = MISSED_TOAST_MS, name: str | None = None) -> None:
        super().__init__(tr("Missed call {number}").format(number=_who(e164, name)),
                         tr("On line {line} at {time}").format(line=line_text, time=when),
                         "#d0021b", demo=demo)
        self.e164 = e164
        self.call_id = ""  # the stream's CallId (set by ui.live_calls)
        if not name:  # leftmost: the usual buttons keep their places
            self.add_button(tr("Save…"), "saveContact", lambda: self.save_requested.emit(e164))
        self.call_button = self.add_button(tr("Call back"), "callBack", self._call_back)
        self.add_button(tr("Dismiss"), "dismiss", self._dismiss)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.close)
        self._timer.start(timeout_ms)

    def _call_back(self) -> None:
        self.call_button.setEnabled(False)  # one click, one call
        self.call_back.emit(self.e164)
        self.close()

    def _dismiss(self) -> None:
        self.dismissed.emit()
        self.close()
