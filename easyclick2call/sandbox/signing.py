"""OVHcloud request signing, access-rule matching and the Click2Call password rule."""

from __future__ import annotations

import hashlib
import hmac
import re

SIGNATURE_PREFIX = "$1$"

# 8–20 characters from the control panel's set (no space, &, $ or backtick): docs/ovhcloud-api.md,
# "Click2Call user password".
PASSWORD_PATTERN = re.compile(
    r"""[A-Za-z0-9_~"#'{}()\\\[\]\-|^@=*+/!:;.,?<>%µÀÁÂÃÄÅàáâãäåÒÓÔÕÖØòóôõöøÈÉÊËèéêëÇçÌÍÎÏìíîïÙÚÛÜùúûüÿÑñ]{8,20}"""
)

# A number the sandbox accepts as `calledNumber` / `callingNumber`: 00…, +… or 0… and digits.
NUMBER_PATTERN = re.compile(r"(?:\+|00|0)[0-9]{2,17}")


def sign(  # noqa: PLR0917 - the six parts of OVHcloud's signature, in order
    application_secret: str,
    consumer_key: str,
    method: str,
    url: str,
    body: str | bytes,
    timestamp: str | int,
) -> str:
    """The `X-Ovh-Signature` of a request, exactly as python-ovh computes it."""
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="surrogateescape")
    text = "+".join([application_secret, consumer_key, method.upper(), url, body, str(timestamp)])
    digest = hashlib.sha1(text.encode("utf-8", errors="surrogateescape")).hexdigest()
    return SIGNATURE_PREFIX + digest


def signature_matches(expected: str, received: str) -> bool:
    """Constant-time comparison of two signatures."""
    return hmac.compare_digest(expected.encode(), received.encode())


def glob_matches(pattern: str, path: str) -> bool:
    """True when `path` matches the glob `pattern` (`*` = any characters, `/` included)."""
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, path) is not None


def rule_matches(rule_method: str, rule_path: str, method: str, path: str) -> bool:
    """True when an access rule (method + path glob, `*` = any characters) covers the request."""
    return rule_method.upper() == method.upper() and glob_matches(rule_path, path)


def rules_allow(rules: list[dict], method: str, path: str) -> bool:
    """True when any of `rules` ({"method", "path"}) covers the request."""
    return any(rule_matches(r["method"], r["path"], method, path) for r in rules)


def password_is_valid(password: object) -> bool:
    """The click2CallUser password rule of the OVHcloud control panel (docs/ovhcloud-api.md)."""
    return isinstance(password, str) and PASSWORD_PATTERN.fullmatch(password) is not None


def number_is_valid(number: object) -> bool:
    """True for a number-like string: `00…`, `+…` or `0…` followed by digits."""
    return isinstance(number, str) and NUMBER_PATTERN.fullmatch(number) is not None
