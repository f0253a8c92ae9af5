"""The tray icon and its menu (DESIGN.md §3).

Left click opens the Call-a-number box; the menu is rebuilt each time it opens (aboutToShow) so
recent calls and the pause state are always current. The tooltip says the line in use and the
state: ready, paused, not configured, error, and *Demo* in demo mode.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from easyclick2call.ui.icons import tray_icon

RECENT_IN_MENU = 5



class Tray(QObject):
    """Wraps QSystemTrayIcon; calls back into the app controller for every action."""

    def __init__(self, app, parent: QObject | None = None,
                 icon: QSystemTrayIcon | None = None) -> None:
        """`icon`: a tray icon already shown at start-up, adopted as it is (no flicker)."""
        super().__init__(parent)
        self.app = app
        if icon is not None:
            icon.setParent(self)
        self.icon = icon if icon is not None else QSystemTrayIcon(self)
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.aboutToShow.connect(self._on_menu_opening)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.rebuild_menu()
        self.update_state()

    # -- state ------------------------------------------------------------------------------
    def update_state(self) -> None:
        """Icon and tooltip from the app's state."""
        state = self.app.state()
        demo = self.app.context.demo
        icon_state = {"paused": "paused", "error": "error"}.get(
            state, "demo" if demo else "normal")
        icon = tray_icon(icon_state)
        missed = self._missed()
        self.icon.setIcon(missed.badge(icon) if missed is not None else icon)
        self.icon.setToolTip(self.tooltip())

    def _missed(self):
        """The missed calls (ui.tray_missed.MissedCalls) when live calls run, else None."""
        live = getattr(self.app, "live_calls", None)
        return live.missed if live is not None else None

    def tooltip(self) -> str:
        missed = self._missed()
        line = missed.tooltip_line() if missed is not None else ""
        return self.app.status_text() + (f"\n{line}" if line else "")

    def geometry(self) -> QRect:
        return self.icon.geometry() if self.icon.isVisible() else QRect()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    # -- menu -------------------------------------------------------------------------------
    def _on_menu_opening(self) -> None:
        self.app.prepare_calls()  # a redial may follow
        self.rebuild_menu()

    def rebuild_menu(self) -> None:
        menu = self.menu
        menu.clear()
        self._add(menu, self.tr("Call a number…"), "callNumber", self.app.show_call_dialog)
        self._add(menu, self.tr("Call clipboard now"), "callClipboard",
                  self.app.call_clipboard_now)
        recent = self.app.recent_calls()[:RECENT_IN_MENU]
        if recent:
            menu.addSeparator()
            heading = menu.addAction(self.tr("Recent calls"))
            heading.setObjectName("recentHeading")
            heading.setEnabled(False)
            names = self.app.contacts.names
            for record in recent:
                name = names.get(record.number_e164)
                shown = f"{name} — {record.display}" if name else record.display
                label = self.tr("Call {number} again").format(number=shown)
                action = self._add(
                    menu, label, "redial",
                    lambda _c=False, e=record.number_e164: self.app.redial(e, "tray"))
                action.setData(record.number_e164)
        missed = self._missed()
        if missed is not None:
            missed.add_to_menu(menu, self._add, self.app.live_calls.call_back)
        menu.addSeparator()
        pause = self._add(menu, self.tr("Pause watching"), "pause", self.app.set_paused)
        pause.setCheckable(True)
        pause.setChecked(self.app.paused)
        menu.addSeparator()
        self._add(menu, self.tr("History…"), "history", self.app.show_history)
        self._add(menu, self.tr("Settings…"), "settings", self.app.show_settings)
        self._add(menu, self.tr("About"), "about", self.app.show_about)
        menu.addSeparator()
        self._add(menu, self.tr("Quit"), "quit", self.app.quit)

    def _add(self, menu: QMenu, text: str, name: str, slot) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def action(self, name: str) -> QAction | None:
        """The menu action named `name` (tests, main window)."""
        for action in self.menu.actions():
            if action.objectName() == name:
                return action
        return None

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.app.show_call_dialog()
