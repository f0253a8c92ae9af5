"""OVHcloud phonebooks: the billing account's and the line's phone's, their contacts, and adding
one ("Save as contact…", which needs the optional write rule of `consumer_key.CONTACT_RULES`).

Every method raises only `ApiError`. Contacts are read through `BulkReader` (batch mode or a
small pool, 429s obeyed). Names and numbers are never logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import ovh

from easyclick2call.core.contacts import Contact, ContactNumber, to_e164
from easyclick2call.ovhapi.bulk import BulkReader
from easyclick2call.ovhapi.errors import ApiError, map_error
from easyclick2call.ovhapi.telephony import _seg, to_ovh_number

# telephony.PhonebookContact's number fields, in the order a name is looked for.
NUMBER_FIELDS = ("workPhone", "workMobile", "homePhone", "homeMobile")


@dataclass(frozen=True)
class Phonebook:
    """One phonebook; `source` is its name in the local store (core.contacts)."""

    source: str  # "ovh:<billing account>/<book key>" or "ovh-phone:<ba>/<line>/<book key>"
    name: str
    path: str  # its API path, e.g. "/telephony/ab12345-ovh-1/phonebook/<key>"
    readonly: bool = False

    @property
    def contacts_path(self) -> str:
        return self.path + "/phonebookContact"


def contact_name(value: dict) -> str:
    """The name a person reads: OVHcloud's `name` then `surname` ("Dr" + "Martin")."""
    parts = (str(value.get(field) or "").strip() for field in ("name", "surname"))
    return " ".join(part for part in parts if part)


def to_contact(contact_id: str, value: object, region: str) -> Contact | None:
    """A `telephony.PhonebookContact` as a store contact (None when unusable)."""
    if not isinstance(value, dict):
        return None
    numbers = []
    for field in NUMBER_FIELDS:
        raw = value.get(field)
        e164 = to_e164(raw, region) if isinstance(raw, str) else None
        if e164 and e164 not in [number.e164 for number in numbers]:
            numbers.append(ContactNumber(e164, field))
    name = contact_name(value)
    if not name or not numbers:
        return None
    return Contact(name, tuple(numbers), contact_id)


class Phonebooks:
    """The phonebooks of one billing account (and of one line's phone)."""

    def __init__(self, client: ovh.Client, reader: BulkReader | None = None) -> None:
        self._client = client
        self.reader = reader or BulkReader(client)

    def books(self, billing_account: str, line: str | None = None) -> list[Phonebook]:
        """The billing account's phonebooks, then those of `line`'s phone (a line without a
        phone — 404 — has none)."""
        base = f"/telephony/{_seg(billing_account)}"
        found = []
        for key in self.reader.get_list(base + "/phonebook"):
            path = f"{base}/phonebook/{_seg(key)}"
            details = self.reader.get(path)
            found.append(Phonebook(f"ovh:{billing_account}/{key}", _name(details, key), path))
        if line:
            phone = f"{base}/line/{_seg(line)}/phone"
            try:
                keys = self.reader.get_list(phone + "/phonebook")
            except ApiError as exc:
                if exc.kind != "not_found":
                    raise
                keys = []
            for key in keys:
                path = f"{phone}/phonebook/{_seg(key)}"
                details = self.reader.get(path)
                readonly = isinstance(details, dict) and bool(details.get("isReadonly"))
                found.append(Phonebook(f"ovh-phone:{billing_account}/{line}/{key}",
                                       _name(details, key), path, readonly))
        return found

    def contact_ids(self, book: Phonebook) -> list[str]:
        return [str(value) for value in self.reader.get_list(book.contacts_path)]

    def contacts(self, book: Phonebook, ids: list[str],
                 region: str) -> tuple[list[Contact], set[str]]:
        """The contacts `ids` of `book` that have a name and a usable number, and the ids that
        were answered (usable or not; an id that failed is not among them)."""
        values = self.reader.get_many(book.contacts_path, ids)
        converted = (to_contact(key, values[key], region) for key in ids if key in values)
        return [contact for contact in converted if contact is not None], set(values)

    def add_contact(self, book: Phonebook, name: str, surname: str, number: str, *,
                    field: str = "workPhone", group: str = "") -> int:
        """Create a contact with one number ("+33…" or "0033…"); returns its id. Needs the
        consumer key's optional contact rule (else ApiError "not_granted")."""
        if field not in NUMBER_FIELDS:
            raise ApiError.of("bad_request", detail=f"unknown number field {field}")
        if not (name.strip() or surname.strip()):
            raise ApiError.of("bad_request", detail="a contact needs a name")
        if book.readonly:
            raise ApiError.of("forbidden", detail="this phonebook is read-only")
        body = {"name": name.strip(), "surname": surname.strip(), "group": group,
                field: to_ovh_number(number)}
        try:
            result = self._client.post(book.contacts_path, **body)
        except Exception as exc:
            raise map_error(exc) from exc
        if isinstance(result, bool) or not isinstance(result, int):
            raise ApiError.of("invalid_response", detail="no contact id in the answer")
        return result


def _name(details: Any, key: str) -> str:
    if isinstance(details, dict) and isinstance(details.get("name"), str) and details["name"]:
        return details["name"]
    return key
