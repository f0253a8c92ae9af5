"""A global keyboard shortcut written as Qt's portable text ("Ctrl+Alt+K"), parsed without Qt.

The ``hotkey`` setting holds such a text; the per-OS back-ends (``platform/hotkey/``) turn the
parsed :class:`Shortcut` into their own key codes. Only keys every back-end knows are accepted,
and at least one of Ctrl, Alt or Meta is required: a global shortcut of a bare key would take
that key away from every program. Ctrl+Alt+F1–F12 are refused: on Linux the X server itself takes
them (text consoles). See docs/shortcut.md.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

# What the app offers out of the box: free on GNOME, KDE Plasma, Xfce, Cinnamon, MATE, Windows
# and macOS (their default shortcuts listed in docs/shortcut.md).
DEFAULT_HOTKEY = "Ctrl+Alt+K"

# Qt's portable modifier names, in Qt's order. "Meta" is the Windows/Super key (Control on
# macOS, where "Ctrl" is the Command key).
MODIFIERS = ("Meta", "Ctrl", "Alt", "Shift")
_NAMED_KEYS = ("Space", "Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDown", "Ins",
               "Del", "Pause", "Print")
KEYS = (*string.ascii_uppercase, *string.digits, *(f"F{n}" for n in range(1, 25)),
        *_NAMED_KEYS)
_KEY_BY_LOWER = {key.lower(): key for key in KEYS}
_CONSOLE_KEYS = frozenset(f"F{n}" for n in range(1, 13))  # with Ctrl+Alt: the X server's
_MODIFIER_ALIASES = {"ctrl": "Ctrl", "control": "Ctrl", "alt": "Alt", "shift": "Shift",
                     "meta": "Meta", "super": "Meta", "win": "Meta"}


@dataclass(frozen=True)
class Shortcut:
    """Modifiers (a subset of MODIFIERS) and one key of KEYS."""

    modifiers: frozenset[str]
    key: str

    def text(self) -> str:
        """The portable text, modifiers in Qt's order: "Ctrl+Alt+K"."""
        return "+".join([*(m for m in MODIFIERS if m in self.modifiers), self.key])


def parse_shortcut(text: str) -> Shortcut:
    """Parse "Ctrl+Alt+K" (case and spaces do not matter); ValueError with a sentence."""
    parts = [part.strip() for part in text.strip().split("+")]
    if not text.strip() or any(not part for part in parts):
        raise ValueError(f"hotkey must be written like {DEFAULT_HOTKEY} (got {text!r}).")
    *mods, key_name = parts
    modifiers = set()
    for name in mods:
        modifier = _MODIFIER_ALIASES.get(name.lower())
        if modifier is None:
            raise ValueError(f"hotkey: unknown modifier {name!r}; use Ctrl, Alt, Shift or Meta.")
        modifiers.add(modifier)
    key = _KEY_BY_LOWER.get(key_name.lower())
    if key is None:
        raise ValueError(f"hotkey: {key_name!r} cannot be a global shortcut's key; use a letter, "
                         f"a digit, F1–F24 or an arrow key.")
    if not modifiers & {"Ctrl", "Alt", "Meta"}:
        raise ValueError(f"hotkey needs Ctrl, Alt or Meta, or it would take {key} away from "
                         f"every program (got {text!r}).")
    if {"Ctrl", "Alt"} <= modifiers and key in _CONSOLE_KEYS:
        raise ValueError(f"hotkey: Ctrl+Alt+{key} switches to a text console on Linux; choose "
                         f"another shortcut (got {text!r}).")
    return Shortcut(frozenset(modifiers), key)


def validate_hotkey(value: object) -> None:
    """The settings validator: empty (off) or a shortcut parse_shortcut accepts."""
    if str(value).strip():
        parse_shortcut(str(value))
