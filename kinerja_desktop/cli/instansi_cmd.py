"""`kinerja instansi`: the whole instansi at a glance (central office), with drill-down to a unit.

  kinerja --user admin instansi --year 2026 --period TW3 [--lagging 10] [--sepi 14] [--xlsx ringkasan.xlsx]
  kinerja --user admin instansi --year 2026 --period TW3 --unit D001.1     # the unit, its sub-units, its people
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kinerja_desktop.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("instansi", help="ringkasan seluruh instansi per unit (kantor pusat)")
    p.add_argument("--year", type=int, required=True, metavar="Y")
    p.add_argument("--period", default="TAHUNAN", metavar="P", help="periode, mis. TW3 (bawaan TAHUNAN)")
    p.add_argument("--unit", metavar="KODE", help="rinci satu unit: sub-unit dan pegawainya")
    p.add_argument("--lagging", type=int, default=10, metavar="N", help="jumlah unit tertinggal yang ditampilkan")
    p.add_argument("--sepi", type=int, default=14, metavar="HARI",
                   help="unit yang PC-nya tidak sinkron selama sekian hari disebut")
    p.add_argument("--xlsx", metavar="FILE", help="simpan tabel per unit ke XLSX")
    p.set_defaults(func=cmd_overview)


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}%" if d else "-"


def _line(u) -> str:  # type: ignore[no-untyped-def]
    skp = f"SKP {u.skp.get('DRAFT', 0)}/{u.skp.get('SUBMITTED', 0)}/{u.skp.get('APPROVED', 0)}"
    sync = u.last_sync.strftime("%Y-%m-%d %H:%M") if u.last_sync else "belum pernah"
    return (f"{u.code:<14} {u.name[:38]:<38} {u.employees:>5} peg  {skp:<14} realisasi {u.realised:>4}  "
            f"final {u.finalised:>4} ({_pct(u.finalised, u.employees):>4})  ttd {u.signed:>4}  sinkron {sync}")


def cmd_overview(args: argparse.Namespace, ctx: CliContext) -> int:
    from kinerja_desktop.central.overview import load_instansi, write_xlsx
    from kinerja_desktop.domain.errors import ValidationError

    data = load_instansi(ctx.db, ctx.user, args.year)
    ov = data.overview(args.period)
    since = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=args.sepi)
    if args.xlsx:
        write_xlsx(ov, Path(args.xlsx))
    if args.unit:
        unit = next((u for u in ov.units if u.code == args.unit.strip()), None)
        if unit is None:
            raise ValidationError(f"Unit {args.unit} tidak ditemukan.", field="unit")
        return _drill(ctx, data, ov, unit)
    t = ov.total
    lines = [f"Instansi {args.year} {ov.period}: {t.employees} pegawai ASN di {len(ov.units)} unit.",
             f"SKP draf {t.skp.get('DRAFT', 0)}, diajukan {t.skp.get('SUBMITTED', 0)}, disetujui "
             f"{t.skp.get('APPROVED', 0)}; realisasi dilaporkan {t.realised}; evaluasi final {t.finalised} "
             f"({_pct(t.finalised, t.employees)}), ditandatangani {t.signed}.",
             "Progres per periode (evaluasi final): " + ", ".join(
                 f"{c} {t.progress.get(c, 0)} ({_pct(t.progress.get(c, 0), t.employees)})" for c in ov.periods),
             "Predikat: " + (", ".join(f"{k.replace('_', ' ').title()} {n}" for k, n in t.predikat.most_common())
                             or "belum ada"),
             "", f"Unit paling tertinggal ({ov.period}):"]
    lines += ["  " + _line(u) for u in ov.lagging(args.lagging)]
    broken = ov.broken_curves()
    lines += ["", f"Unit yang melanggar kurva distribusi: {len(broken)}"]
    for u in broken:
        lines += [f"  {u.code} {u.name} (predikat organisasi {u.org_predikat.replace('_', ' ').title()}):"]
        lines += [f"    - {m}" for m in u.violations]
    silent = ov.silent(since)
    if any(u.last_sync for u in ov.units):
        lines += ["", f"Unit yang PC-nya tidak sinkron {args.sepi} hari terakhir: {len(silent)}"]
        lines += ["  " + _line(u) for u in silent[:args.lagging]]
    else:
        lines += ["", "Belum ada data sinkronisasi dari PC mana pun di basis data ini."]
    if args.xlsx:
        lines += ["", f"Tabel per unit disimpan: {args.xlsx}"]
    ctx.out({"total": t.to_dict(), "units": [u.to_dict() for u in ov.units],
             "lagging": [u.code for u in ov.lagging(args.lagging)], "kurva": [u.code for u in broken],
             "sepi": [u.code for u in silent]}, "\n".join(lines))
    return 0


def _drill(ctx: CliContext, data, ov, unit) -> int:  # type: ignore[no-untyped-def]
    children = [u for u in ov.units if u.parent_code == unit.code]
    people = data.people(unit.unit_id, ov.period)
    lines = [_line(unit)]
    if unit.violations:
        lines += [f"  kurva: {m}" for m in unit.violations]
    if children:
        lines += ["", "Sub-unit:"] + ["  " + _line(u) for u in children]
    lines += ["", "Pegawai:"]
    lines += [f"  {p.nip or '-':<18} {p.name[:34]:<34} SKP {p.skp or '-':<9} evaluasi {p.evaluation or '-':<7}"
              f" {(p.predikat or '-').replace('_', ' ').title():<16} realisasi {'ya' if p.realised else '-'}"
              for p in people]
    ctx.out({"unit": unit.to_dict(), "sub_unit": [u.to_dict() for u in children],
             "pegawai": [{"nip": p.nip, "nama": p.name, "skp": p.skp, "evaluasi": p.evaluation,
                          "predikat": p.predikat, "realisasi": p.realised} for p in people]}, "\n".join(lines))
    return 0
