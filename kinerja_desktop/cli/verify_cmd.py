"""`kinerja verify`: check every signature of a PDF, or a printed sheet's QR against the database.

Exit 0 only when every signature is intact and trusted and nothing changed after the last
one (or the QR matches a recorded document); 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.domain.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("verify", help="periksa tanda tangan PDF, atau kode QR lembar cetak")
    p.add_argument("pdf", nargs="?", metavar="FILE.pdf")
    p.add_argument("--trust", action="append", default=[], metavar="CERT.pem",
                   help="CA tepercaya tambahan (boleh berulang); CA tepercaya kantor selalu dipakai")
    p.add_argument("--qr", metavar="PAYLOAD", help="isi kode QR lembar cetak (KINERJA:...)")
    p.add_argument("--tz", metavar="ZONA", help="zona waktu tampilan: WIB, WITA atau WIT")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="keluaran JSON")
    p.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.json = ctx.json or bool(getattr(args, "json", False))
    if bool(args.pdf) == bool(args.qr):
        raise ValidationError("Beri FILE.pdf atau --qr PAYLOAD (salah satu).")
    return _verify_qr(args, ctx) if args.qr else _verify_file(args, ctx)


def _verify_file(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.certs import default_pki, load_certificates
    from kinerja_desktop.documents.verification import verify_pdf

    path = Path(args.pdf)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"Berkas tidak ditemukan: {path}") from None
    roots = default_pki().trust.certificates()
    for extra in args.trust:
        roots.extend(load_certificates(extra))
    report = verify_pdf(data, roots, timezone=args.tz or "WIB")
    ctx.out(report.to_dict() | {"file": str(path)}, "\n".join(report.summary_lines()))
    return 0 if report.ok else 1


def _verify_qr(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.signed_documents import check_qr

    user = ctx.user if getattr(args, "user", None) or os.environ.get("KINERJA_USER") else None
    result = check_qr(ctx.db, args.qr, user)
    ctx.out(result.to_dict(), result.message)
    return 0 if result.ok else 1
