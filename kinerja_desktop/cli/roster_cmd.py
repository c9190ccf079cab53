"""`kinerja roster`: template, import and export of the roster (units, employees, pejabat penilai)."""

from __future__ import annotations

import argparse
from typing import Any

from kinerja_desktop.cli.context import CliContext

#: Problems printed in text mode before "... dan N lainnya" (JSON always has all of them).
MAX_LINES = 200


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    roster = sub.add_parser("roster", help="impor/ekspor daftar unit, pegawai dan pejabat penilai (CSV/XLSX)")
    rsub = roster.add_subparsers(dest="roster_command", required=True, metavar="SUB")

    p = rsub.add_parser("template", help="tulis templat kosong (.xlsx atau .csv menurut akhiran berkas)")
    p.add_argument("file", metavar="BERKAS")
    p.set_defaults(func=cmd_template)

    p = rsub.add_parser("import", help="impor roster; tidak ada yang disimpan bila ada baris yang salah")
    p.add_argument("file", metavar="BERKAS")
    p.add_argument("--year", type=int, metavar="Y", help="tahun hubungan pejabat penilai bila kolom tahun kosong")
    p.add_argument("--skip-bad", action="store_true", help="impor baris yang benar, lewati dan laporkan yang salah")
    p.add_argument("--dry-run", action="store_true", help="periksa dan hitung saja, tanpa menyimpan")
    p.set_defaults(func=cmd_import)

    p = rsub.add_parser("export", help="ekspor roster dalam format impor (.xlsx atau .csv)")
    p.add_argument("file", metavar="BERKAS")
    p.add_argument("--year", type=int, metavar="Y", help="tahun hubungan pejabat penilai (bawaan: terbaru)")
    p.set_defaults(func=cmd_export)


def cmd_template(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.roster_import import write_template

    path = write_template(args.file)
    ctx.out({"template": str(path)}, f"Templat roster ditulis ke {path}.")
    return 0


def _lines(title: str, items: list[Any]) -> list[str]:
    if not items:
        return []
    shown = [f"  {item.describe()}" for item in items[:MAX_LINES]]
    if len(items) > MAX_LINES:
        shown.append(f"  ... dan {len(items) - MAX_LINES} lainnya (pakai --json untuk daftar lengkap)")
    return [f"{title} ({len(items)}):", *shown]


def _waiting(items: list[Any]) -> list[str]:
    """Rows held back by a wrong row, one line per wrong row: 'karena baris 15: baris 11, 12, 13'."""
    if not items:
        return []
    by_cause: dict[tuple[str, str | None], list[str]] = {}
    for item in items:
        by_cause.setdefault((item.depends_on, item.sheet), []).append(str(item.row))
    lines = [f"Tertahan karena bergantung pada baris yang salah ({len(items)}):"]
    lines += [f"  karena {cause}: {sheet + ' ' if sheet else ''}baris {', '.join(rows)}"
              for (cause, sheet), rows in by_cause.items()]
    return lines


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.roster_import import import_roster

    user = ctx.user
    with ctx.progress(1, "Impor roster") as bar:
        def report(stage: str, done: int, total: int) -> None:
            bar.label = stage
            bar.done = 0
            bar.update(done, total=total)

        result = import_roster(ctx.db, user, args.file, year=args.year, skip_bad=args.skip_bad,
                               dry_run=args.dry_run, progress=report)
    text = "\n".join([result.summary(), *_lines("Masalah", result.direct_problems),
                      *_waiting(result.dependent_problems), *_lines("Peringatan", result.warnings)])
    ctx.out(result.as_dict(), text)
    if args.dry_run:
        return 1 if result.problems else 0
    return 0 if result.imported else 1


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.services.roster_import import export_roster

    result = export_roster(ctx.db, ctx.user, args.file, year=args.year)
    ctx.out(result.as_dict(), f"{result.employees} pegawai dan {result.units} unit (pejabat penilai tahun "
                              f"{result.year}) diekspor ke {result.path}.")
    return 0
