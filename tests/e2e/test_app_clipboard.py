"""What must NOT pop up: concealed (password manager) content, and what was there at start-up."""

from __future__ import annotations

from tests.e2e.support.actions import (
    clipboard_targets,
    copy_concealed,
    copy_to_clipboard,
    wait_for_window,
)
from tests.e2e.support.recorder import WindowRecorder


def test_concealed_content_gives_no_popup(app):
    with WindowRecorder() as recorder:
        owner = copy_concealed("01 99 00 67 89")
        try:
            assert "x-kde-passwordManagerHint" in clipboard_targets()
            copy_to_clipboard("01 99 00 99 04")  # the sentinel: handled after the concealed copy
            wait_for_window("Call +33199009904?", pid=app.pid)
        finally:
            owner.wait(15)
    assert recorder.count("+33199006789", pid=app.pid) == 0
    assert recorder.count("+33199009904", pid=app.pid) == 1


def test_content_copied_before_start_up_gives_no_popup(start_app):
    copy_to_clipboard("rappeler le 01 99 00 78 90")
    with WindowRecorder() as recorder:
        app = start_app(clipboard=None)  # keep what was copied before it started
        copy_to_clipboard("01 99 00 99 05")
        wait_for_window("Call +33199009905?", pid=app.pid)
    assert recorder.count("+33199007890", pid=app.pid) == 0
