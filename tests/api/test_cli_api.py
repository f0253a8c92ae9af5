"""The headless CLI (`call`, `lines`, `users`, `connect`) run as real subprocesses against the
sandbox over HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from tests.api.test_client import fault, placed_calls
from tests.api.test_client_consumer_key import open_page, submit

NUMBER_TEXT = "01 99 00 12 34"
NUMBER_OVH = "0033199001234"


def sandbox_env(sandbox, **changes: str | None) -> dict[str, str]:
    """The process environment of the issue's example, with `changes` (None removes)."""
    info = sandbox.info()
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("OVH_", "EASYCLICK2CALL_"))
    }
    env.update(
        OVH_ENDPOINT=info["endpoint"],
        OVH_APPLICATION_KEY=info["application_key"],
        OVH_APPLICATION_SECRET=info["application_secret"],
        OVH_CONSUMER_KEY=info["consumer_key"],
        EASYCLICK2CALL_BILLING_ACCOUNT=info["billing_account"],
        EASYCLICK2CALL_LINE=info["lines"][0],
        # A profile of this test's own: its history (which the call gate reads) starts empty.
        EASYCLICK2CALL_PROFILE=_profile_of(sandbox),
        LANGUAGE="en",
    )
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def _profile_of(sandbox) -> str:
    """A fresh profile folder for the test that uses `sandbox` (one sandbox per test)."""
    folder = getattr(sandbox, "cli_profile", None)
    if folder is None:
        folder = tempfile.mkdtemp(prefix="ec2c-cli-profile-")
        sandbox.cli_profile = folder
    return folder


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "easyclick2call", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


def test_without_region_the_country_is_the_locales_as_in_the_app(sandbox) -> None:
    """The same rule as the app's default country (core.settings.system_region): the phone
    number format of the locale (LC_TELEPHONE) counts, not the language of the messages."""
    env = sandbox_env(sandbox, LC_ALL=None, LC_TELEPHONE="fr_FR.UTF-8", LANG="en_US.UTF-8")
    done = run(["call", NUMBER_TEXT], env)
    assert done.returncode == 0, done.stderr
    assert [call["called_number"] for call in placed_calls(sandbox)] == [NUMBER_OVH]


def test_call_places_the_call_in_00_format(sandbox) -> None:
    done = run(["call", NUMBER_TEXT, "--region", "FR"], sandbox_env(sandbox))
    assert done.returncode == 0, done.stderr
    assert NUMBER_TEXT in one_line(done.stdout)
    assert done.stderr == ""
    [call] = placed_calls(sandbox)
    assert call["called_number"] == NUMBER_OVH
    assert call["line"] == sandbox.info()["lines"][0]
    assert call["intercom"] is False


