"""The demo's lazy sandbox: its port answers at once, the emulator is made on the first request."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import urllib.request

from easyclick2call.sandbox.lazy import LazySandbox


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.loads(answer.read())


def test_the_first_request_makes_the_emulator_and_it_answers():
    sandbox = LazySandbox().start()
    try:
        assert sandbox._server is None  # nothing made yet
        info = get_json(sandbox.base_url + "/sandbox/info")
        assert info["endpoint"] == sandbox.endpoint
        assert info["lines"] == sandbox.seed_info()["lines"]
        assert sandbox.calls() == []  # the emulator's own methods, through the lazy one
    finally:
        sandbox.stop()


def test_the_seeded_account_is_the_emulators():
    sandbox = LazySandbox().start()
    try:
        seed = sandbox.seed_info()
        info = sandbox.info()
        for key, value in seed.items():
            assert info[key] == value, key
    finally:
        sandbox.stop()


def test_requests_wait_in_the_queue_until_start():
    sandbox = LazySandbox()
    try:
        result: list[dict] = []
        waiter = threading.Thread(
            target=lambda: result.append(get_json(sandbox.base_url + "/sandbox/info")))
        waiter.start()
        waiter.join(0.3)
        assert waiter.is_alive() and result == []  # held in the listen queue
        sandbox.start()
        waiter.join(10)
        assert result and result[0]["endpoint"] == sandbox.endpoint
    finally:
        sandbox.stop()


def test_made_before_start_it_serves_once_started():
    sandbox = LazySandbox()
    try:
        assert sandbox.info()["endpoint"] == sandbox.endpoint  # made here, not serving yet
        sandbox.start()
        assert get_json(sandbox.base_url + "/sandbox/info")["endpoint"] == sandbox.endpoint
    finally:
        sandbox.stop()


def test_stop_before_any_request_frees_the_port():
    sandbox = LazySandbox().start()
    port = sandbox.port
    sandbox.stop()
    again = LazySandbox(port)  # the same port binds again
    again.stop()


def test_idle_it_loads_no_emulator_module():
    """The point of it: an idle demo has not paid for http.server, email or OpenSSL hashing."""
    code = textwrap.dedent("""
        import sys, json
        from easyclick2call.sandbox.lazy import LazySandbox
        sandbox = LazySandbox().start()
        heavy = [m for m in ("http.server", "email", "hashlib", "easyclick2call.sandbox.server")
                 if m in sys.modules]
        import urllib.request
        urllib.request.urlopen(sandbox.base_url + "/sandbox/info", timeout=10).read()
        print(json.dumps([heavy, "easyclick2call.sandbox.server" in sys.modules]))
        sandbox.stop()
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    idle_heavy, made_after_request = json.loads(out)
    assert idle_heavy == []
    assert made_after_request
