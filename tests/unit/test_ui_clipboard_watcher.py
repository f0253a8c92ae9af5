"""The clipboard watcher against the real X clipboard (xclip and helper processes set it)."""

from __future__ import annotations

import gc
import itertools
import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QColor, QGuiApplication, QImage

from easyclick2call.ui.clipboard_watcher import ClipboardWatcher
from easyclick2call.ui.tasks import wait_for_tasks
from tests.e2e.support.actions import copy_to_clipboard

SENTINEL = "call me on 04 72 00 00 01"


def xclip_copy(text: str) -> None:
    """Copy `text` as another program does (xclip keeps owning the clipboard), once it owns it."""
    copy_to_clipboard(text)


@pytest.fixture
def watcher(qtbot):
    made: list[ClipboardWatcher] = []

    def make(**kwargs) -> ClipboardWatcher:
        w = ClipboardWatcher(region=lambda: "FR", **kwargs)
        made.append(w)
        return w

    yield make
    for w in made:
        w.stop()
        w.deleteLater()
    wait_for_tasks(10000)
    made.clear()
    gc.collect()  # here, on the GUI thread, not later in a worker thread


def _collect(w: ClipboardWatcher) -> list:
    found: list = []
    w.numbers_found.connect(lambda numbers: found.append([n.e164 for n in numbers]))
    return found


def test_finds_a_number_copied_by_another_program(qtbot, watcher):
    w = watcher()
    w.start()
    found = _collect(w)
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy("appelez le 01 99 00 12 34")
    assert found == [["+33199001234"]]


def test_ignores_what_was_there_at_start_up(qtbot, watcher):
    xclip_copy("appelez le 01 99 00 12 34")
    qtbot.waitUntil(lambda: "01 99" in QGuiApplication.clipboard().text(), timeout=5000)
    w = watcher()
    w.start()
    found = _collect(w)
    xclip_copy("appelez le 01 99 00 12 34")  # the same content, asserted again
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy(SENTINEL)
    assert found == [["+33472000001"]]


def test_ignores_a_repeat_of_the_same_content(qtbot, watcher):
    w = watcher()
    w.start()
    found = _collect(w)
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy("appelez le 01 99 00 12 34")
    xclip_copy("appelez le 01 99 00 12 34")
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy(SENTINEL)
    assert found == [["+33199001234"], ["+33472000001"]]


def test_ignores_concealed_content_set_in_process(qtbot, watcher):
    w = watcher()
    w.start()
    found = _collect(w)
    mime = QMimeData()
    mime.setText("password 0199001234")
    mime.setData("x-kde-passwordManagerHint", b"secret")
    QGuiApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy(SENTINEL)
    assert found == [["+33472000001"]]


HELPER = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QMimeData, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    mime = QMimeData()
    mime.setText(sys.argv[1])
    mime.setData("x-kde-passwordManagerHint", b"secret")
    app.clipboard().setMimeData(mime)
    print("owned", flush=True)
    QTimer.singleShot(20000, app.quit)
    app.exec()
