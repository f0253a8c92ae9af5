"""The app's language: English source strings, a French catalogue, chosen at start-up.

The `language` setting ("system", "en" or "fr") picks the catalogue; "system" follows QLocale.
:func:`install_translator` loads ``resources/translations/easyclick2call_fr.qm`` (and Qt's own
``qtbase_fr.qm`` for standard buttons) into the QApplication. Messages that come from the Qt-free
layers — ApiError kinds (:mod:`easyclick2call.ovhapi.errors`), SecretsError messages
(:mod:`easyclick2call.core.secrets`) and the settings' labels (:mod:`easyclick2call.core.settings`)
— go through the same catalogue: ``catalogue_extra.py`` lists them for lupdate (it is generated
by ``scripts/i18n.sh`` from those tables) and :func:`tr_error` / :func:`tr_setting` look them up.

Run ``python -m easyclick2call.ui.i18n catalogue`` to print catalogue_extra.py, and
``python -m easyclick2call.ui.i18n fill-ts FILE.ts`` to copy the tables' own French into a .ts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from easyclick2call.resources import resource_path

if TYPE_CHECKING:
    import ast

# The catalogue tooling below (ast, inspect, json) is imported inside its functions: the app
# itself only needs install_translator() and the tr_* helpers at start-up.

LANGUAGES = ("en", "fr")
SOURCE_LANGUAGE = "en"
CATALOGUE_NAME = "easyclick2call"
API_ERROR_CONTEXT = "ApiError"
SECRETS_ERROR_CONTEXT = "SecretsError"
SETTINGS_CONTEXT = "Settings"
SESSION_CONTEXT = "Session"

_state: dict[str, object] = {"language": SOURCE_LANGUAGE, "translators": []}


def system_language(locale: QLocale | None = None) -> str:
    """ "fr" when the system's UI languages put French before English, else "en"."""
    locale = locale if locale is not None else QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def resolve_language(setting: str = "system", locale: QLocale | None = None) -> str:
    """The catalogue to use: the setting when it names one, else the system's language."""
    setting = (setting or "system").strip().lower()
    if setting in LANGUAGES:
        return setting
    return system_language(locale)


def catalogue_path(language: str) -> Path:
    """The compiled catalogue of `language` (resources/translations/easyclick2call_LANG.qm)."""
    return resource_path("translations", f"{CATALOGUE_NAME}_{language}.qm")


def install_translator(app: QCoreApplication, setting: str = "system") -> str:
    """Load the catalogue for the `language` setting into `app`; returns the language in use.

    Calling it again replaces the previous catalogue (windows built afterwards use the new one).
    """
    translators: list[QTranslator] = _state["translators"]  # type: ignore[assignment]
    for translator in translators:
        app.removeTranslator(translator)
    translators.clear()
    language = resolve_language(setting)
    if language != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(str(catalogue_path(language))):
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = QTranslator(app)
            if qtbase.load(f"qtbase_{language}", qt_dir):
                translators.append(qtbase)
            translators.append(ours)
            for translator in translators:
                app.installTranslator(translator)
        else:
            language = SOURCE_LANGUAGE  # a broken install: English rather than half-translated
    _state["language"] = language
    system = QLocale.system()
    if language == system_language(system):
        QLocale.setDefault(system)  # dates and numbers as the user's system writes them
    else:
        QLocale.setDefault(QLocale(QLocale.Language.French if language == "fr"
                                   else QLocale.Language.English))
    return language


def current_language() -> str:
    """The language installed by :func:`install_translator` ("en" before it runs)."""
    return str(_state["language"])


def translate(context: str, text: str) -> str:
    """`text` (English) in the current language, from the catalogue."""
    return QCoreApplication.translate(context, text)


def tr_setting(text: str) -> str:
    """A label, help text or choice label of :data:`core.settings.SETTINGS`, translated."""
    return translate(SETTINGS_CONTEXT, text)


