"""Make the OS follow the desktop-integration settings as soon as they change.

"Start at login" and "Handle tel: links" are stored by the Settings dialog; this object applies
them (XDG autostart / Run key / LaunchAgent, and the tel:/callto:/sip: handler) off the GUI thread
and says what could not be done. Demo mode never touches the OS.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from easyclick2call.ui.tasks import run_task

KEYS = ("start_at_login", "handle_tel_links")


class OsIntegration(QObject):
    """Listens to ``context.settings_changed`` and applies the two integration settings."""

    def __init__(self, context, notify, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._notify = notify  # notify(title, body, error=True)
        context.settings_changed.connect(self._setting_changed)

    def _setting_changed(self, key: str) -> None:
        if key not in KEYS or self._context.demo:
            return
        from easyclick2call.platform import integration

        settings = self._context.settings
        run_task(integration.apply, bool(settings.get("start_at_login")),
                 bool(settings.get("handle_tel_links")), on_done=self._applied,
                 on_error=self._failed, parent=self)

    def _applied(self, problems: list[str]) -> None:
        for problem in problems:
            self._notify(self.tr("Desktop integration"), problem, error=True)

    def _failed(self, exc: BaseException) -> None:
        self._notify(self.tr("Desktop integration"),
                     self.tr("The system settings could not be changed ({error}).")
                     .format(error=type(exc).__name__), error=True)
