"""Live calls in the app (qtbot, real sandbox stream over HTTP): toasts, tray count, history."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from easyclick2call.ui.app import EasyClickApp
from easyclick2call.ui.history_window import HistoryWindow
from easyclick2call.ui.live_texts import describe_live, format_duration, progress_texts
from easyclick2call.ui.tasks import wait_for_tasks
from tests.unit.test_ui_support import make_context

CALLER = "0033612345678"


def ring(name: str, call_id: str, caller: str = CALLER) -> dict:
    return {"Event": name, "Ressource": "0033199000001",
            "Data": {"CallId": call_id, "Calling": caller, "Called": "0033199000001"}}


@pytest.fixture
def live_app(qtbot, tmp_path, memory_keyring, sandbox):
    apps: list[EasyClickApp] = []
    sandbox.events.hold_s = 2

    def make(**settings) -> EasyClickApp:
        context = make_context(tmp_path / f"profile{len(apps)}", sandbox, **settings)
        app = EasyClickApp(context, use_desktop_notifications=False)
        apps.append(app)
        app.start()
        return app

    yield make
    for app in apps:
        app.watcher.stop()
        app.live_calls.stop()
        app.tray.hide()
        for toast in [*app.live_calls._incoming.values(), *app.live_calls._missed_toasts]:
            toast.close()
    wait_for_tasks(10000)
    apps.clear()
    gc.collect()


def test_texts() -> None:
    assert [format_duration(s) for s in (0, 42, 83, 3725)] == ["0:00", "0:42", "1:23",
                                                              "1:02:05"]
    assert progress_texts("connected", "01 99", 42)[0] == "Connected 0:42"
    assert progress_texts("ended", "01 99", 83, "answered")[0] == "Ended — 1:23"
    assert progress_texts("ended", "01 99", None, "no_answer")[0] == "No answer"
    assert describe_live("incoming", "missed", None) == "Missed"
    assert describe_live("outgoing", None, None) == ""


def test_incoming_then_missed_toasts_tray_and_history(qtbot, live_app, sandbox) -> None:
    app = live_app()
    qtbot.waitUntil(lambda: sandbox.events.held_polls() > 0, timeout=10000)
    with qtbot.waitSignal(app.live_calls.incoming_shown, timeout=10000) as shown:
        sandbox.events.publish([ring("start_ringing", "u1")])
    toast = shown.args[0]
    assert "Incoming call +33612345678" in toast.windowTitle()
    assert "Reception" in toast.body_label.text()
    toast.findChild(QPushButton, "copyNumber").click()
    assert QGuiApplication.clipboard().text() == "+33612345678"
    with qtbot.waitSignal(app.live_calls.missed_shown, timeout=10000) as missed:
        sandbox.events.publish([ring("end_ringing", "u1")])
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=5000)
    assert "Missed call +33612345678" in missed.args[0].windowTitle()
    assert "1 missed call" in app.tray.icon.toolTip()
    app.tray.menu.aboutToShow.emit()  # the menu lists it: seen
    names = [a.objectName() for a in app.tray.menu.actions()]
    assert "callBackMissed" in names
    assert app.live_calls.missed.unseen == 0 and "missed" not in app.tray.icon.toolTip()
    qtbot.waitUntil(lambda: bool(app.context.history.all("missed")), timeout=5000)
    assert app.visible_popup() is None  # copying the number did not offer to call it


def test_a_contacts_name_is_on_the_toasts_and_unknown_callers_can_be_saved(
        qtbot, live_app, sandbox, tmp_path) -> None:
    from easyclick2call.core.contacts import Contact, ContactNumber, ContactStore
    from easyclick2call.core.paths import profile_at

    # A contact imported before start (the app loads the names off the GUI thread).
    profile = profile_at(tmp_path / "profile0")
    profile.ensure()
    ContactStore(profile.contacts_db).replace_source("file:test", "test", [Contact(
        "Dr Martin", (ContactNumber("+33612345678", "cell"),), "c1")])
    app = live_app()
    qtbot.waitUntil(lambda: app.contacts.names.get("+33612345678") == "Dr Martin",
                    timeout=10000)
    qtbot.waitUntil(lambda: sandbox.events.held_polls() > 0, timeout=10000)
    with qtbot.waitSignal(app.live_calls.incoming_shown, timeout=10000) as shown:
        sandbox.events.publish([ring("start_ringing", "n1")])
    known = shown.args[0]
    assert "Incoming call +33612345678 — Dr Martin" in known.windowTitle()
    assert known.findChild(QPushButton, "saveContact") is None  # already a contact
    with qtbot.waitSignal(app.live_calls.missed_shown, timeout=10000) as missed:
        sandbox.events.publish([ring("end_ringing", "n1")])
    assert "Missed call +33612345678 — Dr Martin" in missed.args[0].windowTitle()
    with qtbot.waitSignal(app.live_calls.incoming_shown, timeout=10000) as shown:
        sandbox.events.publish([ring("start_ringing", "n2", "0033699887766")])
    unknown = shown.args[0]
    assert unknown.windowTitle().startswith("EasyClick2Call — Incoming call +33699887766")
    unknown.findChild(QPushButton, "saveContact").click()
    qtbot.waitUntil(lambda: len(app.live_calls._save_dialogs) == 1, timeout=5000)
    dialog = app.live_calls._save_dialogs[0]
    assert dialog.e164 == "+33699887766"
    dialog.reject()


def test_do_not_disturb_records_without_toasts(qtbot, live_app, sandbox) -> None:
    app = live_app(do_not_disturb=True)
    qtbot.waitUntil(lambda: sandbox.events.held_polls() > 0, timeout=10000)
    sandbox.events.publish([ring("start_ringing", "q1"), ring("start_calling", "q1"),
                            ring("end_calling", "q1")])
    qtbot.waitUntil(lambda: bool(app.context.history.all("incoming")), timeout=10000)
    (record,) = app.context.history.all("incoming")
    assert (record.number_e164, record.live_outcome) == ("+33612345678", "answered")
    assert not app.live_calls._incoming and not app.live_calls._missed_toasts


def test_history_window_filters_by_kind(qtbot, live_app, sandbox, tmp_path) -> None:
    from easyclick2call.core.history import CallRecord

    app = live_app(live_calls=False)
    assert app.live_calls.live is None  # turned off: no stream
    history = app.context.history
    history.add(CallRecord.new("+33199001234", "01 99 00 12 34", "l", "placed"))
    history.add(CallRecord.new("+33612345678", "+33612345678", "l", "received",
                               direction="incoming", live_outcome="missed"))
    window = HistoryWindow(app.context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window.show()
    assert window.proxy.rowCount() == 2
    for kind, count in (("missed", 1), ("outgoing", 1), ("incoming", 1), ("all", 2)):
        with qtbot.waitSignal(window.loaded, timeout=5000):
            window.kind_combo.setCurrentIndex(window.kind_combo.findData(kind))
        assert window.proxy.rowCount() == count, kind
    wait_for_tasks()


def test_every_line_of_the_billing_account_when_asked(qtbot, live_app, sandbox) -> None:
    app = live_app(live_calls_lines="all")
    qtbot.waitUntil(lambda: sandbox.events.held_polls() > 0, timeout=10000)
    other_line = sandbox.info()["lines"][1]
    event = {**ring("start_ringing", "o1"), "Ressource": other_line}
    event["Data"] = {**event["Data"], "Called": other_line}
    with qtbot.waitSignal(app.live_calls.incoming_shown, timeout=10000) as shown:
        sandbox.events.publish([event])
    assert "Sales desk" in shown.args[0].body_label.text()
    tokens = sandbox.state.data["event_tokens"].values()
    assert [entry["service"] for entry in tokens] == [None]  # the billing account's token


def test_turning_live_calls_off_stops_and_deletes_the_token(qtbot, live_app, sandbox) -> None:
    app = live_app()
    qtbot.waitUntil(lambda: sandbox.events.held_polls() > 0, timeout=10000)
    assert sandbox.state.data["event_tokens"]
    app.context.set_setting("live_calls", False)
    assert app.live_calls.live is None
    qtbot.waitUntil(lambda: not sandbox.state.data["event_tokens"], timeout=10000)
    qtbot.waitUntil(lambda: app.context.secrets.get("event_token") == "", timeout=10000)
