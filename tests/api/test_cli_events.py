"""`easyclick2call events` as a real subprocess against the sandbox's stream."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from tests.api.test_cli_api import run, sandbox_env

RINGING = {"Event": "start_ringing", "Ressource": "0033199000001",
           "Data": {"CallId": "cli-1", "Calling": "0033612345678", "Called": "0033199000001"}}


def _follow(sandbox, *args: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "easyclick2call", "events", *args], env=sandbox_env(sandbox),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 30
    while sandbox.events.held_polls() == 0:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the command never polled"
        time.sleep(0.02)
    return process


def test_events_prints_one_line_per_event(sandbox) -> None:
    process = _follow(sandbox, "--count", "2")
    sandbox.events.publish([RINGING, {**RINGING, "Event": "end_ringing"}])
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    assert "start_ringing" in lines[0] and "← +33612345678" in lines[0] and "cli-1" in lines[0]
    assert "end_ringing" in lines[1]


def test_events_json_masks_the_token(sandbox) -> None:
    process = _follow(sandbox, "--json", "--count", "1", "--all-lines")
    sandbox.events.publish([{**RINGING, "Ressource": "0033199000002"}])
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    (event,) = [json.loads(line) for line in out.splitlines()]
    assert event["Token"] == "***" and event["Event"] == "start_ringing"
    assert event["Data"]["CallId"] == "cli-1" and event["Ressource"] == "0033199000002"
    assert not any(t in out + err for t in sandbox.state.data["event_tokens"])


def test_old_consumer_key_says_reconnect(sandbox) -> None:
    from easyclick2call.ovhapi.consumer_key import ACCESS_RULES

    key = sandbox.create_consumer_key(
        [{"method": m, "path": p} for m, p in ACCESS_RULES if "eventToken" not in p])
    done = run(["events"], sandbox_env(sandbox, OVH_CONSUMER_KEY=key))
    assert done.returncode == 4
    assert "reconnect" in done.stderr and "live calls" in done.stderr
    assert done.stdout == ""
