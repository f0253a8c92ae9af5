"""The Settings dialog against the real sandbox over HTTP (real ovh client, in-memory keyring)."""
# ruff: noqa: F811, F401 - the shared fixtures are imported by name

from __future__ import annotations

import re
import urllib.parse
import urllib.request

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from easyclick2call.sandbox import models as sandbox_models
from easyclick2call.sandbox import state as sandbox_state
from easyclick2call.ui import browser
from tests.unit.test_settings_dialog_support import (
    configure_sandbox,
    context,
    open_dialog,
    settings_text,
)


@pytest.fixture
def opened_urls():
    """Replace the browser: record the URLs the app opens (no page is submitted)."""
    urls: list[str] = []
    previous = browser.set_browser_opener(lambda url: urls.append(url) or True)
    yield urls
    browser.set_browser_opener(previous)


def submit_validation_form(url: str, decision: str) -> None:
    """What a person does in the browser: load the page, press Authorize or Refuse."""
    with urllib.request.urlopen(url, timeout=10) as page:
        html = page.read().decode()
    token = re.search(r'name="credentialToken" value="([^"]+)"', html).group(1)
    form = urllib.parse.urlencode(
        {"credentialToken": token, "validity": "0", "decision": decision}).encode()
    action = urllib.parse.urljoin(url, "/auth/")
    with urllib.request.urlopen(action, data=form, timeout=10) as answer:
        assert answer.status == 200


def sandbox_users(sandbox, line: str) -> dict[str, dict]:
    data = sandbox.state.snapshot()
    return data["billing_accounts"][sandbox_state.DEMO_BILLING_ACCOUNT]["lines"][line]["users"]


def test_test_connection_shows_the_nichandle(qtbot, context, open_dialog, sandbox):
    configure_sandbox(context, sandbox)
    dialog = open_dialog(context)
    page = dialog.account
    assert page.endpoint.currentData() == "sandbox"
    assert page.sandbox_url.text() == sandbox.endpoint
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.test_busy.isVisible()
    qtbot.waitUntil(lambda: page.test_status.kind != "none", timeout=10000)
    assert page.test_status.kind == "ok", page.test_status.text()
    assert page.test_status.text().startswith("Connected as ")
    assert sandbox_models.NICHANDLE["nichandle"] in page.test_status.text()
    assert not page.test_busy.isVisible()


def test_test_connection_uses_the_typed_secret_and_shows_the_api_error(
        qtbot, context, open_dialog, sandbox):
    configure_sandbox(context, sandbox)
    dialog = open_dialog(context)
    field = dialog.account.application_secret
    qtbot.mouseClick(field.change_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field.edit, "WrongSecretWrongSecretWrong00001")
    qtbot.mouseClick(dialog.account.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.account.test_status.kind != "none", timeout=10000)
    assert dialog.account.test_status.kind == "error"
    assert "Settings" in dialog.account.test_status.text()  # the ApiError's own advice


def test_line_lists_are_filled_from_the_sandbox(qtbot, context, open_dialog, sandbox):
    info = configure_sandbox(context, sandbox, with_line=False)
    dialog = open_dialog(context, first_run=False)
    page = dialog.line
    with qtbot.waitSignal(page.lists_loaded, timeout=10000):
        dialog.show_page("line")
        assert page.busy.isVisible()
    assert [page.billing_account.itemData(i) for i in range(page.billing_account.count())] == [
        info["billing_account"]]
    assert [page.line.itemData(i) for i in range(page.line.count())] == info["lines"]
    assert page.line.itemText(0) == "+33 1 99 00 00 01 — Reception"
    users = [page.user.itemData(i) for i in range(page.user.count())]
    assert users == [0, sandbox_state.DEMO_USER_ID]
    assert "reception" in page.user.itemText(1)
    with qtbot.waitSignal(page.lists_loaded, timeout=10000):
        page.line.setCurrentIndex(1)
    assert page.user.count() == 1  # the second line has no Click2Call user
    page.user.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.accept()
    assert context.settings.get("billing_account") == info["billing_account"]
    assert context.settings.get("line") == info["lines"][1]


