"""Roster import benchmark: 20,000 employees from CSV and XLSX into an empty database.

Run: .venv/bin/python -m pytest tests/bench/bench_roster_import.py -s
Baselines measured in the same run: for CSV, parsing the file with the csv module and writing
the raw rows with sqlite3 executemany (what any import must at least do); for XLSX, reading the
same workbook with openpyxl (read-only, values only), which the importer's streaming reader
replaces.
"""

from __future__ import annotations

import csv
import sqlite3
import time
from pathlib import Path

import openpyxl

from kinerja_desktop.services.auth_service import create_first_admin, user_by_username
from kinerja_desktop.services.roster_import import export_roster, import_roster
from kinerja_desktop.services.roster_io import read_roster_file
from kinerja_desktop.store.db import open_database
from tests.bench.demo_cache import demo_database


def _seconds(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _csv_baseline(path: Path, target: Path) -> None:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    con = sqlite3.connect(target)
    con.execute(f"CREATE TABLE raw ({', '.join(f'c{i}' for i in range(len(rows[0])))})")
    con.executemany(f"INSERT INTO raw VALUES ({', '.join('?' for _ in rows[0])})", rows[1:])
    con.commit()
    con.close()


def _openpyxl_read(path: Path) -> None:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for ws in wb:
        for _row in ws.iter_rows(values_only=True):
            pass
    wb.close()


def test_bench_roster_import(tmp_path: Path) -> None:
    source, _built = demo_database(20000)
    db = open_database(source)
    admin = user_by_username(db, "admin")
    files = {}
    for suffix in (".csv", ".xlsx"):
        files[suffix] = tmp_path / f"roster{suffix}"
        spent = _seconds(lambda s=suffix: export_roster(db, admin, files[s]))
        print(f"\nexport {suffix}: {spent:.2f} s, {files[suffix].stat().st_size / 1e6:.1f} MB")
    db.dispose()

    base_csv = _seconds(lambda: _csv_baseline(files[".csv"], tmp_path / "raw.sqlite"))
    base_xlsx = _seconds(lambda: _openpyxl_read(files[".xlsx"]))
    ours_xlsx_read = _seconds(lambda: read_roster_file(files[".xlsx"]))
    print(f"read xlsx: streaming reader {ours_xlsx_read:.2f} s vs openpyxl {base_xlsx:.2f} s "
          f"(ratio {ours_xlsx_read / base_xlsx:.2f})")
    for suffix, path in files.items():
        target = open_database(tmp_path / f"import{suffix}.sqlite")
        user = create_first_admin(target, "admin", "rahasia-kantor")
        result = None

        def run(t=target, u=user, p=path) -> None:
            nonlocal result
            result = import_roster(t, u, p, year=2026)

        fresh = _seconds(run)
        first = result
        assert first is not None and first.imported and first.employees_created == 20000
        again = _seconds(run)
        assert result.employees_unchanged == 20000
        target.dispose()
        print(f"import {suffix}: new {fresh:.2f} s ({first.rows_read} rows, {first.units_created} units), "
              f"re-import unchanged {again:.2f} s; baseline csv+executemany {base_csv:.2f} s "
              f"(ratio {fresh / base_csv:.1f})")
