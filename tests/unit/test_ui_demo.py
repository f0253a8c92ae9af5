"""Demo mode and the application context: the sandbox's seeded account, isolated profiles."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from easyclick2call.ui.call_dialog import CallDialog
from easyclick2call.ui.demo import demo_profile
from tests.unit.test_ui_support import make_context


def test_seeded_context_is_configured_and_reaches_the_sandbox(qtbot, tmp_path, sandbox,
                                                              memory_keyring):
    context = make_context(tmp_path / "profile", sandbox, demo=True)
    info = sandbox.info()
    assert context.looks_configured()
    assert context.region() == "FR"
    account = context.account()
    assert (account.endpoint, account.billing_account, account.line) == (
        info["endpoint"], info["billing_account"], info["lines"][0])
    assert account.consumer_key == info["consumer_key"]
    telephony = context.telephony()
    assert [line.service_name for line in telephony.lines(info["billing_account"])] == \
        info["lines"]


def test_settings_changes_are_signalled(qtbot, tmp_path, memory_keyring):
    context = make_context(tmp_path / "profile")
    with qtbot.waitSignal(context.settings_changed) as changed:
        context.set_setting("watch_selection", True)
    assert changed.args == ["watch_selection"]
    assert context.setting("watch_selection") is True
    assert context.setting("no_such_key", "fallback") == "fallback"


def test_demo_profile_is_temporary_unless_given(tmp_path, monkeypatch):
    monkeypatch.delenv("EASYCLICK2CALL_PROFILE", raising=False)
    profile, temporary = demo_profile(None)
    assert profile.is_custom and temporary is not None
    temporary.cleanup()
    given, none = demo_profile(str(tmp_path / "mine"))
    assert given.root == (tmp_path / "mine").resolve() and none is None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_demo_command_starts_the_sandbox_and_quits_cleanly(qtbot, tmp_path):
    port = _free_port()
    profile = tmp_path / "demo-profile"
    app = subprocess.Popen(
        [sys.executable, "-m", "easyclick2call", "--demo", "--profile", str(profile),
         "--sandbox-port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        info: dict = {}

        def sandbox_up() -> bool:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sandbox/info",
                                            timeout=1) as answer:
                    info.update(json.load(answer))
            except OSError:
                return False
            return True

        qtbot.waitUntil(sandbox_up, timeout=30000)
        assert info["endpoint"] == f"http://127.0.0.1:{port}/1.0"
        settings_file = profile / "settings.ini"

        def seeded() -> bool:  # written just after the sandbox starts answering
            return settings_file.exists() and f"127.0.0.1:{port}/1.0" in settings_file.read_text()

        qtbot.waitUntil(seeded, timeout=10000)
        settings = settings_file.read_text()
        assert info["application_secret"] not in settings  # secrets: memory keyring only
        assert info["consumer_key"] not in settings
    finally:
        app.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 20
        while app.poll() is None and time.monotonic() < deadline:
            qtbot.wait(100)
        _out, err = app.communicate(timeout=5)
    assert app.returncode == 0, err.decode()
    assert b"Traceback" not in err


def test_call_dialog_parses_and_emits(qtbot):
    dialog = CallDialog("FR", "en", demo=True)
    qtbot.addWidget(dialog)
    assert "Demo" in dialog.windowTitle()
    dialog.number_edit.setText("01 99 00 12 34")
    with qtbot.waitSignal(dialog.number_chosen, timeout=5000) as chosen:
        dialog.call_button.click()
    assert chosen.args[0].e164 == "+33199001234"


def test_call_dialog_says_why_a_number_cannot_be_called(qtbot):
    dialog = CallDialog("FR", "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.number_edit.setText("12")
    dialog.call_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=5000)
    assert dialog.error_label.text()
    assert dialog.call_button.isEnabled()


def test_demo_secrets_reach_the_memory_keyring_on_first_use(memory_keyring):
    from easyclick2call.ui.demo import demo_secrets

    secrets = demo_secrets("easyclick2call-demo-test")
    secrets.set("consumer_key", "ck-demo")  # kept until the store is first used
    assert secrets.get("consumer_key") == "ck-demo"
    secrets.set("application_secret", "as-demo")
    assert secrets.get("application_secret") == "as-demo"


def test_history_is_loaded_only_once_there_is_one(tmp_path):
    from easyclick2call.core.history import CallRecord
    from easyclick2call.ui.context import LazyHistory

    history = LazyHistory(tmp_path / "history.sqlite3")
    assert history.known_empty() and history.recent(5) == []
    history.add(CallRecord.new("+33199001234", "01 99 00 12 34", "0033972000000", "placed"))
    assert not history.known_empty()
    assert [r.number_e164 for r in history.recent(5)] == ["+33199001234"]
