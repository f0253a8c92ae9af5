"""The sandbox's phonebook and call-record routes: schema fit, body checks, batch mode, records."""

from __future__ import annotations

import json

import pytest

from easyclick2call.sandbox import schema
from easyclick2call.sandbox.api import ROUTES
from easyclick2call.sandbox.phonebook import DEMO_BOOK_KEY, DEMO_CONTACTS, DEMO_PHONE_BOOK_KEY
from tests.e2e.support.actions import poll

BA = "/telephony/{billingAccount}"
PHONE = BA + "/line/{serviceName}/phone"
SERVICE = BA + "/service/{serviceName}"
CONTACT = {"name": "Ada", "surname": "Lovelace", "group": "Tests", "workPhone": "0033199009876",
           "homeMobile": None}


WRITE_RULES = [{"method": method, "path": "/telephony/*"}
               for method in ("GET", "POST", "PUT", "DELETE")]


@pytest.fixture
def writer(sandbox) -> str:
    """A consumer key that may also write phonebooks (the app asks for it only when needed)."""
    return sandbox.create_consumer_key(WRITE_RULES)


def extra_routes(sandbox) -> list:
    routes = [route for route, _ in sandbox.api.extra_routes]
    assert not set(routes) & set(ROUTES)
    return routes


def concrete(template: str, info: dict, **ids: object) -> str:
    path = template.replace("{billingAccount}", info["billing_account"]).replace(
        "{serviceName}", info["lines"][0])
    for name, value in ids.items():
        path = path.replace("{" + name + "}", str(value))
    return path


def test_every_extra_route_is_a_published_operation(sandbox) -> None:
    routes = extra_routes(sandbox)
    assert len(routes) == 24  # 2 × 10 phonebook operations, 2 × 2 record operations
    for route in routes:
        assert schema.operation(route.method, route.template) is not None, route


def test_each_extra_route_answer_fits_the_schema(sandbox, raw_call, writer) -> None:
    sandbox.consumption.delay = 0
    info = sandbox.info()
    current = raw_call("GET", concrete(SERVICE + "/voiceConsumption", info)).json()
    previous = raw_call("GET", concrete(SERVICE + "/previousVoiceConsumption", info)).json()
    assert current and previous
    bodies = {
        ("POST", "/phonebook"): {"name": "Nouveau carnet"},
        ("PUT", "/phonebook/{bookKey}"): {"name": "Renamed", "bookKey": "ignored"},
        ("POST", "/phonebook/{bookKey}/phonebookContact"): CONTACT,
        ("PUT", "/phonebook/{bookKey}/phonebookContact/{id}"): {"surname": "Martin-Durand"},
    }
    deletes = sorted((r for r in extra_routes(sandbox) if r.method == "DELETE"),
                     key=lambda r: -len(r.template))  # contacts before their book
    routes = [r for r in extra_routes(sandbox) if r.method != "DELETE"] + deletes
    for route in routes:
        book = DEMO_PHONE_BOOK_KEY if "/phone/" in route.template else DEMO_BOOK_KEY
        contact = raw_call("GET", concrete(route.template.split("/phonebookContact")[0]
                                           + "/phonebookContact", info, bookKey=book)).json() \
            if "phonebookContact" in route.template else [0]
        consumption = previous[0] if "previous" in route.template else current[0]
        path = concrete(route.template, info, bookKey=book, id=contact[0],
                        consumptionId=consumption)
        suffix = route.template.split("/phone", 1)[1] if "/phone/" in route.template \
            else route.template.split(BA, 1)[1]
        suffix = suffix.removeprefix("book") if suffix.startswith("book") else suffix
        body = bodies.get((route.method, suffix))
        answer = raw_call(route.method, path, body, consumer_key=writer)
        assert answer.status == 200, (route, answer.body)
        op = schema.operation(route.method, route.template)
        if op["responseType"] == "void":
            assert answer.body == b"null", route
        assert schema.check(json.loads(answer.body), op["responseType"]) == [], route


