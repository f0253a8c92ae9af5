"""The settings model: declared once, typed, validated; bad values give defaults + a warning."""

from __future__ import annotations

import pytest

from easyclick2call.core.settings import (
    DEFAULT_BLOCKED_PREFIXES,
    GROUPS,
    INTERNAL_GROUP,
    SETTINGS,
    MemoryStore,
    Settings,
    settings_in_group,
    system_region,
    translatable_strings,
)

REQUIRED_KEYS = {
    "endpoint", "auth_mode", "application_key", "client_id", "billing_account", "line",
    "click2call_user", "calling_mode", "region", "popup_enabled", "popup_position",
    "popup_timeout_s", "watch_selection", "start_at_login", "handle_tel_links",
    "blocked_prefixes", "confirm_international", "history_enabled", "history_retention_days",
    "language", "demo",
}


def test_every_setting_is_declared_once_with_a_page() -> None:
    keys = [item.key for item in SETTINGS]
    assert len(keys) == len(set(keys))
    assert set(keys) >= REQUIRED_KEYS
    for item in SETTINGS:
        assert item.group in (*GROUPS, INTERNAL_GROUP)
        assert item.label and item.help
        item.validate(item.default_value())  # every default is valid
        if item.choice_labels:
            assert len(item.choice_labels) == len(item.choices or ())
    assert all(settings_in_group(group) for group in GROUPS)


def test_translatable_strings_cover_labels_and_help() -> None:
    strings = translatable_strings()
    for item in SETTINGS:
        assert item.label in strings and item.help in strings


def test_fresh_store_gives_defaults_and_no_warning() -> None:
    settings = Settings(MemoryStore())
    assert settings.warnings == []
    assert settings.get("endpoint") == "ovh-eu"
    assert settings.get("popup_timeout_s") == 10
    assert settings.get("history_retention_days") == 90
    assert settings.get("confirm_international") is True
    assert settings.get("watch_selection") is False
    assert settings.get("blocked_prefixes") == list(DEFAULT_BLOCKED_PREFIXES)
    assert "+3389" in settings.get("blocked_prefixes")  # 08 9x in France
    assert not settings.is_set("endpoint")


@pytest.mark.parametrize(
    ("key", "value"),
    [("endpoint", "ovh-ca"), ("endpoint", "http://127.0.0.1:8080/1.0"),
     ("endpoint", "http://127.3.4.5:8080/1.0"), ("endpoint", "http://[::1]:8080/1.0"),
     ("auth_mode", "oauth2"), ("click2call_user", 42), ("calling_mode", "intercom"),
     ("region", "BE"), ("popup_timeout_s", 0), ("blocked_prefixes", []),
     ("blocked_prefixes", ["+449", "+1900"]), ("language", "fr"),
     ("billing_account", "ab12345-ovh-1"), ("line", "0033972123456")],
)
def test_good_values_are_stored_typed(key: str, value: object) -> None:
    store = MemoryStore()
    settings = Settings(store)
    settings.set(key, value)
    assert settings.get(key) == value
    assert Settings(store).get(key) == value
    assert Settings(store).warnings == []


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [("endpoint", "https://eu.api.ovh.com/1.0", "loopback"),
     ("endpoint", "http://127.0.0.1:99999/1.0", "loopback"),
     ("endpoint", "ovh-mars", "ovh-eu"), ("auth_mode", "password", "application"),
     ("click2call_user", -1, "between"), ("click2call_user", "7", "whole number"),
     ("calling_mode", "loud", "ring"), ("region", "fr", "two-letter"),
     ("popup_timeout_s", True, "whole number"), ("popup_enabled", "yes", "true or false"),
     ("blocked_prefixes", ["0899"], r"\+3389"), ("history_retention_days", 10**9, "between"),
     ("line", "00 33 9", "line")],
)
def test_bad_values_are_refused_with_a_clear_message(key: str, value: object,
                                                     words: str) -> None:
    settings = Settings(MemoryStore())
    with pytest.raises(ValueError, match=words):
        settings.set(key, value)
    assert not settings.is_set(key)


def test_unknown_keys_are_refused_and_listed() -> None:
    with pytest.raises(ValueError, match="Known settings: endpoint"):
        Settings(MemoryStore()).set("colour", "red")


@pytest.mark.parametrize(
    "key", ["application_secret", "consumer_key", "client_secret", "sip_password", "api_token"]
)
def test_secrets_are_never_settings(key: str) -> None:
    store = MemoryStore()
    with pytest.raises(ValueError, match="keyring"):
        Settings(store).set(key, "s3cr3t-value")
    assert store.values == {}


def test_hand_edited_values_give_defaults_and_one_warning_each() -> None:
    store = MemoryStore({"popup_timeout_s": "soon", "calling_mode": "shout", "region": "BE"})
    settings = Settings(store)
    assert settings.get("popup_timeout_s") == 10
    assert settings.get("calling_mode") == "ring"
    assert settings.get("region") == "BE"
    assert len(settings.warnings) == 2
    assert any("popup_timeout_s" in warning for warning in settings.warnings)


def test_text_from_the_command_line_is_converted() -> None:
    settings = Settings(MemoryStore())
    assert settings.set_text("popup_enabled", "false") is False
    assert settings.set_text("popup_timeout_s", " 30 ") == 30
    assert settings.set_text("blocked_prefixes", "+3389, +449,") == ["+3389", "+449"]
    assert settings.set_text("blocked_prefixes", "") == []
    with pytest.raises(ValueError, match="true or false"):
        settings.set_text("popup_enabled", "maybe")
    with pytest.raises(ValueError, match="whole number"):
        settings.set_text("popup_timeout_s", "ten")


def test_listeners_hear_each_change_and_reset() -> None:
    settings = Settings(MemoryStore())
    heard: list[str] = []
    settings.add_listener(heard.append)
    settings.set("region", "CH")
    settings.reset("region")
    settings.remove_listener(heard.append)
    settings.set("region", "CH")
    assert heard == ["region", "region"]


def test_update_is_all_or_nothing() -> None:
    store = MemoryStore()
    settings = Settings(store)
    with pytest.raises(ValueError):
        settings.update([("region", "BE"), ("popup_timeout_s", -5)])
    assert store.values == {}
    settings.update([("region", "BE"), ("popup_timeout_s", 5)])
    assert store.values == {"region": "BE", "popup_timeout_s": 5}


def test_returned_lists_are_copies() -> None:
    settings = Settings(MemoryStore())
    settings.get("blocked_prefixes").append("+1")
    assert "+1" not in settings.get("blocked_prefixes")


@pytest.mark.parametrize(
    ("lang", "region"), [("fr_BE.UTF-8", "BE"), ("de_CH.utf8", "CH"), ("C.UTF-8", "FR"),
                         ("POSIX", "FR"), ("", "FR")],
)
def test_default_region_follows_the_system_locale(monkeypatch: pytest.MonkeyPatch, lang: str,
                                                  region: str) -> None:
    for var in ("LC_ALL", "LC_TELEPHONE", "LC_ADDRESS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang)
    assert system_region() == region


def test_region_list_is_phonenumbers_supported_regions() -> None:
    import phonenumbers

    from easyclick2call.core.regions import REGION_CODES

    assert phonenumbers.SUPPORTED_REGIONS == REGION_CODES
