"""The Wayland wire protocol of platform.wayland_wire against the other end of a real socket
pair playing the compositor: message framing across reads, strings, round trips, protocol
errors, descriptors passed beside a request, and a connection that ends."""

from __future__ import annotations

import array
import os
import socket
import struct
import threading

import pytest

from easyclick2call.platform.wayland_wire import (
    DISPLAY_ID,
    Connection,
    WaylandError,
    read_string,
    read_uint,
    socket_path,
    string,
    uint,
)


def message(object_id: int, opcode: int, *args: bytes) -> bytes:
    body = b"".join(args)
    return struct.pack("=II", object_id, (len(body) + 8) << 16 | opcode) + body


def read_message(peer: socket.socket) -> tuple[int, int, bytes]:
    header = peer.recv(8, socket.MSG_WAITALL)
    object_id, word = struct.unpack("=II", header)
    body = peer.recv((word >> 16) - 8, socket.MSG_WAITALL)
    return object_id, word & 0xFFFF, body


@pytest.fixture
def pair():
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    yield Connection(ours), theirs
    ours.close()
    theirs.close()


@pytest.mark.parametrize(("text", "encoded"), [
    ("ab", b"\x03\0\0\0ab\0\0"),
    ("", b"\x01\0\0\0\0\0\0\0"),
    ("wl_seat", b"\x08\0\0\0wl_seat\0"),
])
def test_strings_count_their_nul_and_pad_to_four_bytes(text, encoded):
    assert string(text) == encoded
    assert read_string(encoded + uint(7)) == (text, len(encoded))
    assert read_string(uint(0)) == (None, 4)  # a null string


def test_a_message_split_across_reads_is_one_event(pair):
    conn, compositor = pair
    whole = message(5, 1, uint(42), string("text/plain"))
    compositor.sendall(whole[:7])
    assert conn.events(timeout=0.05) == []  # half a header: nothing yet
    compositor.sendall(whole[7:-3])
    assert conn.events(timeout=0.05) == []  # a header, not the whole body
    compositor.sendall(whole[-3:] + message(5, 0, uint(7)))
    first, second = conn.events(timeout=5)
    assert (first.object_id, first.opcode, read_uint(first.payload)[0]) == (5, 1, 42)
    assert read_string(first.payload, 4)[0] == "text/plain"
    assert (second.opcode, second.payload) == (0, uint(7))


def test_a_round_trip_returns_what_came_before_the_answer_and_keeps_the_rest(pair):
    conn, compositor = pair

    def answer():
        object_id, opcode, body = read_message(compositor)
        assert (object_id, opcode) == (DISPLAY_ID, 0)  # wl_display.sync
        callback = read_uint(body)[0]
        compositor.sendall(message(9, 3, uint(1)) + message(callback, 0, uint(0))
                           + message(9, 3, uint(2)))

    helper = threading.Thread(target=answer)
    helper.start()
    before = conn.roundtrip(timeout=5)
    helper.join()
    assert [read_uint(event.payload)[0] for event in before] == [1]
    assert [read_uint(event.payload)[0] for event in conn.events(timeout=5)] == [2]


def test_a_protocol_error_and_a_closed_connection_are_errors(pair):
    conn, compositor = pair
    compositor.sendall(message(DISPLAY_ID, 0, uint(3), uint(1), string("invalid offer")))
    with pytest.raises(WaylandError, match="protocol error 1: invalid offer"):
        conn.events(timeout=5)
    compositor.close()
    with pytest.raises(WaylandError, match="closed the connection"):
        conn.events(timeout=5)


def test_a_descriptor_travels_beside_its_request(pair):
    conn, compositor = pair
    reader, writer = os.pipe()
    try:
        conn.send(12, 0, string("text/plain"), fd=writer)
        os.close(writer)
        data, ancillary, _flags, _addr = compositor.recvmsg(64, socket.CMSG_SPACE(4))
        (_level, _kind, raw), = ancillary
        passed = array.array("i", raw)[0]
        assert struct.unpack_from("=II", data) == (12, (8 + len(string("text/plain"))) << 16)
        os.write(passed, b"01 99 00 12 34")  # the owner writes into the pipe it was given
        os.close(passed)
        assert os.read(reader, 64) == b"01 99 00 12 34"
    finally:
        os.close(reader)


def test_shutdown_wakes_a_reader_waiting_on_another_thread(pair):
    conn, _compositor = pair
    failures = []

    def wait():
        try:
            conn.events()
        except WaylandError as exc:
            failures.append(exc)

    reader = threading.Thread(target=wait)
    reader.start()
    conn.shutdown()
    reader.join(5)
    assert not reader.is_alive() and failures


def test_the_socket_is_found_from_the_environment(tmp_path):
    assert socket_path({"WAYLAND_DISPLAY": "/run/x/wayland-1"}).as_posix() == "/run/x/wayland-1"
    assert socket_path({"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path)}) == \
        tmp_path / "wayland-1"
    assert socket_path({"XDG_RUNTIME_DIR": str(tmp_path)}) == tmp_path / "wayland-0"
    with pytest.raises(WaylandError, match="XDG_RUNTIME_DIR"):
        socket_path({"WAYLAND_DISPLAY": "wayland-1"})
    with pytest.raises(WaylandError, match="cannot reach"):
        Connection.open({"WAYLAND_DISPLAY": str(tmp_path / "nobody-listens")})