def test_users_added_repassworded_and_deleted_in_the_sandbox(qtbot, context, open_dialog,
                                                             sandbox):
    info = configure_sandbox(context, sandbox)
    line = info["lines"][0]
    dialog = open_dialog(context, first_run=False)
    page = dialog.line
    with qtbot.waitSignal(page.lists_loaded, timeout=10000):
        dialog.show_page("line")

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    add = page.dialog
    qtbot.keyClicks(add.login, "alice")
    qtbot.keyClicks(add.password, "Alice-pass1")
    with qtbot.waitSignal(page.users_changed, timeout=10000):
        qtbot.mouseClick(add.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    created = {uid: u for uid, u in sandbox_users(sandbox, line).items() if u["login"] == "alice"}
    assert len(created) == 1
    new_id = int(next(iter(created)))
    assert page.user.currentData() == new_id
    assert page.status.text() == "User alice created."

    qtbot.mouseClick(page.password_button, Qt.MouseButton.LeftButton)
    change = page.dialog
    assert not change.login.isVisible()
    qtbot.keyClicks(change.password, "Other-pass2")
    with qtbot.waitSignal(page.users_changed, timeout=10000):
        change.accept()
    assert sandbox_users(sandbox, line)[str(new_id)]["password"] == "Other-pass2"
    assert page.status.text() == "Password changed."

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.dialog
    assert isinstance(box, QMessageBox)
    assert "alice" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert str(new_id) in sandbox_users(sandbox, line)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.users_changed, timeout=10000):
        page.dialog.button(QMessageBox.StandardButton.Yes).click()
    assert str(new_id) not in sandbox_users(sandbox, line)
    assert page.user.findData(new_id) < 0
    dialog.reject()


def test_test_call_is_placed_in_the_sandbox(qtbot, context, open_dialog, sandbox):
    info = configure_sandbox(context, sandbox)
    dialog = open_dialog(context, first_run=False)
    page = dialog.line
    with qtbot.waitSignal(page.lists_loaded, timeout=10000):
        dialog.show_page("line")
    page.mode_buttons["intercom"].setChecked(True)
    qtbot.mouseClick(page.test_call_button, Qt.MouseButton.LeftButton)
    ask = page.dialog
    qtbot.waitExposed(ask)
    ask.setTextValue("01 99 00 12 34")
    with qtbot.waitSignal(page.call_finished, timeout=10000):
        ask.accept()
    assert page.call_status.kind == "ok", page.call_status.text()
    assert "+33 1 99 00 12 34" in page.call_status.text()
    calls = sandbox.calls()
    assert len(calls) == 1
    assert calls[0]["called_number"] == "0033199001234"
    assert calls[0]["line"] == info["lines"][0]
    assert calls[0]["intercom"] is True
    dialog.reject()


def test_test_call_goes_through_the_call_gate(qtbot, context, open_dialog, sandbox):
    """A blocked number is never called from Settings either; a number abroad is asked."""
    configure_sandbox(context, sandbox)
    dialog = open_dialog(context, first_run=False)
    page = dialog.line
    with qtbot.waitSignal(page.lists_loaded, timeout=10000):
        dialog.show_page("line")
    with qtbot.waitSignal(page.call_finished, timeout=10000):
        page.test_call("08 92 68 01 23")
    assert page.call_status.kind == "error"
    assert "+3389" in page.call_status.text() and "blocked" in page.call_status.text()
    page.test_call("+44 20 7946 0018")
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=10000)
    assert "abroad" in page.dialog.text()
    with qtbot.waitSignal(page.call_finished, timeout=10000):
        page.dialog.button(QMessageBox.StandardButton.Yes).click()
    assert page.call_status.kind == "ok", page.call_status.text()
    assert [c["called_number"] for c in sandbox.calls()] == ["00442079460018"]
    dialog.reject()


def test_test_call_refuses_a_non_number(qtbot, context, open_dialog, sandbox):
    configure_sandbox(context, sandbox)
    dialog = open_dialog(context, first_run=False)
    dialog.line.test_call("hello")
    with qtbot.waitSignal(dialog.line.call_finished, timeout=10000):
        pass
    assert dialog.line.call_status.kind == "error"
    assert sandbox.calls() == []
    dialog.reject()


def connect_ready(qtbot, context, open_dialog, sandbox):
    """A dialog with the application key and secret stored but no consumer key yet."""
    info = configure_sandbox(context, sandbox)
    context.secrets.delete("consumer_key")
    dialog = open_dialog(context)
    return dialog, info


def test_connect_stores_a_validated_consumer_key(qtbot, context, open_dialog, sandbox,
                                                opened_urls, memory_keyring):
    dialog, _info = connect_ready(qtbot, context, open_dialog, sandbox)
    page = dialog.account
    page.connect_poll = 0.1
    assert page.consumer_key.state == "empty"
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened_urls), timeout=10000)
    assert page.cancel_connect_button.isVisible()
    assert "Waiting for you" in page.connect_busy.label.text()
    submit_validation_form(opened_urls[0], "authorize")
    with qtbot.waitSignal(page.connected, timeout=10000):
        pass
    assert page.connect_status.text().startswith("Connected")
    assert page.consumer_key.state == "new"
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.accept()
    stored = context.secrets.get("consumer_key")
    assert stored and sandbox.credential_status(stored) == "validated"
    assert stored not in settings_text(context)
    assert sandbox_state.DEMO_APPLICATION_SECRET not in settings_text(context)