def test_call_with_json_flags_and_oauth2(sandbox, profile_dir: Path) -> None:
    info = sandbox.info()
    env = sandbox_env(
        sandbox,
        OVH_APPLICATION_KEY=None,
        OVH_APPLICATION_SECRET=None,
        OVH_CONSUMER_KEY=None,
        OVH_CLIENT_ID=info["client_id"],
        OVH_CLIENT_SECRET=info["client_secret"],
    )
    done = run(
        [
            "call",
            "+32 2 511 12 34",
            "--yes",
            "--line",
            info["lines"][1],
            "--intercom",
            "--json",
            "--profile",
            str(profile_dir),
        ],
        env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(one_line(done.stdout))
    assert result["ok"] is True
    assert result["called_number"] == "003225111234"
    assert result["line"] == info["lines"][1] and result["intercom"] is True
    [call] = placed_calls(sandbox)
    assert (call["line"], call["intercom"]) == (info["lines"][1], True)


def test_wrong_secret_exits_4_with_one_line(sandbox) -> None:
    env = sandbox_env(sandbox, OVH_APPLICATION_SECRET="wrong-secret-value")
    done = run(["call", NUMBER_TEXT, "--region", "FR"], env)
    assert done.returncode == 4
    line = one_line(done.stderr)
    assert "application secret" in line and "Traceback" not in line
    assert "wrong-secret-value" not in done.stderr + done.stdout
    assert done.stdout == ""
    assert placed_calls(sandbox) == []


def test_not_a_callable_number_exits_3(sandbox) -> None:
    bare_env = {k: v for k, v in os.environ.items() if not k.startswith(("OVH_", "EASYCL"))}
    done = run(["call", "12"], bare_env)
    assert done.returncode == 3
    assert "12" in one_line(done.stderr)
    done = run(["call", "12", "--json"], sandbox_env(sandbox))
    assert done.returncode == 3
    assert json.loads(one_line(done.stdout))["error"]["kind"] == "not_callable"
    assert placed_calls(sandbox) == []


def test_network_down_exits_5(sandbox) -> None:
    env = sandbox_env(sandbox)
    sandbox.stop()
    done = run(["call", NUMBER_TEXT, "--region", "FR", "--json"], env)
    assert done.returncode == 5
    error = json.loads(one_line(done.stdout))["error"]
    assert error["kind"] == "network" and error["exit_code"] == 5


def test_server_error_exits_5_and_french_messages(sandbox) -> None:
    fault(sandbox, method="POST", path="/telephony/*/click2Call", status=503)
    done = run(["call", NUMBER_TEXT, "--region", "FR"], sandbox_env(sandbox, LANGUAGE="fr"))
    assert done.returncode == 5
    assert "réessayez" in one_line(done.stderr)
    assert "L'action a peut-être eu lieu malgré tout" in done.stderr  # sent: it may have
    env = sandbox_env(sandbox, LANGUAGE=None, LANG="fr_FR.UTF-8")
    # The last call to that number may have been placed: without a terminal, not again …
    done = run(["call", NUMBER_TEXT, "--region", "FR"], env)
    assert done.returncode == 3
    assert "a peut-être déjà abouti" in one_line(done.stderr)
    assert "--yes" in done.stderr
    assert placed_calls(sandbox) == []
    # … unless confirmed.
    done = run(["call", NUMBER_TEXT, "--region", "FR", "--yes"], env)
    assert done.returncode == 0
    assert one_line(done.stdout).startswith("Appel du 01 99 00 12 34")
    assert len(placed_calls(sandbox)) == 1


def test_expired_access_exits_4(sandbox) -> None:
    fault(sandbox, expire_consumer_key=sandbox.info()["consumer_key"])
    done = run(["call", NUMBER_TEXT, "--region", "FR"], sandbox_env(sandbox))
    assert done.returncode == 4
    assert one_line(done.stderr) == "easyclick2call: Access expired — reconnect in Settings."


def test_the_only_billing_account_is_used_but_a_line_must_be_chosen(sandbox) -> None:
    env = sandbox_env(sandbox, EASYCLICK2CALL_BILLING_ACCOUNT=None, EASYCLICK2CALL_LINE=None)
    done = run(["call", NUMBER_TEXT, "--region", "FR"], env)
    assert done.returncode == 2
    assert "--line" in one_line(done.stderr)
    line = sandbox.info()["lines"][1]
    done = run(["call", NUMBER_TEXT, "--region", "FR", "--line", line], env)
    assert done.returncode == 0, done.stderr
    assert placed_calls(sandbox)[0]["line"] == line


def test_missing_number_and_no_account(sandbox) -> None:
    done = run(["call"], sandbox_env(sandbox))
    assert done.returncode == 2
    bare_env = {k: v for k, v in os.environ.items() if not k.startswith(("OVH_", "EASYCL"))}
    done = run(["call", NUMBER_TEXT, "--profile", "/nonexistent/profile"], bare_env)
    assert done.returncode == 4
    assert "Settings" in one_line(done.stderr)


def test_lines(sandbox) -> None:
    info = sandbox.info()
    done = run(["lines"], sandbox_env(sandbox, EASYCLICK2CALL_BILLING_ACCOUNT=None))
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        f"{info['billing_account']}  {name}  {info['line_descriptions'][name]}"
        for name in info["lines"]
    ]
    done = run(["lines", "--json"], sandbox_env(sandbox))
    assert [entry["service_name"] for entry in json.loads(done.stdout)["lines"]] == info["lines"]


def test_users_add_passwd_rm_with_passwords_from_stdin(sandbox) -> None:
    env = sandbox_env(sandbox)
    done = run(["users", "add", "carol", "--json"], env, stdin="Secret#123\n")
    assert done.returncode == 0, done.stdout + done.stderr
    user_id = json.loads(done.stdout)["id"]
    listed = run(["users", "list", "--json"], env)
    assert "carol" in [user["login"] for user in json.loads(listed.stdout)["users"]]
    done = run(["users", "passwd", str(user_id)], env, stdin="N3w~Password\n")
    assert done.returncode == 0
    assert str(user_id) in one_line(done.stdout)
    done = run(["users", "rm", str(user_id)], env)
    assert done.returncode == 0
    listed = run(["users", "list"], env)
    assert "carol" not in listed.stdout and "reception" in listed.stdout


def test_users_refuses_bad_passwords_before_sending(sandbox) -> None:
    env = sandbox_env(sandbox)
    done = run(["users", "add", "dave"], env, stdin="has space&$\n")
    assert done.returncode == 2
    assert "8 to 20 characters" in one_line(done.stderr)
    assert "has space" not in done.stderr
    done = run(["users", "add", "bad login"], env, stdin="Secret#123\n")
    assert done.returncode == 2
    done = run(["users", "rm", "999999"], env)
    assert done.returncode == 2
    listed = run(["users", "list", "--json"], env)
    assert [user["login"] for user in json.loads(listed.stdout)["users"]] == ["reception"]


