"""The copy-a-number popup: "Call 01 99 00 12 34?" with Call / Dismiss, near the tray or cursor.

It is a frameless, always-on-top tool window that never takes keyboard focus from the
application the user is in (it becomes focusable only once the pointer is on it, so that Enter
and Esc work after a click). Its window title contains every offered number in E.164, e.g.
"Call +33199001234? — EasyClick2Call", so screen readers and automation can find it.

New content never lets a press meant for the old one call the new number: a press under way is
cancelled, Call is ignored for :data:`NEW_CONTENT_GUARD_S` after the change (Enter too), and
keyboard focus is given up until the pointer comes back. Each Call button is bound to the
number and the offer it was shown with.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QCursor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from easyclick2call.core.call_gate import Confirmation, blocked_prefix
from easyclick2call.ui.icons import app_icon

MAX_ROWS = 6
MARGIN = 12
# The row the global shortcut would call, among several (popup.select_next / select_previous).
# The row the global shortcut's Up/Down selected (after POPUP_STYLE: it wins over the button's).
SELECTED_STYLE = (' QPushButton#callButton[selected="true"] { border: 3px solid #f28c00;'
                  ' border-radius: 4px; padding: 2px 14px; }')
NEW_CONTENT_GUARD_S = 0.4  # Call is ignored this long after the numbers changed under the user


# The frame, and the Call buttons as the primary action (the app's blue); Dismiss stays plain.
POPUP_STYLE = (
    "QFrame#popupFrame { border: 1px solid #0050d7; border-radius: 6px;"
    " background: palette(window); }"
    "QPushButton#callButton { background: #0050d7; color: white; font-weight: bold;"
    " border: 1px solid #003ca3; border-radius: 4px; padding: 4px 16px; }"
    "QPushButton#callButton:hover { background: #0a5fe8; }"
    "QPushButton#callButton:pressed { background: #003ca3; }"
    "QPushButton#callButton:focus { border: 2px solid #f28c00; }"
    "QPushButton#callButton:disabled { background: #aac0e8; border-color: #aac0e8;"
    " color: #f4f6fa; }"
)

@dataclass(frozen=True)
class PopupOptions:
    """How the popup behaves (read from the settings by the app)."""

    user_region: str = "FR"
    blocked_prefixes: tuple[str, ...] = ()
    confirm_international: bool = True
    timeout_s: int = 10
    demo: bool = False
    position: str = "tray"  # or "cursor"


@functools.cache
def _display_number():
    """core.numbers.display_number, imported once (not at import: it loads the number engine)."""
    from easyclick2call.core.numbers import display_number

    return display_number


def display(found, user_region: str) -> str:
    """The number as people write it: national in the user's country, international otherwise."""
    return _display_number()(found, user_region)


@functools.lru_cache(maxsize=64)
def country_name(region_code: str) -> str:
    """The country's name in English (Qt's own table: no data file to ship); cached, since
    the popup asks for it on each copy."""
    territory = QLocale.codeToTerritory(region_code)
    if territory == QLocale.Country.AnyTerritory:
        return region_code
    return QLocale.territoryToString(territory)


def place_text(found) -> str:
    """"Brussels, Belgium", or just "France" when the place is the country."""
    country = country_name(found.region_code)
    place = found.description or ""
    if not place or place == country:
        return country
    return f"{place}, {country}"


def contact_name(names, found) -> str | None:
    """The contact name of `found` in `names` (anything with .get(e164)), if any."""
    return names.get(found.e164) if names is not None else None


def popup_title(numbers: Sequence, demo: bool, names=None) -> str:
    """"Call +33199001234? — EasyClick2Call" (every number in E.164; "(Demo)" in demo mode);
    with the contacts' names when known: "Call +33199001234? — Dr Martin — EasyClick2Call"."""
    shown = numbers[:MAX_ROWS]
    listed = ", ".join(found.e164 for found in shown)
    known = [name for name in (contact_name(names, found) for found in shown) if name]
    if known:
        title = QCoreApplication.translate(
            "CallPopup", "Call {numbers}? — {names} — EasyClick2Call").format(
            numbers=listed, names=", ".join(known))
    else:
        title = QCoreApplication.translate(
            "CallPopup", "Call {numbers}? — EasyClick2Call").format(numbers=listed)
    if demo:
        title += " ({})".format(QCoreApplication.translate("CallPopup", "Demo"))
    return title


