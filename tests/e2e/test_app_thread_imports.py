"""Work off the GUI thread stays Qt-free: the REAL app, through its start-up warm-ups, a copy, a
call, the call stack's warm-up, the live-call stream's start and the first contacts sync, never
imports a module that uses PySide6 for the first time on another thread than the main one.
(PySide sets its classes up lazily, when a module first names them, and that is not safe while
the GUI thread uses PySide too: ui.popup imported on a worker crashed the app at start-up.)"""

from __future__ import annotations

from pathlib import Path

from tests.e2e.support.actions import (
    copy_to_clipboard,
    poll,
    press_key,
    wait_for_calls,
    wait_for_window,
)

SUPPORT = Path(__file__).parent / "support" / "thread_imports"
# Imported off the GUI thread by design, each by one of the background paths this test drives.
BACKGROUND_MARKERS = {
    "easyclick2call.core.call_gate": "the popup's Qt-free modules, after the tray shows",
    "easyclick2call.core.numbers": "the number engine's warm-up",
    "easyclick2call.ovhapi.event_tokens": "the live-call stream's start",
    "easyclick2call.ovhapi.client": "the call stack's warm-up or the call itself",
    "easyclick2call.ovhapi.contacts_sync": "the first contacts sync",
}


def live_names(record: Path) -> set[str]:
    live = record.with_name(record.name + ".live")
    return set(live.read_text("utf-8").split()) if live.exists() else set()


def test_no_module_using_pyside_is_first_imported_off_the_gui_thread(start_app, tmp_path):
    record = tmp_path / "thread-imports.tsv"
    app = start_app(env={"PYTHONPATH": str(SUPPORT), "EC2C_THREAD_IMPORTS": str(record)})
    poll(lambda: {"easyclick2call.core.call_gate", "easyclick2call.core.numbers"}
         <= live_names(record), 30, "the start-up warm-ups")
    copy_to_clipboard("appelez le 01 99 00 12 34")
    popup = wait_for_window("+33199001234", pid=app.pid)
    press_key(popup, "Return")
    wait_for_calls(app.port, 1)
    poll(lambda: set(BACKGROUND_MARKERS) <= live_names(record), 60,
         "every background path: " + ", ".join(BACKGROUND_MARKERS.values()))
    assert app.stop() in (0, -15)
    rows = [line.split("\t") for line in record.read_text("utf-8").splitlines()]
    assert set(BACKGROUND_MARKERS) <= {name for name, _thread, _kind in rows}
    using_qt = [f"{name} (thread {thread})" for name, thread, kind in rows if kind == "qt"]
    assert not using_qt, f"modules using PySide6 first imported off the GUI thread: {using_qt}"
