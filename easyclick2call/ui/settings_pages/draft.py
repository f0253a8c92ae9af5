"""The account as currently typed in the dialog (not yet saved), usable off the GUI thread.

Test connection, Connect… and the Line page work with what the user typed, before OK: a typed
secret is used as is, an untouched one is read from the keyring in the worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AccountDraft:
    endpoint: str
    auth_mode: str  # "application" or "oauth2"
    application_key: str = ""
    client_id: str = ""
    # name -> typed value ("" = cleared); names absent here come from the keyring.
    typed_secrets: dict[str, str] = field(default_factory=dict, repr=False)

    def secret(self, name: str, secrets: Any) -> str:
        """The secret to use (worker thread: may read the keyring; SecretsError propagates)."""
        if name in self.typed_secrets:
            return self.typed_secrets[name]
        return secrets.get(name) or ""

    def identity(self, secrets: Any, *, with_consumer_key: bool = True) -> Any:
        """An ovhapi ApiIdentity (worker thread)."""
        from easyclick2call.ovhapi.client import ApiIdentity

        if self.auth_mode == "oauth2":
            return ApiIdentity(endpoint=self.endpoint, client_id=self.client_id,
                               client_secret=self.secret("client_secret", secrets))
        return ApiIdentity(
            endpoint=self.endpoint,
            application_key=self.application_key,
            application_secret=self.secret("application_secret", secrets),
            consumer_key=self.secret("consumer_key", secrets) if with_consumer_key else "",
        )

    def telephony(self, secrets: Any) -> Any:
        """An ovhapi Telephony for this draft (worker thread)."""
        from easyclick2call.ovhapi.client import make_client
        from easyclick2call.ovhapi.telephony import Telephony

        return Telephony(make_client(self.identity(secrets)))

    def is_complete(self, stored: dict[str, bool]) -> bool:
        """Enough to talk to the API, given which secrets the keyring holds (no keyring read)."""
        def has(name: str) -> bool:
            if name in self.typed_secrets:
                return bool(self.typed_secrets[name])
            return stored.get(name, False)

        if not self.endpoint:
            return False
        if self.auth_mode == "oauth2":
            return bool(self.client_id) and has("client_secret")
        return bool(self.application_key) and has("application_secret") and has("consumer_key")
