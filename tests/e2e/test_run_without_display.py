"""`bash scripts/run.sh` where there is no display (over SSH, a text console): one sentence that
says so and exit code 2, before Qt is loaded (Qt would abort blaming a library instead)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_run_script_without_a_display_says_so_and_exits_2(tmp_path: Path) -> None:
    env = {name: value for name, value in os.environ.items()
           if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(LANG="C.UTF-8", LANGUAGE="en", XDG_SESSION_TYPE="tty")
    started = time.monotonic()
    done = subprocess.run(
        ["bash", str(REPO / "scripts" / "run.sh"), "--profile", str(tmp_path / "profile")],
        env=env, capture_output=True, text=True, timeout=120, check=False)
    elapsed = time.monotonic() - started
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "EasyClick2Call is a desktop app and no graphical display was found (neither DISPLAY "
        "nor WAYLAND_DISPLAY is set): start it from your desktop session, or use its command "
        "line without one (easyclick2call --help)."]
    assert elapsed < 60
    assert not (tmp_path / "profile").exists()  # nothing was started, nothing written


def test_the_sentence_follows_the_language(tmp_path: Path) -> None:
    env = {name: value for name, value in os.environ.items()
           if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "easyclick2call", "--lang", "fr"],
        env={**env, "XDG_SESSION_TYPE": "tty"}, capture_output=True, text=True, timeout=60,
        check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("EasyClick2Call est une application de bureau")
