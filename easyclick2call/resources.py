"""Locate the files under resources/ both in a source checkout and in a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources/ folder: inside the bundle (sys._MEIPASS) when frozen, else the checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of one resource, e.g. ``resource_path("icons", "app.svg")``."""
    return resources_dir().joinpath(*parts)
