"""`kinerja kompetensi`: the 38/2017 catalogue, standards per jabatan, assessed levels and the gap."""

from __future__ import annotations

import argparse

from kinerja_desktop.cli.context import CliContext
from kinerja_desktop.cli.tindak_lanjut_common import MAX_LINES, day, employee_id
from kinerja_desktop.domain.tindak_lanjut import ASSESSMENT_SOURCES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("kompetensi",
                         help="standar kompetensi jabatan, tingkat kompetensi pegawai dan kesenjangannya")
    ksub = cmd.add_subparsers(dest="kompetensi_command", required=True, metavar="SUB")

    p = ksub.add_parser("katalog", help="kamus kompetensi manajerial dan sosial kultural (PermenPAN-RB 38/2017)")
    p.add_argument("--level", action="store_true", help="tampilkan deskripsi setiap level")
    p.set_defaults(func=cmd_catalogue)

    p = ksub.add_parser("standar", help="standar kompetensi sebuah jabatan")
    p.add_argument("jabatan", metavar="JABATAN")
    p.set_defaults(func=cmd_standard)

    p = ksub.add_parser("atur", help="(admin) tetapkan level standar satu kompetensi sebuah jabatan")
    p.add_argument("jabatan", metavar="JABATAN")
    p.add_argument("--kode", required=True, help="M1-M8, S1, atau kode kompetensi teknis")
    p.add_argument("--level", required=True)
    p.add_argument("--nama", default="", help="nama kompetensi teknis")
    p.add_argument("--deskripsi", default="")
    p.set_defaults(func=cmd_set)

    p = ksub.add_parser("template", help="tulis templat impor (.xlsx/.csv): standar, atau --hasil untuk hasilnya")
    p.add_argument("file", metavar="BERKAS")
    p.add_argument("--hasil", action="store_true", help="templat hasil assessment center / uji kompetensi")
    p.set_defaults(func=cmd_template)

    p = ksub.add_parser("import", help="(admin) impor standar kompetensi jabatan dari spreadsheet")
    p.add_argument("file", metavar="BERKAS")
    p.add_argument("--hasil", action="store_true", help="berkas berisi hasil penilaian per NIP, bukan standar")
    p.add_argument("--skip-bad", action="store_true", help="impor baris yang benar, laporkan yang salah")
    p.add_argument("--dry-run", action="store_true", help="periksa saja")
    p.set_defaults(func=cmd_import)

    p = ksub.add_parser("nilai", help="(pejabat penilai) catat tingkat kompetensi seorang pegawai")
    p.add_argument("nip", metavar="NIP")
    p.add_argument("--kode", required=True)
    p.add_argument("--level", required=True)
    p.add_argument("--sumber", default="PENILAI", choices=list(ASSESSMENT_SOURCES))
    p.add_argument("--tanggal", metavar="DD-MM-YYYY")
    p.add_argument("--catatan", default="")
    p.set_defaults(func=cmd_assess)

    p = ksub.add_parser("profil", help="standar, tingkat dan kesenjangan kompetensi seorang pegawai")
    p.add_argument("nip", metavar="NIP")
    p.set_defaults(func=cmd_profile)


def cmd_catalogue(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.competency_service import catalogue, catalogue_source

    cat = catalogue()
    lines = [catalogue_source()]
    for c in cat:
        lines.append(f"{c.code} {c.name} ({c.kind.replace('_', ' ').lower()})")
        if args.level:
            lines += [f"    {i}. {text}" for i, text in enumerate(c.levels, start=1)]
    ctx.out([{"code": c.code, "kind": c.kind, "name": c.name, "definition": c.definition, "levels": list(c.levels)}
             for c in cat], "\n".join(lines))
    return 0


def cmd_standard(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.competency_service import standards_for

    with ctx.db.reader() as s:
        rows = standards_for(s, args.jabatan)
    lines = [f"Standar kompetensi jabatan {args.jabatan}:"]
    lines += [f"  {r.code:<4} {r.name:<36} level {r.level}{'' if r.recorded else ' (bawaan)'}" for r in rows]
    ctx.out([{"code": r.code, "name": r.name, "kind": r.kind, "level": r.level, "recorded": r.recorded}
             for r in rows], "\n".join(lines))
    return 0


def cmd_set(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.competency_service import set_standard

    set_standard(ctx.db, ctx.user, args.jabatan, args.kode, args.level, name=args.nama, description=args.deskripsi)
    ctx.out({"jabatan": args.jabatan, "code": args.kode.upper(), "level": args.level},
            f"Standar {args.kode.upper()} untuk {args.jabatan}: level {args.level}.")
    return 0


def cmd_template(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.competency_import import write_template

    path = write_template(args.file, assessments=args.hasil)
    ctx.out({"template": str(path)}, f"Templat ditulis ke {path}.")
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.competency_import import import_assessments, import_standards

    run = import_assessments if args.hasil else import_standards
    result = run(ctx.db, ctx.user, args.file, skip_bad=args.skip_bad, dry_run=args.dry_run)
    lines = [result.summary()] + [f"  {p.describe()}" for p in result.problems[:MAX_LINES]]
    ctx.out(result.as_dict(), "\n".join(lines))
    return 1 if result.problems and not args.skip_bad else 0


def cmd_assess(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.competency_service import assess

    aid = assess(ctx.db, ctx.user, employee_id(ctx.db, args.nip), args.kode, args.level, source=args.sumber,
                 assessed_on=day(args.tanggal), note=args.catatan)
    ctx.out({"assessment": aid}, f"Tingkat {args.kode.upper()} NIP {args.nip}: level {args.level}.")
    return 0


def cmd_profile(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.competency_service import profile

    prof = profile(ctx.db, ctx.user, employee_id(ctx.db, args.nip))
    lines = [f"{prof.name} — {prof.jabatan}", f"  {'KODE':<5}{'KOMPETENSI':<36}{'STANDAR':>8}{'TINGKAT':>9}{'GAP':>5}"]
    for g in prof.gaps:
        lines.append(f"  {g.code:<5}{g.name[:35]:<36}{g.required:>8}{g.assessed if g.assessed else '-':>9}"
                     f"{g.gap if g.gap is not None else '-':>5}" + ("  ← besar" if g.large else ""))
    ctx.out({"employee": prof.employee_id, "gaps": [{"code": g.code, "name": g.name, "required": g.required,
                                                     "assessed": g.assessed, "gap": g.gap} for g in prof.gaps]},
            "\n".join(lines))
    return 0