""")


def test_ignores_concealed_content_from_a_password_manager_process(qtbot, watcher):
    """Another program owns the clipboard with text/plain, UTF8_STRING… and the KDE hint."""
    w = watcher()
    w.start()
    found = _collect(w)
    helper = subprocess.Popen([sys.executable, "-c", HELPER, "secret 01 99 00 12 34"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert helper.stdout is not None
        assert helper.stdout.readline().strip() == "owned"
        targets = subprocess.run(["xclip", "-selection", "clipboard", "-o", "-t", "TARGETS"],
                                 check=True, capture_output=True, text=True,
                                 timeout=10).stdout.split()
        assert "x-kde-passwordManagerHint" in targets and "UTF8_STRING" in targets
        qtbot.wait(300)
        assert found == []
    finally:
        helper.terminate()
        helper.wait(10)
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy(SENTINEL)
    assert found == [["+33472000001"]]


def test_ignores_images(qtbot, watcher):
    w = watcher()
    w.start()
    found = _collect(w)
    checked: list[int] = []
    w.checked.connect(checked.append)
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    QGuiApplication.clipboard().setImage(image)
    qtbot.wait(200)
    assert checked == []
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy(SENTINEL)
    assert found == [["+33472000001"]]


def test_nothing_while_paused(qtbot, watcher):
    w = watcher()
    w.start()
    found = _collect(w)
    w.set_paused(True)
    xclip_copy("appelez le 01 99 00 12 34")
    qtbot.waitUntil(lambda: "01 99" in QGuiApplication.clipboard().text(), timeout=5000)
    qtbot.wait(200)
    w.set_paused(False)
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy(SENTINEL)
    assert found == [["+33472000001"]]


def test_a_slow_stale_detection_is_dropped(qtbot, watcher):
    def detector(text: str, region: str, language: str) -> list:
        from easyclick2call.core.numbers import find_numbers

        if "01 99" in text:
            time.sleep(1.0)  # an older, bigger clipboard still being scanned
        return find_numbers(text, region, language)

    w = watcher(detector=detector)
    w.start()
    found = _collect(w)
    xclip_copy("appelez le 01 99 00 12 34")
    qtbot.waitUntil(lambda: "01 99" in QGuiApplication.clipboard().text(), timeout=5000)
    qtbot.wait(100)
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy(SENTINEL)
    qtbot.wait(1300)
    assert found == [["+33472000001"]]


def test_the_x11_selection_only_when_asked(qtbot, watcher):
    w = watcher(watch_selection=False)
    w.start()
    found = _collect(w)
    with qtbot.waitSignal(QGuiApplication.clipboard().selectionChanged, timeout=5000):
        copy_to_clipboard("01 99 00 12 34", "primary")
    assert found == []  # not watched: the change was seen by Qt and left alone
    w.set_watch_selection(True)
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        copy_to_clipboard(SENTINEL, "primary")
    assert found == [["+33472000001"]]


def test_a_big_text_is_scanned_off_the_gui_thread(qtbot, watcher):
    from easyclick2call.platform.clipboard import release_freed_memory

    w = watcher()
    w.start()
    found = _collect(w)
    with qtbot.waitSignal(w.numbers_found, timeout=10000):  # warms the number engine up
        xclip_copy("appelez le 01 99 00 12 34")
    big = "rappel : 04 72 00 00 01\n" + "Lorem ipsum dolor sit amet.\n" * 80000  # 2 MB
    with qtbot.waitSignal(w.numbers_found, timeout=10000):
        xclip_copy(big)
    assert found == [["+33199001234"], ["+33472000001"]]
    release_freed_memory()  # what the watcher does after such a text: harmless anywhere


def test_reads_through_its_own_x11_reader(qtbot, watcher):
    """On X11 the text is read on the reader's thread, not by QClipboard on the GUI thread."""
    w = watcher()
    w.start()
    assert w._source._reader is not None and w._source._reader.alive
    found = _collect(w)
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy(SENTINEL)
    assert found == [["+33472000001"]]


HUNG_OWNER = textwrap.dedent("""
    import ctypes, time
    x = ctypes.CDLL("libX11.so.6")
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x.XDefaultRootWindow.restype = ctypes.c_ulong
    x.XCreateSimpleWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_int] * 4 + [
        ctypes.c_uint, ctypes.c_ulong, ctypes.c_ulong]
    x.XCreateSimpleWindow.restype = ctypes.c_ulong
    x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x.XInternAtom.restype = ctypes.c_ulong
    x.XSetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong,
                                     ctypes.c_ulong]
    x.XFlush.argtypes = [ctypes.c_void_p]
    dpy = x.XOpenDisplay(None)
    window = x.XCreateSimpleWindow(dpy, x.XDefaultRootWindow(dpy), 0, 0, 1, 1, 0, 0, 0)
    x.XSetSelectionOwner(dpy, x.XInternAtom(dpy, b"CLIPBOARD", 0), window, 0)
    x.XFlush(dpy)
    print("owned", flush=True)
    time.sleep(60)  # owns the clipboard and never answers a request
""")


