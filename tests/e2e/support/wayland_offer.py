"""A Wayland client that sets the clipboard (or primary selection) with several types at once —
what wl-copy cannot do, and what a password manager does (the text plus
``x-kde-passwordManagerHint``). It speaks data-control as a source, on its own connection, and
serves each type asked for from a thread, recording which ones were asked."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Mapping

from easyclick2call.platform.wayland_clipboard import open_data_control
from easyclick2call.platform.wayland_wire import (
    Connection,
    WaylandError,
    read_string,
    string,
    uint,
)

CREATE_DATA_SOURCE = 0  # manager request
SET_SELECTION, SET_PRIMARY_SELECTION = 0, 2  # device requests
SOURCE_OFFER = 0  # source request
SEND = 0  # source event: a client asks for one type


class SelectionOwner:
    """`with SelectionOwner(env, {"text/plain": b"…", …}, primary=False) as owner:` — the
    compositor's selection offers those types until another client takes it; `owner.asked` lists
    the types read so far."""

    def __init__(self, env: Mapping[str, str], contents: Mapping[str, bytes],
                 primary: bool = False) -> None:
        self.contents = dict(contents)
        self.asked: list[str] = []
        conn = self.conn = Connection.open(env, keep_fds=True)
        manager_id, device = open_data_control(conn)
        self.source = conn.new_id()
        conn.send(manager_id, CREATE_DATA_SOURCE, uint(self.source))
        for kind in self.contents:
            conn.send(self.source, SOURCE_OFFER, string(kind))
        conn.send(device, SET_PRIMARY_SELECTION if primary else SET_SELECTION, uint(self.source))
        # From here on only the thread reads (a watcher may ask for a type at once).
        self._thread = threading.Thread(target=self._serve, daemon=True, name="selection-owner")
        self._thread.start()

    def _serve(self) -> None:
        with contextlib.suppress(WaylandError):
            while True:
                for event in self.conn.events():
                    if event.object_id != self.source:
                        continue
                    if event.opcode == SEND:
                        kind, _ = read_string(event.payload)
                        fd = self.conn.fds.pop(0)
                        self.asked.append(kind or "")
                        try:
                            os.write(fd, self.contents.get(kind or "", b""))
                        finally:
                            os.close(fd)

    def __enter__(self) -> SelectionOwner:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.conn.shutdown()
        self._thread.join(5)
        self.conn.close()
