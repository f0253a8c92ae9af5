"""The application context: one object that every window and controller of the tray app shares.

It holds the profile, the settings, the secret store, the call history, the demo flag (and the
in-process sandbox in demo mode) and the UI language, and it carries the app-wide signals:

- ``account_changed``: the account or line changed (the settings dialog emits it after saving);
- ``settings_changed(key)``: one setting changed (emitted by :meth:`set_setting`);
- ``history_changed``: a call was recorded, deleted or the history cleared;
- ``contacts_changed``: the cached contacts changed outside the app's own sync (forgotten).

It never touches the network or the keyring on its own: :meth:`account` and :meth:`telephony`
read secrets and build an API client, so call them only off the GUI thread (``ui.tasks.run_task``).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from pathlib import Path

    from easyclick2call.core.paths import Profile

log = logging.getLogger(__name__)


class AppContext(QObject):
    """Shared state and signals of the running app (lives on the GUI thread)."""

    account_changed = Signal()
    settings_changed = Signal(str)
    history_changed = Signal()
    contacts_changed = Signal()

    def __init__(
        self,
        profile: Profile,
        settings: Any,
        secrets: Any,
        history: Any,
        *,
        demo: bool = False,
        sandbox: Any = None,
        language: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.settings = settings  # core.settings.Settings over ui.qsettings_store.QSettingsStore
        self.secrets = secrets  # core.secrets.SecretStore
        self.history = history  # core.history.History
        self.demo = demo
        self.sandbox = sandbox  # sandbox.lazy.LazySandbox in demo mode, else None
        self.language = language
        add_listener = getattr(settings, "add_listener", None)
        if add_listener is not None:  # core.settings.Settings tells us of every change
            add_listener(self.settings_changed.emit)

    # -- settings -------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        """The typed value of setting `key` (its declared default when unset)."""
        try:
            value = self.settings.get(key)
        except (KeyError, ValueError, AttributeError):
            return default
        return default if value is None else value

    def set_setting(self, key: str, value: Any) -> None:
        """Store one setting; listeners hear of it through ``settings_changed(key)``."""
        self.settings.set(key, value)
        if not hasattr(self.settings, "add_listener"):
            self.settings_changed.emit(key)

    # -- account (off the GUI thread only) ------------------------------------------------
    def account(self) -> Any:
        """The stored account (core.account.StoredAccount); reads the keyring: worker thread."""
        from easyclick2call.core.account import account_from_settings

        return account_from_settings(self.settings, self.secrets)

    def looks_configured(self) -> bool:
        """True when the settings name an account and a line (no keyring access: GUI-safe).

        The full check (secrets present) is ``core.account.is_configured(self.account())``,
        off the GUI thread."""
        signed_in = self.setting("application_key") or self.setting("client_id")
        return bool(signed_in and self.setting("billing_account") and self.setting("line"))

    def telephony(self) -> Any:
        """An ovhapi Telephony for the current account; builds a client: worker thread only."""
        from easyclick2call.ovhapi.client import make_client
        from easyclick2call.ovhapi.telephony import Telephony

        return Telephony(make_client(self.account().to_identity()))

    # -- presentation ---------------------------------------------------------------------
    def line_label(self) -> str:
        """The line in use as stored (e.g. "0033972000000"), or "" when none."""
        return str(self.setting("line", "") or "")

    def region(self) -> str:
        """The user's default country for national numbers (ISO code, e.g. "FR")."""
        return str(self.setting("region", "FR") or "FR").upper()


class LazySecretStore:
    """A core.secrets.SecretStore made on first use.

    Importing keyring costs about 15 MB and tens of milliseconds; the tray app only pays for it
    when a secret is really read or written (for a call or in Settings, off the GUI thread).
    Every attribute is the real store's.

    With ``memory=True`` (demo mode) the store is backed by the in-memory keyring, installed
    when the store is made; secrets written before that (:meth:`set`, the demo's seeded
    account) are kept in this process until then, so the demo never loads keyring just to seed
    an account that may never be used."""

    def __init__(self, service: str, *, memory: bool = False) -> None:
        self.service = service
        self._memory = memory
        self._pending: dict[str, str] = {}
        self._store: Any = None
        self._lock = threading.Lock()

    def real(self) -> Any:
        with self._lock:
            if self._store is None:
                from easyclick2call.core.secrets import SecretStore

                if self._memory:
                    from easyclick2call.core.secrets import use_memory_backend

                    use_memory_backend()
                store = SecretStore(self.service)
                for name, value in self._pending.items():
                    store.set(name, value)
                self._pending.clear()
                self._store = store
            return self._store

    def set(self, name: str, value: str) -> None:
        """Store one secret (kept in memory until the store is first used, in demo mode)."""
        with self._lock:
            if self._store is None and self._memory:
                self._pending[name] = value
                return
        self.real().set(name, value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)

    def __repr__(self) -> str:
        return f"LazySecretStore({self.service!r})"


class LazyHistory:
    """A core.history.History made on first use (SQLite is loaded only then).

    Until a call has been recorded there is no history file, and then there are no recent
    calls: :meth:`recent` says so without loading SQLite. Every other attribute is the real
    history's."""

    def __init__(self, path: Path | str) -> None:
        from pathlib import Path

        self.path = Path(path)
        self._history: Any = None
        self._lock = threading.Lock()

    def real(self) -> Any:
        with self._lock:
            if self._history is None:
                from easyclick2call.core.history import History

                self._history = History(self.path)
            return self._history

    def known_empty(self) -> bool:
        """True when no call was ever recorded here (no history file): nothing to read."""
        return self._history is None and not self.path.exists()

    def recent(self, limit: int = 5) -> list:
        if self.known_empty():
            return []
        return self.real().recent(limit)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)

    def __repr__(self) -> str:
        return f"LazyHistory({str(self.path)!r})"
