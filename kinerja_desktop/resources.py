"""Locate bundled data files (fonts, icons, translations): the one helper for every caller.

The files live in the package, under ``kinerja_desktop/data/``, and ship as package data, so
they are found the same way in a checkout, an editable install, a normal wheel install and a
PyInstaller bundle (which collects them to ``<_MEIPASS>/kinerja_desktop/data``).

Callers need real file paths (reportlab's TTFont, Qt's font database and QTranslator open
files by name). For a package on the file system ``importlib.resources.files()`` already is
one; for a package imported from an archive the file is extracted once through ``as_file``
and kept until the process exits.
"""

from __future__ import annotations

import atexit
import sys
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

PACKAGE = "kinerja_desktop"
DATA = "data"

_extracted = ExitStack()
atexit.register(_extracted.close)


@cache
def resource_path(*parts: str) -> Path:
    """Real path of a bundled file, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root, PACKAGE, DATA, *parts)
    resource = files(PACKAGE).joinpath(DATA, *parts)
    if isinstance(resource, Path):
        return resource
    return _extracted.enter_context(as_file(resource))  # pragma: no cover - zip imports only
