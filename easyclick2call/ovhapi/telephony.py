"""The telephony routes EasyClick2Call uses: discovery, Click2Call users, placing a call.

Every method raises only `ApiError`. Logins and passwords are checked locally against
OVHcloud's rules (docs/ovhcloud-api.md) before anything is sent. A call is a single POST: it is
never retried (the client's sessions have urllib3 retries off), so one call() is one call at most.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

import ovh

from easyclick2call.core.call_gate import ApprovedCall
from easyclick2call.core.i18n_marks import QT_TRANSLATE_NOOP, Translate, english
from easyclick2call.ovhapi.client import CALL_DEADLINE_S, set_deadline
from easyclick2call.ovhapi.errors import UNCERTAIN_KINDS, ApiError, map_error

log = logging.getLogger(__name__)

T = TypeVar("T")

# 8-20 characters of the control panel's regex (`\w` without the `u` flag): docs/ovhcloud-api.md,
# "Click2Call user password".
PASSWORD_MIN = 8
PASSWORD_MAX = 20
_PASSWORD_CHARS = re.compile(
    r"""[A-Za-z0-9_~"#'{}()\\\[\]\-|^@=*+/!:;.,?<>%µÀÁÂÃÄÅàáâãäåÒÓÔÕÖØòóôõöøÈÉÊËèéêëÇçÌÍÎÏìíîïÙÚÛÜùúûüÿÑñ]*"""
)
# OVHcloud documents no login rule; this conservative set is the project's choice.
LOGIN_MAX = 50
_LOGIN_CHARS = re.compile(r"[A-Za-z0-9._@-]*")
# What OVHcloud is sent: "00" + country code + national number.
_OVH_NUMBER = re.compile(r"00[1-9]\d{3,16}")

# code -> (English template, its values). French: the catalogue's context "Telephony".
_PROBLEMS: dict[str, tuple[str, dict[str, int]]] = {
    "required": (QT_TRANSLATE_NOOP("Telephony", "Required"), {}),
    "password_short": (QT_TRANSLATE_NOOP("Telephony", "At least {count} characters"),
                       {"count": PASSWORD_MIN}),
    "password_long": (QT_TRANSLATE_NOOP("Telephony", "At most {count} characters"),
                      {"count": PASSWORD_MAX}),
    "password_chars": (QT_TRANSLATE_NOOP(
        "Telephony",
        "Only letters, digits and ~\"#'{{}}()[]-|^@=*+/!:;.,?<>%_ (no space, &, $ or `)"), {}),
    "login_long": (QT_TRANSLATE_NOOP("Telephony", "At most {count} characters"),
                   {"count": LOGIN_MAX}),
    "login_chars": (QT_TRANSLATE_NOOP(
        "Telephony", "Only letters, digits, dots, dashes, underscores and @"), {}),
}


def _say(codes: list[str], translate: Translate) -> list[str]:
    return [translate("Telephony", _PROBLEMS[code][0]).format(**_PROBLEMS[code][1])
            for code in codes]


def check_password(password: str, translate: Translate = english) -> list[str]:
    """What is wrong with a Click2Call password ([] when OVHcloud will accept it)."""
    codes: list[str] = []
    if not password:
        return _say(["required"], translate)
    if len(password) < PASSWORD_MIN:
        codes.append("password_short")
    if len(password) > PASSWORD_MAX:
        codes.append("password_long")
    if not _PASSWORD_CHARS.fullmatch(password):
        codes.append("password_chars")
    return _say(codes, translate)


def check_login(login: str, translate: Translate = english) -> list[str]:
    """What is wrong with a Click2Call login ([] when it is fine)."""
    if not login:
        return _say(["required"], translate)
    codes: list[str] = []
    if len(login) > LOGIN_MAX:
        codes.append("login_long")
    if not _LOGIN_CHARS.fullmatch(login):
        codes.append("login_chars")
    return _say(codes, translate)


