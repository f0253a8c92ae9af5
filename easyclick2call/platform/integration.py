"""One call for the Settings dialog: make the OS match the desktop-integration settings.

``start_at_login`` → :mod:`easyclick2call.platform.autostart`; ``handle_tel_links`` →
:mod:`easyclick2call.platform.url_handler`. Failures are returned as plain sentences (the dialog
shows them) instead of raised: a refused registry write must not lose the user's other settings.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from easyclick2call.platform import autostart, url_handler

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IntegrationState:
    """What the OS currently does, to show in Settings (it may differ from the stored values)."""

    start_at_login: bool
    handle_tel_links: bool


def current_state() -> IntegrationState:
    return IntegrationState(autostart.is_enabled(), _safe_is_registered())


def _safe_is_registered() -> bool:
    try:
        return url_handler.is_registered()
    except (OSError, url_handler.LinkRegistrationError):
        return False


def apply(start_at_login: bool, handle_tel_links: bool) -> list[str]:
    """Enable/disable start-at-login and link handling; returns the problems met (English)."""
    problems: list[str] = []
    try:
        if start_at_login != autostart.is_enabled():
            autostart.apply_setting(start_at_login)
    except OSError as exc:
        log.warning("start at login: %s", type(exc).__name__)
        problems.append(
            f"Could not change “Start at login” ({exc.strerror or type(exc).__name__})."
        )
    try:
        if handle_tel_links != _safe_is_registered():
            url_handler.apply_setting(handle_tel_links)
    except url_handler.LinkRegistrationError as exc:
        problems.append(str(exc))
    except OSError as exc:
        log.warning("tel: links: %s", type(exc).__name__)
        problems.append(
            f"Could not change the handler of tel: links ({exc.strerror or type(exc).__name__})."
        )
    return problems
