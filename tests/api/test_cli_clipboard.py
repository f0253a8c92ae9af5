"""`easyclick2call call --clipboard`: the number is read from the real X clipboard (set by xclip
from another process), with no GUI started, and the call lands in the sandbox."""

from __future__ import annotations

import subprocess

from tests.api.test_cli_api import NUMBER_OVH, one_line, run, sandbox_env
from tests.api.test_client import placed_calls


def set_clipboard(text: str) -> None:
    subprocess.run(["xclip", "-selection", "clipboard"], input=text.encode(), check=True,
                   timeout=10)


def test_call_clipboard_first_calls_the_first_number(desktop, sandbox) -> None:
    set_clipboard("Standard : 01 99 00 12 34 — ligne directe 01 99 00 56 78")
    done = run(["call", "--clipboard", "--first", "--region", "FR"], sandbox_env(sandbox))
    assert done.returncode == 0, done.stderr
    assert "01 99 00 12 34" in one_line(done.stdout)
    [call] = placed_calls(sandbox)
    assert call["called_number"] == NUMBER_OVH


def test_call_clipboard_without_a_number_exits_3_with_one_line(desktop, sandbox) -> None:
    set_clipboard("Rendez-vous le 12/03/2026 à 14h30, facture INV-2125550123.")
    done = run(["call", "--clipboard", "--region", "FR"], sandbox_env(sandbox))
    assert done.returncode == 3
    assert "No callable phone number on the clipboard" in one_line(done.stderr)
    assert "Traceback" not in done.stderr
    assert placed_calls(sandbox) == []


def test_call_needs_a_number_or_clipboard_but_not_both(sandbox) -> None:
    done = run(["call", "01 99 00 12 34", "--clipboard"], sandbox_env(sandbox))
    assert done.returncode == 2
    assert "--clipboard" in one_line(done.stderr)


def test_no_clipboard_tool_is_said_in_the_users_language(tmp_path, sandbox) -> None:
    env = sandbox_env(sandbox, PATH=str(tmp_path), LANGUAGE="fr",  # no xclip, xsel, wl-paste
                      DISPLAY=":0", WAYLAND_DISPLAY=None)
    done = run(["call", "--clipboard", "--region", "FR"], env)
    assert done.returncode == 2
    assert "aucun outil de presse-papiers" in one_line(done.stderr)
    assert placed_calls(sandbox) == []


def test_without_a_display_the_clipboard_is_said_to_need_one_not_a_tool(sandbox) -> None:
    """Over SSH xclip and xsel are installed; what is missing is the desktop session."""
    env = sandbox_env(sandbox, DISPLAY=None, WAYLAND_DISPLAY=None, XDG_SESSION_TYPE="tty")
    done = run(["call", "--clipboard", "--region", "FR"], env)
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert "no graphical session was found" in line
    assert 'easyclick2call call "01 99 00 12 34"' in line
    assert "xclip" not in line and "install" not in line
    assert placed_calls(sandbox) == []
