"""`call --clipboard` pieces: the real X clipboard read through pyperclip with no GUI, the numbers
found in it, and the choice among several."""

import os
import subprocess
import sys

import pytest

from easyclick2call.commands.translation import translator_for
from easyclick2call.core.numbers import find_numbers
from easyclick2call.platform.clipboard_read import (
    choose_number,
    numbers_from_clipboard,
    read_clipboard_text,
)
from tests.e2e.support.actions import copy_to_clipboard

TEXT = "Rappeler Mme Durand au 01 99 00 12 34, sinon son bureau de Londres : +44 20 7946 0958."


def set_clipboard(text: str) -> None:
    """The clipboard set by another program (xclip), once that program owns it."""
    copy_to_clipboard(text)


def numbers(text=TEXT):
    return find_numbers(text, "FR", "fr")


class Console:
    """Scripted answers and the lines printed, as a terminal user sees them."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.prompts: list[str] = []
        self.lines: list[str] = []

    def input(self, prompt):
        self.prompts.append(prompt)
        if not self.answers:
            raise EOFError
        return self.answers.pop(0)

    def print(self, line):
        self.lines.append(line)


def test_reads_the_real_clipboard_without_starting_qt(desktop):
    set_clipboard(TEXT)
    assert read_clipboard_text() == TEXT
    code = (
        "import sys\n"
        "from easyclick2call.platform.clipboard_read import numbers_from_clipboard\n"
        "print([f.e164 for f in numbers_from_clipboard('FR')])\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.splitlines() == ["['+33199001234', '+442079460958']", "[]"]


def test_numbers_come_from_the_clipboard_in_order(desktop):
    set_clipboard(TEXT)
    found = numbers_from_clipboard("FR")
    assert [f.e164 for f in found] == ["+33199001234", "+442079460958"]


def test_empty_clipboard_gives_no_number(desktop):
    set_clipboard("   ")
    assert numbers_from_clipboard("FR") == []


def test_no_clipboard_tool_is_a_clear_message(tmp_path):
    """A machine without xclip/xsel/wl-clipboard: one sentence that says what to install."""
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    code = (
        "from easyclick2call.platform.clipboard_read import read_clipboard_text, "
        "ClipboardUnavailableError\n"
        "try:\n    read_clipboard_text()\n"
        "except ClipboardUnavailableError as exc:\n"
        "    print(exc)\n"
        "    from easyclick2call.commands.translation import translator_for\n"
        "    print(exc.text(translator_for('fr')))\n"
    )
    env = {**os.environ, "PATH": str(empty_bin)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "no clipboard tool was found" in result.stdout
    assert "xclip" in result.stdout
    assert "aucun outil de presse-papiers" in result.stdout
    assert "Traceback" not in result.stderr


def test_first_takes_the_first_number_without_asking():
    console = Console()
    chosen = choose_number(numbers(), first=True, input_fn=console.input,
                           output_fn=console.print)
    assert chosen.e164 == "+33199001234"
    assert console.prompts == []


def test_a_single_number_is_taken_without_asking():
    console = Console()
    chosen = choose_number(numbers("appelez le 01 99 00 12 34"), first=False,
                           input_fn=console.input, output_fn=console.print)
    assert chosen.e164 == "+33199001234"
    assert console.prompts == []


def test_several_numbers_show_a_numbered_menu_and_take_the_pick():
    console = Console("2")
    chosen = choose_number(numbers(), first=False, input_fn=console.input,
                           output_fn=console.print)
    assert chosen.e164 == "+442079460958"
    assert console.lines[1] == "  1) 01 99 00 12 34 (France)"
    assert console.lines[2] == "  2) +44 20 7946 0958 (London)"
    assert "[1-2, Enter = 1, q = cancel]" in console.prompts[0]


def test_enter_picks_the_first_and_a_wrong_answer_asks_again():
    console = Console("")
    assert choose_number(numbers(), False, console.input, console.print).e164 == "+33199001234"
    console = Console("7", "abc", "1")
    assert choose_number(numbers(), False, console.input, console.print).e164 == "+33199001234"
    assert console.lines.count("Please type a number from 1 to 2, or q to cancel.") == 2


def test_the_menu_speaks_french_when_asked():
    console = Console("x", "2")
    chosen = choose_number(numbers(), False, console.input, console.print,
                           translate=translator_for("fr"))
    assert chosen.e164 == "+442079460958"
    assert console.lines[0] == "Numéros trouvés dans le presse-papiers :"
    assert "[1-2, Entrée = 1, q = annuler]" in console.prompts[0]
    assert "Tapez un nombre de 1 à 2, ou q pour annuler." in console.lines


@pytest.mark.parametrize("answers", [("q",), ("Q",), ("annuler",), ()])
def test_cancel_or_end_of_input_calls_nobody(answers):
    console = Console(*answers)
    assert choose_number(numbers(), False, console.input, console.print) is None


def test_nothing_found_calls_nobody():
    assert choose_number([], first=True) is None


def test_one_allocator_arena_is_shared_by_every_thread_on_glibc() -> None:
    """In a process of its own: the setting is process-wide and must come before threads."""
    code = (
        "from easyclick2call.platform.clipboard import share_one_allocator_arena, "
        "release_freed_memory; print(share_one_allocator_arena()); release_freed_memory()"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout.split()
    assert out == ["True"]
