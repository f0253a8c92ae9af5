"""Read the clipboard once, with no GUI, for ``easyclick2call call --clipboard``.

This is the fallback where the clipboard cannot be watched in the background (Wayland, see
:mod:`easyclick2call.platform.session`): the user binds the command to a keyboard shortcut, and it
reads the clipboard through pyperclip (xclip / xsel / wl-clipboard on Linux, native on Windows and
macOS), finds the numbers and offers them. The clipboard text is never logged nor kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from easyclick2call.core.i18n_marks import QT_TRANSLATE_NOOP, TranslatableError, Translate, english

if TYPE_CHECKING:
    from easyclick2call.core.numbers import FoundNumber

CONTEXT = "ClipboardRead"
NO_TOOL_MESSAGE = QT_TRANSLATE_NOOP(
    "ClipboardRead",
    "Cannot read the clipboard: no clipboard tool was found. On Linux install xclip or xsel "
    "(X11) or wl-clipboard (Wayland), e.g. “sudo apt install xclip”.")
NO_DISPLAY_MESSAGE = QT_TRANSLATE_NOOP(
    "ClipboardRead",
    "Cannot read the clipboard: no graphical session was found (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set), and the clipboard belongs to one. Run this from your desktop "
    "session, or give the number instead: easyclick2call call \"01 99 00 12 34\".")
FAILED_MESSAGE = QT_TRANSLATE_NOOP(
    "ClipboardRead", "Cannot read the clipboard ({name}): copy the number again and retry.")
# What a person may type to cancel the menu (English and French answers alike).
CANCEL_ANSWERS = ("q", "quit", "n", "no", "non", "a", "annuler")

# The numbered menu (translated with the command line's catalogue).
MENU_TITLE = QT_TRANSLATE_NOOP("ClipboardRead", "Numbers found on the clipboard:")
MENU_PROMPT = QT_TRANSLATE_NOOP(
    "ClipboardRead", "Which one do you want to call? [1-{count}, Enter = 1, q = cancel] ")
MENU_AGAIN = QT_TRANSLATE_NOOP(
    "ClipboardRead", "Please type a number from 1 to {count}, or q to cancel.")


class ClipboardUnavailableError(TranslatableError, RuntimeError):
    """The clipboard could not be read; the message says why and what to install."""

    context = CONTEXT


def read_clipboard_text() -> str:
    """The clipboard's text ("" when it holds no text). Raises ClipboardUnavailableError."""
    from easyclick2call.platform.session import UNKNOWN, detect_session

    if detect_session().kind == UNKNOWN:  # no X11/Wayland: the tools would only fail
        raise ClipboardUnavailableError(NO_DISPLAY_MESSAGE)
    import pyperclip

    try:
        text = pyperclip.paste()
    except pyperclip.PyperclipException as exc:
        raise ClipboardUnavailableError(NO_TOOL_MESSAGE) from exc
    except (OSError, UnicodeDecodeError) as exc:  # the tool ran but failed
        name = type(exc).__name__
        raise ClipboardUnavailableError(FAILED_MESSAGE, name=name) from exc
    return text if isinstance(text, str) else ""


def numbers_from_clipboard(
    region: str, language: str = "en", read: Callable[[], str] = read_clipboard_text
) -> list[FoundNumber]:
    """The phone numbers found in the clipboard's text (the order they appear in)."""
    from easyclick2call.core.numbers import find_numbers

    text = read()
    return find_numbers(text, region, language) if text.strip() else []


def describe(found: FoundNumber, user_region: str) -> str:
    """One menu line: the number as people write it, and where it is when known."""
    from easyclick2call.core.numbers import display_number

    shown = display_number(found, user_region)
    return f"{shown} ({found.description})" if found.description else shown


def choose_number(
    numbers: Sequence[FoundNumber],
    first: bool,
    input_fn: Callable[[str], str] = input,
    output_fn: Callable[[str], None] = print,
    *,
    user_region: str = "FR",
    translate: Translate = english,
) -> FoundNumber | None:
    """The number to call: the only one, the first with `first`, else the user's pick from a
    numbered menu (Enter = 1, q = cancel) said through `translate`. None when there is none or
    the user cancels."""
    if not numbers:
        return None
    if first or len(numbers) == 1:
        return numbers[0]
    output_fn(translate(CONTEXT, MENU_TITLE))
    for index, found in enumerate(numbers, start=1):
        output_fn(f"  {index}) {describe(found, user_region)}")
    prompt = translate(CONTEXT, MENU_PROMPT).format(count=len(numbers))
    while True:
        try:
            answer = input_fn(prompt).strip().lower()
        except (EOFError, KeyboardInterrupt):
            return None
        if answer == "":
            return numbers[0]
        if answer in CANCEL_ANSWERS:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(numbers):
            return numbers[int(answer) - 1]
        output_fn(translate(CONTEXT, MENU_AGAIN).format(count=len(numbers)))
