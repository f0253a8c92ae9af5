"""The command line speaks the app's catalogue: French when the locale says so, read from the
same compiled .qm as the app, and no Qt loaded at all for an English command line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from easyclick2call.commands.cli_messages import cli_message
from easyclick2call.commands.translation import translate, translator_for
from easyclick2call.ovhapi.errors import ApiError


def run_cli(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "EASYCLICK2CALL_PROFILE": str(tmp_path / "profile"),
                   "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", **env}
    return subprocess.run([sys.executable, "-m", "easyclick2call", *args], env=environment,
                          capture_output=True, text=True, timeout=60, check=False)


def test_an_api_error_kind_at_the_terminal_in_both_languages():
    error = ApiError.of("access_expired", 403)
    assert cli_message(error, "en") == "Access expired — run 'easyclick2call connect' again."
    assert cli_message(error, "fr") == "Accès expiré — relancez 'easyclick2call connect'."
    network = ApiError.of("network")  # no CLI wording of its own: the app's sentence
    assert cli_message(network, "fr") == (
        "Impossible de joindre OVHcloud — vérifiez votre connexion Internet et réessayez.")
    network.uncertain = True
    assert cli_message(network, "fr").endswith(
        "L'action a peut-être eu lieu malgré tout : vérifiez avant de réessayer.")


def test_translate_follows_the_locale(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert translate("Cli", "No calls in the history.") == "Aucun appel dans l'historique."
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert translate("Cli", "No calls in the history.") == "No calls in the history."
    assert translator_for("fr")("Cli", "not in the catalogue") == "not in the catalogue"


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "easyclick2call: --region XX : ce n'est pas un code de pays — utilisez deux lettres "
           "comme FR, BE, CH ou CA."),
    ("en", "easyclick2call: --region XX: not a country code — use two letters such as FR, BE, "
           "CH or CA."),
])
def test_a_usage_refusal_is_said_in_the_locales_language(tmp_path, language, expected):
    done = run_cli(["call", "01 99 00 12 34", "--region", "XX"], tmp_path, LANGUAGE=language)
    assert done.returncode == 2
    assert done.stderr.strip() == expected


def test_a_missing_account_is_said_in_french_with_the_command_to_run(tmp_path):
    done = run_cli(["call", "01 99 00 12 34", "--region", "FR"], tmp_path, LANG="fr_FR.UTF-8")
    assert done.returncode == 4
    assert done.stderr.startswith("easyclick2call: Aucun compte OVHcloud n'est configuré")
    assert "'easyclick2call config set application_key CLÉ'" in done.stderr


@pytest.mark.parametrize(("language", "loads_qt"), [("en", False), ("fr", True)])
def test_only_a_french_command_line_loads_qtcore(language, loads_qt):
    code = ("import sys\n"
            "from easyclick2call.commands.translation import translate\n"
            "from easyclick2call.commands.cli_messages import cli_message\n"
            "from easyclick2call.ovhapi.errors import ApiError\n"
            "print(cli_message(ApiError.of('network'), sys.argv[1]))\n"
            "print(translate('Cli', 'Not called.'))\n"
            "print(any(name.startswith('PySide6') for name in sys.modules))\n")
    env = {**os.environ, "LANGUAGE": language}
    done = subprocess.run([sys.executable, "-c", code, language], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    lines = done.stdout.splitlines()
    assert lines[1] == ("Non appelé." if loads_qt else "Not called.")
    assert lines[2] == str(loads_qt)
