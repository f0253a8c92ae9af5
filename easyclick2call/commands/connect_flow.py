"""The consumer-key flow of `easyclick2call connect` and `easyclick2call config connect`.

Ask OVHcloud for a consumer key limited to the routes EasyClick2Call uses, show its validation
page (and open it in the browser), then wait until the user has granted it there. The commands
differ only in where the application comes from and where the key goes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from easyclick2call.ovhapi.client import ApiIdentity


def grant_consumer_key(
    identity: ApiIdentity,
    *,
    announce: Callable[[str], None],
    open_browser: bool = True,
    on_no_browser: Callable[[], None] = lambda: None,
    timeout: float = 600.0,
    poll_interval: float = 2.0,
    redirect_url: str | None = None,
) -> str:
    """The new consumer key, once validated; `announce(url)` shows the validation page.

    Raises ApiError (refused, expired, timed out, network…); Ctrl+C ends the wait, which runs
    on this thread, as a KeyboardInterrupt."""
    from easyclick2call.ovhapi.consumer_key import request_consumer_key, wait_for_validation

    pending = request_consumer_key(identity, redirect_url=redirect_url)
    announce(pending.validation_url)
    if open_browser and not open_in_browser(pending.validation_url):
        on_no_browser()
    wait_for_validation(identity, pending.consumer_key, threading.Event(), timeout=timeout,
                        poll_interval=poll_interval)
    return pending.consumer_key


def open_in_browser(url: str) -> bool:
    """Open `url` in the user's browser ($BROWSER is honoured); False when none could be."""
    import webbrowser

    try:
        return bool(webbrowser.open(url))
    except Exception:  # a broken browser setting only means the address is copied by hand
        return False
