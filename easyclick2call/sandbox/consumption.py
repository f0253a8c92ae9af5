"""The sandbox's call records: `voiceConsumption` (this month) and `previousVoiceConsumption`.

Each call placed through the sandbox gets a record, visible `delay` seconds later (default 10 s,
or `EASYCLICK2CALL_SANDBOX_RECORD_DELAY`): real records arrive after the call has ended. Records
created before the first day of the current month (UTC) are served as previous ones. Sandbox
choices [P] where OVHcloud publishes no sample: numbers in `00` form; a call lasts 20 to 299 s
(from its number's last digits); `destinationType` from the French number (06/07 mobile, 08
special, else landline); landlines and mobiles are in the plan (`priceplan`, 0.00), special
numbers are `outplan` at 0.12; `hangupNature` "Normal call clearing"; `designation` and
`countrySuffix` as in `_designation`. The demo account has a few records of its own: calls from
the desk phone this month and last month, one of them incoming.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from easyclick2call.sandbox import errors, schema
from easyclick2call.sandbox.api import Request, Route
from easyclick2call.sandbox.models import price

if TYPE_CHECKING:
    from easyclick2call.sandbox.api import SandboxApi

DELAY_ENV = "EASYCLICK2CALL_SANDBOX_RECORD_DELAY"
DEFAULT_DELAY = 10.0
_SERVICE = "/telephony/{billingAccount}/service/{serviceName}"
_FILTERS = ("creationDatetime.from", "creationDatetime.to", "destinationType", "planType",
            "wayType")


def _month_start(now: datetime) -> datetime:
    return now.astimezone(timezone.utc).replace(day=1, hour=0, minute=0, second=0,
                                                microsecond=0)


def ovh_number(number: str, country: str = "33") -> str:
    """A number as OVHcloud's records write it: `00` + country code + national number."""
    digits = "".join(char for char in number if char.isdigit())
    if number.strip().startswith("+"):
        return "00" + digits
    if digits.startswith("00"):
        return digits
    return "00" + country + digits.removeprefix("0")


def _designation(called: str) -> tuple[str, str, int]:
    """(destinationType, designation, price in cents) of a `00…` number."""
    if called.startswith("0033"):
        first = called[4:5]
        if first in ("6", "7"):
            return "mobile", "France - Mobile", 0
        if first == "8":
            return "special", "France - Numéro spécial", 12
        return "landline", "France - Fixe", 0
    return "landline", "International - Fixe", 0


def make_record(record_id: int, at: datetime, line: str, other: str, *, way: str,
                duration: int | None = None) -> dict:
    """A `telephony.VoiceConsumption` (with `dialed`; previous ones drop it)."""
    called = other if way == "outgoing" else line
    calling = line if way == "outgoing" else other
    destination, designation, cents = _designation(called)
    digits = "".join(char for char in other if char.isdigit())
    return {
        "called": called,
        "calling": calling,
        "consumptionId": record_id,
        "countrySuffix": "fr" if called.startswith("0033") else "int",
        "creationDatetime": at.astimezone(timezone.utc).replace(microsecond=0).isoformat(),
        "designation": designation,
        "destinationType": destination,
        "dialed": called if way == "outgoing" else None,
        "duration": duration if duration is not None else 20 + int(digits[-3:] or 0) % 280,
        "hangupNature": "Normal call clearing",
        "planType": "outplan" if cents else "priceplan",
        "priceWithoutTax": price(cents / 100),
        "wayType": way,
    }


