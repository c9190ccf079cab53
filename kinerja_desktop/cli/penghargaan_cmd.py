"""`kinerja penghargaan`: recognition candidates, recorded awards, the printable list and usulan letter."""

from __future__ import annotations

import argparse

from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.cli.tindak_lanjut_common import MAX_LINES, day, employee_id, year_arg
from kinerja_desktop.domain.tindak_lanjut import AWARD_KINDS, FEEDBACK_MARKS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("penghargaan", help="calon dan penerima penghargaan (tindak lanjut evaluasi kinerja)")
    psub = cmd.add_subparsers(dest="penghargaan_command", required=True, metavar="SUB")

    p = psub.add_parser("calon", help="calon penghargaan suatu periode: Sangat Baik atau hasil kerja bertanda")
    year_arg(p)
    p.add_argument("--period", default="TAHUNAN", metavar="P", help="periode evaluasi (bawaan: TAHUNAN)")
    p.add_argument("--unit", metavar="KODE", help="hanya unit ini dan unit di bawahnya")
    p.set_defaults(func=cmd_candidates)

    p = psub.add_parser("tandai", help="(pejabat penilai) tandai umpan balik RHK sebagai inovasi/capaian luar biasa")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--nip", metavar="NIP", help="pegawai yang dinilai (SKP tahun --year)")
    target.add_argument("--plan", metavar="ID", help="id SKP")
    year_arg(p)
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--rhk", required=True, metavar="NO|ID", help="nomor urut RHK di SKP (1, 2, ...) atau id RHK")
    p.add_argument("--tanda", choices=[*FEEDBACK_MARKS, "HAPUS"], required=True)
    p.add_argument("--alasan", default="", help="satu baris alasan (wajib kecuali HAPUS)")
    p.set_defaults(func=cmd_mark)

    p = psub.add_parser("catat", help="(admin) catat penghargaan yang diberikan")
    p.add_argument("nip", metavar="NIP")
    year_arg(p)
    p.add_argument("--period", default="TAHUNAN", metavar="P")
    p.add_argument("--jenis", choices=list(AWARD_KINDS), required=True)
    p.add_argument("--tanggal", metavar="DD-MM-YYYY")
    p.add_argument("--nomor", default="", metavar="SK", help="nomor keputusan")
    p.add_argument("--alasan", default="")
    p.set_defaults(func=cmd_record)

    p = psub.add_parser("daftar", help="penghargaan yang pernah diterima seorang pegawai")
    p.add_argument("nip", metavar="NIP")
    p.set_defaults(func=cmd_list)

    p = psub.add_parser("cetak", help="cetak daftar calon dan penerima (PDF)")
    year_arg(p)
    p.add_argument("--period", default="TAHUNAN", metavar="P")
    p.add_argument("--unit", metavar="KODE")
    p.add_argument("--out", required=True, metavar="BERKAS")
    p.add_argument("--paper", default="A4", choices=["A4", "F4"])
    p.set_defaults(func=cmd_print)

    p = psub.add_parser("usulan",
                        help="cetak draf surat usulan penghargaan seorang calon (PDF, ditandatangani penilai)")
    p.add_argument("nip", metavar="NIP")
    year_arg(p)
    p.add_argument("--period", default="TAHUNAN", metavar="P")
    p.add_argument("--bentuk", default="", help="bentuk penghargaan yang diusulkan")
    p.add_argument("--out", required=True, metavar="BERKAS")
    p.add_argument("--paper", default="A4", choices=["A4", "F4"])
    p.set_defaults(func=cmd_letter)


