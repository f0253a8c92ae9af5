"""SecretStore over an in-memory keyring: round trips, and every keyring failure said plainly."""

from __future__ import annotations

import logging
from typing import ClassVar

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from easyclick2call.commands.translation import translator_for
from easyclick2call.core import secrets
from easyclick2call.core.logs import redact
from easyclick2call.core.secrets import (
    SECRET_NAMES,
    SecretsError,
    SecretStore,
    explicit_backends,
    init_backend,
    use_memory_backend,
)

VALUE = "Zx9fK2mQ7vLp0Rt4Wy6Bn8Cd1Gh3Js5U"

FR = translator_for("fr")  # the French catalogue, as the command line reads it


def test_round_trip(memory_keyring) -> None:
    store = SecretStore("EasyClick2Call:test")
    assert store.get("consumer_key") == ""
    assert not store.has("consumer_key")
    store.set("consumer_key", f"  {VALUE}\n")
    assert store.get("consumer_key") == VALUE
    assert memory_keyring.store == {("EasyClick2Call:test", "consumer_key"): VALUE}
    store.delete("consumer_key")
    store.delete("consumer_key")  # deleting twice is fine
    assert not store.has("consumer_key")


def test_setting_an_empty_value_deletes(memory_keyring) -> None:
    store = SecretStore("svc")
    store.set("client_secret", VALUE)
    store.set("client_secret", "  ")
    assert memory_keyring.store == {}


def test_services_are_isolated(memory_keyring) -> None:
    SecretStore("one").set("application_secret", VALUE)
    assert SecretStore("two").get("application_secret") == ""


def test_only_known_secret_names(memory_keyring) -> None:
    with pytest.raises(ValueError, match="application_secret"):
        SecretStore("svc").set("password", VALUE)
    assert set(SECRET_NAMES) == {"application_secret", "consumer_key", "client_secret"}


def test_values_never_in_repr_and_masked_in_logs(memory_keyring, caplog) -> None:
    store = SecretStore("svc")
    store.set("application_secret", "short-but-secret")
    assert "short" not in repr(store)
    assert "short-but-secret" not in redact("oops: short-but-secret leaked")


def test_too_long_value_is_refused_before_the_keyring(memory_keyring) -> None:
    with pytest.raises(SecretsError, match="too large"):
        SecretStore("svc").set("consumer_key", "x" * 5000)
    assert memory_keyring.store == {}


class Failing(KeyringBackend):
    """A backend that raises a given keyring exception (the situations the OS keyrings report)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, exc: BaseException) -> None:
        super().__init__()
        self.exc = exc

    def get_password(self, service, username):
        raise self.exc

    def set_password(self, service, username, password):
        raise self.exc

    def delete_password(self, service, username):
        raise self.exc


@pytest.fixture
def no_os_keyring(monkeypatch):
    """As on a machine without GNOME Keyring / KWallet: no OS backend to fall back on."""
    monkeypatch.setattr(secrets, "explicit_backends", list)


@pytest.fixture
def restore_keyring():
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


@pytest.mark.parametrize(
    ("exc", "message", "fix"),
    [
        (keyring.errors.NoKeyringError("none"), "No system keyring", "apt install gnome-keyring"),
        (keyring.errors.KeyringLocked("locked"), "locked", "Unlock it"),
        (keyring.errors.InitError("init"), "could not be opened", "running and unlocked"),
        (keyring.errors.KeyringError("org.freedesktop.DBus.Error.AccessDenied"), "refused",
         "Allow EasyClick2Call"),
        (keyring.errors.PasswordSetError("Cancelled by user"), "refused", "Allow"),
        (keyring.errors.PasswordSetError("The stub received bad data (1783): blob size"),
         "too large", "pasted only the secret"),
        (RuntimeError(f"backend exploded with {VALUE}"), "refused", "try again"),
        (type("error", (Exception,), {})(1783, "CredWrite", "The stub received bad data."),
         "too large", "pasted only the secret"),
    ],
)
def test_every_failure_becomes_a_clear_message(restore_keyring, exc, message, fix) -> None:
    keyring.set_keyring(Failing(exc))
    store = SecretStore("svc")
    for action in (lambda: store.get("consumer_key"),
                   lambda: store.set("consumer_key", VALUE)):
        with pytest.raises(SecretsError) as info:
            action()
        error = info.value
        assert message in error.message
        assert fix in error.fix
        french = error.text(FR)
        assert french and FR("SecretsError", error.templates[0]) != error.message
        assert "réessayez" in french or "collé" in french
        assert VALUE not in str(error) and VALUE not in french
        assert error.__cause__ is None and error.__suppress_context__


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_fail_and_null_backends_are_refused(restore_keyring, no_os_keyring, backend) -> None:
    keyring.set_keyring(backend)
    with pytest.raises(SecretsError, match="No system keyring"):
        SecretStore("svc").set("consumer_key", VALUE)


def make_plaintext_backend() -> KeyringBackend:
    class PlaintextKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        written: ClassVar[list[str]] = []

        def get_password(self, service, username):
            return None

        def set_password(self, service, username, password):
            self.written.append(password)

        def delete_password(self, service, username):
            pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    return PlaintextKeyring()


def test_plaintext_backends_are_refused(restore_keyring, no_os_keyring) -> None:
    plaintext = make_plaintext_backend()
    keyring.set_keyring(plaintext)
    with pytest.raises(SecretsError, match="plain file") as info:
        SecretStore("svc").set("consumer_key", VALUE)
    assert "PYTHON_KEYRING_BACKEND" in info.value.fix
    assert plaintext.written == []


@pytest.mark.keyring
@pytest.mark.timeout(60)
def test_plaintext_backend_gives_way_to_the_os_keyring(restore_keyring, monkeypatch) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    plaintext = make_plaintext_backend()
    keyring.set_keyring(plaintext)
    store = SecretStore("EasyClick2Call:unit-plaintext")
    store.set("consumer_key", VALUE)
    try:
        assert plaintext.written == []
        assert type(keyring.get_keyring()).__module__ == "keyring.backends.SecretService"
        assert store.get("consumer_key") == VALUE
    finally:
        store.delete("consumer_key")


def test_explicit_backends_include_the_os_keyrings() -> None:
    names = {f"{cls.__module__}.{cls.__name__}" for cls in explicit_backends()}
    assert "keyring.backends.SecretService.Keyring" in names
    assert "keyring.backends.Windows.WinVaultKeyring" in names
    assert "keyring.backends.macOS.Keyring" in names


@pytest.mark.keyring
@pytest.mark.timeout(60)
def test_init_backend_replaces_a_failing_backend_by_the_os_keyring(
        restore_keyring, monkeypatch) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    keyring.set_keyring(fail.Keyring())
    backend = init_backend()
    assert type(backend).__module__ == "keyring.backends.SecretService"  # the session's keyring
    assert keyring.get_keyring() is backend


def test_init_backend_respects_an_explicit_choice(restore_keyring, monkeypatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.set_keyring(fail.Keyring())
    assert init_backend() is None


def test_memory_backend_for_demo(restore_keyring, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    backend = use_memory_backend()
    SecretStore("demo").set("consumer_key", VALUE)
    assert SecretStore("demo").get("consumer_key") == VALUE
    assert VALUE not in repr(backend)
    assert isinstance(keyring.get_keyring(), secrets.MemoryKeyring)


def test_the_demo_keyring_is_never_picked_by_keyring_itself() -> None:
    from keyring.backend import get_all_keyring

    assert secrets.MemoryKeyring.viable is False
    assert not any(isinstance(item, secrets.MemoryKeyring) for item in get_all_keyring())