def test_demo_phonebook_contacts(ovh_client, sandbox) -> None:
    info = sandbox.info()
    base = concrete(BA, info)
    assert ovh_client.get(base + "/phonebook") == [DEMO_BOOK_KEY]
    assert ovh_client.get(f"{base}/phonebook/{DEMO_BOOK_KEY}")["name"] == "Carnet de démo"
    ids = ovh_client.get(f"{base}/phonebook/{DEMO_BOOK_KEY}/phonebookContact")
    contacts = [ovh_client.get(f"{base}/phonebook/{DEMO_BOOK_KEY}/phonebookContact/{i}")
                for i in ids]
    assert [(c["name"], c["surname"]) for c in contacts] == [
        (c["name"], c["surname"]) for c in DEMO_CONTACTS]
    numbers = [c[k] for c in contacts for k in ("workPhone", "homePhone") if c[k]]
    assert all(n.startswith("003319900") for n in numbers)
    phone = concrete(PHONE, info)
    assert ovh_client.get(phone + "/phonebook") == [DEMO_PHONE_BOOK_KEY]
    assert ovh_client.get(f"{phone}/phonebook/{DEMO_PHONE_BOOK_KEY}")["isReadonly"] is False


def test_contact_create_update_delete(make_ovh_client, sandbox, writer) -> None:
    ovh_client = make_ovh_client(consumer_key=writer)
    info = sandbox.info()
    contacts = concrete(BA, info) + f"/phonebook/{DEMO_BOOK_KEY}/phonebookContact"
    new_id = ovh_client.post(contacts, **CONTACT)
    assert isinstance(new_id, int) and new_id in ovh_client.get(contacts)
    ovh_client.put(f"{contacts}/{new_id}", workPhone="+33199009999", id=new_id)
    stored = ovh_client.get(f"{contacts}/{new_id}")
    assert stored == {"id": new_id, "group": "Tests", "name": "Ada", "surname": "Lovelace",
                      "homeMobile": None, "homePhone": None, "workMobile": None,
                      "workPhone": "+33199009999"}
    assert ovh_client.delete(f"{contacts}/{new_id}") is None
    assert new_id not in ovh_client.get(contacts)


@pytest.mark.parametrize(("method", "body", "message"), [
    ("POST", {"name": "A", "surname": "B"}, "Missing parameter: group"),
    ("POST", {**CONTACT, "email": "a@b"}, "email is not expected"),
    ("POST", {**CONTACT, "workPhone": "not a number"}, "workPhone isn't formated"),
    ("POST", {**CONTACT, "name": 12}, "name isn't formated"),
    ("PUT", {"nickname": "x"}, "nickname is not a property"),
    ("PUT", {"name": None}, "name cannot be null"),
])
def test_contact_bodies_are_checked(sandbox, raw_call, writer, method, body, message) -> None:
    info = sandbox.info()
    path = concrete(BA, info) + f"/phonebook/{DEMO_BOOK_KEY}/phonebookContact"
    if method == "PUT":
        path += "/1001"
    answer = raw_call(method, path, body, consumer_key=writer)
    assert answer.status == 400 and message in answer.json()["message"]


def test_unknown_book_and_contact_are_404(sandbox, raw_call) -> None:
    """Reading needs no more than the app's own read rules."""
    info = sandbox.info()
    base = concrete(BA, info) + "/phonebook"
    assert raw_call("GET", base + "/nope").status == 404
    assert raw_call("GET", f"{base}/{DEMO_BOOK_KEY}/phonebookContact/99").status == 404
    assert raw_call("GET", f"{base}/{DEMO_BOOK_KEY}/phonebookContact/x").status == 400
    assert raw_call("GET", "/telephony/zz9-ovh-9/phonebook").status == 404


def test_batch_mode_answers_one_item_per_key(sandbox, raw_call, writer) -> None:
    info = sandbox.info()
    base = concrete(BA, info) + f"/phonebook/{DEMO_BOOK_KEY}/phonebookContact"
    answer = raw_call("GET", f"{base}/1001,1002,999", headers={"X-Ovh-Batch": ","})
    assert answer.status == 200
    items = answer.json()
    assert [item["key"] for item in items] == ["1001", "1002", "999"]
    assert items[0]["value"]["surname"] == "Martin" and items[0]["error"] is None
    assert items[1]["value"]["surname"] == "Durand"
    assert items[2]["value"] is None and "999" in items[2]["error"]
    single = raw_call("GET", f"{base}/1001", headers={"X-Ovh-Batch": ","}).json()
    assert [item["key"] for item in single] == ["1001"]
    assert raw_call("POST", base, CONTACT, headers={"X-Ovh-Batch": ","},
                    consumer_key=writer).status == 400
    assert raw_call("GET", "/telephony", headers={"X-Ovh-Batch": ","}).status == 400


