"""Work around a reference-counting bug of PySide6 6.12.0 on Python < 3.12.

In PySide6 6.12.0 every call of a Qt method returning ``void`` (and some returning ``bool``)
gives Python back ``None`` / ``True`` / ``False`` without taking a reference. On Python 3.12+
these objects are immortal and nothing happens; on 3.11 their reference count drops by one per
call until Python aborts with "none_dealloc: deallocating None" — after a few thousand clicks in
the app, or at the end of a test run. Pinning PySide6-Essentials != 6.12.0 is the real fix; this
makes the three singletons effectively immortal (as 3.12 does) where the bug can bite.
"""

from __future__ import annotations

import ctypes
import platform
import sys

BROKEN_VERSIONS = ("6.12.0",)
_BOOST = 1 << 40


def needs_guard() -> bool:
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    try:
        import PySide6
    except ImportError:
        return False
    return PySide6.__version__ in BROKEN_VERSIONS


def guard_singletons() -> bool:
    """Raise the reference counts of None, True and False out of reach; True when done."""
    if not needs_guard() or getattr(sys, "_easyclick2call_refcount_guard", False):
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (release builds).
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        refcount.value += _BOOST
    sys._easyclick2call_refcount_guard = True  # type: ignore[attr-defined]
    return True
