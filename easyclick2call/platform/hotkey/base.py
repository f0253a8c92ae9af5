"""What every global-shortcut back-end shares: the press names, the problems, the interface."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Protocol

from easyclick2call.core.shortcut import Shortcut

SHORTCUT = "shortcut"
UP = "up"
DOWN = "down"
UNAVAILABLE = "unavailable"  # (Wayland) found out after the start: no global shortcut here

OnPress = Callable[[str], None]


class Problem(enum.Enum):
    """Why a shortcut cannot be had (the UI says it in words)."""

    TAKEN = "taken"  # another program holds it
    NO_KEY = "no-key"  # the keyboard has no such key
    UNAVAILABLE = "unavailable"  # this session offers no global shortcut (Wayland for now)


class HotkeyBackend(Protocol):
    """What every back-end offers (used from the GUI thread)."""

    def set_shortcut(self, shortcut: Shortcut | None) -> Problem | None:
        """Hold `shortcut` instead of the one held before (None: hold none)."""

    def set_arrows(self, enabled: bool) -> None:
        """Hold Up and Down too (while the popup is shown), or give them back."""

    def close(self) -> None:
        """Give everything back; no press is reported after this."""
