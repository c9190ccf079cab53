"""`kinerja skm` (or `kinerja survei`): Survei Kepuasan Masyarakat; `kinerja kiosk`: the survey kiosk."""

from __future__ import annotations

import argparse
from datetime import date

from kinerja_desktop.cli.context import CliContext

MAX_LINES = 200


def _unit_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", required=True, metavar="KODE", help="kode unit pelayanan")
    p.add_argument("--year", type=int, default=date.today().year, metavar="Y", help="tahun (bawaan: tahun ini)")
    p.add_argument("--period", default="TAHUNAN", metavar="P", help="periode survei (bawaan: TAHUNAN)")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    skm = sub.add_parser("skm", aliases=["survei"], help="Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017)")
    ssub = skm.add_subparsers(dest="skm_command", required=True, metavar="SUB")

    p = ssub.add_parser("buka", help="buka (atau ubah) survei sebuah unit untuk tahun dan periode")
    _unit_args(p)
    p.add_argument("--layanan", action="append", metavar="NAMA", help="jenis layanan yang disurvei (boleh berulang)")
    p.add_argument("--populasi", type=int, metavar="N", help="jumlah pengguna layanan dalam periode")
    p.set_defaults(func=cmd_open)

    p = ssub.add_parser("daftar", help="semua survei (atau satu tahun) dengan responden, IKM dan mutu (admin)")
    p.add_argument("--year", type=int, metavar="Y", help="hanya tahun ini")
    p.set_defaults(func=cmd_list)

    p = ssub.add_parser("template", help="tulis templat impor tanggapan (.xlsx atau .csv)")
    p.add_argument("file", metavar="BERKAS")
    p.set_defaults(func=cmd_template)

    p = ssub.add_parser("import", help="impor tanggapan yang diketik dari kuesioner kertas (CSV/XLSX)")
    p.add_argument("file", metavar="BERKAS")
    _unit_args(p)
    p.add_argument("--skip-bad", action="store_true", help="impor baris yang benar, laporkan yang salah")
    p.add_argument("--dry-run", action="store_true", help="periksa saja, tanpa menyimpan")
    p.set_defaults(func=cmd_import)

    p = ssub.add_parser("hasil", help="responden, NRR per unsur, IKM dan mutu pelayanan")
    _unit_args(p)
    p.set_defaults(func=cmd_results)

    p = ssub.add_parser("cetak", help="cetak laporan hasil (atau --kuesioner: kuesioner kosong) sebagai PDF")
    _unit_args(p)
    p.add_argument("--out", required=True, metavar="BERKAS")
    p.add_argument("--paper", default="A4", choices=["A4", "F4"], help="ukuran kertas")
    p.add_argument("--kuesioner", action="store_true", help="kuesioner kertas untuk diisi warga")
    p.set_defaults(func=cmd_print)

    p = ssub.add_parser("ekspor", help="hasil dan semua tanggapan ke XLSX")
    p.add_argument("file", metavar="BERKAS")
    _unit_args(p)
    p.set_defaults(func=cmd_export)

    p = ssub.add_parser("batal", help="batalkan satu tanggapan (dengan alasan); tanggapan tidak pernah diubah")
    p.add_argument("response", metavar="ID")
    p.add_argument("--alasan", required=True)
    p.set_defaults(func=cmd_void)

    p = ssub.add_parser("tautkan", help="ambil realisasi sebuah indikator dari IKM unit (mis. IKI kepala unit)")
    p.add_argument("--indicator", required=True, metavar="ID")
    p.add_argument("--unit", metavar="KODE", help="kode unit; tanpa --unit: lepaskan tautan")
    p.set_defaults(func=cmd_link)

    p = ssub.add_parser("realisasi", help="isi realisasi indikator yang ditautkan dari IKM unitnya")
    p.add_argument("--indicator", required=True, metavar="ID")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--bukti", metavar="BERKAS", help="lampirkan laporan SKM (PDF) sebagai bukti dukung")
    p.set_defaults(func=cmd_apply)

    p = sub.add_parser("kiosk", help="buka kios survei layar penuh untuk warga (masuk sebagai admin)")
    _unit_args(p)
    p.set_defaults(func=cmd_kiosk)


