"""`kinerja skm` / `kinerja survei` from the terminal: import, results as JSON, printing, export, exit codes."""

from __future__ import annotations

import json

from kinerja_desktop.cli import main
from kinerja_desktop.domain import skm


def run(db, *argv: str) -> int:
    return main(["--db", str(db.path), *argv])


def test_import_then_results_print_and_export(demo_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    path = tmp_path / "r.csv"
    rows = ["4;4;4;4;4;4;4;4;4", "3;3;3;3;3;3;3;3;2"] * 100
    path.write_text(";".join(skm.UNSUR_CODES) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert run(demo_db, "--user", "admin", "skm", "buka", "--unit", "D001.1", "--year", "2026",
               "--populasi", "1500") == 0
    assert "sampel minimal 306" in capsys.readouterr().out
    assert run(demo_db, "--user", "admin", "survei", "import", str(path), "--unit", "D001.1", "--year", "2026") == 0
    assert "200 tanggapan diimpor" in capsys.readouterr().out
    assert run(demo_db, "--user", "admin", "--json", "survei", "hasil", "--unit", "D001.1", "--year", "2026") == 0
    data = json.loads(capsys.readouterr().out)
    # sum of answers: 100 x 36 + 100 x 26 = 6200 over 1800 answers -> 6200 / 1800 x 25 = 86.11
    assert (data["respondents"], data["ikm"], data["mutu"]) == (200, 86.11, "B")
    assert data["weakest"]["unsur"] == "U9" and data["nrr"]["U1"] == 3.5
    assert run(demo_db, "--user", "admin", "skm", "hasil", "--unit", "D001.1", "--year", "2026") == 0
    assert "IKM: 86,11 — mutu B (Baik)" in capsys.readouterr().out
    out = tmp_path / "laporan.pdf"
    assert run(demo_db, "--user", "admin", "skm", "cetak", "--unit", "D001.1", "--year", "2026", "--out",
               str(out), "--paper", "F4") == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert run(demo_db, "--user", "admin", "skm", "ekspor", str(tmp_path / "h.xlsx"), "--unit", "D001.1",
               "--year", "2026") == 0


def test_a_file_with_bad_rows_exits_1_and_names_them(demo_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    path = tmp_path / "r.csv"
    path.write_text(";".join(skm.UNSUR_CODES) + "\n4;4;4;4;4;4;4;4;0\n", encoding="utf-8")
    assert run(demo_db, "--user", "admin", "survei", "import", str(path), "--unit", "D001.1", "--year", "2026") == 1
    assert "Baris 2, kolom U9" in capsys.readouterr().out


def test_template_needs_no_database(tmp_path, capsys):
    assert main(["skm", "template", str(tmp_path / "t.xlsx")]) == 0
    assert (tmp_path / "t.xlsx").stat().st_size > 0


def test_list_names_every_survey_with_its_ikm(demo_db, capsys, monkeypatch):
    import json

    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    assert run(demo_db, "--user", "admin", "--json", "survei", "daftar", "--year", "2026") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["year"] for r in rows} == {2026} and all(r["ikm"] and r["respondents"] for r in rows)
    assert run(demo_db, "--user", "admin", "survei", "daftar") == 0
    out = capsys.readouterr().out
    assert "Tahunan" in out and "IKM " in out and "responden" in out
    monkeypatch.setenv("KINERJA_PASSWORD", "wrong")
    assert run(demo_db, "survei", "daftar") == 1
