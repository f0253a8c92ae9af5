"""Headless OVHcloud commands: `call`, `lines`, `users …`, `connect`.

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
import getpass
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from easyclick2call.commands.exit_codes import (
    EXIT_AUTH,
    EXIT_CANCELLED,
    EXIT_OK,
    EXIT_USAGE,
    exit_code_for,
)
from easyclick2call.commands.language import cli_language
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


def _t(en: str, fr: str) -> str:
    return fr if cli_language() == "fr" else en


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
            failure = CliError(EXIT_CANCELLED, "cancelled", _t("Cancelled.", "Annulé."))
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
        raise CliError(EXIT_AUTH, "keyring", exc.message_in(cli_language())) from exc


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
        raise CliError(EXIT_AUTH, "config", account.endpoint_error.message_in(cli_language()))
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
        raise CliError(EXIT_USAGE, "usage", _t(
            f"--region {shown}: not a country code — use two letters such as FR, BE, CH or CA.",
            f"--region {shown} : ce n'est pas un code de pays — utilisez deux lettres comme "
            "FR, BE, CH ou CA."))
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
            _t(
                "This OVHcloud account has no telephony billing account.",
                "Ce compte OVHcloud n'a aucun compte de facturation téléphonie.",
            ),
        )
    names = ", ".join(accounts)
    raise CliError(
        EXIT_USAGE,
        "choose_billing_account",
        _t(
            f"Several billing accounts ({names}) — choose one with --billing-account.",
            f"Plusieurs comptes de facturation ({names}) — choisissez-en un avec "
            "--billing-account.",
        ),
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
            _t(
                f"The billing account {billing_account} has no line.",
                f"Le compte de facturation {billing_account} n'a aucune ligne.",
            ),
        )
    names = ", ".join(line.service_name for line in lines)
    raise CliError(
        EXIT_USAGE,
        "choose_line",
        _t(
            f"Several lines ({names}) — choose one with --line.",
            f"Plusieurs lignes ({names}) — choisissez-en une avec --line.",
        ),
    )


# --- commands --------------------------------------------------------------------------------


def cmd_lines(args: argparse.Namespace) -> int:
    config = load_config(args)
    telephony = _telephony(config)
    accounts = [config.billing_account] if config.billing_account else (
        telephony.billing_accounts()
    )
    found = []
    for account in accounts:
        for line in telephony.lines(account):
            found.append(
                {
                    "billing_account": account,
                    "service_name": line.service_name,
                    "description": line.description,
                }
            )
    if args.json:
        print(json.dumps({"ok": True, "lines": found}, ensure_ascii=False))
    elif not found:
        print(_t("No line found.", "Aucune ligne trouvée."))
    else:
        for entry in found:
            text = f"{entry['billing_account']}  {entry['service_name']}"
            print(f"{text}  {entry['description']}".rstrip())
    return EXIT_OK


def _line_target(args: argparse.Namespace, config: CliConfig | None = None):
    config = config or load_config(args)
    telephony = _telephony(config)
    billing_account = _pick_billing_account(config, telephony)
    line = _pick_line(config, telephony, billing_account)
    return telephony, billing_account, line


def cmd_users_list(args: argparse.Namespace) -> int:
    telephony, billing_account, line = _line_target(args)
    users = telephony.click2call_users(billing_account, line)
    if args.json:
        print(
            json.dumps(
                {
                    "ok": True,
                    "billing_account": billing_account,
                    "line": line,
                    "users": [
                        {
                            "id": user.id,
                            "login": user.login,
                            "created": user.created.isoformat() if user.created else None,
                        }
                        for user in users
                    ],
                },
                ensure_ascii=False,
            )
        )
    elif not users:
        print(_t(f"No Click2Call user on line {line}.", f"Aucun utilisateur Click2Call sur la "
                 f"ligne {line}."))
    else:
        for user in users:
            created = user.created.date().isoformat() if user.created else ""
            print(f"{user.id}  {user.login}  {created}".rstrip())
    return EXIT_OK


def read_password(confirm: bool) -> str:
    """The new password: a hidden prompt on a terminal (asked twice), else one stdin line."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(_t("New password: ", "Nouveau mot de passe : "))
    if confirm:
        again = getpass.getpass(_t("Password again: ", "Mot de passe à nouveau : "))
        if again != first:
            raise CliError(
                EXIT_USAGE,
                "password_mismatch",
                _t("The two passwords differ.", "Les deux mots de passe sont différents."),
            )
    return first


