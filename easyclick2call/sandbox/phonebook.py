"""The sandbox's phonebooks: the billing account's (`telephony.PhonebookMaster`) and the line's
phone's (`telephony.Phonebook`), with their contacts (`telephony.PhonebookContact`).

Routes, parameters and models are those of OVHcloud's schema (`ovh_schema_cti.json`); request
bodies are checked against it (unknown field, missing required one or wrong type: 400). Sandbox
choices [P]: a book key is 16 hex digits; contact ids come from one counter; read-only fields in
a PUT body are ignored; a phone number must look like one (`00…`, `+…`, `0…`); an unknown book
or contact is 404 "The requested object (… = X) does not exist"; the line's phone books are
writable (`isReadonly` false) unless seeded otherwise.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING

from easyclick2call.sandbox import errors, schema
from easyclick2call.sandbox.api import Request, Route
from easyclick2call.sandbox.signing import number_is_valid

if TYPE_CHECKING:
    from easyclick2call.sandbox.api import SandboxApi

_BA = "/telephony/{billingAccount}"
_PHONE = "/telephony/{billingAccount}/line/{serviceName}/phone"
CONTACT_MODEL = "telephony.PhonebookContact"
CONTACT_FIELDS = ("group", "homeMobile", "homePhone", "name", "surname", "workMobile",
                  "workPhone")
NUMBER_FIELDS = ("homeMobile", "homePhone", "workMobile", "workPhone")


class Phonebooks:
    """The phonebook routes over the sandbox state (`api.state`)."""

    def __init__(self, api: SandboxApi) -> None:
        self.api = api
        self.state = api.state

    def routes(self) -> list[tuple[Route, Callable[[Request], object]]]:
        served = []
        for base in (_BA, _PHONE):
            book = base + "/phonebook/{bookKey}"
            contact = book + "/phonebookContact"
            served += [
                (Route("GET", base + "/phonebook", "books"), self.books),
                (Route("POST", base + "/phonebook", "create_book", takes_body=True),
                 self.create_book),
                (Route("GET", book, "book"), self.book),
                (Route("PUT", book, "update_book", takes_body=True), self.update_book),
                (Route("DELETE", book, "delete_book"), self.delete_book),
                (Route("GET", contact, "contacts"), self.contacts),
                (Route("POST", contact, "create_contact", takes_body=True), self.create_contact),
                (Route("GET", contact + "/{id}", "contact"), self.contact),
                (Route("PUT", contact + "/{id}", "update_contact", takes_body=True),
                 self.update_contact),
                (Route("DELETE", contact + "/{id}", "delete_contact"), self.delete_contact),
            ]
        return served

    # Look-ups (lock held) ----------------------------------------------------------------------

    def _books(self, request: Request) -> dict:
        """The phonebooks of the billing account, or of the line's phone."""
        account = self.state.data["billing_accounts"].get(request.params["billingAccount"])
        if account is None:
            raise errors.service_not_found()
        if "serviceName" not in request.params:
            return account.setdefault("phonebooks", {})
        line = account["lines"].get(request.params["serviceName"])
        if line is None:
            raise errors.service_not_found()
        return line.setdefault("phonebooks", {})

    def _book(self, request: Request) -> dict:
        book = self._books(request).get(request.params["bookKey"])
        if book is None:
            raise errors.SandboxApiError(
                404, f"The requested object (bookKey = {request.params['bookKey']}) does not exist")
        return book

    def _contact(self, request: Request) -> dict:
        raw_id = request.params["id"]
        if not raw_id.isdigit():
            raise errors.bad_request(f"Path parameter id isn't formated correctly: {raw_id!r}")
        contact = self._book(request)["contacts"].get(str(int(raw_id)))
        if contact is None:
            raise errors.object_not_found(int(raw_id))
        return contact

    def _is_phone(self, request: Request) -> bool:
        return "serviceName" in request.params

    def _book_json(self, request: Request, key: str, book: dict) -> dict:
        if not self._is_phone(request):
            return {"bookKey": key, "name": book["name"]}
        return {"bookKey": key, "isReadonly": bool(book.get("isReadonly", False)),
                "name": book["name"], "phoneKey": book.get("phoneKey", "")}

    # Books -------------------------------------------------------------------------------------

    def books(self, request: Request) -> list[str]:
        with self.state.lock:
            return sorted(self._books(request))

    def create_book(self, request: Request) -> str:
        body = named_body(request, "/phonebook")
        with self.state.lock:
            books = self._books(request)
            key = secrets.token_hex(8)
            books[key] = {"name": body["name"], "contacts": {}}
            if self._is_phone(request):
                books[key].update(isReadonly=False, phoneKey=secrets.token_hex(6))
            self.state.save()
        return key

    def book(self, request: Request) -> dict:
        with self.state.lock:
            return self._book_json(request, request.params["bookKey"], self._book(request))

    def update_book(self, request: Request) -> None:
        model = "telephony.Phonebook" if self._is_phone(request) else "telephony.PhonebookMaster"
        body = model_body(request, model)
        with self.state.lock:
            self._writable_book(request).update(body)
            self.state.save()

    def delete_book(self, request: Request) -> None:
        with self.state.lock:
            self._book(request)
            del self._books(request)[request.params["bookKey"]]
            self.state.save()

    # Contacts ----------------------------------------------------------------------------------

    def contacts(self, request: Request) -> list[int]:
        with self.state.lock:
            return sorted(int(contact_id) for contact_id in self._book(request)["contacts"])

    def create_contact(self, request: Request) -> int:
        body = named_body(request, "/phonebook/{bookKey}/phonebookContact")
        with self.state.lock:
            book = self._writable_book(request)
            contact_id = add_contact(self.state.data, book, body)
            self.state.save()
        return contact_id

    def contact(self, request: Request) -> dict:
        with self.state.lock:
            contact = self._contact(request)
            return contact_json(int(request.params["id"]), contact)

    def update_contact(self, request: Request) -> None:
        body = model_body(request, CONTACT_MODEL)
        with self.state.lock:
            self._writable_book(request)
            self._contact(request).update(body)
            self.state.save()

    def delete_contact(self, request: Request) -> None:
        with self.state.lock:
            self._writable_book(request)
            self._contact(request)
            del self._book(request)["contacts"][str(int(request.params["id"]))]
            self.state.save()

    def _writable_book(self, request: Request) -> dict:
        book = self._book(request)
        if book.get("isReadonly"):
            raise errors.SandboxApiError(403, "This phonebook is read-only")
        return book


