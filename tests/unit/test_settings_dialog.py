"""Settings dialog pages and their validation (pytest-qt, real settings file, in-memory keyring)."""
# ruff: noqa: F811 - the shared fixtures are imported by name

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from easyclick2call.core.history import CallRecord
from easyclick2call.core.settings import DEFAULT_BLOCKED_PREFIXES
from easyclick2call.ui.tasks import wait_for_tasks
from tests.unit.test_settings_dialog_support import (  # noqa: F401 - fixtures
    context,
    make_context,
    open_dialog,
    settings_text,
)

GOOD_KEY = "abcdEFGH12345678"
GOOD_SECRET = "S3cretS3cretS3cretS3cretS3cret00"


def set_text(qtbot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


# -- the dialog and first run ---------------------------------------------------------------

def test_first_run_opens_on_account_with_try_the_demo(qtbot, context, open_dialog):
    dialog = open_dialog(context, page="privacy")
    assert dialog.windowTitle() == "Settings — EasyClick2Call"
    assert [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())] == [
        "Account", "Line", "Behaviour", "Filters", "Privacy"]
    assert dialog.current_page() is dialog.account
    assert dialog.account.demo_button.isVisible()
    with qtbot.waitSignal(dialog.demo_requested, timeout=2000):
        qtbot.mouseClick(dialog.account.demo_button, Qt.MouseButton.LeftButton)


def test_configured_profile_opens_on_the_asked_page_without_demo_button(
        qtbot, context, open_dialog):
    context.settings.set("application_key", GOOD_KEY)
    context.settings.set("line", "0033199000001")
    context.settings.set("billing_account", "ab12345-ovh-1")
    dialog = open_dialog(context, page="privacy")
    assert not dialog.first_run
    assert dialog.current_page() is dialog.privacy
    dialog.show_page("account")
    assert not dialog.account.demo_button.isVisible()


def test_demo_mode_is_labelled_and_offers_the_sandbox_endpoint(qtbot, profile_dir,
                                                                memory_keyring, open_dialog):
    dialog = open_dialog(make_context(profile_dir, demo=True))
    assert dialog.windowTitle() == "Settings — EasyClick2Call (Demo)"
    assert dialog.account.endpoint.findData("sandbox") >= 0
    assert not dialog.account.demo_button.isVisible()  # already in the demo


def test_sandbox_endpoint_hidden_for_a_real_account(qtbot, context, open_dialog):
    dialog = open_dialog(context)
    combo = dialog.account.endpoint
    assert combo.findData("sandbox") < 0
    assert [combo.itemText(i) for i in range(3)] == [
        "OVHcloud Europe", "OVHcloud Canada", "OVHcloud US"]
    assert not dialog.account.sandbox_url.isVisible()


# -- Account validation -----------------------------------------------------------------------

def test_bad_application_key_is_marked_and_ok_refused(qtbot, context, open_dialog):
    dialog = open_dialog(context)
    page = dialog.account
    set_text(qtbot, page.application_key, "not a key!")
    assert page.application_key.property("invalid") is True
    assert "8 to 64 letters and digits" in page.application_key.toolTip()
    assert not dialog.ok_button.isEnabled()
    assert not dialog.apply_button.isEnabled()
    assert "8 to 64 letters and digits" in dialog.summary.text()
    assert dialog.page_list.item(0).text().endswith("⚠")
    dialog.accept()  # e.g. Enter pressed: refused, the dialog stays open on the field
    assert dialog.isVisible()
    assert context.settings.get("application_key") == ""


def test_missing_secret_is_explained_until_typed(qtbot, context, open_dialog):
    dialog = open_dialog(context)
    page = dialog.account
    set_text(qtbot, page.application_key, GOOD_KEY)
    assert "application secret is missing" in page.application_secret.edit.toolTip()
    assert not dialog.ok_button.isEnabled()
    set_text(qtbot, page.application_secret.edit, GOOD_SECRET)
    assert page.application_secret.edit.property("invalid") is False
    assert dialog.ok_button.isEnabled()
    assert not dialog.summary.isVisible()


def test_oauth2_mode_shows_client_fields_and_checks_them(qtbot, context, open_dialog):
    dialog = open_dialog(context)
    page = dialog.account
    qtbot.mouseClick(page.oauth_radio, Qt.MouseButton.LeftButton)
    assert page.oauth_box.isVisible() and not page.app_box.isVisible()
    set_text(qtbot, page.client_id, "EU.my client")
    assert page.client_id.property("invalid") is True
    set_text(qtbot, page.client_id, "EU.myclient")
    assert "client secret is missing" in page.client_secret.edit.toolTip()
    set_text(qtbot, page.client_secret.edit, GOOD_SECRET)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert context.settings.get("auth_mode") == "oauth2"
    assert context.settings.get("client_id") == "EU.myclient"
    assert context.secrets.get("client_secret") == GOOD_SECRET