def _account_or_fail(args: argparse.Namespace) -> CliConfig:
    """The configuration, once it is known to name an account (ApiError otherwise)."""
    from easyclick2call.ovhapi.client import check_identity

    config = load_config(args)
    check_identity(config.identity())
    return config


def _password_or_fail() -> str:
    from easyclick2call.ovhapi.telephony import check_password

    password = read_password(confirm=True)
    problems = check_password(password, cli_language())
    if problems:
        from easyclick2call.ovhapi.errors import ApiError

        raise _from_api_error(ApiError.of("invalid_password", detail="; ".join(problems)))
    return password


def cmd_users_add(args: argparse.Namespace) -> int:
    from easyclick2call.ovhapi.errors import ApiError
    from easyclick2call.ovhapi.telephony import check_login

    problems = check_login(args.login, cli_language())
    if problems:
        raise _from_api_error(ApiError.of("invalid_login", detail="; ".join(problems)))
    config = _account_or_fail(args)  # no password asked for an account that is not there
    password = _password_or_fail()
    telephony, billing_account, line = _line_target(args, config)
    user_id = telephony.create_user(billing_account, line, args.login, password)
    _emit(
        args,
        {"id": user_id, "login": args.login, "billing_account": billing_account, "line": line},
        _t(
            f"Click2Call user {args.login} created on line {line} (id {user_id}).",
            f"Utilisateur Click2Call {args.login} créé sur la ligne {line} (id {user_id}).",
        ),
    )
    return EXIT_OK


def cmd_users_passwd(args: argparse.Namespace) -> int:
    config = _account_or_fail(args)
    password = _password_or_fail()
    telephony, billing_account, line = _line_target(args, config)
    telephony.change_password(billing_account, line, args.id, password)
    _emit(
        args,
        {"id": args.id, "billing_account": billing_account, "line": line},
        _t(
            f"Password of Click2Call user {args.id} changed.",
            f"Mot de passe de l'utilisateur Click2Call {args.id} modifié.",
        ),
    )
    return EXIT_OK


def cmd_users_rm(args: argparse.Namespace) -> int:
    telephony, billing_account, line = _line_target(args)
    telephony.delete_user(billing_account, line, args.id)
    _emit(
        args,
        {"id": args.id, "billing_account": billing_account, "line": line},
        _t(
            f"Click2Call user {args.id} deleted.",
            f"Utilisateur Click2Call {args.id} supprimé.",
        ),
    )
    return EXIT_OK


def cmd_connect(args: argparse.Namespace) -> int:
    from easyclick2call.commands.connect_flow import grant_consumer_key

    config = load_config(args)
    if config.auth_mode != "application":
        raise CliError(
            EXIT_USAGE,
            "usage",
            _t(
                "connect is for API applications; an OAuth2 service account needs no connection.",
                "connect sert aux applications API ; un compte de service OAuth2 n'a pas besoin "
                "de connexion.",
            ),
        )
    identity = config.identity()  # its consumer key, if any, is replaced by the new one
    progress = sys.stderr if args.json else sys.stdout

    def announce(url: str) -> None:
        print(_t(f"Open this page and accept the access request: {url}",
                 f"Ouvrez cette page et acceptez la demande d'accès : {url}"),
              file=progress, flush=True)

    def no_browser() -> None:
        print(_t("(No browser could be opened: copy the address above into one.)",
                 "(Aucun navigateur n'a pu être ouvert : copiez l'adresse ci-dessus dans l'un "
                 "d'eux.)"), file=progress, flush=True)

    consumer_key = grant_consumer_key(
        identity, announce=announce, open_browser=not args.no_browser, on_no_browser=no_browser,
        timeout=args.timeout, poll_interval=args.poll_interval, redirect_url=args.redirect_url)
    stored = _store_consumer_key(config, consumer_key) if not args.no_store else False
    payload: dict[str, object] = {"stored": stored}
    if stored:
        human = _t(
            "Connected: the new access key is saved in the keyring.",
            "Connecté : la nouvelle clé d'accès est enregistrée dans le trousseau.",
        )
    else:
        payload["consumer_key"] = consumer_key
        human = _t(
            f"Connected. Keep this access key: OVH_CONSUMER_KEY={consumer_key}",
            f"Connecté. Gardez cette clé d'accès : OVH_CONSUMER_KEY={consumer_key}",
        )
    _emit(args, payload, human)
    return EXIT_OK


