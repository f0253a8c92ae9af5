"""The sandbox's account data: seeded demo account, credentials, calls; optional JSON file.

All access goes through `SandboxState.lock` (an RLock); every change is written atomically to the
state file, when there is one, before the lock is released.
"""

from __future__ import annotations

import copy
import json
import os
import secrets
import string
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

from easyclick2call.sandbox.demo_account import (
    DEMO_APPLICATION_KEY,
    DEMO_APPLICATION_NAME,
    DEMO_APPLICATION_SECRET,
    DEMO_BILLING_ACCOUNT,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_CONSUMER_KEY,
    DEMO_LINES,
    DEMO_RULES,
    DEMO_USER_ID,
    DEMO_USER_LOGIN,
    DEMO_USER_PASSWORD,
)

_SEED_TIME = "2024-05-02T10:15:00+02:00"
STATE_VERSION = 1


def now_iso() -> str:
    """The current time, ISO 8601 with offset (UTC)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def random_key(length: int = 32) -> str:
    """A random key of letters and digits, like OVHcloud's."""
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


def seed_state() -> dict:
    """The deterministic demo account."""
    lines = {}
    for index, (service_name, description) in enumerate(DEMO_LINES):
        users = {}
        if index == 0:
            users[str(DEMO_USER_ID)] = {
                "login": DEMO_USER_LOGIN,
                "password": DEMO_USER_PASSWORD,
                "creationDateTime": _SEED_TIME,
            }
        lines[service_name] = {"description": description, "users": users}
    return {
        "version": STATE_VERSION,
        "applications": {
            DEMO_APPLICATION_KEY: {
                "id": 38683,
                "secret": DEMO_APPLICATION_SECRET,
                "name": DEMO_APPLICATION_NAME,
            }
        },
        "credentials": {
            DEMO_CONSUMER_KEY: {
                "id": 116223292,
                "application_key": DEMO_APPLICATION_KEY,
                "status": "validated",
                "rules": copy.deepcopy(DEMO_RULES),
                "creation": _SEED_TIME,
                "expiration": None,
                "last_use": None,
                "allowed_ips": None,
                "redirection": None,
                "token": "demo-validated",
            }
        },
        "oauth_clients": {DEMO_CLIENT_ID: {"secret": DEMO_CLIENT_SECRET}},
        "tokens": {},
        "billing_accounts": {
            DEMO_BILLING_ACCOUNT: {"description": "Demo telephony account", "lines": lines}
        },
        "next_user_id": DEMO_USER_ID + 1,
        "next_credential_id": 116223293,
        "calls": [],
    }


class SandboxState:
    """The mutable account data, guarded by `lock`, optionally persisted to `path`."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.lock = threading.RLock()
        self.path = Path(path) if path is not None else None
        self.data = seed_state()
        if self.path is not None:
            if self.path.exists():
                self.data = self._load(self.path)
            else:
                self.save()

    @staticmethod
    def _load(path: Path) -> dict:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            raise ValueError(f"{path} is not a sandbox state file (version {STATE_VERSION})")
        return data

    def save(self) -> None:
        """Write the state file atomically (no-op without a file). Call with the lock held."""
        if self.path is None:
            return
        with self.lock:
            text = json.dumps(self.data, indent=1, sort_keys=True)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".sandbox-", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(text)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise

    def add_credential(
        self,
        application_key: str,
        rules: list[dict],
        status: str = "pendingValidation",
        allowed_ips: list[str] | None = None,
        redirection: str | None = None,
    ) -> tuple[str, str]:
        """Store a new consumer key; returns (consumer key, validation-page token)."""
        with self.lock:
            consumer_key, token = random_key(32), random_key(48)
            self.data["credentials"][consumer_key] = {
                "id": self.data["next_credential_id"],
                "application_key": application_key,
                "status": status,
                "rules": [{"method": rule["method"], "path": rule["path"]} for rule in rules],
                "creation": now_iso(),
                "expiration": None,
                "last_use": None,
                "allowed_ips": allowed_ips,
                "redirection": redirection,
                "token": token,
            }
            self.data["next_credential_id"] += 1
            self.save()
        return consumer_key, token

    # Look-ups (call with the lock held) -----------------------------------------------------

    def line(self, billing_account: str, service_name: str) -> dict | None:
        account = self.data["billing_accounts"].get(billing_account)
        if account is None:
            return None
        return account["lines"].get(service_name)

    def snapshot(self) -> dict:
        with self.lock:
            return copy.deepcopy(self.data)