def test_bad_sandbox_url_is_refused(qtbot, profile_dir, memory_keyring, open_dialog):
    # A sandbox of one's own (advanced); the demo's own sandbox address is not editable.
    dialog = open_dialog(make_context(profile_dir), advanced=True)
    page = dialog.account
    page.endpoint.setCurrentIndex(page.endpoint.findData("sandbox"))
    set_text(qtbot, page.sandbox_url, "http://example.com/1.0")
    assert page.sandbox_url.property("invalid") is True
    assert not dialog.ok_button.isEnabled()
    set_text(qtbot, page.sandbox_url, "http://127.0.0.1:9/1.0")
    assert dialog.ok_button.isEnabled()


# -- secrets ----------------------------------------------------------------------------------

def test_secrets_go_to_the_keyring_not_the_settings_file(qtbot, context, open_dialog,
                                                         memory_keyring):
    dialog = open_dialog(context)
    page = dialog.account
    set_text(qtbot, page.application_key, GOOD_KEY)
    set_text(qtbot, page.application_secret.edit, GOOD_SECRET)
    assert page.application_secret.edit.echoMode() == QLineEdit.EchoMode.Password
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    service = context.profile.keyring_service
    assert memory_keyring.store[(service, "application_secret")] == GOOD_SECRET
    text = settings_text(context)
    assert GOOD_KEY in text
    assert GOOD_SECRET not in text


def test_stored_secret_is_shown_masked_with_change_and_clear(qtbot, context, open_dialog,
                                                            memory_keyring):
    context.settings.set("application_key", GOOD_KEY)
    context.secrets.set("application_secret", GOOD_SECRET)
    dialog = open_dialog(context)
    field = dialog.account.application_secret
    assert field.stored_label.isVisible()
    assert field.stored_label.text() == "•••••• (stored in the system keyring)"
    assert not field.edit.isVisible()
    assert all(GOOD_SECRET not in label.text() for label in dialog.findChildren(QLabel))
    assert all(GOOD_SECRET not in edit.text() for edit in dialog.findChildren(QLineEdit))
    qtbot.mouseClick(field.clear_button, Qt.MouseButton.LeftButton)
    assert field.state == "cleared"
    assert "application secret is missing" in field.edit.toolTip()  # the key needs it
    set_text(qtbot, dialog.account.application_key, "")
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert (context.profile.keyring_service, "application_secret") not in memory_keyring.store
    assert field.state == "empty"


def test_changing_a_stored_secret(qtbot, context, open_dialog, memory_keyring):
    context.settings.set("application_key", GOOD_KEY)
    context.secrets.set("application_secret", GOOD_SECRET)
    dialog = open_dialog(context)
    field = dialog.account.application_secret
    qtbot.mouseClick(field.change_button, Qt.MouseButton.LeftButton)
    assert field.edit.isVisible() and field.edit.text() == ""
    qtbot.keyClicks(field.edit, "NewSecret0123456789")
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert context.secrets.get("application_secret") == "NewSecret0123456789"
    assert field.stored_label.isVisible()


class LockedKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise KeyringLocked("locked")

    def delete_password(self, service, username):
        raise KeyringLocked("locked")


def test_keyring_failure_is_shown_with_its_fix_and_nothing_saved(qtbot, context, open_dialog):
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        dialog = open_dialog(context)
        set_text(qtbot, dialog.account.application_key, GOOD_KEY)
        set_text(qtbot, dialog.account.application_secret.edit, GOOD_SECRET)
        dialog.accept()
        qtbot.waitUntil(lambda: "Nothing was saved" in dialog.summary.text(), timeout=5000)
    finally:
        keyring.set_keyring(previous)
    assert dialog.isVisible()
    assert "unlock" in dialog.summary.text().lower()
    assert context.settings.get("application_key") == ""
    assert dialog.ok_button.isEnabled()


def test_test_connection_needs_an_account(qtbot, context, open_dialog):
    dialog = open_dialog(context)
    qtbot.mouseClick(dialog.account.test_button, Qt.MouseButton.LeftButton)
    assert dialog.account.test_status.kind == "error"
    assert "Fill in the account fields" in dialog.account.test_status.text()


def test_connect_needs_key_and_secret(qtbot, context, open_dialog):
    dialog = open_dialog(context)
    qtbot.mouseClick(dialog.account.connect_button, Qt.MouseButton.LeftButton)
    assert "Enter the application key and secret first" in dialog.account.connect_status.text()


# -- Line page without an account -------------------------------------------------------------

def test_line_page_asks_for_the_account_first(qtbot, context, open_dialog):
    dialog = open_dialog(context)
    dialog.show_page("line")
    assert "Account page first" in dialog.line.status.text()
    assert not dialog.line.add_button.isEnabled()


