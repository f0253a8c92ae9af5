"""A tiny Wayland client window that takes the keyboard focus (what the user works in), for the
tests that check the app's offer never takes it: a PySide6 text field on QT_QPA_PLATFORM=wayland.
"""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication(sys.argv[:1])
edit = QLineEdit()
edit.setWindowTitle(sys.argv[1])
edit.show()
print("shown", flush=True)
sys.exit(app.exec())
"""


def open_window(title: str, env: dict[str, str]) -> subprocess.Popen:
    """Start the window (it is mapped and focused by Sway shortly after "shown")."""
    proc = subprocess.Popen([sys.executable, "-c", PROGRAM, title], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "shown", "the focus window did not start"
    return proc
