"""Locate bundled resources (fonts, icons, translations) from source and frozen builds."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """Return the `resources/` folder: beside the package in a checkout, or in the bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return resource_root().joinpath(*parts)
