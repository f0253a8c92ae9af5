"""Benchmark: RSS growth of the tray app's detection path over thousands of copies.

Run: .venv/bin/python benchmarks/bench_uptime_memory.py [--copies N] [--default-arenas]

Drives the real ClipboardWatcher (offscreen Qt platform) as the app does: one allocator arena
(platform.clipboard.share_one_allocator_arena, unless --default-arenas), the engine warmed up,
then every copy handed to ``scan`` (small ones inline, others on the task pool's worker
threads, big ones followed by malloc_trim) and its ``checked`` signal awaited. Texts have mixed
sizes, most of them small, up to 1 MB, each with a different number in it. Prints the RSS after
warm-up (the first 200 copies), every 1,000 copies and at the end; the target is a growth of at
most 5 MB over 10,000 copies. Not the X11 reading itself: xclip would make 10,000 copies last
an hour; tests/unit/test_x11_selection.py covers that reader.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_numbers import KB, MB, realistic

WARM_UP_COPIES = 200
SIZES = [(0.6, 40, KB), (0.3, KB, 8 * KB), (0.09, 8 * KB, 100 * KB), (0.01, 100 * KB, MB)]
NUMBERS = [
    "+33 1 {:02d} {:02d} {:02d} {:02d}", "06 {:02d} {:02d} {:02d} {:02d}",
    "+49 30 {:02d}{:02d}{:02d}{:02d}", "+44 20 79{:02d} {:02d}{:02d}",
    "+1 212 5{:02d} {:02d}{:02d}", "+39 02 {:02d}{:02d} {:02d}{:02d}",
]  # fmt: skip


def rss_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB


class Copies:
    """Texts of mixed sizes, each a new string with its own number."""

    def __init__(self, seed: int = 3) -> None:
        self._rng = random.Random(seed)
        self._bodies = [realistic(MB, seed=index) for index in range(3)]

    def next(self) -> str:
        rng = self._rng
        pick = rng.random()
        low, high = SIZES[-1][1:]
        for share, low_size, high_size in SIZES:
            if pick < share:
                low, high = low_size, high_size
                break
            pick -= share
        size = rng.randrange(low, high)
        body = rng.choice(self._bodies)
        start = rng.randrange(0, len(body) - size)
        number = rng.choice(NUMBERS).format(*(rng.randrange(100) for _ in range(4)))
        return f"Rappelez-moi au {number} svp\n{body[start : start + size]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10_000)
    parser.add_argument("--default-arenas", action="store_true",
                        help="keep glibc's per-thread arenas (the behaviour before the fix)")
    arguments = parser.parse_args()

    from easyclick2call.platform.clipboard import share_one_allocator_arena

    if not arguments.default_arenas:
        share_one_allocator_arena()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    from easyclick2call.ui.clipboard_watcher import ClipboardWatcher

    app = QGuiApplication([])
    watcher = ClipboardWatcher(region=lambda: "FR")
    watcher._running = True  # scan() without watching the clipboard itself
    loop = QEventLoop()
    watcher.checked.connect(lambda _sequence: loop.quit())
    copies = Copies()

    def copy_once() -> None:
        text = copies.next()
        QTimer.singleShot(0, lambda: watcher.scan(text))
        loop.exec()

    watcher.warm_up()
    for _ in range(WARM_UP_COPIES):
        copy_once()
    gc.collect()
    base = rss_mib()
    print(f"RSS after warm-up ({WARM_UP_COPIES} copies): {base:.1f} MiB")
    for index in range(1, arguments.copies + 1):
        copy_once()
        if index % 1000 == 0 or index == arguments.copies:
            gc.collect()
            print(f"  after {index:6d} copies: {rss_mib():6.1f} MiB ({rss_mib() - base:+.1f})",
                  flush=True)
    growth = rss_mib() - base
    verdict = "OK" if growth <= 5 else "over"
    print(f"growth over {arguments.copies} copies: {growth:+.1f} MiB (target ≤ 5 MiB: {verdict})")
    del app


if __name__ == "__main__":
    main()