def _store_consumer_key(config: CliConfig, consumer_key: str) -> bool:
    """Save the key in the profile's keyring when the profile's account is this application."""
    if config.profile is None or not config.stored_application_key:
        return False
    if config.stored_application_key != config.values.get("application_key"):
        return False
    from easyclick2call.core.secrets import SecretsError, SecretStore

    try:
        SecretStore(config.profile.keyring_service).set("consumer_key", consumer_key)
    except SecretsError as exc:
        print(f"easyclick2call: {exc.message_in(cli_language())}", file=sys.stderr)
        return False
    return True


# --- argparse --------------------------------------------------------------------------------


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


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `lines`, `users` and `connect` (`call` is commands.call_cmd)."""
    common = _common()

    lines = subparsers.add_parser(
        "lines",
        parents=[_common(with_line=False)],
        help="list the account's telephony lines",
        description="List the lines of the billing account (or of every billing account).",
        epilog=_EPILOG,
    )
    lines.add_argument(
        "--billing-account", metavar="BA", help="only this billing account"
    )
    lines.set_defaults(handler=_run(cmd_lines))

    users = subparsers.add_parser(
        "users",
        help="manage the line's Click2Call users",
        description=(
            "List, add, re-password or delete the Click2Call users of a line. Passwords are "
            "read from a hidden prompt, or from the first line of stdin when it is not a "
            "terminal; never from the command line."
        ),
        epilog=_EPILOG,
    )
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION")
    users.set_defaults(handler=lambda _args: _usage(users))
    users_list = users_sub.add_parser(
        "list", parents=[common], help="list the Click2Call users of the line"
    )
    users_list.set_defaults(handler=_run(cmd_users_list))
    users_add = users_sub.add_parser(
        "add",
        parents=[common],
        help="create a Click2Call user (password prompted)",
        description="Create a Click2Call user; the password (8-20 characters) is prompted.",
    )
    users_add.add_argument("login", metavar="LOGIN")
    users_add.set_defaults(handler=_run(cmd_users_add))
    users_passwd = users_sub.add_parser(
        "passwd",
        parents=[common],
        help="change a Click2Call user's password (prompted)",
        description="Change the password of Click2Call user ID; the new one is prompted.",
    )
    users_passwd.add_argument("id", metavar="ID", type=int)
    users_passwd.set_defaults(handler=_run(cmd_users_passwd))
    users_rm = users_sub.add_parser(
        "rm", parents=[common], help="delete a Click2Call user"
    )
    users_rm.add_argument("id", metavar="ID", type=int)
    users_rm.set_defaults(handler=_run(cmd_users_rm))

    connect = subparsers.add_parser(
        "connect",
        parents=[_common(with_line=False)],
        help="authorise this API application on your OVHcloud account",
        description=(
            "Request an access key (consumer key) limited to the routes EasyClick2Call uses, "
            "open OVHcloud's page to accept it, wait, then save it in the profile's keyring "
            "(or print it when the application key does not come from the profile)."
        ),
        epilog=_EPILOG,
    )
    connect.add_argument(
        "--no-browser", action="store_true", help="only print the page's address"
    )
    connect.add_argument(
        "--no-store", action="store_true", help="print the key instead of saving it"
    )
    connect.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="how long to wait for the acceptance (default 600)",
    )
    connect.add_argument(
        "--poll-interval",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="how often to ask whether it was accepted (default 2)",
    )
    connect.add_argument("--redirect-url", metavar="URL", help=argparse.SUPPRESS)
    connect.set_defaults(handler=_run(cmd_connect))
