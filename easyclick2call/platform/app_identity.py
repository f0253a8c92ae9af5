"""The identity Windows gives the running process (taskbar grouping, notification name/icon).

Windows shows notifications under the AppUserModelID of the process; unset, a frozen app shows its
exe name and a source checkout shows "Python". The installer (packaging/windows/easyclick2call.iss)
puts the same id on the Start-menu shortcut and registers its display name and icon.
"""

from __future__ import annotations

import sys

from easyclick2call import APP_ID


def set_windows_app_user_model_id(app_id: str = APP_ID, platform: str | None = None) -> bool:
    """Set the AppUserModelID of this process (before any window); False when not on Windows."""
    platform = sys.platform if platform is None else platform
    if not platform.startswith("win"):
        return False
    import ctypes

    shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
    return shell32.SetCurrentProcessExplicitAppUserModelID(ctypes.c_wchar_p(app_id)) == 0
