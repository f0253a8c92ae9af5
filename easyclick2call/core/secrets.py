"""Secrets in the OS keyring, and nowhere else.

One keyring service per profile (:attr:`Profile.keyring_service`), one entry per secret
(:data:`SECRET_NAMES`). Every keyring failure becomes a :class:`SecretsError` carrying a clear
sentence and the fix, in English (French: the catalogue, context "SecretsError"). There is never
a plaintext fallback: the "fail" and "null" backends and the file-based ``keyrings.alt`` ones
are refused. Secret values never appear in a repr, a log line or an exception; every value
read or written is registered with the log redactor
(:func:`easyclick2call.core.logs.register_secret`).
"""

from __future__ import annotations

import importlib
import logging
import threading

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.compat import properties

from easyclick2call.core.i18n_marks import QT_TRANSLATE_NOOP, TranslatableError

log = logging.getLogger(__name__)

SECRET_NAMES = ("application_secret", "consumer_key", "client_secret")
# Secrets the app makes and keeps for itself (not set by hand): the live-event stream's token.
INTERNAL_SECRET_NAMES = ("event_token",)
MAX_SECRET_LENGTH = 1024  # OVHcloud secrets are 32-64 characters; Windows caps blobs at 2560 B

# Backend modules imported explicitly so that a PyInstaller build finds them (keyring discovers
# backends through entry points, which frozen apps may lack).
EXPLICIT_BACKEND_MODULES = (
    ("keyring.backends.SecretService", "Keyring"),
    ("keyring.backends.kwallet", "DBusKeyring"),
    ("keyring.backends.macOS", "Keyring"),
    ("keyring.backends.Windows", "WinVaultKeyring"),
)
REFUSED_MODULE_PREFIXES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


class SecretsError(TranslatableError):
    """A keyring failure, said plainly, with what to do about it (English templates of the
    catalogue's context "SecretsError"; ``text(translate)`` gives them translated)."""

    context = "SecretsError"

    def __init__(self, message: str, fix: str, **values: object) -> None:
        super().__init__(message, fix, **values)

    @property
    def fix(self) -> str:
        """What to do about it, in English."""
        return self.templates[1].format(**self.values) if len(self.templates) > 1 else ""


def _no_keyring() -> SecretsError:
    return SecretsError(
        QT_TRANSLATE_NOOP("SecretsError",
                          "No system keyring is available to keep your OVHcloud secrets."),
        QT_TRANSLATE_NOOP("SecretsError",
                          "Install and unlock GNOME Keyring or KWallet (Debian: apt install "
                          "gnome-keyring), then try again."),
    )


def _locked() -> SecretsError:
    return SecretsError(
        QT_TRANSLATE_NOOP("SecretsError", "The system keyring is locked."),
        QT_TRANSLATE_NOOP("SecretsError",
                          "Unlock it (log in to your desktop session, or open Passwords and Keys "
                          "/ KWallet Manager), then try again."),
    )


def _init_failed() -> SecretsError:
    return SecretsError(
        QT_TRANSLATE_NOOP("SecretsError", "The system keyring could not be opened."),
        QT_TRANSLATE_NOOP("SecretsError",
                          "Check that GNOME Keyring, KWallet, the macOS Keychain or the Windows "
                          "Credential Manager is running and unlocked, then try again."),
    )


def _refused() -> SecretsError:
    return SecretsError(
        QT_TRANSLATE_NOOP("SecretsError",
                          "The system keyring refused access to EasyClick2Call's secrets."),
        QT_TRANSLATE_NOOP("SecretsError",
                          "Allow EasyClick2Call when the keyring asks, or unlock the keyring, "
                          "then try again."),
    )


