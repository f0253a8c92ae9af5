"""Background work waits while the user copies (ui.quiet), but never forever."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from easyclick2call.ui.quiet import QuietTime


def test_work_asked_for_while_nothing_happens_runs_after_one_quiet_period(qtbot) -> None:
    quiet = QuietTime(quiet_ms=300)
    ran: list[float] = []
    asked = time.monotonic()
    quiet.when_quiet(lambda: ran.append(time.monotonic()))
    qtbot.waitUntil(lambda: bool(ran), timeout=5000)
    assert ran[0] - asked >= 0.3  # the user may have been about to copy: it waited to see


def test_work_waits_until_the_copies_stop_then_runs_once(qtbot) -> None:
    quiet = QuietTime(quiet_ms=200, max_wait_ms=60_000)
    ran: list[float] = []
    busy_at: list[float] = []

    def copy() -> None:  # a copy every 50 ms, ten of them
        busy_at.append(time.monotonic())
        quiet.busy()

    copies = QTimer()
    copies.setInterval(50)
    copies.timeout.connect(lambda: copy() if len(busy_at) < 10 else copies.stop())
    copy()
    quiet.when_quiet(lambda: ran.append(time.monotonic()))
    copies.start()
    qtbot.waitUntil(lambda: bool(ran), timeout=10_000)
    assert len(busy_at) == 10  # not before the last copy …
    assert ran[0] >= busy_at[-1] + 0.2  # … and only once 200 ms passed without one
    qtbot.waitUntil(lambda: not quiet._timer.isActive(), timeout=5000)
    assert len(ran) == 1


def test_work_runs_by_its_deadline_even_when_the_clipboard_never_rests(qtbot) -> None:
    quiet = QuietTime(quiet_ms=200, max_wait_ms=400)
    ran: list[float] = []
    copies = QTimer()
    copies.setInterval(20)
    copies.timeout.connect(quiet.busy)
    quiet.busy()
    copies.start()
    asked = time.monotonic()
    quiet.when_quiet(lambda: ran.append(time.monotonic()))
    try:
        qtbot.waitUntil(lambda: bool(ran), timeout=10_000)
    finally:
        copies.stop()
    assert ran[0] - asked >= 0.4


def test_each_piece_of_work_runs_once_in_the_order_asked(qtbot) -> None:
    quiet = QuietTime(quiet_ms=100)
    ran: list[str] = []
    quiet.busy()
    for name in ("calls", "stream", "sync"):
        quiet.when_quiet(lambda name=name: ran.append(name))
    qtbot.waitUntil(lambda: len(ran) == 3, timeout=5000)
    quiet.busy()
    qtbot.waitUntil(lambda: not quiet._timer.isActive(), timeout=5000)
    assert ran == ["calls", "stream", "sync"]