def test_connect_refused_is_said(qtbot, context, open_dialog, sandbox, opened_urls):
    dialog, _ = connect_ready(qtbot, context, open_dialog, sandbox)
    page = dialog.account
    page.connect_poll = 0.1
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened_urls), timeout=10000)
    submit_validation_form(opened_urls[0], "refuse")
    qtbot.waitUntil(lambda: page.connect_status.kind == "error", timeout=10000)
    assert "refused" in page.connect_status.text().lower()
    assert page.connect_button.isEnabled()
    assert page.consumer_key.state == "empty"
    dialog.reject()


def test_connect_can_be_cancelled(qtbot, context, open_dialog, sandbox, opened_urls):
    dialog, _ = connect_ready(qtbot, context, open_dialog, sandbox)
    page = dialog.account
    page.connect_poll = 0.2
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened_urls), timeout=10000)
    qtbot.mouseClick(page.cancel_connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.connect_status.kind == "error", timeout=10000)
    assert "cancel" in page.connect_status.text().lower()
    assert not page.cancel_connect_button.isVisible()
    assert not page.connect_busy.isVisible()
    dialog.reject()


def test_connect_times_out(qtbot, context, open_dialog, sandbox, opened_urls):
    dialog, _ = connect_ready(qtbot, context, open_dialog, sandbox)
    page = dialog.account
    page.connect_poll, page.connect_timeout = 0.1, 0.5
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.connect_status.kind == "error", timeout=10000)
    assert opened_urls
    assert page.connect_status.text() and "Connected" not in page.connect_status.text()
    dialog.reject()


def test_browser_that_cannot_open_shows_the_link(qtbot, context, open_dialog, sandbox):
    previous = browser.set_browser_opener(lambda url: False)
    try:
        dialog, _ = connect_ready(qtbot, context, open_dialog, sandbox)
        page = dialog.account
        qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Could not open the browser" in page.connect_status.text(),
                        timeout=10000)
        assert "credentialToken=" in page.connect_status.text()
        page.cancel_connect()
        qtbot.waitUntil(lambda: not page.connecting, timeout=10000)
    finally:
        browser.set_browser_opener(previous)
    dialog.reject()


def test_oauth2_service_account_test_connection(qtbot, context, open_dialog, sandbox):
    info = sandbox.info()
    context.settings.set("endpoint", sandbox.endpoint)
    dialog = open_dialog(context)
    page = dialog.account
    qtbot.mouseClick(page.oauth_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.client_id, info["client_id"])
    qtbot.keyClicks(page.client_secret.edit, info["client_secret"])
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_status.kind != "none", timeout=10000)
    assert page.test_status.kind == "ok", page.test_status.text()
    assert page.test_status.text().startswith("Connected as ")
    with qtbot.waitSignal(context.account_changed, timeout=5000):
        dialog.accept()
    assert context.settings.get("auth_mode") == "oauth2"
    assert context.secrets.get("client_secret") == info["client_secret"]
    assert info["client_secret"] not in settings_text(context)


def test_opening_on_the_line_page_fills_the_lists(qtbot, context, sandbox):
    from easyclick2call.ui.settings_dialog import SettingsDialog

    info = configure_sandbox(context, sandbox)
    dialog = SettingsDialog(context, page="line", first_run=False)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.line.lists_loaded, timeout=10000):
        dialog.show()
    assert dialog.line.line.count() == len(info["lines"])
    assert dialog.line.status.kind == "ok"


def test_the_users_list_shows_the_lines_users_and_drives_the_buttons(qtbot, context,
                                                                     open_dialog, sandbox):
    """Change password and Delete act on the user selected in the list, whichever user places
    the calls (the combo above)."""
    info = configure_sandbox(context, sandbox)
    dialog = open_dialog(context, first_run=False)
    page = dialog.line
    with qtbot.waitSignal(page.lists_loaded, timeout=10000):
        dialog.show_page("line")
    users = page.users_box.list
    assert [users.item(row).text() for row in range(users.count())] == [
        f"reception  (#{sandbox_state.DEMO_USER_ID})"]
    page.user.setCurrentIndex(0)  # calls placed by the API account
    users.setCurrentRow(-1)
    assert not page.password_button.isEnabled() and not page.delete_button.isEnabled()
    users.setCurrentRow(0)
    assert page.password_button.isEnabled() and page.delete_button.isEnabled()
    qtbot.mouseClick(page.password_button, Qt.MouseButton.LeftButton)
    assert "reception" in page.dialog.windowTitle()
    qtbot.keyClicks(page.dialog.password, "Front-desk9")
    with qtbot.waitSignal(page.users_changed, timeout=10000):
        page.dialog.accept()
    line = info["lines"][0]
    assert sandbox_users(sandbox, line)[str(sandbox_state.DEMO_USER_ID)]["password"] == (
        "Front-desk9")
    with qtbot.waitSignal(page.lists_loaded, timeout=10000):
        page.line.setCurrentIndex(1)
    assert users.count() == 1 and not users.item(0).flags()  # "No Click2Call user…", inert
    assert page.users_box.selected_id() == 0
    assert page.add_button.isEnabled() and not page.delete_button.isEnabled()
    dialog.reject()
