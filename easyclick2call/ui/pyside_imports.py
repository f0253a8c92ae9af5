"""PySide6 looks at every module imported after it: `shibokensupport.feature` asks whether the
module's source says "PySide6" (such a module may switch its `__feature__` options) and reads it
with `inspect.getsource`, which leaves every line of every such file in `linecache` for good:
about 5 MB of this app's idle memory, and most of it standard-library sources. The same question
is answered here by reading the file's bytes, keeping nothing.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType


def _file_says_pyside(module: ModuleType, original) -> bool:
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return original(module)  # built-in, compiled or frozen: PySide6's own answer
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return original(module)


def lighten_pyside_import_check() -> bool:
    """Once PySide6 is imported: answer its per-module question without linecache, and drop
    what it cached so far. False when this PySide6 does not ask it that way (nothing done)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        return _file_says_pyside(module, original)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    linecache.clearcache()
    return True