def test_connect_flow(sandbox) -> None:
    env = sandbox_env(sandbox, OVH_CONSUMER_KEY=None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "easyclick2call",
            "connect",
            "--no-browser",
            "--no-store",
            "--timeout",
            "30",
            "--json",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = process.stderr.readline()
        url = first.strip().rsplit(" ", 1)[-1]
        assert url.startswith(sandbox.info()["base_url"] + "/auth/?credentialToken=")
        page = open_page(url)
        threading.Timer(0.3, submit, (url, page, "authorize")).start()
        out, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0
    result = json.loads(one_line(out))
    assert result["ok"] is True and result["stored"] is False
    # The key printed is the validated one: calls work with it.
    env["OVH_CONSUMER_KEY"] = result["consumer_key"]
    done = run(["call", NUMBER_TEXT, "--region", "FR"], env)
    assert done.returncode == 0, done.stderr


def test_connect_timeout_exits_4(sandbox) -> None:
    env = sandbox_env(sandbox, OVH_CONSUMER_KEY=None)
    done = run(["connect", "--no-browser", "--timeout", "0.5"], env)
    assert done.returncode == 4
    lines = done.stdout.splitlines() + done.stderr.splitlines()
    assert any("credentialToken=" in line for line in lines)
    assert "Connect again" in one_line(done.stderr)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["call", "--help"],
            ["NUMBER", "--region", "--line", "--intercom", "--json", "--profile", "Exit codes"],
        ),
        (["lines", "--help"], ["--billing-account", "--json"]),
        (["users", "--help"], ["list", "add", "passwd", "rm", "stdin"]),
        (["users", "add", "--help"], ["LOGIN", "prompted"]),
        (["connect", "--help"], ["--no-browser", "keyring", "--timeout"]),
    ],
)
def test_help(args: list[str], expected: list[str]) -> None:
    done = run(args, dict(os.environ))
    assert done.returncode == 0
    for text in expected:
        assert text in done.stdout, text


@pytest.fixture
def stored_profile(sandbox, profile_dir: Path, desktop):
    """A profile configured for the sandbox: settings in its INI, secrets in the real keyring."""
    from easyclick2call.core.paths import profile_at
    from easyclick2call.core.secrets import SecretStore
    from easyclick2call.ui.qsettings_store import QSettingsStore

    info = sandbox.info()
    profile = profile_at(profile_dir)
    store = QSettingsStore(profile)
    for key, value in {
        "endpoint": info["endpoint"],
        "auth_mode": "application",
        "application_key": info["application_key"],
        "billing_account": info["billing_account"],
        "line": info["lines"][1],
        "region": "FR",
    }.items():
        store.set(key, value)
    store.sync()
    secrets = SecretStore(profile.keyring_service)
    secrets.set("application_secret", info["application_secret"])
    secrets.set("consumer_key", info["consumer_key"])
    yield profile, secrets
    secrets.delete_all()


def _bare_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OVH_", "EASYCLICK2CALL_"))}
    env.update(LANGUAGE="en", **extra)
    return env


@pytest.mark.keyring
def test_stored_settings_and_keyring_then_env_then_flags(sandbox, stored_profile) -> None:
    profile, _ = stored_profile
    info = sandbox.info()
    done = run(["call", NUMBER_TEXT, "--profile", str(profile.root)], _bare_env())
    assert done.returncode == 0, done.stderr
    assert placed_calls(sandbox)[-1]["line"] == info["lines"][1]  # the stored line

    via_env = _bare_env(
        EASYCLICK2CALL_PROFILE=str(profile.root), EASYCLICK2CALL_LINE=info["lines"][0]
    )
    done = run(["call", NUMBER_TEXT], via_env)
    assert done.returncode == 0, done.stderr
    assert placed_calls(sandbox)[-1]["line"] == info["lines"][0]  # env beats stored

    done = run(["call", NUMBER_TEXT, "--line", info["lines"][1]], via_env)
    assert done.returncode == 0, done.stderr
    assert placed_calls(sandbox)[-1]["line"] == info["lines"][1]  # flag beats env

    wrong = dict(via_env, OVH_APPLICATION_SECRET="not-the-secret")
    done = run(["call", NUMBER_TEXT], wrong)
    assert done.returncode == 4  # env secret beats the keyring's
    assert len(placed_calls(sandbox)) == 3


@pytest.mark.keyring
def test_connect_saves_the_new_key_in_the_profiles_keyring(sandbox, stored_profile) -> None:
    profile, secrets = stored_profile
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "easyclick2call",
            "connect",
            "--no-browser",
            "--timeout",
            "30",
            "--profile",
            str(profile.root),
        ],
        env=_bare_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = process.stdout.readline().strip().rsplit(" ", 1)[-1]
        page = open_page(url)
        submit(url, page, "authorize")
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "keyring" in one_line(out)
    new_key = secrets.get("consumer_key")
    assert new_key and new_key != sandbox.info()["consumer_key"]
    assert new_key not in out + err
    done = run(["call", NUMBER_TEXT, "--profile", str(profile.root)], _bare_env())
    assert done.returncode == 0, done.stderr


def test_users_without_an_action_shows_its_usage() -> None:
    done = run(["users"], _bare_env())
    assert done.returncode == 2
    assert "passwd" in done.stderr and done.stdout == ""
