"""The watcher's own rules, driven by a source that reports what a test says (the real back-ends
are tested in test_clipboard_source.py, and with the watcher in test_ui_clipboard_watcher.py)."""

from __future__ import annotations

import pytest

from easyclick2call.platform.clipboard.source import CLIPBOARD, SELECTION, ClipboardSource
from easyclick2call.ui.clipboard_watcher import ClipboardWatcher
from easyclick2call.ui.tasks import wait_for_tasks

NUMBER = "call 04 72 00 00 01"


class ScriptedSource(ClipboardSource):
    """A source that reports what the test tells it to."""

    def __init__(self) -> None:
        super().__init__()
        self.started = 0
        self.stopped = 0
        self.asked: list[bool] = []

    @property
    def supports_selection(self) -> bool:
        return True

    def start(self) -> None:
        self.started += 1

    def stop(self) -> None:
        self.stopped += 1

    def read_now(self, deliver, selection: bool = False) -> None:
        self.asked.append(selection)
        deliver("read 04 72 00 00 02")

    def report(self, mode: str, text: str | None, startup: bool = False) -> None:
        self.changed.emit(mode, text, startup)


@pytest.fixture
def scripted(qtbot):
    made: list[ClipboardWatcher] = []

    def make(**kwargs) -> tuple[ClipboardWatcher, ScriptedSource, list, list]:
        source = ScriptedSource()
        w = ClipboardWatcher(region=lambda: "FR", source=source, **kwargs)
        made.append(w)
        found: list = []
        checked: list = []
        w.numbers_found.connect(lambda numbers: found.append([n.e164 for n in numbers]))
        w.checked.connect(checked.append)
        w.start()
        return w, source, found, checked

    yield make
    for w in made:
        w.stop()
        w.deleteLater()
    wait_for_tasks(10000)


def test_the_startup_content_and_repeats_are_not_offered(qtbot, scripted):
    _w, source, found, checked = scripted()
    assert source.started == 1
    source.report(CLIPBOARD, NUMBER, startup=True)
    source.report(CLIPBOARD, NUMBER)  # the same content again: a repeat
    source.report(CLIPBOARD, None)  # concealed or not text
    source.report(CLIPBOARD, "   ")
    source.report(CLIPBOARD, "new 04 72 00 00 03")
    qtbot.waitUntil(lambda: checked == [1], timeout=10000)
    assert found == [["+33472000003"]]


def test_selection_changes_count_only_when_watched(qtbot, scripted):
    w, source, found, checked = scripted()
    source.report(SELECTION, "startup 04 72 00 00 04", startup=True)
    source.report(SELECTION, "unwatched 04 72 00 00 05")
    w.set_watch_selection(True)
    source.report(SELECTION, "startup 04 72 00 00 04")  # still the last one remembered
    source.report(SELECTION, "watched 04 72 00 00 06")
    qtbot.waitUntil(lambda: checked == [1], timeout=10000)
    assert found == [["+33472000006"]]


def test_while_paused_changes_are_remembered_not_offered(qtbot, scripted):
    w, source, found, checked = scripted()
    w.set_paused(True)
    source.report(CLIPBOARD, NUMBER)
    w.set_paused(False)
    source.report(CLIPBOARD, NUMBER)  # a repeat of what came while paused
    source.report(CLIPBOARD, "after 04 72 00 00 07")
    qtbot.waitUntil(lambda: bool(checked), timeout=10000)
    assert found == [["+33472000007"]]


def test_a_failed_source_is_said_and_read_now_is_the_sources(qtbot, scripted):
    w, source, _found, _checked = scripted()
    with qtbot.waitSignal(w.watch_failed, timeout=1000) as failed:
        source.failed.emit("data-control")
    assert failed.args == ["data-control"]
    got: list = []
    w.read_now(got.append, selection=True)
    assert (got, source.asked) == (["read 04 72 00 00 02"], [True])


def test_nothing_is_offered_once_stopped(qtbot, scripted):
    w, source, found, checked = scripted()
    w.stop()
    assert source.stopped == 1
    source.report(CLIPBOARD, "late 04 72 00 00 08")
    w.start()  # the start-up content is asked for again; what came while stopped is forgotten
    assert source.started == 2
    source.report(CLIPBOARD, "late 04 72 00 00 08")
    qtbot.waitUntil(lambda: bool(checked), timeout=10000)
    assert found == [["+33472000008"]]
