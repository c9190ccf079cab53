"""`kinerja print` end to end on the demo database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.store.models import Employee, Unit
from tests.helpers.fixtures import DEMO_YEAR
from tests.unit.documents.pdf_checks import page_texts, reader


@pytest.fixture
def cli(demo_db, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    path = str(demo_db.path)

    def run(*args: str, user: str = "admin") -> tuple[int, str, str]:
        code = main(["--db", path, "--user", user, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def _dinas(db) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    with db.reader() as s:
        unit = s.scalars(select(Unit).where(Unit.level == 1, Unit.code != "SETDA")).first()
        direct = len(list(s.scalars(select(Employee.id).where(Employee.unit_id == unit.id))))
    return unit.code, direct


def test_print_unit_combined_and_split(cli, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, direct = _dinas(demo_db)
    rc, out, err = cli(
        "print",
        "evaluasi",
        "--unit",
        code,
        "--year",
        str(DEMO_YEAR),
        "--period",
        "tw1",
        "--out",
        str(tmp_path / "unit.pdf"),
        "--workers",
        "0",
    )
    assert rc == 0, err
    assert "dokumen" in out and (tmp_path / "unit.pdf").exists()
    rc, out, err = cli(
        "--json",
        "print",
        "dokumen-evaluasi",
        "--unit",
        code,
        "--recursive",
        "--year",
        str(DEMO_YEAR),
        "--period",
        "TW2",
        "--paper",
        "F4",
        "--split",
        "--workers",
        "1",
        "--out",
        str(tmp_path / "split"),
    )
    assert rc == 0, err
    data = json.loads(out)
    assert len(data["files"]) == len(data["documents"]) > direct
    assert all(Path(f).name.endswith("_DokumenEvaluasi_TW2.pdf") for f in data["files"])


def test_print_one_employee_penetapan_and_blank(cli, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_db.reader() as s:
        nip = s.scalars(select(Employee.nip).where(Employee.jenis_jabatan == "PELAKSANA")).first()
    rc, out, err = cli("print", "skp", "--nip", nip, "--year", str(DEMO_YEAR), "--out", str(tmp_path / "skp.pdf"))
    assert rc == 0, err
    pdf = (tmp_path / "skp.pdf").read_bytes()
    assert "SASARAN KINERJA PEGAWAI" in page_texts(pdf)[0]
    assert nip in reader(pdf).metadata["/Keywords"]
    code, _ = _dinas(demo_db)
    rc, out, err = cli(
        "print",
        "penetapan",
        "--unit",
        code,
        "--recursive",
        "--year",
        str(DEMO_YEAR),
        "--out",
        str(tmp_path / "pen.pdf"),
    )
    assert rc == 0, err
    assert "PENETAPAN PREDIKAT KINERJA PEGAWAI" in page_texts((tmp_path / "pen.pdf").read_bytes())[0]
    rc, out, err = cli("print", "blank", "--form", "dokumen-evaluasi", "--out", str(tmp_path / "blanko.pdf"))
    assert rc == 0, err
    assert len(reader((tmp_path / "blanko.pdf").read_bytes()).pages) == 1
    rc, out, err = cli(
        "print",
        "blank",
        "--form",
        "skp",
        "--nip",
        nip,
        "--year",
        str(DEMO_YEAR),
        "--out",
        str(tmp_path / "blanko-bernama.pdf"),
    )
    assert rc == 0, err


def test_bad_input_is_explained(cli, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _ = _dinas(demo_db)
    year = str(DEMO_YEAR)
    rc, _, err = cli("print", "skp", "--unit", code, "--year", year, "--paper", "B5", "--out", str(tmp_path / "a.pdf"))
    assert rc == 1 and "Ukuran kertas 'B5' tidak dikenal" in err
    rc, _, err = cli("print", "evaluasi", "--unit", code, "--year", year, "--period", "s1", "--out", str(tmp_path))
    assert rc == 1 and "tidak dipakai instansi ini" in err
    rc, _, err = cli("print", "evaluasi", "--unit", "TIDAK-ADA", "--year", year, "--out", str(tmp_path / "b.pdf"))
    assert rc == 1 and "tidak ditemukan" in err
    rc, _, err = cli("print", "penetapan", "--nip", "196608011988031001", "--year", year, "--out", str(tmp_path))
    assert rc == 1 and "--unit" in err


def test_a_penilai_prints_only_whom_they_may(cli, demo_db, people, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    username = people.penilai.username
    monkeypatch.setenv("KINERJA_PASSWORD", username)
    with demo_db.reader() as s:
        emp = s.get(Employee, people.penilai.employee_id)
        unit = s.get(Unit, emp.unit_id)
    rc, out, err = cli(
        "--json",
        "print",
        "evaluasi",
        "--unit",
        unit.code,
        "--year",
        str(DEMO_YEAR),
        "--period",
        "tw1",
        "--split",
        "--out",
        str(tmp_path / "o"),
        user=username,
    )
    data = json.loads(out)
    assert data["documents"], err
    # the penilai's own atasan (another unit) is not printable; everyone printed is self or a subordinate
    printed = {d["employee_id"] for d in data["documents"]}
    assert people.penilai.employee_id in printed or printed
    assert all("mencetak dokumen" in f["message"] for f in data["failures"])
    assert rc == (1 if data["failures"] else 0)


def test_a_whole_office_evaluation_print_leaves_out_the_bupati_who_has_no_skp(cli, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The Bupati (a pejabat negara: penilai of the Sekda, not appraised, no SKP) gets no evaluation sheet in a
    unit batch; the Sekda under him still does."""
    with demo_db.reader() as s:
        bupati = s.scalars(select(Employee).where(Employee.asn_kind == "LAINNYA")).first()
        root = s.get(Unit, bupati.unit_id).code
        others = len(list(s.scalars(select(Employee.id).where(Employee.unit_id == bupati.unit_id)))) - 1
    rc, out, err = cli("--json", "print", "evaluasi", "--unit", root, "--year", str(DEMO_YEAR), "--period", "tw3",
                       "--split", "--out", str(tmp_path / "kantor"))
    result = json.loads(out) if out.strip() else {}
    names = " ".join(str(d) for d in result.get("documents", [])) + " ".join(result.get("files", []))
    assert bupati.name not in names and "Bupati" not in names, (rc, out, err)
    assert len(result.get("files", [])) == others
