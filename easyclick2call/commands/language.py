"""The language of the command line's messages (English or French), from the environment."""

from __future__ import annotations

import os


def cli_language() -> str:
    """"fr" when LANGUAGE (first entry), LC_ALL, LC_MESSAGES or LANG says French, else "en"."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            return "fr" if value.split(":")[0].lower().startswith("fr") else "en"
    return "en"
