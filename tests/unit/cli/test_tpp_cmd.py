"""`kinerja tpp aturan|rekap`: the same services, admin only."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from kinerja_desktop.cli import main


@pytest.fixture
def demo_admin(demo_db, monkeypatch):
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    return ["--db", str(demo_db.path), "--user", "admin"]


def test_rule_is_changed_and_shown(demo_admin, capsys):
    assert main([*demo_admin, "tpp", "aturan", "--porsi", "70", "--persen", "butuh perbaikan=75",
                 "--dasar", "Perbup 12/2025"]) == 0
    out = capsys.readouterr().out
    assert "Dasar: Perbup 12/2025" in out and "Butuh Perbaikan: dibayar 75% dari porsi kinerja = 52,5% dari TPP." in out
    assert main([*demo_admin, "--json", "tpp", "aturan"]) == 0
    assert json.loads(capsys.readouterr().out)["porsi_kinerja"] == "70"
    assert main([*demo_admin, "tpp", "aturan", "--persen", "HEBAT=10"]) == 1


def test_recap_pdf_and_xlsx(demo_admin, tmp_path, capsys):
    assert main([*demo_admin, "tpp", "rekap", "--year", "2026", "--month", "3", "--out", str(tmp_path / "r.pdf"),
                 "--paper", "F4"]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "bulan maret 2026" in capsys.readouterr().out
    assert main([*demo_admin, "tpp", "rekap", "--year", "2026", "--out", str(tmp_path / "r.xlsx")]) == 0
    assert load_workbook(tmp_path / "r.xlsx").sheetnames == ["Pegawai", "Unit", "Aturan"]
    assert main([*demo_admin, "tpp", "rekap", "--year", "2026", "--month", "13", "--out",
                 str(tmp_path / "x.pdf")]) == 1


def test_staff_may_not_see_the_recap(demo_db, people, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("KINERJA_PASSWORD", people.staff.username)
    assert main(["--db", str(demo_db.path), "--user", people.staff.username, "tpp", "rekap", "--year", "2026",
                 "--out", str(tmp_path / "r.pdf")]) == 1
    assert "Hanya admin" in capsys.readouterr().err
