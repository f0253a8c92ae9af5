"""The PySide6 6.12.0 reference-count guard keeps None alive through many void calls."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget

from easyclick2call.ui.qt_compat import guard_singletons, needs_guard


def test_many_void_calls_leave_none_alive(qtbot):
    guard_singletons()
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(20000):  # more than None's usual reference count on Python 3.11
        widget.setEnabled(True)
    assert sys.getrefcount(None) > 0
    if needs_guard():
        assert before > 1 << 39  # raised out of reach
