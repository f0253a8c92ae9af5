"""The X11 selection reader against real owners on the test X server (xclip, a Qt program).

No Qt in this process: the reader is pure Python over libxcb, its results land in a queue.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from easyclick2call.platform import x11_selection
from easyclick2call.platform.x11_selection import SelectionReader, SelectionText
from tests.e2e.support.x11 import Display

ANSWER_S = 10  # how long a test waits for a result that must come


class Reader:
    """A reader whose results are collected in order."""

    def __init__(self) -> None:
        self.results: queue.Queue[SelectionText] = queue.Queue()
        self.reader = SelectionReader(self.results.put)

    def read(self, selection: str = "CLIPBOARD") -> SelectionText:
        request = self.reader.request(selection)
        result = self.results.get(timeout=ANSWER_S)
        assert result.request == request
        return result


@pytest.fixture
def reader(desktop):
    made = Reader()
    yield made
    made.reader.close()


@pytest.fixture
def owners():
    """Owner processes started by a test; killed (and reaped) after it."""
    started: list[subprocess.Popen] = []
    yield started
    for proc in started:
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)


def xclip_owner(data: bytes, *args: str, selection: str = "clipboard",
                wait: bool = True) -> subprocess.Popen:
    """xclip owning `selection` in the foreground (-quiet), once it owns it (`wait`: the
    selection's owner is a new window — a previous xclip answering would not tell)."""
    with Display() as display:
        before = display.selection_owner(selection.upper())
        proc = subprocess.Popen(["xclip", "-quiet", "-selection", selection, *args],
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        assert proc.stdin is not None
        proc.stdin.write(data)
        proc.stdin.close()
        if not wait:
            return proc
        deadline = time.monotonic() + ANSWER_S
        while display.selection_owner(selection.upper()) in (0, before):
            assert time.monotonic() < deadline, "xclip did not take the selection"
            time.sleep(0.01)
        return proc


def kill_owner(proc: subprocess.Popen, selection: str = "clipboard") -> None:
    """Kill an owner and wait until the X server has dropped its selection: until then the
    server still names its window, and a new xclip may even be given the same window id (the
    server reuses a gone client's ids), which xclip_owner could not tell from the old one."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    with Display() as display:
        deadline = time.monotonic() + ANSWER_S
        while display.selection_owner(selection.upper()) != 0:
            assert time.monotonic() < deadline, "the X server kept a dead owner's selection"
            time.sleep(0.01)


def test_reads_the_text_another_program_copied(reader, owners):
    owners.append(xclip_owner("appelez le 01 99 00 12 34 — Zoé € 📞".encode()))
    result = reader.read()
    assert (result.status, result.text) == (
        x11_selection.TEXT, "appelez le 01 99 00 12 34 — Zoé € 📞")


def test_reads_the_primary_selection(reader, owners):
    owners.append(xclip_owner(b"04 72 00 00 01", selection="primary"))
    result = reader.read("PRIMARY")
    assert (result.selection, result.status, result.text) == (
        "PRIMARY", x11_selection.TEXT, "04 72 00 00 01")


def test_an_owner_offering_latin1_string_only(reader, owners):
    owners.append(xclip_owner("tél. 01 99 00 12 34".encode("latin-1"), "-t", "STRING"))
    result = reader.read()
    assert (result.status, result.text) == (x11_selection.TEXT, "tél. 01 99 00 12 34")


def test_an_image_is_not_text(reader, owners):
    # xclip answers any target with its bytes: only its TARGETS list says it is a PNG.
    owners.append(xclip_owner(b"\x89PNG\r\n\x1a\n 01 99 00 12 34", "-t", "image/png"))
    result = reader.read()
    assert (result.status, result.text) == (x11_selection.NOT_TEXT, None)


def test_no_owner(reader, owners):
    kill_owner(xclip_owner(b"01 99 00 12 34"))  # its window is gone: the selection has no owner
    result = reader.read()
    assert (result.status, result.text) == (x11_selection.NO_OWNER, None)


def test_ten_megabytes_come_whole_in_chunks(reader, owners):
    big = "Bonjour, rappelez Mme Martin au 01 99 00 87 65.\n" + "x" * 99 + "\n"
    big = big * (10 * 1024 * 1024 // len(big))
    owners.append(xclip_owner(big.encode()))
    result = reader.read()
    assert result.status == x11_selection.TEXT
    assert result.text is not None and len(result.text) == len(big) and result.text == big


def test_a_big_transfer_superseded_midway_is_still_taken_to_its_end(reader, owners):
    """The owner of a big text sends it in chunks and waits for each one to be taken (xclip
    would wait for ever, deaf to everything else): a newer copy arriving half-way does not
    leave it stuck."""
    big = ("appelez le 01 99 00 12 34\n" + "x" * 73 + "\n") * 200_000  # 20 MB
    first_owner = xclip_owner(big.encode())
    owners.append(first_owner)
    first = reader.reader.request()
    deadline = time.monotonic() + ANSWER_S
    while not reader.reader._transfers:  # the chunks have started coming
        assert time.monotonic() < deadline and reader.results.empty()
    os.kill(first_owner.pid, signal.SIGSTOP)  # half-way, whatever the machine's speed
    with Display() as display:
        first_window = display.selection_owner()
        owners.append(xclip_owner(b"04 72 00 00 01", wait=False))  # a copy meanwhile
        while display.selection_owner() in (first_window, 0):
            assert time.monotonic() < deadline
    second = reader.reader.request()
    result = reader.results.get(timeout=ANSWER_S)
    assert (result.request, result.text) == (second, "04 72 00 00 01")
    os.kill(first_owner.pid, signal.SIGCONT)
    assert first_owner.wait(ANSWER_S) == 0  # its transfer ended; it saw it lost the clipboard
    assert reader.results.empty()  # the superseded read gave nothing
    assert first < second


PASSWORD_MANAGER = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QMimeData, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    mime = QMimeData()
    mime.setText(sys.argv[1])
    mime.setData("x-kde-passwordManagerHint", sys.argv[2].encode())
    app.clipboard().setMimeData(mime)
    print("owned", flush=True)
    QTimer.singleShot(60000, app.quit)
    app.exec()
""")


def password_manager(text: str, hint: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", PASSWORD_MANAGER, text, hint],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "owned"
    return proc


def test_content_a_password_manager_marks_secret_is_concealed(reader, owners):
    owners.append(password_manager("s3cret 01 99 00 12 34", "secret"))
    result = reader.read()
    assert (result.status, result.text) == (x11_selection.CONCEALED, None)


def test_the_hint_with_another_value_is_plain_text(reader, owners):
    owners.append(password_manager("01 99 00 12 34", "public"))
    result = reader.read()
    assert (result.status, result.text) == (x11_selection.TEXT, "01 99 00 12 34")


def test_an_owner_that_never_answers_times_out_then_the_next_owner_is_read(
        reader, owners, monkeypatch):
    monkeypatch.setattr(x11_selection, "READ_TIMEOUT_S", 0.5)
    hung = xclip_owner(b"01 99 00 12 34")
    owners.append(hung)
    os.kill(hung.pid, signal.SIGSTOP)
    started = time.monotonic()
    result = reader.read()
    assert result.status == x11_selection.TIMEOUT
    assert 0.4 <= time.monotonic() - started < 3
    kill_owner(hung)
    owners.append(xclip_owner(b"04 72 00 00 01"))
    assert reader.read().text == "04 72 00 00 01"


def test_a_newer_request_supersedes_the_one_under_way(reader, owners):
    owner = xclip_owner(b"01 99 00 12 34")
    owners.append(owner)
    os.kill(owner.pid, signal.SIGSTOP)  # both requests wait for the owner
    first = reader.reader.request()
    second = reader.reader.request()
    os.kill(owner.pid, signal.SIGCONT)
    result = reader.results.get(timeout=ANSWER_S)
    assert (result.request, result.text) == (second, "01 99 00 12 34")
    assert first != second
    assert reader.results.empty()


def test_reads_of_the_other_selection_never_take_the_properties_of_one_under_way(
        reader, owners):
    big = ("appelez le 01 99 00 12 34\n" + "x" * 73 + "\n") * 50_000  # 5 MB, in chunks
    clipboard_owner = xclip_owner(big.encode())
    owners.append(clipboard_owner)
    owners.append(xclip_owner(b"04 72 00 00 01", selection="primary"))
    clipboard = reader.reader.request("CLIPBOARD")
    deadline = time.monotonic() + ANSWER_S
    while not reader.reader._transfers:  # the chunks have started coming
        assert time.monotonic() < deadline
    os.kill(clipboard_owner.pid, signal.SIGSTOP)  # half-way
    for _ in range(6):  # more reads than property slots
        assert reader.read("PRIMARY").text == "04 72 00 00 01"
    os.kill(clipboard_owner.pid, signal.SIGCONT)
    result = reader.results.get(timeout=ANSWER_S)
    assert (result.request, result.status) == (clipboard, x11_selection.TEXT)
    assert result.text == big


def test_many_reads_in_a_row_reuse_the_properties_safely(reader, owners):
    for index in range(12):  # more reads than property slots
        text = f"01 99 00 12 {index:02d}".encode()
        owner = xclip_owner(text)
        owners.append(owner)
        assert reader.read().text == text.decode()


def test_closed_reader_stops_its_thread_and_refuses_requests(desktop):
    made = Reader()
    made.reader.close()
    assert not made.reader.alive
    with pytest.raises(OSError):
        made.reader.request()


def test_no_x_server_is_an_os_error(desktop):
    with pytest.raises(OSError):
        SelectionReader(lambda _result: None, display=":987")
