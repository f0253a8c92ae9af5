"""Calling through the sandbox: one click one call, the notifications, the history."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QMessageBox

from easyclick2call.ui.calling import CallController
from easyclick2call.ui.notifications import Notifier
from easyclick2call.ui.popup import CallPopup, PopupOptions
from easyclick2call.ui.tasks import wait_for_tasks
from tests.unit.test_ui_support import found, make_context


@pytest.fixture
def calling(qtbot, tmp_path, sandbox, memory_keyring):
    context = make_context(tmp_path / "profile", sandbox, demo=True)
    notifier = Notifier(demo=True, use_desktop=False)
    controller = CallController(context, notifier)
    yield context, notifier, controller
    for toast in notifier.visible_toasts():
        toast.close()
    wait_for_tasks(10000)
    gc.collect()  # Qt objects in cycles are collected here, on the GUI thread


def _toast_text(notifier) -> str:
    toast = notifier.visible_toasts()[0]
    return f"{toast.windowTitle()} | {toast.body_label.text()}"


def test_ten_rapid_clicks_and_a_second_copy_place_one_call(qtbot, calling, sandbox):
    context, notifier, controller = calling
    number = found("01 99 00 12 34")
    popup = CallPopup([number], PopupOptions(demo=True))
    qtbot.addWidget(popup)
    popup.call_requested.connect(lambda f, c: controller.call(f, "popup", c))
    popup.popup()
    qtbot.waitExposed(popup)
    call = popup.call_buttons[0]
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        for _ in range(10):
            call.click()
        # The same number copied again meanwhile: a new popup, pressed again.
        again = CallPopup([number], PopupOptions(demo=True))
        qtbot.addWidget(again)
        again.call_requested.connect(lambda f, c: controller.call(f, "popup", c))
        again.call_buttons[0].click()
    assert finished.args[0].ok
    qtbot.wait(300)
    calls = sandbox.calls()
    assert len(calls) == 1
    assert calls[0]["called_number"] == "0033199001234"
    assert calls[0]["line"] == sandbox.info()["lines"][0]
    text = _toast_text(notifier)
    assert "is ringing — pick up to reach 01 99 00 12 34" in text
    assert "Demo" in text
    records = context.history.all()
    assert [(r.number_e164, r.outcome, r.error_kind) for r in records] == [
        ("+33199001234", "placed", "")]


def test_a_server_error_after_sending_says_the_call_may_have_been_placed(
        qtbot, calling, sandbox):
    context, notifier, controller = calling
    sandbox.inject_fault(method="POST", path="*/click2Call", status=503, count=1)
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        assert controller.call(found("01 99 00 12 34"))
    outcome = finished.args[0]
    assert outcome.outcome == "uncertain" and outcome.error_kind == "server"
    text = _toast_text(notifier)
    assert "The call to 01 99 00 12 34 may have been placed" in text
    assert "calling this number again will ask first" in text
    [record] = context.history.all()
    assert (record.outcome, record.error_kind, record.source) == ("uncertain", "server", "popup")
    # Calling it again asks first (never silently a second call) …
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        controller.dialer.repeat_window_s = 0  # past the double-click guard
        assert controller.call(found("01 99 00 12 34"))
    assert finished.args[0].outcome == "confirm"
    question = _question(qtbot, controller)
    assert "may have been placed already" in question.text()
    assert sandbox.calls() == []
    # … and Call in that question places it, once.
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        question.button(QMessageBox.StandardButton.Yes).click()
    assert finished.args[0].ok
    assert len(sandbox.calls()) == 1


def _question(qtbot, controller) -> QMessageBox:
    qtbot.waitUntil(lambda: len(controller._questions) == 1, timeout=5000)
    return controller._questions[0]


def test_a_refused_call_says_nothing_was_placed(qtbot, calling, sandbox):
    context, notifier, controller = calling
    sandbox.inject_fault(method="POST", path="*/click2Call", status=429, count=1)
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        assert controller.call(found("01 99 00 12 34"))
    outcome = finished.args[0]
    assert outcome.outcome == "failed" and outcome.error_kind == "rate_limited"
    assert "Call to 01 99 00 12 34 not placed" in _toast_text(notifier)
    assert context.history.all()[0].outcome == "failed"
    # Nothing was placed: the user may try again at once, and it works without a question.
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        assert controller.call(found("01 99 00 12 34"))
    assert finished.args[0].ok
    assert len(sandbox.calls()) == 1


@pytest.mark.parametrize("source", ["popup", "dialog", "redial", "tray", "link", "handover"])
def test_a_blocked_number_is_never_called_whatever_the_path(qtbot, calling, sandbox, source):
    context, notifier, controller = calling
    number = "+33892680123" if source in ("redial", "tray") else found("08 92 68 01 23")
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        assert controller.call(number, source)
    outcome = finished.args[0]
    assert outcome.outcome == "blocked"
    assert "Numbers starting with +3389 are blocked" in _toast_text(notifier)
    assert sandbox.calls() == []
    [record] = context.history.all()
    assert (record.number_e164, record.outcome, record.source) == (
        "+33892680123", "blocked", source)


@pytest.mark.parametrize("text", ["112", "+33 1 12"])
def test_emergency_and_invalid_numbers_are_never_sent(qtbot, calling, sandbox, text):
    _context, notifier, controller = calling
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        controller.call(text, "redial")
    assert finished.args[0].outcome == "not_callable"
    assert "was not called" in _toast_text(notifier)
    assert sandbox.calls() == []


def test_abroad_is_asked_first_unless_confirmed(qtbot, calling, sandbox):
    _context, _notifier, controller = calling
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        controller.call("+44 20 7946 0018", "dialog")
    assert finished.args[0].outcome == "confirm"
    question = _question(qtbot, controller)
    assert "United Kingdom" in question.text()
    with qtbot.waitSignal(question.finished, timeout=5000):
        question.button(QMessageBox.StandardButton.No).click()
    assert sandbox.calls() == []
    # The popup's ticked abroad box is that confirmation.
    from easyclick2call.core.call_gate import Confirmation

    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        controller.call(found("+44 20 7946 0018"), "popup", {Confirmation.ABROAD})
    assert finished.args[0].ok
    assert [c["called_number"] for c in sandbox.calls()] == ["00442079460018"]


def test_a_damaged_history_never_turns_a_placed_call_into_a_failure(
        qtbot, tmp_path, sandbox, memory_keyring):
    context = make_context(tmp_path / "profile", sandbox)
    context.history.path.write_bytes(b"this is not an SQLite database" * 100)
    notifier = Notifier(use_desktop=False)
    controller = CallController(context, notifier)
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        controller.call(found("01 99 00 12 34"))
    assert finished.args[0].ok
    assert len(sandbox.calls()) == 1
    titles = [t.windowTitle() for t in notifier.visible_toasts()]
    assert any("Calling 01 99 00 12 34" in title for title in titles)
    assert not any("fail" in title.lower() for title in titles)
    for toast in notifier.visible_toasts():
        toast.close()


def test_calls_reach_ovhcloud_in_the_order_they_were_asked(qtbot, calling, sandbox):
    _context, _notifier, controller = calling
    numbers = [f"01 99 00 12 {n:02d}" for n in range(30, 36)]
    sandbox.inject_fault(method="POST", path="*/click2Call", delay=0.3, count=1)
    for text in numbers:
        assert controller.call(found(text))
    qtbot.waitUntil(lambda: len(sandbox.calls()) == len(numbers), timeout=20000)
    assert [c["called_number"] for c in sandbox.calls()] == [
        "00331990012" + text[-2:] for text in numbers]


def test_expired_access_says_reconnect_in_settings(qtbot, calling, sandbox):
    _context, notifier, controller = calling
    sandbox.inject_fault(expire_consumer_key=sandbox.info()["consumer_key"])
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        controller.call(found("01 99 00 12 34"))
    outcome = finished.args[0]
    assert outcome.error_family == "auth"
    assert "Settings" in outcome.error_message
    assert outcome.error_message in _toast_text(notifier)


def test_not_configured_says_so(qtbot, tmp_path, memory_keyring):
    context = make_context(tmp_path / "profile")
    notifier = Notifier(use_desktop=False)
    controller = CallController(context, notifier)
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        controller.call(found("01 99 00 12 34"))
    assert finished.args[0].error_kind == "not_configured"
    assert "No OVHcloud account is set up — connect your account in Settings." in _toast_text(
        notifier)
    for toast in notifier.visible_toasts():
        toast.close()


def test_intercom_mode_is_sent(qtbot, tmp_path, sandbox, memory_keyring):
    context = make_context(tmp_path / "profile", sandbox, calling_mode="intercom")
    notifier = Notifier(use_desktop=False)
    controller = CallController(context, notifier)
    with qtbot.waitSignal(controller.call_finished, timeout=15000):
        controller.call("+33199001234", "menu")
    assert sandbox.calls()[0]["intercom"] is True
    assert "speaker" in _toast_text(notifier)
    for toast in notifier.visible_toasts():
        toast.close()


def test_history_off_records_nothing(qtbot, tmp_path, sandbox, memory_keyring):
    context = make_context(tmp_path / "profile", sandbox, history_enabled=False)
    controller = CallController(context, Notifier(use_desktop=False))
    with qtbot.waitSignal(controller.call_finished, timeout=15000):
        controller.call(found("01 99 00 12 34"))
    assert context.history.all() == []
    assert len(sandbox.calls()) == 1
