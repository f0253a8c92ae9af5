"""The Privacy page says what is cached of contacts and call records, and forgets it."""

# ruff: noqa: F811 - the shared fixtures are imported by name
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from easyclick2call.core.call_records import OvhRecord, RecordStore
from easyclick2call.core.contacts import Contact, ContactNumber, ContactStore
from tests.unit.test_settings_dialog_support import (  # noqa: F401 - fixtures
    context,
    open_dialog,
)


def test_privacy_page_shows_and_forgets_the_cache(qtbot, context, open_dialog):
    profile = context.profile
    ContactStore(profile.contacts_db).replace_source("file:a.vcf", "a.vcf", [
        Contact("Dr Martin", (ContactNumber("+33199001234"),), "1"),
        Contact("Hôtel de la Gare", (ContactNumber("+33199005566"),), "2")])
    RecordStore(profile.records_db).add_many([OvhRecord(
        81, "0033199000001", "2026-03-02T09:00:00+00:00", "outgoing", "+33199001234", 95)])
    dialog = open_dialog(context, first_run=False, page="privacy")
    page = dialog.privacy
    qtbot.waitUntil(lambda: "2 contact(s)" in page.cached_label.text(), timeout=5000)
    assert "1 OVHcloud call record(s)." in page.cached_label.text()
    qtbot.mouseClick(page.forget_button, Qt.MouseButton.LeftButton)
    qtbot.waitExposed(page.dialog)
    page.dialog.button(QMessageBox.StandardButton.Cancel).click()
    assert ContactStore(profile.contacts_db).count() == 2
    qtbot.mouseClick(page.forget_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(context.contacts_changed, timeout=5000):
        page.dialog.button(QMessageBox.StandardButton.Yes).click()
    assert ContactStore(profile.contacts_db).count() == 0
    assert RecordStore(profile.records_db).count() == 0
    assert page.status.text() == "Contacts and call records forgotten."
    qtbot.waitUntil(lambda: "0 contact(s)" in page.cached_label.text(), timeout=5000)
    assert not page.forget_button.isEnabled()
