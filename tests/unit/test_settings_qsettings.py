"""Settings through QSettings on a real INI file: types survive the round trip through another
process, and a hand-edited value gives its default plus one warning, never a crash (damaged
files: test_settings_damage.py)."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from easyclick2call.core.paths import resolve_profile
from easyclick2call.core.settings import Settings
from easyclick2call.ui.qsettings_store import QSettingsStore

VALUES = {
    "endpoint": "http://127.0.0.1:8123/1.0",
    "click2call_user": 7,
    "popup_timeout_s": 0,
    "watch_selection": True,
    "confirm_international": False,
    "blocked_prefixes": ["+449"],
    "line": "0033972123456",
    "region": "BE",
}

READ_BACK = """
import json, sys
from easyclick2call.core.paths import resolve_profile
from easyclick2call.core.settings import Settings
from easyclick2call.ui.qsettings_store import QSettingsStore
settings = Settings(QSettingsStore(resolve_profile(sys.argv[1])))
print(json.dumps({"values": settings.values(), "warnings": settings.warnings}))
"""


def read_in_another_process(profile_dir: Path) -> dict:
    """What a fresh process reads (QSettings caches files per process, so this is the truth)."""
    import json

    result = subprocess.run(
        [sys.executable, "-c", READ_BACK, str(profile_dir)],
        capture_output=True, text=True, timeout=60, check=True,
    )
    return json.loads(result.stdout)


def write_ini(profile_dir: Path, text: str | bytes) -> None:
    path = profile_dir / "settings.ini"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)


def test_values_keep_their_types_across_processes(profile_dir: Path) -> None:
    settings = Settings(QSettingsStore(resolve_profile(str(profile_dir))))
    for key, value in VALUES.items():
        settings.set(key, value)
    settings.sync()
    read = read_in_another_process(profile_dir)
    assert read["warnings"] == []
    for key, value in VALUES.items():
        assert read["values"][key] == value, key
    ini = profile_dir / "settings.ini"
    assert stat.S_IMODE(ini.stat().st_mode) == 0o600


def test_an_emptied_list_stays_empty(profile_dir: Path) -> None:
    settings = Settings(QSettingsStore(resolve_profile(str(profile_dir))))
    settings.set("blocked_prefixes", [])
    settings.sync()
    assert read_in_another_process(profile_dir)["values"]["blocked_prefixes"] == []


def test_hand_written_ini_is_understood(profile_dir: Path) -> None:
    write_ini(profile_dir, "[General]\npopup_enabled=false\npopup_timeout_s=25\n"
                           "blocked_prefixes=+3389, +449\nline=0033972123456\n")
    read = read_in_another_process(profile_dir)
    assert read["warnings"] == []
    assert read["values"]["popup_enabled"] is False
    assert read["values"]["popup_timeout_s"] == 25
    assert read["values"]["blocked_prefixes"] == ["+3389", "+449"]
    assert read["values"]["line"] == "0033972123456"


def test_hand_edited_wrong_type_gives_default_and_one_warning(profile_dir: Path) -> None:
    write_ini(profile_dir, "[General]\npopup_timeout_s=ten\nregion=BE\n")
    settings = Settings(QSettingsStore(resolve_profile(str(profile_dir))))
    assert settings.get("popup_timeout_s") == 10
    assert settings.get("region") == "BE"
    assert len(settings.warnings) == 1
    assert "popup_timeout_s" in settings.warnings[0]


def test_removed_value_falls_back_to_default(profile_dir: Path) -> None:
    profile = resolve_profile(str(profile_dir))
    settings = Settings(QSettingsStore(profile))
    settings.set("popup_timeout_s", 3)
    settings.reset("popup_timeout_s")
    settings.sync()
    assert read_in_another_process(profile_dir)["values"]["popup_timeout_s"] == 10


def test_default_profile_uses_the_native_store_privately() -> None:
    profile = resolve_profile(None)
    store = QSettingsStore(profile)
    assert store.file_name == str(profile.settings_file)
    assert store.file_name.endswith("EasyClick2Call/EasyClick2Call.conf")
    settings = Settings(store)
    settings.set("popup_position", "cursor")
    settings.sync()
    try:
        assert stat.S_IMODE(profile.config_dir.stat().st_mode) == 0o700
        assert stat.S_IMODE(profile.settings_file.stat().st_mode) == 0o600
    finally:
        settings.reset("popup_position")
        settings.sync()
