"""A window in front that records every key it receives: `xev` (x11-utils) with its keyboard
events written line by line to a file, so a test can tell what reached the focused program."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.e2e.support.actions import focused_window, poll, visible_windows, xdotool

_KEY_PRESS = re.compile(r"KeyPress event.*?keysym 0x[0-9a-f]+, (\w+)\)", re.S)


class KeyWitness:
    """`with KeyWitness(tmp_path) as witness:` — a focused xev window; `witness.keys()` lists
    the key names it received, in order."""

    def __init__(self, folder: Path) -> None:
        self.output = folder / "xev.log"
        self.title = f"Key witness {folder.name}"
        self.proc: subprocess.Popen | None = None
        self.window = 0

    def __enter__(self) -> KeyWitness:
        self._file = self.output.open("wb")
        self.proc = subprocess.Popen(
            ["stdbuf", "-oL", "xev", "-event", "keyboard", "-name", self.title,
             "-geometry", "400x200+100+400"], stdout=self._file, stderr=subprocess.DEVNULL)
        self.window = poll(lambda: (visible_windows(self.title) or [0])[0], 10,
                           "the key witness window")
        xdotool("windowfocus", str(self.window))  # no window manager: the test gives focus
        poll(lambda: focused_window() == self.window, 5, "the key witness to get the focus")
        return self

    def keys(self) -> list[str]:
        return _KEY_PRESS.findall(self.output.read_text("utf-8", "replace"))

    def received_up_to(self, sentinel: str = "x") -> list[str]:
        """Type `sentinel` into the witness and return every key it got up to it: X delivers a
        client's events in order, so whatever the witness was going to get has come by then."""
        xdotool("key", sentinel)
        poll(lambda: sentinel in self.keys(), 10, "the sentinel key in the witness")
        keys = self.keys()
        return keys[:keys.index(sentinel)]

    def __exit__(self, *_exc: object) -> None:
        assert self.proc is not None
        self.proc.terminate()
        self.proc.wait(5)
        self._file.close()
