"""The account a profile is configured for: its settings plus its secrets from the keyring.

Secrets are read from the keyring only when asked for (a :class:`StoredAccount` holds the
SecretStore, not the values) and never appear in its repr.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from easyclick2call.core.i18n_marks import QT_TRANSLATE_NOOP, TranslatableError
from easyclick2call.core.paths import Profile
from easyclick2call.core.secrets import SecretStore
from easyclick2call.core.settings import Settings, SettingsStore

if TYPE_CHECKING:
    from easyclick2call.ovhapi.client import ApiIdentity

ACCOUNT_KEYS = (
    "endpoint", "auth_mode", "application_key", "client_id", "billing_account", "line",
    "click2call_user", "calling_mode", "region",
)


class EndpointSettingError(TranslatableError):
    """The stored endpoint is not valid: never fall back to another (real) endpoint."""

    context = "Settings"
    kind = "endpoint_setting"
    family = "auth"  # CLI exit code 4, like any other sign-in setting to fix

    def __init__(self, value: object) -> None:
        text = value if isinstance(value, str) else repr(value)
        self.value = "".join(c for c in text if c.isprintable())[:60]
        super().__init__(QT_TRANSLATE_NOOP(
            "Settings",
            'The endpoint setting "{value}" is not valid — choose one in Settings › Account, '
            "or run `easyclick2call config set endpoint ovh-eu`."), value=self.value)


@dataclass
class StoredAccount:
    """What is needed to place a call; the three secrets come from the keyring on demand."""

    endpoint: str
    auth_mode: str
    application_key: str
    client_id: str
    billing_account: str
    line: str
    click2call_user: int
    calling_mode: str
    region: str
    secrets: SecretStore = field(repr=False)
    endpoint_error: EndpointSettingError | None = field(default=None, repr=False)

    @property
    def application_secret(self) -> str:
        return self.secrets.get("application_secret")

    @property
    def consumer_key(self) -> str:
        return self.secrets.get("consumer_key")

    @property
    def client_secret(self) -> str:
        return self.secrets.get("client_secret")

    @property
    def intercom(self) -> bool:
        return self.calling_mode == "intercom"

    def to_identity(self) -> ApiIdentity:
        """The ApiIdentity for ovhapi.client.make_client (reads the needed secrets now);
        raises EndpointSettingError when the stored endpoint is not valid."""
        from easyclick2call.ovhapi.client import ApiIdentity

        if self.endpoint_error is not None:
            raise self.endpoint_error

        if self.auth_mode == "oauth2":
            return ApiIdentity(
                endpoint=self.endpoint, client_id=self.client_id,
                client_secret=self.client_secret,
            )
        return ApiIdentity(
            endpoint=self.endpoint, application_key=self.application_key,
            application_secret=self.application_secret, consumer_key=self.consumer_key,
        )


def account_from_settings(settings: Settings, secrets: SecretStore) -> StoredAccount:
    """A StoredAccount from already-loaded settings and a profile's SecretStore."""
    values = {key: settings.get(key) for key in ACCOUNT_KEYS}
    error = None
    if "endpoint" in getattr(settings, "invalid", {}):
        error = EndpointSettingError(settings.invalid["endpoint"])
        values["endpoint"] = ""  # never the default: that is another, real, endpoint
    return StoredAccount(**values, secrets=secrets, endpoint_error=error)  # type: ignore[arg-type]


def load_stored_account(profile: Profile, store: SettingsStore) -> StoredAccount:
    """The account of `profile`: settings through `store` (the app and the CLI pass their
    QSettings adapter, ui.qsettings_store), secrets through the profile's SecretStore
    (SecretsError propagates when they are read)."""
    return account_from_settings(Settings(store), SecretStore(profile.keyring_service))


def missing_fields(account: StoredAccount, identity: ApiIdentity | None = None) -> list[str]:
    """The names of what is still needed before a call can be placed ([] when configured).

    Reads the secrets (SecretsError propagates), unless `identity` — the account's
    to_identity(), about to sign in — already holds them."""
    source = identity if identity is not None else account
    missing: list[str] = []
    if account.auth_mode == "oauth2":
        needed = (("client_id", account.client_id), ("client_secret", source.client_secret))
    else:
        needed = (
            ("application_key", account.application_key),
            ("application_secret", source.application_secret),
            ("consumer_key", source.consumer_key),
        )
    missing += [name for name, value in needed if not value]
    missing += [name for name in ("billing_account", "line") if not getattr(account, name)]
    return missing


def is_configured(account: StoredAccount) -> bool:
    """True when every setting and secret needed to place a call is there."""
    return not missing_fields(account)
