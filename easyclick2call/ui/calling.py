"""Place a call when the user asks for one: the one-click-one-call guard, the call gate and the
API call on the call thread, the question the gate may ask, and the truthful message after.

Every path that calls (the popup, "Call a number…", redial from History or the tray, tel:
links and numbers handed over by a second launch — they all end in the popup or here) goes
through :meth:`CallController.call`:

1. core.dialer.Dialer refuses repeats (the same request, the same number in flight or dialled
   seconds ago): a double click, Enter held down or the number copied again never place a
   second call;
2. on the call thread — one thread, so calls reach OVHcloud one at a time, in the order the user
   confirmed them — core.call_gate decides (never an emergency number, a short code or a blocked
   prefix; a number abroad or one whose last call may have been placed is asked about first),
   then ovhapi.dialing places the call and records it;
3. back on the GUI thread, one message says what really happened: placed (and, separately and
   calmly, anything that failed after that), not placed, or may have been placed.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from easyclick2call.ui.i18n import tr_error
from easyclick2call.ui.line_display import line_display as _line_display
from easyclick2call.ui.tasks import call_pool, run_task

if TYPE_CHECKING:
    from easyclick2call.core.call_gate import Confirmation, NeedsConfirmation
    from easyclick2call.core.dialer import CallRequest

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Calling", text)


@dataclass(frozen=True)
class CallOutcome:
    """What happened to one request (built on the call thread, shown on the GUI thread)."""

    request_id: str
    e164: str
    shown: str  # the called number as displayed
    line_shown: str = ""  # the user's line as displayed ("09 72 10 11 12")
    intercom: bool = False
    outcome: str = "placed"  # placed, failed, uncertain, blocked, not_callable, confirm
    error_kind: str = ""
    error_message: str = ""
    error_family: str = ""  # "auth" (fix the account), "network", "input", "number"…
    confirmation: NeedsConfirmation | None = None
    after_call_problem: str = ""  # what failed once the call was placed (e.g. the history)
    source: str = ""  # where the request came from ("popup", "dialog", "redial"…)
    confirmed: frozenset = frozenset()  # what the user had confirmed for it

    @property
    def ok(self) -> bool:
        return self.outcome == "placed"

    @property
    def error_reason(self) -> str:
        """The error's message without the "it may have been done" sentence (said otherwise)."""
        from easyclick2call.ovhapi.errors import UNCERTAIN_SUFFIX

        message = self.error_message
        for suffix in UNCERTAIN_SUFFIX:
            message = message.removesuffix(" " + suffix)
        return message


def place_call(context, request: CallRequest, language: str,
               confirmed: frozenset[Confirmation], uncertain: frozenset[str]) -> CallOutcome:
    """(On the call thread) the gate, then the API once, then the history."""
    from easyclick2call.core.call_gate import (
        ApprovedCall,
        CallPolicy,
        NeedsConfirmation,
        RefusalKind,
        check_call,
    )
    from easyclick2call.core.numbers import display_number
    from easyclick2call.ovhapi import dialing

    region = context.region()
    policy = CallPolicy.from_settings(context.setting, region, uncertain)
    verdict = check_call(request.number, policy, request.source, confirmed=confirmed,
                         language=language)
    if isinstance(verdict, NeedsConfirmation):
        shown = display_number(verdict.found, region)
        return CallOutcome(request.request_id, verdict.found.e164, shown, outcome="confirm",
                           confirmation=verdict, source=request.source, confirmed=confirmed)
    if not isinstance(verdict, ApprovedCall):  # a Refusal
        if verdict.kind is RefusalKind.BLOCKED:
            message = tr("Numbers starting with {prefix} are blocked (premium rate); change this "
                         "in Settings › Filters.").format(prefix=verdict.prefix)
            _record(context, verdict.e164, verdict.e164, "", outcome=dialing.BLOCKED,
                    source=request.source)
            return CallOutcome(request.request_id, verdict.e164, verdict.e164,
                               outcome="blocked", error_kind="blocked", error_message=message,
                               error_family="number")
        return CallOutcome(request.request_id, request.e164, request.e164,
                           outcome="not_callable", error_kind="number",
                           error_message=verdict.reason, error_family="number")
    found = verdict.found
    shown = display_number(found, region)
    line = line_shown = ""
    intercom = False
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
        target = dialing.CallTarget(account.billing_account, line, intercom, user_id)
    except Exception as exc:  # nothing was sent: a plain sentence, never a traceback
        kind, message, family = _describe(exc)
        log.info("call not placed (%s): %s", request.source, kind)
        _record(context, found.e164, shown, line, outcome=dialing.FAILED,
                source=request.source, error_kind=kind)
        return CallOutcome(request.request_id, found.e164, shown, line_shown, intercom,
                           dialing.FAILED, kind, message, family)
    result = dialing.place(telephony, target, verdict)
    kind = message = family = ""
    if result.error is not None:
        kind, message, family = _describe(result.error)
    problem = _record(context, found.e164, shown, line, outcome=result.outcome,
                      source=request.source, error_kind=kind)
    return CallOutcome(request.request_id, found.e164, shown, line_shown, intercom,
                       result.outcome, kind, message, family,
                       after_call_problem=problem if result.outcome == dialing.PLACED else "")