# Bodies checked against the schema --------------------------------------------------------------


def _operation(request: Request, suffix: str) -> dict:
    base = _PHONE if "serviceName" in request.params else _BA
    operation = schema.operation(request.method, base + suffix)
    assert operation is not None, (request.method, base + suffix)
    return operation


def named_body(request: Request, suffix: str) -> dict:
    """A body of named parameters (POST): required ones present, no unknown one, right types."""
    body = request.json_body
    if not isinstance(body, dict):
        raise errors.bad_request("The body must be a JSON object")
    parameters = {p["name"]: p for p in _operation(request, suffix)["parameters"]
                  if p["paramType"] == "body"}
    for name in body:
        if name not in parameters:
            raise errors.bad_request(f"Invalid parameter: {name} is not expected")
    for name, parameter in parameters.items():
        value = body.get(name)
        if value is None:
            if parameter["required"]:
                raise errors.bad_request(f"Missing parameter: {name}")
            continue
        _check_value(name, value, parameter["dataType"])
    return body


def model_body(request: Request, model: str) -> dict:
    """A whole-model body (PUT): only properties of `model`, right types; read-only ones are
    dropped. Returns the writable fields sent."""
    body = request.json_body
    if not isinstance(body, dict):
        raise errors.bad_request("The body must be a JSON object")
    properties = schema.load_schema()["models"][model]["properties"]
    writable = {}
    for name, value in body.items():
        prop = properties.get(name)
        if prop is None:
            raise errors.bad_request(f"Invalid parameter: {name} is not a property of {model}")
        if value is None:
            if not prop["canBeNull"]:
                raise errors.bad_request(f"Body parameter {name} cannot be null")
        else:
            _check_value(name, value, prop["type"])
        if not prop["readOnly"]:
            writable[name] = value
    return writable


