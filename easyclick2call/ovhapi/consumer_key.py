"""Connect an API application: request a consumer key for our routes only, wait for validation.

The rules (least privilege, listed in docs/api-access.md) cover exactly the routes
`ovhapi.telephony` calls. The person validates the key on OVHcloud's page; we poll
`GET /auth/currentCredential` with the new key until it works, is refused, expires, the wait
times out or the caller cancels.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from dataclasses import dataclass

from easyclick2call.ovhapi.client import ApiIdentity, make_client
from easyclick2call.ovhapi.errors import ApiError, map_error

log = logging.getLogger(__name__)

# (method, path) — `*` matches any characters, as in OVHcloud's access rules.
ACCESS_RULES: list[tuple[str, str]] = [
    ("GET", "/me"),
    ("GET", "/auth/currentCredential"),
    ("GET", "/telephony"),
    ("GET", "/telephony/*"),
    ("POST", "/telephony/*/line/*/click2Call"),
    ("POST", "/telephony/*/line/*/click2CallUser"),
    ("DELETE", "/telephony/*/line/*/click2CallUser/*"),
    ("POST", "/telephony/*/line/*/click2CallUser/*/changePassword"),
    ("POST", "/telephony/*/line/*/click2CallUser/*/click2Call"),
    # Live calls (ovhapi.event_tokens): `*` also spans `/service/{serviceName}`.
    ("POST", "/telephony/*/eventToken"),
    ("DELETE", "/telephony/*/eventToken"),
]

# Asked only when the person first saves a number as a contact (docs/contacts.md): adding
# contacts to the billing account's and the phone's phonebooks.
CONTACT_RULES: list[tuple[str, str]] = [
    ("POST", "/telephony/*/phonebook/*/phonebookContact"),
    ("POST", "/telephony/*/line/*/phone/phonebook/*/phonebookContact"),
]

# While the key waits for the person, these failures are worth another poll (a few times).
_TRANSIENT = {
    "network", "dns", "timeout", "connect_timeout", "connection_lost", "invalid_response",
    "server", "rate_limited", "conflict",
}
_MAX_TRANSIENT_IN_A_ROW = 5


@dataclass(frozen=True)
class PendingKey:
    consumer_key: str
    validation_url: str

    def __repr__(self) -> str:
        return f"PendingKey(consumer_key='***', validation_url={self.validation_url!r})"


def request_consumer_key(identity: ApiIdentity, redirect_url: str | None = None,
                         extra_rules: list[tuple[str, str]] | None = None) -> PendingKey:
    """Ask OVHcloud for a new consumer key limited to ACCESS_RULES (+ `extra_rules`, e.g.
    CONTACT_RULES; nothing is stored)."""
    if identity.auth_mode != "application":
        raise ApiError.of(
            "config", detail="consumer keys are for API applications, not OAuth2 clients"
        )
    client = make_client(dataclasses.replace(identity, consumer_key=""))
    request = client.new_consumer_key_request()
    for method, path in [*ACCESS_RULES, *(extra_rules or [])]:
        request.add_rule(method, path)
    try:
        answer = request.request(redirect_url=redirect_url)
    except Exception as exc:
        raise map_error(exc) from exc
    finally:
        client._session.close()
    if not isinstance(answer, dict) or not answer.get("consumerKey"):
        raise ApiError.of("invalid_response", detail="no consumer key in the answer")
    return PendingKey(str(answer["consumerKey"]), str(answer.get("validationUrl") or ""))


def wait_for_validation(
    identity: ApiIdentity,
    consumer_key: str,
    cancel: threading.Event,
    timeout: float = 600.0,
    poll_interval: float = 2.0,
) -> str:
    """Poll until `consumer_key` is validated; returns "validated".

    Raises ApiError "key_refused", "key_expired", "key_timeout", "cancelled", or the error that
    kept the key from being checked (a wrong secret, the network down for several polls…).
    """
    client = make_client(dataclasses.replace(identity, consumer_key=consumer_key))
    deadline = time.monotonic() + timeout
    transient_in_a_row = 0
    try:
        while True:
            if cancel.is_set():
                raise ApiError.of("cancelled")
            status = _poll(client)
            if isinstance(status, ApiError):
                if status.kind not in _TRANSIENT:
                    raise status
                transient_in_a_row += 1
                if transient_in_a_row >= _MAX_TRANSIENT_IN_A_ROW:
                    raise status
            else:
                transient_in_a_row = 0
                if status == "validated":
                    return "validated"
                if status == "refused":
                    raise ApiError.of("key_refused")
                if status == "expired":
                    raise ApiError.of("key_expired")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ApiError.of("key_timeout")
            if cancel.wait(min(poll_interval, remaining)):
                raise ApiError.of("cancelled")
    finally:
        client._session.close()


def _poll(client) -> str | ApiError:
    """The key's state ("validated", "pendingValidation", "refused", "expired") or an error."""
    try:
        answer = client.get("/auth/currentCredential")
    except Exception as exc:
        error = map_error(exc)
        if error.kind == "access_expired":
            # 403 INVALID_CREDENTIAL: OVHcloud's answer while the key awaits validation.
            return "pendingValidation"
        if error.kind == "access_unknown":
            return "refused"  # the credential is gone: refused on the page, or revoked
        log.info("Consumer key check failed: %s", error.kind)
        return error
    if isinstance(answer, dict) and isinstance(answer.get("status"), str):
        return answer["status"]
    return ApiError.of("invalid_response", detail="no status in currentCredential")
