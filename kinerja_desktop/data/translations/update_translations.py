"""Refresh the English translation of the interface (Qt Linguist files).

    .venv/bin/python kinerja_desktop/data/translations/update_translations.py

1. ``pyside6-lupdate`` collects every ``self.tr()`` / ``QCoreApplication.translate()`` string of
   ``kinerja_desktop/ui`` into ``kinerja_en.ts`` (new strings are marked unfinished; existing
   translations are kept). Translate them with ``pyside6-linguist kinerja_en.ts`` (or by hand).
2. ``pyside6-lrelease`` compiles ``kinerja_en.qm``, which the application loads when English is
   chosen in Pengaturan. Both files are committed.

Indonesian is the source language: there is no Indonesian translation file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
UI = ROOT / "kinerja_desktop" / "ui"
TS = HERE / "kinerja_en.ts"
QM = HERE / "kinerja_en.qm"


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources(folder: Path = UI) -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in folder.rglob("*.py"))


def update_ts(ts: Path = TS, files: list[str] | None = None) -> None:
    subprocess.run([tool("pyside6-lupdate"), *(files or sources()), "-ts", str(ts), "-no-obsolete",
                    "-locations", "none", "-silent"], cwd=ROOT, check=True)


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


if __name__ == "__main__":
    update_ts()
    release()
    release(HERE / "qtbase_id.ts", HERE / "qtbase_id.qm")  # Indonesian for Qt's own dialogs, kept by hand
    print(f"updated {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