def tr_error(error: BaseException) -> str:
    """The user-facing message of an ApiError or SecretsError in the current language.

    Looked up in the catalogue by its English text; a message the catalogue does not hold (one
    with a value in it) falls back to the error's own ``message_in(language)``.
    """
    language = current_language()
    kind = type(error).__name__
    if kind == "SecretsError":
        message = getattr(error, "message", str(error))
        fix = getattr(error, "fix", "")
        if language == SOURCE_LANGUAGE:
            return f"{message} {fix}".strip()
        translated = (translate(SECRETS_ERROR_CONTEXT, message),
                      translate(SECRETS_ERROR_CONTEXT, fix) if fix else "")
        if translated[0] != message and (not fix or translated[1] != fix):
            return " ".join(part for part in translated if part)
    else:
        message = getattr(error, "message", str(error))
        if language == SOURCE_LANGUAGE:
            return message
        translated_message = translate(API_ERROR_CONTEXT, message)
        if translated_message != message:
            return translated_message
    message_in = getattr(error, "message_in", None)
    return message_in(language) if callable(message_in) else str(error)


# --- the catalogue of Qt-free strings (used by scripts/i18n.sh) ------------------------------

def api_error_strings() -> list[tuple[str, str]]:
    """(English, French) of every ApiError kind."""
    from easyclick2call.ovhapi.errors import ERROR_KINDS

    return [(en, fr) for en, fr in ERROR_KINDS.values()]


def secrets_error_strings() -> list[tuple[str, str]]:
    """(English, French) of every fixed SecretsError message and fix in core.secrets.

    The factories are the module's functions that take no argument and return a SecretsError.
    """
    import inspect

    from easyclick2call.core import secrets

    pairs: list[tuple[str, str]] = []
    for _name, function in inspect.getmembers(secrets, inspect.isfunction):
        if function.__module__ != secrets.__name__:
            continue
        signature = inspect.signature(function)
        if signature.parameters or signature.return_annotation not in (
            "SecretsError", secrets.SecretsError
        ):
            continue
        error = function()
        pairs += [(error.message, error.message_fr), (error.fix, error.fix_fr)]
    return pairs


def settings_strings() -> list[str]:
    from easyclick2call.core.settings import translatable_strings

    return list(translatable_strings())


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module-level helpers such as ``def tr(text): return QCoreApplication.translate("Ctx",
    text)``: helper name → its context."""
    import ast

    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for inner in ast.walk(node):
            func = inner.func if isinstance(inner, ast.Call) else None
            name = getattr(func, "attr", None) or getattr(func, "id", None)
            if (name == "translate" and inner.args  # type: ignore[union-attr]
                    and isinstance(inner.args[0], ast.Constant)  # type: ignore[union-attr]
                    and isinstance(inner.args[0].value, str)):  # type: ignore[union-attr]
                helpers[node.name] = inner.args[0].value  # type: ignore[union-attr]
                break
    return helpers


def helper_strings(package: Path | None = None) -> list[tuple[str, str]]:
    """(context, English) of every call of a module-level translate helper with a literal.

    lupdate files ``tr("Demo")`` under no context, while the helper asks for its own at run
    time; listing them here gives the catalogue the context the app really uses.
    """
    import ast

    package = package or Path(__file__).resolve().parent.parent
    found: list[tuple[str, str]] = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        helpers = _helper_contexts(tree)
        if not helpers:
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in helpers and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.append((helpers[node.func.id], node.args[0].value))
    return found


def _unique(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for en, fr in items:
        if en and en not in seen:
            seen[en] = fr
    return list(seen.items())


def extra_entries() -> Iterator[tuple[str, str, str]]:
    """(context, English, French or "") of every Qt-free string, in a stable order."""
    for en, fr in _unique(api_error_strings()):
        yield API_ERROR_CONTEXT, en, fr
    for en, fr in _unique(secrets_error_strings()):
        yield SECRETS_ERROR_CONTEXT, en, fr
    for en, _fr in _unique([(text, "") for text in settings_strings()]):
        yield SETTINGS_CONTEXT, en, ""
    from easyclick2call.platform.session import REASONS

    for en in REASONS:
        yield SESSION_CONTEXT, en, ""
    for context, en in sorted(set(helper_strings())):
        yield context, en, ""


def catalogue_source() -> str:
    """The text of ui/catalogue_extra.py: one QT_TRANSLATE_NOOP per Qt-free string."""
    import json

    lines = [
        "# ruff: noqa: E501",
        '"""Strings of the Qt-free layers, listed for lupdate.',
        "",
        "Generated by scripts/i18n.sh (python -m easyclick2call.ui.i18n catalogue) from",
        "ovhapi.errors.ERROR_KINDS, core.secrets, core.settings.translatable_strings() and the",
        "calls of module-level translate helpers (tr(\"…\") → their own context): do not edit by",
        "hand. Never imported at run time; the app looks these strings up by context.",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "STRINGS = (",
    ]
    for context, en, _fr in extra_entries():
        literal = json.dumps(en, ensure_ascii=False)  # a JSON string is a valid Python literal
        lines.append(f'    QT_TRANSLATE_NOOP("{context}", {literal}),')
    lines += [")", ""]
    return "\n".join(lines)


