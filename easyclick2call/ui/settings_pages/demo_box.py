"""The Account page in the demo: what the demo is, the way to one's own account, and the fields
that must not turn the demo's throw-away profile into a real account."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from easyclick2call.ui.settings_pages.widgets import STORED_MASK


def demo_box(page) -> QGroupBox:
    """"This is the demo" and **Set up my account…** (emits ``page.set_up_requested``)."""
    box = QGroupBox(QCoreApplication.translate("AccountPage", "This is the demo"), page)
    box.setObjectName("demoBox")
    layout = QVBoxLayout(box)
    text = QLabel(QCoreApplication.translate(
        "AccountPage",
        "Its account is simulated on this computer and forgotten when it quits. To call from "
        "your own OVHcloud line, set up your account: the demo closes and Settings open for "
        "your account."), box)
    text.setWordWrap(True)
    page.set_up_button = QPushButton(
        QCoreApplication.translate("AccountPage", "Set &up my account…"), box)
    page.set_up_button.setObjectName("setUpAccount")
    page.set_up_button.setAutoDefault(False)
    page.set_up_button.clicked.connect(page.set_up_requested.emit)
    layout.addWidget(text)
    layout.addWidget(page.set_up_button, 0, Qt.AlignmentFlag.AlignLeft)
    return box


def lock_for_demo(page) -> None:
    """The demo's account lives on its sandbox: a real endpoint here would write the user's
    account into the demo's throw-away profile (*Set up my account…* is the way). Its secrets
    are in memory, not in the system keyring."""
    page.endpoint.setEnabled(False)
    page.sandbox_url.setReadOnly(True)
    for field in page.secret_fields().values():
        kept = QCoreApplication.translate("AccountPage", "%1 (kept in memory for the demo)")
        field.stored_label.setText(kept.replace("%1", STORED_MASK))
