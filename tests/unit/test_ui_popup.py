"""The copy-a-number popup: what it shows, that it never takes focus, and its buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from easyclick2call.ui.popup import CallPopup, PopupOptions
from tests.unit.test_ui_support import found


def _popup(qtbot, numbers, names=None, **options) -> CallPopup:
    QCursor.setPos(0, 700)  # away from where popups appear: hovering holds them open
    popup = CallPopup(numbers, PopupOptions(**options), names=names)
    popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(popup)
    popup.popup()
    qtbot.waitExposed(popup)
    return popup


def _texts(popup) -> str:
    from PySide6.QtWidgets import QLabel

    return " | ".join(label.text() for label in popup.findChildren(QLabel))


def test_shows_the_number_for_humans_and_e164_in_the_title(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34")])
    assert "01 99 00 12 34" in _texts(popup)
    assert "France" in _texts(popup)
    assert popup.windowTitle() == "Call +33199001234? — EasyClick2Call"
    assert popup.isVisible()


def test_call_is_the_default_button_and_emits_once(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34")])
    assert len(popup.call_buttons) == 1
    call = popup.call_buttons[0]
    assert call.isDefault()
    requested = []
    popup.call_requested.connect(lambda found, _confirmed: requested.append(found))
    for _ in range(5):
        call.click()
    assert [n.e164 for n in requested] == ["+33199001234"]
    assert not call.isEnabled()


def test_enter_calls_and_auto_repeat_is_ignored(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34")])
    requested = []
    popup.call_requested.connect(lambda found, _confirmed: requested.append(found))
    first = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(popup, first)
    for _ in range(5):  # Enter held down: the keyboard repeats the key
        repeat = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                           Qt.KeyboardModifier.NoModifier, "\r", True)
        QApplication.sendEvent(popup, repeat)
    assert [n.e164 for n in requested] == ["+33199001234"]


def test_escape_dismisses(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34")])
    with qtbot.waitSignal(popup.rejected, timeout=2000):
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_does_not_take_focus_from_the_app_in_use(qtbot):
    editor = QLineEdit()
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is editor.windowHandle(), timeout=3000)
    popup = _popup(qtbot, [found("01 99 00 12 34")])
    qtbot.wait(300)  # give the window system time to (wrongly) move the focus
    assert QGuiApplication.focusWindow() is editor.windowHandle()
    assert not popup.isActiveWindow()
    assert QApplication.activeWindow() is editor
    flags = popup.windowFlags()
    assert flags & Qt.WindowType.WindowDoesNotAcceptFocus
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint


def test_several_numbers_give_a_list_with_one_call_button_each(qtbot):
    numbers = [found("01 99 00 12 34"), found("04 72 00 00 01"), found("+33 5 56 00 00 02")]
    popup = _popup(qtbot, numbers)
    assert len(popup.call_buttons) == 3
    for number in numbers:
        assert number.e164 in popup.windowTitle()
    requested = []
    popup.call_requested.connect(lambda found, _confirmed: requested.append(found))
    popup.call_buttons[1].click()
    popup.call_buttons[2].click()
    assert [n.e164 for n in requested] == [numbers[1].e164]


def test_dismisses_itself_after_the_delay(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34")], timeout_s=1)
    with qtbot.waitSignal(popup.rejected, timeout=3000):
        pass
    assert not popup.isVisible()


def test_stays_while_hovered_and_leaves_after(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34")], timeout_s=1)
    QCursor.setPos(popup.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(lambda: not popup.dismiss_timer.isActive(), timeout=2000)
    qtbot.wait(1300)
    assert popup.isVisible()
    QCursor.setPos(0, 700)  # the pointer leaves: the delay starts again
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=4000)


def test_a_blocked_prefix_says_why_and_offers_no_call(qtbot):
    popup = _popup(qtbot, [found("08 99 23 45 67")], blocked_prefixes=("+3389",))
    assert popup.call_buttons == []
    assert len(popup.blocked_labels) == 1
    text = popup.blocked_labels[0].text()
    assert "+3389" in text and "blocked" in text


def test_international_needs_a_tick_first(qtbot):
    popup = _popup(qtbot, [found("+32 2 511 22 33")], confirm_international=True)
    call = popup.call_buttons[0]
    assert not call.isEnabled()
    requested = []
    popup.call_requested.connect(lambda found, _confirmed: requested.append(found))
    call.click()
    assert requested == []
    popup.abroad_boxes[0].setChecked(True)
    assert call.isEnabled()
    call.click()
    assert [n.e164 for n in requested] == ["+3225112233"]


def test_demo_badge_and_title(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34")], demo=True)
    assert "Demo" in popup.windowTitle()
    assert "Demo" in _texts(popup)


def test_shows_place_and_country_abroad(qtbot):
    popup = _popup(qtbot, [found("+32 2 511 22 33")])
    assert "+32 2 511 22 33" in _texts(popup)
    assert "Brussels, Belgium" in _texts(popup)
    assert "Belgium" in popup.abroad_boxes[0].text()


def test_one_window_offers_the_next_numbers_afresh(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34")])
    requested = []
    popup.call_requested.connect(lambda found, _confirmed: requested.append(found))
    popup.call_buttons[0].click()
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
    popup.offer([found("04 72 00 00 01")])  # the app reuses its popup for the next copy
    popup.popup()
    qtbot.waitExposed(popup)
    assert popup.windowTitle() == "Call +33472000001? — EasyClick2Call"
    assert "04 72 00 00 01" in _texts(popup) and "01 99 00 12 34" not in _texts(popup)
    call = popup.call_buttons[0]
    assert call.isEnabled() and call.isDefault()
    call.click()
    call.click()
    assert [n.e164 for n in requested] == ["+33199001234", "+33472000001"]


def test_a_new_offer_is_not_closed_by_the_previous_call(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34")])
    popup.call_buttons[0].click()  # closes itself once the event loop runs …
    popup.offer([found("04 72 00 00 01"), found("01 99 00 55 66")])  # … but a copy came first
    popup.popup()
    qtbot.wait(100)
    assert popup.isVisible()
    assert len(popup.call_buttons) == 2 and all(b.isEnabled() for b in popup.call_buttons)
    assert "Call which number?" in _texts(popup)


def test_closed_by_the_window_manager_it_is_dismissed_and_its_next_window_made_at_once(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34")])
    rejected = []
    popup.rejected.connect(lambda: rejected.append(True))
    assert popup.windowHandle().close()  # as WM_DELETE_WINDOW does: the X window is destroyed
    assert not popup.isVisible()
    assert rejected == [True]
    # The next X window is made while idle, not when the next number is copied.
    qtbot.waitUntil(lambda: popup.testAttribute(Qt.WidgetAttribute.WA_WState_Created))
    popup.offer([found("01 99 00 56 78")])
    popup.popup()
    qtbot.waitExposed(popup)
    assert popup.windowTitle() == "Call +33199005678? — EasyClick2Call"


def test_a_popup_that_deletes_itself_closes_for_good(qtbot):
    QCursor.setPos(0, 700)
    popup = CallPopup([found("01 99 00 12 34")], PopupOptions())
    popup.popup()
    qtbot.waitExposed(popup)
    destroyed = []
    popup.destroyed.connect(lambda: destroyed.append(True))
    assert popup.close()
    qtbot.waitUntil(lambda: destroyed == [True])


def test_a_text_not_read_to_its_end_says_so(qtbot):
    from easyclick2call.core.numbers_model import FoundNumbers

    partial = FoundNumbers([found("01 99 00 12 34")], scanned=65536, complete=False)
    popup = _popup(qtbot, partial)
    notes = [label.text() for label in popup.findChildren(QLabel, "partialNote")]
    assert len(notes) == 1 and "65" in notes[0] and "first" in notes[0]
    popup.offer(FoundNumbers([found("01 99 00 12 35")], scanned=30, complete=True))
    qtbot.waitUntil(lambda: not [label for label in popup.findChildren(QLabel, "partialNote")
                                 if label.isVisibleTo(popup)])


def test_selected_row_moves_with_wrap_and_skips_blocked_numbers(qtbot):
    numbers = [found("01 99 00 12 34"), found("08 99 23 45 67"), found("04 72 00 00 01"),
               found("05 56 00 00 02")]
    popup = _popup(qtbot, numbers, blocked_prefixes=("+3389",))
    assert len(popup.call_buttons) == 3  # the premium-rate number has no Call button
    assert popup.selected_number().e164 == "+33199001234"
    assert popup.call_buttons[0].property("selected") is True
    popup.select_next()
    assert popup.selected_number().e164 == "+33472000001"
    assert [bool(b.property("selected")) for b in popup.call_buttons] == [False, True, False]
    popup.select_previous()
    popup.select_previous()
    assert popup.selected_number().e164 == "+33556000002"  # wrapped round
    requested = []
    popup.call_requested.connect(lambda found, _confirmed: requested.append(found))
    assert popup.call_selected()
    assert not popup.call_selected()  # one offer, one call
    assert [n.e164 for n in requested] == ["+33556000002"]


def test_a_new_offer_selects_its_first_row_and_a_single_number_is_not_highlighted(qtbot):
    popup = _popup(qtbot, [found("01 99 00 12 34"), found("04 72 00 00 01")])
    popup.select_next()
    popup.offer([found("01 99 00 55 66")])
    assert popup.selected_number().e164 == "+33199005566"
    assert not popup.call_buttons[0].property("selected")
    popup.offer([found("01 99 00 77 88")])  # updated in place
    assert popup.selected_number().e164 == "+33199007788"


def test_call_selected_refuses_an_unconfirmed_international_number(qtbot):
    popup = _popup(qtbot, [found("+32 2 555 12 12")])
    requested = []
    popup.call_requested.connect(lambda found, _confirmed: requested.append(found))
    assert not popup.call_selected()
    popup.abroad_boxes[0].setChecked(True)
    assert popup.call_selected()
    assert [n.e164 for n in requested] == ["+3225551212"]
