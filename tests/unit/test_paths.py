"""Profiles: where settings, history and logs go, and keyring services that never collide."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from easyclick2call.core.paths import PROFILE_ENV, Profile, ensure_dir, resolve_profile


def test_custom_profile_keeps_everything_in_its_folder(profile_dir: Path) -> None:
    profile = resolve_profile(str(profile_dir))
    assert profile.is_custom
    for path in (profile.config_dir, profile.data_dir, profile.log_dir, profile.cache_dir,
                 profile.settings_file, profile.history_db):
        assert profile_dir.resolve() in (path, *path.parents)
    assert profile.settings_file == profile_dir.resolve() / "settings.ini"


def test_command_line_wins_over_environment(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PROFILE_ENV, str(tmp_path / "from-env"))
    assert resolve_profile(str(tmp_path / "from-arg")).root == tmp_path / "from-arg"
    assert resolve_profile(None).root == tmp_path / "from-env"


def test_default_profile_uses_the_os_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PROFILE_ENV, raising=False)
    profile = resolve_profile(None)
    assert not profile.is_custom
    config_home = Path(os.environ["XDG_CONFIG_HOME"])
    assert profile.config_dir == config_home / "EasyClick2Call"
    assert profile.data_dir == Path(os.environ["XDG_DATA_HOME"]) / "EasyClick2Call"
    assert profile.keyring_service == "EasyClick2Call"


def test_relative_and_home_paths_are_made_absolute(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_profile("rel").root == tmp_path / "rel"
    assert resolve_profile("~/p").root == Path.home() / "p"


def test_two_profiles_have_distinct_keyring_services(tmp_path: Path) -> None:
    one = resolve_profile(str(tmp_path / "one"))
    two = resolve_profile(str(tmp_path / "two"))
    assert one.keyring_service != two.keyring_service
    assert one.keyring_service.startswith("EasyClick2Call:")
    assert resolve_profile(str(tmp_path / "one")).keyring_service == one.keyring_service


def test_nothing_is_created_until_asked(tmp_path: Path) -> None:
    profile = resolve_profile(str(tmp_path / "lazy"))
    _ = (profile.config_dir, profile.log_dir, profile.history_db, profile.keyring_service)
    assert not (tmp_path / "lazy").exists()
    profile.ensure()
    for path in (profile.config_dir, profile.log_dir, profile.cache_dir):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700


def test_ensure_dir_tightens_an_open_folder(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir(mode=0o755)
    ensure_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_profile_is_hashable_and_frozen(tmp_path: Path) -> None:
    profile = Profile(tmp_path)
    assert {profile: 1}[Profile(tmp_path)] == 1
    with pytest.raises(AttributeError):
        profile.root = None  # type: ignore[misc]
