"""Names in the demo: the demo account's phonebook is synced, and a copied number of a demo
contact shows the contact's name in the popup; a demo call's record becomes part of its entry."""

from __future__ import annotations

from easyclick2call.core.call_log import load_entries
from easyclick2call.core.contacts import ContactStore
from easyclick2call.core.paths import profile_at
from tests.e2e.support.actions import copy_to_clipboard, poll, press_key, wait_for_window

SYNC_TIMEOUT = 40.0  # the first sync starts 10 s after start-up (ui.names.FIRST_SYNC_MS)


def synced_name(app, e164: str) -> str | None:
    path = app.profile / "contacts.sqlite3"
    return ContactStore(path).lookup(e164) if path.exists() else None


def test_a_demo_contacts_number_shows_the_name_in_the_popup(app):
    poll(lambda: synced_name(app, "+33199001234"), SYNC_TIMEOUT, "the demo phonebook's sync")
    copy_to_clipboard("Rappeler le 01 99 00 12 34 demain")
    # The window title carries every name shown: "Call +33199001234? — Dr Martin — …"
    popup = wait_for_window("Call +33199001234? — Dr Martin — EasyClick2Call", pid=app.pid)
    press_key(popup, "Escape")
    for log_file in (app.profile / "logs").glob("*.log*"):  # names are never logged
        assert "Martin" not in log_file.read_text("utf-8", "replace")


def test_a_demo_call_and_its_record_are_one_history_entry(app):
    poll(lambda: synced_name(app, "+33199005566"), SYNC_TIMEOUT, "the demo phonebook's sync")
    copy_to_clipboard("01 99 00 55 66")
    popup = wait_for_window("Call +33199005566? — Hôtel de la Gare", pid=app.pid)
    press_key(popup, "Return")
    profile = profile_at(app.profile)

    def merged():
        # The record arrives a few seconds after the call; the app reads it at its next sync,
        # which `history sync` (the CLI, same profile) does at once.
        from tests.api.test_cli_api import run

        run(["history", "sync", "--profile", str(app.profile)], _cli_env(app))
        entries = [e for e in load_entries(profile, "FR") if e.number_e164 == "+33199005566"]
        return [e for e in entries if e.merged]

    [entry] = poll(merged, 60, "the call's record merged with the app's entry")
    assert entry.duration > 0 and entry.name == "Hôtel de la Gare"
    assert entry.source == "ovh" and entry.price == 0.0
    others = [e for e in load_entries(profile, "FR")
              if e.number_e164 == "+33199005566" and e.record_id == entry.record_id]
    assert others == [entry]


def _cli_env(app) -> dict[str, str]:
    """The environment of a CLI run against the demo app's sandbox (its seeded account)."""
    import os

    from tests.e2e.support.actions import sandbox_info

    info = sandbox_info(app.port)
    assert info is not None
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OVH_", "EASYCLICK2CALL_"))}
    env.update(OVH_ENDPOINT=info["endpoint"], OVH_APPLICATION_KEY=info["application_key"],
               OVH_APPLICATION_SECRET=info["application_secret"],
               OVH_CONSUMER_KEY=info["consumer_key"],
               EASYCLICK2CALL_BILLING_ACCOUNT=info["billing_account"],
               EASYCLICK2CALL_LINE=info["lines"][0], LANGUAGE="en")
    return env
