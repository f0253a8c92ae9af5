"""Demo mode: the OVHcloud sandbox in-process, signed in with its seeded account.

Nothing real is touched: the profile is a fresh temporary folder (unless --profile is given),
secrets go to an in-memory keyring, and the API endpoint is the sandbox on 127.0.0.1. Every
window and notification then says *Demo*.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from easyclick2call.core.paths import Profile, profile_at, resolve_profile

log = logging.getLogger(__name__)


def demo_profile(profile_arg: str | None) -> tuple[Profile, tempfile.TemporaryDirectory | None]:
    """--profile DIR (or $EASYCLICK2CALL_PROFILE) when given, else a new temporary folder."""
    profile = resolve_profile(profile_arg)
    if profile.is_custom:
        return profile, None
    temporary = tempfile.TemporaryDirectory(prefix="easyclick2call-demo-")
    return profile_at(temporary.name), temporary


def seed_account(settings, secrets, info: dict) -> None:
    """Write the sandbox's seeded account into `settings` (core Settings) and `secrets`."""
    changes = [
        ("endpoint", info["endpoint"]),
        ("auth_mode", "application"),
        ("application_key", info["application_key"]),
        ("billing_account", info["billing_account"]),
        ("line", info["lines"][0]),
        ("click2call_user", 0),
        ("demo", True),
    ]
    if not settings.is_set("region"):
        # The demo lines are French: national numbers are read as French ones.
        changes.append(("region", "FR"))
    settings.update(changes)
    settings.sync()
    secrets.set("application_secret", info["application_secret"])
    secrets.set("consumer_key", info["consumer_key"])


# What seed_account writes, forgotten when the user leaves the demo for a real account.
SEEDED_KEYS = ("endpoint", "auth_mode", "application_key", "billing_account", "line",
               "click2call_user", "demo")


def forget_demo_account(settings) -> bool:
    """Back to the defaults for whatever the demo seeded into `settings` (a profile given with
    --profile hosts the demo in place); True when there was a demo account to forget."""
    if not settings.get("demo"):
        return False
    for key in SEEDED_KEYS:
        settings.reset(key)
    settings.sync()
    log.info("the demo's account was removed from the profile")
    return True


def demo_instance_key() -> tuple[str, Path]:
    """The single-instance key and lock folder shared by every demo in a temporary profile:
    one demo at a time (a second one hands over to the first)."""
    return "easyclick2call-demo", resolve_profile(None).cache_dir / "demo-instance"


def demo_secrets(service: str):
    """The demo's secret store: the in-memory keyring, installed on first use."""
    from easyclick2call.ui.context import LazySecretStore

    return LazySecretStore(service, memory=True)


def start_sandbox(port: int = 0, *, serve: bool = True):
    """The demo's sandbox on 127.0.0.1:`port` (0: a free one), a sandbox.lazy.LazySandbox: its
    port is bound now, the emulator is made when the first request comes. With
    ``serve=False`` it only holds its port, and answers once its ``start()`` is called.

    Its secrets go to :func:`demo_secrets` (the in-memory keyring), never the system's."""
    from easyclick2call.sandbox.lazy import LazySandbox

    sandbox = LazySandbox(port)
    if serve:
        sandbox.start()
    log.info("demo mode: sandbox on %s", sandbox.endpoint)
    return sandbox
