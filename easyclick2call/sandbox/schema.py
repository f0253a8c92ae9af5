"""A small checker of JSON values against OVHcloud's published API schema (`ovh_schema.json`).

`ovh_schema.json` is `click2call-subset.json`: a subset of OVHcloud's API v1 schema
(`https://eu.api.ovh.com/1.0/{telephony,auth,me}.json` via can-er/ovh-api-v1-docs at commit
14083b822a6540c26ef06ae9f0f3a3c306fb03e0, MIT), unedited. `ovh_schema_cti.json` is the subset of
the same file and commit with the phonebook, call-record (voiceConsumption), event-token and phone
routes, unedited too; `load_schema()` merges both (they share two identical models). Used by the
tests to prove that every answer of the sandbox fits the schema (models, field names, JSON types,
enums, `void` = null), and by the phonebook routes to check request bodies.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from importlib import resources

_STRINGS = {"string", "password", "phoneNumber", "ipBlock", "uuid", "text", "ip"}


SCHEMA_FILES = ("ovh_schema.json", "ovh_schema_cti.json")


@cache
def load_schema() -> dict:
    """The schema subsets shipped next to this module, merged into one."""
    merged: dict = {"sources": [], "apis": [], "models": {}}
    for name in SCHEMA_FILES:
        text = resources.files("easyclick2call.sandbox").joinpath(name).read_text("utf-8")
        part = json.loads(text)
        merged["sources"] += part["sources"]
        merged["apis"] += part["apis"]
        for model, definition in part["models"].items():
            if merged["models"].setdefault(model, definition) != definition:
                raise ValueError(f"{name}: model {model} differs from the other subset's")
    return merged


def operation(method: str, path: str) -> dict | None:
    """The schema operation for `method` on an OVHcloud path template, or None."""
    for api in load_schema()["apis"]:
        if api["path"] == path:
            for op in api["operations"]:
                if op["httpMethod"] == method:
                    return op
    return None


def check(value: object, type_name: str, where: str = "$") -> list[str]:
    """Every way `value` departs from the schema type `type_name` (empty list: it fits)."""
    models = load_schema()["models"]
    if type_name == "void":
        return [] if value is None else [f"{where}: void must be null, got {value!r}"]
    if type_name.endswith("[]"):
        if not isinstance(value, list):
            return [f"{where}: expected a list of {type_name[:-2]}, got {type(value).__name__}"]
        problems: list[str] = []
        for index, item in enumerate(value):
            problems += check(item, type_name[:-2], f"{where}[{index}]")
        return problems
    if type_name.startswith("map[string]"):
        if not isinstance(value, dict):
            return [f"{where}: expected an object for {type_name}"]
        problems = []
        for key, item in value.items():
            problems += check(item, type_name[len("map[string]") :], f"{where}.{key}")
        return problems
    if type_name in models:
        return _check_model(value, type_name, models[type_name], where)
    return _check_primitive(value, type_name, where)


def _check_model(value: object, name: str, model: dict, where: str) -> list[str]:
    if "enum" in model:
        if value not in model["enum"]:
            return [f"{where}: {value!r} is not one of {name}"]
        return []
    if not isinstance(value, dict):
        return [f"{where}: expected a {name} object, got {type(value).__name__}"]
    properties = model.get("properties", {})
    problems = [
        f"{where}.{key}: not a property of {name}" for key in value if key not in properties
    ]
    for key, item in value.items():
        prop = properties.get(key)
        if prop is None:
            continue
        if item is None:
            if not prop.get("canBeNull", False):
                problems.append(f"{where}.{key}: null but {name}.{key} cannot be null")
            continue
        problems += check(item, prop["type"], f"{where}.{key}")
    return problems


def _check_primitive(value: object, type_name: str, where: str) -> list[str]:
    ok: bool
    if type_name in _STRINGS:
        ok = isinstance(value, str)
    elif type_name in ("long", "int"):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif type_name in ("double", "float"):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif type_name == "boolean":
        ok = isinstance(value, bool)
    elif type_name == "datetime":
        ok = isinstance(value, str) and _is_datetime(value)
    elif type_name == "date":
        ok = isinstance(value, str) and _is_date(value)
    else:
        return [f"{where}: unknown schema type {type_name!r}"]
    return [] if ok else [f"{where}: {value!r} is not a {type_name}"]


def _is_datetime(text: str) -> bool:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return False
    return parsed.tzinfo is not None


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