def to_ovh_number(number: object) -> str:
    """OVHcloud's `00…` form of a FoundNumber (its `.ovh`), a `+…` or an `00…` string.

    Raises ApiError("invalid_number") for anything else; national numbers must go through
    `easyclick2call.core.numbers.parse_number` first (they need a country).
    """
    text = getattr(number, "ovh", number)
    if not isinstance(text, str):
        raise ApiError.of("invalid_number", detail="not a phone number")
    compact = re.sub(r"[\s.\-()/]", "", text)
    if compact.startswith("+"):
        compact = "00" + compact[1:]
    if not _OVH_NUMBER.fullmatch(compact):
        raise ApiError.of("invalid_number", detail="expected an international number (00…)")
    return compact


def mask_number(number: str) -> str:
    """A number for logs: everything but the last two digits hidden."""
    return "…" + number[-2:] if len(number) > 2 else "…"


@dataclass(frozen=True)
class Line:
    service_name: str  # "0033972123456"
    description: str


@dataclass(frozen=True)
class Click2CallUser:
    id: int
    login: str
    created: datetime | None


class _Client(Protocol):
    def get(self, _target: str, _need_auth: bool = True, **kwargs: Any) -> Any: ...
    def post(self, _target: str, _need_auth: bool = True, **kwargs: Any) -> Any: ...
    def delete(self, _target: str, _need_auth: bool = True, **kwargs: Any) -> Any: ...


def _seg(value: object) -> str:
    """One URL path segment (an account, a line or an id can never add a path level)."""
    text = str(value)
    if not text:
        raise ApiError.of("not_configured", detail="billing account or line missing")
    return quote(text, safe="")


def _user_seg(user_id: object) -> str:
    """The path segment of a Click2Call user id (a positive integer)."""
    try:
        number = int(str(user_id))
    except ValueError:
        number = 0
    if number <= 0:
        raise ApiError.of("not_found", detail="a Click2Call user id is a positive number")
    return str(number)


