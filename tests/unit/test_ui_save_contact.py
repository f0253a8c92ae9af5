"""Save as contact…: the optional write rule asked when first needed, then the contact saved."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from easyclick2call.core.contacts import ContactStore
from easyclick2call.ovhapi.consumer_key import ACCESS_RULES, CONTACT_RULES
from easyclick2call.sandbox.phonebook import DEMO_BOOK_KEY
from easyclick2call.ui import browser
from easyclick2call.ui.save_contact import SaveContactDialog
from easyclick2call.ui.tasks import wait_for_tasks
from tests.unit.test_ui_support import make_context

NUMBER = "+33199009876"


@pytest.fixture
def opened(monkeypatch):
    """The pages the app opens (no real browser)."""
    pages: list[str] = []
    previous = browser.set_browser_opener(lambda url: pages.append(url) or True)
    yield pages
    browser.set_browser_opener(previous)


def contacts_in_demo_book(sandbox) -> list[dict]:
    info = sandbox.info()
    book = sandbox.state.data["billing_accounts"][info["billing_account"]]["phonebooks"][
        DEMO_BOOK_KEY]
    return list(book["contacts"].values())


def open_dialog(qtbot, context) -> SaveContactDialog:
    dialog = SaveContactDialog(context, NUMBER, "01 99 00 98 76")
    dialog.poll_interval = 0.1
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10000)
    return dialog


def test_saving_asks_for_the_contact_rule_once_then_saves(qtbot, tmp_path, sandbox, opened,
                                                          memory_keyring) -> None:
    context = make_context(tmp_path / "profile", sandbox, demo=True)
    dialog = open_dialog(qtbot, context)
    assert [dialog.book_combo.itemText(i) for i in range(dialog.book_combo.count())] == [
        "Carnet de démo", "Téléphone accueil"]
    dialog.name_edit.setText("Ada")
    dialog.surname_edit.setText("Lovelace")
    dialog.save_button.click()
    qtbot.waitUntil(dialog.allow_button.isVisible, timeout=10000)  # the demo key may not write
    assert "may not add contacts yet" in dialog.status.text()
    dialog.allow_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    token = parse_qs(urlsplit(opened[0]).query)["credentialToken"][0]
    consumer_key, credential, _app = sandbox.api.credential_by_token(token)
    assert [(r["method"], r["path"]) for r in credential["rules"]] == [
        *ACCESS_RULES, *CONTACT_RULES]
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        sandbox.validate_consumer_key(consumer_key)
    assert context.secrets.get("consumer_key") == consumer_key
    [added] = [c for c in contacts_in_demo_book(sandbox) if c["surname"] == "Lovelace"]
    assert (added["name"], added["workPhone"], added["group"]) == (
        "Ada", "0033199009876", "EasyClick2Call")
    store = ContactStore(context.profile.contacts_db)
    assert store.lookup(NUMBER) == "Ada Lovelace"
    assert str(saved.args[0]) in store.source_ids(
        f"ovh:{sandbox.info()['billing_account']}/{DEMO_BOOK_KEY}")
    wait_for_tasks(10000)


def test_with_the_rule_already_granted_it_saves_at_once(qtbot, tmp_path, sandbox, opened,
                                                        memory_keyring) -> None:
    context = make_context(tmp_path / "profile", sandbox, demo=True)
    rules = [{"method": m, "path": p} for m, p in [*ACCESS_RULES, *CONTACT_RULES]]
    context.secrets.set("consumer_key", sandbox.create_consumer_key(rules))
    dialog = open_dialog(qtbot, context)
    dialog.surname_edit.setText("Boulangerie")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save_button.click()
    assert opened == []
    assert any(c["surname"] == "Boulangerie" for c in contacts_in_demo_book(sandbox))
    wait_for_tasks(10000)


def test_a_name_is_needed(qtbot, tmp_path, sandbox, memory_keyring) -> None:
    context = make_context(tmp_path / "profile", sandbox, demo=True)
    dialog = open_dialog(qtbot, context)
    dialog.save_button.click()
    assert dialog.status.text() == "Type a name first."
    wait_for_tasks(10000)
