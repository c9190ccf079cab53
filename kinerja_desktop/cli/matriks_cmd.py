"""`kinerja matriks` and `kinerja penugasan`: the matriks peran hasil, draft RHK, RHK import, a year with changes.

  kinerja --user NIP matriks lihat --year 2026 [--nip PIMPINAN]
  kinerja --user NIP matriks isi --year 2026 --rhk A.1 --nip STAF --rhk-pegawai "..." [--peran P]
                                [--indikator "KUANTITAS|Jumlah berkas|240 berkas" ...] [--tim "Nama tim"]
  kinerja --user NIP matriks kosongkan --year 2026 --rhk A.1 --nip STAF
  kinerja --user NIP matriks tim --year 2026 --nama "Tim ..." --anggota NIP[=peran] ... [--uraian TEKS]
  kinerja --user NIP matriks cetak --year 2026 --out matriks.pdf [--nip PIMPINAN]
  kinerja --user NIP matriks usulan --year 2026                      # draft RHK in my SKP
  kinerja --user NIP matriks terima ID [--year 2026] [--rhk-pegawai "teks yang diubah"]
  kinerja --user NIP matriks tolak ID [--year 2026]
  kinerja --user admin matriks impor FILE --year 2026 [--dry-run] [--skip-bad]
  kinerja matriks impor-templat FILE.xlsx|FILE.csv

  kinerja --user admin penugasan catat --nip NIP --jenis MUTASI|PROMOSI|GANTI_PENILAI|PLT|PLH --tmt 2026-07-01
                                       [--selesai 2026-09-30] [--jabatan J] [--unit KODE] [--penilai NIP] [--sk NO]
  kinerja --user NIP penugasan daftar --year 2026 [--nip NIP]
  kinerja --user NIP penugasan buka-skp ID
  kinerja --user NIP penugasan cetak ID [--jenis skp|evaluasi|dokumen-evaluasi] [--period tw2] [--skp-lama] --out F
  kinerja --user NIP penugasan tahunan --year 2026 --nip NIP [--terapkan]
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.domain.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("matriks", help="matriks peran hasil, tim kerja, usulan RHK untuk SKP, impor RHK")
    msub = p.add_subparsers(dest="matriks_command", required=True, metavar="SUB")
    q = msub.add_parser("lihat", help="tampilkan matriks peran hasil pimpinan unit")
    q.add_argument("--year", type=int, required=True, metavar="Y")
    q.add_argument("--nip", metavar="NIP", help="NIP pimpinan (bawaan: diri sendiri)")
    q.set_defaults(func=cmd_show)
    q = msub.add_parser("isi", help="isi satu sel: peran dan RHK usulan untuk seorang pegawai")
    q.add_argument("--year", type=int, required=True, metavar="Y")
    q.add_argument("--rhk", required=True, metavar="NOMOR", help="nomor RHK pimpinan seperti di matriks, mis. A.1")
    q.add_argument("--nip", required=True, metavar="NIP", help="NIP pegawai (bawahan atau anggota tim kerja)")
    q.add_argument("--rhk-pegawai", required=True, metavar="TEKS", help="RHK yang diusulkan kepada pegawai")
    q.add_argument("--peran", default="", metavar="TEKS")
    q.add_argument("--jenis", choices=("UTAMA", "TAMBAHAN"), default="UTAMA")
    q.add_argument("--indikator", action="append", default=[], metavar="ASPEK|TEKS|TARGET",
                   help="indikator usulan (boleh berulang), mis. \"KUANTITAS|Jumlah berkas|240 berkas\"")
    q.add_argument("--tim", metavar="NAMA", help="nama tim kerja (yang Anda pimpin) tempat peran ini")
    q.set_defaults(func=cmd_fill)
    q = msub.add_parser("kosongkan", help="hapus isian satu sel matriks")
    q.add_argument("--year", type=int, required=True, metavar="Y")
    q.add_argument("--rhk", required=True, metavar="NOMOR")
    q.add_argument("--nip", required=True, metavar="NIP")
    q.set_defaults(func=cmd_clear)
    q = msub.add_parser("tim", help="buat atau ubah tim kerja yang Anda pimpin (anggota boleh lintas unit)")
    q.add_argument("--year", type=int, required=True, metavar="Y")
    q.add_argument("--nama", required=True, metavar="NAMA")
    q.add_argument("--anggota", action="append", default=[], metavar="NIP[=PERAN]")
    q.add_argument("--uraian", default="", metavar="TEKS")
    q.set_defaults(func=cmd_team)
    q = msub.add_parser("cetak", help="cetak matriks peran hasil sebagai PDF")
    q.add_argument("--year", type=int, required=True, metavar="Y")
    q.add_argument("--nip", metavar="NIP", help="NIP pimpinan (bawaan: diri sendiri)")
    q.add_argument("--out", required=True, metavar="FILE")
    q.add_argument("--paper", default="A4", metavar="A4|F4")
    q.set_defaults(func=cmd_print)
    q = msub.add_parser("usulan", help="usulan RHK (dari matriks pimpinan atau impor) untuk SKP Anda")
    q.add_argument("--year", type=int, required=True, metavar="Y")
    q.set_defaults(func=cmd_drafts)
    q = msub.add_parser("terima", help="terima usulan RHK ke SKP Anda (boleh diubah dahulu)")
    q.add_argument("id", metavar="ID", help="nomor usulan dari 'matriks usulan' (awalannya cukup)")
    q.add_argument("--year", type=int, default=date.today().year, metavar="Y")
    q.add_argument("--rhk-pegawai", metavar="TEKS", help="teks RHK yang sudah disesuaikan")
    q.set_defaults(func=cmd_accept)
    q = msub.add_parser("tolak", help="tolak usulan RHK")
    q.add_argument("id", metavar="ID")
    q.add_argument("--year", type=int, default=date.today().year, metavar="Y")
    q.set_defaults(func=cmd_decline)
    q = msub.add_parser("impor", help="impor RHK guru/jabatan fungsional dari CSV/XLSX (lihat impor-templat)")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--year", type=int, required=True, metavar="Y")
    q.add_argument("--dry-run", action="store_true", help="periksa saja, tidak menyimpan")
    q.add_argument("--skip-bad", action="store_true", help="simpan baris yang benar, lewati yang salah")
    q.set_defaults(func=cmd_import)
    q = msub.add_parser("impor-templat", help="tulis templat impor RHK (.xlsx atau .csv)")
    q.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_template)

    p = sub.add_parser("penugasan", help="mutasi, promosi, ganti penilai, Plt./Plh. dalam setahun")
    psub = p.add_subparsers(dest="penugasan_command", required=True, metavar="SUB")
    q = psub.add_parser("catat", help="catat penugasan dari SK (admin)")
    q.add_argument("--nip", required=True, metavar="NIP")
    q.add_argument("--jenis", required=True, choices=("MUTASI", "PROMOSI", "GANTI_PENILAI", "PLT", "PLH"))
    q.add_argument("--tmt", required=True, metavar="YYYY-MM-DD")
    q.add_argument("--selesai", metavar="YYYY-MM-DD", help="hari terakhir Plt./Plh.")
    q.add_argument("--jabatan", default="", metavar="TEKS")
    q.add_argument("--unit", metavar="KODE")
    q.add_argument("--penilai", metavar="NIP", help="pejabat penilai pada penugasan ini")
    q.add_argument("--sk", default="", metavar="NOMOR")
    q.set_defaults(func=cmd_record)
    q = psub.add_parser("daftar", help="penugasan pegawai pada tahun itu")
    q.add_argument("--year", type=int, required=True, metavar="Y")
    q.add_argument("--nip", metavar="NIP", help="bawaan: diri sendiri")
    q.set_defaults(func=cmd_list)
    q = psub.add_parser("buka-skp", help="buka SKP untuk penugasan (oleh pegawai yang bersangkutan)")
    q.add_argument("id", metavar="ID")
    q.set_defaults(func=cmd_open)
    q = psub.add_parser("cetak", help="cetak SKP atau evaluasi dari SKP penugasan (Plt./Plh., atau SKP jabatan lama)")
    q.add_argument("id", metavar="ID")
    q.add_argument("--jenis", choices=("skp", "evaluasi", "dokumen-evaluasi"), default="skp")
    q.add_argument("--period", default="tahunan", metavar="P", help="evaluasi: tw1..tw4 atau tahunan")
    q.add_argument("--skp-lama", action="store_true", help="SKP yang ditutup oleh mutasi/promosi/ganti penilai ini")
    q.add_argument("--out", required=True, metavar="FILE")
    q.set_defaults(func=cmd_print_assignment)
    q = psub.add_parser("tahunan", help="SKP dalam setahun dan evaluasi tahunan gabungannya")
    q.add_argument("--year", type=int, required=True, metavar="Y")
    q.add_argument("--nip", required=True, metavar="NIP")
    q.add_argument("--terapkan", action="store_true",
                   help="pejabat penilai terakhir: tulis rating gabungan ke evaluasi tahunan SKP sekarang")
    q.set_defaults(func=cmd_annual)


# ----------------------------------------------------------------------------- helpers


def _day(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{what} harus tanggal TTTT-BB-HH, mis. 2026-07-01, bukan '{text}'.") from None


def _indicators(items: list[str]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        parts = item.split("|")
        if len(parts) != 3:
            raise ValidationError(f"Tulis --indikator \"ASPEK|TEKS|TARGET\", bukan '{item}'.", field="indikator")
        out.append({"aspek": parts[0].strip() or None, "text": parts[1].strip(), "target": parts[2].strip()})
    return out


def _row(m: Any, number: str) -> Any:
    row = next((r for r in m.rows if r.number.casefold() == number.strip().casefold()), None)
    if row is None:
        numbers = ", ".join(r.number for r in m.rows) or "(SKP Anda belum memiliki RHK)"
        raise ValidationError(f"RHK nomor {number} tidak ada; nomor yang ada: {numbers}.", field="rhk")
    return row


def _own_plan(ctx: CliContext, year: int) -> str:
    from kinerja_desktop.services import plan_service

    if not ctx.user.employee_id:
        raise ValidationError("Akun ini tidak terhubung dengan pegawai.")
    plan_id = plan_service.current_plan_id(ctx.db, ctx.user.employee_id, year)
    if plan_id is None:
        raise ValidationError(f"Anda belum memiliki SKP tahun {year}.")
    return plan_id


def _draft_id(ctx: CliContext, plan_id: str, prefix: str) -> str:
    from kinerja_desktop.services import role_matrix_service as rm

    found = [d.id for d in rm.drafts_for_plan(ctx.db, ctx.user, plan_id) if d.id.startswith(prefix.strip())]
    if len(found) != 1:
        raise ValidationError("Usulan tidak ditemukan." if not found else "Awalan itu cocok dengan lebih dari satu "
                              "usulan; tulis lebih panjang.", field="ID")
    return found[0]


# ----------------------------------------------------------------------------- matriks


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import role_matrix_service as rm

    m = rm.matrix(ctx.db, ctx.user, args.year, ctx.employee_id(args.nip) if args.nip else None)
    lines = [f"Matriks peran hasil {m.head_name} — {m.unit} — {m.year} ({m.filled} isian)"]
    names = {p.employee_id: p.name for p in m.people}
    for r in m.rows:
        lines.append(f"{r.number} {r.text}")
        for c in r.cells.values():
            tim = f" [tim {c.tim_kerja}]" if c.tim_kerja else ""
            lines.append(f"    - {names.get(c.employee_id, '?')}: {c.peran or '-'}{tim} -> {c.text} "
                         f"({rm.STATUS_LABELS[c.status]})")
    lines.append("Pegawai: " + "; ".join(f"{p.name} ({p.via})" for p in m.people))
    data = {"head": m.head_name, "year": m.year, "rows": [
        {"number": r.number, "text": r.text, "cells": [
            {"nip": next((p.nip for p in m.people if p.employee_id == c.employee_id), ""), "peran": c.peran,
             "rhk": c.text, "status": c.status, "tim": c.tim_kerja} for c in r.cells.values()]} for r in m.rows]}
    ctx.out(data, "\n".join(lines))
    return 0


def cmd_fill(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import role_matrix_service as rm

    m = rm.matrix(ctx.db, ctx.user, args.year)
    row = _row(m, args.rhk)
    team = None
    if args.tim:
        team = next((t.id for t in m.teams if t.name.casefold() == args.tim.strip().casefold()), None)
        if team is None:
            raise ValidationError(f"Tim kerja “{args.tim}” tidak ada di antara tim yang Anda pimpin.", field="tim")
    cell = rm.set_cell(ctx.db, ctx.user, row.rhk_id, ctx.employee_id(args.nip), peran=args.peran,
                       text=args.rhk_pegawai, indicators=_indicators(args.indikator), kind=args.jenis,
                       tim_kerja_id=team)
    ctx.out({"id": cell}, f"Tersimpan: {row.number} untuk NIP {args.nip}.")
    return 0


def cmd_clear(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import role_matrix_service as rm

    m = rm.matrix(ctx.db, ctx.user, args.year)
    cell = _row(m, args.rhk).cells.get(ctx.employee_id(args.nip))
    if cell is None:
        raise ValidationError("Sel itu memang kosong.")
    rm.remove_cell(ctx.db, ctx.user, cell.id)
    ctx.out({"id": cell.id}, "Isian dihapus.")
    return 0


def cmd_team(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import role_matrix_service as rm

    members = []
    for item in args.anggota:
        nip, _sep, peran = item.partition("=")
        members.append((ctx.employee_id(nip), peran or "Anggota"))
    existing = next((t.id for t in rm.teams(ctx.db, ctx.user, args.year)
                     if t.name.casefold() == args.nama.strip().casefold()), None)
    team = rm.save_team(ctx.db, ctx.user, args.year, args.nama, members, description=args.uraian, team_id=existing)
    ctx.out({"id": team}, f"Tim kerja “{args.nama}” tersimpan ({len(members)} anggota).")
    return 0


def cmd_print(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.page_setup import PageSetup, parse_paper
    from kinerja_desktop.documents.print_service import PrintJob, print_documents

    ids = (ctx.employee_id(args.nip),) if args.nip else ()
    job = PrintJob(kind="matriks", year=args.year, out=Path(args.out), employee_ids=ids,
                   setup=PageSetup(paper=parse_paper(args.paper)))
    result = print_documents(ctx.db, ctx.user, job)
    if result.failures:
        raise ValidationError("; ".join(f.message for f in result.failures))
    ctx.out({"file": str(result.files[0]), "pages": result.pages},
            f"Disimpan: {result.files[0]} ({result.pages} halaman).")
    return 0


def cmd_drafts(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import role_matrix_service as rm

    drafts = rm.drafts_for_plan(ctx.db, ctx.user, _own_plan(ctx, args.year))
    lines = [f"{d.id[:8]}  [{d.status_label}] {d.text}  <- {d.parent_text or '-'} (dari {d.offered_by})"
             for d in drafts] or ["Tidak ada usulan RHK untuk SKP Anda."]
    ctx.out([{"id": d.id, "status": d.status, "text": d.text, "parent": d.parent_text, "source": d.source}
             for d in drafts], "\n".join(lines))
    return 0


def cmd_accept(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import role_matrix_service as rm

    plan = _own_plan(ctx, args.year)
    rhk = rm.accept_draft(ctx.db, ctx.user, plan, _draft_id(ctx, plan, args.id), text=args.rhk_pegawai)
    ctx.out({"rhk_id": rhk}, "Usulan diterima ke SKP Anda.")
    return 0


def cmd_decline(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import role_matrix_service as rm

    plan = _own_plan(ctx, args.year)
    rm.decline_draft(ctx.db, ctx.user, plan, _draft_id(ctx, plan, args.id))
    ctx.out({"ok": True}, "Usulan ditolak.")
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.rhk_import_service import import_rhk

    result = import_rhk(ctx.db, ctx.user, args.file, args.year, dry_run=args.dry_run, skip_bad=args.skip_bad)
    lines = [result.summary(), *[p.describe() for p in result.problems]]
    ctx.out(result.as_dict(), "\n".join(lines))
    return 0 if result.ok or (result.imported and args.skip_bad) else 1


def cmd_template(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.rhk_import_service import write_template

    path = write_template(args.file)
    ctx.out({"file": str(path)}, f"Templat ditulis: {path}")
    return 0


# ----------------------------------------------------------------------------- penugasan


def cmd_record(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import penugasan_service as ps
    from kinerja_desktop.services.query_service import unit_id_by_code

    tmt = _day(args.tmt, "--tmt")
    assert tmt is not None
    unit_id = None
    if args.unit:
        unit_id = unit_id_by_code(ctx.db, args.unit)
        if unit_id is None:
            raise ValidationError(f"Unit {args.unit} tidak ada.", field="unit")
    pid = ps.record_penugasan(ctx.db, ctx.user, ctx.employee_id(args.nip), args.jenis, tmt,
                              end_date=_day(args.selesai, "--selesai"), jabatan=args.jabatan, unit_id=unit_id,
                              penilai_id=ctx.employee_id(args.penilai) if args.penilai else None, nomor_sk=args.sk)
    ctx.out({"id": pid}, f"Penugasan tercatat ({pid[:8]}). Pegawai membuka SKP-nya dengan: kinerja penugasan "
            f"buka-skp {pid[:8]}")
    return 0


def _penugasan_id(ctx: CliContext, prefix: str) -> str:
    from sqlalchemy import select

    from kinerja_desktop.store.models_peran import Penugasan

    with ctx.db.reader() as s:
        found = s.scalars(select(Penugasan.id).where(Penugasan.id.startswith(prefix.strip()),
                                                     Penugasan.deleted.is_(False))).all()
    if len(found) != 1:
        raise ValidationError("Penugasan tidak ditemukan." if not found else "Awalan itu cocok dengan lebih dari "
                              "satu penugasan; tulis lebih panjang.", field="ID")
    return str(found[0])


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import penugasan_service as ps

    rows = ps.list_penugasan(ctx.db, ctx.user, ctx.employee_id(args.nip), args.year)
    lines = [f"{r.id[:8]}  {r.kind_label}  TMT {r.tmt:%d-%m-%Y}"
             + (f" s.d. {r.end_date:%d-%m-%Y}" if r.end_date else "")
             + f"  {r.jabatan or '-'}  penilai {r.penilai or '-'}  SK {r.nomor_sk or '-'}"
             + ("  [SKP dibuka]" if r.plan_id else "  [SKP belum dibuka]") for r in rows]
    ctx.out([{"id": r.id, "kind": r.kind, "tmt": r.tmt.isoformat(), "plan_id": r.plan_id} for r in rows],
            "\n".join(lines) or "Tidak ada penugasan pada tahun itu.")
    return 0


def cmd_open(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import penugasan_service as ps

    plan = ps.open_plan(ctx.db, ctx.user, _penugasan_id(ctx, args.id))
    ctx.out({"plan_id": plan}, f"SKP untuk penugasan ini terbuka ({plan[:8]}); susun RHK-nya seperti biasa.")
    return 0


def cmd_print_assignment(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents.print_service import PrintJob, print_documents
    from kinerja_desktop.domain.periods import parse_period
    from kinerja_desktop.store.models_peran import Penugasan

    with ctx.db.reader() as s:
        row = s.get(Penugasan, _penugasan_id(ctx, args.id))
        assert row is not None
        plan_id = row.closed_plan_id if args.skp_lama else row.plan_id
        employee_id, year = row.employee_id, row.year
    if not plan_id:
        raise ValidationError("SKP lama tidak ada untuk penugasan ini." if args.skp_lama else
                              "SKP untuk penugasan ini belum dibuka (kinerja penugasan buka-skp ID).")
    period = "TAHUNAN" if args.jenis == "skp" else parse_period(args.period).code
    result = print_documents(ctx.db, ctx.user, PrintJob(kind=args.jenis, year=year, out=Path(args.out), period=period,
                                                        employee_ids=(employee_id,), plan_id=plan_id))
    if result.failures:
        raise ValidationError("; ".join(f.message for f in result.failures))
    ctx.out({"file": str(result.files[0]), "pages": result.pages},
            f"Disimpan: {result.files[0]} ({result.pages} halaman).")
    return 0


def cmd_annual(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services import penugasan_service as ps

    eid = ctx.employee_id(args.nip)
    if args.terapkan:
        ps.apply_annual(ctx.db, ctx.user, eid, args.year)
    view = ps.year_overview(ctx.db, ctx.user, eid, args.year)
    lines = [f"{g.label}: {g.start:%d-%m-%Y} s.d. {g.end:%d-%m-%Y}, penilai {g.penilai or '-'}, evaluasi penutup "
             f"{g.closing_period} ({g.evaluation_status}) {g.hasil or '-'}/{g.perilaku or '-'}" for g in view.segments]
    lines += [f"{a.kind_label}: {a.jabatan} TMT {a.tmt:%d-%m-%Y}" for a in view.acting]
    combo = view.combination
    if combo is not None:
        lines.append(combo.explain())
        if combo.predikat:
            lines.append(f"Predikat tahunan: {combo.predikat.label}")
    lines += view.notes
    ctx.out({"rule": view.rule, "segments": [
        {"start": g.start.isoformat(), "end": g.end.isoformat(), "period": g.closing_period, "hasil": g.hasil,
         "perilaku": g.perilaku} for g in view.segments],
        "hasil": combo.hasil.value if combo and combo.hasil else None,
        "perilaku": combo.perilaku.value if combo and combo.perilaku else None,
        "predikat": combo.predikat.value if combo and combo.predikat else None}, "\n".join(lines))
    return 0