def test_password_rules_are_shown_live(qtbot, context, open_dialog):
    context.settings.set("billing_account", "ab12345-ovh-1")
    context.settings.set("line", "0033199000001")
    dialog = open_dialog(context, first_run=False, page="behaviour")
    page = dialog.line
    assert page.add_button.isEnabled()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    user_dialog = page.dialog
    qtbot.waitExposed(user_dialog)
    ok = user_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(user_dialog.login, "alice")
    qtbot.keyClicks(user_dialog.password, "short")
    assert "At least 8 characters" in user_dialog.rules.text()
    assert user_dialog.password.property("invalid") is True
    assert not ok.isEnabled()
    qtbot.keyClicks(user_dialog.password, " & co")
    assert "no space, &amp;, $ or `" in user_dialog.rules.text()
    user_dialog.password.clear()
    qtbot.keyClicks(user_dialog.password, "Good-pass1")
    assert "✓" in user_dialog.rules.text()
    assert ok.isEnabled()
    user_dialog.login.clear()
    qtbot.keyClicks(user_dialog.login, "bad login")
    assert not ok.isEnabled()
    assert "Only letters, digits" in user_dialog.login_problems.text()
    user_dialog.reject()


# -- Behaviour, Filters, Privacy ---------------------------------------------------------------

def test_behaviour_fields_come_from_the_declarations(qtbot, context, open_dialog):
    dialog = open_dialog(context, first_run=False, page="behaviour")
    editors = dialog.behaviour.fields.editors
    assert set(editors) >= {"region", "popup_enabled", "popup_position", "popup_timeout_s",
                            "watch_selection", "start_at_login", "handle_tel_links", "language"}
    region = editors["region"]
    assert region.itemText(region.findData("FR")) == "France (FR)"
    assert isinstance(editors["popup_enabled"], QCheckBox)
    assert editors["popup_enabled"].text() == "&Offer to call copied numbers"
    assert "Call window" in editors["popup_enabled"].toolTip()
    language = editors["language"]
    assert [language.itemText(i) for i in range(language.count())] == [
        "System language", "English", "French"]
    region.setCurrentIndex(region.findData("BE"))
    editors["popup_timeout_s"].setValue(25)
    editors["popup_position"].setCurrentIndex(editors["popup_position"].findData("cursor"))
    changed: list[str] = []
    context.settings_changed.connect(changed.append)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert context.settings.get("region") == "BE"
    assert context.settings.get("popup_timeout_s") == 25
    assert context.settings.get("popup_position") == "cursor"
    assert set(changed) == {"region", "popup_timeout_s", "popup_position"}


def test_out_of_range_delay_is_refused(qtbot, context, open_dialog):
    dialog = open_dialog(context, first_run=False, page="behaviour")
    spin = dialog.behaviour.fields.editors["popup_timeout_s"]
    assert isinstance(spin, QSpinBox)
    spin.setValue(5000)
    assert spin.property("invalid") is True
    assert not dialog.ok_button.isEnabled()
    assert "between 0 and 3600" in dialog.summary.text()


def test_blocked_prefixes_edit_and_restore(qtbot, context, open_dialog):
    dialog = open_dialog(context, first_run=False, page="filters")
    prefixes = dialog.filters.prefixes
    assert prefixes.values() == list(DEFAULT_BLOCKED_PREFIXES)
    assert not prefixes.add_value("0899")
    assert "is not a prefix" in prefixes.error.text()
    qtbot.mouseClick(prefixes.add_button, Qt.MouseButton.LeftButton)
    prefixes.input_dialog.setTextValue("+3381")
    prefixes.input_dialog.accept()
    assert prefixes.values()[-1] == "+3381"
    prefixes.list.setCurrentRow(0)
    qtbot.mouseClick(prefixes.remove_button, Qt.MouseButton.LeftButton)
    assert "+3389" not in prefixes.values()
    confirm = dialog.filters.fields.editors["confirm_international"]
    confirm.setChecked(False)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert context.settings.get("blocked_prefixes") == [*DEFAULT_BLOCKED_PREFIXES[1:], "+3381"]
    assert context.settings.get("confirm_international") is False
    qtbot.mouseClick(prefixes.restore_button, Qt.MouseButton.LeftButton)
    assert prefixes.values() == list(DEFAULT_BLOCKED_PREFIXES)


def test_clear_history_asks_first(qtbot, context, open_dialog):
    context.history.add(
        CallRecord.new("+33199001234", "01 99 00 12 34", "0033199000001", "placed"))
    dialog = open_dialog(context, first_run=False, page="privacy")
    page = dialog.privacy
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    box = page.dialog
    qtbot.waitExposed(box)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(context.history.all()) == 1
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(context.history_changed, timeout=5000):
        page.dialog.button(QMessageBox.StandardButton.Yes).click()
    assert context.history.all() == []
    assert page.status.text() == "History cleared."


