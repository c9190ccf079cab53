"""`kinerja pengembangan`: the rencana pengembangan kompetensi, proposals, completion and the 20 JP recap."""

from __future__ import annotations

import argparse

from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.cli.tindak_lanjut_common import MAX_LINES, day, employee_id, jp, year_arg
from kinerja_desktop.domain.tindak_lanjut import DEVELOPMENT_FORMS, JP_PER_YEAR


def _item_args(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument("--bentuk", choices=list(DEVELOPMENT_FORMS), required=required)
    p.add_argument("--topik", required=required)
    p.add_argument("--kompetensi", metavar="KODE", help="kompetensi yang ditutup (mis. M3)")
    p.add_argument("--jp", help="jam pelajaran")
    p.add_argument("--mulai", metavar="DD-MM-YYYY")
    p.add_argument("--selesai", metavar="DD-MM-YYYY")
    p.add_argument("--penyelenggara")
    p.add_argument("--alasan")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("pengembangan", help="rencana pengembangan kompetensi dan rekap 20 JP")
    dsub = cmd.add_subparsers(dest="pengembangan_command", required=True, metavar="SUB")

    p = dsub.add_parser("rencana", help="rencana pengembangan seorang pegawai (dan usulan otomatis)")
    p.add_argument("nip", metavar="NIP")
    year_arg(p)
    p.set_defaults(func=cmd_plan)

    p = dsub.add_parser("tambah", help="(pejabat penilai) tambah rencana; --usulan N menerima usulan ke-N")
    p.add_argument("nip", metavar="NIP")
    year_arg(p)
    _item_args(p, required=False)
    p.add_argument("--usulan", type=int, metavar="N", help="terima usulan otomatis nomor N (boleh diubah)")
    p.set_defaults(func=cmd_add)

    p = dsub.add_parser("ubah", help="(pejabat penilai) ubah satu rencana")
    p.add_argument("item", metavar="ID")
    _item_args(p, required=False)
    p.set_defaults(func=cmd_edit)

    p = dsub.add_parser("batal", help="(pejabat penilai) batalkan satu rencana")
    p.add_argument("item", metavar="ID")
    p.add_argument("--alasan", default="")
    p.set_defaults(func=cmd_cancel)

    p = dsub.add_parser("selesai", help="(pegawai) laporkan rencana selesai, dengan sertifikat")
    p.add_argument("item", metavar="ID")
    p.add_argument("--tanggal", required=True, metavar="DD-MM-YYYY")
    p.add_argument("--sertifikat", metavar="BERKAS")
    p.add_argument("--catatan", default="")
    p.set_defaults(func=cmd_done)

    p = dsub.add_parser("catat", help="(admin) catat pelatihan yang diselenggarakan untuk seorang pegawai")
    p.add_argument("nip", metavar="NIP")
    year_arg(p)
    _item_args(p, required=True)
    p.add_argument("--tanggal-selesai", metavar="DD-MM-YYYY", help="sudah selesai pada tanggal ini")
    p.set_defaults(func=cmd_record)

    p = dsub.add_parser("rekap", help=f"rekap JP per pegawai dan unit terhadap hak {JP_PER_YEAR} JP setahun")
    year_arg(p)
    p.add_argument("--unit", metavar="KODE")
    p.add_argument("--kurang", action="store_true", help=f"hanya yang di bawah {JP_PER_YEAR} JP")
    p.add_argument("--xlsx", metavar="BERKAS", help="tulis juga ke XLSX")
    p.add_argument("--out", metavar="BERKAS", help="cetak rekap sebagai PDF")
    p.add_argument("--paper", default="A4", choices=["A4", "F4"])
    p.set_defaults(func=cmd_recap)


def _fields(args: argparse.Namespace) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, attr in (("form", "bentuk"), ("topic", "topik"), ("competency_code", "kompetensi"), ("jp", "jp"),
                      ("organiser", "penyelenggara"), ("reason", "alasan")):
        if getattr(args, attr, None) is not None:
            out[key] = getattr(args, attr)
    if getattr(args, "mulai", None):
        out["start_on"] = day(args.mulai, "Tanggal mulai")
    if getattr(args, "selesai", None):
        out["end_on"] = day(args.selesai, "Tanggal selesai")
    return out


def cmd_plan(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.development_service import items_of, proposals

    emp = employee_id(ctx.db, args.nip)
    items = items_of(ctx.db, ctx.user, emp, args.year)
    props = proposals(ctx.db, ctx.user, emp, args.year)
    lines = [f"Rencana pengembangan kompetensi {args.year} ({len(items)} butir):"]
    for i in items:
        lines.append(f"  {i.id[:8]}  {i.form_label:<22} {i.topic[:44]:<44} {jp(i.jp):>4} JP  {i.state_label}"
                     + (f"  [{i.evaluation_label}]" if i.evaluation_label else ""))
    if props:
        lines.append("Usulan otomatis (terima dengan `pengembangan tambah NIP --usulan N`):")
        lines += [f"  {n}. {p.form} {p.topic} ({jp(p.jp)} JP) — {p.reason}" for n, p in enumerate(props, start=1)]
    ctx.out({"items": [{"id": i.id, "form": i.form, "topic": i.topic, "jp": i.jp, "state": i.state,
                        "competency": i.competency_code} for i in items],
             "proposals": [p.__dict__ for p in props]}, "\n".join(lines))
    return 0


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services.development_service import add_item, proposals

    emp = employee_id(ctx.db, args.nip)
    fields = _fields(args)
    source, evaluation = "PENILAI", None
    if args.usulan is not None:
        props = proposals(ctx.db, ctx.user, emp, args.year)
        if not 1 <= args.usulan <= len(props):
            raise ValidationError(f"Tidak ada usulan nomor {args.usulan}; ada {len(props)} usulan.", field="--usulan")
        prop = props[args.usulan - 1]
        base = {"form": prop.form, "topic": prop.topic, "competency_code": prop.competency_code, "jp": prop.jp,
                "reason": prop.reason}
        fields = {**base, **fields}
        source, evaluation = "OTOMATIS", prop.evaluation_id
    if "form" not in fields or "topic" not in fields:
        raise ValidationError("Isi --bentuk dan --topik, atau pilih --usulan.", field="--topik")
    iid = add_item(ctx.db, ctx.user, emp, args.year, evaluation_id=evaluation, source=source, **fields)  # type: ignore[arg-type]
    ctx.out({"item": iid}, f"Rencana ditambahkan ({iid[:8]}).")
    return 0


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.development_service import update_item

    update_item(ctx.db, ctx.user, args.item, **_fields(args))
    ctx.out({"item": args.item}, "Rencana diubah.")
    return 0


def cmd_cancel(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.development_service import cancel_item

    cancel_item(ctx.db, ctx.user, args.item, args.alasan)
    ctx.out({"item": args.item}, "Rencana dibatalkan.")
    return 0


def cmd_done(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.development_service import report_done

    when = day(args.tanggal, "Tanggal selesai")
    assert when is not None
    report_done(ctx.db, ctx.user, args.item, when, certificate=args.sertifikat, note=args.catatan)
    ctx.out({"item": args.item, "completed_on": str(when)}, "Penyelesaian dilaporkan.")
    return 0


def cmd_record(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.development_service import add_item

    iid = add_item(ctx.db, ctx.user, employee_id(ctx.db, args.nip), args.year, source="ADMIN",
                   completed_on=day(args.tanggal_selesai, "Tanggal selesai"), **_fields(args))  # type: ignore[arg-type]
    ctx.out({"item": iid}, f"Pelatihan tercatat ({iid[:8]}).")
    return 0


def cmd_recap(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.development_service import export_recap, jp_recap

    rec = jp_recap(ctx.db, ctx.user, args.year, unit_code=args.unit)
    lines = [f"Pengembangan kompetensi {args.year} — {rec.scope}: {len(rec.below)} dari {len(rec.lines)} PNS di bawah "
             f"{JP_PER_YEAR} JP"]
    for u in rec.units():
        average = f"{u.average:.1f}".replace(".", ",")
        lines.append(f"  {u.code:<12} {u.name[:40]:<40} {u.people:>4} PNS  {u.below:>4} kurang  rata-rata {average} JP")
    shown = rec.below if args.kurang else rec.lines
    lines.append("Per pegawai:")
    for x in shown[:MAX_LINES]:
        lines.append(f"  {x.nip:<18} {x.nama[:32]:<32} {jp(x.jp_done):>5} JP"
                     + (f"  kurang {jp(x.shortfall)} JP" if x.below else "")
                     + (f"  {x.items_late} terlambat" if x.items_late else ""))
    if args.xlsx:
        export_recap(rec, args.xlsx)
        lines.append(f"XLSX ditulis ke {args.xlsx}.")
    if args.out:
        from pathlib import Path

        from kinerja_desktop.documents.page_setup import PageSetup
        from kinerja_desktop.documents.render import render
        from kinerja_desktop.documents.tindak_lanjut_print import jp_recap_sheet

        doc = render(jp_recap_sheet(ctx.db, ctx.user, rec), PageSetup(paper=args.paper))
        Path(args.out).write_bytes(doc.pdf)
        lines.append(f"PDF ditulis ke {args.out} ({doc.page_count} halaman).")
    ctx.out(rec.as_dict(), "\n".join(lines))
    return 0
