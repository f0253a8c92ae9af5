"""The settings model: every setting declared once, as data, and typed, validated access to a store.

The Settings dialog builds its pages from :data:`SETTINGS` (one ``group`` per page), the CLI's
``config`` commands list and set them, and :class:`Settings` validates what comes back from disk:
a corrupted or hand-edited value gives its default plus one warning in ``Settings.warnings``,
never a crash. Secrets are never settings: they live in the OS keyring (:mod:`core.secrets`).

Labels and help texts are plain English literals; the UI translates them with
``QCoreApplication.translate("Settings", text)`` and :func:`translatable_strings` lists them all.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from easyclick2call.core.regions import REGION_CODES
from easyclick2call.core.shortcut import DEFAULT_HOTKEY, validate_hotkey
from easyclick2call.platform.os_traits import windows_locale_name

log = logging.getLogger(__name__)

GROUPS = ("account", "line", "behaviour", "filters", "privacy")
INTERNAL_GROUP = "internal"  # not shown in the Settings dialog
FALLBACK_REGION = "FR"

ENDPOINTS = (
    "ovh-eu", "ovh-ca", "ovh-us", "kimsufi-eu", "kimsufi-ca", "soyoustart-eu", "soyoustart-ca",
)

# Premium-rate prefixes blocked out of the box (the user can change the list):
#  FR +3389 (08 9x, the costliest "numéros surtaxés"). 08 1x / 08 2x are left callable on
#  purpose: their surcharge is small and many companies' customer services use them.
#  BE +3290 (090x), CH +41900/+41901/+41906, DE +49900, UK +449 (09xx), ES +34803/+34806/+34807/
#  +34905, IT +39899, LU +35290, US/CA +1900 and +1976.
DEFAULT_BLOCKED_PREFIXES = (
    "+3389", "+3290", "+41900", "+41901", "+41906", "+49900", "+449", "+34803", "+34806",
    "+34807", "+34905", "+39899", "+35290", "+1900", "+1976",
)

# Settings whose default is never a stand-in for a bad stored value (another endpoint is another,
# real, OVHcloud): an invalid one is an error when it is needed (core.account).
NO_FALLBACK = ("endpoint",)

# Key fragments that mean "a secret": such keys are refused, secrets belong in the keyring.
SECRET_KEY_PATTERN = re.compile(r"secret|password|passwd|consumer_key|token|credential", re.I)


class SettingsStore(Protocol):
    """Where settings are kept (QSettings in the app and CLI, a dict in tests)."""

    def get(self, key: str) -> object | None: ...
    def set(self, key: str, value: object) -> None: ...
    def remove(self, key: str) -> None: ...
    def keys(self) -> list[str]: ...
    def sync(self) -> None: ...


class MemoryStore:
    """A SettingsStore in a dict, for tests and the demo."""

    def __init__(self, values: dict[str, object] | None = None) -> None:
        self.values: dict[str, object] = dict(values or {})
        self.warnings: list[str] = []

    def get(self, key: str) -> object | None:
        return self.values.get(key)

    def set(self, key: str, value: object) -> None:
        self.values[key] = value

    def remove(self, key: str) -> None:
        self.values.pop(key, None)

    def keys(self) -> list[str]:
        return list(self.values)

    def sync(self) -> None:
        """Nothing to flush."""


Validator = Callable[[object], None]  # raises ValueError with a human sentence


@dataclass(frozen=True)
class Setting:
    """One setting: its key, Python type, default, label/help (English, translatable) and page."""

    key: str
    type: type
    default: object
    label: str
    help: str
    group: str
    choices: tuple[str, ...] | None = None
    validator: Validator | None = None
    choice_labels: tuple[str, ...] | None = None  # human names of `choices`, same order
    default_factory: Callable[[], object] | None = field(default=None, compare=False)

    def default_value(self) -> object:
        """The default (computed for settings such as the region); lists are fresh copies."""
        value = self.default_factory() if self.default_factory else self.default
        return list(value) if isinstance(value, (list, tuple)) else value

    def validate(self, value: object) -> object:
        """`value` checked against type, choices and validator; raises ValueError otherwise."""
        value = _check_type(self, value)
        if self.choices is not None and value in self.choices:
            return value
        if self.validator is not None:
            self.validator(value)
        elif self.choices is not None:
            raise ValueError(
                f"{self.key} must be one of: {', '.join(self.choices)} (got {value!r})."
            )
        return value

    def parse_text(self, text: str) -> object:
        """A value typed on a command line ("true", "90", "+3389,+449") converted and validated."""
        text = text.strip()
        if self.type is bool:
            value: object = parse_bool(text)
            if value is None:
                raise ValueError(f"{self.key} must be true or false (got {text!r}).")
        elif self.type is int:
            try:
                value = int(text)
            except ValueError:
                raise ValueError(f"{self.key} must be a whole number (got {text!r}).") from None
        elif self.type is list:
            value = [part.strip() for part in text.split(",") if part.strip()]
        else:
            value = text
        return self.validate(value)


def parse_bool(text: str) -> bool | None:
    """True/False for the usual spellings ("true", "1", "yes", "on"…), None otherwise."""
    lowered = text.strip().lower()
    if lowered in ("true", "1", "yes", "on"):
        return True
    if lowered in ("false", "0", "no", "off"):
        return False
    return None


def _check_type(setting: Setting, value: object) -> object:
    expected = setting.type
    if expected is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if expected is bool and isinstance(value, bool):
        return value
    if expected is str and isinstance(value, str):
        return value
    if expected is list and isinstance(value, (list, tuple)):
        if all(isinstance(item, str) for item in value):
            return list(value)
        raise ValueError(f"{setting.key} must be a list of texts.")
    names = {bool: "true or false", int: "a whole number", str: "a text", list: "a list"}
    raise ValueError(
        f"{setting.key} must be {names.get(expected, expected.__name__)} "
        f"(got {_short_repr(value)})."
    )


def _short_repr(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# Validators --------------------------------------------------------------------------------------

def is_loopback_url(url: str) -> bool:
    """True for an http(s) URL whose host is 127.0.0.0/8, ::1 or localhost (the sandbox), with
    a valid port if it names one. The one check for the settings, the client and the dialog."""
    import ipaddress

    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _validate_endpoint(value: object) -> None:
    if value in ENDPOINTS or is_loopback_url(str(value)):
        return
    raise ValueError(
        f"endpoint must be one of {', '.join(ENDPOINTS)} or a loopback sandbox URL such as "
        f"http://127.0.0.1:8080/1.0 (got {value!r})."
    )


def _pattern_validator(pattern: str, what: str, allow_empty: bool = True) -> Validator:
    compiled = re.compile(pattern)

    def validate(value: object) -> None:
        text = str(value)
        if allow_empty and text == "":
            return
        if not compiled.fullmatch(text):
            raise ValueError(f"{what} (got {text!r}).")

    return validate


def _range_validator(key: str, low: int, high: int) -> Validator:
    def validate(value: object) -> None:
        if not low <= int(value) <= high:  # type: ignore[call-overload]
            raise ValueError(f"{key} must be between {low} and {high} (got {value}).")

    return validate


def _validate_region(value: object) -> None:
    if value not in REGION_CODES:
        raise ValueError(
            f"region must be a two-letter country code in capitals, such as FR or BE "
            f"(got {value!r})."
        )


def _validate_prefixes(value: object) -> None:
    for prefix in value:  # type: ignore[union-attr]
        if not re.fullmatch(r"\+[1-9][0-9]{0,14}", prefix):
            raise ValueError(
                f"blocked prefixes are written +<country code><digits>, such as +3389 "
                f"(got {prefix!r})."
            )


def system_region() -> str:
    """The country of the user's locale (e.g. "FR" for fr_FR.UTF-8), else FALLBACK_REGION.

    POSIX: the first set of LC_ALL, LC_TELEPHONE, LC_ADDRESS, LANG decides; "C"/"POSIX" (no
    country) gives the fallback — never Python's guess (getlocale() says en_US for C.UTF-8).
    Windows: the user's default locale name ("fr-FR").
    """
    for var in ("LC_ALL", "LC_TELEPHONE", "LC_ADDRESS", "LANG"):
        value = os.environ.get(var, "")
        if value:
            candidate = value
            break
    else:
        candidate = windows_locale_name()
    match = re.match(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})\b", candidate)
    if match and match.group(1).upper() in REGION_CODES:
        return match.group(1).upper()
    return FALLBACK_REGION


# The declaration ---------------------------------------------------------------------------------

SETTINGS: tuple[Setting, ...] = (
    # Account
    Setting(
        "endpoint", str, "ovh-eu", "API endpoint",
        "The OVHcloud API your account lives on.", "account",
        choices=ENDPOINTS, validator=_validate_endpoint,
        choice_labels=(
            "OVHcloud Europe", "OVHcloud Canada", "OVHcloud US", "Kimsufi Europe",
            "Kimsufi Canada", "So you Start Europe", "So you Start Canada",
        ),
    ),
    Setting(
        "auth_mode", str, "application", "Sign in with",
        "An API application (key, secret and a consumer key you validate in the browser) or an "
        "OAuth2 service account (client ID and secret).", "account",
        choices=("application", "oauth2"),
        choice_labels=("API application", "OAuth2 service account"),
    ),
    Setting(
        "application_key", str, "", "Application key",
        "The key of the API application you created on OVHcloud.", "account",
        validator=_pattern_validator(
            r"[A-Za-z0-9]{8,64}", "application_key must be 8 to 64 letters and digits"),
    ),
    Setting(
        "client_id", str, "", "Client ID",
        "The client ID of your OAuth2 service account.", "account",
        validator=_pattern_validator(
            r"[A-Za-z0-9._-]{1,128}", "client_id must be letters, digits, dots or dashes"),
    ),
    # Line
    Setting(
        "billing_account", str, "", "Billing account",
        "The telephony billing account, such as ab12345-ovh-1.", "line",
        validator=_pattern_validator(
            r"[A-Za-z0-9._-]{1,64}", "billing_account must be letters, digits, dots or dashes"),
    ),
    Setting(
        "line", str, "", "Line",
        "The SIP line that rings first, such as 0033972123456.", "line",
        validator=_pattern_validator(
            r"[A-Za-z0-9._-]{1,64}", "line must be letters, digits, dots or dashes"),
    ),
    Setting(
        "click2call_user", int, 0, "Click2Call user",
        "The Click2Call user of the line used to place calls (0: none, the API account calls).",
        "line", validator=_range_validator("click2call_user", 0, 2**63 - 1),
    ),
    Setting(
        "calling_mode", str, "ring", "Calling mode",
        "Ring my phone: your phone rings, pick up to reach the number. Intercom: your phone "
        "picks up by itself on its speaker.", "line",
        choices=("ring", "intercom"), choice_labels=("Ring my phone", "Intercom"),
    ),
    # Behaviour
    Setting(
        "region", str, FALLBACK_REGION, "Default country",
        "The country of numbers written without an international prefix.", "behaviour",
        validator=_validate_region, default_factory=system_region,
    ),
    Setting(
        "popup_enabled", bool, True, "Offer to call copied numbers",
        "Show a small Call window when you copy a phone number.", "behaviour",
    ),
    Setting(
        "popup_position", str, "tray", "Popup position",
        "Where the Call window appears.", "behaviour",
        choices=("tray", "cursor"), choice_labels=("Near the tray icon", "Near the mouse pointer"),
    ),
    Setting(
        "popup_timeout_s", int, 10, "Hide the popup after (seconds)",
        "The Call window closes by itself after this delay unless the pointer is on it "
        "(0: never).", "behaviour", validator=_range_validator("popup_timeout_s", 0, 3600),
    ),
    Setting(
        "watch_selection", bool, False, "Watch the selection too (X11)",
        "Also offer numbers you only select with the mouse, without copying them.", "behaviour",
    ),
    Setting(
        "hotkey", str, DEFAULT_HOTKEY, "Global shortcut",
        "Select a number anywhere and press this to be offered the call; press it again to call, "
        "Up and Down choose among several numbers (empty: no shortcut).", "behaviour",
        validator=validate_hotkey,
    ),
    Setting(
        "start_at_login", bool, False, "Start at login",
        "Start EasyClick2Call when you log in.", "behaviour",
    ),
    Setting(
        "handle_tel_links", bool, False, "Open tel: and callto: links",
        "Make EasyClick2Call the program that opens tel: and callto: links.", "behaviour",
    ),
    Setting(
        "language", str, "system", "Language",
        "The language of EasyClick2Call (takes effect at the next start).", "behaviour",
        choices=("system", "en", "fr"), choice_labels=("System language", "English", "French"),
    ),
    # Live calls (ui.live_calls)
    Setting(
        "live_calls", bool, True, "Live calls",
        "Follow your calls as they happen: who is calling, missed calls, how long a call "
        "lasted (needs an access key that allows it).", "behaviour",
    ),
    Setting(
        "live_calls_lines", str, "line", "Lines to follow",
        "The calls of which lines are shown.", "behaviour",
        choices=("line", "all"),
        choice_labels=("The configured line", "Every line of the billing account"),
    ),
    Setting(
        "do_not_disturb", bool, False, "Do not disturb",
        "No incoming-call or missed-call windows; calls are still recorded.", "behaviour",
    ),
    # Filters
    Setting(
        "blocked_prefixes", list, DEFAULT_BLOCKED_PREFIXES, "Blocked prefixes",
        "Numbers starting with these prefixes are never called, such as premium-rate numbers "
        "(+3389 is 08 9x in France).", "filters", validator=_validate_prefixes,
    ),
    Setting(
        "confirm_international", bool, True, "Confirm international calls",
        "Ask before calling a number in another country than the default one.", "filters",
    ),
    # Privacy
    Setting(
        "history_enabled", bool, True, "Keep a call history",
        "Remember the numbers you called (never what you copied).", "privacy",
    ),
    Setting(
        "history_retention_days", int, 90, "Keep history for (days)",
        "Older calls are deleted from the history (0: keep forever).", "privacy",
        validator=_range_validator("history_retention_days", 0, 36500),
    ),
    # Internal
    Setting(
        "demo", bool, False, "Demo mode",
        "Use the built-in OVHcloud sandbox instead of a real account.", INTERNAL_GROUP,
    ),
)

BY_KEY: dict[str, Setting] = {setting.key: setting for setting in SETTINGS}


def setting(key: str) -> Setting:
    """The declaration of `key`; ValueError (listing the known keys) when there is none."""
    _refuse_secret_key(key)
    try:
        return BY_KEY[key]
    except KeyError:
        raise ValueError(
            f"Unknown setting {key!r}. Known settings: {', '.join(BY_KEY)}."
        ) from None


def settings_in_group(group: str) -> list[Setting]:
    """The settings of one Settings-dialog page, in declaration order."""
    return [item for item in SETTINGS if item.group == group]


def translatable_strings() -> tuple[str, ...]:
    """Every user-facing string of the declaration (labels, help, choice labels), in order."""
    strings: list[str] = []
    for item in SETTINGS:
        strings += [item.label, item.help, *(item.choice_labels or ())]
    return tuple(strings)


def _refuse_secret_key(key: str) -> None:
    if SECRET_KEY_PATTERN.search(key):
        raise ValueError(
            f"{key!r} looks like a secret: secrets are kept in the system keyring, never in the "
            f"settings (use 'easyclick2call config set-secret')."
        )


Listener = Callable[[str], None]


class Settings:
    """Typed, validated settings over a SettingsStore; loads (and checks) everything at creation."""

    def __init__(self, store: SettingsStore) -> None:
        self.store = store
        self.warnings: list[str] = []
        self.invalid: dict[str, object] = {}  # key -> the stored value that was not valid
        self.listeners: list[Listener] = []
        self._values: dict[str, object] = {}
        self._stored: set[str] = set()
        self.load()

    def load(self) -> list[str]:
        """Read and validate every value; bad ones fall back to their default with one warning.

        Returns the warnings of this load (also kept in ``self.warnings``)."""
        warnings = list(getattr(self.store, "warnings", []) or [])
        values: dict[str, object] = {}
        stored: set[str] = set()
        invalid: dict[str, object] = {}
        for item in SETTINGS:
            raw = self.store.get(item.key)
            if raw is None:
                values[item.key] = item.default_value()
                continue
            try:
                values[item.key] = item.validate(raw)
                stored.add(item.key)
            except ValueError as exc:
                values[item.key] = item.default_value()
                invalid[item.key] = raw
                if item.key in NO_FALLBACK:
                    warnings.append(f"Setting {item.key} is not valid and must be fixed: {exc}")
                else:
                    warnings.append(f"Setting {item.key} ignored, default used instead: {exc}")
        for message in warnings:
            log.warning("%s", message)
        self._values, self._stored, self.warnings = values, stored, warnings
        self.invalid = invalid
        return warnings

    def get(self, key: str) -> object:
        """The typed value of `key` (its default when not set or invalid)."""
        setting(key)
        value = self._values[key]
        return list(value) if isinstance(value, list) else value

    def set(self, key: str, value: object) -> None:
        """Validate and store `value`; raises ValueError with a clear message when it is bad."""
        value = setting(key).validate(value)
        self.store.set(key, value)
        self._values[key] = value
        self._stored.add(key)
        self.invalid.pop(key, None)
        self._notify(key)

    def set_text(self, key: str, text: str) -> object:
        """Set from text typed by a person (CLI); returns the typed value stored."""
        value = setting(key).parse_text(text)
        self.set(key, value)
        return value

    def reset(self, key: str) -> None:
        """Forget the stored value: the default applies again."""
        item = setting(key)
        self.store.remove(key)
        self._values[key] = item.default_value()
        self._stored.discard(key)
        self.invalid.pop(key, None)
        self._notify(key)

    def is_set(self, key: str) -> bool:
        """True when a valid value is stored for `key` (not just its default)."""
        setting(key)
        return key in self._stored

    def values(self) -> dict[str, object]:
        """Every setting's typed value, in declaration order."""
        return {item.key: self.get(item.key) for item in SETTINGS}

    def update(self, changes: Iterable[tuple[str, object]]) -> None:
        """Validate all of `changes` first, then store them (all or nothing)."""
        checked = [(key, setting(key).validate(value)) for key, value in changes]
        for key, value in checked:
            self.set(key, value)

    def sync(self) -> None:
        """Flush the store to disk."""
        self.store.sync()

    def add_listener(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self.listeners:
            self.listeners.remove(listener)

    def _notify(self, key: str) -> None:
        for listener in list(self.listeners):
            listener(key)