def _check_configured(account, identity) -> None:
    from easyclick2call.core.account import missing_fields
    from easyclick2call.ovhapi.errors import ApiError

    if missing_fields(account, identity):
        raise ApiError.of("not_configured")


def _describe(exc: BaseException) -> tuple[str, str, str]:
    """(kind, message with the action that fixes it, family) for any failure."""
    if callable(getattr(exc, "text", None)):
        kind = getattr(exc, "kind", "") or "keyring"  # SecretsError has no kind
        family = getattr(exc, "family", "") or "auth"
        return kind, tr_error(exc), family
    if isinstance(exc, ValueError):  # not a callable number
        reason = getattr(exc, "reason", "") or tr("This number cannot be called.")
        return "number", reason, "number"
    return "internal", tr("The call could not be placed because of an unexpected error — "
                          "try again; if it keeps failing, see the log file."), "internal"


def _record(context, e164: str, shown: str, line: str, *, outcome: str, source: str,
            error_kind: str = "") -> str:
    """Best effort, after the fact: "" when recorded (or history is off), else what failed."""
    if not context.setting("history_enabled", True) or context.history is None:
        return ""
    from easyclick2call.ovhapi.dialing import record

    return record(context.history, e164, shown, line, outcome, source=source,
                  error_kind=error_kind, demo=context.demo)


