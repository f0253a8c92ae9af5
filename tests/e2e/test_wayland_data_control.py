"""The app's own data-control client (platform.wayland_clipboard over platform.wayland_wire)
against a real headless Sway: the content there at start-up comes first and flagged so, each new
copy from another client follows with its text, non-text and concealed content arrive without
any, the primary selection is watched apart, a one-off read gives the same answers, and closing
stops the watching."""

from __future__ import annotations

import queue
import subprocess
from collections.abc import Iterator

import pytest

from easyclick2call.platform.wayland_clipboard import (
    CONCEALED,
    NOT_TEXT,
    TEXT,
    DataControlWatcher,
    WaylandChange,
    read_text,
)
from tests.e2e.support.wayland_offer import SelectionOwner
from tests.harness.sway import SwaySession

WAIT = 15.0


@pytest.fixture
def sway() -> Iterator[SwaySession]:
    with SwaySession() as session:
        yield session


def wl_copy(env: dict[str, str], data: bytes, *args: str) -> None:
    subprocess.run(["wl-copy", *args], input=data, env=env, check=True, timeout=10,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Heard:
    """What a watcher reported, in order."""

    def __init__(self) -> None:
        self.changes: queue.Queue[WaylandChange] = queue.Queue()
        self.stopped: queue.Queue[str] = queue.Queue()

    def next(self) -> WaylandChange:
        return self.changes.get(timeout=WAIT)


def watch(sway: SwaySession, primary: bool = False) -> tuple[DataControlWatcher, Heard]:
    heard = Heard()
    watcher = DataControlWatcher(heard.changes.put, heard.stopped.put, primary=primary,
                                 env=sway.env)
    return watcher, heard


def test_startup_content_then_each_copy_with_its_text(sway):
    wl_copy(sway.env, "déjà là 01 99 00 00 01".encode())
    watcher, heard = watch(sway)
    try:
        first = heard.next()
        assert (first.status, first.text, first.startup) == (TEXT, "déjà là 01 99 00 00 01",
                                                             True)
        wl_copy(sway.env, b"appelez le 01 99 00 12 34")
        change = heard.next()
        assert (change.status, change.text, change.startup, change.primary) == (
            TEXT, "appelez le 01 99 00 12 34", False, False)
        wl_copy(sway.env, b"\x89PNG\r\n", "--type", "image/png")
        assert (heard.next().status, ) == (NOT_TEXT, )
        big = ("0123456789 " * 100_000).encode()  # 1.1 MB through the pipe
        wl_copy(sway.env, big)
        assert heard.next().text == big.decode()
    finally:
        watcher.close()
    assert heard.stopped.empty()


def test_a_password_managers_copy_is_reported_without_its_text(sway):
    watcher, heard = watch(sway)
    try:
        with SelectionOwner(sway.env, {"text/plain;charset=utf-8": b"hunter2 0199001234",
                                       "x-kde-passwordManagerHint": b"secret"}) as owner:
            change = heard.next()
            assert (change.status, change.text) == (CONCEALED, None)
            assert owner.asked == ["x-kde-passwordManagerHint"]  # the text was never fetched
            assert read_text(env=sway.env) is None
        with SelectionOwner(sway.env, {"text/plain;charset=utf-8": b"01 99 00 12 34",
                                       "text/html": b"<b>01 99 00 12 34</b>"}) as owner:
            assert heard.next().text == "01 99 00 12 34"
            assert "text/html" not in owner.asked
            assert read_text(env=sway.env) == "01 99 00 12 34"
    finally:
        watcher.close()


def test_the_primary_selection_is_watched_apart(sway):
    clipboard, heard_clipboard = watch(sway)
    primary, heard_primary = watch(sway, primary=True)
    try:
        wl_copy(sway.env, b"selected 04 72 00 00 01", "--primary")
        change = heard_primary.next()
        assert (change.primary, change.text) == (True, "selected 04 72 00 00 01")
        assert read_text(primary=True, env=sway.env) == "selected 04 72 00 00 01"
        wl_copy(sway.env, b"copied 01 99 00 12 34")
        assert heard_clipboard.next().text == "copied 01 99 00 12 34"
        assert heard_clipboard.changes.empty()  # the selection was not taken for a copy
    finally:
        clipboard.close()
        primary.close()


def test_closing_stops_the_watching_and_says_nothing(sway):
    watcher, heard = watch(sway)
    wl_copy(sway.env, b"01 99 00 12 34")
    assert heard.next().text == "01 99 00 12 34"
    watcher.close()
    assert not watcher._thread.is_alive()
    wl_copy(sway.env, b"01 99 00 56 78")
    # Another watcher sees the copy; by then the closed one would have reported it too.
    other, heard_other = watch(sway)
    try:
        assert heard_other.next().text == "01 99 00 56 78"
    finally:
        other.close()
    assert heard.changes.empty() and heard.stopped.empty()


def test_an_unreachable_compositor_is_reported_once(tmp_path):
    heard = Heard()
    watcher = DataControlWatcher(heard.changes.put, heard.stopped.put,
                                 env={"WAYLAND_DISPLAY": str(tmp_path / "gone")})
    reason = heard.stopped.get(timeout=WAIT)
    assert "cannot reach the Wayland compositor" in reason
    watcher.close()
    assert heard.changes.empty() and heard.stopped.empty()
    assert read_text(env={"WAYLAND_DISPLAY": str(tmp_path / "gone")}) is None
