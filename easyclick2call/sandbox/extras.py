"""Routes beyond Click2Call — phonebooks and call records — installed on a `SandboxApi`, and the
demo account's phonebooks and records, added once to a state that does not have them yet."""

from __future__ import annotations

from easyclick2call.sandbox import consumption, phonebook
from easyclick2call.sandbox.api import SandboxApi
from easyclick2call.sandbox.demo_account import DEMO_BILLING_ACCOUNT, DEMO_LINES

SEEDED_KEY = "demo_contacts_seeded"


def install(api: SandboxApi) -> tuple[phonebook.Phonebooks, consumption.Consumption]:
    books = phonebook.install(api)
    records = consumption.install(api)
    state = api.state
    with state.lock:
        data = state.data
        demo_line = DEMO_LINES[0][0]
        if not data.get(SEEDED_KEY) and demo_line in data["billing_accounts"].get(
                DEMO_BILLING_ACCOUNT, {}).get("lines", {}):
            phonebook.seed_demo(data, DEMO_BILLING_ACCOUNT, demo_line)
            consumption.seed_demo(records, DEMO_BILLING_ACCOUNT, demo_line)
            data[SEEDED_KEY] = True
            state.save()
    return books, records
