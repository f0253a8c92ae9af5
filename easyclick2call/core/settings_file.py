"""Damage in a settings INI file that QSettings does not report, and what of it can be kept.

QSettings reads on past NUL bytes, invalid UTF-8 and lines that mean nothing, and reports
FormatError only for a few of them (then every key would read as its default). Here a file's
bytes are checked line by line, and each key QSettings did parse is validated against its
declaration (:mod:`core.settings`), so that a damaged file keeps every value that is still good.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from easyclick2call.core.settings import BY_KEY

_SECTION = re.compile(r"\[[^\[\]\x00-\x1f]+\]")
_KEY_VALUE = re.compile(r"[^=\s][^=]*=.*")
_UNDECLARED_KEY = re.compile(r"[A-Za-z0-9_./\-]{1,80}")
ACCOUNT_MARKERS = ("application_key", "client_id", "billing_account", "line")
UNREADABLE = "unreadable"


def ini_problems(data: bytes) -> list[str]:
    """What is wrong with the bytes of an INI settings file ([] when nothing is)."""
    problems: list[str] = []
    if b"\x00" in data:
        problems.append("it contains NUL bytes")
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Windows editors) is fine
    except UnicodeDecodeError as exc:
        problems.append(f"it is not UTF-8 text (byte {exc.start})")
        text = data.decode("utf-8-sig", "replace")
    continued = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip().replace("\x00", "")
        if continued or not stripped or stripped[0] in ";#":
            continued = continued and line.endswith("\\")
            continue
        if _SECTION.fullmatch(stripped) or _KEY_VALUE.fullmatch(stripped):
            continued = line.endswith("\\")
            continue
        problems.append(f"line {number} is neither a setting nor a section")
        if len(problems) >= 5:
            break
    return problems


def ini_keys(data: bytes) -> set[str]:
    """The keys of the [General] section written in the file (what QSettings should have read)."""
    keys: set[str] = set()
    section = "General"
    for line in data.decode("utf-8-sig", "replace").splitlines():
        stripped = line.strip()
        if _SECTION.fullmatch(stripped):
            section = stripped[1:-1]
        elif section == "General" and _KEY_VALUE.fullmatch(stripped) and "\x00" not in stripped:
            keys.add(stripped.partition("=")[0].strip())
    return keys


def read_problems(path: Path) -> list[str]:
    """ini_problems of the file at `path`; a folder in its place is a problem too. A file that
    cannot be read (permissions) is not damage: [] (QSettings reports it)."""
    if path.is_dir():
        return ["a folder stands where the settings file belongs"]
    try:
        return ini_problems(path.read_bytes())
    except OSError:  # missing, or not readable
        return []


Converter = Callable[[object, "type | None"], object]


def salvage(values: Mapping[str, object],
            convert: Converter) -> tuple[dict[str, object], list[str]]:
    """(the keys worth keeping with their values, the keys dropped) from what QSettings parsed.

    A declared key is kept when its value (converted with `convert`) passes its validation;
    an undeclared one (another version's) when its name and value look sane. An endpoint that is
    not valid — or gone from a file that holds an account — is kept as the invalid text (or
    "unreadable"): the app then says which setting to fix instead of using another endpoint."""
    kept: dict[str, object] = {}
    dropped: list[str] = []
    for key, raw in values.items():
        declared = BY_KEY.get(key)
        if declared is None:
            if _UNDECLARED_KEY.fullmatch(key) and _sane(raw):
                kept[key] = raw
            else:
                dropped.append(key)
            continue
        try:
            kept[key] = declared.validate(convert(raw, declared.type))
        except ValueError:
            dropped.append(key)
    if "endpoint" not in kept and ("endpoint" in values or any(k in kept for k in ACCOUNT_MARKERS)):
        raw = values.get("endpoint")
        text = _printable(raw)
        kept["endpoint"] = text if text and text == raw else UNREADABLE  # never a guess
    return kept, dropped


def _sane(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" not in value and "\ufffd" not in value
    if isinstance(value, list):
        return all(_sane(item) for item in value)
    return isinstance(value, (int, float, bool))


def _printable(value: object) -> str:
    text = value if isinstance(value, str) else ""
    return "".join(char for char in text if char.isprintable() and char != "\ufffd")[:60]
