"""Secrets in the session's real SecretService keyring (gnome-keyring under dbus), and the clear
one-line failure when there is no keyring. Also the issue's acceptance run: configure a profile
headless, place a call, and find neither secret in any file of the profile or the user's dirs."""

from __future__ import annotations

import os
import secrets as random
import subprocess
import sys
from pathlib import Path

import pytest

from easyclick2call.commands.translation import translator_for
from easyclick2call.core.paths import resolve_profile
from easyclick2call.core.secrets import SecretsError, SecretStore
from tests.e2e.support.actions import wait_for_window, xdotool
from tests.harness.desktop import KEYRING_PASSWORD

pytestmark = [pytest.mark.keyring, pytest.mark.timeout(120)]

NO_KEYRING_LINE = (
    "easyclick2call config: No system keyring is available to keep your OVHcloud secrets. "
    "Install and unlock GNOME Keyring or KWallet (Debian: apt install gnome-keyring), then try "
    "again."
)

FR = translator_for("fr")  # the French catalogue, as the command line reads it


def new_secret() -> str:
    return random.token_hex(16)


def cli(*args: str, stdin: str = "", env: dict[str, str] | None = None,
        drop: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    for name in drop:
        environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "easyclick2call", *args], check=False, input=stdin,
        capture_output=True, text=True, timeout=60, env=environment,
    )


def keyring_items(service: str, name: str) -> list[str]:
    """The secrets gnome-keyring itself holds for (service, name), read with SecretStorage."""
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        items = collection.search_items({"service": service, "username": name})
        return [item.get_secret().decode() for item in items]
    finally:
        connection.close()


@pytest.fixture
def stores(tmp_path: Path):
    made: list[SecretStore] = []

    def make(folder: str) -> SecretStore:
        store = SecretStore(resolve_profile(str(tmp_path / folder)).keyring_service)
        made.append(store)
        return store

    yield make
    for store in made:
        store.delete_all()


def test_set_get_delete_in_the_real_keyring(stores) -> None:
    store = stores("one")
    value = new_secret()
    store.set("consumer_key", value)
    assert store.get("consumer_key") == value
    assert keyring_items(store.service, "consumer_key") == [value]
    store.set("consumer_key", value[::-1])  # replaced, not added
    assert keyring_items(store.service, "consumer_key") == [value[::-1]]
    store.delete("consumer_key")
    assert store.get("consumer_key") == ""
    assert keyring_items(store.service, "consumer_key") == []


def test_two_profiles_never_share_secrets(stores) -> None:
    first, second = stores("first"), stores("second")
    first.set("application_secret", "first-" + new_secret())
    assert second.get("application_secret") == ""
    second.set("application_secret", "second-" + new_secret())
    assert first.get("application_secret").startswith("first-")
    second.delete("application_secret")
    assert first.has("application_secret")


DEAD_BUS = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/easyclick2call-dead-bus"}
FAIL_BACKEND = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


@pytest.mark.parametrize("env", [DEAD_BUS, FAIL_BACKEND, {**DEAD_BUS, **FAIL_BACKEND}],
                         ids=["dead-bus", "fail-backend", "both"])
def test_no_keyring_is_one_clear_line_and_exit_4(profile_dir: Path, env: dict) -> None:
    value = new_secret()
    result = cli("config", "set-secret", "consumer_key", "--profile", str(profile_dir),
                 stdin=value, env=env)
    assert result.returncode == 4
    assert result.stderr.splitlines() == [NO_KEYRING_LINE]
    assert "Traceback" not in result.stderr and value not in result.stdout + result.stderr
    # show works without a keyring: the settings, the secrets as unknown, and why.
    shown = cli("config", "show", "--profile", str(profile_dir), env=env)
    assert shown.returncode == 0 and shown.stderr == ""
    assert "endpoint" in shown.stdout
    assert shown.stdout.count("unknown — keyring unavailable") == 3
    assert NO_KEYRING_LINE.replace("easyclick2call config: ", "Keyring: ") in shown.stdout
    assert cli("config", "set", "region", "BE", "--profile", str(profile_dir),
               env=env).returncode == 0  # settings need no keyring


def test_plain_setting_commands_work_without_a_bus(profile_dir: Path) -> None:
    result = cli("config", "set", "popup_timeout_s", "5", "--profile", str(profile_dir),
                 drop=("DBUS_SESSION_BUS_ADDRESS",))
    assert result.returncode == 0, result.stderr


def test_in_process_failure_names_the_fix(monkeypatch) -> None:
    import keyring
    from keyring.backends import fail

    from easyclick2call.core import secrets

    previous = keyring.get_keyring()
    monkeypatch.setattr(secrets, "explicit_backends", list)
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(SecretsError) as info:
            SecretStore("EasyClick2Call:x").get("consumer_key")
    finally:
        keyring.set_keyring(previous)
    assert "apt install gnome-keyring" in info.value.fix
    assert "gnome-keyring" in info.value.text(FR)


def files_containing(roots: list[Path], needles: list[str]) -> list[str]:
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()
                found += [f"{path}: {needle[:4]}…" for needle in needles
                          if needle.encode() in data]
    return found


