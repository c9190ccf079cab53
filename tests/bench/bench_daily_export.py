"""The whole instansi's monthly progres harian recap exported as XLSX (for the tunjangan kinerja), on the
20,000-employee demo office (November 2026, about 240,000 entries).

Run: .venv/bin/python -m pytest tests/bench/bench_daily_export.py -s
(uses the demo cache of ``tests/bench/demo_cache.py``; it only reads it).

Baseline, measured in the same run: the export as it was before issue 17's follow-up — every person's month
built day by day in Python from per-(person, day) counts read 500 people at a time (``_recap``, still the
path of one person's month), then an ordinary (not write-only) openpyxl workbook. Now: one grouped query
gives each person's numbers (``unit_month``) and the rows are streamed with openpyxl's write-only mode
(``write_recap_xlsx``). Both must give the same numbers for every person.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from kinerja_desktop.domain.working_days import month_days
from kinerja_desktop.services import daily_log_service as dl
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.services.calendar_service import calendar_of
from kinerja_desktop.services.query_service import descendant_unit_ids
from kinerja_desktop.services.spreadsheet_safety import neutralise_row
from kinerja_desktop.store.db import open_database
from kinerja_desktop.store.models import Employee, Unit
from tests.bench.demo_cache import demo_database

YEAR, MONTH = 2026, 11
TODAY = date(2026, 11, 22)
RUNS = 2


def _baseline(db, root: str, path: Path) -> list[dl.PersonMonth]:  # type: ignore[no-untyped-def]
    """The export before: day-by-day months for everyone, then a normal-mode workbook."""
    days = month_days(YEAR, MONTH)
    cal = calendar_of(db)
    units = descendant_unit_ids(db, root)
    with db.reader() as s:
        ids = list(s.scalars(select(Employee.id).join(Unit, Unit.id == Employee.unit_id)
                             .where(Employee.unit_id.in_(units), Employee.deleted.is_(False),
                                    Employee.active.is_(True), Employee.nip.is_not(None))
                             .order_by(Unit.code, Employee.name, Employee.id)))
        months = dl._recap(s, cal, dl._people(s, ids), days, TODAY)  # noqa: SLF001 - the old unit path
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws.append(neutralise_row(["unit", "nip", "nama", "tahun", "bulan", "hari_kerja", "diisi", "tepat_waktu",
                              "terlambat", "tidak_diisi"]))
    for m in months:
        ws.append(neutralise_row([m.unit, m.nip, m.nama, m.year, m.month, m.working_days, m.logged, m.on_time,
                                  m.late, m.missing]))
    wb.save(path)
    return months


def _now(db, admin, root: str, path: Path) -> dl.MonthRecap:  # type: ignore[no-untyped-def]
    recap = dl.month_recap(db, admin, YEAR, MONTH, unit_id=root, today=TODAY)
    assert dl.write_recap_xlsx(recap, path) == path
    return recap


def _rows(path: Path) -> list[tuple[object, ...]]:
    wb = load_workbook(path, read_only=True)
    try:
        return list(wb["Rekap"].iter_rows(values_only=True))
    finally:
        wb.close()


def _timed(fn, *args):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - t, result


@pytest.mark.skipif(os.environ.get("KINERJA_SKIP_BIG_BENCH") == "1", reason="big benchmark skipped")
def test_bench_instansi_month_export() -> None:
    path, _built = demo_database(20000)
    db = open_database(path)
    try:
        admin = user_by_username(db, "admin")
        with db.reader() as s:
            root = s.scalars(select(Unit.id).where(Unit.level == 0)).one()
        with tempfile.TemporaryDirectory() as folder:
            before, after = Path(folder, "sebelum.xlsx"), Path(folder, "sesudah.xlsx")
            old_s, new_s, query_s = [], [], []
            for _ in range(RUNS):  # alternated, so both see the same cache and load
                seconds, months = _timed(_baseline, db, root, before)
                old_s.append(seconds)
                seconds, recap = _timed(_now, db, admin, root, after)
                new_s.append(seconds)
                query_s.append(_timed(dl.unit_month, db, admin, root, YEAR, MONTH)[0])
            assert [(m.employee_id, m.totals()) for m in months] == [(m.employee_id, m.totals()) for m in recap.people]
            old_rows, new_rows = _rows(before), _rows(after)
            assert old_rows == new_rows and len(new_rows) == len(recap.people) + 1
            size = after.stat().st_size
    finally:
        db.dispose()
    old, new = min(old_s), min(new_s)
    print(f"\nWhole-instansi month export (XLSX), {len(recap.people):,} people, {YEAR}-{MONTH:02d}, best of {RUNS}:")
    print(f"  before (day by day + normal workbook): {old:.2f} s  runs {[round(x, 2) for x in old_s]}")
    print(f"  now (one grouped query + write-only):  {new:.2f} s  runs {[round(x, 2) for x in new_s]}"
          f"  -> x{old / new:.1f} faster")
    print(f"  of which the recap itself (unit_month): {min(query_s):.2f} s; file {size / 1e6:.1f} MB")
    assert new < old
