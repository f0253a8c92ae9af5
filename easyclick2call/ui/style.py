"""The app's look where Qt's default differs from the desktop's: no icons on dialog buttons
unless the desktop's own theme shows them (platform.session.dialog_buttons_want_icons)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle


class _DesktopStyle(QProxyStyle):
    """Qt's style as it is, but for the dialog-button icons."""

    def __init__(self, base: str, button_icons: bool) -> None:
        super().__init__(base)
        self._button_icons = button_icons

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # noqa: N803 (Qt)
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return int(self._button_icons)
        return super().styleHint(hint, option, widget, returnData)


def apply_desktop_style(app: QApplication) -> None:
    """Call once, before the first window is made."""
    from easyclick2call.platform.session import dialog_buttons_want_icons

    wanted = dialog_buttons_want_icons()
    if wanted is None or isinstance(app.style(), _DesktopStyle):
        return
    app.setStyle(_DesktopStyle(app.style().name(), wanted))
