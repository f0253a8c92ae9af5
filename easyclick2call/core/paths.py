"""Where a profile keeps its settings, history, logs and cache.

A profile is either the user's default one (the OS's usual folders, found with platformdirs) or a
custom folder given with ``--profile DIR`` / ``EASYCLICK2CALL_PROFILE`` that holds everything, so
tests, demos and people with two OVHcloud accounts never mix their data. Nothing is created on
import or on construction: call :func:`ensure_dir` (or :meth:`Profile.ensure`) before writing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from easyclick2call.platform.os_traits import has_unix_file_modes

try:  # CPython's own SHA-256: the same digest as hashlib's, without loading OpenSSL (3.6 MB)
    from _sha256 import sha256  # Python ≤ 3.11
except ImportError:  # pragma: no cover - depends on the Python version
    try:
        from _sha2 import sha256  # Python ≥ 3.12
    except ImportError:
        from hashlib import sha256

APP_NAME = "EasyClick2Call"
PROFILE_ENV = "EASYCLICK2CALL_PROFILE"
DEFAULT_KEYRING_SERVICE = APP_NAME
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def ensure_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by the user only; tighten it if it already exists."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if has_unix_file_modes() and (path.stat().st_mode & 0o777) != PRIVATE_DIR_MODE:
        path.chmod(PRIVATE_DIR_MODE)
    return path


def ensure_private_file(path: Path) -> Path:
    """Create `path` (empty) readable by the user only, or tighten it if it exists."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE))
    if has_unix_file_modes():
        path.chmod(PRIVATE_FILE_MODE)
    return path


@dataclass(frozen=True)
class Profile:
    """The folders of one profile; `root` is None for the user's default profile."""

    root: Path | None = None

    @property
    def is_custom(self) -> bool:
        return self.root is not None

    @property
    def config_dir(self) -> Path:
        if self.root is not None:
            return self.root
        import platformdirs

        return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))

    @property
    def data_dir(self) -> Path:
        if self.root is not None:
            return self.root
        import platformdirs

        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))

    @property
    def log_dir(self) -> Path:
        if self.root is not None:
            return self.root / "logs"
        import platformdirs

        return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))

    @property
    def cache_dir(self) -> Path:
        if self.root is not None:
            return self.root / "cache"
        import platformdirs

        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))

    @property
    def settings_file(self) -> Path:
        """The INI file of a custom profile. For the default profile the settings live in the
        OS's native store (registry on Windows, plist on macOS); on Linux that is this file."""
        if self.root is not None:
            return self.root / "settings.ini"
        return self.config_dir / f"{APP_NAME}.conf"

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def contacts_db(self) -> Path:
        return self.data_dir / "contacts.sqlite3"

    @property
    def records_db(self) -> Path:
        return self.data_dir / "records.sqlite3"

    @property
    def keyring_service(self) -> str:
        """The keyring service name: distinct per custom profile so two accounts never share
        secrets."""
        if self.root is None:
            return DEFAULT_KEYRING_SERVICE
        digest = sha256(str(self.root).encode("utf-8")).hexdigest()[:8]
        return f"{APP_NAME}:{digest}"

    def ensure(self) -> Profile:
        """Create every folder of the profile (user-only permissions); returns self."""
        for path in {self.config_dir, self.data_dir, self.log_dir, self.cache_dir}:
            ensure_dir(path)
        return self


def profile_at(root: str | os.PathLike[str]) -> Profile:
    """A custom profile rooted at `root` (made absolute, `~` expanded)."""
    return Profile(Path(root).expanduser().resolve())


def resolve_profile(arg: str | None) -> Profile:
    """--profile DIR, else $EASYCLICK2CALL_PROFILE, else the OS's default folders."""
    if arg:
        return profile_at(arg)
    env = os.environ.get(PROFILE_ENV, "").strip()
    if env:
        return profile_at(env)
    return Profile(None)
