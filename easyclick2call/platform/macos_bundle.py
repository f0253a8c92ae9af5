"""The Info.plist keys of the macOS app bundle (used by packaging/easyclick2call.spec).

Kept here, as data, so a test can check them with plistlib without building on a Mac.
"""

from __future__ import annotations

from typing import Any

from easyclick2call import APP_ID, APP_NAME
from easyclick2call.platform.url_handler import SCHEMES

MINIMUM_MACOS = "11.0"


def info_plist(version: str) -> dict[str, Any]:
    """Extra Info.plist entries: tray-only app, HiDPI, tel:/callto:/sip: links, French."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": APP_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "fr"],
        "LSMinimumSystemVersion": MINIMUM_MACOS,
        # A menu-bar (tray) app: no Dock icon, no application menu.
        "LSUIElement": True,
        "NSHighResolutionCapable": True,
        "NSSupportsAutomaticGraphicsSwitching": True,
        "NSRequiresAquaSystemAppearance": False,
        "CFBundleURLTypes": [
            {
                "CFBundleURLName": f"{APP_ID}.{scheme}",
                "CFBundleURLSchemes": [scheme],
                "CFBundleTypeRole": "Viewer",
            }
            for scheme in SCHEMES
        ],
        "NSHumanReadableCopyright": f"{APP_NAME} developers, MIT licence",
    }
