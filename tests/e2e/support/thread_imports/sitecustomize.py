"""Loaded into the app by tests/e2e/test_app_thread_imports.py (through PYTHONPATH): notes each
module first imported off the main thread — at once in ``$EC2C_THREAD_IMPORTS.live`` (a name a
line), and at exit in ``$EC2C_THREAD_IMPORTS`` with the thread and whether it uses PySide6."""

from __future__ import annotations

import atexit
import os
import sys
import threading
import types

_OUT = os.environ.get("EC2C_THREAD_IMPORTS", "")
_QT = ("PySide6", "shiboken6")
_off_main: list[tuple[str, str]] = []


class _Recorder:
    """A meta-path finder that finds nothing: it only notes who asks."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        thread = threading.current_thread()
        if thread is not threading.main_thread():
            _off_main.append((name, thread.name))
            with open(_OUT + ".live", "a", encoding="utf-8") as live:
                live.write(name + "\n")
        return None


def _uses_pyside(module: types.ModuleType) -> bool:
    if module.__name__.startswith(_QT):
        return True
    for value in list(vars(module).values()):
        try:
            owner = value.__name__ if isinstance(value, types.ModuleType) else \
                getattr(value, "__module__", None)
        except Exception:
            continue
        if isinstance(owner, str) and owner.startswith(_QT):
            return True
    return False


def _write() -> None:
    with open(_OUT, "w", encoding="utf-8") as out:
        for name, thread in _off_main:
            module = sys.modules.get(name)
            kind = "qt" if module is not None and _uses_pyside(module) else "pure"
            out.write(f"{name}\t{thread}\t{kind}\n")


if _OUT:
    sys.meta_path.insert(0, _Recorder)
    atexit.register(_write)
