"""Make the OS follow the desktop-integration settings as soon as they change.

"Start at login" and "Handle tel: links" are stored by the Settings dialog; this object applies
them (XDG autostart / Run key / LaunchAgent, and the tel:/callto:/sip: handler) off the GUI thread
and says what could not be done. Demo mode never touches the OS.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from easyclick2call.ui.tasks import run_task

KEYS = ("start_at_login", "handle_tel_links")


class OsIntegration(QObject):
    """Listens to ``context.settings_changed`` and applies the two integration settings."""

    def __init__(self, context, notify, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._notify = notify  # notify(title, body, error=True)
        self._pending = False  # a change not applied yet
        self._running = False  # an apply under way (never two at a time)
        context.settings_changed.connect(self._setting_changed)

    def _setting_changed(self, key: str) -> None:
        """Both keys saved by one OK make one apply, with both new values, once the event
        that stored them is over."""
        if key not in KEYS or self._context.demo:
            return
        self._pending = True
        QTimer.singleShot(0, self._apply)

    def _apply(self) -> None:
        if self._running or not self._pending:
            return
        from easyclick2call.platform import integration

        self._pending, self._running = False, True
        settings = self._context.settings
        run_task(integration.apply, bool(settings.get("start_at_login")),
                 bool(settings.get("handle_tel_links")), on_done=self._applied,
                 on_error=self._failed, parent=self)

    def _done(self) -> None:
        self._running = False
        self._apply()  # a change that came meanwhile

    def _applied(self, problems: list[str]) -> None:
        self._done()
        for problem in problems:
            self._notify(self.tr("Desktop integration"), problem, error=True)

    def _failed(self, exc: BaseException) -> None:
        self._done()
        self._notify(self.tr("Desktop integration"),
                     self.tr("The system settings could not be changed ({error}).")
                     .format(error=type(exc).__name__), error=True)