def _parse_datetime(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


class Telephony:
    """OVHcloud telephony for one account, over an `ovh.Client` (see ovhapi.client)."""

    def __init__(self, client: ovh.Client | _Client) -> None:
        self._client = client

    @staticmethod
    def _run(action: Callable[[], T]) -> T:
        try:
            return action()
        except ApiError:
            raise
        except Exception as exc:
            error = map_error(exc)
            log.info("OVHcloud request failed: %s (%s)", error.kind, error.detail)
            raise error from exc

    def _line_path(self, billing_account: str, line: str) -> str:
        return f"/telephony/{_seg(billing_account)}/line/{_seg(line)}"

    # discovery ---------------------------------------------------------------------------------

    def me(self) -> dict:
        """The account holder (`nichandle.Nichandle`): nichandle, firstname, name, email…"""
        result = self._run(lambda: self._client.get("/me"))
        if not isinstance(result, dict):
            raise ApiError.of("invalid_response", detail="/me is not an object")
        return result

    def billing_accounts(self) -> list[str]:
        """The telephony billing accounts, e.g. ["ab12345-ovh-1"]."""
        return [str(name) for name in self._list(lambda: self._client.get("/telephony"))]

    def lines(self, billing_account: str) -> list[Line]:
        """The lines of a billing account, with their descriptions."""
        base = f"/telephony/{_seg(billing_account)}/line"
        names = self._list(lambda: self._client.get(base))
        result = []
        for name in names:
            details = self._run(lambda n=name: self._client.get(f"{base}/{_seg(n)}"))
            description = details.get("description") if isinstance(details, dict) else None
            result.append(Line(str(name), description or ""))
        return result

    def click2call_users(self, billing_account: str, line: str) -> list[Click2CallUser]:
        """The Click2Call users of a line."""
        base = self._line_path(billing_account, line) + "/click2CallUser"
        ids = self._list(lambda: self._client.get(base))
        users = []
        for user_id in ids:
            details = self._run(lambda i=user_id: self._client.get(f"{base}/{_user_seg(i)}"))
            if not isinstance(details, dict):
                raise ApiError.of("invalid_response", detail="click2CallUser is not an object")
            users.append(
                Click2CallUser(
                    id=int(_user_seg(details.get("id", user_id))),
                    login=str(details.get("login") or ""),
                    created=_parse_datetime(details.get("creationDateTime")),
                )
            )
        return users

    def _list(self, action: Callable[[], object]) -> list:
        result = self._run(action)
        if not isinstance(result, list):
            raise ApiError.of("invalid_response", detail="expected a list")
        return result

    # Click2Call users --------------------------------------------------------------------------

    def create_user(self, billing_account: str, line: str, login: str, password: str) -> int:
        """Create a Click2Call user on `line`; returns its id."""
        problems = check_login(login)
        if problems:
            raise ApiError.of("invalid_login", detail="; ".join(problems))
        _check_password_or_raise(password)
        path = self._line_path(billing_account, line) + "/click2CallUser"
        result = self._send(lambda: self._client.post(path, login=login, password=password))
        if isinstance(result, bool) or not isinstance(result, int):
            raise ApiError.of("invalid_response", detail="no user id in the answer")
        return result

    def change_password(
        self, billing_account: str, line: str, user_id: int, password: str
    ) -> None:
        """Set a new password for a Click2Call user."""
        _check_password_or_raise(password)
        path = (
            self._line_path(billing_account, line)
            + f"/click2CallUser/{_user_seg(user_id)}/changePassword"
        )
        self._send(lambda: self._client.post(path, password=password))

    def delete_user(self, billing_account: str, line: str, user_id: int) -> None:
        """Delete a Click2Call user."""
        path = self._line_path(billing_account, line) + f"/click2CallUser/{_user_seg(user_id)}"
        self._send(lambda: self._client.delete(path))

    # calls -------------------------------------------------------------------------------------

    def call(
        self,
        billing_account: str,
        line: str,
        approved: ApprovedCall,
        *,
        intercom: bool = False,
        calling_number: str | None = None,
        click2call_user_id: int | None = None,
        deadline_s: float = CALL_DEADLINE_S,
    ) -> None:
        """Ring `line`, then dial the number the call gate approved. Sent once, never retried,
        all within `deadline_s` (the clock or token request included).

        Raises ApiError; its ``uncertain`` is True when the request was sent and its fate is
        unknown (a timeout, a cut connection, a 5xx or an unreadable answer after sending):
        the call may have been placed. Any other failure means nothing was placed.
        """
        if not isinstance(approved, ApprovedCall):
            raise TypeError("Telephony.call takes an ApprovedCall from core.call_gate")
        called = to_ovh_number(approved.ovh)
        body: dict[str, object] = {"calledNumber": called}
        if calling_number:
            body["callingNumber"] = to_ovh_number(calling_number)
        base = self._line_path(billing_account, line)
        if click2call_user_id is not None:
            if intercom:
                raise ApiError.of(
                    "config", detail="intercom is only available without a Click2Call user"
                )
            path = f"{base}/click2CallUser/{_user_seg(click2call_user_id)}/click2Call"
        else:
            path = f"{base}/click2Call"
            if intercom:
                body["intercom"] = True
        deadline = time.monotonic() + deadline_s
        self._prepare_signature(deadline)  # nothing about the call is sent yet
        log.info("Placing a call to %s", mask_number(called))
        self._send(lambda: self._client.post(path, **body), deadline)

    def _prepare_signature(self, deadline: float) -> None:
        """Ask for the server's clock (application keys) or the OAuth2 token now, so that a
        failure there is known to have placed nothing."""
        set_deadline(self._client, deadline)
        oauth2 = getattr(self._client, "_oauth2", None)
        if oauth2 is not None:
            self._run(lambda: oauth2.session)
        elif getattr(self._client, "_application_secret", None):
            self._run(lambda: self._client.time_delta)
        if time.monotonic() >= deadline:
            raise ApiError.of("timeout", detail="no time left to send the request")

    def _send(self, action: Callable[[], T], deadline: float | None = None) -> T:
        """Run a request that changes something; a failure after sending it is uncertain."""
        if deadline is not None:
            set_deadline(self._client, deadline)
        try:
            return self._run(action)
        except ApiError as error:
            error.uncertain = error.kind in UNCERTAIN_KINDS
            raise


def _check_password_or_raise(password: str) -> None:
    problems = check_password(password)
    if problems:
        raise ApiError.of("invalid_password", detail="; ".join(problems))