def user_dirs() -> list[Path]:
    return [Path(os.environ[name]) for name in
            ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")]


def test_set_secret_writes_no_file(profile_dir: Path) -> None:
    value = new_secret()
    try:
        for args in (("--profile", str(profile_dir)), ()):  # a custom and the default profile
            result = cli("config", "set-secret", "client_secret", *args, stdin=value)
            assert result.returncode == 0, result.stderr
            shown = cli("config", "show", *args)
            assert shown.returncode == 0 and value not in shown.stdout
            assert "set (••••" in shown.stdout
        assert files_containing([profile_dir, *user_dirs()], [value]) == []
    finally:
        for profile in (resolve_profile(str(profile_dir)), resolve_profile(None)):
            SecretStore(profile.keyring_service).delete("client_secret")


def test_configure_headless_then_call(profile_dir: Path, sandbox) -> None:
    """Issue 5's acceptance run: config set / set-secret, then `call` places the call, and
    neither secret is in any file of the profile (settings, logs, history) or the user dirs."""
    info = sandbox.info()
    profile = ("--profile", str(profile_dir))
    try:
        for key in ("endpoint", "application_key", "billing_account"):
            result = cli("config", "set", key, info[key], *profile)
            assert result.returncode == 0, result.stderr
        assert cli("config", "set", "line", info["lines"][0], *profile).returncode == 0
        for name in ("application_secret", "consumer_key"):
            result = cli("config", "set-secret", name, *profile, stdin=info[name] + "\n")
            assert result.returncode == 0, result.stderr
        shown = cli("config", "show", "--json", *profile)
        assert info["application_secret"] not in shown.stdout
        assert info["consumer_key"] not in shown.stdout
        call = cli("call", "01 99 00 12 34", "--region", "FR", *profile)
        assert call.returncode == 0, call.stderr
        assert [c["called_number"] for c in sandbox.calls()] == ["0033199001234"]
        assert sandbox.calls()[0]["line"] == info["lines"][0]
        leaks = files_containing([profile_dir, *user_dirs()],
                                 [info["application_secret"], info["consumer_key"]])
        assert leaks == []
    finally:
        SecretStore(resolve_profile(str(profile_dir)).keyring_service).delete_all()


# -- a locked keyring, for real: gnome-keyring's own unlock prompt (gcr-prompter) -------------
PROMPT_TITLE = "Unlock"  # "Unlock Login Keyring"


def login_collection():
    import secretstorage

    connection = secretstorage.dbus_init()
    return connection, secretstorage.get_default_collection(connection)


def answer_prompt(password: str | None) -> None:
    """Wait for the keyring's unlock prompt; type `password` and Enter, or press Escape (None).
    The prompt grabs the keyboard, as it does on a desktop: keys go to it."""
    wait_for_window(PROMPT_TITLE, timeout=30)
    if password is None:
        xdotool("key", "Escape")
    else:
        xdotool("type", "--delay", "5", password)
        xdotool("key", "Return")


def configure_profile(profile_dir: Path, info: dict) -> tuple[str, ...]:
    profile = ("--profile", str(profile_dir))
    for key in ("endpoint", "application_key", "billing_account"):
        assert cli("config", "set", key, info[key], *profile).returncode == 0
    assert cli("config", "set", "line", info["lines"][0], *profile).returncode == 0
    for name in ("application_secret", "consumer_key"):
        assert cli("config", "set-secret", name, *profile, stdin=info[name]).returncode == 0
    return profile


def start_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "easyclick2call", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_locked_keyring_asks_to_be_unlocked_and_a_refusal_is_one_clear_line(
        profile_dir: Path, sandbox) -> None:
    """The login keyring is locked (a screen lock, a session without auto-unlock): reading the
    secrets brings up the keyring's own unlock prompt. Cancelled: one line that says what to do,
    exit 4, no call. Unlocked there: the same call goes through."""
    info = sandbox.info()
    profile = configure_profile(profile_dir, info)
    connection, collection = login_collection()
    try:
        collection.lock()
        assert collection.is_locked()
        call = start_cli("call", "01 99 00 12 34", "--region", "FR", *profile)
        answer_prompt(None)
        _out, err = call.communicate(timeout=60)
        assert call.returncode == 4, err
        assert len(err.splitlines()) == 1 and "Traceback" not in err
        assert "keyring is locked" in err and "Unlock it" in err
        assert sandbox.calls() == []
        assert collection.is_locked()

        call = start_cli("call", "01 99 00 12 34", "--region", "FR", *profile)
        answer_prompt(KEYRING_PASSWORD)
        _out, err = call.communicate(timeout=60)
        assert call.returncode == 0, err
        assert [c["called_number"] for c in sandbox.calls()] == ["0033199001234"]
        assert not collection.is_locked()
    finally:
        if collection.is_locked():  # never leave the session's keyring locked for other tests
            import threading

            unlocking = threading.Thread(target=collection.unlock)
            unlocking.start()
            answer_prompt(KEYRING_PASSWORD)
            unlocking.join(30)
        connection.close()
        SecretStore(resolve_profile(str(profile_dir)).keyring_service).delete_all()
