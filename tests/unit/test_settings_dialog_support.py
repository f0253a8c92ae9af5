"""Fixtures and helpers shared by the Settings dialog tests (no tests in here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyclick2call.core.history import History
from easyclick2call.core.paths import profile_at
from easyclick2call.core.secrets import SecretStore
from easyclick2call.core.settings import Settings
from easyclick2call.ui.context import AppContext
from easyclick2call.ui.qsettings_store import QSettingsStore
from easyclick2call.ui.settings_dialog import SettingsDialog


def make_context(profile_dir: Path, *, demo: bool = False, sandbox=None) -> AppContext:
    """A real AppContext over a fresh profile (QSettings INI file, SecretStore, SQLite)."""
    profile = profile_at(profile_dir)
    return AppContext(
        profile,
        Settings(QSettingsStore(profile)),
        SecretStore(profile.keyring_service),
        History(profile.history_db),
        demo=demo,
        sandbox=sandbox,
    )


def configure_sandbox(context: AppContext, sandbox, *, with_line: bool = True) -> dict:
    """Store the sandbox's demo account in `context` (settings + keyring), as a user would."""
    info = sandbox.info()
    context.settings.set("endpoint", sandbox.endpoint)
    context.settings.set("auth_mode", "application")
    context.settings.set("application_key", info["application_key"])
    context.settings.set("region", "FR")
    context.secrets.set("application_secret", info["application_secret"])
    context.secrets.set("consumer_key", info["consumer_key"])
    if with_line:
        context.settings.set("billing_account", info["billing_account"])
        context.settings.set("line", info["lines"][0])
    return info


@pytest.fixture
def context(profile_dir: Path, memory_keyring) -> AppContext:
    return make_context(profile_dir)


@pytest.fixture
def open_dialog(qtbot):
    """open_dialog(context, **kwargs) -> a shown SettingsDialog whose keyring look-up is done."""

    def open_(context: AppContext, **kwargs) -> SettingsDialog:
        dialog = SettingsDialog(context, **kwargs)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.account.secrets_loaded, timeout=10000):
            dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return open_


def settings_text(context: AppContext) -> str:
    """The settings file as written on disk."""
    context.settings.sync()
    path = context.profile.settings_file
    return path.read_text(encoding="utf-8") if path.exists() else ""