def _bad_backend_setting() -> SecretsError:
    return SecretsError(
        QT_TRANSLATE_NOOP("SecretsError",
                          "PYTHON_KEYRING_BACKEND names a keyring backend that cannot be loaded."),
        QT_TRANSLATE_NOOP("SecretsError",
                          "Unset PYTHON_KEYRING_BACKEND, or set it to an installed backend such "
                          "as keyring.backends.SecretService.Keyring, then try again."),
    )


def _too_large() -> SecretsError:
    return SecretsError(
        QT_TRANSLATE_NOOP("SecretsError", "This secret is too large for the system keyring."),
        QT_TRANSLATE_NOOP("SecretsError",
                          "Check that you pasted only the secret (OVHcloud secrets are about 32 "
                          "characters)."),
    )


def _plaintext_refused(name: str) -> SecretsError:
    return SecretsError(
        QT_TRANSLATE_NOOP("SecretsError",
                          "The keyring backend {name} keeps secrets in a plain file; "
                          "EasyClick2Call refuses it."),
        QT_TRANSLATE_NOOP("SecretsError",
                          "Use GNOME Keyring, KWallet, the macOS Keychain or the Windows "
                          "Credential Manager (unset PYTHON_KEYRING_BACKEND or fix "
                          "keyringrc.cfg), then try again."),
        name=name,
    )


