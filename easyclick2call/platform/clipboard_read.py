"""Read the clipboard once, with no GUI, for ``easyclick2call call --clipboard``.

This is the fallback where the clipboard cannot be watched in the background (Wayland, see
:mod:`easyclick2call.platform.session`): the user binds the command to a keyboard shortcut, and it
reads the clipboard through pyperclip (xclip / xsel / wl-clipboard on Linux, native on Windows and
macOS), finds the numbers and offers them. The clipboard text is never logged nor kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from easyclick2call.core.bilingual import BilingualError

if TYPE_CHECKING:
    from easyclick2call.core.numbers import FoundNumber

NO_TOOL_MESSAGE = (
    "Cannot read the clipboard: no clipboard tool was found. On Linux install xclip or xsel "
    "(X11) or wl-clipboard (Wayland), e.g. “sudo apt install xclip”."
)
NO_TOOL_MESSAGE_FR = (
    "Impossible de lire le presse-papiers : aucun outil de presse-papiers n'a été trouvé. Sous "
    "Linux, installez xclip ou xsel (X11) ou wl-clipboard (Wayland), par exemple « sudo apt "
    "install xclip »."
)
NO_DISPLAY_MESSAGE = (
    "Cannot read the clipboard: no graphical session was found (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set), and the clipboard belongs to one. Run this from your desktop "
    "session, or give the number instead: easyclick2call call \"01 99 00 12 34\"."
)
NO_DISPLAY_MESSAGE_FR = (
    "Impossible de lire le presse-papiers : aucune session graphique n'a été trouvée (ni DISPLAY "
    "ni WAYLAND_DISPLAY n'est défini), et le presse-papiers appartient à une telle session. "
    "Lancez ceci depuis votre session de bureau, ou donnez plutôt le numéro : easyclick2call "
    "call \"01 99 00 12 34\"."
)
CANCEL_ANSWERS = ("q", "quit", "n", "no", "non", "a", "annuler")

# The numbered menu, in English and French (the CLI's language).
_MENU = {
    "en": {
        "title": "Numbers found on the clipboard:",
        "prompt": "Which one do you want to call? [1-{count}, Enter = 1, q = cancel] ",
        "again": "Please type a number from 1 to {count}, or q to cancel.",
    },
    "fr": {
        "title": "Numéros trouvés dans le presse-papiers :",
        "prompt": "Lequel voulez-vous appeler ? [1-{count}, Entrée = 1, q = annuler] ",
        "again": "Tapez un nombre de 1 à {count}, ou q pour annuler.",
    },
}


class ClipboardUnavailableError(BilingualError, RuntimeError):
    """The clipboard could not be read; the message says why and what to install."""


def read_clipboard_text() -> str:
    """The clipboard's text ("" when it holds no text). Raises ClipboardUnavailableError."""
    from easyclick2call.platform.session import UNKNOWN, detect_session

    if detect_session().kind == UNKNOWN:  # no X11/Wayland: the tools would only fail
        raise ClipboardUnavailableError(NO_DISPLAY_MESSAGE, NO_DISPLAY_MESSAGE_FR)
    import pyperclip

    try:
        text = pyperclip.paste()
    except pyperclip.PyperclipException as exc:
        raise ClipboardUnavailableError(NO_TOOL_MESSAGE, NO_TOOL_MESSAGE_FR) from exc
    except (OSError, UnicodeDecodeError) as exc:  # the tool ran but failed
        name = type(exc).__name__
        raise ClipboardUnavailableError(
            f"Cannot read the clipboard ({name}): copy the number again and retry.",
            f"Impossible de lire le presse-papiers ({name}) : copiez à nouveau le numéro et "
            "réessayez.",
        ) from exc
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
    language: str = "en",
) -> FoundNumber | None:
    """The number to call: the only one, the first with `first`, else the user's pick from a
    numbered menu (Enter = 1, q = cancel) in `language`. None when there is none or the user
    cancels."""
    if not numbers:
        return None
    if first or len(numbers) == 1:
        return numbers[0]
    menu = _MENU["fr" if language.lower().startswith("fr") else "en"]
    output_fn(menu["title"])
    for index, found in enumerate(numbers, start=1):
        output_fn(f"  {index}) {describe(found, user_region)}")
    prompt = menu["prompt"].format(count=len(numbers))
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
        output_fn(menu["again"].format(count=len(numbers)))
