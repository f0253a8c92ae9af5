"""`easyclick2call sandbox` as a user runs it: first line = JSON info, stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "easyclick2call", "sandbox", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_first_line_is_the_info_json(stop_signal, tmp_path: Path) -> None:
    state_file = tmp_path / "state.json"
    process = _start("--port", "0", "--state", str(state_file))
    try:
        first_line = process.stdout.readline()
        info = json.loads(first_line)
        for key in (
            "endpoint",
            "application_key",
            "application_secret",
            "consumer_key",
            "client_id",
            "client_secret",
            "billing_account",
            "lines",
            "click2call_users",
        ):
            assert info[key], key
        assert info["endpoint"].startswith("http://127.0.0.1:") and info["endpoint"].endswith(
            "/1.0"
        )
        with urllib.request.urlopen(info["endpoint"] + "/auth/time", timeout=5) as answer:
            assert int(answer.read()) > 1_700_000_000
        assert json.loads(state_file.read_text())["billing_accounts"]
    finally:
        process.send_signal(stop_signal)
        try:
            code = process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        process.stdout.close()
        process.stderr.close()
    assert code == 0


def test_refuses_a_non_loopback_host() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "easyclick2call", "sandbox", "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "only listens on loopback" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "easyclick2call", "sandbox", "--help"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0
    assert "--port" in result.stdout and "--state" in result.stdout
