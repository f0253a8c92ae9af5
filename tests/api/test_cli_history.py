"""`easyclick2call history`, `history export` and the CLI's warnings and log, run as a user runs
them: a real process on a real profile (SQLite history, INI settings)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from easyclick2call.core.history import CallRecord, History
from easyclick2call.core.paths import resolve_profile

pytestmark = pytest.mark.timeout(120)

CALLS = [  # oldest first: (number, at, outcome, source, error_kind)
    ("+33199000001", "2026-12-01T08:00:00+00:00", "placed", "popup", ""),
    ("+33199000002", "2026-12-01T09:00:00+00:00", "failed", "dialog", "network"),
    ("+33199000003", "2026-12-02T10:30:00+00:00", "uncertain", "redial", "timeout"),
    ("+33899000004", "2026-12-03T11:45:00+00:00", "blocked", "cli", ""),
]


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "easyclick2call", *args], check=False, capture_output=True,
        text=True, timeout=60, env={**os.environ, "TZ": "Europe/Paris", **(env or {})},
    )


def history_of(profile_dir: Path) -> History:
    return History(resolve_profile(str(profile_dir)).history_db)


@pytest.fixture
def filled(profile_dir: Path) -> Path:
    history = history_of(profile_dir)
    for number, at, outcome, source, kind in CALLS:
        history.add(CallRecord(None, number, number, at, "0033972000001", outcome, source, kind))
    return profile_dir


def as_json(profile_dir: Path, *extra: str) -> list[dict]:
    result = cli("history", "--json", "--profile", str(profile_dir), *extra)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    payload = json.loads(result.stdout)
    assert payload["ok"] is True
    return payload["calls"]


def test_json_lists_every_call_newest_first_with_local_offsets(filled: Path) -> None:
    calls = as_json(filled)
    assert [c["number"] for c in calls] == [call[0] for call in reversed(CALLS)]
    newest = calls[0]
    assert set(newest) == {"id", "at", "number", "display", "line", "direction", "outcome",
                           "duration_s", "source", "error_kind"}
    assert newest["at"] == "2026-12-03T12:45:00+01:00"  # Paris time, with its offset
    assert [(c["outcome"], c["source"], c["error_kind"]) for c in calls] == [
        ("blocked", "cli", ""), ("uncertain", "redial", "timeout"),
        ("failed", "dialog", "network"), ("placed", "popup", "")]
    assert newest["line"] == "0033972000001"


def test_limit_keeps_the_latest(filled: Path) -> None:
    assert [c["number"] for c in as_json(filled, "--limit", "2")] == [
        "+33899000004", "+33199000003"]
    refused = cli("history", "--limit", "0", "--profile", str(filled))
    assert refused.returncode == 2 and "--limit" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_table_is_readable(filled: Path) -> None:
    result = cli("history", "--profile", str(filled))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["When", "Number", "Line", "Outcome", "Source"]
    assert lines[1].startswith("2026-12-03 12:45  +33899000004")
    assert "may have been placed (timeout)" in lines[2] and lines[2].endswith("redial")
    assert "failed (network)" in lines[3]
    assert len({line.index("0033972000001") for line in lines[1:]}) == 1  # aligned columns
    french = cli("history", "--profile", str(filled), env={"LANGUAGE": "fr"})
    assert "peut-être passé" in french.stdout and french.stdout.startswith("Quand")


def test_export_writes_a_spreadsheet_friendly_csv(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "calls.csv"
    result = cli("history", "export", str(target), "--profile", str(filled))
    assert result.returncode == 0, result.stderr
    assert "4 call(s) exported to" in result.stdout
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: spreadsheets pick the encoding
    assert b"\r\n" in raw
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["id", "at", "number", "display", "line", "direction", "outcome",
                             "duration_s", "source", "error_kind"]
    json_calls = as_json(filled)
    assert rows == [{key: "" if value is None else str(value) for key, value in call.items()}
                    for call in json_calls]


def test_export_to_a_folder_that_does_not_exist_says_so(filled: Path, tmp_path: Path) -> None:
    result = cli("history", "export", str(tmp_path / "nope" / "calls.csv"),
                 "--profile", str(filled))
    assert result.returncode == 2
    assert result.stderr.startswith("easyclick2call: cannot write ")
    assert "Traceback" not in result.stderr


def test_no_history_yet_lists_nothing_and_creates_nothing(profile_dir: Path) -> None:
    assert as_json(profile_dir) == []
    assert cli("history", "--profile", str(profile_dir)).stdout.strip() == (
        "No calls in the history.")
    assert not resolve_profile(str(profile_dir)).history_db.exists()


def test_a_damaged_history_is_kept_aside_and_said_once(profile_dir: Path) -> None:
    path = resolve_profile(str(profile_dir)).history_db
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database at all " * 100)
    first = cli("history", "--profile", str(profile_dir))
    assert first.returncode == 0
    assert first.stderr.startswith("easyclick2call: warning: The call history ")
    assert "was damaged; it was kept as " in first.stderr and first.stderr.count("\n") == 1
    assert len(list(path.parent.glob("history.sqlite3.damaged-*"))) == 1
    again = cli("history", "--json", "--profile", str(profile_dir))
    assert again.returncode == 0 and again.stderr == ""


def test_a_damaged_settings_file_is_said_once_on_the_command_line(profile_dir: Path) -> None:
    (profile_dir / "settings.ini").write_bytes(b"[General]\nregion=BE\ngarbage\x00\xff\n")
    first = cli("config", "show", "--json", "--profile", str(profile_dir))
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["settings"]["region"] == "BE"
    assert first.stderr.startswith("easyclick2call: warning: The settings file ")
    assert first.stderr.count("\n") == 1
    again = cli("config", "show", "--json", "--profile", str(profile_dir))
    assert json.loads(again.stdout)["settings"]["region"] == "BE" and again.stderr == ""


@pytest.mark.parametrize("command", [("lines",), ("call", "01 99 00 12 34"),
                                     ("config", "connect", "--no-browser")])
def test_an_invalid_endpoint_is_exit_4_naming_the_setting(profile_dir: Path, command) -> None:
    (profile_dir / "settings.ini").write_text(
        "[General]\nendpoint=xyz\napplication_key=abcdefghijklmnop\n"
        "billing_account=ab12345-ovh-1\nline=0033972000001\n")
    result = cli(*command, "--profile", str(profile_dir))
    assert result.returncode == 4
    assert result.stderr.strip().splitlines()[-1].endswith(
        ': The endpoint setting "xyz" is not valid — choose one in Settings › '
        "Account, or run `easyclick2call config set endpoint ovh-eu`.")
    assert "Traceback" not in result.stderr
    log = (profile_dir / "logs" / "easyclick2call.log").read_text()
    assert f"command {command[0]}" in log  # the CLI writes the app's log
    if command[0] != "config":
        assert "command failed: config (exit code 4)" in log


def test_the_command_line_writes_the_profile_log(filled: Path) -> None:
    assert cli("history", "--profile", str(filled)).returncode == 0
    log = (filled / "logs" / "easyclick2call.log").read_text()
    assert "command history" in log
    assert "+33199000001" not in log  # numbers are never logged whole


def test_schema_1_history_is_listed_after_migration(profile_dir: Path) -> None:
    path = resolve_profile(str(profile_dir)).history_db
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE calls (id INTEGER PRIMARY KEY AUTOINCREMENT, number_e164 TEXT NOT NULL,"
            " display TEXT NOT NULL, at TEXT NOT NULL, line TEXT NOT NULL, result TEXT NOT NULL,"
            " demo INTEGER NOT NULL DEFAULT 0); PRAGMA user_version=1;"
            "INSERT INTO calls (number_e164, display, at, line, result) VALUES"
            " ('+33199000001', '01 99 00 00 01', '2026-01-01T09:00:00+00:00', 'l1',"
            " 'failed:dns');")
    calls = as_json(profile_dir)
    assert [(c["outcome"], c["error_kind"], c["display"]) for c in calls] == [
        ("failed", "dns", "01 99 00 00 01")]
