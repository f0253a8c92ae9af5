"""Live calls in the tray app: follows the line's event stream (core.live_calls) and shows it.

- A Click2Call placed from the app: its notification follows the call ("Your phone is
  ringing…" → "Calling …" → "Connected 0:42" → "Ended — 1:23" / "No answer"), and its history
  entry gets the outcome and duration.
- An incoming call: a toast (ui.call_toasts) until the ringing ends; unanswered, a missed-call
  toast with Call back (through the app's call path), a count on the tray; every call the line
  makes or receives goes to the history with its direction, outcome and duration.
- Settings: `live_calls` (on/off), `live_calls_lines` (the configured line, or every line of
  the billing account), `do_not_disturb` (no toasts; calls still recorded and counted).
- An access key made before live calls: one notification ("reconnect to enable live calls"),
  then the stream stays off until the account changes; everything else works as before.

Network and keyring work happen on the stream's thread; its results come back to the GUI
thread through queued signals. In demo mode the stream starts when the demo's sandbox comes
alive (its first request), so an idle demo still never builds the emulator. Either way it
starts once the user is not copying (ui.quiet), its modules loaded on a worker first, so that
neither the GUI thread nor the clipboard's reader waits for them.
"""

from __future__ import annotations

import logging
import time
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from easyclick2call.ui.i18n import tr_error
from easyclick2call.ui.live_texts import progress_texts
from easyclick2call.ui.tasks import run_task
from easyclick2call.ui.tray_missed import MissedCalls

log = logging.getLogger(__name__)

LIVE_KEYS = ("live_calls", "live_calls_lines")


def tr(text: str) -> str:
    return QCoreApplication.translate("LiveCalls", text)


def _load_stream_modules() -> None:
    """Import what `_start_stream` needs (the event stream: http.client, ssl…)."""
    import importlib

    for name in ("easyclick2call.core.live_calls", "easyclick2call.ovhapi.event_tokens"):
        importlib.import_module(name)


def _record_call(context: Any, update: Any, record_id: int | None) -> int | None:
    """(Worker) add the call to the history, or correct its outcome; returns its id."""
    from easyclick2call.core.history import CallRecord
    from easyclick2call.core.line_events import e164

    call = update.call
    if record_id is not None:
        context.history.set_live_outcome(record_id, call.outcome, call.duration_s)
        return record_id
    number = e164(call.remote)
    # A call the line's events showed (received, or placed from the desk phone): source "line".
    outcome = "received" if call.direction == "incoming" else "placed"
    record = CallRecord.new(number, number, call.line, outcome, source="line",
                            demo=context.demo, direction=call.direction,
                            live_outcome=call.outcome, duration_s=call.duration_s)
    return context.history.add(record)


def _mark_placed(context: Any, number: str, outcome: str, duration_s: int | None) -> bool:
    """(Worker) the outcome of a Click2Call on its history entry (the newest to `number`)."""
    for record in context.history.recent(20):
        if (record.number_e164 == number and record.direction == "outgoing"
                and record.live_outcome is None and not record.failed):
            return context.history.set_live_outcome(record.id, outcome, duration_s)
    return False


