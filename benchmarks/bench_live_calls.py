"""Live calls in the real demo app, measured from outside (issue 13's targets).

    .venv/bin/python benchmarks/bench_live_calls.py [--toasts 20] [--events 1000]

Starts its own Xvfb + dbus + gnome-keyring + trayer (tests/harness/desktop.py) when DISPLAY is
unset, then `python -m easyclick2call --demo`, and waits until the app holds a poll on the
sandbox's stream. It measures:

- event accepted by the sandbox → incoming-call toast visible: from just before the POST of a
  `start_ringing` to /sandbox/events to the MapNotify of the app's window titled "Incoming call"
  (X events read in this process, stamped with the same clock); the median of `--toasts`
  calls, each answered and hung up afterwards (the toast closes);
- idle with the stream open: the app's context switches (every thread, /proc/PID/task/*/status)
  over 10 s while the sandbox holds its poll (hold time set to 60 s): wake-ups between answers.
  Measured once the app's first contacts sync (10 s after start, when the user is quiet) has
  written "Call records synced" to its log: that one-off sync is not idling;
- RSS growth over `--events` events (VmRSS before and after; calls made from the desk phone,
  4 events each, recorded in the history), after the history has all of them.

Prints the figures and PASS/FAIL against the targets (median ≤ 100 ms, 0 wake-ups, ≤ 5 MB).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_app import context_switches, rss_kib, stop  # noqa: E402
from easyclick2call.core.history import History  # noqa: E402
from tests.e2e.support.actions import _http, poll, sandbox_info  # noqa: E402
from tests.e2e.support.app import app_command, free_port, seed_profile  # noqa: E402
from tests.e2e.support.live import (  # noqa: E402
    events_status,
    inject_events,
    line_event,
    wait_following,
)
from tests.e2e.support.x11 import Display  # noqa: E402
from tests.harness.desktop import desktop_unless_present, tray_owner  # noqa: E402

CALLER = "0033612345678"
LINE = "0033199000001"


def toast_latency(display: Display, port: int, pid: int, call_id: str,
                  timeout: float = 10) -> float:
    """ms from the POST of start_ringing to the incoming toast being mapped; then the call is
    answered and hung up, and the toast gone."""
    display.drain()
    started = time.monotonic()
    inject_events(port, [line_event("start_ringing", call_id, CALLER)])
    deadline = started + timeout
    latency = None
    while time.monotonic() < deadline:
        event = display.next_event(deadline)
        if event is None:
            break
        if event.kind == "map" and display.pid(event.window) == pid \
                and "Incoming call" in display.title(event.window):
            latency = (event.at - started) * 1000
            break
    inject_events(port, [line_event("start_calling", call_id, CALLER),
                         line_event("end_calling", call_id, CALLER)])
    if latency is None:
        raise RuntimeError("no incoming-call toast")
    with Display() as watcher:
        poll(lambda: not watcher.visible_windows_titled("Incoming call", pid), 10,
             "the toast to close")
    return latency


def desk_calls(port: int, count: int) -> None:
    """`count` calls placed from the desk phone (4 events each), sent 50 events at a time."""
    batch: list[dict] = []
    for index in range(count):
        call_id = f"desk-{index}"
        data = {"CallId": call_id, "Calling": LINE, "Called": f"00336{index:08d}"}
        for name in ("start_ringing", "end_ringing", "start_calling", "end_calling"):
            batch.append({"Event": name, "Ressource": LINE, "Data": dict(data)})
        if len(batch) >= 50:
            inject_events(port, batch)
            batch = []
    if batch:
        inject_events(port, batch)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--toasts", type=int, default=20)
    parser.add_argument("--events", type=int, default=1000)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="ec2c-bench-live-"))
    session = desktop_unless_present(workdir / "home")
    if session is None and not tray_owner():
        raise SystemExit("DISPLAY is set but no system tray runs there; unset DISPLAY.")
    port = free_port()
    profile = seed_profile(workdir / "profile")
    log = workdir / "app.log"
    proc = subprocess.Popen(app_command(profile, port=port), stdout=log.open("ab"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        poll(lambda: sandbox_info(port, timeout=0.5), 60, "the app's sandbox", interval=0.05)
        wait_following(port, 60)
        with Display() as display:
            display.watch(clipboard=False)
            latencies = [toast_latency(display, port, proc.pid, f"bench-{n}")
                         for n in range(args.toasts)]
        median = statistics.median(latencies)

        app_log = profile / "logs" / "easyclick2call.log"
        poll(lambda: app_log.exists() and "Call records synced" in app_log.read_text("utf-8"),
             60, "the app's first contacts sync", interval=0.2)
        _http("POST", f"http://127.0.0.1:{port}/sandbox/events", {"hold_s": 60})
        wait_following(port)  # the poll held with the old hold time answers, then a new one
        before_poll = events_status(port)
        time.sleep(1)  # let the answer of the previous poll settle (measurement, not sync)
        switches = context_switches(proc.pid)
        time.sleep(10)
        after = context_switches(proc.pid)
        woke = {name: after[name] - count for name, count in switches.items()
                if name in after and after[name] != count}
        idle_wakeups = sum(woke.values())
        still_held = events_status(port)["held_polls"] > 0 and before_poll["held_polls"] > 0

        history = History(profile / "history.sqlite3")
        calls_before = len(history.all())
        rss_before = rss_kib(proc.pid)
        calls = args.events // 4
        desk_calls(port, calls)
        poll(lambda: len(history.all()) >= calls_before + calls, 120,
             "every desk call in the history", interval=0.2)
        time.sleep(1)  # GC and the last repaint (measurement, not sync)
        rss_after = rss_kib(proc.pid)
        growth_mb = (rss_after - rss_before) / 1024
    finally:
        stop(proc)
        if session is not None:
            session.stop()

    print(f"event → incoming toast visible: median {median:.1f} ms "
          f"(min {min(latencies):.1f}, max {max(latencies):.1f}, n={len(latencies)}) "
          f"{'PASS' if median <= 100 else 'FAIL'} (≤ 100 ms)")
    held = "" if still_held else " (poll not held)"
    print(f"idle 10 s with a poll held: {idle_wakeups} wake-ups {woke or ''} "
          f"{'PASS' if idle_wakeups == 0 else 'FAIL'} (0){held}")
    print(f"RSS over {calls * 4} events: {rss_before / 1024:.1f} → {rss_after / 1024:.1f} MB, "
          f"+{growth_mb:.2f} MB {'PASS' if growth_mb <= 5 else 'FAIL'} (≤ 5 MB)")
    print(f"(log in {log})")
    return 0 if median <= 100 and idle_wakeups == 0 and growth_mb <= 5 else 1


if __name__ == "__main__":
    sys.exit(main())