class CallPopup(QDialog):
    """Offers to call one or several numbers; emits ``call_requested(FoundNumber, confirmed)``
    where `confirmed` is what the user confirmed (the abroad box ticked)."""

    call_requested = Signal(object, object)

    def __init__(self, numbers: Sequence, options: PopupOptions | None = None,
                 parent: QWidget | None = None, names=None) -> None:
        """`names`: number → contact name (ui.names.NameIndex; anything with .get(e164))."""
        super().__init__(parent)
        self.names = names
        self._heading: QLabel | None = None
        self.setWindowFlags(
            Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.setObjectName("callPopup")
        self.options = options or PopupOptions()
        self.numbers: list = []
        self.call_buttons: list[QPushButton] = []
        self.abroad_boxes: list[QCheckBox] = []
        self.blocked_labels: list[QLabel] = []
        self._row_numbers: list = []  # the number of each Call button, same order
        self._selected = 0  # the Call button the global shortcut's Up/Down chose
        self._offer_id = 0  # each offer's number: a deferred close never closes a newer one
        self._offer_time = 0.0  # when the numbers shown last changed (time.monotonic)
        self._focus_offer = -1  # the offer shown when the pointer last gave the window focus
        self._bound: dict[int, tuple] = {}  # id(Call button) -> (FoundNumber, abroad box)
        self._called_offer = -1  # the offer whose Call was pressed
        self._focus_released = False  # the pointer came in: the window may take focus
        self._content: QFrame | None = None
        self._single_row: tuple[QLabel, QLabel, QPushButton] | None = None
        self.setWindowIcon(app_icon())
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self.dismiss_timer = QTimer(self)
        self.dismiss_timer.setSingleShot(True)
        self.dismiss_timer.timeout.connect(self.reject)
        self.offer(numbers, self.options)

    def offer(self, numbers: Sequence, options: PopupOptions | None = None) -> None:
        """Offer `numbers` in this window (the app keeps one popup and reuses it).

        A new offer is a fresh start: nothing called yet, the dismiss delay stopped (popup()
        starts it again), and no focus taken until the pointer comes in again."""
        options = options or self.options
        numbers = numbers if isinstance(numbers, list) else list(numbers)  # FoundNumbers kept
        self.dismiss_timer.stop()
        replacing = self.isVisible() and bool(self.numbers)
        if replacing and self.isActiveWindow():
            self.hide()  # give the keyboard focus back: Enter typed now is not for these numbers
        self._cancel_presses()
        self._offer_id += 1
        # Numbers replaced under the user's eyes (and maybe hand): Call waits a moment.
        self._offer_time = time.monotonic() if replacing else 0.0
        if self._focus_released:
            handle = self.windowHandle()
            if handle is not None:
                handle.setFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
            self._focus_released = False
        same_shape = (self._single_row is not None and options == self.options
                      and getattr(self.numbers, "complete", True)  # no partial note to remove
                      and self._is_plain_single(numbers, options))
        self.options = options
        self.numbers = numbers
        self._set_title()
        if same_shape:
            self._update_single(numbers[0])
        else:
            self._build()
        if self.call_buttons and not self.call_buttons[0].isDefault():
            self.call_buttons[0].setDefault(True)
            self.call_buttons[0].setAutoDefault(True)
        self._select(0)

    def _set_title(self) -> None:
        self.setWindowTitle(popup_title(self.numbers, self.options.demo, self.names))
        self.setAccessibleName(self.windowTitle())

    def refresh_names(self) -> None:
        """The contacts' names changed: show them (unless the offer was already called)."""
        if self._called or not self.numbers:
            return
        self._set_title()
        self._build()
        if self.call_buttons:
            self.call_buttons[0].setDefault(True)
            self.call_buttons[0].setAutoDefault(True)

    def _heading_text(self) -> str:
        if len(self.numbers) != 1:
            return self.tr("Call which number?")
        found = self.numbers[0]
        name = contact_name(self.names, found)
        if not name:
            return self.tr("Call this number?")
        return self.tr("Call {name} — {number}?").format(
            name=name, number=display(found, self.options.user_region))

    def _labelled(self, found, shown: str) -> str:
        """"Dr Martin — 01 99 00 12 34" for a contact, else the number alone."""
        name = contact_name(self.names, found)
        return f"{name} — {shown}" if name else shown

    @staticmethod
    def _is_plain_single(numbers: Sequence, options: PopupOptions) -> bool:
        """One number, neither blocked nor abroad: its row can be updated in place."""
        if len(numbers) != 1 or not getattr(numbers, "complete", True):
            return False
        found = numbers[0]
        abroad = options.confirm_international and found.region_code != options.user_region
        return not abroad and blocked_prefix(found.e164, options.blocked_prefixes) is None

    def _update_single(self, found) -> None:
        assert self._single_row is not None
        number_label, where, button = self._single_row
        shown = display(found, self.options.user_region)
        number_label.setText(shown)
        where.setText(place_text(found))
        button.setAccessibleName(self.tr("Call {number}").format(
            number=self._labelled(found, shown)))
        button.setEnabled(True)
        self._row_numbers[0] = found
        self._bind(button, found, None)
        if self._heading is not None:
            self._heading.setText(self._heading_text())

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        if self._content is not None:
            self._outer.removeWidget(self._content)
            self._content.hide()
            self._content.deleteLater()
        self.call_buttons = []
        self._row_numbers = []
        self._bound = {}
        self.abroad_boxes = []
        self.blocked_labels = []
        self._single_row = None
        frame = QFrame(self)
        self._content = frame
        frame.setObjectName("popupFrame")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setStyleSheet(POPUP_STYLE + SELECTED_STYLE)
        self._outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        header = QHBoxLayout()
        icon = QLabel()
        icon.setObjectName("appIcon")
        size = self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize)
        icon.setPixmap(app_icon().pixmap(size, size))
        header.addWidget(icon)
        heading = QLabel(self._heading_text())
        heading.setObjectName("heading")
        self._heading = heading
        header.addWidget(heading, 1)
        if self.options.demo:
            badge = QLabel(self.tr("Demo"))
            badge.setObjectName("demoBadge")
            badge.setToolTip(self.tr("Demo mode: calls go to the built-in sandbox, not OVHcloud."))
            badge.setStyleSheet("background:#f28c00; color:white; padding:1px 6px;"
                                " border-radius:3px; font-weight:bold;")
            header.addWidget(badge)
        layout.addLayout(header)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)  # the middle (abroad box, blocked reason) takes the slack
        grid.setVerticalSpacing(8)
        single = len(self.numbers) == 1
        for row, found in enumerate(self.numbers[:MAX_ROWS]):
            self._add_row(grid, row, found, single)
        layout.addLayout(grid)
        hidden = len(self.numbers) - MAX_ROWS
        if hidden > 0:
            layout.addWidget(QLabel(self.tr("…and %n more number(s).", "", hidden)))
        if not getattr(self.numbers, "complete", True):  # core.numbers_model.FoundNumbers
            note = QLabel(self.tr(
                "Only the first {count} characters of what you copied were read: copy a smaller "
                "part to see every number in it.").format(
                    count=QLocale().toString(int(getattr(self.numbers, "scanned", 0)))))
            note.setObjectName("partialNote")
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("dismissButton")
        self.dismiss_button.setAutoDefault(False)
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.dismiss_button.clicked.connect(self.reject)
        buttons.addWidget(self.dismiss_button)
        if single and self.call_buttons:  # one number: its Call button goes next to Dismiss
            call = self.call_buttons[0]
            call.setParent(None)
            buttons.addWidget(call)
        layout.addLayout(buttons)
        if self.isVisible():
            frame.show()

    def _add_row(self, grid: QGridLayout, row: int, found, single: bool) -> None:
        shown = display(found, self.options.user_region)
        number_label = QLabel(shown if single else self._labelled(found, shown))
        number_label.setObjectName("numberLabel")
        number_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = number_label.font()
        font.setBold(True)
        if single:
            font.setPointSizeF(font.pointSizeF() * 1.4)
        number_label.setFont(font)
        where = QLabel(place_text(found))
        where.setObjectName("placeLabel")
        text_box = QVBoxLayout()
        text_box.setSpacing(0)
        text_box.addWidget(number_label)
        text_box.addWidget(where)
        grid.addLayout(text_box, row, 0, Qt.AlignmentFlag.AlignVCenter)
        prefix = blocked_prefix(found.e164, self.options.blocked_prefixes)
        if prefix is not None:
            reason = QLabel(self.tr(
                "Not called: numbers starting with {prefix} are blocked (premium rate); "
                "change this in Settings › Filters.").format(prefix=prefix))
            reason.setObjectName("blockedLabel")
            reason.setWordWrap(True)
            reason.setStyleSheet("color:#b00020;")
            reason.setMinimumWidth(reason.fontMetrics().averageCharWidth() * 28)
            self.blocked_labels.append(reason)
            grid.addWidget(reason, row, 1, 1, 2, Qt.AlignmentFlag.AlignVCenter)
            return
        button = QPushButton(self.tr("Call"))
        button.setObjectName("callButton")
        button.setAccessibleName(self.tr("Call {number}").format(
            number=self._labelled(found, shown)))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.installEventFilter(self)
        button.clicked.connect(lambda _checked=False, b=button: self._on_call(b))
        self.call_buttons.append(button)
        self._row_numbers.append(found)
        abroad = (self.options.confirm_international
                  and found.region_code != self.options.user_region)
        if single and not abroad:
            self._single_row = (number_label, where, button)
        if abroad:
            box = QCheckBox(self.tr("Call abroad ({country})").format(
                country=country_name(found.region_code)))
            box.setObjectName("abroadBox")
            box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setEnabled(False)
            box.toggled.connect(button.setEnabled)
            self.abroad_boxes.append(box)
            grid.addWidget(box, row, 1, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
        self._bind(button, found, box if abroad else None)
        grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignVCenter)

    # -- the selected row (the global shortcut's Up / Down, without focus) -----------------
    def selected_number(self):
        """The number the shortcut would call now (a FoundNumber), or None (all blocked)."""
        return self._row_numbers[self._selected] if self._row_numbers else None

    def select_next(self) -> None:
        """Select the next callable row (wrapping round), as Down does."""
        self._select(self._selected + 1)
        self.restart_timer()

    def select_previous(self) -> None:
        """Select the previous callable row (wrapping round), as Up does."""
        self._select(self._selected - 1)
        self.restart_timer()

    def call_selected(self) -> bool:
        """Call the selected number, as its Call button does; False when that button cannot
        be pressed (already called, international not confirmed, nothing callable)."""
        if not self.call_buttons or self._called:
            return False
        button = self.call_buttons[self._selected]
        if not button.isEnabled():
            return False
        button.click()
        return True

    def _select(self, index: int) -> None:
        if not self.call_buttons:
            self._selected = 0
            return
        self._selected = index % len(self.call_buttons)
        several = len(self.call_buttons) > 1
        for position, button in enumerate(self.call_buttons):
            selected = several and position == self._selected
            if bool(button.property("selected")) != selected:
                button.setProperty("selected", selected)
                button.style().unpolish(button)
                button.style().polish(button)

    # -- behaviour ------------------------------------------------------------------------
    def _bind(self, button: QPushButton, found, abroad_box: QCheckBox | None) -> None:
        """Tie `button` to the number it is shown with (never to a row index: the row may hold
        another number by the time the click arrives; a new layout starts a new table)."""
        self._bound[id(button)] = (found, abroad_box)

    def _cancel_presses(self) -> None:
        """New content: a press under way on a Call button will not click it."""
        for button in self.call_buttons:
            if button.isDown():
                button.setDown(False)

    def accepts_call_now(self) -> bool:
        """False during the short guard after the numbers changed."""
        return time.monotonic() - self._offer_time >= NEW_CONTENT_GUARD_S

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note which offer a Call button was pressed for (a press lasts; content may change)."""
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                            QEvent.Type.KeyPress):
            watched.setProperty("pressed_offer", self._offer_id)
        return False

    def _on_call(self, button: QPushButton) -> None:
        pressed_for = button.property("pressed_offer")
        button.setProperty("pressed_offer", None)
        if self._called or not button.isEnabled():
            return
        if not self.accepts_call_now() or (
                pressed_for is not None and pressed_for != self._offer_id):
            return  # pressed for numbers that were replaced meanwhile
        bound = self._bound.get(id(button))
        if bound is None:
            return
        found, abroad_box = bound
        confirmed = frozenset({Confirmation.ABROAD}) if (
            abroad_box is not None and abroad_box.isChecked()) else frozenset()
        self._called_offer = self._offer_id  # one press, one request: the rest is ignored
        for other in self.call_buttons:
            other.setEnabled(False)
        self.dismiss_timer.stop()
        self.call_requested.emit(found, confirmed)
        QTimer.singleShot(0, self._accept_called)

    @property
    def _called(self) -> bool:
        """Call was pressed for the offer shown now."""
        return self._called_offer == self._offer_id

    def _accept_called(self) -> None:
        """Close after a call, unless a new offer replaced the one that was called meanwhile."""
        if self._called_offer == self._offer_id:
            self.accept()

    def popup(self, anchor: QRect | None = None) -> None:
        """Show without taking focus, near `anchor` (the tray icon) or the pointer."""
        self.adjustSize()
        self.move(self._position(anchor))
        self.show()
        self.raise_()
        self.restart_timer()

    def place(self, anchor: QRect | None) -> None:
        """Move next to `anchor` (the tray icon moved while the popup was up)."""
        self.move(self._position(anchor))

    def restart_timer(self) -> None:
        if self.options.timeout_s > 0 and not self._called:
            self.dismiss_timer.start(self.options.timeout_s * 1000)

    def _position(self, anchor: QRect | None) -> QPoint:
        size = self.sizeHint().expandedTo(self.size())
        if self.options.position == "cursor":
            point = QCursor.pos() + QPoint(16, 16)
            screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        elif anchor is not None and anchor.isValid() and not anchor.isEmpty():
            screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
            area = screen.availableGeometry()
            below = anchor.bottom() + MARGIN
            y = below if below + size.height() <= area.bottom() \
                else anchor.top() - MARGIN - size.height()
            point = QPoint(anchor.right() - size.width(), y)
        else:
            screen = QGuiApplication.primaryScreen()
            area = screen.availableGeometry()
            point = QPoint(area.right() - size.width() - MARGIN, area.top() + MARGIN + 24)
        area = screen.availableGeometry()
        x = min(max(point.x(), area.left()), area.right() - size.width())
        y = min(max(point.y(), area.top()), area.bottom() - size.height())
        return QPoint(x, y)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed by the user, the window manager or the app quitting: dismissed (QDialog's
        reject). A popup kept for reuse (no WA_DeleteOnClose) that the window manager closes
        (a spontaneous event) is only hidden: an accepted close destroys the X window, and the
        next copy would have to make and map a new one. Qt's own closes (quitting) go through.
        Otherwise the next X window is made right away, while idle."""
        reused = not self.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if reused and event.spontaneous():
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)
        if event.isAccepted() and reused:
            QTimer.singleShot(0, self._prepare_window)

    def _prepare_window(self) -> None:
        handle = self.windowHandle()
        if handle is not None and not self.isVisible():
            handle.create()

    def enterEvent(self, event: QEvent) -> None:
        self.dismiss_timer.stop()
        # Once the pointer is on it, a click may give it focus so that Enter / Esc work.
        handle = self.windowHandle()
        if handle is not None:
            handle.setFlag(Qt.WindowType.WindowDoesNotAcceptFocus, False)
            self._focus_released = True
        self._focus_offer = self._offer_id
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.restart_timer()
        super().leaveEvent(event)

    def mousePressEvent(self, event) -> None:
        self._focus_offer = self._offer_id
        handle = self.windowHandle()
        if handle is not None:  # a click is a deliberate choice: the window may take focus
            handle.setFlag(Qt.WindowType.WindowDoesNotAcceptFocus, False)
            self._focus_released = True
            handle.requestActivate()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.isAutoRepeat() or self._called:
                return  # Enter held down: the first press only
            stale_focus = self._focus_offer not in (-1, self._offer_id)
            if stale_focus or not self.accepts_call_now():
                return  # the focus was given for other numbers: Enter is not for these
            enabled = [b for b in self.call_buttons if b.isEnabled()]
            focused = self.focusWidget()
            target = focused if focused in enabled else (enabled[0] if enabled else None)
            if target is not None:
                target.setProperty("pressed_offer", self._offer_id)
                target.click()
            return
        super().keyPressEvent(event)
