"""Smoke-test a frozen EasyClick2Call under the current X display (stdlib only).

    python packaging/linux/smoke_test.py dist/easyclick2call

1. ``--version`` prints the version; 2. ``--demo`` starts with its sandbox on a free port;
3. a number copied with xclip brings up the popup (found with ``xdotool search --name``);
4. Return on the popup places the call, seen in the sandbox's ``/sandbox/calls``.
Prints one line per step with its time, and exits non-zero on the first failure.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

NUMBER_TEXTS = ("appelez le 01 99 00 12 34", "Tél. : 01.99.00.12.34", "+33 1 99 00 12 34")
E164 = "+33199001234"
OVH = "0033199001234"


def step(message: str, started: float) -> None:
    print(f"smoke: {message} ({time.monotonic() - started:.2f} s)", flush=True)


def fail(message: str, log: Path | None = None) -> None:
    print(f"smoke: FAILED: {message}", flush=True)
    if log is not None and log.exists():
        print("---- app output (last 40 lines) ----")
        print("\n".join(log.read_text(errors="replace").splitlines()[-40:]))
    sys.exit(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_json(url: str) -> object | None:
    try:
        with urllib.request.urlopen(url, timeout=1) as answer:
            return json.loads(answer.read() or b"null")
    except OSError:
        return None


def wait_for(predicate, timeout: float, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return None


def xdotool(*args: str) -> str:
    result = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=10,
                            check=False)
    return result.stdout.strip()


def copy(text: str) -> None:
    subprocess.run(["xclip", "-selection", "clipboard", "-i"], input=text.encode(), check=True,
                   timeout=10, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main(binary: str) -> int:
    started = time.monotonic()
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60,
                             check=False)
    if version.returncode != 0 or "EasyClick2Call" not in version.stdout:
        fail(f"--version gave {version.returncode}: {version.stdout!r} {version.stderr!r}")
    step(f"--version → {version.stdout.strip()}", started)

    port = free_port()
    work = Path(tempfile.mkdtemp(prefix="ec2c-smoke-"))
    log = work / "app.log"
    profile = work / "profile"
    profile.mkdir()
    # A French user's default country (the numbers below are written the French way); without
    # it the country comes from the locale, and C.UTF-8 means "US".
    (profile / "settings.ini").write_text("[General]\nregion=FR\n", encoding="utf-8")
    copy("nothing to call here")  # start-up content is ignored anyway
    with log.open("wb") as output:
        app = subprocess.Popen(
            [binary, "--demo", "--sandbox-port", str(port), "--profile", str(profile)],
            stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}/sandbox"
        if not wait_for(lambda: http_json(f"{base}/info"), 60):
            fail("the demo sandbox never answered", log)
        step(f"--demo started, sandbox on port {port}", started)

        popup = ""
        for attempt, text in enumerate(NUMBER_TEXTS * 3):
            copy(text)
            # xdotool --name takes a regex: the + of the E.164 number is escaped.
            popup = wait_for(
                lambda: xdotool("search", "--onlyvisible", "--name", re.escape(E164)), 3)
            if popup:
                break
            copy(f"neutral text {attempt}")
        if not popup:
            fail(f"no popup titled …{E164}… after copying the number", log)
        window = popup.split()[0]
        step(f"copy → popup (window {window}: {xdotool('getwindowname', window)!r})", started)

        # No --sync: it waits for the pointer to move, forever if it is already there.
        xdotool("mousemove", "--window", window, "4", "4", "click", "1")
        xdotool("key", "Return")
        calls = wait_for(lambda: http_json(f"{base}/calls"), 15)
        if not calls or calls[-1].get("called_number") != OVH:
            fail(f"no call to {OVH} in /sandbox/calls (got {calls!r})", log)
        step(f"Return → call placed: {calls[-1]['called_number']} on line {calls[-1]['line']}",
             started)
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGTERM)
            try:
                app.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(app.pid, signal.SIGKILL)
                app.wait(5)
    output = log.read_text(errors="replace")
    if "Traceback" in output:
        fail("the app printed a traceback", log)
    step(f"quit cleanly (exit {app.returncode})", started)
    print("smoke: OK")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