def _check_value(name: str, value: object, type_name: str) -> None:
    if schema.check(value, type_name) or (type_name == "phoneNumber"
                                          and not number_is_valid(value)):
        raise errors.bad_request(f"Body parameter {name} isn't formated correctly")


# State helpers (also used to seed the demo account and by tests/benchmarks) ---------------------


def add_contact(data: dict, book: dict, fields: dict) -> int:
    """Store a contact in `book` (state lock held); returns its new id."""
    contact_id = data.setdefault("next_contact_id", 1001)
    data["next_contact_id"] = contact_id + 1
    book["contacts"][str(contact_id)] = {name: fields.get(name) for name in CONTACT_FIELDS}
    return contact_id


def contact_json(contact_id: int, contact: dict) -> dict:
    """A `telephony.PhonebookContact`."""
    answer: dict = {"id": contact_id}
    for name in CONTACT_FIELDS:  # strings are never null; numbers may be
        answer[name] = contact.get(name) if name in NUMBER_FIELDS else contact.get(name) or ""
    return answer


def install(api: SandboxApi) -> Phonebooks:
    """Serve the phonebook routes on `api`."""
    phonebooks = Phonebooks(api)
    for route, handler in phonebooks.routes():
        api.register(route, handler)
    return phonebooks


# The demo account's phonebooks: fictional people and places; 01 99 00 xx xx and 06 39 98 xx xx
# are French ranges set aside for fiction, so none of these numbers can ring anyone.
DEMO_BOOK_KEY = "d3m0b00k00000001"
DEMO_PHONE_BOOK_KEY = "d3m0b00k00000002"
DEMO_CONTACTS = (
    {"name": "Dr", "surname": "Martin", "group": "Santé", "workPhone": "0033199001234",
     "workMobile": "0033639981234"},
    {"name": "Camille", "surname": "Durand", "group": "Clients", "workPhone": "0033199001122"},
    {"name": "Hôtel", "surname": "de la Gare", "group": "Fournisseurs",
     "workPhone": "0033199005566"},
    {"name": "Sophie", "surname": "Bernard", "group": "Clients", "homeMobile": "0033639980011",
     "homePhone": "0033199002211"},
    {"name": "Cabinet", "surname": "Lefèvre", "group": "Fournisseurs",
     "workPhone": "0033199002233"},
    {"name": "Service", "surname": "Comptabilité", "group": "Interne",
     "workPhone": "0033199003344"},
)
DEMO_PHONE_CONTACTS = (
    {"name": "Standard", "surname": "Mairie", "group": "Accueil", "workPhone": "0033199001000"},
    {"name": "Taxi", "surname": "Demo", "group": "Accueil", "workMobile": "0033639985678"},
)


def seed_demo(data: dict, billing_account: str, line: str) -> None:
    """The demo phonebooks (state lock held): one on the billing account, one on the phone."""
    account = data["billing_accounts"][billing_account]
    book = {"name": "Carnet de démo", "contacts": {}}
    account.setdefault("phonebooks", {})[DEMO_BOOK_KEY] = book
    for fields in DEMO_CONTACTS:
        add_contact(data, book, fields)
    phone_book = {"name": "Téléphone accueil", "contacts": {}, "isReadonly": False,
                  "phoneKey": "a1b2c3d4e5f6"}
    account["lines"][line].setdefault("phonebooks", {})[DEMO_PHONE_BOOK_KEY] = phone_book
    for fields in DEMO_PHONE_CONTACTS:
        add_contact(data, phone_book, fields)
