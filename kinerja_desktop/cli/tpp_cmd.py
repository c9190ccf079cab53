"""`kinerja tpp`: the TPP table of the instansi and the recap for the finance office.

  kinerja --user admin tpp aturan                                   # show the table in use
  kinerja --user admin tpp aturan --porsi 60 --persen BUTUH_PERBAIKAN=75 --persen KURANG=50 --dasar "Perbup ..."
  kinerja --user admin tpp rekap --year 2026 [--month 5] [--unit D001] --out rekap.pdf|rekap.xlsx [--paper F4]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kinerja_desktop.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("tpp", help="tambahan penghasilan pegawai: aturan porsi kinerja dan rekap")
    tsub = p.add_subparsers(dest="tpp_command", required=True, metavar="SUB")
    q = tsub.add_parser("aturan", help="tampilkan atau ubah tabel predikat -> persen porsi kinerja")
    q.add_argument("--porsi", metavar="PERSEN", help="porsi kinerja dari seluruh TPP, mis. 60")
    q.add_argument("--persen", action="append", metavar="PREDIKAT=PERSEN",
                   help="persen porsi kinerja yang dibayar untuk predikat ini (boleh berulang)")
    q.add_argument("--tanpa-evaluasi", metavar="PERSEN", help="persen untuk bulan tanpa evaluasi final")
    q.add_argument("--dasar", metavar="TEKS", help="dasar hukum yang dicetak pada rekap")
    q.set_defaults(func=cmd_rule)
    q = tsub.add_parser("rekap", help="rekap TPP per pegawai dan unit (PDF untuk dicetak, XLSX untuk keuangan)")
    q.add_argument("--year", type=int, required=True, metavar="Y")
    q.add_argument("--month", type=int, metavar="1-12", help="satu bulan; tanpa ini: setahun")
    q.add_argument("--unit", metavar="KODE", help="hanya unit ini dan sub-unitnya")
    q.add_argument("--out", required=True, metavar="FILE", help="berkas .pdf atau .xlsx")
    q.add_argument("--paper", choices=("A4", "F4"), default="A4")
    q.set_defaults(func=cmd_recap)


def cmd_rule(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
    from kinerja_desktop.services.tpp_service import get_rule, set_rule

    changes: dict[str, object] = {}
    if args.porsi is not None:
        changes["porsi_kinerja"] = args.porsi
    if args.tanpa_evaluasi is not None:
        changes["tanpa_evaluasi"] = args.tanpa_evaluasi
    if args.dasar is not None:
        changes["dasar"] = args.dasar
    if args.persen:
        persen = {}
        for item in args.persen:
            key, sep, value = item.partition("=")
            if not sep:
                raise ValidationError(f"Tulis --persen PREDIKAT=PERSEN, bukan '{item}'.", field="persen")
            persen[key.strip().upper().replace(" ", "_")] = value
        changes["persen"] = persen
    if changes:
        rule = set_rule(ctx.db, ctx.user, changes)
    else:
        if not ctx.user.is_admin:
            raise PermissionDenied("Hanya admin kepegawaian yang dapat membuat rekap TPP atau mengubah aturannya.")
        rule = get_rule(ctx.db)
    ctx.out(rule.to_json(), "\n".join([f"Dasar: {rule.dasar or '-'}", *rule.lines()]))
    return 0


def cmd_recap(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services.tpp_service import recap, write_xlsx

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError("Berkas rekap TPP harus .pdf atau .xlsx.", field="FILE")
    rec = recap(ctx.db, ctx.user, args.year, month=args.month, unit_code=args.unit)
    if suffix == ".xlsx":
        write_xlsx(rec, out)
        extra = ""
    else:
        from kinerja_desktop.documents.tpp_print import print_recap

        doc = print_recap(ctx.db, rec, out, paper=args.paper)
        extra = f", nomor dokumen {doc.doc_id}" if hasattr(doc, "doc_id") else ""
    ctx.out({"file": str(out), "people": len(rec.lines), "units": len(rec.units())},
            f"Disimpan: {out} ({len(rec.lines)} pegawai, {len(rec.units())} unit, {rec.title_period.lower()}{extra}).")
    return 0
