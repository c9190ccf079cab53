"""`kinerja harian` and `kinerja rencana-aksi` from the terminal, on a real demo database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Indicator, Rhk
from tests.helpers.fixtures import People


def run(db: Database, user: str, *argv: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("KINERJA_PASSWORD", user)
    return main(["--db", str(db.path), "--user", user, *argv])


def test_log_read_feedback_week_and_recap(demo_db: Database, people: People, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    staff, penilai = people.staff.username, people.penilai.username
    assert run(demo_db, staff, "--json", "harian", "tulis", "Memverifikasi 9 berkas", "--tanggal", "2026-11-06",
               "--jam", "3", monkeypatch=monkeypatch) == 0
    entry = json.loads(capsys.readouterr().out)
    assert (entry["text"], entry["hours"], entry["day"]) == ("Memverifikasi 9 berkas", 3.0, "2026-11-06")
    assert run(demo_db, penilai, "harian", "umpan-balik", entry["id"], "Lampirkan daftarnya",
               monkeypatch=monkeypatch) == 0
    assert "Umpan balik disimpan" in capsys.readouterr().out
    assert run(demo_db, staff, "harian", "umpan-balik", entry["id"], "saya sendiri", monkeypatch=monkeypatch) == 1
    assert "pejabat penilai" in capsys.readouterr().err
    assert run(demo_db, penilai, "harian", "lihat", "--tanggal", "2026-11-06", "--pegawai", staff,
               monkeypatch=monkeypatch) == 0
    out = capsys.readouterr().out
    assert "Memverifikasi 9 berkas (3 jam)" in out and "umpan balik: Lampirkan daftarnya" in out
    assert run(demo_db, penilai, "harian", "minggu", "--tanggal", "2026-11-04", monkeypatch=monkeypatch) == 0
    out = capsys.readouterr().out
    assert "Minggu 02-11-2026 s.d. 08-11-2026" in out and "belum: Sen 2" in out
    pdf, xlsx = tmp_path / "rekap.pdf", tmp_path / "rekap.xlsx"
    assert run(demo_db, staff, "harian", "rekap", "--tahun", "2026", "--bulan", "11", "--out", str(pdf),
               monkeypatch=monkeypatch) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert run(demo_db, staff, "harian", "rekap", "--tahun", "2026", "--bulan", "11", "--out", str(xlsx),
               monkeypatch=monkeypatch) == 0
    wb = load_workbook(xlsx)
    assert wb["Rekap"]["F2"].value == 21  # working days of November 2026
    assert any(row[3] == "Memverifikasi 9 berkas" for row in wb["Harian"].iter_rows(values_only=True))
    with demo_db.reader() as s:
        unit_code = s.execute(select(Employee.unit_id).where(Employee.nip == staff)).scalar()
    assert unit_code
    assert run(demo_db, staff, "harian", "tulis", "besok", "--tanggal", "2099-01-01", monkeypatch=monkeypatch) == 1
    assert "belum tiba" in capsys.readouterr().err


def test_calendar_is_set_by_an_admin(demo_db: Database, people: People, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    csv = tmp_path / "libur.csv"
    csv.write_text("tanggal,keterangan\n2026-12-25,Hari Raya Natal\n2026-12-26,Cuti bersama\nxx,yy\n", "utf-8")
    assert run(demo_db, "admin", "harian", "kalender", "--impor", str(csv), "--batas", "2", "--libur",
               "2026-12-31=Cuti bersama akhir tahun", "--tahun", "2026", monkeypatch=monkeypatch) == 1
    out = capsys.readouterr().out
    assert "2 hari libur ditambahkan" in out and "Baris 4" in out and "25-12-2026 Jumat" in out
    assert "Batas pengisian: 2 hari kerja" in out and "31-12-2026" in out
    assert run(demo_db, people.staff.username, "harian", "kalender", "--batas", "9", monkeypatch=monkeypatch) == 1
    assert "Hanya admin" in capsys.readouterr().err


def test_rencana_aksi_plan_realise_copy_and_compute(demo_db: Database, people: People,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    staff = people.staff.username
    with demo_db.reader() as s:
        rhk, ind = s.execute(select(Rhk.id, Indicator.id).join(Indicator, Indicator.rhk_id == Rhk.id)
                             .where(Rhk.plan_id == people.staff_plan_id, Indicator.target_value.is_not(None))
                             .order_by(Rhk.position)).first()
    assert run(demo_db, staff, "--json", "rencana-aksi", "tambah", "Rekap akhir tahun", "--rhk", rhk, "--periode",
               "B12", "--indikator", ind, "--target", "3", monkeypatch=monkeypatch) == 0
    aid = json.loads(capsys.readouterr().out)["id"]
    assert run(demo_db, staff, "rencana-aksi", "realisasi", aid, "4 dokumen", monkeypatch=monkeypatch) == 0
    assert run(demo_db, staff, "rencana-aksi", "daftar", "--periode", "B12", "--tahun", "2026",
               monkeypatch=monkeypatch) == 0
    assert "Rekap akhir tahun | target 3 | realisasi 4 dokumen" in capsys.readouterr().out
    assert run(demo_db, staff, "rencana-aksi", "salin", "--periode", "B10", "--tahun", "2026",
               monkeypatch=monkeypatch) == 0
    assert "disalin ke B11" in capsys.readouterr().out
    assert run(demo_db, staff, "rencana-aksi", "hitung", "--indikator", ind, "--periode", "TW4",
               monkeypatch=monkeypatch) == 0
    assert "Realisasi TW4:" in capsys.readouterr().out
    assert run(demo_db, people.penilai.username, "rencana-aksi", "tambah", "x", "--rhk", rhk, "--periode", "B12",
               monkeypatch=monkeypatch) == 1
    assert "Hanya pegawai yang bersangkutan" in capsys.readouterr().err
