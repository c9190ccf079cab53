"""Core `kinerja` commands in-process: nip check, predikat, kurva, stats, demo; exit codes and --json."""

from __future__ import annotations

import json

import pytest

from kinerja_desktop.cli import main

VALID_PNS = "196608011988031001"
VALID_PPPK = "199105252023211031"
BAD_SEX_DIGIT = "196608011988033001"


def as_json(capsys) -> object:
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def demo_admin(demo_db, monkeypatch):
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    return ["--db", str(demo_db.path), "--user", "admin"]


def test_nip_check_valid_numbers_exit_0(capsys):
    assert main(["nip", "check", "19660801 198803 1 001", VALID_PPPK]) == 0
    out = capsys.readouterr().out
    assert f"{VALID_PNS}: sah (PNS); lahir 1966-08-01, TMT CPNS 1988-03, laki-laki, nomor urut 001" in out
    assert f"{VALID_PPPK}: sah (PPPK)" in out and "kode 21" in out


def test_nip_check_any_invalid_number_exits_1_with_the_reason(capsys):
    assert main(["nip", "check", VALID_PNS, BAD_SEX_DIGIT]) == 1
    assert f"{BAD_SEX_DIGIT}: TIDAK SAH — Digit ke-15 (jenis kelamin) harus 1 atau 2, tertulis 3" in \
        capsys.readouterr().out


def test_nip_check_json(capsys):
    assert main(["--json", "nip", "check", VALID_PPPK, "12345"]) == 1
    good, bad = as_json(capsys)
    assert (good["valid"], good["kind"], good["pppk_code"], good["tmt_month"], good["sex"]) == \
        (True, "PPPK", "21", None, "L")
    assert (bad["valid"], bad["input"]) == (False, "12345") and "18 digit" in bad["reason"]


def test_predikat_text_json_and_bad_input(capsys):
    assert main(["predikat", "sesuai", "di_atas"]) == 0
    assert capsys.readouterr().out.startswith("BAIK\tBaik\n")
    assert main(["--json", "predikat", "DI_ATAS", "DI_BAWAH"]) == 0
    data = as_json(capsys)
    assert (data["predikat"], data["label"], data["print_label"]) == ("KURANG", "Kurang/Misconduct", "KURANG")
    assert main(["predikat", "BAGUS", "SESUAI"]) == 1
    assert "Rating harus DI_ATAS, SESUAI atau DI_BAWAH" in capsys.readouterr().err


def test_kurva_exits_1_on_violations_and_0_when_the_curve_holds(demo_admin, capsys):
    assert main([*demo_admin, "--json", "kurva", "--unit", "PEMKAB", "--year", "2026", "--period", "TW3",
                 "--org-predikat", "SANGAT_KURANG"]) == 1
    data = as_json(capsys)
    assert not data["ok"] and data["violations"] and data["evaluated"] == sum(data["counts"].values())
    assert main([*demo_admin, "kurva", "--unit", "PEMKAB", "--year", "2026", "--period", "TW3",
                 "--org-predikat", "ISTIMEWA"]) == 0
    assert "Sesuai kurva distribusi." in capsys.readouterr().out
    assert main([*demo_admin, "kurva", "--unit", "NOPE", "--year", "2026"]) == 1
    assert "Unit NOPE tidak ditemukan" in capsys.readouterr().err


def test_kurva_needs_a_signed_in_user(demo_db, monkeypatch, capsys):
    monkeypatch.delenv("KINERJA_USER", raising=False)
    assert main(["--db", str(demo_db.path), "kurva", "--unit", "PEMKAB", "--year", "2026"]) == 1
    assert "--user" in capsys.readouterr().err


def test_stats_counts_rows(demo_db, capsys):
    assert main(["--db", str(demo_db.path), "--json", "stats"]) == 0
    data = as_json(capsys)
    assert data["employee"] == 60 and data["change_log"] >= sum(v for k, v in data.items() if k != "change_log")


def test_demo_summary(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    assert main(["--db", str(db), "--json", "demo", "--employees", "12", "--seed", "3", "--year", "2026"]) == 0
    data = as_json(capsys)
    assert data["employees"] == 12 and data["year"] == 2026 and data["plans"] == 11 and data["bytes"] > 0
    assert main(["--db", str(db), "demo", "--employees", "12"]) == 1  # not on a database with employees
    assert "sudah berisi pegawai" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "b.sqlite"), "demo", "--employees", "12", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "Kantor demo tahun 2026 siap" in out and "12 pegawai" in out and "admin / admin" in out
