"""`kinerja central init`: prepare the central office's PostgreSQL database (see docs/central.md).

  kinerja --db postgresql+psycopg://kinerja@127.0.0.1/kinerja central init --admin admin --akar-baru
  kinerja --db postgresql+psycopg://kinerja@db.bkpsdm.local/kinerja central init --daftar pendaftaran.json
  kinerja --db postgresql+psycopg://kinerja@127.0.0.1/kinerja central init        # check again, change nothing

Passwords come from KINERJA_PASSWORD (the new admin's) and KINERJA_ROOT_PASSPHRASE (the root key's), or
are asked on a terminal; a password in the URL works too but stays in the shell history.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from kinerja_desktop.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("central", help="kantor pusat: siapkan database PostgreSQL (init)")
    csub = p.add_subparsers(dest="central_command", required=True, metavar="SUB")
    i = csub.add_parser("init", help="buat/perbarui database PostgreSQL kantor pusat, admin pertama dan kunci akar, "
                                     "lalu periksa sambungannya (aman diulang)")
    i.add_argument("url", nargs="?", help="alamat PostgreSQL (bawaan: --db atau KINERJA_DB)")
    i.add_argument("--admin", metavar="NAMA", help="buat akun admin pertama (database tanpa akun)")
    i.add_argument("--akar-baru", action="store_true",
                      help="buat kunci akar instansi di sini (sekali per instansi; frasa sandi dari "
                           "KINERJA_ROOT_PASSPHRASE)")
    i.add_argument("--daftar", metavar="BERKAS", help="percayai kunci akar dari berkas pendaftaran "
                                                         "('kinerja sync akar ekspor')")
    i.add_argument("--ganti", action="store_true", help="ganti kunci akar yang sudah dipercayai (--daftar)")
    i.set_defaults(func=cmd_init)


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.central.setup import backup_command, init_central
    from kinerja_desktop.cli.admin_cmd import _new_password
    from kinerja_desktop.cli.sync_cmd import _root_passphrase
    from kinerja_desktop.domain.errors import ValidationError

    url = args.url or getattr(args, "db", None) or os.environ.get("KINERJA_DB")
    if not url:
        raise ValidationError("Sebutkan alamat PostgreSQL kantor pusat, mis. "
                              "postgresql+psycopg://kinerja@127.0.0.1/kinerja", field="url")
    if args.akar_baru and args.daftar:
        raise ValidationError("Pilih salah satu: --akar-baru (buat kunci akar di sini) atau --daftar BERKAS "
                              "(percayai kunci akar yang sudah ada).", field="--akar-baru")
    admin = (args.admin, _new_password(f"Kata sandi admin {args.admin}: ")) if args.admin else None
    passphrase = None
    if args.akar_baru:
        passphrase = _root_passphrase("Frasa sandi baru kunci akar (paling sedikit 10 karakter): ")
        if not os.environ.get("KINERJA_ROOT_PASSPHRASE") and \
                _root_passphrase("Ulangi frasa sandi: ") != passphrase:
            raise ValidationError("Kedua frasa sandi tidak sama.")
    public = None
    if args.daftar:
        try:
            public = str(json.loads(Path(args.daftar).read_text(encoding="utf-8"))["root"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValidationError(f"Berkas pendaftaran tidak dapat dibaca: {exc}", field="--daftar") from exc
    login = None
    if args.akar_baru and not args.admin:  # an existing database: the root key is made by a signed-in admin
        name = getattr(args, "user", None) or os.environ.get("KINERJA_USER")
        if name:
            login = (name, _password(name))
    report, db = init_central(url, admin=admin, root_passphrase=passphrase, root_public=public,
                              replace_root=args.ganti, login=login)
    db.dispose()
    lines = [f"Database kantor pusat: {report.database}" + (" (baru dibuat)" if report.created else ""),
             f"  PostgreSQL {report.server_version}, encoding {report.encoding}, skema {report.schema} (terbaru)"]
    if report.admin_created:
        lines.append(f"  Akun admin pertama dibuat: {report.admin_created}")
    if report.root_fingerprint:
        made = "dibuat di sini; " if report.root_created else ""
        held = "database ini memegang kunci akar" if report.holds_root else "dipercayai (dipegang di tempat lain)"
        lines.append(f"  Kunci akar instansi: {report.root_fingerprint} ({made}{held})")
    lines += [f"  Catatan: {n}" for n in report.notes]
    lines += ["", "Cadangan harian (jadwalkan di server, lihat docs/central.md):", f"  {backup_command(url)}"]
    ctx.out({**report.as_dict(), "backup": backup_command(url)}, "\n".join(lines))
    return 0


def _password(name: str) -> str:
    import getpass
    import sys

    from kinerja_desktop.domain.errors import PermissionDenied

    value = os.environ.get("KINERJA_PASSWORD")
    if value is None:
        if not sys.stdin.isatty():
            raise PermissionDenied("Kata sandi tidak diberikan: setel KINERJA_PASSWORD.")
        value = getpass.getpass(f"Kata sandi {name}: ")
    return value
