"""Tell the user, once, that a damaged settings file or call history was kept aside.

core.damaged reports each repair from whatever thread found it (the history is written by the
call's worker thread); :class:`DamageNotices` brings each notice to the GUI thread and shows it
as a notification. The Settings dialog shows this session's settings repair in a banner
(:func:`settings_banner_text`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from easyclick2call.core import damaged
from easyclick2call.core.damaged import DamageNotice

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("DamageNotices", text)


def describe(notice: DamageNotice) -> tuple[str, str]:
    """(title, body) of a notification about `notice`, in the user's language."""
    settings = notice.what == "settings"
    if notice.unwritable:
        return (tr("Call history not saved"),
                tr("Calls cannot be recorded in the call history (%1): check that %2 can be "
                   "written.").replace("%1", notice.reason).replace("%2", notice.path))
    if not notice.kept_as:
        title = tr("Settings file damaged") if settings else tr("Call history damaged")
        return title, tr("%1 is damaged and could not be kept aside: see the log.").replace(
            "%1", notice.path)
    if settings:
        return (tr("Settings file repaired"),
                tr("The settings file was damaged: every setting that could still be read is "
                   "kept, and the damaged file was kept as %1.").replace("%1", notice.kept_as))
    return (tr("Call history repaired"),
            tr("The call history was damaged and a new one was started; the damaged file was "
               "kept as %1.").replace("%1", notice.kept_as))


class DamageNotices(QObject):
    """Shows every damage notice (from any thread) with `notify(title, body, error=True)`."""

    arrived = Signal(object)  # DamageNotice, delivered on this object's (the GUI) thread

    def __init__(self, notify: Callable[..., Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notify = notify
        self.shown: list[DamageNotice] = []
        self.arrived.connect(self._show)
        self._listener = self.arrived.emit
        damaged.listen(self._listener)
        self.destroyed.connect(lambda *_, listener=self._listener: damaged.stop_listening(listener))

    def stop(self) -> None:
        """Stop listening (the object may then be deleted)."""
        damaged.stop_listening(self._listener)

    def _show(self, notice: DamageNotice) -> None:
        self.shown.append(notice)
        title, body = describe(notice)
        try:
            self._notify(title, body, error=True)
        except Exception:  # a notification must never take the app down
            log.exception("could not show a damage notice")


def settings_banner_text(context: Any) -> str:
    """What the Settings dialog says at its top: a repaired settings file, an invalid endpoint
    ("" when all is well)."""
    settings = getattr(context, "settings", None)
    parts = []
    for notice in getattr(getattr(settings, "store", None), "notices", []) or []:
        parts.append(describe(notice)[1])
    invalid = getattr(settings, "invalid", {}) or {}
    if "endpoint" in invalid:
        value = str(invalid["endpoint"])[:60]
        parts.append(tr('The endpoint setting "%1" is not valid — choose one in Account.')
                     .replace("%1", value))
    return "\n".join(parts)
