"""The global shortcut of the REAL app (its default, Ctrl+Alt+K), pressed with xdotool while
another program has the focus: a number in the primary selection → the popup; the shortcut
again → exactly one call in the sandbox; Up/Down choose among several numbers; the program in
front receives none of these keys."""

from __future__ import annotations

import subprocess
import sys

from tests.e2e.support.actions import (
    focused_window,
    sandbox_calls,
    select_text,
    wait_for_calls,
    wait_for_window,
    wait_until_gone,
    xdotool,
)
from tests.e2e.support.key_witness import KeyWitness


def test_shortcut_offers_the_selection_then_calls_it_once(app, tmp_path):
    with KeyWitness(tmp_path) as witness:
        select_text("rappeler M. Martin au 01 99 00 12 34 demain")
        xdotool("key", "ctrl+alt+k")
        popup = wait_for_window("Call +33199001234?", pid=app.pid)
        assert focused_window() == witness.window  # the popup took no focus
        xdotool("key", "ctrl+alt+k")
        calls = wait_for_calls(app.port, 1)
        wait_until_gone(popup)
        xdotool("key", "ctrl+alt+k")  # once more: a new offer, no call
        wait_for_window("Call +33199001234?", pid=app.pid)
        received = witness.received_up_to("x")
    assert [c["called_number"] for c in calls] == ["0033199001234"]
    assert "k" not in received, received  # the shortcut never reached the program in front
    assert len(sandbox_calls(app.port)) == 1


def test_up_down_choose_among_three_numbers(app, tmp_path):
    with KeyWitness(tmp_path) as witness:
        select_text("standard 01 99 00 12 34, Lyon 04 72 00 00 01, Bordeaux 05 56 00 00 02")
        xdotool("key", "ctrl+alt+k")
        popup = wait_for_window("+33556000002", pid=app.pid)
        xdotool("key", "Down", "Down", "Down", "Up")  # round to the first, back to the third
        xdotool("key", "ctrl+alt+k")
        calls = wait_for_calls(app.port, 1)
        # The app gives Up/Down back as the popup hides (before its window is unmapped).
        wait_until_gone(popup)
        xdotool("key", "Down")  # the focused program's again
        received = witness.received_up_to("x")
    assert [c["called_number"] for c in calls] == ["0033556000002"]
    assert received.count("Down") == 1 and "Up" not in received and "k" not in received
    assert len(sandbox_calls(app.port)) == 1


def test_a_hotkey_set_with_config_set_works_in_the_demo(start_app, tmp_path):
    profile = tmp_path / "configured"
    subprocess.run([sys.executable, "-m", "easyclick2call", "config", "set", "hotkey",
                    "Meta+Shift+F9", "--profile", str(profile)], check=True, timeout=60,
                   capture_output=True)
    app = start_app(profile=profile)
    with KeyWitness(tmp_path) as witness:
        select_text("01 99 00 12 34")
        xdotool("key", "ctrl+alt+k")  # the default is not held: it reaches the witness
        xdotool("key", "super+shift+F9")
        popup = wait_for_window("Call +33199001234?", pid=app.pid)
        received = witness.received_up_to("x")
    assert "k" in received and "F9" not in received
    assert popup and sandbox_calls(app.port) == []