def _backend_name(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_refused(backend: object) -> bool:
    """True for backends that fail, forget or keep secrets in plain files."""
    return _backend_name(backend).startswith(REFUSED_MODULE_PREFIXES)


def _chained_backends(backend: object) -> list[KeyringBackend] | None:
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        return list(backend.backends)
    return None


def usable_backend(backend: object | None = None) -> KeyringBackend:
    """The backend secrets go to: the active one (or `backend`), checked; a chainer is replaced by
    its best acceptable member. Raises SecretsError when there is none."""
    if backend is None:
        try:
            current = keyring.get_keyring()
        except Exception:  # keyring could not load the backend it was told to use
            if _explicitly_configured():
                raise _bad_backend_setting() from None
            raise _init_failed() from None
    else:
        current = backend
    members = _chained_backends(current)
    if members is not None:
        acceptable = [item for item in members if not is_refused(item)]
        if not acceptable:
            raise _no_keyring()
        return acceptable[0]  # the chainer sorts them by priority, best first
    if _backend_name(current).startswith("keyrings.alt"):
        raise _plaintext_refused(type(current).__name__)
    if is_refused(current):
        raise _no_keyring()
    return current  # type: ignore[return-value]


def explicit_backends() -> list[type[KeyringBackend]]:
    """The real OS keyring backend classes, imported by name (for PyInstaller); those whose
    module cannot be imported on this OS are left out."""
    classes: list[type[KeyringBackend]] = []
    for module_name, class_name in EXPLICIT_BACKEND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except Exception:  # an OS-specific module may fail to import elsewhere
            continue
        cls = getattr(module, class_name, None)
        if cls is not None:
            classes.append(cls)
    return classes


def _viable_priority(cls: type[KeyringBackend]) -> float | None:
    try:
        priority = float(cls.priority)  # type: ignore[arg-type]
    except Exception:
        return None
    return priority if priority > 0 else None


_init_lock = threading.Lock()


def init_backend() -> KeyringBackend | None:
    """Select the keyring backend for this process and return it (None when there is none).

    An acceptable backend already in place (set by keyring from PYTHON_KEYRING_BACKEND or its
    config file, or by a test) is kept. Otherwise the best viable OS backend of
    :func:`explicit_backends` is installed. Plaintext backends are never installed."""
    with _init_lock:
        if _explicitly_configured():
            try:
                return usable_backend()
            except SecretsError:
                return None
        try:
            return usable_backend()
        except SecretsError:
            pass
        ranked = sorted(
            ((priority, cls) for cls in explicit_backends()
             if (priority := _viable_priority(cls)) is not None),
            key=lambda pair: pair[0],
            reverse=True,
        )
        for _, cls in ranked:
            try:
                backend = cls()
            except Exception:
                continue
            if not is_refused(backend):
                keyring.set_keyring(backend)
                log.info("Keyring backend: %s", _backend_name(backend))
                return backend
        return None


def _explicitly_configured() -> bool:
    """True when the user chose a backend (environment variable): that choice is respected."""
    import os

    return bool(os.environ.get("PYTHON_KEYRING_BACKEND"))


class MemoryKeyring(KeyringBackend):
    """Secrets in memory only, for demo mode (``--demo``) — never for a real account.

    Not viable for keyring's own discovery (its priority raises), so it is only ever used when
    :func:`use_memory_backend` installs it."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 (a class property)
        raise RuntimeError("the in-memory keyring is only used in demo mode")

    def __init__(self) -> None:
        super().__init__()
        self._values: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if self._values.pop((service, username), None) is None:
                raise keyring.errors.PasswordDeleteError(username)

    def __repr__(self) -> str:
        return f"<MemoryKeyring with {len(self._values)} entries>"

    __str__ = __repr__


def use_memory_backend() -> MemoryKeyring:
    """Install an in-memory keyring for this process (demo mode only) and return it."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def _check_name(name: str) -> None:
    if name not in SECRET_NAMES and name not in INTERNAL_SECRET_NAMES:
        raise ValueError(f"Unknown secret {name!r}; known secrets: {', '.join(SECRET_NAMES)}.")


def _translate(exc: BaseException) -> SecretsError:
    """A keyring exception as a SecretsError (its text is not reused: it may quote values)."""
    if isinstance(exc, SecretsError):
        return exc
    if isinstance(exc, keyring.errors.NoKeyringError):
        return _no_keyring()
    if isinstance(exc, keyring.errors.KeyringLocked):
        return _locked()
    if isinstance(exc, keyring.errors.InitError):
        return _init_failed()
    text = str(exc).lower()
    if any(word in text for word in ("too large", "too long", "size", "1783", "stub received")):
        return _too_large()  # Windows: CredWrite refuses blobs over 2560 bytes (error 1783)
    if isinstance(exc, RuntimeError) and "initialize" in str(exc).lower():
        return _init_failed()
    return _refused()


class SecretStore:
    """get/set/delete/has of the secrets of one keyring service (one profile)."""

    def __init__(self, service: str) -> None:
        self.service = service

    def __repr__(self) -> str:
        return f"SecretStore(service={self.service!r})"

    def _backend(self) -> KeyringBackend:
        return init_backend() or usable_backend()  # the latter raises the precise error

    def get(self, name: str) -> str:
        """The secret, or "" when it is not stored. Raises SecretsError."""
        _check_name(name)
        try:
            value = self._backend().get_password(self.service, name)
        except Exception as exc:
            raise _translate(exc) from None
        if value:
            _register(value)
        return value or ""

    def has(self, name: str) -> bool:
        return bool(self.get(name))

    def set(self, name: str, value: str) -> None:
        """Store the secret (an empty value deletes it). Raises SecretsError."""
        _check_name(name)
        value = value.strip()
        if not value:
            self.delete(name)
            return
        if len(value) > MAX_SECRET_LENGTH:
            raise _too_large()
        _register(value)
        try:
            self._backend().set_password(self.service, name, value)
        except Exception as exc:
            raise _translate(exc) from None

    def delete(self, name: str) -> None:
        """Forget the secret; nothing happens when it was not stored. Raises SecretsError."""
        _check_name(name)
        try:
            self._backend().delete_password(self.service, name)
        except keyring.errors.PasswordDeleteError:  # what every backend says when there is none
            return
        except Exception as exc:
            raise _translate(exc) from None

    def delete_all(self) -> None:
        """Forget every secret of this service."""
        for name in (*SECRET_NAMES, *INTERNAL_SECRET_NAMES):
            self.delete(name)


def _register(value: str) -> None:
    from easyclick2call.core.logs import register_secret

    register_secret(value)
