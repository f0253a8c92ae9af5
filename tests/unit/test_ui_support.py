"""Helpers shared by the tests of the tray app's widgets (no tests here)."""

from __future__ import annotations

from pathlib import Path

from easyclick2call.core.history import History
from easyclick2call.core.paths import profile_at
from easyclick2call.core.secrets import SecretStore
from easyclick2call.core.settings import MemoryStore, Settings
from easyclick2call.ui.context import AppContext
from easyclick2call.ui.demo import seed_account


def make_context(root: Path, sandbox=None, *, demo: bool = False, **settings) -> AppContext:
    """A context over an in-memory settings store, the current keyring and a fresh history;
    signed in to `sandbox`'s seeded account when one is given."""
    profile = profile_at(root)
    profile.ensure()
    store = Settings(MemoryStore())
    secrets = SecretStore(profile.keyring_service)
    if sandbox is not None:
        seed_account(store, secrets, sandbox.info())
    else:
        store.set("region", "FR")
    store.set("hotkey", "")  # no global shortcut held on the shared test display unless asked
    for key, value in settings.items():
        store.set(key, value)
    return AppContext(profile, store, secrets, History(profile.history_db), demo=demo,
                      sandbox=sandbox, language="en")


def found(text: str, region: str = "FR"):
    """The FoundNumber for a typed number."""
    from easyclick2call.core.numbers import parse_number

    return parse_number(text, region, "en")
