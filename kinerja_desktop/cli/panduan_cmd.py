"""`kinerja panduan`: the printed short guide for sosialisasi sessions, and the list of guide topics.

  kinerja panduan cetak --keluar panduan.pdf [--bahasa id|en] [--simpan-gambar FOLDER]
  kinerja panduan daftar

``cetak`` builds a demo office in a temporary folder, takes screenshots of the real widgets on it
offscreen (so the pictures always show this version of the app, with no real person's data), and
lays them out with the same Panduan text the app shows on F1. It needs no database and no sign-in.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from kinerja_desktop.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("panduan", help="panduan pemakaian: panduan ringkas (PDF) untuk sosialisasi, daftar topik")
    psub = p.add_subparsers(dest="panduan_command", required=True, metavar="SUB")
    q = psub.add_parser("cetak", help="buat panduan ringkas A4 (PDF) dengan gambar layar aplikasi yang diambil saat "
                                      "itu juga dari data contoh")
    q.add_argument("--keluar", required=True, metavar="FILE.pdf", help="berkas PDF yang dibuat")
    q.add_argument("--bahasa", choices=("id", "en"), default="id", help="bahasa panduan dan layar (bawaan: id)")
    q.add_argument("--simpan-gambar", metavar="FOLDER", help="simpan juga gambar layarnya (PNG) di folder ini")
    q.set_defaults(func=cmd_print)
    q = psub.add_parser("daftar", help="daftar topik panduan (yang dibuka dengan F1 di aplikasi)")
    q.add_argument("--bahasa", choices=("id", "en"), default="id")
    q.set_defaults(func=cmd_list)


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.guide_source import TOPICS, load_topic

    topics = [load_topic(key, args.bahasa) for key in TOPICS]
    ctx.out({"topik": [{"kunci": t.key, "judul": t.title, "bahasa": t.language} for t in topics]},
            "\n".join(f"{t.key:16} {t.title}" for t in topics))
    return 0


def cmd_print(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError

    out = Path(args.keluar)
    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"Berkas keluaran '{out.name}' harus berakhiran .pdf, misalnya panduan.pdf.",
                              field="keluar")
    if out.parent and not out.parent.exists():
        raise ValidationError(f"Folder {out.parent} tidak ada. Buat foldernya dahulu atau pilih folder lain.",
                              field="keluar")
    with tempfile.TemporaryDirectory(prefix="kinerja-panduan-") as tmp:
        pages, shots = _build(out, Path(tmp), args.bahasa)
        if args.simpan_gambar:
            folder = Path(args.simpan_gambar)
            folder.mkdir(parents=True, exist_ok=True)
            for path in shots.values():
                shutil.copy2(path, folder / path.name)
    ctx.out({"berkas": str(out), "halaman": pages, "gambar_layar": sorted(shots)},
            f"Panduan ringkas ditulis ke {out} ({pages} halaman, {len(shots)} gambar layar).")
    return 0


def _build(out: Path, tmp: Path, language: str) -> tuple[int, dict[str, Path]]:
    """Screenshots offscreen on a demo office in ``tmp``, then the PDF; the environment is restored."""
    saved = {key: os.environ.get(key) for key in ("QT_QPA_PLATFORM", "KINERJA_DATA_DIR")}
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window on the user's screen
    os.environ["KINERJA_DATA_DIR"] = str(tmp)  # this run's window layout stays out of the user's settings
    try:
        from kinerja_desktop.documents.guide import render_guide
        from kinerja_desktop.ui.help.screens import screenshots_for_guide

        shots = screenshots_for_guide(tmp, language)
        return render_guide(out, shots, language=language), shots
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
