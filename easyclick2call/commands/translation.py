"""The command line's French: the app's own compiled catalogue, read without a Qt application.

:func:`cli_translate` has the signature of :data:`core.i18n_marks.Translate`. In English it
returns the source text and never imports Qt; in French it loads
resources/translations/easyclick2call_fr.qm once into a standalone QTranslator (QtCore only).
"""

from __future__ import annotations

from functools import cache

from easyclick2call.commands.language import cli_language
from easyclick2call.core.i18n_marks import Translate, english
from easyclick2call.resources import resource_path


@cache
def translator_for(language: str) -> Translate:
    """The :data:`Translate` of `language` ("en" or "fr"): English when the catalogue is
    missing (a broken install says English rather than nothing)."""
    if not language.lower().startswith("fr"):
        return english
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(resource_path("translations", "easyclick2call_fr.qm"))):
        return english

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    return translate


def translate(context: str, text: str) -> str:
    """`text` in the language of the command line (:func:`cli_language`).

    Called as ``translate("Cli", "English text")`` with literals, lupdate files the string
    under that context."""
    return translator_for(cli_language())(context, text)


cli_translate = translate


def cli_text(error: BaseException) -> str:
    """An error's sentence at a terminal, in the command line's language."""
    text = getattr(error, "text", None)
    return str(text(cli_translate)) if callable(text) else str(error)
