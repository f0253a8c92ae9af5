"""Calling through the sandbox: one click one call, the notifications, the history."""

from __future__ import annotations

import gc

import pytest

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


def test_a_server_error_says_what_to_do_and_is_recorded(qtbot, calling, sandbox):
    context, notifier, controller = calling
    sandbox.inject_fault(method="POST", path="*/click2Call", status=503, count=1)
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        assert controller.call(found("01 99 00 12 34"))
    outcome = finished.args[0]
    assert not outcome.ok and outcome.error_kind == "server"
    assert "OVHcloud has a temporary problem — try again in a few minutes." in _toast_text(
        notifier)
    assert (context.history.all()[0].outcome, context.history.all()[0].error_kind) == (
        "failed", "server")
    assert sandbox.calls() == []
    # After a failure the user may try again at once, and it works.
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        assert controller.call(found("01 99 00 12 34"))
    assert finished.args[0].ok
    assert len(sandbox.calls()) == 1


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