class LiveCallsController(QObject):
    """Owns the stream while live calls are on; shows what it says."""

    _updated = Signal(object)  # core.call_tracker.CallUpdate (from the stream thread)
    _progressed = Signal(object)  # core.click2call_model.Click2CallProgress
    _status = Signal(str, object)
    _claimed = Signal(str)  # a call turned out to be a leg of our Click2Call
    _sandbox_built = Signal()  # the demo's sandbox came alive (emitted from its thread)
    incoming_shown = Signal(object)  # ui.call_toasts.IncomingToast (tests)
    missed_shown = Signal(object)  # ui.call_toasts.MissedToast (tests)

    def __init__(self, app: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.context = app.context
        self.missed = MissedCalls(self)
        self.live: Any = None  # core.live_calls.LiveCalls while following
        self._keeper: Any = None
        self._refused_key = False  # the access key lacks the eventToken rules
        self._incoming: dict[str, Any] = {}  # call id → IncomingToast
        self._missed_toasts: list[Any] = []
        self._save_dialogs: list[Any] = []  # "Save as contact…" opened from a toast
        self._recorded: dict[str, int | None] = {}  # call id → history id (None: pending)
        self._followed: dict[str, dict] = {}  # request id → Click2Call notification state
        self._ticker = QTimer(self)  # "Connected 0:42" counts only while a call is connected
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._updated.connect(self._on_update)
        self._progressed.connect(self._on_progress)
        self._status.connect(self._on_status)
        self._sandbox_built.connect(self.start)
        self._claimed.connect(self._close_incoming)
        self.missed.changed.connect(app.update_state)
        if getattr(app, "tray", None) is not None:  # the menu lists them: they are seen
            app.tray.menu.aboutToShow.connect(self.missed.seen)
        self.context.account_changed.connect(self._account_changed)
        self.context.settings_changed.connect(self._setting_changed)

    # -- life cycle -----------------------------------------------------------------------
    def start(self) -> None:
        """Follow the stream when live calls are on and an account is set up."""
        if not self._wanted():
            return
        when_alive = getattr(self.context.sandbox, "when_alive", None)
        if when_alive is not None and not when_alive(self._sandbox_came_alive):
            return  # the demo's sandbox is not built yet: start when it is (queued signal)
        quiet = getattr(self.app, "quiet", None)  # not while the user is copying (ui.quiet)
        if quiet is None:
            self._load_then_start()
        else:
            quiet.when_quiet(self._load_then_start)

    def _load_then_start(self) -> None:
        """The stream's modules (http.client, ssl…) imported on a worker, then the stream
        started on the GUI thread, which then imports nothing."""
        if self._wanted():
            run_task(_load_stream_modules, on_done=lambda _none: self._start_if_still_wanted(),
                     on_error=self._modules_not_loaded, parent=self)

    def _modules_not_loaded(self, exc: BaseException) -> None:
        log.warning("live calls: modules not loaded ahead (%s)", type(exc).__name__)
        self._start_if_still_wanted()  # they are imported there then

    def _wanted(self) -> bool:
        if self.live is not None or self._refused_key:
            return False
        return bool(self.context.setting("live_calls", True)) and self.context.looks_configured()

    def _start_if_still_wanted(self) -> None:
        if self._wanted():
            self._start_stream()

    def _sandbox_came_alive(self) -> None:
        """(The demo sandbox's thread, as its first request wakes it) start() again, on the
        GUI thread (a queued signal); nothing more on the sandbox's thread, which answers that
        request meanwhile."""
        self._sandbox_built.emit()

    def _start_stream(self) -> None:
        from easyclick2call.core.live_calls import LiveCalls
        from easyclick2call.ovhapi.event_tokens import TokenScope, events_url

        line = self.context.line_label()
        all_lines = self.context.setting("live_calls_lines", "line") == "all"
        billing_account = str(self.context.setting("billing_account", ""))
        self._scope = TokenScope(billing_account, None if all_lines else line)
        self._keeper = None
        self.live = LiveCalls(
            events_url(str(self.context.setting("endpoint", ""))), self._token,
            lines=None if all_lines else [line],
            on_call=self._updated.emit, on_click2call=self._progressed.emit,
            on_status=self._status.emit, on_claimed=self._claimed.emit,
        ).start()
        log.info("live calls: following %s", "every line" if all_lines else "the line")

    def stop(self) -> None:
        live, self.live = self.live, None
        if live is not None:
            live.stop(1.0)
        self._ticker.stop()

    def restart(self) -> None:
        self.stop()
        self.start()

    def _account_changed(self) -> None:
        self._refused_key = False
        self.restart()

    def _setting_changed(self, key: str) -> None:
        if key not in LIVE_KEYS:
            return
        keeper = self._keeper
        self.restart()
        if key == "live_calls" and self.live is None and keeper is not None:
            # Turned off: the token is deleted at OVHcloud and in the keyring (worker thread).
            run_task(keeper.forget, on_error=lambda exc: log.info(
                "live calls: token not deleted (%s)", type(exc).__name__), parent=self)

    # -- the stream's thread ----------------------------------------------------------------
    def _token(self, refused: bool) -> str:
        """The stream's token; reads the keyring and calls OVHcloud (stream thread only)."""
        if self._keeper is None:
            from easyclick2call.ovhapi.client import make_client
            from easyclick2call.ovhapi.event_tokens import EventTokens, TokenKeeper

            identity = self.context.account().to_identity()
            self._keeper = TokenKeeper(EventTokens(make_client(identity)), self._scope,
                                       self.context.secrets)
        return self._keeper.current(refused)

    # -- GUI thread ---------------------------------------------------------------------------
    def _on_status(self, status: str, detail: object) -> None:
        if getattr(detail, "kind", "") == "live_calls_not_granted" and not self._refused_key:
            self._refused_key = True
            self.stop()
            self.app.notifier.notify(tr("Live calls are off"),
                                     tr_error(detail))  # type: ignore[arg-type]

    def _quiet(self) -> bool:
        return bool(self.context.setting("do_not_disturb", False))

    def _on_update(self, update: Any) -> None:
        from easyclick2call.core.line_events import e164

        call = update.call
        if update.kind == "ringing" and call.direction == "incoming" and not self._quiet():
            self._show_incoming(call)
        elif call.state != "ringing":
            self._close_incoming(call.call_id)
        if call.state == "ended" and call.direction != "unknown" and call.remote:
            self._record(update)
            if update.kind == "changed" and call.outcome != "missed":
                self._retract_missed(call)  # a late answer: it was not missed after all
            if update.kind == "ended" and call.outcome == "missed":
                when = time.strftime("%H:%M", time.localtime(call.ended_at or time.time()))
                self.missed.add(e164(call.remote), when)
                if not self._quiet():
                    self._show_missed(call, when)

    def _close_incoming(self, call_id: str) -> None:
        toast = self._incoming.pop(call_id, None)
        if toast is not None:
            toast.close()

    def _retract_missed(self, call: Any) -> None:
        from easyclick2call.core.line_events import e164

        for toast in [t for t in self._missed_toasts if t.call_id == call.call_id]:
            toast.close()
            self.missed.retract(e164(call.remote))

    def _line_text(self, call: Any) -> str:
        from easyclick2call.core.line_events import e164

        number = e164(call.line)
        return f"{call.line_name} ({number})" if call.line_name else number

    def _show_incoming(self, call: Any) -> None:
        from easyclick2call.core.line_events import e164
        from easyclick2call.ui.call_toasts import IncomingToast

        if call.call_id in self._incoming:
            return
        number = e164(call.remote)
        toast = IncomingToast(number, self._line_text(call), demo=self.context.demo,
                              name=self._name(number))
        toast.copy_requested.connect(self._copy)
        toast.save_requested.connect(self._save_contact)
        toast.closed.connect(lambda c=call.call_id: self._incoming.pop(c, None))
        self._incoming[call.call_id] = toast
        toast.show_at(len(self._incoming) - 1)
        self.incoming_shown.emit(toast)

    def _show_missed(self, call: Any, when: str) -> None:
        from easyclick2call.core.line_events import e164
        from easyclick2call.ui.call_toasts import MissedToast

        number = e164(call.remote)
        toast = MissedToast(number, self._line_text(call), when, demo=self.context.demo,
                            name=self._name(number))
        toast.call_id = call.call_id
        toast.save_requested.connect(self._save_contact)
        toast.call_back.connect(self.call_back)
        toast.dismissed.connect(self.missed.seen)
        toast.closed.connect(lambda t=toast: self._missed_toasts.remove(t)
                             if t in self._missed_toasts else None)
        self._missed_toasts.append(toast)
        toast.show_at(len(self._incoming) + len(self._missed_toasts) - 1)
        self.missed_shown.emit(toast)

    def _name(self, number: str) -> str | None:
        """The contact's name for `number` (ui.names, in memory), or None."""
        contacts = getattr(self.app, "contacts", None)
        return contacts.names.get(number) if contacts is not None and number else None

    def _save_contact(self, number: str) -> None:
        """"Save as contact…" from a toast: the same dialog as the History window's."""
        from easyclick2call.ui.save_contact import SaveContactDialog

        dialog = SaveContactDialog(self.context, number, number)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._save_dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._save_dialogs.remove(d)
                                if d in self._save_dialogs else None)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def call_back(self, number: str) -> None:
        """Call a missed caller back: the app's one call path (one click, one call)."""
        self.missed.called_back(number)
        self.app.calls.call(number, "missed")

    def _copy(self, number: str) -> None:
        from PySide6.QtGui import QGuiApplication

        self.app.suppress_popup(number)  # our own copy must not offer to call it
        QGuiApplication.clipboard().setText(number)

    def _record(self, update: Any) -> None:
        if not self.context.setting("history_enabled", True) or self.context.history is None:
            return
        call_id = update.call.call_id
        if call_id in self._recorded and self._recorded[call_id] is None:
            return  # being written
        known = self._recorded.get(call_id)
        if update.kind != "changed" and known is not None:
            return
        self._recorded[call_id] = known
        if len(self._recorded) > 500:
            self._recorded.pop(next(iter(self._recorded)))
        run_task(_record_call, self.context, update, known,
                 on_done=lambda record_id, c=call_id: self._recorded_done(c, record_id),
                 on_error=lambda exc: log.warning("live calls: not recorded (%s)",
                                                  type(exc).__name__), parent=self)

    def _recorded_done(self, call_id: str, record_id: int | None) -> None:
        self._recorded[call_id] = record_id
        self.context.history_changed.emit()

    # -- a Click2Call placed by the app --------------------------------------------------------
    def call_placed(self, outcome: Any) -> None:
        """The app placed a call: follow it when its legs show up on the stream."""
        if self.live is None or not outcome.ok:
            return
        from easyclick2call.core.line_events import ovh_form

        toasts = [t for t in self.app.notifier.toasts if _alive(t)]
        self._followed[outcome.request_id] = {
            "toast": toasts[0] if toasts else None, "shown": outcome.shown,
            "e164": outcome.e164, "connected": None,
        }
        self.live.expect_click2call(outcome.request_id, self.context.line_label(),
                                    ovh_form(outcome.e164))

    def _on_progress(self, progress: Any) -> None:
        entry = self._followed.get(progress.request_id)
        if entry is None:
            return
        if progress.phase == "connected" and entry["connected"] is None:
            entry["connected"] = time.monotonic()
            self._ticker.start()
        seconds = progress.duration_s
        if progress.phase == "connected":
            seconds = time.monotonic() - entry["connected"]
        self._show_progress(entry, progress.phase, seconds, progress.outcome)
        if progress.phase == "ended":
            del self._followed[progress.request_id]
            if not any(e["connected"] is not None for e in self._followed.values()):
                self._ticker.stop()
            if self.context.setting("history_enabled", True) and progress.outcome:
                run_task(_mark_placed, self.context, entry["e164"], progress.outcome,
                         progress.duration_s, on_done=lambda _ok: self.context.history_changed
                         .emit(), parent=self)

    def _tick(self) -> None:
        for entry in self._followed.values():
            if entry["connected"] is not None:
                self._show_progress(entry, "connected", time.monotonic() - entry["connected"],
                                    None)

    def _show_progress(self, entry: dict, phase: str, seconds: float | None,
                       outcome: str | None) -> None:
        title, body = progress_texts(phase, entry["shown"], seconds, outcome)
        toast = entry["toast"]
        if toast is None or not _alive(toast) or not toast.isVisible():
            if phase != "ended":
                return  # the user closed it: only the end is worth a new message
            entry["toast"] = self.app.notifier.notify(title, body)
            return
        demo = f" ({tr('Demo')})" if self.context.demo else ""
        toast.setWindowTitle(f"EasyClick2Call — {title}{demo}")
        toast.title_label.setText(f"<b>{escape(title)}</b>")
        toast.body_label.setText(body)
        timer = getattr(toast, "_timer", None)
        if timer is not None:  # stays up while the call goes on, then hides as usual
            if phase == "ended":
                timer.start()
            else:
                timer.stop()


def _alive(widget: Any) -> bool:
    from easyclick2call.ui.notifications import _alive as alive  # loaded with the first toast

    return alive(widget)
