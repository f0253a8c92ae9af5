"""platform.os_traits: each per-OS answer follows the operating system it is asked on."""

from __future__ import annotations

import os
import sys

import pytest

from easyclick2call.platform import os_traits


@pytest.mark.parametrize(("system", "expected"), [
    ("linux", {"ini": True, "template": False, "dbus": True, "app_id": False, "file_open": False}),
    ("darwin", {"ini": False, "template": True, "dbus": False, "app_id": False, "file_open": True}),
    ("win32", {"ini": False, "template": False, "dbus": False, "app_id": True, "file_open": False}),
])
def test_answers_follow_sys_platform(monkeypatch, system: str, expected: dict) -> None:
    monkeypatch.setattr(sys, "platform", system)
    assert os_traits.settings_are_ini_files() is expected["ini"]
    assert os_traits.tray_icon_is_template() is expected["template"]
    assert os_traits.desktop_notifications_over_dbus() is expected["dbus"]
    assert os_traits.needs_app_user_model_id() is expected["app_id"]
    assert os_traits.urls_arrive_as_file_open_events() is expected["file_open"]


@pytest.mark.parametrize("name", ["posix", "nt"])
def test_file_modes_and_signals_follow_os_name(monkeypatch, name: str) -> None:
    monkeypatch.setattr(os, "name", name)
    assert os_traits.has_unix_file_modes() is (name == "posix")
    assert os_traits.has_posix_signals() is (name == "posix")
    if name == "posix":
        assert os_traits.windows_locale_name() == ""


def test_numbers_are_offered_by_notification_on_wayland_only() -> None:
    assert os_traits.offers_numbers_by_notification("wayland")
    assert not os_traits.offers_numbers_by_notification("xcb")
    assert not os_traits.offers_numbers_by_notification("windows")
