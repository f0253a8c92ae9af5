"""`easyclick2call config show`: where a profile keeps things, and every setting as it applies.

Each setting is shown with the value in effect and where it comes from: its default, the
settings file, or an environment variable that overrides both (the variables the commands read,
see the README). Secrets are masked, never shown; without a usable keyring they are "unknown —
keyring unavailable" and the rest is shown all the same (exit 0).
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass

from easyclick2call.commands.exit_codes import EXIT_OK
from easyclick2call.core.logs import LOG_FILE_NAME
from easyclick2call.core.paths import Profile
from easyclick2call.core.secrets import SECRET_NAMES, SecretsError, SecretStore
from easyclick2call.core.settings import GROUPS, SETTINGS, Settings

# The environment variables that override a stored setting (commands/api.py reads them).
SETTING_ENV = {
    "endpoint": "OVH_ENDPOINT",
    "application_key": "OVH_APPLICATION_KEY",
    "client_id": "OVH_CLIENT_ID",
    "billing_account": "EASYCLICK2CALL_BILLING_ACCOUNT",
    "line": "EASYCLICK2CALL_LINE",
}
SECRET_ENV = {
    "application_secret": "OVH_APPLICATION_SECRET",
    "consumer_key": "OVH_CONSUMER_KEY",
    "client_secret": "OVH_CLIENT_SECRET",
}
DEFAULT, FILE, ENVIRONMENT = "default", "file", "environment"
KEYRING_UNAVAILABLE = "unknown — keyring unavailable"


@dataclass(frozen=True)
class Shown:
    """One row: the value in effect (as text for the table, typed for JSON) and its origin."""

    key: str
    value: object
    origin: str  # DEFAULT, FILE or ENVIRONMENT
    variable: str = ""  # the environment variable, for ENVIRONMENT

    @property
    def origin_text(self) -> str:
        return f"{self.origin}: {self.variable}" if self.variable else self.origin


def effective_settings(settings: Settings, env: dict[str, str]) -> list[Shown]:
    """Every user-facing setting (not the internal ones) as the commands see it."""
    rows = []
    signed_in_by_env = "oauth2" if env.get("OVH_CLIENT_ID", "").strip() else (
        "application" if env.get("OVH_APPLICATION_KEY", "").strip() else "")
    for item in SETTINGS:
        if item.group not in GROUPS:
            continue
        variable = SETTING_ENV.get(item.key, "")
        if variable and env.get(variable, "").strip():
            rows.append(Shown(item.key, env[variable].strip(), ENVIRONMENT, variable))
        elif item.key == "auth_mode" and signed_in_by_env:
            source = "OVH_CLIENT_ID" if signed_in_by_env == "oauth2" else "OVH_APPLICATION_KEY"
            rows.append(Shown(item.key, signed_in_by_env, ENVIRONMENT, source))
        else:
            rows.append(Shown(item.key, settings.get(item.key),
                              FILE if settings.is_set(item.key) else DEFAULT))
    return rows


def secret_rows(profile: Profile, env: dict[str, str],
                mask) -> tuple[dict[str, Shown], SecretsError | None]:
    """Each secret masked, from the environment or the keyring; the keyring's error if any."""
    rows: dict[str, Shown] = {}
    error: SecretsError | None = None
    store = SecretStore(profile.keyring_service)
    for name in SECRET_NAMES:
        variable = SECRET_ENV[name]
        if env.get(variable, "").strip():
            rows[name] = Shown(name, mask(env[variable].strip()), ENVIRONMENT, variable)
            continue
        if error is None:
            try:
                rows[name] = Shown(name, mask(store.get(name)), "keyring")
                continue
            except SecretsError as exc:
                error = exc
        rows[name] = Shown(name, KEYRING_UNAVAILABLE, "keyring")
    return rows, error


def file_locations(profile: Profile, settings_file: str) -> dict[str, str]:
    return {
        "settings": settings_file,
        "history": str(profile.history_db),
        "log": str(profile.log_dir / LOG_FILE_NAME),
        "keyring": f"service {profile.keyring_service!r} (entries: {', '.join(SECRET_NAMES)})",
    }


def run_show(args: argparse.Namespace, profile: Profile, settings: Settings, *,
             settings_file: str, mask, format_value) -> int:
    """Print the table (or one JSON object); exit 0 even without a keyring."""
    env = dict(os.environ)
    rows = effective_settings(settings, env)
    secrets, keyring_error = secret_rows(profile, env, mask)
    files = file_locations(profile, settings_file)
    keyring_problem = str(keyring_error) if keyring_error else ""
    if args.json:
        print(json.dumps({
            "profile": str(profile.root) if profile.root else None,
            "settings_file": settings_file,
            "keyring_service": profile.keyring_service,
            "files": files,
            "settings": {row.key: row.value for row in rows},
            "origins": {row.key: row.origin_text for row in rows},
            "is_set": {row.key: settings.is_set(row.key) for row in rows},
            "secrets": {name: row.value for name, row in secrets.items()},
            "keyring_error": keyring_problem or None,
            "warnings": settings.warnings,
        }, ensure_ascii=False))
        return EXIT_OK
    where = str(profile.root) if profile.root else "default (the usual folders of your OS)"
    print(f"Profile: {where}")
    print("\n[files]")
    width = max(len(item.key) for item in SETTINGS)
    for name, path in files.items():
        print(f"  {name:<{width}}  {path}")
    for group in GROUPS:
        print(f"\n[{group}]")
        for row in (row for row in rows if _group_of(row.key) == group):
            print(f"  {row.key:<{width}}  {format_value(row.value)}  ({row.origin_text})")
    print("\n[secrets]")
    for name, row in secrets.items():
        suffix = f"  ({row.origin_text})" if row.origin == ENVIRONMENT else ""
        print(f"  {name:<{width}}  {row.value}{suffix}")
    if keyring_problem:
        print(f"\nKeyring: {keyring_problem}")
    return EXIT_OK


def _group_of(key: str) -> str:
    return next(item.group for item in SETTINGS if item.key == key)