def cmd_open(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.skm_service import open_survey, results_of

    sid = open_survey(ctx.db, ctx.user, args.unit, args.year, args.period, services=args.layanan,
                      population=args.populasi)
    sv = results_of(ctx.db, sid).survey
    need = f"; sampel minimal {sv.required_sample} responden" if sv.required_sample else ""
    ctx.out({"survey": sid, "required_sample": sv.required_sample},
            f"Survei {sv.unit_code} {sv.period.label} {sv.year} dibuka{need}.")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.skm_service import list_surveys

    rows = list_surveys(ctx.db, ctx.user, args.year)
    lines = [f"{len(rows)} survei" + (f" tahun {args.year}" if args.year else "") + "."]
    for r in rows:
        sv = r.survey
        need = f"/{sv.required_sample}" if sv.required_sample else ""
        ikm = (f"IKM {r.ikm:.2f} ({r.mutu.value}, {r.mutu.label})".replace(".", ",")
               if r.ikm is not None and r.mutu is not None else "belum ada IKM")
        state = "berjalan" if sv.status == "OPEN" else "ditutup"
        lines.append(f"  {sv.unit_code:<12} {sv.unit_name[:34]:<34} {sv.period.label:<12} {sv.year}  {state:<8} "
                     f"{r.respondents:>5}{need:<5} responden  {ikm}")
    ctx.out([{"id": r.survey.id, "unit": r.survey.unit_code, "unit_name": r.survey.unit_name, "year": r.survey.year,
              "period": r.survey.period.code, "status": r.survey.status, "respondents": r.respondents,
              "required_sample": r.survey.required_sample, "ikm": float(r.ikm) if r.ikm is not None else None,
              "mutu": r.mutu.value if r.mutu else None} for r in rows], "\n".join(lines))
    return 0


def cmd_template(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.skm_import import write_template

    path = write_template(args.file)
    ctx.out({"template": str(path)}, f"Templat tanggapan ditulis ke {path}.")
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.skm_import import import_responses

    result = import_responses(ctx.db, ctx.user, args.file, args.unit, args.year, args.period,
                              skip_bad=args.skip_bad, dry_run=args.dry_run)
    lines = [result.summary()]
    for title, items in (("Masalah", result.problems), ("Sudah pernah diimpor", result.duplicates),
                         ("Peringatan", result.warnings)):
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines += [f"  {p.describe()}" for p in items[:MAX_LINES]]
    ctx.out(result.as_dict(), "\n".join(lines))
    return 1 if result.problems and not args.skip_bad else 0


def cmd_results(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.skm_service import results

    res = results(ctx.db, ctx.user, args.unit, args.year, args.period)
    sv = res.survey
    lines = [f"Survei Kepuasan Masyarakat {sv.unit_code} {sv.unit_name} — {sv.period.label} {sv.year}",
             f"Responden: {res.result.respondents}" + (f" (sampel minimal {sv.required_sample})"
                                                       if sv.required_sample else "")]
    for u in res.result.unsur:
        lines.append(f"  {u.unsur.code} {u.unsur.name:<42} NRR {float(u.nrr):.3f}".replace(".", ","))
    if res.ikm is not None and res.mutu is not None:
        lines.append(f"IKM: {res.ikm:.2f} — mutu {res.mutu.value} ({res.mutu.label})".replace(".", ","))
        lines.append(f"Unsur terlemah: {res.weakest_text()}")
    else:
        lines.append("IKM: belum dapat dihitung (belum ada tanggapan untuk setiap unsur)")
    if res.change() is not None and res.previous is not None:
        lines.append(f"Dibanding {res.previous[0].period.label} {res.previous[0].year}: {res.change():+.2f}"
                     .replace(".", ","))
    ctx.out(res.as_dict(), "\n".join(lines))
    return 0


def cmd_print(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.documents import skm_print

    if args.kuesioner:
        doc = skm_print.print_form(ctx.db, args.unit, args.year, args.period, args.out, paper=args.paper)
    else:
        doc = skm_print.print_report(ctx.db, ctx.user, args.unit, args.year, args.period, args.out, paper=args.paper)
    ctx.out({"file": str(args.out), "doc_id": doc.doc_id, "pages": doc.page_count},
            f"{doc.title} ditulis ke {args.out} ({doc.page_count} halaman).")
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.skm_import import export_survey
    from kinerja_desktop.services.skm_service import find_survey

    path = export_survey(ctx.db, ctx.user, find_survey(ctx.db, args.unit, args.year, args.period).id, args.file)
    ctx.out({"file": str(path)}, f"Hasil survei ditulis ke {path}.")
    return 0


def cmd_void(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.skm_service import void_response

    void_response(ctx.db, ctx.user, args.response, args.alasan)
    ctx.out({"voided": args.response}, "Tanggapan dibatalkan; alasannya tercatat.")
    return 0


def cmd_link(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.skm_link import link_indicator

    link_indicator(ctx.db, ctx.user, args.indicator, args.unit)
    ctx.out({"indicator": args.indicator, "unit": args.unit},
            f"Realisasi indikator diambil dari IKM unit {args.unit}." if args.unit else "Tautan IKM dilepas.")
    return 0


def cmd_apply(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.skm_link import apply_ikm

    summary = apply_ikm(ctx.db, ctx.user, args.indicator, args.period, evidence=args.bukti)
    ctx.out({"ikm": float(summary.ikm) if summary.ikm is not None else None, "survey": summary.survey_id},
            f"Realisasi diisi: {summary.text()}.")
    return 0


def cmd_kiosk(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.skm_service import open_survey

    user = ctx.user
    if not user.is_admin:
        ctx.error("Kios survei hanya dapat dibuka oleh admin (--user).")
        return 1
    survey_id = open_survey(ctx.db, user, args.unit, args.year, args.period)
    from kinerja_desktop.ui.skm.kiosk_app import run_kiosk

    return int(run_kiosk(ctx.db, user, survey_id))