def fill_ts(path: Path) -> int:
    """Fill a .ts from what already carries its French.

    The error tables are the reference for their French: entries that differ are overwritten.
    A translate helper's string (see :func:`helper_strings`) gets, when unfinished, the
    translation lupdate's context-less copy of it has. Returns how many entries were changed.
    """
    import xml.etree.ElementTree as ET

    entries = list(extra_entries())
    french = {(context, en): fr for context, en, fr in entries if fr}
    tree = ET.parse(path)
    # A helper's string is also filed under no context by lupdate: reuse that translation.
    helper_keys = {(context, en) for context, en, fr in entries if not fr}
    helper_french: dict[tuple[str, str], str] = {}
    for context in tree.getroot().iter("context"):
        if context.findtext("name", "") != "":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source", "")
            if translation is None or translation.get("type") or not translation.text:
                continue
            for key in helper_keys:
                if key[1] == source:
                    helper_french[key] = translation.text
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                continue
            unfinished = translation.get("type") == "unfinished" or not translation.text
            if (name, source) in french and (unfinished or translation.text != french[
                (name, source)
            ]):
                translation.text = french[(name, source)]
                translation.attrib.pop("type", None)
                filled += 1
            elif (name, source) in helper_french and unfinished:
                translation.text = helper_french[(name, source)]
                translation.attrib.pop("type", None)
                filled += 1
    if filled:
        _write_ts(tree, path)
    return filled


def untranslated_messages(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every message of a .ts without a finished translation."""
    import xml.etree.ElementTree as ET

    missing = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [translation.text or ""] if translation is not None else [""]
            if translation is not None and message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.iter("numerusform")] or [""]
            unfinished = translation is None or translation.get("type") in (
                "unfinished", "vanished", "obsolete")
            if unfinished or not all(form.strip() for form in forms):
                missing.append((name, message.findtext("source", "")))
    return missing


def _write_ts(tree, path: Path) -> None:
    """Write a .ts file the way lupdate does (doctype, 4-space indent)."""
    import xml.etree.ElementTree as ET

    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def main(argv: list[str]) -> int:
    """``catalogue`` prints catalogue_extra.py; ``fill-ts FILE`` fills a .ts from the tables."""
    import sys

    if argv[:1] == ["catalogue"]:
        sys.stdout.write(catalogue_source())
        return 0
    if argv[:1] == ["fill-ts"] and len(argv) == 2:
        print(f"filled {fill_ts(Path(argv[1]))} messages (error tables, translate helpers)")
        return 0
    if argv[:1] == ["check-ts"] and len(argv) == 2:
        missing = untranslated_messages(Path(argv[1]))
        for context, source in missing:
            print(f"  to translate [{context or '(no context)'}]: {source}")
        print(f"i18n: {len(missing)} string(s) still to translate")
        return 1 if missing else 0
    print("usage: python -m easyclick2call.ui.i18n catalogue | fill-ts FILE.ts | check-ts FILE.ts",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
