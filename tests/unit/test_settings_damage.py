"""A damaged settings file keeps every valid key: real INI files damaged in many ways are kept
aside (timestamped, byte for byte), a fresh file holds what was still good, the user is told once,
and an endpoint that cannot be read is an error naming the setting — never another endpoint."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from easyclick2call.commands.translation import translator_for
from easyclick2call.core import damaged
from easyclick2call.core.account import EndpointSettingError, account_from_settings
from easyclick2call.core.paths import resolve_profile
from easyclick2call.core.secrets import SecretStore
from easyclick2call.core.settings import DEFAULT_BLOCKED_PREFIXES, Settings
from easyclick2call.core.settings_file import ini_problems
from easyclick2call.ui.qsettings_store import QSettingsStore
from tests.unit.test_settings_qsettings import read_in_another_process, write_ini

GOOD = ("[General]\nendpoint=ovh-ca\nregion=BE\npopup_timeout_s=3\n"
        "blocked_prefixes=+3389, +449\nline=0033972123456\n")
KEPT = {"endpoint": "ovh-ca", "region": "BE", "popup_timeout_s": 3,
        "blocked_prefixes": ["+3389", "+449"], "line": "0033972123456"}

DAMAGES = {
    "malformed line among valid ones": GOOD.replace("region=BE\n",
                                                    "region=BE\nthis is no setting\n"),
    "truncated mid-line": GOOD + "history_reten",
    "truncated section header": GOOD + "[Gen",
    "garbage bytes": GOOD.encode() + b"\xff\xfe\x9c garbage \x81\n",
    "NUL bytes in a line": GOOD.encode() + b"watch_selection=tr\x00ue\n",
    "NUL padding (a crash while writing)": GOOD.encode() + b"\x00" * 512,
    "invalid UTF-8 in a comment": b"; caf\xe9\n" + GOOD.encode(),
    "unclosed section bracket": GOOD.replace("[General]", "[General"),
    "an unclosed quote swallows lines": GOOD + 'language="fr\nconfirm_international=false\n',
}


def kept_aside(profile_dir: Path) -> list[Path]:
    return sorted(profile_dir.glob("settings.ini.damaged-*"))


@pytest.fixture(autouse=True)
def _no_stale_notices():
    damaged.take_pending()
    yield
    damaged.take_pending()


def open_settings(profile_dir: Path) -> tuple[Settings, QSettingsStore]:
    store = QSettingsStore(resolve_profile(str(profile_dir)))
    return Settings(store), store


@pytest.mark.parametrize("content", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_file_keeps_every_valid_key_and_is_kept_aside(profile_dir: Path,
                                                                 content) -> None:
    write_ini(profile_dir, content)
    original = (profile_dir / "settings.ini").read_bytes()
    settings, store = open_settings(profile_dir)
    for key, value in KEPT.items():
        assert settings.get(key) == value, key
    aside = kept_aside(profile_dir)
    assert len(aside) == 1 and aside[0].read_bytes() == original
    assert len(store.notices) == 1 and store.notices[0].kept_as == str(aside[0])
    assert "was damaged" in store.notices[0].message
    assert damaged.take_pending() == store.notices  # reported once, for whoever listens
    # The fresh file is clean and holds the same values: the next start says nothing.
    fresh = (profile_dir / "settings.ini").read_bytes()
    assert ini_problems(fresh) == []
    read = read_in_another_process(profile_dir)
    assert read["warnings"] == []
    assert {key: read["values"][key] for key in KEPT} == KEPT
    again = QSettingsStore(resolve_profile(str(profile_dir)))
    assert again.notices == [] and len(kept_aside(profile_dir)) == 1


def test_an_invalid_value_in_a_damaged_file_is_dropped_not_kept(profile_dir: Path) -> None:
    write_ini(profile_dir, GOOD + "popup_timeout_s_extra\npopup_timeout_s=ten\n")
    settings, _store = open_settings(profile_dir)
    assert settings.get("popup_timeout_s") == 10  # the default: "ten" was not kept
    assert "popup_timeout_s=ten" not in (profile_dir / "settings.ini").read_text()
    assert settings.get("region") == "BE"


def test_a_file_saved_by_a_windows_editor_is_no_damage(profile_dir: Path) -> None:
    write_ini(profile_dir, b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    settings, store = open_settings(profile_dir)
    assert {key: settings.get(key) for key in KEPT} == KEPT
    assert store.notices == [] and kept_aside(profile_dir) == []


def test_an_empty_file_is_no_damage(profile_dir: Path) -> None:
    write_ini(profile_dir, b"")
    settings, store = open_settings(profile_dir)
    assert settings.get("blocked_prefixes") == list(DEFAULT_BLOCKED_PREFIXES)
    assert store.notices == [] and kept_aside(profile_dir) == []


def test_a_folder_in_place_of_the_file_is_moved_aside(profile_dir: Path) -> None:
    (profile_dir / "settings.ini").mkdir()
    (profile_dir / "settings.ini" / "note.txt").write_text("mine")
    settings, store = open_settings(profile_dir)
    settings.set("region", "CH")
    settings.sync()
    aside = kept_aside(profile_dir)
    assert len(aside) == 1 and (aside[0] / "note.txt").read_text() == "mine"
    assert len(store.notices) == 1
    assert read_in_another_process(profile_dir)["values"]["region"] == "CH"


def test_a_read_only_file_is_read_and_never_moved(profile_dir: Path) -> None:
    write_ini(profile_dir, GOOD)
    (profile_dir / "settings.ini").chmod(0o400)
    settings, store = open_settings(profile_dir)
    assert {key: settings.get(key) for key in KEPT} == KEPT
    assert store.notices == [] and kept_aside(profile_dir) == []
    if os.geteuid() != 0:  # root may write anyway
        assert any("permissions" in w for w in store.warnings) or store.warnings == []


def test_an_invalid_endpoint_is_an_error_naming_the_setting(profile_dir: Path) -> None:
    write_ini(profile_dir, GOOD.replace("endpoint=ovh-ca", "endpoint=xyz"))
    settings, _store = open_settings(profile_dir)
    account = account_from_settings(settings, SecretStore("ec2c-test-unused"))
    assert account.endpoint == ""  # never the default, another real endpoint
    with pytest.raises(EndpointSettingError) as caught:
        account.to_identity()
    assert str(caught.value) == (
        'The endpoint setting "xyz" is not valid — choose one in Settings › Account, or run '
        "`easyclick2call config set endpoint ovh-eu`.")
    assert "Réglages › Compte" in caught.value.text(translator_for("fr"))
    assert kept_aside(profile_dir) == []  # a wrong value is not a damaged file
    settings.set("endpoint", "ovh-eu")  # fixing it in Settings clears the error
    assert account_from_settings(settings, SecretStore("ec2c-test-unused")).endpoint_error is None


@pytest.mark.parametrize("endpoint_line", ["endpoint=ovh-\x00ca\n", "endp\x00oint=ovh-ca\n",
                                           "endpoint=\xff\xfe\n"])
def test_an_unreadable_endpoint_in_a_damaged_file_stays_an_error(profile_dir: Path,
                                                                 endpoint_line: str) -> None:
    content = (GOOD.replace("endpoint=ovh-ca\n", "").encode()
               + endpoint_line.encode("latin-1") + b"application_key=abcdefghijklmnop\n")
    write_ini(profile_dir, content)
    settings, store = open_settings(profile_dir)
    assert len(store.notices) == 1
    account = account_from_settings(settings, SecretStore("ec2c-test-unused"))
    with pytest.raises(EndpointSettingError):
        account.to_identity()
    # Still so in the next process: the fresh file keeps the endpoint unusable until fixed.
    settings, _ = open_settings(profile_dir)
    assert "endpoint" in settings.invalid
    assert settings.get("region") == "BE"


def test_a_file_without_an_account_has_no_endpoint_error(profile_dir: Path) -> None:
    write_ini(profile_dir, b"[General]\nregion=BE\n\x00\n")
    settings, _store = open_settings(profile_dir)
    assert settings.invalid == {} and settings.get("region") == "BE"


@pytest.mark.parametrize(("data", "problem"), [
    (b"[General]\nregion=BE\n", None),
    (b"; comment\n# another\n\n[General]\nregion=BE\n[Other]\nx=1\n", None),
    (b"[General]\nblocked_prefixes=+3389, \\\n +449\n", None),  # a continued line
    (b"\xef\xbb\xbf[General]\r\nregion=BE\r\n", None),  # Notepad: a BOM, CRLF
    (b"[General]\nregion\n", "line 2"),
    (b"[General]\nregion=BE\x00\n", "NUL"),
    (b"[General]\nregion=B\xe9\n", "UTF-8"),
    (b"[]\nregion=BE\n", "line 1"),
])
def test_ini_problems(data: bytes, problem: str | None) -> None:
    found = ini_problems(data)
    assert (found == []) if problem is None else any(problem in p for p in found)
