"""What the command line says for an OVHcloud failure: the CLI way to fix it, not a Settings page.

The app's messages (ovhapi.errors) end with what to do in the Settings dialog; someone at a
terminal needs the command instead. Kinds without an entry here keep the app's message (it names
no window: "check your internet connection", …).
"""

from __future__ import annotations

CLI = "easyclick2call"
_SET_UP = (f"'{CLI} config set application_key KEY', '{CLI} config set-secret "
           f"application_secret', then '{CLI} connect'")
_SET_UP_FR = (f"'{CLI} config set application_key CLÉ', '{CLI} config set-secret "
              f"application_secret', puis '{CLI} connect'")
_CONNECT = f"'{CLI} connect'"
_SHOW = f"'{CLI} config show'"

# kind -> (English, French): the whole sentence, said at a terminal.
CLI_MESSAGES: dict[str, tuple[str, str]] = {
    "not_configured": (
        f"No OVHcloud account is set up (or it is not connected yet) — set it up with {_SET_UP} "
        f"(or try the app with '{CLI} --demo').",
        f"Aucun compte OVHcloud n'est configuré (ou il n'est pas encore connecté) — "
        f"configurez-le avec {_SET_UP_FR} (ou essayez l'application avec '{CLI} --demo').",
    ),
    "config": (
        f"The OVHcloud account settings are incomplete or invalid — see them with {_SHOW} and fix "
        f"them with '{CLI} config set KEY VALUE'.",
        f"Les réglages du compte OVHcloud sont incomplets ou invalides — voyez-les avec {_SHOW} "
        f"et corrigez-les avec '{CLI} config set CLÉ VALEUR'.",
    ),
    "auth_missing": (
        f"OVHcloud asks you to sign in — run {_CONNECT}.",
        f"OVHcloud demande de vous identifier — lancez {_CONNECT}.",
    ),
    "invalid_signature": (
        f"OVHcloud refused the application secret — set the application key and secret again "
        f"with '{CLI} config set application_key KEY' and '{CLI} config set-secret "
        f"application_secret'.",
        f"OVHcloud a refusé le secret d'application — indiquez à nouveau la clé et le secret "
        f"avec '{CLI} config set application_key CLÉ' et '{CLI} config set-secret "
        f"application_secret'.",
    ),
    "unknown_app_key": (
        f"OVHcloud does not know this application key — set it again with '{CLI} config set "
        f"application_key KEY' (and check the endpoint in {_SHOW}).",
        f"OVHcloud ne connaît pas cette clé d'application — indiquez-la à nouveau avec '{CLI} "
        f"config set application_key CLÉ' (et vérifiez le point d'accès dans {_SHOW}).",
    ),
    "access_expired": (
        f"Access expired — run {_CONNECT} again.",
        f"Accès expiré — relancez {_CONNECT}.",
    ),
    "access_unknown": (
        f"This access key is unknown or belongs to another application — run {_CONNECT} again.",
        f"Cette clé d'accès est inconnue ou appartient à une autre application — relancez "
        f"{_CONNECT}.",
    ),
    "not_granted": (
        f"Your access key does not allow this action — run {_CONNECT} again to grant it.",
        f"Votre clé d'accès ne permet pas cette action — relancez {_CONNECT} pour l'autoriser.",
    ),
    "oauth_invalid_client": (
        f"OVHcloud refused the service account — set it again with '{CLI} config set client_id "
        f"ID' and '{CLI} config set-secret client_secret'.",
        f"OVHcloud a refusé le compte de service — indiquez-le à nouveau avec '{CLI} config set "
        f"client_id ID' et '{CLI} config set-secret client_secret'.",
    ),
    "oauth_failed": (
        f"Signing in with the service account failed — check it with {_SHOW}, then try again.",
        f"La connexion avec le compte de service a échoué — vérifiez-le avec {_SHOW}, puis "
        f"réessayez.",
    ),
    "key_refused": (
        f"The access request was refused on OVHcloud's page — run {_CONNECT} again and accept "
        f"it.",
        f"La demande d'accès a été refusée sur la page d'OVHcloud — relancez {_CONNECT} et "
        f"acceptez-la.",
    ),
    "key_expired": (
        f"The access request expired — run {_CONNECT} again.",
        f"La demande d'accès a expiré — relancez {_CONNECT}.",
    ),
    "key_timeout": (
        f"The access request was not validated in time — run {_CONNECT} again and accept it "
        f"sooner.",
        f"La demande d'accès n'a pas été validée à temps — relancez {_CONNECT} et acceptez-la "
        f"plus tôt.",
    ),
    "bad_request": (
        f"OVHcloud refused the request — check the number, and the line with '{CLI} lines'.",
        f"OVHcloud a refusé la demande — vérifiez le numéro, et la ligne avec '{CLI} lines'.",
    ),
    "not_found": (
        f"OVHcloud does not know this billing account, line or Click2Call user — list them with "
        f"'{CLI} lines' and '{CLI} users list', then '{CLI} config set line LINE'.",
        f"OVHcloud ne connaît pas ce compte de facturation, cette ligne ou cet utilisateur "
        f"Click2Call — listez-les avec '{CLI} lines' et '{CLI} users list', puis '{CLI} config "
        f"set line LIGNE'.",
    ),
}


def cli_message(error, language: str) -> str:
    """The sentence for an ovhapi ApiError at a terminal, in `language` ("en"/"fr")."""
    pair = CLI_MESSAGES.get(error.kind)
    if pair is None:
        from easyclick2call.commands.translation import translator_for

        return error.text(translator_for(language))
    return pair[1] if language.lower().startswith("fr") else pair[0]
