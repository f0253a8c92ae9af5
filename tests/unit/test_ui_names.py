"""Names in the app: the popup, the tray's recent calls, and the service that loads and syncs
them off the GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from easyclick2call.core.call_records import RecordStore
from easyclick2call.core.contacts import Contact, ContactNumber, ContactStore
from easyclick2call.ui.names import ContactsService, NameIndex
from easyclick2call.ui.tasks import wait_for_tasks
from tests.unit.test_ui_popup import _popup
from tests.unit.test_ui_support import found, make_context

MARTIN = "+33199001234"


def _heading(popup) -> str:
    """The heading shown (a rebuilt popup's old one may await deletion)."""
    [heading] = [label for label in popup.findChildren(QLabel, "heading")
                 if label.isVisibleTo(popup)]
    return heading.text()


def test_popup_says_the_contacts_name(qtbot) -> None:
    popup = _popup(qtbot, [found("01 99 00 12 34")], NameIndex({MARTIN: "Dr Martin"}))
    assert _heading(popup) == "Call Dr Martin — 01 99 00 12 34?"
    assert popup.windowTitle() == "Call +33199001234? — Dr Martin — EasyClick2Call"
    assert popup.call_buttons[0].accessibleName() == "Call Dr Martin — 01 99 00 12 34"
    popup.offer([found("01 99 00 55 66")])  # the reused single row: no name for this one
    assert _heading(popup) == "Call this number?"
    assert popup.windowTitle() == "Call +33199005566? — EasyClick2Call"


def test_several_numbers_name_each_known_row(qtbot) -> None:
    popup = _popup(qtbot, [found("01 99 00 12 34"), found("01 99 00 55 66")],
                   NameIndex({MARTIN: "Dr Martin"}))
    labels = [label.text() for label in popup.findChildren(QLabel, "numberLabel")]
    assert labels == ["Dr Martin — 01 99 00 12 34", "01 99 00 55 66"]
    assert popup.windowTitle() == (
        "Call +33199001234, +33199005566? — Dr Martin — EasyClick2Call")


def test_names_arriving_later_update_the_popup(qtbot) -> None:
    names = NameIndex()
    popup = _popup(qtbot, [found("01 99 00 12 34")], names)
    assert _heading(popup) == "Call this number?"
    names.replace({MARTIN: "Dr Martin"})
    popup.refresh_names()
    assert _heading(popup) == "Call Dr Martin — 01 99 00 12 34?"
    assert popup.call_buttons[0].isDefault()


def test_service_loads_the_stored_names(qtbot, tmp_path, memory_keyring) -> None:
    context = make_context(tmp_path / "profile")
    ContactStore(context.profile.contacts_db).replace_source("file:a.vcf", "a.vcf", [
        Contact("Dr Martin", (ContactNumber(MARTIN),), "1")])
    service = ContactsService(context)
    with qtbot.waitSignal(service.changed, timeout=5000):
        service.reload()
    assert service.names.get(MARTIN) == "Dr Martin" and len(service.names) == 1


def test_service_syncs_phonebooks_and_records_then_forgets(qtbot, tmp_path, sandbox,
                                                            memory_keyring) -> None:
    context = make_context(tmp_path / "profile", sandbox, demo=True)
    service = ContactsService(context)
    with qtbot.waitSignal(context.history_changed, timeout=15000):
        service.sync()
    assert service.names.get(MARTIN) == "Dr Martin"
    assert RecordStore(context.profile.records_db).count() == 4
    forgotten = []
    with qtbot.waitSignal(service.changed, timeout=5000):
        service.forget(forgotten.append)
    assert forgotten == [{"contacts": 8, "records": 4}]
    assert service.names.get(MARTIN) is None
    assert ContactStore(context.profile.contacts_db).count() == 0
    service.stop()
    wait_for_tasks(10000)


def test_sync_without_an_account_does_nothing(qtbot, tmp_path, memory_keyring) -> None:
    context = make_context(tmp_path / "profile")
    service = ContactsService(context)
    service.sync()
    wait_for_tasks(5000)
    assert not context.profile.contacts_db.exists()
    service.stop()


def test_tray_recent_calls_show_names(qtbot, tmp_path, memory_keyring) -> None:
    from easyclick2call.core.history import CallRecord
    from easyclick2call.ui.app import EasyClickApp

    context = make_context(tmp_path / "profile")
    context.history.add(CallRecord.new(MARTIN, "01 99 00 12 34", "0033199000001", "ringing"))
    ContactStore(context.profile.contacts_db).replace_source("file:a.vcf", "a.vcf", [
        Contact("Dr Martin", (ContactNumber(MARTIN),), "1")])
    app = EasyClickApp(context, use_desktop_notifications=False)
    with qtbot.waitSignal(app.contacts.changed, timeout=5000):
        app.start()
    qtbot.waitUntil(lambda: len(app.recent_calls()) == 1, timeout=5000)
    app.tray.menu.aboutToShow.emit()
    assert app.tray.action("redial").text() == "Call Dr Martin — 01 99 00 12 34 again"
    app.watcher.stop()
    app.contacts.stop()
    app.tray.hide()
    wait_for_tasks(10000)


def _dialog_with_contacts(qtbot, tmp_path):
    from easyclick2call.ui.call_dialog import CallDialog

    path = tmp_path / "contacts.sqlite3"
    ContactStore(path).replace_source("file:a.vcf", "a.vcf", [
        Contact("Dr Martin", (ContactNumber(MARTIN), ContactNumber("+33199001235")), "1"),
        Contact("Hôtel de la Gare", (ContactNumber("+33199005566"),), "2")])
    dialog = CallDialog("FR", "en", contacts_db=path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _matches(dialog) -> list[str]:
    return [dialog.matches.item(row).text() for row in range(dialog.matches.count())]


def test_call_dialog_finds_contacts_by_name_and_calls_the_chosen_one(qtbot, tmp_path) -> None:
    dialog = _dialog_with_contacts(qtbot, tmp_path)
    dialog.number_edit.setText("hotel")
    qtbot.waitUntil(lambda: _matches(dialog) == ["Hôtel de la Gare — 01 99 00 55 66"],
                    timeout=5000)
    with qtbot.waitSignal(dialog.number_chosen, timeout=5000) as chosen:
        dialog.call_button.click()
    assert chosen.args[0].e164 == "+33199005566"


def test_call_dialog_finds_contacts_by_digits_and_a_number_typed_is_called_as_typed(
        qtbot, tmp_path) -> None:
    dialog = _dialog_with_contacts(qtbot, tmp_path)
    dialog.number_edit.setText("01 99 00 12 3")
    qtbot.waitUntil(lambda: _matches(dialog) == ["Dr Martin — 01 99 00 12 34",
                                                 "Dr Martin — 01 99 00 12 35"], timeout=5000)
    dialog.number_edit.setText("01 99 00 12 36")  # digits typed: that number, not a match
    with qtbot.waitSignal(dialog.number_chosen, timeout=5000) as chosen:
        dialog.call_button.click()
    assert chosen.args[0].e164 == "+33199001236"


def test_call_dialog_activating_a_match_calls_it(qtbot, tmp_path) -> None:
    dialog = _dialog_with_contacts(qtbot, tmp_path)
    dialog.number_edit.setText("martin")
    qtbot.waitUntil(lambda: dialog.matches.count() == 2, timeout=5000)
    with qtbot.waitSignal(dialog.number_chosen, timeout=5000) as chosen:
        dialog.matches.itemActivated.emit(dialog.matches.item(1))
    assert chosen.args[0].e164 == "+33199001235"
