"""Memory a big clipboard text leaves behind: one glibc arena for every thread, and
malloc_trim after such a text (nothing is done with other C libraries or systems)."""

from __future__ import annotations

import sys

# A clipboard text this big leaves tens of MB freed but kept by the C allocator afterwards.
BIG_TEXT_CHARS = 1 << 20


_M_ARENA_MAX = -8  # glibc's mallopt parameter


def share_one_allocator_arena() -> bool:
    """Make every thread allocate from glibc's main arena (call first, before threads start).

    By default glibc gives worker threads arenas of their own (up to 8 per core) and never
    gives their freed memory back: a tray app scanning copies on worker threads for weeks grew
    with what it read (several MB per thousand copies of a few KB), and malloc_trim cannot
    help. With one arena the memory freed after a scan is reused and can be trimmed. The GIL
    already serialises Python's allocations, so one arena costs nothing measurable here.
    Elsewhere (other C libraries, other systems) nothing is done. True when it was done."""
    mallopt = _glibc_function("mallopt")
    return mallopt is not None and mallopt(_M_ARENA_MAX, 1) == 1


def _glibc_function(name: str):
    """A glibc function through ctypes, or None (not Linux, or not glibc)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None


def release_freed_memory() -> None:
    """Hand memory freed after a big clipboard back to the system.

    glibc keeps freed blocks in the process heap (its mmap threshold grows after the first big
    block), so one 10 MB clipboard would leave the app 20 MB bigger for good; malloc_trim gives
    them back. Elsewhere (other C libraries, other systems) nothing is done."""
    trim = _glibc_function("malloc_trim")
    if trim is not None:
        trim(0)
