"""An endpoint setting that is not valid makes a call fail with a sentence naming the setting —
never a call through another (real) endpoint."""

from __future__ import annotations

import gc

from easyclick2call.ui.calling import CallController
from easyclick2call.ui.notifications import Notifier
from easyclick2call.ui.tasks import wait_for_tasks
from tests.unit.test_ui_support import found, make_context


def test_a_call_with_an_invalid_endpoint_fails_naming_the_setting(qtbot, tmp_path, sandbox,
                                                                  memory_keyring):
    context = make_context(tmp_path / "profile", sandbox)
    context.settings.store.set("endpoint", "xyz")  # as a hand-edited or damaged file has it
    context.settings.load()
    notifier = Notifier(use_desktop=False)
    controller = CallController(context, notifier)
    with qtbot.waitSignal(controller.call_finished, timeout=15000) as finished:
        assert controller.call(found("01 99 00 12 34"), "popup")
    outcome = finished.args[0]
    assert not outcome.ok and outcome.error_kind == "endpoint_setting"
    toast = notifier.visible_toasts()[0]
    assert toast.body_label.text() == (
        'The endpoint setting "xyz" is not valid — choose one in Settings › Account, or run '
        "`easyclick2call config set endpoint ovh-eu`.")
    assert sandbox.calls() == []
    record = context.history.all()[0]
    assert (record.outcome, record.error_kind) == ("failed", "endpoint_setting")
    for shown in notifier.visible_toasts():
        shown.close()
    wait_for_tasks(10000)
    gc.collect()