def cmd_candidates(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.periods import period as period_of
    from kinerja_desktop.services.recognition_service import candidates

    title, cands = candidates(ctx.db, ctx.user, args.year, args.period, unit_code=args.unit)
    lines = [f"Calon penghargaan {period_of(args.period).label} {args.year} — {title}: {len(cands)} orang"]
    for c in cands[:MAX_LINES]:
        given = "; ".join(a.kind_label for a in c.awards)
        lines.append(f"  {c.nip or '-':<18} {c.nama:<32} {c.unit_code:<10} {c.basis}"
                     + (f"  [diberikan: {given}]" if given else ""))
    ctx.out({"scope": title, "candidates": [c.as_dict() for c in cands]}, "\n".join(lines))
    return 0


def _plan_and_rhk(ctx: CliContext, args: argparse.Namespace) -> tuple[str, str]:
    """The plan (by id, or the NIP's current SKP of --year) and the RHK (by id, or its number in the SKP)."""
    from sqlalchemy import select

    from kinerja_desktop.domain.errors import NotFound
    from kinerja_desktop.services.plan_service import current_plan_id
    from kinerja_desktop.store.models import Rhk

    plan_id = args.plan or current_plan_id(ctx.db, employee_id(ctx.db, args.nip), args.year)
    if plan_id is None:
        raise NotFound(f"Pegawai NIP {args.nip} belum punya SKP tahun {args.year}.")
    if not args.rhk.isdigit():
        return plan_id, args.rhk
    with ctx.db.reader() as s:
        ids = list(s.scalars(select(Rhk.id).where(Rhk.plan_id == plan_id, Rhk.deleted.is_(False))
                             .order_by(Rhk.kind.desc(), Rhk.position)))
    number = int(args.rhk)
    if not 1 <= number <= len(ids):
        raise NotFound(f"SKP ini punya {len(ids)} RHK; nomor {number} tidak ada.")
    return plan_id, ids[number - 1]


def cmd_mark(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.recognition_service import mark_feedback

    mark = None if args.tanda == "HAPUS" else args.tanda
    plan_id, rhk_id = _plan_and_rhk(ctx, args)
    mark_feedback(ctx.db, ctx.user, plan_id, args.period, rhk_id, mark, args.alasan)
    ctx.out({"rhk": rhk_id, "mark": mark}, "Tanda dihapus." if mark is None
            else f"Umpan balik ditandai: {FEEDBACK_MARKS[mark]}.")
    return 0


def cmd_record(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.recognition_service import record_award

    aid = record_award(ctx.db, ctx.user, employee_id(ctx.db, args.nip), args.year, args.jenis, period=args.period,
                       given_on=day(args.tanggal), decree_no=args.nomor, reason=args.alasan)
    ctx.out({"award": aid}, f"{AWARD_KINDS[args.jenis]} untuk NIP {args.nip} tercatat.")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.recognition_service import awards_of

    awards = awards_of(ctx.db, ctx.user, employee_id(ctx.db, args.nip))
    lines = [f"{a.year} {a.period:<8} {a.kind_label:<36} {a.given_on or '-'}  {a.decree_no}" for a in awards]
    ctx.out([{"year": a.year, "period": a.period, "kind": a.kind, "given_on": str(a.given_on or ""),
              "decree_no": a.decree_no} for a in awards], "\n".join(lines) or "Belum ada penghargaan tercatat.")
    return 0


def cmd_print(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.tindak_lanjut_print import print_award_list

    doc = print_award_list(ctx.db, ctx.user, args.year, args.period, args.out, unit_code=args.unit, paper=args.paper)
    ctx.out({"file": str(args.out), "doc_id": doc.doc_id, "pages": doc.page_count},
            f"{doc.title} ditulis ke {args.out} ({doc.page_count} halaman).")
    return 0


def cmd_letter(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.tindak_lanjut_print import print_letter

    doc = print_letter(ctx.db, ctx.user, employee_id(ctx.db, args.nip), args.year, args.period, args.out,
                       bentuk=args.bentuk, paper=args.paper)
    ctx.out({"file": str(args.out), "doc_id": doc.doc_id, "pages": doc.page_count},
            f"{doc.title} ditulis ke {args.out}; tandatangani dengan `kinerja sign`.")
    return 0
