"""Roster files with arbitrary content never crash the importer: a problem list or a clear error."""

from __future__ import annotations

import csv
import io
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.auth_service import create_first_admin
from kinerja_desktop.services.roster_import import import_roster
from kinerja_desktop.services.roster_io import EMPLOYEE_KEYS
from tests.unit.services.roster_files import office_rows, rows_of, write_xlsx

cell = st.one_of(st.text(max_size=30), st.sampled_from(["", "196608011988031001", "III/a", "PNS", "LAINNYA",
                                                        "PELAKSANA", "2026", "#", "1,9E+17", "=A1"]))


@lru_cache(maxsize=1)
def good_xlsx() -> bytes:
    """One valid workbook, made once (openpyxl stamps the time, so each save differs)."""
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "good.xlsx", {"Pegawai": [list(EMPLOYEE_KEYS), *rows_of(office_rows())]})
        return path.read_bytes()


@pytest.fixture
def admin_db(empty_db):
    return empty_db, create_first_admin(empty_db, "admin", "rahasia-kantor")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell, min_size=len(EMPLOYEE_KEYS), max_size=len(EMPLOYEE_KEYS)), max_size=6),
       delimiter=st.sampled_from([";", ","]))
def test_any_csv_gives_problems_with_rows_or_imports(admin_db, tmp_path_factory, rows, delimiter):
    db, admin = admin_db
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(EMPLOYEE_KEYS)
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "r.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    result = import_roster(db, admin, path, dry_run=True)
    for problem in result.problems:
        assert problem.message and len(problem.describe()) < 600
        if problem.field:
            assert problem.row is not None and problem.row >= 2


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_damaged_xlsx_is_a_clear_error_never_a_crash(admin_db, tmp_path_factory, data):
    db, admin = admin_db
    folder = tmp_path_factory.mktemp("xlsx")
    raw = bytearray(good_xlsx())
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        pos = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        raw[pos] = data.draw(st.integers(min_value=0, max_value=255))
    bad = folder / "bad.xlsx"
    bad.write_bytes(bytes(raw))
    try:
        import_roster(db, admin, bad, dry_run=True)
    except ValidationError as exc:
        assert "XLSX" in str(exc) or "bom zip" in str(exc)  # a flipped size field can look like a zip bomb
