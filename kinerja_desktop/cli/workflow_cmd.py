"""`kinerja skp ajukan|setujui|kembalikan`, `kinerja evaluasi finalkan` and `kinerja tugas`: the
workflow steps from a terminal, with the same "what is incomplete" list the GUI's confirmation shows
(services.readiness_service) and the same inbox as the Tugas page (services.task_inbox_service).

A step with blocking gaps is refused with the list; a step with other gaps says them and goes ahead
only with ``--ya`` (the GUI asks; a script must say it means it).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kinerja_desktop.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    skp = sub.add_parser("skp", help="langkah SKP: ajukan, setujui, kembalikan (dengan daftar yang belum lengkap)")
    ssub = skp.add_subparsers(dest="langkah", required=True, metavar="LANGKAH")
    for name, text in (("ajukan", "ajukan SKP kepada pejabat penilai"), ("setujui", "setujui SKP bawahan"),
                       ("kembalikan", "kembalikan SKP bawahan dengan catatan")):
        p = ssub.add_parser(name, help=text)
        p.add_argument("--nip", required=True, metavar="NIP", help="pegawai pemilik SKP")
        p.add_argument("--year", type=int, required=True, metavar="TAHUN", help="tahun SKP")
        p.add_argument("--ya", action="store_true", help="lanjutkan walaupun masih ada yang belum lengkap")
        if name == "kembalikan":
            p.add_argument("--catatan", required=True, metavar="TEKS", help="apa yang perlu diperbaiki")
        p.set_defaults(func=cmd_skp)
    ev = sub.add_parser("evaluasi", help="langkah evaluasi: finalkan (dengan daftar yang belum lengkap)")
    esub = ev.add_subparsers(dest="langkah", required=True, metavar="LANGKAH")
    p = esub.add_parser("finalkan", help="finalkan evaluasi satu periode")
    p.add_argument("--nip", required=True, metavar="NIP", help="pegawai yang dinilai")
    p.add_argument("--year", type=int, required=True, metavar="TAHUN", help="tahun SKP")
    p.add_argument("--period", required=True, metavar="P", help="periode, mis. TW4 atau TAHUNAN")
    p.add_argument("--ya", action="store_true", help="lanjutkan walaupun masih ada yang belum lengkap")
    p.set_defaults(func=cmd_finalise)
    p = sub.add_parser("tugas", help="yang menunggu Anda: persetujuan SKP, evaluasi, tanda tangan")
    p.add_argument("--year", type=int, metavar="TAHUN", help="tahun (bawaan: tahun ini)")
    p.add_argument("--period", metavar="P", help="periode evaluasi yang dilihat (bawaan: periode berjalan)")
    p.set_defaults(func=cmd_tugas)


def _plan_id(ctx: CliContext, nip: str, year: int) -> str:
    from sqlalchemy import select

    from kinerja_desktop.domain.errors import NotFound
    from kinerja_desktop.services import plan_service as ps
    from kinerja_desktop.store.models import Employee

    with ctx.db.reader() as s:
        employee_id = s.scalars(select(Employee.id).where(Employee.nip == "".join(nip.split()),
                                                          Employee.deleted.is_(False))).first()
    plan_id = ps.current_plan_id(ctx.db, employee_id, year) if employee_id else None
    if plan_id is None:
        raise NotFound(f"SKP tahun {year} untuk NIP {nip} tidak ditemukan.")
    return plan_id


def _go_ahead(ctx: CliContext, found: Any, confirmed: bool) -> None:
    """Refuse on blocking gaps; with other gaps, say them and require --ya."""
    from kinerja_desktop.domain.errors import ValidationError

    if not found.ready:
        raise ValidationError(found.summary())
    if found.gaps and not confirmed:
        raise ValidationError(found.summary() + "\nUlangi dengan --ya untuk tetap melanjutkan.")
    if found.gaps:
        ctx.stderr.write(found.summary() + "\n")


def cmd_skp(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import plan_service as ps
    from kinerja_desktop.services import readiness_service as rd

    plan_id = _plan_id(ctx, args.nip, args.year)
    db, user = ctx.db, ctx.user
    if args.langkah == "ajukan":
        _go_ahead(ctx, rd.before_submit(db, user, plan_id), args.ya)
        ps.submit_plan(db, user, plan_id)
        done = "SKP diajukan kepada pejabat penilai."
    elif args.langkah == "setujui":
        _go_ahead(ctx, rd.before_approve(db, user, plan_id), args.ya)
        ps.approve_plan(db, user, plan_id)
        done = "SKP disetujui."
    else:
        found = rd.before_return(db, user, plan_id)
        _go_ahead(ctx, found, True)  # the note is the confirmation; the list helps writing it
        ps.return_plan(db, user, plan_id, args.catatan)
        done = "SKP dikembalikan dengan catatan."
    ctx.out({"plan_id": plan_id, "status": ps.get_plan(db, user, plan_id).status}, done)
    return 0


def cmd_finalise(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.periods import period as period_of
    from kinerja_desktop.services import evaluation_service as es
    from kinerja_desktop.services import readiness_service as rd

    plan_id = _plan_id(ctx, args.nip, args.year)
    code = period_of(args.period).code
    _go_ahead(ctx, rd.before_finalise(ctx.db, ctx.user, plan_id, code), args.ya)
    es.finalise(ctx.db, ctx.user, plan_id, code)
    ev = es.get_evaluation(ctx.db, ctx.user, plan_id, code)
    ctx.out({"plan_id": plan_id, "period": code, "status": ev.status, "predikat": ev.predikat},
            f"Evaluasi {period_of(code).label} difinalkan; predikat {ev.predikat}.")
    return 0


def cmd_tugas(args: argparse.Namespace, ctx: CliContext) -> int:
    from datetime import date

    from kinerja_desktop.domain.periods import periods_containing
    from kinerja_desktop.services.task_inbox_service import inbox

    today = date.today()
    year = args.year or today.year
    period = args.period or next((p.code for p in periods_containing(today) if p.code.startswith("TW")), "TAHUNAN")
    items = inbox(ctx.db, ctx.user, year, period)
    lines = [f"{len(items)} tugas menunggu Anda." if items else "Tidak ada tugas yang menunggu Anda."]
    lines += [f"• {i.title}" + (f" — {i.who}" if i.who else "") + (f": {i.detail}" if i.detail else "")
              for i in items]
    ctx.out([{"jenis": i.kind, "tugas": i.title, "pegawai": i.who, "keterangan": i.detail,
              "employee_id": i.employee_id, "halaman": i.tab, "periode": i.period} for i in items], "\n".join(lines))
    return 0
