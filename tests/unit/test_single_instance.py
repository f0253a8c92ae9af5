"""One app per profile: hand-over of a number from a later launch, and recovery after a crash."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QByteArray, QDir
from PySide6.QtNetwork import QLocalSocket

from easyclick2call.platform.single_instance import (
    LOCK_NAME,
    PROTOCOL_VERSION,
    SingleInstance,
    socket_name,
)


@pytest.fixture
def primary(qtbot, tmp_path):
    instance = SingleInstance(str(tmp_path / "profile"), tmp_path / "profile")
    assert instance.acquire()
    yield instance
    instance.release()


def _client(qtbot, name: str, payload: bytes) -> dict:
    """Send one line the way a later launch does; the primary's reply."""
    client = QLocalSocket()
    client.connectToServer(name)
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.ConnectedState,
                    timeout=3000)
    client.write(QByteArray(payload))
    received = bytearray()

    def have_line() -> bool:
        received.extend(bytes(client.readAll().data()))
        return b"\n" in received

    qtbot.waitUntil(have_line, timeout=3000)
    client.abort()
    return json.loads(bytes(received).split(b"\n")[0])


def test_second_instance_of_the_same_profile_is_refused(primary, tmp_path):
    other = SingleInstance(str(tmp_path / "profile"), tmp_path / "profile")
    assert not other.acquire()
    elsewhere = SingleInstance(str(tmp_path / "other"), tmp_path / "other")
    assert elsewhere.acquire()
    elsewhere.release()


def test_two_clients_hand_over_their_numbers(qtbot, primary):
    received: list[dict] = []
    primary.message_received.connect(received.append)
    message = {"v": PROTOCOL_VERSION, "cmd": "offer", "text": "tel:+33199001234"}
    reply = _client(qtbot, primary.name, (json.dumps(message) + "\n").encode())
    assert reply == {"v": PROTOCOL_VERSION, "ok": True}
    message2 = {"v": PROTOCOL_VERSION, "cmd": "offer", "text": "04 72 00 00 01"}
    assert _client(qtbot, primary.name, (json.dumps(message2) + "\n").encode())["ok"]
    assert [m["text"] for m in received] == ["tel:+33199001234", "04 72 00 00 01"]


def test_unknown_protocol_versions_and_garbage_are_refused(qtbot, primary):
    received: list[dict] = []
    primary.message_received.connect(received.append)
    reply = _client(qtbot, primary.name, b'{"v": 99, "cmd": "offer"}\n')
    assert reply["ok"] is False and "version" in reply["error"]
    assert _client(qtbot, primary.name, b"not json\n")["ok"] is False
    assert received == []


def test_socket_is_for_this_user_only(primary):
    path = primary.server.fullServerName()
    mode = os.stat(path).st_mode & 0o777
    assert mode & 0o077 == 0, oct(mode)


def test_a_crashed_instance_is_recovered(qtbot, tmp_path):
    profile = tmp_path / "profile"
    profile.mkdir()
    # A lock file naming a process that no longer exists …
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (profile / LOCK_NAME).write_text(f"{dead.pid}\neasyclick2call\n{socket.gethostname()}\n")
    # … and the socket file it left behind.
    name = socket_name(str(profile))
    path = name if os.path.isabs(name) else os.path.join(QDir.tempPath(), name)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(path)
    stale.close()
    assert os.path.exists(path)
    instance = SingleInstance(str(profile), profile)
    assert instance.acquire()
    assert instance.server is not None and instance.server.isListening()
    instance.release()


def test_a_later_launch_hands_its_number_over_and_exits_0(qtbot, tmp_path):
    """The real command: `easyclick2call --profile DIR tel:…` while DIR's app is running."""
    from easyclick2call.core.paths import profile_at

    profile = profile_at(tmp_path / "profile")
    profile.ensure()
    instance = SingleInstance(str(profile.root), profile.data_dir)
    assert instance.acquire()
    received: list[dict] = []
    instance.message_received.connect(received.append)
    try:
        launch = subprocess.Popen(
            [sys.executable, "-m", "easyclick2call", "--profile", str(profile.root),
             "tel:+33199001234"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        started = time.monotonic()
        qtbot.waitUntil(lambda: launch.poll() is not None, timeout=30000)
        _out, err = launch.communicate()
        assert launch.returncode == 0, err.decode()
        assert received == [{"v": PROTOCOL_VERSION, "cmd": "offer", "text": "tel:+33199001234"}]
        assert time.monotonic() - started < 30
    finally:
        instance.release()