class Consumption:
    """The record routes, and a listener that adds a record for each call placed."""

    def __init__(self, api: SandboxApi, delay: float | None = None) -> None:
        self.api = api
        self.state = api.state
        self.delay = delay if delay is not None else float(os.environ.get(DELAY_ENV)
                                                           or DEFAULT_DELAY)

    def routes(self) -> list[tuple[Route, Callable[[Request], object]]]:
        served = []
        for name, previous in (("voiceConsumption", False), ("previousVoiceConsumption", True)):
            served += [
                (Route("GET", f"{_SERVICE}/{name}", name),
                 lambda request, previous=previous: self.ids(request, previous)),
                (Route("GET", f"{_SERVICE}/{name}/{{consumptionId}}", name + "_one"),
                 lambda request, previous=previous: self.one(request, previous)),
            ]
        return served

    # Records -----------------------------------------------------------------------------------

    def on_call(self, call: dict) -> None:
        """Add the record of a call just placed (state lock held by the caller)."""
        line = self._service(call["billing_account"], call["line"])
        if line is None:
            return
        record_id = self._next_id()
        at = datetime.fromisoformat(call["at"])
        record = make_record(record_id, at, call["line"], ovh_number(call["called_number"]),
                             way="outgoing")
        record["dialed"] = call["called_number"]
        line.setdefault("consumptions", {})[str(record_id)] = {
            **record, "_available_at": time.time() + self.delay}
        self.state.save()

    def add(self, billing_account: str, service: str, record: dict,
            available_at: float = 0.0) -> None:
        """Store a finished record (seeding, tests); lock taken here."""
        with self.state.lock:
            line = self._service(billing_account, service)
            assert line is not None
            line.setdefault("consumptions", {})[str(record["consumptionId"])] = {
                **record, "_available_at": available_at}
            self.state.save()

    def _next_id(self) -> int:
        data = self.state.data
        record_id = data.setdefault("next_consumption_id", 8_100_000_001)
        data["next_consumption_id"] = record_id + 1
        return record_id

    def _service(self, billing_account: str, service: str) -> dict | None:
        account = self.state.data["billing_accounts"].get(billing_account)
        return None if account is None else account["lines"].get(service)

    def _visible(self, request: Request, previous: bool) -> dict[str, dict]:
        line = self._service(request.params["billingAccount"], request.params["serviceName"])
        if line is None:
            raise errors.service_not_found()
        now = time.time()
        start = _month_start(datetime.now(timezone.utc)).isoformat()
        return {key: record for key, record in line.get("consumptions", {}).items()
                if record["_available_at"] <= now
                and (record["creationDatetime"] < start) == previous}

    # Routes ------------------------------------------------------------------------------------

    def ids(self, request: Request, previous: bool) -> list[int]:
        filters = _filters(request)
        with self.state.lock:
            records = self._visible(request, previous).values()
            return sorted(record["consumptionId"] for record in records
                          if _matches(record, filters))

    def one(self, request: Request, previous: bool) -> dict:
        raw_id = request.params["consumptionId"]
        if not raw_id.isdigit():
            raise errors.bad_request(
                f"Path parameter consumptionId isn't formated correctly: {raw_id!r}")
        with self.state.lock:
            record = self._visible(request, previous).get(str(int(raw_id)))
            if record is None:
                raise errors.object_not_found(int(raw_id))
            answer = {key: value for key, value in record.items() if not key.startswith("_")}
        if previous:
            answer.pop("dialed", None)
        return answer


def _filters(request: Request) -> dict[str, object]:
    query = parse_qs(urlsplit(request.url).query, keep_blank_values=True)
    operation = schema.operation("GET", _SERVICE + "/voiceConsumption")
    assert operation is not None
    types = {p["name"]: p["dataType"] for p in operation["parameters"] if p["paramType"] == "query"}
    filters: dict[str, object] = {}
    for name, values in query.items():
        if name not in types:
            raise errors.bad_request(f"Invalid parameter: {name} is not expected")
        value = values[-1]
        if schema.check(value, types[name]):
            raise errors.bad_request(f"Query parameter {name} isn't formated correctly")
        filters[name] = datetime.fromisoformat(value) if types[name] == "datetime" else value
    return filters


def _matches(record: dict, filters: dict[str, object]) -> bool:
    at = datetime.fromisoformat(record["creationDatetime"])
    start, end = filters.get("creationDatetime.from"), filters.get("creationDatetime.to")
    if isinstance(start, datetime) and at < start:
        return False
    if isinstance(end, datetime) and at > end:
        return False
    return all(record[name] == filters[name] for name in _FILTERS[2:] if name in filters)


def seed_demo(consumption: Consumption, billing_account: str, line: str) -> None:
    """The demo line's own records: two desk-phone calls this month, two last month."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    last_month = _month_start(now) - timedelta(days=5)
    for at, other, way, duration in (
        (now - timedelta(hours=3), "0033199001122", "outgoing", 184),
        (now - timedelta(hours=1), "0033199001234", "incoming", 95),
        (last_month - timedelta(days=7), "0033639981234", "outgoing", 42),
        (last_month, "0033199005566", "outgoing", 310),
    ):
        consumption.add(billing_account, line, make_record(
            consumption._next_id(), at, line, other, way=way, duration=duration))


def install(api: SandboxApi) -> Consumption:
    """Serve the record routes on `api` and record each call placed."""
    consumption = Consumption(api)
    for route, handler in consumption.routes():
        api.register(route, handler)
    api.call_listeners.append(consumption.on_call)
    return consumption
