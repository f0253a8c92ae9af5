"""platform.clipboard: the back-end chosen for a session, and the source contract the watcher
relies on, for the back-ends that run here (QClipboard and the X11 reader, on the real Xvfb
clipboard that xclip and helper processes set)."""

from __future__ import annotations

import pytest

from easyclick2call.platform.clipboard import choose
from easyclick2call.platform.clipboard.qt_source import QtClipboardSource
from easyclick2call.platform.clipboard.source import CLIPBOARD, SELECTION
from easyclick2call.platform.clipboard.x11_source import X11SelectionSource
from tests.e2e.support.actions import copy_concealed, copy_to_clipboard, select_text

BACKENDS = [QtClipboardSource, X11SelectionSource]


@pytest.mark.parametrize(("qt_platform", "os_name", "reader", "data_control", "kind"), [
    ("xcb", "linux", None, False, choose.X11),
    ("xcb", "linux", "qt", False, choose.QT),  # the way out: QClipboard on X11 too
    ("wayland", "linux", None, True, choose.WAYLAND),
    ("wayland", "linux", None, False, choose.QT),  # GNOME, or no wl-clipboard
    ("cocoa", "darwin", None, False, choose.MAC),
    ("windows", "win32", None, False, choose.QT),
    ("offscreen", "linux", None, False, choose.QT),
])
def test_the_backend_follows_the_session(qt_platform, os_name, reader, data_control, kind):
    assert choose.backend_for(qt_platform, os_name, reader, lambda: data_control) == kind


def test_data_control_is_asked_about_on_wayland_only():
    asked: list[bool] = []
    choose.backend_for("xcb", "linux", None, lambda: asked.append(True) or True)
    assert asked == []


def test_this_x11_session_gets_the_selection_reader(qtbot, monkeypatch):
    monkeypatch.delenv(choose.READER_ENV, raising=False)
    assert type(choose.open_source()) is X11SelectionSource
    monkeypatch.setenv(choose.READER_ENV, "qt")
    assert type(choose.open_source()) is QtClipboardSource


@pytest.fixture
def source(qtbot):
    made: list = []

    def make(cls, **kwargs):
        made.append(cls(**kwargs))
        return made[-1]

    yield make
    for s in made:
        s.stop()
        s.deleteLater()


def _changes(s) -> list[tuple[str, str | None, bool]]:
    changes: list = []
    s.changed.connect(lambda mode, text, startup: changes.append((mode, text, startup)))
    return changes


def _copy_before(qtbot, source, text: str) -> None:
    """Copy `text` and let this process's QClipboard hear of it (else its late dataChanged,
    which a source started now would get, would make it a change, not the start-up content)."""
    witness = source(QtClipboardSource)
    witnessed = _changes(witness)
    witness.start()
    copy_to_clipboard(text)
    qtbot.waitUntil(lambda: (CLIPBOARD, text, False) in witnessed, timeout=5000)
    witness.stop()


def _started_after_copy(qtbot, source, cls, text: str):
    """A `cls` source started once `text` is on the clipboard, and the changes it reports."""
    _copy_before(qtbot, source, text)
    s = source(cls)
    changes = _changes(s)
    s.start()
    return s, changes


@pytest.mark.parametrize("cls", BACKENDS)
def test_the_startup_content_then_each_copy(qtbot, source, cls):
    _s, changes = _started_after_copy(qtbot, source, cls, "before 04 72 00 00 09")
    qtbot.waitUntil(lambda: (CLIPBOARD, "before 04 72 00 00 09", True) in changes, timeout=5000)
    qtbot.waitUntil(lambda: any(mode == SELECTION and startup for mode, _t, startup in changes),
                    timeout=5000)
    copy_to_clipboard("after 04 72 00 00 10")
    qtbot.waitUntil(lambda: (CLIPBOARD, "after 04 72 00 00 10", False) in changes, timeout=5000)


@pytest.mark.parametrize("cls", BACKENDS)
def test_concealed_content_comes_without_its_text(qtbot, source, cls):
    s, changes = _started_after_copy(qtbot, source, cls, "plain 04 72 00 00 17")
    owner = copy_concealed("password 04 72 00 00 11")
    try:
        qtbot.waitUntil(lambda: any(mode == CLIPBOARD and not startup
                                    for mode, _text, startup in changes), timeout=5000)
        assert [text for mode, text, startup in changes if mode == CLIPBOARD and not startup
                ] == [None]
        got: list = []
        s.read_now(got.append)
        qtbot.waitUntil(lambda: got == [None], timeout=5000)
    finally:
        copy_to_clipboard("done")
        owner.wait(10)


@pytest.mark.parametrize("cls", BACKENDS)
def test_selection_changes_come_once_settled_and_only_when_wanted(qtbot, source, cls):
    wanted = [False]
    s = source(cls, wants_selection=lambda: wanted[0])
    changes = _changes(s)
    s.start()
    assert s.supports_selection
    select_text("ignored 04 72 00 00 12")
    wanted[0] = True
    select_text("wanted 04 72 00 00 13")
    qtbot.waitUntil(lambda: (SELECTION, "wanted 04 72 00 00 13", False) in changes,
                    timeout=5000)
    assert (SELECTION, "ignored 04 72 00 00 12", False) not in changes


@pytest.mark.parametrize("cls", BACKENDS)
def test_read_now_started_or_not(qtbot, source, cls):
    copy_to_clipboard("now 04 72 00 00 14")
    select_text("highlighted 04 72 00 00 15")
    got: list = []
    idle = source(cls)
    idle.read_now(got.append)
    qtbot.waitUntil(lambda: got == ["now 04 72 00 00 14"], timeout=5000)
    s = source(cls)
    s.start()
    s.read_now(got.append)
    s.read_now(got.append, selection=True)
    qtbot.waitUntil(lambda: len(got) == 3, timeout=5000)
    assert sorted(got[1:]) == ["highlighted 04 72 00 00 15", "now 04 72 00 00 14"]


@pytest.mark.parametrize("cls", BACKENDS)
def test_nothing_comes_once_stopped(qtbot, source, cls):
    s = source(cls)
    changes = _changes(s)
    s.start()
    s.stop()
    seen = len(changes)
    witness = source(QtClipboardSource)
    witnessed = _changes(witness)
    witness.start()
    copy_to_clipboard("late 04 72 00 00 16")
    qtbot.waitUntil(lambda: (CLIPBOARD, "late 04 72 00 00 16", False) in witnessed,
                    timeout=5000)
    assert len(changes) == seen