def test_batch_mode_is_authenticated_and_rule_checked(sandbox, raw_call) -> None:
    info = sandbox.info()
    base = concrete(BA, info) + f"/phonebook/{DEMO_BOOK_KEY}/phonebookContact"
    answer = raw_call("GET", f"{base}/1001,1002", headers={"X-Ovh-Batch": ","}, signed=False)
    assert answer.status == 401
    reader = sandbox.create_consumer_key([{"method": "GET", "path": "/telephony/*/line/*"}])
    answer = raw_call("GET", f"{base}/1001,1002", headers={"X-Ovh-Batch": ","},
                      consumer_key=reader)
    assert answer.status == 403


def test_a_call_adds_a_record_after_the_delay(ovh_client, sandbox) -> None:
    sandbox.consumption.delay = 0.5
    info = sandbox.info()
    service = concrete(SERVICE, info)
    before = ovh_client.get(service + "/voiceConsumption")
    ovh_client.post(concrete(BA + "/line/{serviceName}/click2Call", info),
                    calledNumber="+33639981234")
    assert ovh_client.get(service + "/voiceConsumption") == before  # not yet: the call goes on
    after = poll(lambda: [i for i in ovh_client.get(service + "/voiceConsumption")
                          if i not in before], 10, "the call's record")
    assert len(after) == 1
    record = ovh_client.get(f"{service}/voiceConsumption/{after[0]}")
    assert record["calling"] == info["lines"][0] and record["called"] == "0033639981234"
    assert record["dialed"] == "+33639981234" and record["destinationType"] == "mobile"
    assert record["wayType"] == "outgoing" and record["duration"] > 0
    assert schema.check(record, "telephony.VoiceConsumption") == []


def test_record_filters_and_previous_month(ovh_client, sandbox) -> None:
    info = sandbox.info()
    service = concrete(SERVICE, info)
    incoming = ovh_client.get(service + "/voiceConsumption", wayType="incoming")
    assert len(incoming) == 1
    record = ovh_client.get(f"{service}/voiceConsumption/{incoming[0]}")
    assert record["calling"] == "0033199001234" and record["dialed"] is None
    assert ovh_client.get(service + "/voiceConsumption", **{
        "creationDatetime.from": "2999-01-01T00:00:00+00:00"}) == []
    previous = ovh_client.get(service + "/previousVoiceConsumption")
    assert len(previous) == 2
    old = ovh_client.get(f"{service}/previousVoiceConsumption/{previous[0]}")
    assert "dialed" not in old
    assert schema.check(old, "telephony.PreviousVoiceConsumption") == []


def test_record_query_is_checked(sandbox, raw_call) -> None:
    info = sandbox.info()
    service = concrete(SERVICE, info)
    assert raw_call("GET", service + "/voiceConsumption?wayType=sideways").status == 400
    assert raw_call("GET", service + "/voiceConsumption?colour=red").status == 400
    assert raw_call("GET", service + "/voiceConsumption/123").status == 404


def test_demo_data_is_seeded_once_into_a_state_file(tmp_path) -> None:
    from easyclick2call.sandbox.server import SandboxServer

    path = tmp_path / "state.json"
    first = SandboxServer(state_file=str(path))
    book = first.state.data["billing_accounts"]["ab12345-ovh-1"]["phonebooks"][DEMO_BOOK_KEY]
    assert len(book["contacts"]) == len(DEMO_CONTACTS)
    again = SandboxServer(state_file=str(path))
    book = again.state.data["billing_accounts"]["ab12345-ovh-1"]["phonebooks"][DEMO_BOOK_KEY]
    assert len(book["contacts"]) == len(DEMO_CONTACTS)
