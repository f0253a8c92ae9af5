"""What the headless OVHcloud commands share (`call`, `lines`, `users …`, `connect`, `events`,
`contacts`, `history sync` — one module each): their configuration, errors and output.

Configuration, weakest first: the profile's stored settings and keyring secrets (when the
profile has an account), then python-ovh's environment variables (`OVH_ENDPOINT` — which may
also be a loopback sandbox URL —, `OVH_APPLICATION_KEY`, `OVH_APPLICATION_SECRET`,
`OVH_CONSUMER_KEY`, `OVH_CLIENT_ID`, `OVH_CLIENT_SECRET`) and `EASYCLICK2CALL_BILLING_ACCOUNT`,
`EASYCLICK2CALL_LINE`, `EASYCLICK2CALL_PROFILE`, then the command-line flags.

Output: one human line (French when LANGUAGE/LANG starts with "fr"), or with --json one JSON
object on stdout. Exit codes: see easyclick2call.commands.exit_codes (0 done, 2 usage, 3 not a
callable number, 4 sign-in or permission, 5 network or server).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from easyclick2call.commands.exit_codes import (
    EXIT_AUTH,
    EXIT_CANCELLED,
    EXIT_USAGE,
    exit_code_for,
)
from easyclick2call.commands.language import cli_language
from easyclick2call.commands.translation import cli_text, translate
from easyclick2call.core.settings import FALLBACK_REGION, system_region

_ENV_IDENTITY = {
    "application_key": "OVH_APPLICATION_KEY",
    "application_secret": "OVH_APPLICATION_SECRET",
    "consumer_key": "OVH_CONSUMER_KEY",
    "client_id": "OVH_CLIENT_ID",
    "client_secret": "OVH_CLIENT_SECRET",
}

_EPILOG = (
    "Configuration: the profile's settings and keyring, overridden by OVH_ENDPOINT, "
    "OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY, OVH_CLIENT_ID, "
    "OVH_CLIENT_SECRET, EASYCLICK2CALL_BILLING_ACCOUNT, EASYCLICK2CALL_LINE and "
    "EASYCLICK2CALL_PROFILE, overridden by the options. Exit codes: 0 done, 2 usage, "
    "3 not a callable number, 4 sign-in or permission, 5 network or server."
)


# --- language and output ---------------------------------------------------------------------


class CliError(Exception):
    """A failure to report in one line, with its exit code."""

    def __init__(self, code: int, kind: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.kind = kind
        self.message = message
        self.detail = detail
        self.outcome = ""  # for a call: "failed" or "uncertain" (ovhapi.dialing)


def _from_api_error(error) -> CliError:
    from easyclick2call.commands.cli_messages import cli_message
    from easyclick2call.commands.cli_support import with_log_path

    message = with_log_path(cli_message(error, cli_language()))
    if error.kind in ("config", "bad_request") and error.detail:
        message = f"{message} ({error.detail})"
    return CliError(exit_code_for(error), error.kind, message, error.detail)


def _emit(args: argparse.Namespace, payload: dict, human: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps({"ok": True, **payload}, ensure_ascii=False))
    else:
        print(human)


def _run(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Wrap a handler: every failure becomes one line (or one JSON object) and an exit code."""

    def run(args: argparse.Namespace) -> int:
        from easyclick2call.commands.cli_support import log_failure
        from easyclick2call.ovhapi.errors import ApiError

        try:
            return handler(args)
        except ApiError as error:
            failure = _from_api_error(error)
        except CliError as caught:
            failure = caught
        except KeyboardInterrupt:
            failure = CliError(EXIT_CANCELLED, "cancelled", translate("Cli", "Cancelled."))
        except Exception as exc:  # never a traceback for the user: one line, kind "unexpected"
            from easyclick2call.ovhapi.errors import map_error

            failure = _from_api_error(map_error(exc))
            log_failure(failure.kind, failure.code, exc)
        if failure.kind != "unexpected":
            log_failure(failure.kind, failure.code)
        if getattr(args, "json", False):
            print(
                json.dumps(
                    {
                        "ok": False,
                        "error": {
                            "kind": failure.kind,
                            "message": failure.message,
                            "detail": failure.detail,
                            "exit_code": failure.code,
                        },
                        **({"outcome": failure.outcome} if failure.outcome else {}),
                    },
                    ensure_ascii=False,
                )
            )
        else:
            print(f"easyclick2call: {failure.message}", file=sys.stderr)
        return failure.code

    return run