def test_history_retention_follows_history_switch(qtbot, context, open_dialog):
    dialog = open_dialog(context, first_run=False, page="privacy")
    editors = dialog.privacy.fields.editors
    editors["history_enabled"].setChecked(False)
    assert not editors["history_retention_days"].isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.accept()
    assert context.settings.get("history_enabled") is False


def test_cancel_saves_nothing(qtbot, context, open_dialog):
    dialog = open_dialog(context)
    set_text(qtbot, dialog.account.application_key, GOOD_KEY)
    set_text(qtbot, dialog.account.application_secret.edit, GOOD_SECRET)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert context.settings.get("application_key") == ""
    assert context.secrets.get("application_secret") == ""


# -- keyboard ---------------------------------------------------------------------------------

@pytest.mark.parametrize("page_name", ["account", "line", "behaviour", "filters", "privacy"])
def test_every_field_has_a_mnemonic_label(qtbot, context, open_dialog, page_name):
    dialog = open_dialog(context, first_run=False, page=page_name)
    page = dialog.pages[page_name]
    buddies = {label.buddy() for label in page.findChildren(QLabel) if label.buddy()}
    for label in page.findChildren(QLabel):
        if label.buddy() is not None:
            assert "&" in label.text(), label.text()
    fields = [w for w in page.findChildren(QWidget) if isinstance(w, (QLineEdit, QComboBox,
                                                                          QSpinBox))]
    # A key editor's own line edit stands for the editor.
    fields = [w.parentWidget() if isinstance(w.parent(), QKeySequenceEdit) else w for w in fields]
    for widget in fields:
        if isinstance(widget.parent(), (QComboBox, QSpinBox)):
            continue  # a combo's or spin box's own line edit
        if widget.isHidden() or widget.window() is not dialog:
            continue
        owner = widget.parentWidget()
        assert widget in buddies or owner in buddies, widget.objectName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    for check in page.findChildren(QWidget):
        if not isinstance(check, (QCheckBox, QRadioButton)):
            continue
        assert "&" in check.text(), check.text()


@pytest.mark.parametrize("page_name", ["account", "line", "behaviour", "filters", "privacy"])
def test_mnemonics_are_unique_on_each_page(qtbot, context, open_dialog, page_name):
    dialog = open_dialog(context, first_run=page_name == "account", page=page_name)
    page = dialog.pages[page_name]
    keys: list[str] = []
    for widget in page.findChildren(QWidget):
        text = widget.text() if hasattr(widget, "text") and not isinstance(
            widget, QLineEdit) else ""
        if isinstance(text, str) and "&" in text.replace("&&", "") and widget.isVisibleTo(page):
            keys.append(text[text.index("&") + 1].lower())
    assert keys
    assert len(keys) == len(set(keys)), sorted(keys)


def test_tab_reaches_the_account_fields(qtbot, context, open_dialog):
    dialog = open_dialog(context)
    dialog.page_list.setFocus()
    seen = []
    for _ in range(30):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        seen.append(dialog.focusWidget())
    page = dialog.account
    for widget in (page.endpoint, page.app_radio, page.application_key,
                   page.application_secret.edit, page.consumer_key.edit, page.connect_button,
                   page.test_button, dialog.ok_button):
        assert widget in seen, widget.objectName() or widget.text()


def test_behaviour_shows_login_start_and_tel_links_as_the_os_has_them(qtbot, context,
                                                                       open_dialog, xdg_dirs):
    """Stored values can be stale: the autostart entry made by hand, tel: links taken by
    another program. The page shows what the OS does, so OK or Apply puts it right."""
    from easyclick2call.platform import autostart

    context.settings.set("start_at_login", False)  # stored off, but the entry is there
    context.settings.set("handle_tel_links", True)  # stored on, but nobody is registered
    autostart.enable(["easyclick2call"])
    dialog = open_dialog(context, first_run=False, page="behaviour")
    editors = dialog.behaviour.fields.editors
    qtbot.waitUntil(lambda: editors["start_at_login"].isChecked()
                    and not editors["handle_tel_links"].isChecked(), timeout=10000)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert context.settings.get("start_at_login") is True
    assert context.settings.get("handle_tel_links") is False


def test_the_demo_shows_the_stored_values(qtbot, profile_dir, memory_keyring, open_dialog,
                                          xdg_dirs):
    from easyclick2call.platform import autostart

    demo = make_context(profile_dir, demo=True)
    demo.settings.set("handle_tel_links", True)
    dialog = open_dialog(demo, first_run=False, page="behaviour")
    assert not autostart.is_enabled()
    editors = dialog.behaviour.fields.editors
    wait_for_tasks(10000)  # had the OS been asked, its answer would be in now
    QCoreApplication.processEvents()
    assert editors["handle_tel_links"].isChecked()
