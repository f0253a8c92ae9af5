"""`easyclick2call call` through the call gate, as a real subprocess against the sandbox: what the
filters forbid is never sent, abroad needs a confirmation, and the history tells the truth."""

from __future__ import annotations

import json

import pytest

from tests.api.test_cli_api import NUMBER_OVH, NUMBER_TEXT, one_line, run, sandbox_env
from tests.api.test_cli_clipboard import set_clipboard
from tests.api.test_client import fault, placed_calls


def history(env: dict[str, str]) -> list[dict]:
    done = run(["history", "--json"], env)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    return payload["calls"] if isinstance(payload, dict) else payload


@pytest.mark.parametrize("number", ["+33 8 92 68 01 23", "08 99 12 34 56", "tel:+33892680123"])
def test_a_blocked_number_is_never_called_and_says_why(sandbox, number) -> None:
    env = sandbox_env(sandbox)
    done = run(["call", number, "--region", "FR", "--yes"], env)
    assert done.returncode == 3
    message = one_line(done.stderr)
    assert "blocked" in message and "+3389" in message
    assert placed_calls(sandbox) == []
    [entry] = history(env)
    assert (entry["outcome"], entry["source"]) == ("blocked", "cli")
    assert entry["number"].startswith("+3389")


def test_a_blocked_number_on_the_clipboard_is_never_called(desktop, sandbox) -> None:
    set_clipboard("Voyance : 08 92 68 01 23")
    done = run(["call", "--clipboard", "--first", "--region", "FR"], sandbox_env(sandbox))
    assert done.returncode == 3
    assert "blocked" in one_line(done.stderr)
    assert placed_calls(sandbox) == []


@pytest.mark.parametrize("number", ["112", "15", "17", "3949"])
def test_emergency_numbers_and_short_codes_are_never_called(sandbox, number) -> None:
    done = run(["call", number, "--region", "FR", "--yes"], sandbox_env(sandbox))
    assert done.returncode == 3
    assert "Not a callable number" in one_line(done.stderr)
    assert placed_calls(sandbox) == []


def test_abroad_is_refused_without_a_terminal_unless_confirmed(sandbox) -> None:
    env = sandbox_env(sandbox)
    done = run(["call", "+44 20 7946 0018", "--region", "FR", "--json"], env)
    assert done.returncode == 3
    error = json.loads(one_line(done.stdout))["error"]
    assert error["kind"] == "confirmation_needed" and "--yes" in error["message"]
    assert placed_calls(sandbox) == []
    done = run(["call", "+44 20 7946 0018", "--region", "FR", "--yes", "--json"], env)
    assert done.returncode == 0, done.stdout
    assert json.loads(done.stdout)["outcome"] == "placed"
    assert [c["called_number"] for c in placed_calls(sandbox)] == ["00442079460018"]


def test_the_call_goes_to_the_history_unless_asked_not_to(sandbox) -> None:
    env = sandbox_env(sandbox)
    assert run(["call", NUMBER_TEXT, "--region", "FR"], env).returncode == 0
    assert run(["call", "01 99 00 56 78", "--region", "FR", "--no-history"], env).returncode == 0
    entries = history(env)
    assert [(e["number"], e["outcome"], e["source"]) for e in entries] == [
        ("+33199001234", "placed", "cli")]
    assert entries[0]["line"] == sandbox.info()["lines"][0]
    assert len(placed_calls(sandbox)) == 2


def test_a_call_that_may_have_been_placed_is_recorded_as_such(sandbox) -> None:
    env = sandbox_env(sandbox)
    fault(sandbox, method="POST", path="/telephony/*/click2Call", drop=True, process=True)
    done = run(["call", NUMBER_TEXT, "--region", "FR", "--json"], env)
    assert done.returncode == 5
    payload = json.loads(one_line(done.stdout))
    assert payload["outcome"] == "uncertain"
    assert "may have been done all the same" in payload["error"]["message"]
    [entry] = history(env)
    assert (entry["outcome"], entry["error_kind"]) == ("uncertain", "connection_lost")
    assert [c["called_number"] for c in placed_calls(sandbox)] == [NUMBER_OVH]


def test_a_refusal_before_sending_says_nothing_and_records_failed(sandbox) -> None:
    env = sandbox_env(sandbox)
    fault(sandbox, method="GET", path="/auth/time", drop=True, count=1)
    done = run(["call", NUMBER_TEXT, "--region", "FR"], env)
    assert done.returncode == 5
    assert "may have been done" not in done.stderr
    [entry] = history(env)
    assert entry["outcome"] == "failed"
    assert placed_calls(sandbox) == []


@pytest.mark.parametrize("region", ["XX", "FRANCE", "1"])
def test_an_unknown_region_is_refused(sandbox, region) -> None:
    done = run(["call", NUMBER_TEXT, "--region", region], sandbox_env(sandbox))
    assert done.returncode == 2
    assert "not a country code" in one_line(done.stderr)
    assert placed_calls(sandbox) == []


def test_a_huge_argument_is_not_echoed_back(sandbox) -> None:
    done = run(["call", "0" + "1" * 10_000, "--region", "FR"], sandbox_env(sandbox))
    assert done.returncode == 3
    line = one_line(done.stderr)
    assert len(line) < 300
    assert "…" in line


def test_a_keyring_backend_that_cannot_be_loaded_is_named(sandbox, tmp_path) -> None:
    env = sandbox_env(sandbox, PYTHON_KEYRING_BACKEND="no_such_module.Keyring")
    done = run(["config", "set-secret", "application_secret", "--profile", str(tmp_path)], env,
               stdin="some-secret-value\n")
    assert done.returncode == 4
    assert "PYTHON_KEYRING_BACKEND names a keyring backend that cannot be loaded" in done.stderr
    assert "refused access" not in done.stderr
