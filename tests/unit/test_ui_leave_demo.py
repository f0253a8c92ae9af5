"""The demo's Settings: the endpoint stays the sandbox, and "Set up my account…" is the way to
the user's own account; what the demo seeded is forgotten when a profile leaves it."""
# ruff: noqa: F811 - the shared fixtures are imported by name

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox

from easyclick2call.core.settings import Settings
from easyclick2call.ui.demo import SEEDED_KEYS, forget_demo_account, seed_account
from easyclick2call.ui.settings_pages.widgets import SecretField
from tests.unit.test_settings_dialog_support import (  # noqa: F401 (fixtures)
    context,
    open_dialog,
)
from tests.unit.test_ui_support import MemoryStore, make_context


def test_in_the_demo_the_endpoint_is_locked_and_set_up_is_offered(qtbot, tmp_path, sandbox,
                                                                 memory_keyring, open_dialog):
    dialog = open_dialog(make_context(tmp_path / "demo", sandbox, demo=True))
    page = dialog.account
    assert not page.endpoint.isEnabled()
    assert page.sandbox_url.isReadOnly()
    assert page.endpoint_value() == sandbox.info()["endpoint"]
    assert page.application_secret.stored_label.text().endswith("(kept in memory for the demo)")
    box = page.findChild(QGroupBox, "demoBox")
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(dialog.set_up_requested, timeout=2000):
        page.set_up_button.click()


def test_outside_the_demo_the_endpoint_can_be_chosen(qtbot, context, open_dialog):
    dialog = open_dialog(context)
    assert dialog.account.endpoint.isEnabled()
    assert dialog.account.findChild(QGroupBox, "demoBox") is None


def test_forgetting_the_demo_account_keeps_the_users_own_settings(memory_keyring, sandbox):
    settings = Settings(MemoryStore())
    settings.set("popup_timeout_s", 4)
    seed_account(settings, _Secrets(), sandbox.info())
    assert forget_demo_account(settings)
    assert not any(settings.is_set(key) for key in SEEDED_KEYS)
    assert settings.get("popup_timeout_s") == 4
    assert not forget_demo_account(settings)  # nothing left to forget


def test_a_late_keyring_answer_keeps_what_was_typed(qtbot):
    field = SecretField()
    qtbot.addWidget(field)
    field.edit.setText("typed before the keyring answered")
    field.set_stored(False, keep_typed=True)
    assert field.pending() == (True, "typed before the keyring answered")
    field.set_stored(True)  # after a save: the field goes back to "stored"
    assert field.pending() == (False, None)


class _Secrets:
    def set(self, name: str, value: str) -> None:
        pass
