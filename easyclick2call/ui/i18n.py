"""The app's language: English source strings, a French catalogue, chosen at start-up.

The `language` setting ("system", "en" or "fr") picks the catalogue; "system" follows QLocale.
:func:`install_translator` loads ``resources/translations/easyclick2call_fr.qm`` (and Qt's own
``qtbase_fr.qm`` for standard buttons) into the QApplication. Messages that come from the Qt-free
layers are English, marked with ``QT_TRANSLATE_NOOP`` (:mod:`easyclick2call.core.i18n_marks`)
or listed in the generated ``catalogue_extra.py`` (settings' labels, session reasons), and go
through the same catalogue: :func:`tr_error` / :func:`tr_setting` look them up. The catalogue
tools (lupdate's extra list, the check) are in ``scripts/i18n_tools.py``; see
docs/translations.md.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from easyclick2call.resources import resource_path

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
    """The user-facing message of an error in the current language: an ApiError, SecretsError
    or any :class:`core.i18n_marks.TranslatableError` translates its English templates through
    the catalogue (``error.text(translate)``); any other error says its own text."""
    text = getattr(error, "text", None)
    return str(text(translate)) if callable(text) else str(error)
