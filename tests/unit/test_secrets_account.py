"""The stored account: settings of the profile plus its secrets, read from the keyring on demand."""

from __future__ import annotations

from pathlib import Path

from easyclick2call.core.account import is_configured, load_stored_account, missing_fields
from easyclick2call.core.paths import resolve_profile
from easyclick2call.core.secrets import SecretStore
from easyclick2call.core.settings import Settings
from easyclick2call.ui.qsettings_store import QSettingsStore

APP_SECRET = "aPpS3cr3tAPPs3cr3taPpS3cr3tAPPs3"
CONSUMER_KEY = "cOnSuMeRkEy0123456789cOnSuMeRkEy"


def configure(profile_dir: Path, **values: object) -> None:
    settings = Settings(QSettingsStore(resolve_profile(str(profile_dir))))
    settings.update(values.items())
    settings.sync()


def test_an_empty_profile_is_not_configured(profile_dir: Path, memory_keyring) -> None:
    account = _stored(resolve_profile(str(profile_dir)))
    assert account.endpoint == "ovh-eu" and account.application_secret == ""
    assert not is_configured(account)
    assert missing_fields(account) == ["application_key", "application_secret", "consumer_key",
                                       "billing_account", "line"]


def test_application_account(profile_dir: Path, memory_keyring) -> None:
    profile = resolve_profile(str(profile_dir))
    configure(profile_dir, endpoint="http://127.0.0.1:9999/1.0", application_key="AppKey12345",
              billing_account="ab12345-ovh-1", line="0033199000001", calling_mode="intercom",
              click2call_user=123456)
    secrets = SecretStore(profile.keyring_service)
    secrets.set("application_secret", APP_SECRET)
    account = _stored(profile)
    assert missing_fields(account) == ["consumer_key"]
    secrets.set("consumer_key", CONSUMER_KEY)
    assert is_configured(account)  # secrets are read when asked for, not cached
    assert account.intercom and account.click2call_user == 123456
    identity = account.to_identity()
    assert identity.endpoint == "http://127.0.0.1:9999/1.0"
    assert identity.application_secret == APP_SECRET and identity.consumer_key == CONSUMER_KEY
    assert identity.client_id == "" and identity.auth_mode == "application"
    assert APP_SECRET not in repr(account) and CONSUMER_KEY not in repr(account)


def test_oauth2_account(profile_dir: Path, memory_keyring) -> None:
    profile = resolve_profile(str(profile_dir))
    configure(profile_dir, auth_mode="oauth2", client_id="EU.abcdef0123",
              application_key="Stale1234",
              billing_account="ab12345-ovh-1", line="0033199000001")
    SecretStore(profile.keyring_service).set("client_secret", APP_SECRET)
    SecretStore(profile.keyring_service).set("application_secret", "left-over-secret")
    account = _stored(profile)
    assert is_configured(account)
    identity = account.to_identity()
    assert identity.auth_mode == "oauth2"
    assert identity.client_secret == APP_SECRET
    assert identity.application_key == "" and identity.application_secret == ""


def test_profiles_do_not_share_accounts(tmp_path: Path, memory_keyring) -> None:
    one, two = resolve_profile(str(tmp_path / "one")), resolve_profile(str(tmp_path / "two"))
    SecretStore(one.keyring_service).set("consumer_key", CONSUMER_KEY)
    assert _stored(one).consumer_key == CONSUMER_KEY
    assert _stored(two).consumer_key == ""


def test_a_call_reads_each_secret_from_the_keyring_once(profile_dir: Path, memory_keyring,
                                                         monkeypatch) -> None:
    """Checking the account is complete, then signing in: one keyring read per secret (each
    is a D-Bus round trip, and may bring up an unlock prompt)."""
    profile = resolve_profile(str(profile_dir))
    configure(profile_dir, application_key="AppKey12345", billing_account="ab12345-ovh-1",
              line="0033199000001")
    secrets = SecretStore(profile.keyring_service)
    secrets.set("application_secret", APP_SECRET)
    secrets.set("consumer_key", CONSUMER_KEY)
    reads: list[str] = []
    real_get = SecretStore.get
    monkeypatch.setattr(SecretStore, "get",
                        lambda self, name: reads.append(name) or real_get(self, name))
    account = _stored(profile)
    identity = account.to_identity()
    assert missing_fields(account, identity) == []
    assert sorted(reads) == ["application_secret", "consumer_key"]


def _stored(profile):
    """The stored account of `profile`, read as the app and the CLI read it."""
    return load_stored_account(profile, QSettingsStore(profile))