# --- configuration ---------------------------------------------------------------------------


@dataclass
class CliConfig:
    """Everything a command needs, merged from stored settings, environment and flags."""

    endpoint: str = "ovh-eu"
    auth_mode: str = "application"
    values: dict[str, str] = field(default_factory=dict)  # the identity's keys and secrets
    billing_account: str = ""
    line: str = ""
    region: str = FALLBACK_REGION
    intercom: bool = False
    click2call_user_id: int | None = None
    profile: object | None = None  # core.paths.Profile when core is available
    stored_application_key: str = ""
    blocked_prefixes: tuple[str, ...] = ()  # the call gate's settings (core.call_gate)
    confirm_international: bool = True
    history_enabled: bool = True

    def identity(self):
        from easyclick2call.ovhapi.client import ApiIdentity

        if self.auth_mode == "oauth2":
            keys = ("client_id", "client_secret")
        else:
            keys = ("application_key", "application_secret", "consumer_key")
        return ApiIdentity(self.endpoint, **{k: self.values.get(k, "") for k in keys})


def _stored_account(profile_arg: str | None):
    """(profile, StoredAccount, Settings) of the profile; no account and no stored settings
    for a custom profile not made yet."""
    from easyclick2call.core.account import account_from_settings
    from easyclick2call.core.paths import resolve_profile
    from easyclick2call.core.secrets import SecretStore
    from easyclick2call.core.settings import Settings

    profile = resolve_profile(profile_arg)
    if profile.is_custom and not profile.settings_file.exists():
        return profile, None, None
    from easyclick2call.ui.qsettings_store import QSettingsStore

    settings = Settings(QSettingsStore(profile))
    return profile, account_from_settings(settings, SecretStore(profile.keyring_service)), \
        settings


def _read_secret(account, name: str) -> str:
    from easyclick2call.core.secrets import SecretsError

    try:
        return getattr(account, name) or ""
    except SecretsError as exc:
        raise CliError(EXIT_AUTH, "keyring", cli_text(exc)) from exc


def load_config(args: argparse.Namespace) -> CliConfig:
    """Stored settings < environment < flags (see the module docstring)."""
    config = CliConfig()
    profile, account, settings = _stored_account(getattr(args, "profile", None))
    config.profile = profile
    if settings is not None:
        config.blocked_prefixes = tuple(settings.get("blocked_prefixes") or ())
        config.confirm_international = bool(settings.get("confirm_international"))
        config.history_enabled = bool(settings.get("history_enabled"))
    else:
        from easyclick2call.core.settings import BY_KEY

        config.blocked_prefixes = tuple(BY_KEY["blocked_prefixes"].default_value() or ())
    env = {key: os.environ.get(name, "").strip() for key, name in _ENV_IDENTITY.items()}
    env_mode = "oauth2" if env["client_id"] else "application" if env["application_key"] else ""

    if account is not None:
        config.endpoint = account.endpoint or config.endpoint
        config.auth_mode = account.auth_mode or config.auth_mode
        config.billing_account = account.billing_account or ""
        config.line = account.line or ""
        config.region = account.region or system_region()
        config.intercom = bool(account.intercom)
        config.click2call_user_id = account.click2call_user or None
        config.stored_application_key = account.application_key or ""
    else:
        config.region = system_region()

    config.endpoint = os.environ.get("OVH_ENDPOINT", "").strip() or config.endpoint
    if (account is not None and account.endpoint_error is not None
            and not os.environ.get("OVH_ENDPOINT", "").strip()):
        raise CliError(EXIT_AUTH, "config", cli_text(account.endpoint_error))
    if env_mode:
        if env_mode != config.auth_mode:
            account = None  # the stored account signs in the other way: use none of it
        config.auth_mode = env_mode
    keys = (
        ("client_id", "client_secret")
        if config.auth_mode == "oauth2"
        else ("application_key", "application_secret", "consumer_key")
    )
    for key in keys:
        value = env[key]
        if not value and account is not None:
            value = _stored_value(account, key, env)
        config.values[key] = value

    config.billing_account = (
        os.environ.get("EASYCLICK2CALL_BILLING_ACCOUNT", "").strip() or config.billing_account
    )
    config.line = os.environ.get("EASYCLICK2CALL_LINE", "").strip() or config.line
    if getattr(args, "billing_account", None):
        config.billing_account = args.billing_account
    if getattr(args, "line", None):
        config.line = args.line
    if getattr(args, "region", None):
        config.region = _region_option(args.region)
    if getattr(args, "intercom", None) is not None:
        config.intercom = args.intercom
    if getattr(args, "click2call_user", None) is not None:
        config.click2call_user_id = args.click2call_user or None
    return config


