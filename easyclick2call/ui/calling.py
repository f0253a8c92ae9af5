"""Place a call when the user asks for one: the one-click-one-call guard, the API call off the GUI
thread, the notification that follows, and the history record.

Every press of a Call button (or a menu entry, or the Call-a-number box) becomes one
core.dialer.CallRequest; the Dialer refuses repeats (the same request, the same number in flight
or dialled seconds ago), so a double click, Enter held down or the number copied again never
place a second call. The history keeps the number, the time, the line and the result — never
clipboard text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from easyclick2call.ui.line_display import line_display as _line_display
from easyclick2call.ui.tasks import run_task

if TYPE_CHECKING:
    from easyclick2call.core.dialer import CallRequest

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Calling", text)


@dataclass(frozen=True)
class CallOutcome:
    """What happened to one request (built on the worker thread, shown on the GUI thread)."""

    request_id: str
    e164: str
    shown: str  # the called number as displayed
    line_shown: str  # the user's line as displayed ("09 72 10 11 12")
    intercom: bool
    error_kind: str = ""
    error_message: str = ""
    error_family: str = ""  # "auth" (fix the account), "network", "input", "number"…

    @property
    def ok(self) -> bool:
        return not self.error_kind


def place_call(context, request: CallRequest, language: str) -> CallOutcome:
    """Runs on a worker thread: read the account, call the API once, record the call."""
    from easyclick2call.core.numbers import display_number, parse_number

    region = context.region()
    found = request.number
    if isinstance(found, str):
        found = parse_number(found, region, language)
    shown = display_number(found, region)
    line = ""
    line_shown = ""
    intercom = False
    kind = message = family = ""
    try:
        account = context.account()
        line = account.line
        intercom = account.intercom
        line_shown = _line_display(line, region)
        identity = account.to_identity()  # the secrets, read from the keyring once
        _check_configured(account, identity)
        from easyclick2call.ovhapi.client import make_client
        from easyclick2call.ovhapi.telephony import Telephony

        telephony = Telephony(make_client(identity))
        user_id = int(account.click2call_user or 0) or None
        telephony.call(account.billing_account, line, found.ovh,
                       intercom=intercom and user_id is None, click2call_user_id=user_id)
    except Exception as exc:  # every failure becomes a plain sentence, never a traceback
        kind, message, family = _describe(exc, language)
        log.info("call to %s failed: %s", found.e164, kind)
    else:
        log.info("call to %s placed", found.e164)
    _record(context, found.e164, shown, line, "failed" if kind else "placed",
            source=request.source, kind=kind)
    return CallOutcome(request.request_id, found.e164, shown, line_shown, intercom, kind,
                       message, family)


def _check_configured(account, identity) -> None:
    from easyclick2call.core.account import missing_fields
    from easyclick2call.ovhapi.errors import ApiError

    if missing_fields(account, identity):
        raise ApiError.of("not_configured")


def _describe(exc: BaseException, language: str) -> tuple[str, str, str]:
    """(kind, message with the action that fixes it, family) for any failure."""
    message_in = getattr(exc, "message_in", None)
    if message_in is not None:
        kind = getattr(exc, "kind", "") or "keyring"  # SecretsError has no kind
        family = getattr(exc, "family", "") or "auth"
        return kind, message_in(language), family
    if isinstance(exc, ValueError):  # not a callable number
        reason = getattr(exc, "reason", "") or tr("This number cannot be called.")
        return "number", reason, "number"
    return "internal", tr("The call could not be placed because of an unexpected error — "
                          "try again; if it keeps failing, see the log file."), "internal"


def _record(context, e164: str, shown: str, line: str, outcome: str, *, source: str,
            kind: str) -> None:
    if not context.setting("history_enabled", True) or context.history is None:
        return
    from easyclick2call.core.history import CallRecord

    try:
        context.history.add(CallRecord.new(e164, shown, line, outcome, source=source,
                                           error_kind=kind, demo=context.demo))
    except (OSError, ValueError) as exc:
        log.warning("could not record the call in the history: %s", type(exc).__name__)


class CallController(QObject):
    """Turns Call presses into at most one API call each and reports the outcome."""

    call_finished = Signal(object)  # CallOutcome

    def __init__(self, context, notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.notifier = notifier
        from easyclick2call.core.dialer import Dialer

        self.dialer = Dialer(self._start)

    def call(self, number, source: str = "popup") -> bool:
        """Ask for a call to `number` (FoundNumber or E.164); False when refused as a repeat."""
        from easyclick2call.core.dialer import CallRequest

        request = CallRequest.new(number, line=self.context.line_label(), source=source)
        accepted = self.dialer.submit(request)
        if not accepted:
            log.info("repeat call request ignored (%s)", source)
        return accepted

    def _start(self, request: CallRequest) -> None:
        run_task(place_call, self.context, request, self.context.language,
                 on_done=self._finished,
                 on_error=lambda exc, r=request: self._crashed(r, exc), parent=self)

    def _crashed(self, request: CallRequest, exc: BaseException) -> None:
        kind, message, family = _describe(exc, self.context.language)
        self._finished(CallOutcome(request.request_id, request.e164, request.e164, "", False,
                                   kind, message, family))

    def _finished(self, outcome: CallOutcome) -> None:
        self.dialer.finished(outcome.request_id, succeeded=outcome.ok)
        self.context.history_changed.emit()
        if outcome.ok:
            line = outcome.line_shown or tr("your line")
            if outcome.intercom:
                body = tr("Your phone (line {line}) is picking up on its speaker — "
                          "calling {number}.")
            else:
                body = tr("Your phone (line {line}) is ringing — pick up to reach {number}.")
            self.notifier.notify(tr("Calling {number}").format(number=outcome.shown),
                                 body.format(line=line, number=outcome.shown))
        else:
            self.notifier.notify(tr("Call to {number} failed").format(number=outcome.shown),
                                 outcome.error_message, error=True)
        self.call_finished.emit(outcome)