def test_an_owner_that_never_answers_does_not_block_the_gui(qtbot, watcher, monkeypatch):
    """QClipboard would freeze the GUI thread for 5 s; the reader waits on its own thread."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from easyclick2call.platform import x11_selection

    monkeypatch.setattr(x11_selection, "READ_TIMEOUT_S", 3.0)
    w = watcher()
    w.start()
    found = _collect(w)
    checked: list[int] = []
    w.checked.connect(checked.append)
    hung = subprocess.Popen([sys.executable, "-c", HUNG_OWNER], stdout=subprocess.PIPE, text=True)
    try:
        assert hung.stdout is not None
        assert hung.stdout.readline().strip() == "owned"
        qtbot.waitUntil(lambda: bool(w._source._reading), timeout=5000)  # a read is under way
        # While it waits for the owner, the GUI thread keeps turning: timers fire on time.
        clock = QElapsedTimer()
        clock.start()
        ticks: list[int] = []
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
        timer.start()
        qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=2000)
        timer.stop()
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        # A GUI thread waiting for the owner would show one gap of READ_TIMEOUT_S (3 s); a
        # loaded 2-core machine may delay a tick by ~100 ms, which proves nothing either way.
        assert max(gaps) < 1000, gaps
        assert checked == [] and found == []  # still waiting: nothing was offered
    finally:
        hung.kill()
        hung.wait(10)
    with qtbot.waitSignal(w.numbers_found, timeout=8000):  # the next copy is read as usual
        xclip_copy("rappel : 04 72 00 00 04")
    assert found == [["+33472000004"]]


def test_content_this_process_owns_is_read_through_qt(qtbot, watcher):
    w = watcher()
    w.start()
    found = _collect(w)
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        QGuiApplication.clipboard().setText("rappel : 04 72 00 00 03")
    assert found == [["+33472000003"]]
    with qtbot.waitSignal(w.numbers_found, timeout=5000):
        xclip_copy(SENTINEL)
    assert found == [["+33472000003"], ["+33472000001"]]


def test_read_now_gives_the_text_or_none_for_concealed_content(qtbot, watcher):
    """What "Call clipboard now" reads: the text another program copied, nothing for what a
    password manager marks concealed."""
    w = watcher()
    w.start()
    xclip_copy(SENTINEL)
    got: list = []
    w.read_now(got.append)
    qtbot.waitUntil(lambda: got == [SENTINEL], timeout=5000)
    helper = subprocess.Popen([sys.executable, "-c", HELPER, "secret 01 99 00 12 34"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert helper.stdout is not None
        assert helper.stdout.readline().strip() == "owned"
        w.read_now(got.append)
        qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
        assert got[1] is None
    finally:
        helper.terminate()
        helper.wait(10)


def test_warm_up_loads_the_engine_on_a_worker_thread(qtbot, watcher, monkeypatch):
    import threading

    from easyclick2call.core import numbers

    threads: list[threading.Thread] = []
    real = numbers.warm_up

    def spy(region: str, language: str = "en") -> list:
        threads.append(threading.current_thread())
        return real(region, language)

    monkeypatch.setattr(numbers, "warm_up", spy)
    w = watcher()
    w.warm_up()
    qtbot.waitUntil(lambda: bool(threads), timeout=10000)
    wait_for_tasks()
    assert threads[0] is not threading.main_thread()
    w.start()
    with qtbot.waitSignal(w.numbers_found, timeout=10000) as found:
        xclip_copy(SENTINEL)
    assert [number.e164 for number in found.args[0]] == ["+33472000001"]
