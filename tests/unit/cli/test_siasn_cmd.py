"""`kinerja siasn check|export`: the same service, exit 1 when something cannot be sent."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from kinerja_desktop.cli import main
from tests.unit.services.test_siasn_export import sign_some


@pytest.fixture
def demo_admin(demo_db, monkeypatch):
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    return ["--db", str(demo_db.path), "--user", "admin"]


def test_check_names_unsendable_evaluations_and_exits_1(demo_db, demo_admin, capsys):
    sign_some(demo_db, 2)
    assert main([*demo_admin, "siasn", "check", "--year", "2026"]) == 1
    out = capsys.readouterr().out
    assert "Siap dikirim: 2 data." in out and "evaluasi belum ditandatangani" in out


def test_export_json_and_xlsx(demo_db, demo_admin, tmp_path, capsys):
    sign_some(demo_db, 3, "TW2")
    assert main([*demo_admin, "--json", "siasn", "export", str(tmp_path / "s.json"), "--year", "2026",
                 "--period", "TW2"]) == 0
    assert json.loads(capsys.readouterr().out)["records"] == 3
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert {r["period"] for r in data["records"]} == {"TW2"}
    assert main([*demo_admin, "siasn", "export", str(tmp_path / "s.xlsx"), "--year", "2026"]) == 0
    assert load_workbook(tmp_path / "s.xlsx")["kinerjaperiodik"].max_row == 4
    assert main([*demo_admin, "siasn", "export", str(tmp_path / "s.csv"), "--year", "2026"]) == 1


def test_staff_may_not_export(demo_db, monkeypatch, tmp_path, people, capsys):
    monkeypatch.setenv("KINERJA_PASSWORD", people.staff.username)
    assert main(["--db", str(demo_db.path), "--user", people.staff.username, "siasn", "export",
                 str(tmp_path / "s.json"), "--year", "2026"]) == 1
    assert "Hanya admin" in capsys.readouterr().err
