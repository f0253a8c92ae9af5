"""The app speaks French when the system or the `language` setting says so, and the Qt-free
layers' messages (OVHcloud errors, keyring errors, settings labels) come through the same
catalogue."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox

from easyclick2call.commands.translation import translator_for
from easyclick2call.core import secrets
from easyclick2call.ovhapi.errors import ERROR_KINDS, ApiError
from easyclick2call.ui import i18n

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import i18n_tools  # scripts/ is not a package

FR = translator_for("fr")  # the French catalogue, as the command line reads it


@pytest.fixture
def french(qapp):
    assert i18n.install_translator(qapp, "fr") == "fr"
    yield qapp
    i18n.install_translator(qapp, "en")


@pytest.mark.parametrize(
    ("setting", "locale", "expected"),
    [
        ("fr", "en_US", "fr"),
        ("en", "fr_FR", "en"),
        ("system", "fr_FR", "fr"),
        ("system", "fr_CA", "fr"),
        ("system", "fr_BE", "fr"),
        ("system", "en_GB", "en"),
        ("system", "de_DE", "en"),
        ("", "fr_FR", "fr"),
        ("klingon", "fr_FR", "fr"),
    ],
)
def test_language_follows_the_system_unless_the_setting_overrides(setting, locale, expected):
    assert i18n.resolve_language(setting, QLocale(locale)) == expected


def test_french_catalogue_translates_menus_and_qt_buttons(french, qtbot):
    assert i18n.current_language() == "fr"
    assert QCoreApplication.translate("Tray", "Quit") == "Quitter"
    assert QCoreApplication.translate("CallPopup", "Call") == "Appeler"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


def test_strings_of_module_level_tr_helpers_are_found_despite_their_context(french):
    """lupdate files `tr("Demo")` (a helper calling translate("Notifications", …)) under no
    context; the generated catalogue lists it under the helper's own context too."""
    assert ("Notifications", "Demo") in i18n_tools.helper_strings()
    assert QCoreApplication.translate("Notifications", "Demo") == "Démo"
    assert QCoreApplication.translate("", "Demo") == "Démo"
    assert QCoreApplication.translate("Notifications", "not in the catalogue") == (
        "not in the catalogue")


def test_english_is_the_source_and_switching_back_removes_french(french):
    assert i18n.install_translator(french, "en") == "en"
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("Tray", "Quit") == "Quit"
    assert QCoreApplication.translate("Notifications", "Demo") == "Demo"


def test_numerus_forms_follow_french_rules(french):
    text = "Delete all %n call(s) from the history? This cannot be undone."
    assert QCoreApplication.translate("HistoryWindow", text, None, 1).startswith(
        "Supprimer 1 appel ")
    assert QCoreApplication.translate("HistoryWindow", text, None, 3).startswith(
        "Supprimer les 3 appels ")


def test_api_errors_come_through_the_catalogue_in_french(french):
    error = ApiError.of("access_expired", 403)
    assert i18n.tr_error(error) == "Accès expiré — reconnectez-vous dans Réglages."
    for kind, english in ERROR_KINDS.items():
        assert i18n.tr_error(ApiError.of(kind)) == FR("ApiError", english) != english, kind


def test_api_errors_stay_english_in_english(qapp):
    i18n.install_translator(qapp, "en")
    assert i18n.tr_error(ApiError.of("network")) == ERROR_KINDS["network"]


def test_keyring_errors_come_through_the_catalogue(french):
    error = secrets._locked()
    assert i18n.tr_error(error) == error.text(FR)
    assert i18n.tr_error(error).startswith("Le trousseau système est verrouillé.")
    assert QCoreApplication.translate("SecretsError", error.fix) == FR("SecretsError", error.fix)


def test_templates_are_translated_before_their_values_are_filled_in(french):
    error = secrets._plaintext_refused("keyrings.alt.file.PlaintextKeyring")
    assert str(error).startswith("The keyring backend keyrings.alt.file.PlaintextKeyring keeps")
    assert i18n.tr_error(error).startswith(
        "Le trousseau keyrings.alt.file.PlaintextKeyring garde les secrets")


def test_a_message_outside_the_catalogue_stays_english(french):
    error = secrets.SecretsError("Odd {value} failure.", "Retry.", value=3)
    assert i18n.tr_error(error) == "Odd 3 failure. Retry."


def test_setting_labels_are_translated(french):
    assert i18n.tr_setting("Start at login") == "Lancer à l'ouverture de session"
    assert i18n.tr_setting("Open tel: and callto: links") == "Ouvrir les liens tel: et callto:"


def test_a_french_system_gets_french_without_any_setting(tmp_path):
    """A real process started with a French locale picks French by itself."""
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from easyclick2call.ui import i18n\n"
        "app = QCoreApplication([])\n"
        "print(i18n.install_translator(app, 'system'))\n"
        "print(QCoreApplication.translate('Tray', 'Call clipboard now'))\n"
        "print(i18n.install_translator(app, 'en'))\n"
    )
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60, check=True, cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "fr", "Appeler le presse-papiers maintenant", "en"]
