"""OVHcloud's batch mode, as its control panel uses it to read many objects in one request.

A GET with the header ``X-Ovh-Batch: ,`` and several ids joined by that separator in one path
segment (``…/phonebookContact/11,12,13``) answers one JSON list with an item per id, in the order
asked: ``{"key": "11", "value": <the object, or null>, "error": <null, or the message>}``.
Sandbox choices [P]: only GET is batched (400 otherwise); the separator may stand in one path
parameter only (400 otherwise); with no separator in any parameter, the last one is the single
key; a route without path parameters cannot be batched (400); each id is looked up on its own,
so one unknown id is an error item, not a failed request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from easyclick2call.sandbox import errors

if TYPE_CHECKING:
    from easyclick2call.sandbox.api import Request

BATCH_HEADER = "X-Ovh-Batch"


def answer(request: Request, handler: Callable[[Request], object], separator: str) -> list[dict]:
    """The batch answer of `request` (already authenticated) served by `handler`."""
    if request.method != "GET":
        raise errors.bad_request("Batch mode is only available for GET requests")
    if not request.params:
        raise errors.bad_request("Batch mode needs an identifier in the path")
    batched = [name for name, value in request.params.items() if separator in value]
    if len(batched) > 1:
        raise errors.bad_request("Batch mode accepts several values in one path parameter only")
    name = batched[0] if batched else list(request.params)[-1]
    items = []
    for key in request.params[name].split(separator):
        try:
            value = handler(replace(request, params={**request.params, name: key}))
        except errors.SandboxApiError as exc:
            items.append({"key": key, "value": None, "error": exc.message})
        else:
            items.append({"key": key, "value": value, "error": None})
    return items
