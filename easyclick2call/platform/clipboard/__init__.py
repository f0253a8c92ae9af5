"""The clipboard, per OS: what password managers mark as concealed (concealed), the memory a big
text leaves behind (memory), and the clipboard sources the watcher consumes (source: the
interface; choose: the back-end for this session; qt_source, x11_source, mac_source,
wayland_source: the back-ends). This package module and concealed, memory and mac_change_count
import no Qt; the sources wrap QClipboard."""

from easyclick2call.platform.clipboard.concealed import KDE_HINT, is_concealed
from easyclick2call.platform.clipboard.memory import (
    BIG_TEXT_CHARS,
    release_freed_memory,
    share_one_allocator_arena,
)

__all__ = ["BIG_TEXT_CHARS", "KDE_HINT", "is_concealed", "release_freed_memory",
           "share_one_allocator_arena"]
