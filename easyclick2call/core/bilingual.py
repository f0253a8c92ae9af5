"""An error whose message exists in English and French, for one-line reports to the user."""

from __future__ import annotations


class BilingualError(Exception):
    """`message` (English) and `message_fr`; `message_in(language)` picks one."""

    def __init__(self, message: str, message_fr: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.message_fr = message_fr or message

    def message_in(self, language: str) -> str:
        return self.message_fr if language.lower().startswith("fr") else self.message
