"""`kinerja roster template|import|export` from the terminal: output, --json and exit codes."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.services.auth_service import create_first_admin
from kinerja_desktop.store.models import Employee
from tests.unit.services.roster_files import nip, office_rows, write_csv


@pytest.fixture
def admin_db(empty_db, monkeypatch):
    create_first_admin(empty_db, "admin", "rahasia-kantor")
    monkeypatch.setenv("KINERJA_PASSWORD", "rahasia-kantor")
    return empty_db


def run(db, *argv: str) -> int:
    return main(["--db", str(db.path), "--user", "admin", *argv])


def test_template_needs_no_database(tmp_path, capsys):
    assert main(["roster", "template", str(tmp_path / "t.xlsx")]) == 0
    assert "Templat roster ditulis" in capsys.readouterr().out
    assert (tmp_path / "t.xlsx").stat().st_size > 0


def test_import_dry_run_then_import_then_export(admin_db, tmp_path, capsys):
    path = write_csv(tmp_path / "r.csv", office_rows())
    assert run(admin_db, "roster", "import", str(path), "--dry-run") == 0
    assert "Pemeriksaan (tanpa menyimpan)" in capsys.readouterr().out
    assert run(admin_db, "--json", "roster", "import", str(path), "--year", "2026") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] and data["employees_created"] == 4 and data["supervisors_set"] == 3
    assert run(admin_db, "roster", "export", str(tmp_path / "out.csv")) == 0
    assert "4 pegawai dan 3 unit" in capsys.readouterr().out


def test_bad_rows_exit_1_and_list_row_and_column(admin_db, tmp_path, capsys):
    rows = office_rows()
    rows[5]["nip"] = "1970010119950320"
    path = write_csv(tmp_path / "r.csv", rows)
    assert run(admin_db, "roster", "import", str(path)) == 1
    out = capsys.readouterr().out
    assert "Tidak ada yang diimpor" in out
    assert "  Baris 7, kolom nip: NIP harus 18 digit angka (tertulis 16 digit)" in out
    assert run(admin_db, "--json", "roster", "import", str(path), "--skip-bad") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] and data["skipped_rows"] == 1 and data["problems"][0]["row"] == 7


def test_rows_waiting_for_a_bad_row_are_grouped(admin_db, tmp_path, capsys):
    rows = office_rows()
    rows[4]["golongan"] = "IV/z"  # Budi (line 6) rates Citra (7) and Dodi (8)
    assert run(admin_db, "roster", "import", str(write_csv(tmp_path / "r.csv", rows))) == 1
    out = capsys.readouterr().out
    assert "Masalah (1):\n  Baris 6, kolom golongan:" in out
    assert "Tertahan karena bergantung pada baris yang salah (2):\n  karena baris 6: baris 7, 8" in out


def test_import_refused_for_a_non_admin(demo_db, people, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KINERJA_PASSWORD", people.staff.username)  # demo: NIP is the password
    path = write_csv(tmp_path / "r.csv", office_rows())
    code = main(["--db", str(demo_db.path), "--user", people.staff.username, "roster", "import", str(path)])
    assert code == 1
    assert "Hanya admin" in capsys.readouterr().err
    with demo_db.reader() as s:
        assert s.execute(select(Employee.id).where(Employee.nip == nip(1))).first() is None
