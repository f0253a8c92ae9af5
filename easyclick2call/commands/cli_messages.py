"""What the command line says for an OVHcloud failure: the CLI way to fix it, not a Settings page.

The app's messages (ovhapi.errors) end with what to do in the Settings dialog; someone at a
terminal needs the command instead. Kinds without an entry here keep the app's message (it names
no window: "check your internet connection", …). French: the catalogue's context "Cli".
"""

from __future__ import annotations

from easyclick2call.commands.translation import translator_for
from easyclick2call.core.i18n_marks import QT_TRANSLATE_NOOP

# kind -> the whole sentence (English), said at a terminal.
CLI_MESSAGES: dict[str, str] = {
    "not_configured": QT_TRANSLATE_NOOP(
        "Cli",
        "No OVHcloud account is set up (or it is not connected yet) — set it up with "
        "'easyclick2call config set application_key KEY', 'easyclick2call config set-secret "
        "application_secret', then 'easyclick2call connect' (or try the app with 'easyclick2call "
        "--demo')."),
    "config": QT_TRANSLATE_NOOP(
        "Cli",
        "The OVHcloud account settings are incomplete or invalid — see them with 'easyclick2call "
        "config show' and fix them with 'easyclick2call config set KEY VALUE'."),
    "auth_missing": QT_TRANSLATE_NOOP(
        "Cli",
        "OVHcloud asks you to sign in — run 'easyclick2call connect'."),
    "invalid_signature": QT_TRANSLATE_NOOP(
        "Cli",
        "OVHcloud refused the application secret — set the application key and secret again with "
        "'easyclick2call config set application_key KEY' and 'easyclick2call config set-secret "
        "application_secret'."),
    "unknown_app_key": QT_TRANSLATE_NOOP(
        "Cli",
        "OVHcloud does not know this application key — set it again with 'easyclick2call config "
        "set application_key KEY' (and check the endpoint in 'easyclick2call config show')."),
    "access_expired": QT_TRANSLATE_NOOP(
        "Cli",
        "Access expired — run 'easyclick2call connect' again."),
    "access_unknown": QT_TRANSLATE_NOOP(
        "Cli",
        "This access key is unknown or belongs to another application — run 'easyclick2call "
        "connect' again."),
    "not_granted": QT_TRANSLATE_NOOP(
        "Cli",
        "Your access key does not allow this action — run 'easyclick2call connect' again to grant "
        "it."),
    "oauth_invalid_client": QT_TRANSLATE_NOOP(
        "Cli",
        "OVHcloud refused the service account — set it again with 'easyclick2call config set "
        "client_id ID' and 'easyclick2call config set-secret client_secret'."),
    "oauth_failed": QT_TRANSLATE_NOOP(
        "Cli",
        "Signing in with the service account failed — check it with 'easyclick2call config show', "
        "then try again."),
    "key_refused": QT_TRANSLATE_NOOP(
        "Cli",
        "The access request was refused on OVHcloud's page — run 'easyclick2call connect' again "
        "and accept it."),
    "key_expired": QT_TRANSLATE_NOOP(
        "Cli",
        "The access request expired — run 'easyclick2call connect' again."),
    "key_timeout": QT_TRANSLATE_NOOP(
        "Cli",
        "The access request was not validated in time — run 'easyclick2call connect' again and "
        "accept it sooner."),
    "bad_request": QT_TRANSLATE_NOOP(
        "Cli",
        "OVHcloud refused the request — check the number, and the line with 'easyclick2call "
        "lines'."),
    "not_found": QT_TRANSLATE_NOOP(
        "Cli",
        "OVHcloud does not know this billing account, line or Click2Call user — list them with "
        "'easyclick2call lines' and 'easyclick2call users list', then 'easyclick2call config set "
        "line LINE'."),
}


def cli_message(error, language: str) -> str:
    """The sentence for an ovhapi ApiError at a terminal, in `language` ("en"/"fr")."""
    translate = translator_for(language)
    english = CLI_MESSAGES.get(error.kind)
    return error.text(translate) if english is None else translate("Cli", english)
