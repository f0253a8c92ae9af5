"""`easyclick2call config …` as a user runs it: a real process, the session's real keyring, and the
OVHcloud sandbox over HTTP on 127.0.0.1 for `config connect`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from easyclick2call.core.paths import resolve_profile
from easyclick2call.core.secrets import SecretStore

pytestmark = [pytest.mark.keyring, pytest.mark.timeout(120)]


def cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "easyclick2call", *args],
        check=False,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def show(profile_dir: Path) -> dict:
    result = cli("config", "show", "--json", "--profile", str(profile_dir))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def secrets_of(profile_dir: Path):
    store = SecretStore(resolve_profile(str(profile_dir)).keyring_service)
    yield store
    store.delete_all()


def test_set_then_show(profile_dir: Path) -> None:
    for key, value in (
        ("region", "BE"),
        ("popup_timeout_s", "0"),
        ("blocked_prefixes", "+3389,+449"),
        ("watch_selection", "true"),
    ):
        result = cli("config", "set", key, value, "--profile", str(profile_dir))
        assert result.returncode == 0, result.stderr
    shown = show(profile_dir)
    assert shown["settings"]["region"] == "BE"
    assert shown["settings"]["popup_timeout_s"] == 0
    assert shown["settings"]["blocked_prefixes"] == ["+3389", "+449"]
    assert shown["settings"]["watch_selection"] is True
    assert shown["is_set"]["region"] and not shown["is_set"]["endpoint"]
    assert shown["warnings"] == []
    text = cli("config", "show", "--profile", str(profile_dir)).stdout
    assert "region" in text and "BE" in text and "(default)" in text


def test_profile_from_the_environment(profile_dir: Path) -> None:
    env = {"EASYCLICK2CALL_PROFILE": str(profile_dir)}
    assert cli("config", "set", "region", "CH", env=env).returncode == 0
    assert show(profile_dir)["settings"]["region"] == "CH"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("set", "region", "france"), "two-letter country code"),
        (("set", "popup_timeout_s", "soon"), "whole number"),
        (("set", "colour", "red"), "Unknown setting"),
        (("set", "consumer_key", "abc"), "set-secret"),
        (("unset", "colour"), "Unknown setting"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(
    profile_dir: Path, args: tuple[str, ...], words: str
) -> None:
    result = cli("config", *args, "--profile", str(profile_dir))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and words in result.stderr
    assert "Traceback" not in result.stderr


def test_unset_goes_back_to_the_default(profile_dir: Path) -> None:
    cli("config", "set", "popup_timeout_s", "3", "--profile", str(profile_dir))
    result = cli("config", "unset", "popup_timeout_s", "--profile", str(profile_dir))
    assert result.returncode == 0 and "(default)" in result.stdout
    assert show(profile_dir)["settings"]["popup_timeout_s"] == 10


def test_set_secret_from_stdin_is_masked_in_show(profile_dir: Path, secrets_of) -> None:
    secret = "4pPl1c4t10nS3cr3tV4lu3xYz0123456"
    result = cli(
        "config",
        "set-secret",
        "application_secret",
        "--profile",
        str(profile_dir),
        stdin=secret + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert secret not in result.stdout
    assert secrets_of.get("application_secret") == secret
    shown = show(profile_dir)
    assert shown["secrets"] == {
        "application_secret": "set (••••3456)",
        "consumer_key": "not set",
        "client_secret": "not set",
    }
    text = cli("config", "show", "--profile", str(profile_dir)).stdout
    assert secret not in text and "set (••••3456)" in text
    result = cli("config", "unset", "application_secret", "--profile", str(profile_dir))
    assert result.returncode == 0
    assert show(profile_dir)["secrets"]["application_secret"] == "not set"


def test_set_secret_refuses_an_empty_value(profile_dir: Path, secrets_of) -> None:
    result = cli("config", "set-secret", "consumer_key", "--profile", str(profile_dir), stdin="\n")
    assert result.returncode == 2 and "no value" in result.stderr
    assert not secrets_of.has("consumer_key")


def test_set_secret_never_takes_the_value_as_an_argument(profile_dir: Path) -> None:
    result = cli("config", "set-secret", "consumer_key", "s3cr3t", "--profile", str(profile_dir))
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr


# config connect --------------------------------------------------------------------------------


def configure_application(profile_dir: Path, sandbox) -> None:
    info = sandbox.info()
    for key, value in (
        ("endpoint", info["endpoint"]),
        ("application_key", info["application_key"]),
    ):
        assert cli("config", "set", key, value, "--profile", str(profile_dir)).returncode == 0
    result = cli(
        "config",
        "set-secret",
        "application_secret",
        "--profile",
        str(profile_dir),
        stdin=info["application_secret"],
    )
    assert result.returncode == 0, result.stderr


def decide(validation_url: str, decision: str) -> None:
    """What the person does on the validation page: the form is posted back."""
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(validation_url).query)
    form = urllib.parse.urlencode(
        {"credentialToken": query["credentialToken"][0], "decision": decision, "validity": "0"}
    ).encode()
    base = validation_url.split("/auth/", maxsplit=1)[0]
    with urllib.request.urlopen(base + "/auth/", data=form, timeout=10) as answer:
        assert answer.status == 200


def start_connect(
    profile_dir: Path, *extra: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "easyclick2call",
            "config",
            "connect",
            "--profile",
            str(profile_dir),
            "--poll-interval",
            "0.2",
            "--timeout",
            str(timeout),
            *extra,
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def test_connect_stores_the_validated_consumer_key(profile_dir: Path, sandbox, secrets_of) -> None:
    configure_application(profile_dir, sandbox)
    process = start_connect(profile_dir, "--no-browser", "--json")
    try:
        first = json.loads(process.stdout.readline())
        assert first["validation_url"].startswith(sandbox.info()["base_url"] + "/auth/")
        decide(first["validation_url"], "authorize")
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Connected" in out
    consumer_key = secrets_of.get("consumer_key")
    assert consumer_key and sandbox.credential_status(consumer_key) == "validated"
    assert consumer_key not in out
    assert show(profile_dir)["secrets"]["consumer_key"].startswith("set (••••")


def test_connect_opens_the_browser(profile_dir: Path, sandbox, secrets_of, tmp_path: Path) -> None:
    """The validation page goes to $BROWSER; this "browser" authorizes like a person would."""
    browser = tmp_path / "browser.py"
    browser.write_text(
        textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent.parent.parent)!r})
        from tests.api.test_cli_config import decide
        decide(sys.argv[1], "authorize")
    """)
    )
    configure_application(profile_dir, sandbox)
    process = start_connect(profile_dir, env={"BROWSER": f"{sys.executable} {browser} %s"})
    _, err = process.communicate(timeout=90)
    assert process.returncode == 0, err
    assert secrets_of.has("consumer_key")


def test_refused_key_is_an_auth_error_and_nothing_is_stored(
    profile_dir: Path, sandbox, secrets_of
) -> None:
    # A key refused on the page answers 403 NOT_CREDENTIAL: the wait ends at once, as
    # "refused" (the short timeout only bounds the test if that ever regresses).
    configure_application(profile_dir, sandbox)
    process = start_connect(profile_dir, "--no-browser", "--json", timeout=3)
    try:
        decide(json.loads(process.stdout.readline())["validation_url"], "refuse")
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 4
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not secrets_of.has("consumer_key")


def test_connect_needs_the_application_first(profile_dir: Path) -> None:
    result = cli("config", "connect", "--no-browser", "--profile", str(profile_dir))
    assert result.returncode == 2
    assert "application_key and application_secret" in result.stderr
