"""Sync OVHcloud's call records (`voiceConsumption`, `previousVoiceConsumption`) of one line.

Each sync lists the record ids of this month and of the previous ones (since `since`, e.g. the
history's retention) — two requests — and reads only the ids not stored yet, through
`BulkReader` (batch mode or a small pool, 429s obeyed). Records never change once written, so
nothing else needs reading again. Raises only `ApiError`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone

import ovh

from easyclick2call.core.call_records import OvhRecord, RecordStore
from easyclick2call.core.contacts import to_e164
from easyclick2call.ovhapi.bulk import BulkReader
from easyclick2call.ovhapi.telephony import _seg

log = logging.getLogger(__name__)
KINDS = ("voiceConsumption", "previousVoiceConsumption")


@dataclass(frozen=True)
class RecordsReport:
    read: int
    stored: int  # records of this line now stored
    requests: int


def to_record(line: str, value: object, region: str) -> OvhRecord | None:
    """A `telephony.VoiceConsumption` / `PreviousVoiceConsumption` as an `OvhRecord`."""
    if not isinstance(value, dict) or not isinstance(value.get("consumptionId"), int):
        return None
    way = str(value.get("wayType") or "outgoing")
    other = value.get("calling") if way == "incoming" else (value.get("called")
                                                            or value.get("dialed"))
    e164 = to_e164(other, region) if isinstance(other, str) else None
    price = value.get("priceWithoutTax")
    try:
        at = datetime.fromisoformat(str(value.get("creationDatetime")))
    except ValueError:
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return OvhRecord(
        id=value["consumptionId"],
        line=line,
        at=at.astimezone(timezone.utc).replace(microsecond=0).isoformat(),
        way=way,
        number_e164=e164 or "",
        duration=int(value.get("duration") or 0),
        destination_type=str(value.get("destinationType") or ""),
        hangup_nature=str(value.get("hangupNature") or ""),
        designation=str(value.get("designation") or ""),
        plan_type=str(value.get("planType") or ""),
        price=float(price["value"]) if isinstance(price, dict)
        and isinstance(price.get("value"), int | float) else None,
        currency=str(price.get("currencyCode") or "") if isinstance(price, dict) else "",
    )


def sync_records(client: ovh.Client, store: RecordStore, billing_account: str, line: str,
                 region: str, *, since: datetime | None = None,
                 reader: BulkReader | None = None) -> RecordsReport:
    """Read the records of `line` not stored yet (created since `since`, when given)."""
    reader = reader or BulkReader(client)
    base = f"/telephony/{_seg(billing_account)}/service/{_seg(line)}"
    query = {"creationDatetime.from": since.astimezone(timezone.utc).isoformat()} if since \
        else {}
    known = store.ids(line)
    records: list[OvhRecord] = []
    for kind in KINDS:
        ids = [value for value in reader.get_list(f"{base}/{kind}", **query)
               if isinstance(value, int) and value not in known]
        values = reader.get_many(f"{base}/{kind}", ids)
        converted = (to_record(line, values[str(key)], region) for key in ids
                     if str(key) in values)
        records += [record for record in converted if record is not None]
    store.add_many(records)
    log.info("Call records synced: %d new, %d requests", len(records), reader.requests)
    return RecordsReport(len(records), len(known) + len(records), reader.requests)