class CallController(QObject):
    """Turns Call presses into at most one API call each and reports the truth about it."""

    call_finished = Signal(object)  # CallOutcome

    def __init__(self, context, notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.notifier = notifier
        from easyclick2call.core.dialer import Dialer

        self.dialer = Dialer(self._start)
        self._confirmed: dict[str, frozenset] = {}  # request_id -> what the user confirmed
        self._uncertain: dict[str, float] = {}  # e164 -> monotonic time of an uncertain call
        self._questions: list[QMessageBox] = []

    def call(self, number, source: str = "popup", confirmed=frozenset()) -> bool:
        """Ask for a call to `number` (FoundNumber, E.164 or typed text); False when refused
        as a repeat. `confirmed`: what the user already confirmed (the popup's abroad box)."""
        from easyclick2call.core.dialer import CallRequest

        request = CallRequest.new(number, line=self.context.line_label(), source=source)
        self._confirmed[request.request_id] = frozenset(confirmed)
        accepted = self.dialer.submit(request)
        if not accepted:
            self._confirmed.pop(request.request_id, None)
            log.info("repeat call request ignored (%s)", source)
        return accepted

    def _uncertain_numbers(self) -> frozenset[str]:
        from easyclick2call.ovhapi.dialing import UNCERTAIN_MEMORY_S

        now = time.monotonic()
        self._uncertain = {n: t for n, t in self._uncertain.items()
                           if now - t < UNCERTAIN_MEMORY_S}
        return frozenset(self._uncertain)

    def _start(self, request: CallRequest) -> None:
        confirmed = self._confirmed.pop(request.request_id, frozenset())
        run_task(place_call, self.context, request, self.context.language, confirmed,
                 self._uncertain_numbers(), on_done=self._finished,
                 on_error=lambda exc, r=request: self._crashed(r, exc), parent=self,
                 pool=call_pool())

    def _crashed(self, request: CallRequest, exc: BaseException) -> None:
        """place_call raised (a bug): whether the call went out is unknown."""
        log.warning("the call task failed unexpectedly: %s", type(exc).__name__)
        self._finished(CallOutcome(
            request.request_id, request.e164, request.e164, outcome="uncertain",
            error_kind="internal", error_family="internal",
            error_message=tr("An unexpected error happened while calling; the call may have "
                             "been placed — check your phone before calling again.")))

    def _finished(self, outcome: CallOutcome) -> None:
        placed_or_maybe = outcome.outcome in ("placed", "uncertain")
        self.dialer.finished(outcome.request_id, succeeded=placed_or_maybe)
        if outcome.outcome == "uncertain":
            self._uncertain[outcome.e164] = time.monotonic()
        elif outcome.outcome == "placed":
            self._uncertain.pop(outcome.e164, None)
        if outcome.outcome != "confirm":
            self.context.history_changed.emit()
        try:
            self._tell(outcome)
        except Exception as exc:  # a message that cannot be shown never changes the outcome
            log.warning("the call's message could not be shown: %s", type(exc).__name__)
        self.call_finished.emit(outcome)

    def _tell(self, outcome: CallOutcome) -> None:
        number = outcome.shown
        if outcome.outcome == "confirm":
            self._ask(outcome)
        elif outcome.outcome == "placed":
            line = outcome.line_shown or tr("your line")
            if outcome.intercom:
                body = tr("Your phone (line {line}) is picking up on its speaker — "
                          "calling {number}.")
            else:
                body = tr("Your phone (line {line}) is ringing — pick up to reach {number}.")
            self.notifier.notify(tr("Calling {number}").format(number=number),
                                 body.format(line=line, number=number))
            if outcome.after_call_problem:
                self.notifier.notify(
                    tr("Call history not updated"),
                    tr("The call to {number} was placed, but it could not be saved in the call "
                       "history; the log file has details.").format(number=number))
        elif outcome.outcome == "uncertain":  # the title says it may have been placed
            self.notifier.notify(
                tr("The call to {number} may have been placed").format(number=number),
                outcome.error_reason + " " + tr(
                    "If your phone rings, pick up; calling this number again will ask first."),
                error=True)
        elif outcome.outcome in ("blocked", "not_callable"):
            self.notifier.notify(tr("{number} was not called").format(number=number),
                                 outcome.error_message, error=True)
        else:
            self.notifier.notify(tr("Call to {number} not placed").format(number=number),
                                 outcome.error_message, error=True)

    def _ask(self, outcome: CallOutcome) -> None:
        """The gate asks first: a number abroad, or one whose last call may have been placed.
        A non-modal question; Yes asks for the call again with that confirmation."""
        from easyclick2call.core.call_gate import Confirmation
        from easyclick2call.ui.popup import country_name

        question = outcome.confirmation
        assert question is not None
        number = outcome.shown
        if question.what is Confirmation.ABROAD:
            text = tr("{number} is a number in {country}. Call it?").format(
                number=number, country=country_name(question.country))
            title = tr("Call abroad?")
        else:
            text = tr("Your last call to {number} may have been placed already. "
                      "Call it again?").format(number=number)
            title = tr("Call again?")
        box = QMessageBox(QMessageBox.Icon.Question, title + " — EasyClick2Call", text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setObjectName("callQuestion")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(tr("Call"))
        box.button(QMessageBox.StandardButton.No).setText(tr("Don't call"))
        confirmed = outcome.confirmed | {question.what}
        e164, source = question.found.e164, outcome.source

        def answered(_result: int) -> None:
            self._questions = [q for q in self._questions if q is not box]
            if box.clickedButton() is yes:
                self.call(e164, source, confirmed)

        box.finished.connect(answered)
        self._questions.append(box)
        box.show()
        box.raise_()
        box.activateWindow()
