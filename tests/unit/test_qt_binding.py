"""The installed Qt binding keeps Python's None/True/False alive through many Qt calls.

PySide6 6.12.0 on Python 3.11 drops one reference per call of a void Qt method, so a tray app
aborts ("none_dealloc") after a few thousand clicks; pyproject excludes that release. This test
fails if such a binding is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_many_qt_calls_leave_none_true_and_false_alive(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = [sys.getrefcount(value) for value in (None, True, False)]
    for _ in range(5000):
        widget.setEnabled(True)
        widget.isEnabled()
        widget.setVisible(False)
    after = [sys.getrefcount(value) for value in (None, True, False)]
    if sys.version_info < (3, 12):  # immortal objects from 3.12 on: counts are meaningless
        assert all(a >= b - 50 for a, b in zip(after, before, strict=True)), (before, after)
