"""`kinerja harian` (progres harian) and `kinerja rencana-aksi`: the same services as the Progres Harian page.

  kinerja --user NIP harian tulis "Memverifikasi 12 berkas" [--tanggal 2026-11-20] [--jam 2] [--aksi ID | --rhk ID]
  kinerja --user NIP harian lihat [--tanggal D] [--sampai D] [--pegawai NIP]
  kinerja --user NIP harian ubah ID [--teks ...] [--jam N]  |  harian hapus ID  |  harian bukti ID BERKAS
  kinerja --user PENILAI harian umpan-balik ID "Lampirkan bukti"  |  harian minggu [--tanggal D]
  kinerja --user NIP harian rekap --tahun 2026 --bulan 11 [--pegawai NIP | --unit KODE] [--out rekap.pdf|.xlsx]
  kinerja --user admin harian kalender [--hari-kerja 1-5] [--batas 1] [--impor libur.xlsx]
                                        [--libur 2026-12-25=Natal] [--hapus-libur 2026-12-25]
  kinerja --user NIP rencana-aksi daftar [--periode B11] [--tahun 2026] [--pegawai NIP]
  kinerja --user NIP rencana-aksi tambah --rhk ID --periode B11 "Verifikasi berkas" [--target 4 --satuan berkas]
                                          [--indikator ID]
  kinerja --user NIP rencana-aksi realisasi ID "5 berkas" [--catatan ...]  |  rencana-aksi bukti ID BERKAS
  kinerja --user NIP rencana-aksi hapus ID  |  rencana-aksi salin --periode B11 [--tahun 2026]
  kinerja --user NIP rencana-aksi hitung --indikator ID --periode TW4   (realisasi indikator dari rencana aksi)
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.context import CliContext


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal '{text}' tidak dikenal; tulis TTTT-BB-HH, mis. 2026-11-20") from None


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    h = sub.add_parser("harian", help="progres harian: tulis, lihat, umpan balik, rekap bulanan, kalender kerja")
    hs = h.add_subparsers(dest="harian_command", required=True, metavar="SUB")
    p = hs.add_parser("tulis", help="tulis satu baris progres (bawaan: hari ini)")
    p.add_argument("teks", metavar="TEKS")
    p.add_argument("--tanggal", type=_date, metavar="TTTT-BB-HH")
    p.add_argument("--jam", metavar="N", help="jam kerja (boleh desimal)")
    p.add_argument("--aksi", metavar="ID", help="rencana aksi yang dikerjakan")
    p.add_argument("--rhk", metavar="ID", help="RHK yang dikerjakan")
    p.set_defaults(func=cmd_write)
    p = hs.add_parser("lihat", help="progres seorang pegawai (bawaan: Anda sendiri, hari ini)")
    p.add_argument("--tanggal", type=_date, metavar="TTTT-BB-HH")
    p.add_argument("--sampai", type=_date, metavar="TTTT-BB-HH")
    p.add_argument("--pegawai", metavar="NIP")
    p.set_defaults(func=cmd_show)
    p = hs.add_parser("ubah", help="ubah progres Anda")
    p.add_argument("entry", metavar="ID")
    p.add_argument("--teks")
    p.add_argument("--jam", metavar="N")
    p.set_defaults(func=cmd_edit)
    p = hs.add_parser("hapus", help="hapus progres Anda")
    p.add_argument("entry", metavar="ID")
    p.set_defaults(func=cmd_delete)
    p = hs.add_parser("bukti", help="lampirkan berkas bukti pada progres Anda")
    p.add_argument("entry", metavar="ID")
    p.add_argument("file", metavar="BERKAS")
    p.set_defaults(func=cmd_evidence)
    p = hs.add_parser("umpan-balik", help="umpan balik pejabat penilai pada satu progres (teks kosong: hapus)")
    p.add_argument("entry", metavar="ID")
    p.add_argument("teks", metavar="TEKS")
    p.set_defaults(func=cmd_feedback)
    p = hs.add_parser("minggu", help="ringkasan mingguan tim Anda: siapa mengisi apa, siapa belum")
    p.add_argument("--tanggal", type=_date, metavar="TTTT-BB-HH", help="hari dalam minggu itu (bawaan: hari ini)")
    p.set_defaults(func=cmd_week)
    p = hs.add_parser("rekap", help="rekap bulanan per pegawai atau per unit (layar, PDF, atau XLSX)")
    p.add_argument("--tahun", type=int, default=date.today().year, metavar="Y")
    p.add_argument("--bulan", type=int, default=date.today().month, metavar="1-12")
    p.add_argument("--pegawai", metavar="NIP")
    p.add_argument("--unit", metavar="KODE")
    p.add_argument("--out", metavar="BERKAS", help="berkas .pdf atau .xlsx")
    p.add_argument("--paper", choices=("A4", "F4"), default="A4")
    p.set_defaults(func=cmd_recap)
    p = hs.add_parser("kalender", help="kalender kerja instansi: hari kerja, hari libur, batas pengisian")
    p.add_argument("--hari-kerja", metavar="HARI", help="mis. 1-5 (Senin-Jumat) atau 1-6")
    p.add_argument("--batas", metavar="N", help="batas pengisian (hari kerja setelah harinya)")
    p.add_argument("--impor", metavar="BERKAS", help="impor hari libur dari CSV/XLSX (tanggal, keterangan)")
    p.add_argument("--libur", action="append", metavar="TANGGAL=NAMA", help="tambah hari libur (boleh berulang)")
    p.add_argument("--hapus-libur", action="append", type=_date, metavar="TANGGAL")
    p.add_argument("--tahun", type=int, metavar="Y", help="hanya tampilkan libur tahun ini")
    p.set_defaults(func=cmd_calendar)

    r = sub.add_parser("rencana-aksi", help="rencana aksi per RHK dan periode: susun, realisasi, salin, hitung")
    rs = r.add_subparsers(dest="ra_command", required=True, metavar="SUB")
    p = rs.add_parser("daftar", help="rencana aksi SKP Anda (atau --pegawai NIP)")
    p.add_argument("--periode", metavar="P", help="B01..B12 atau TW1..TW4 (bawaan: semua)")
    p.add_argument("--tahun", type=int, default=date.today().year, metavar="Y")
    p.add_argument("--pegawai", metavar="NIP")
    p.set_defaults(func=cmd_ra_list)
    p = rs.add_parser("tambah", help="tambah rencana aksi pada sebuah RHK")
    p.add_argument("teks", metavar="TEKS")
    p.add_argument("--rhk", required=True, metavar="ID")
    p.add_argument("--periode", required=True, metavar="P")
    p.add_argument("--indikator", metavar="ID", help="indikator yang realisasinya dihitung dari rencana aksi ini")
    p.add_argument("--target", metavar="N")
    p.add_argument("--satuan", default="", metavar="S")
    p.set_defaults(func=cmd_ra_add)
    p = rs.add_parser("realisasi", help="isi realisasi rencana aksi (angka di depan dihitung)")
    p.add_argument("action", metavar="ID")
    p.add_argument("nilai", metavar="NILAI")
    p.add_argument("--catatan")
    p.set_defaults(func=cmd_ra_realise)
    p = rs.add_parser("bukti", help="lampirkan berkas bukti pada rencana aksi")
    p.add_argument("action", metavar="ID")
    p.add_argument("file", metavar="BERKAS")
    p.set_defaults(func=cmd_ra_evidence)
    p = rs.add_parser("hapus", help="hapus rencana aksi")
    p.add_argument("action", metavar="ID")
    p.set_defaults(func=cmd_ra_delete)
    p = rs.add_parser("salin", help="salin semua rencana aksi sebuah periode ke periode berikutnya")
    p.add_argument("--periode", required=True, metavar="P")
    p.add_argument("--tahun", type=int, default=date.today().year, metavar="Y")
    p.set_defaults(func=cmd_ra_copy)
    p = rs.add_parser("hitung", help="hitung realisasi indikator untuk periode evaluasi dari rencana aksinya")
    p.add_argument("--indikator", required=True, metavar="ID")
    p.add_argument("--periode", required=True, metavar="P", help="periode evaluasi, mis. TW4")
    p.set_defaults(func=cmd_ra_compute)


# ----------------------------------------------------------------------------- helpers


def _employee(ctx: CliContext, nip: str | None) -> str | None:
    if not nip:
        return None
    from sqlalchemy import select

    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.store.models import Employee

    with ctx.db.reader() as s:
        found = s.scalars(select(Employee.id).where(Employee.nip == nip.replace(" ", ""))).first()
    if found is None:
        raise ValidationError(f"Pegawai dengan NIP {nip} tidak ditemukan.", field="--pegawai")
    return str(found)


def _entry_line(e: Any) -> str:
    extra = "".join([f" ({e.hours:g} jam)" if e.hours else "", " [terlambat]" if e.late else "",
                     f" — {e.link_text}" if e.link_text else "", f" [bukti: {e.filename}]" if e.filename else ""])
    fb = f"\n      umpan balik: {e.umpan_balik}" if e.umpan_balik else ""
    return f"{e.day:%d-%m-%Y}  {e.text}{extra}  [{e.id}]{fb}"


def _entry_json(e: Any) -> dict[str, Any]:
    return {**e.__dict__, "day": e.day.isoformat(), "written_on": e.written_on.isoformat() if e.written_on else None}


# ----------------------------------------------------------------------------- harian


def cmd_write(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.daily_log_service import add_entry, entries

    day = args.tanggal or date.today()
    eid = add_entry(ctx.db, ctx.user, day, args.teks, hours=args.jam, rhk_id=args.rhk, rencana_aksi_id=args.aksi)
    entry = next(e for e in entries(ctx.db, ctx.user, None, day) if e.id == eid)
    ctx.out(_entry_json(entry), "Tersimpan: " + _entry_line(entry))
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.daily_log_service import entries

    start = args.tanggal or date.today()
    rows = entries(ctx.db, ctx.user, _employee(ctx, args.pegawai), start, args.sampai or start)
    ctx.out([_entry_json(e) for e in rows], "\n".join(_entry_line(e) for e in rows) or "Belum ada progres.")
    return 0


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.daily_log_service import update_entry

    kwargs: dict[str, Any] = {"text": args.teks}
    if args.jam is not None:
        kwargs["hours"] = args.jam
    update_entry(ctx.db, ctx.user, args.entry, **kwargs)
    ctx.out({"id": args.entry}, "Progres diubah.")
    return 0


def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.daily_log_service import delete_entry

    delete_entry(ctx.db, ctx.user, args.entry)
    ctx.out({"id": args.entry}, "Progres dihapus.")
    return 0


def cmd_evidence(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.daily_log_service import attach_evidence

    sha = attach_evidence(ctx.db, ctx.user, args.entry, args.file)
    ctx.out({"id": args.entry, "sha256": sha}, f"Bukti {Path(args.file).name} dilampirkan.")
    return 0


def cmd_feedback(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.daily_log_service import set_feedback

    set_feedback(ctx.db, ctx.user, args.entry, args.teks)
    ctx.out({"id": args.entry}, "Umpan balik disimpan." if args.teks.strip() else "Umpan balik dihapus.")
    return 0


def cmd_week(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.working_days import DAY_NAMES
    from kinerja_desktop.services.daily_log_service import team_week

    week = team_week(ctx.db, ctx.user, args.tanggal or date.today())
    lines = [f"Minggu {week.days[0]:%d-%m-%Y} s.d. {week.days[-1]:%d-%m-%Y} — {len(week.members)} pegawai"]
    data = []
    for m in week.members:
        gaps = [f"{DAY_NAMES[d.day.weekday()][:3]} {d.day.day}" for d in m.days if d.missing]
        lines.append(f"\n{m.nama} (NIP {m.nip or '-'}): {m.logged} hari diisi, {m.late} terlambat"
                     + (f"; belum: {', '.join(gaps)}" if gaps else ""))
        lines += [f"  {_entry_line(e)}" for e in week.entries.get(m.employee_id, [])]
        data.append({**m.as_dict(), "belum": [d.day.isoformat() for d in m.days if d.missing],
                     "progres": [_entry_json(e) for e in week.entries.get(m.employee_id, [])]})
    ctx.out(data, "\n".join(lines))
    return 0


def cmd_recap(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services.daily_log_service import month_recap, write_recap_xlsx

    unit_id = None
    if args.unit:
        from kinerja_desktop.documents.print_scope import resolve_unit

        unit_id = resolve_unit(ctx.db, args.unit)[0]
    rec = month_recap(ctx.db, ctx.user, args.tahun, args.bulan, employee_id=_employee(ctx, args.pegawai),
                      unit_id=unit_id)
    if args.out:
        out = Path(args.out)
        if out.suffix.lower() == ".xlsx":
            write_recap_xlsx(rec, out)
        elif out.suffix.lower() == ".pdf":
            from kinerja_desktop.documents.page_setup import PageSetup
            from kinerja_desktop.documents.print_service import PrintJob, print_documents

            job = PrintJob(kind="rekap-harian", year=args.tahun, period=f"B{args.bulan:02d}", out=out,
                           employee_ids=tuple(p.employee_id for p in rec.people) if not unit_id else (),
                           unit_id=unit_id, setup=PageSetup(paper=args.paper), here=True)
            print_documents(ctx.db, ctx.user, job)
        else:
            raise ValidationError("Berkas rekap harus .pdf atau .xlsx.", field="--out")
    lines = [f"Rekap progres harian {rec.scope}, {args.bulan:02d}-{args.tahun}",
             f"{'NAMA':<40} {'HARI KERJA':>10} {'DIISI':>6} {'TERLAMBAT':>9} {'TIDAK DIISI':>11}"]
    lines += [f"{m.nama[:40]:<40} {m.working_days:>10} {m.logged:>6} {m.late:>9} {m.missing:>11}" for m in rec.people]
    if args.out:
        lines.append(f"Disimpan: {args.out}")
    ctx.out([m.as_dict() for m in rec.people], "\n".join(lines))
    return 0


def cmd_calendar(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.domain.working_days import DAY_NAMES
    from kinerja_desktop.services import calendar_service as cs

    notes = []
    if args.hari_kerja:
        cs.set_work_weekdays(ctx.db, ctx.user, args.hari_kerja)
    if args.batas is not None:
        cs.set_late_window(ctx.db, ctx.user, args.batas)
    if args.impor:
        notes.append(cs.import_holidays(ctx.db, ctx.user, args.impor))
    for item in args.libur or []:
        day, sep, name = item.partition("=")
        if not sep:
            raise ValidationError(f"Tulis --libur TANGGAL=NAMA, bukan '{item}'.", field="--libur")
        cs.set_holiday(ctx.db, ctx.user, _date(day), name)
    for day in args.hapus_libur or []:
        cs.set_holiday(ctx.db, ctx.user, day, None)
    cal, window = cs.calendar_of(ctx.db), cs.late_window(ctx.db)
    holidays = sorted((d, n) for d, n in cal.holidays.items() if not args.tahun or d.year == args.tahun)
    lines = [f"Hari kerja: {', '.join(DAY_NAMES[d - 1] for d in sorted(cal.weekdays))}",
             f"Batas pengisian: {window} hari kerja", f"Hari libur ({len(holidays)}):"]
    lines += [f"  {d:%d-%m-%Y} {DAY_NAMES[d.weekday()]:<7} {n}" for d, n in holidays]
    for result in notes:
        lines.append(result.summary())
        lines += [f"  {p}" for p in result.problems]
    ctx.out({"hari_kerja": sorted(cal.weekdays), "batas_hari": window,
             "libur": [{"date": d.isoformat(), "name": n} for d, n in holidays]}, "\n".join(lines))
    return 1 if any(r.problems for r in notes) else 0


# ----------------------------------------------------------------------------- rencana aksi


def _plan_id(ctx: CliContext, nip: str | None, year: int) -> str:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services.plan_service import current_plan_id

    emp = _employee(ctx, nip) or ctx.user.employee_id
    plan_id = current_plan_id(ctx.db, emp, year) if emp else None
    if plan_id is None:
        raise ValidationError(f"Belum ada SKP tahun {year} untuk pegawai ini.", field="--tahun")
    return plan_id


def cmd_ra_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.action_plan_service import list_actions

    rows = list_actions(ctx.db, ctx.user, _plan_id(ctx, args.pegawai, args.tahun), args.periode)
    lines = [f"{v.period:<4} {v.text}" + (f" | target {v.target_label}" if v.target_label else "")
             + (f" | realisasi {v.realisation_text}" if v.realisation_text else " | belum")
             + (f" | bukti {v.filename}" if v.filename else "") + f"  [{v.id}]" for v in rows]
    ctx.out([v.__dict__ for v in rows], "\n".join(lines) or "Belum ada rencana aksi.")
    return 0


def cmd_ra_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.action_plan_service import add_action

    aid = add_action(ctx.db, ctx.user, args.rhk, args.periode, args.teks, indicator_id=args.indikator,
                     target_value=args.target, target_unit=args.satuan)
    ctx.out({"id": aid}, f"Rencana aksi ditambahkan [{aid}].")
    return 0


def cmd_ra_realise(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.action_plan_service import set_action_realisation

    set_action_realisation(ctx.db, ctx.user, args.action, args.nilai, note=args.catatan)
    ctx.out({"id": args.action}, "Realisasi rencana aksi disimpan.")
    return 0


def cmd_ra_evidence(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.action_plan_service import attach_evidence

    sha = attach_evidence(ctx.db, ctx.user, args.action, args.file)
    ctx.out({"id": args.action, "sha256": sha}, f"Bukti {Path(args.file).name} dilampirkan.")
    return 0


def cmd_ra_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.action_plan_service import delete_action

    delete_action(ctx.db, ctx.user, args.action)
    ctx.out({"id": args.action}, "Rencana aksi dihapus.")
    return 0


def cmd_ra_copy(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.action_plan_service import copy_to_next_period

    target, n = copy_to_next_period(ctx.db, ctx.user, _plan_id(ctx, None, args.tahun), args.periode)
    ctx.out({"period": target, "copied": n}, f"{n} rencana aksi disalin ke {target}.")
    return 0


def cmd_ra_compute(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.realisation_service import realisation_from_actions

    text = realisation_from_actions(ctx.db, ctx.user, args.indikator, args.periode)
    ctx.out({"indicator_id": args.indikator, "value": text}, f"Realisasi {args.periode}: {text}")
    return 0
