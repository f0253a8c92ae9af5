"""The About box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from easyclick2call import __version__
from easyclick2call.ui.icons import app_icon


class AboutDialog(QDialog):
    """Name, version, what it does, and the demo flag."""

    def __init__(self, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        suffix = f" ({self.tr('Demo')})" if demo else ""
        self.setWindowTitle(self.tr("About EasyClick2Call") + suffix)
        self.setWindowIcon(app_icon())
        layout = QVBoxLayout(self)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(logo)
        text = QLabel(self.tr(
            "<h3>EasyClick2Call {version}</h3>"
            "<p>Copy a phone number, click Call: OVHcloud rings your own line, then dials the "
            "number.</p><p>Clipboard text never leaves this computer; only the number you "
            "choose to call is sent to OVHcloud.</p>").format(version=__version__))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(text)
        if demo:
            layout.addWidget(QLabel(self.tr(
                "Demo mode: calls go to the built-in sandbox, nothing is really dialled.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
