"""Translatable text in the Qt-free layers: marked for extraction, translated by the caller.

Modules under core/, ovhapi/ and platform/ write English only. A message is marked with
``QT_TRANSLATE_NOOP("Context", "English text with {named} placeholders")``, which returns the
text unchanged and lets pyside6-lupdate file it under that context in
resources/translations/easyclick2call_fr.ts (see docs/translations.md). Whoever shows the message
translates the template through the catalogue — the app with QCoreApplication.translate
(:func:`easyclick2call.ui.i18n.translate`), the command line with the same compiled catalogue
(:func:`easyclick2call.commands.translation.cli_translate`) — then fills in the values.
"""

from __future__ import annotations

from collections.abc import Callable

# (context, English template) -> the template in the reader's language.
Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for the catalogue under `context`; returns it unchanged."""
    return text


def english(context: str, text: str) -> str:
    """The identity :data:`Translate`: the English source text."""
    return text


class TranslatableError(Exception):
    """An error said in sentences: English templates of one context plus their values.

    ``str(error)`` is the English text; :meth:`text` gives it through any :data:`Translate`.
    """

    context = ""

    def __init__(self, *templates: str, **values: object) -> None:
        self.templates = tuple(t for t in templates if t)
        self.values = values
        super().__init__(self.text())

    @property
    def message(self) -> str:
        """The first sentence, in English."""
        return self.templates[0].format(**self.values) if self.templates else ""

    def text(self, translate: Translate = english) -> str:
        """Every sentence, translated, then with its values filled in."""
        return " ".join(translate(self.context, t).format(**self.values) for t in self.templates)
