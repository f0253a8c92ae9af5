"""The command line's first steps, as a newcomer meets them: messages that name the command to
run (never a window of the app), `config show` that says where things are and what is in
effect, and options that work wherever they are typed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def cli(*args: str, env: dict[str, str] | None = None, stdin: str = "",
        ) -> subprocess.CompletedProcess[str]:
    base = {name: value for name, value in os.environ.items()
            if not name.startswith(("OVH_", "EASYCLICK2CALL_"))}
    return subprocess.run(
        [sys.executable, "-m", "easyclick2call", *args], input=stdin, capture_output=True,
        text=True, timeout=60, check=False, env={**base, "LANGUAGE": "en", **(env or {})})


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


@pytest.mark.parametrize("command", [["connect"], ["lines"], ["users", "list"],
                                     ["call", "01 99 00 12 34", "--region", "FR"]])
def test_without_an_account_the_cli_way_to_set_one_up_is_named(tmp_path: Path, command) -> None:
    done = cli(*command, "--profile", str(tmp_path / "new"))
    assert done.returncode == 4
    line = one_line(done.stderr)
    assert line.startswith("easyclick2call: No OVHcloud account is set up")
    assert "'easyclick2call config set application_key KEY'" in line
    assert "'easyclick2call config set-secret application_secret'" in line
    assert "'easyclick2call connect'" in line
    assert "Settings" not in line


def test_the_same_in_french(tmp_path: Path) -> None:
    done = cli("connect", "--profile", str(tmp_path / "new"), env={"LANGUAGE": "fr"})
    line = one_line(done.stderr)
    assert line.startswith("easyclick2call: Aucun compte OVHcloud n'est configuré")
    assert "puis 'easyclick2call connect'" in line and "Réglages" not in line


def test_users_add_without_an_account_says_the_account_is_missing(tmp_path: Path) -> None:
    # A password that breaks every rule: it must not even be looked at.
    done = cli("users", "add", "alice", "--profile", str(tmp_path / "new"), stdin="a b&$\n")
    assert done.returncode == 4
    line = one_line(done.stderr)
    assert "No OVHcloud account is set up" in line
    assert "password" not in line.lower()


def test_config_show_lists_files_and_effective_values_with_origins(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    assert cli("config", "set", "region", "BE", "--profile", str(profile)).returncode == 0
    env = {**NO_KEYRING, "OVH_ENDPOINT": "ovh-ca", "EASYCLICK2CALL_LINE": "0033972000001"}
    done = cli("config", "show", "--profile", str(profile), env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    rows = {line.split()[0]: line.strip() for line in done.stdout.splitlines()
            if line.startswith("  ")}
    assert rows["settings"].endswith(str(profile / "settings.ini"))
    assert rows["history"].endswith(str(profile / "history.sqlite3"))
    assert rows["log"].endswith(str(profile / "logs" / "easyclick2call.log"))
    assert "EasyClick2Call:" in rows["keyring"]
    assert rows["endpoint"].split(None, 1)[1] == "ovh-ca  (environment: OVH_ENDPOINT)"
    assert rows["line"].split(None, 1)[1] == "0033972000001  (environment: EASYCLICK2CALL_LINE)"
    assert rows["region"].split(None, 1)[1] == "BE  (file)"
    assert rows["popup_timeout_s"].split(None, 1)[1] == "10  (default)"
    assert rows["application_secret"].split(None, 1)[1] == "unknown — keyring unavailable"
    assert "demo" not in rows  # an internal flag, not a setting of the user's
    assert "Keyring: No system keyring is available" in done.stdout


def test_config_show_json_has_origins_and_a_secret_from_the_environment(tmp_path: Path) -> None:
    env = {**NO_KEYRING, "OVH_APPLICATION_SECRET": "an-application-secret-from-env-1234"}
    done = cli("config", "show", "--json", "--profile", str(tmp_path / "p"), env=env)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["origins"]["endpoint"] == "default"
    assert shown["secrets"]["application_secret"] == "set (••••1234)"
    assert shown["secrets"]["consumer_key"] == "unknown — keyring unavailable"
    assert "an-application-secret" not in done.stdout
    assert "demo" not in shown["settings"]
    assert set(shown["files"]) == {"settings", "history", "log", "keyring"}


@pytest.mark.parametrize("args", [["--demo", "--help"], ["--lang", "fr", "--help"],
                                  ["--profile", "/tmp/x", "--help"]])
def test_app_and_global_options_with_help_show_the_help(args: list[str]) -> None:
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    assert "--demo" in done.stdout and "--lang" in done.stdout and "config" in done.stdout


def test_global_options_are_accepted_before_or_after_the_command(tmp_path: Path) -> None:
    profile = str(tmp_path / "p")
    for args in (["--profile", profile, "config", "set", "region", "CH"],
                 ["config", "set", "region", "CH", "--profile", profile],
                 ["config", f"--profile={profile}", "set", "region", "CH"]):
        done = cli(*args)
        assert done.returncode == 0, (args, done.stderr)
    shown = cli("--lang", "fr", "config", "show", "--json", "--profile", profile, env=NO_KEYRING)
    assert json.loads(shown.stdout)["settings"]["region"] == "CH"
    french = cli("lines", "--lang", "fr", "--profile", str(tmp_path / "none"))
    assert one_line(french.stderr).startswith("easyclick2call: Aucun compte OVHcloud")
    bad = cli("lines", "--lang", "de")
    assert bad.returncode == 2
    assert one_line(bad.stderr) == (
        "easyclick2call: --lang must be one of system, en, fr (not 'de')")


@pytest.mark.parametrize("args", [["lines", "--demo"], ["--demo", "lines"]])
def test_a_tray_app_option_with_a_command_is_said_to_be_the_apps(args: list[str]) -> None:
    done = cli(*args)
    assert done.returncode == 2
    assert one_line(done.stderr) == (
        "easyclick2call: --demo is an option of the tray app (easyclick2call --demo); the "
        "commands do not take it")