def _region_option(value: str) -> str:
    """--region, checked: a country code phonenumbers knows (or ZZ: no home country)."""
    from easyclick2call.core.regions import REGION_CODES

    region = value.strip().upper()
    if region != "ZZ" and region not in REGION_CODES:
        shown = value if len(value) <= 8 else value[:7] + "…"
        raise CliError(EXIT_USAGE, "usage", translate(
            "Cli",
            "--region {shown}: not a country code — use two letters such as FR, BE, CH or "
            "CA.").format(shown=shown))
    return region


def _stored_value(account, key: str, env: dict[str, str]) -> str:
    """A stored key or secret, unless the environment names another application/client."""
    if key in ("application_key", "client_id"):
        return getattr(account, key) or ""
    owner = "client_id" if key == "client_secret" else "application_key"
    if not getattr(account, owner):
        return ""  # the profile has no account of this kind: no keyring access at all
    if env[owner] and env[owner] != getattr(account, owner):
        return ""  # that secret belongs to the stored application, not to the one in env
    return _read_secret(account, key)


def _telephony(config: CliConfig):
    from easyclick2call.ovhapi.client import make_client
    from easyclick2call.ovhapi.telephony import Telephony

    return Telephony(make_client(config.identity()))


def _pick_billing_account(config: CliConfig, telephony) -> str:
    if config.billing_account:
        return config.billing_account
    accounts = telephony.billing_accounts()
    if len(accounts) == 1:
        return accounts[0]
    if not accounts:
        raise CliError(
            EXIT_USAGE,
            "no_billing_account",
            translate("Cli", "This OVHcloud account has no telephony billing account."),
        )
    names = ", ".join(accounts)
    raise CliError(
        EXIT_USAGE,
        "choose_billing_account",
        translate(
            "Cli",
            "Several billing accounts ({names}) — choose one with --billing-account.").format(
            names=names),
    )


def _pick_line(config: CliConfig, telephony, billing_account: str) -> str:
    if config.line:
        return config.line
    lines = telephony.lines(billing_account)
    if len(lines) == 1:
        return lines[0].service_name
    if not lines:
        raise CliError(
            EXIT_USAGE,
            "no_line",
            translate(
                "Cli",
                "The billing account {billing_account} has no line.").format(
                billing_account=billing_account),
        )
    names = ", ".join(line.service_name for line in lines)
    raise CliError(
        EXIT_USAGE,
        "choose_line",
        translate("Cli", "Several lines ({names}) — choose one with --line.").format(names=names),
    )


# --- commands --------------------------------------------------------------------------------


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _common(with_line: bool = True) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--json", action="store_true", help="print one JSON object (for scripts)"
    )
    parent.add_argument(
        "--profile",
        metavar="DIR",
        help="settings profile folder (default: $EASYCLICK2CALL_PROFILE, else the usual one)",
    )
    if with_line:
        parent.add_argument(
            "--billing-account",
            metavar="BA",
            help="telephony billing account, e.g. ab12345-ovh-1 "
            "(default: $EASYCLICK2CALL_BILLING_ACCOUNT, the settings, or the only one)",
        )
        parent.add_argument(
            "--line",
            metavar="SN",
            help="line that rings first, e.g. 0033972123456 "
            "(default: $EASYCLICK2CALL_LINE, the settings, or the only one)",
        )
    return parent
