"""The instansi calendar: holidays imported from CSV and XLSX, weekdays, only by an admin."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import calendar_service as cs
from kinerja_desktop.store.db import Database
from tests.helpers.fixtures import People


def test_holidays_from_csv_and_xlsx(demo_db: Database, people: People, tmp_path: Path) -> None:
    csv = tmp_path / "libur.csv"
    csv.write_text("Tanggal,Keterangan\n01/01/2026,Tahun Baru\n2026-03-19,Nyepi\nbesok,salah\n", encoding="utf-8")
    result = cs.import_holidays(demo_db, people.admin, csv)
    assert (result.added, result.updated, len(result.problems)) == (2, 0, 1)
    assert "Baris 4" in result.problems[0]
    wb = Workbook()
    ws = wb.active
    ws.append(["tanggal", "keterangan"])
    ws.append([date(2026, 8, 17), "Hari Kemerdekaan RI"])
    ws.append(["2026-03-19", "=HYPERLINK(\"x\")"])
    path = tmp_path / "libur.xlsx"
    wb.save(path)
    result = cs.import_holidays(demo_db, people.admin, path)
    assert (result.added, result.updated) == (1, 0)
    assert "rumus" in result.problems[0]  # a formula cell is never taken as a name
    cal = cs.calendar_of(demo_db)
    assert cal.holidays[date(2026, 8, 17)] == "Hari Kemerdekaan RI"
    assert not cal.is_working(date(2026, 1, 1)) and cal.is_working(date(2026, 1, 2))
    cs.set_holiday(demo_db, people.admin, date(2026, 1, 1), None)
    assert cs.calendar_of(demo_db).is_working(date(2026, 1, 1))


def test_only_an_admin_changes_the_calendar(demo_db: Database, people: People, tmp_path: Path) -> None:
    csv = tmp_path / "libur.csv"
    csv.write_text("2026-01-01,Tahun Baru\n", encoding="utf-8")
    with pytest.raises(PermissionDenied):
        cs.import_holidays(demo_db, people.staff, csv)
    with pytest.raises(PermissionDenied):
        cs.set_work_weekdays(demo_db, people.penilai, "1-6")
    assert cs.set_work_weekdays(demo_db, people.admin, "1-5, 6") == [1, 2, 3, 4, 5, 6]
    assert cs.calendar_of(demo_db).is_working(date(2026, 11, 21))  # a Saturday
    with pytest.raises(ValidationError, match="1 \\(Senin\\) sampai 7"):
        cs.set_work_weekdays(demo_db, people.admin, "0")
    (tmp_path / "libur.ods").write_bytes(b"PK")
    with pytest.raises(ValidationError, match="tidak dikenal"):
        cs.import_holidays(demo_db, people.admin, tmp_path / "libur.ods")
    with pytest.raises(ValidationError, match="0 sampai 60"):
        cs.set_late_window(demo_db, people.admin, 99)
