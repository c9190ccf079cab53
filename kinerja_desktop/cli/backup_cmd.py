"""`kinerja backup` and `kinerja restore`: copies of the SQLite database and restoring one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kinerja_desktop.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="cadangkan database sekarang (diperiksa dulu), atau lihat daftar cadangan")
    p.add_argument("--ke", metavar="BERKAS", help="tulis cadangan ke berkas ini (bawaan: folder cadangan)")
    p.add_argument("--daftar", action="store_true", help="tampilkan cadangan yang ada, terbaru dulu")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="pulihkan database dari cadangan (perlu --user; aplikasi harus ditutup)")
    p.add_argument("berkas", nargs="?", help="berkas cadangan (lihat: kinerja backup --daftar)")
    p.add_argument("--terbaru", action="store_true", help="pakai cadangan terbaru")
    p.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import backup_service

    if args.daftar:
        found = backup_service.list_backups(ctx.db)
        ctx.out([{"berkas": str(b.path), "waktu": b.made.isoformat(), "ukuran": b.size} for b in found],
                "\n".join(f"{b.made:%d-%m-%Y %H.%M}  {b.size / 1e6:7.1f} MB  {b.path}" for b in found)
                or "Belum ada cadangan.")
        return 0
    path = backup_service.backup_now(ctx.db, Path(args.ke) if args.ke else None)
    ctx.out({"berkas": str(path)}, f"Cadangan dibuat dan diperiksa: {path}")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services import backup_service
    from kinerja_desktop.store.location import resolve_url, sqlite_file
    from kinerja_desktop.store.wal_guard import in_use_elsewhere

    path = sqlite_file(resolve_url(getattr(args, "db", None)))
    if path is not None and in_use_elsewhere(path):
        raise ValidationError("Database sedang dipakai program lain (aplikasi Kinerja Desktop?). Tutup dulu, "
                              "lalu jalankan perintah ini lagi; atau pulihkan dari aplikasi: Alat > Pulihkan "
                              "dari Cadangan.")
    if args.terbaru:
        found = [b for b in backup_service.list_backups(ctx.db) if b.tag != "sebelum-pulihkan"]
        if not found:
            raise ValidationError("Belum ada cadangan untuk database ini.")
        source = found[0].path
    elif args.berkas:
        source = Path(args.berkas)
    else:
        raise ValidationError("Sebutkan berkas cadangan, atau --terbaru (daftar: kinerja backup --daftar).")
    before = backup_service.restore(ctx.db, ctx.user, source)
    kept = f"Isi sebelumnya disimpan di {before}." if before else "Isi sebelumnya terlalu rusak untuk disalin."
    ctx.out({"dipulihkan_dari": str(source), "salinan_sebelumnya": str(before) if before else None},
            f"Data dipulihkan dari {source}.\n{kept}")
    return 0
