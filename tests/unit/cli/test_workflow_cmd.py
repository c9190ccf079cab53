"""`kinerja skp ajukan|setujui|kembalikan`, `kinerja evaluasi finalkan`, `kinerja tugas`: the GUI's steps with
the same list of what is incomplete, refused on a blocking gap and asking for --ya on the others."""

from __future__ import annotations

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee
from tests.helpers.fixtures import DEMO_YEAR, People


def _nip(db: Database, employee_id: str) -> str:
    with db.reader() as s:
        return s.get(Employee, employee_id).nip


def _run(capsys, monkeypatch, db: Database, user: str, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setenv("KINERJA_PASSWORD", user)
    code = main(["--db", str(db.path), "--user", user, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_ajukan_then_setujui_from_the_terminal(demo_db: Database, people: People, capsys,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    drafter = _nip(demo_db, people.drafter.employee_id)
    code, out, err = _run(capsys, monkeypatch, demo_db, drafter, "skp", "ajukan", "--nip", drafter,
                          "--year", str(DEMO_YEAR))
    assert code == 0, err
    assert ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).status == "SUBMITTED"
    penilai_id = ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).penilai_id
    penilai = _nip(demo_db, penilai_id)
    code, _out, err = _run(capsys, monkeypatch, demo_db, penilai, "skp", "setujui", "--nip", drafter,
                           "--year", str(DEMO_YEAR))
    assert code == 1 and "Ekspektasi Khusus Pimpinan" in err and "--ya" in err  # said, not done
    assert ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).status == "SUBMITTED"
    code, out, err = _run(capsys, monkeypatch, demo_db, penilai, "skp", "setujui", "--nip", drafter,
                          "--year", str(DEMO_YEAR), "--ya")
    assert code == 0 and "SKP disetujui." in out and "Ekspektasi Khusus Pimpinan" in err
    assert ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).status == "APPROVED"


def test_finalkan_is_refused_without_ratings_and_names_the_gaps(demo_db: Database, people: People, capsys,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    staff, penilai = _nip(demo_db, people.staff.employee_id), _nip(demo_db, people.penilai.employee_id)
    args = ("evaluasi", "finalkan", "--nip", staff, "--year", str(DEMO_YEAR), "--period", "TW4", "--ya")
    code, _out, err = _run(capsys, monkeypatch, demo_db, penilai, *args)
    assert code == 1 and "Rating Hasil Kerja belum dipilih." in err and "belum memiliki realisasi" in err
    es.set_ratings(demo_db, people.penilai, people.staff_plan_id, "TW4", hasil="SESUAI", perilaku="DI_ATAS")
    code, out, err = _run(capsys, monkeypatch, demo_db, penilai, *args)
    assert code == 0 and "difinalkan; predikat BAIK" in out and "perilaku BerAKHLAK" in err
    code, out, _err = _run(capsys, monkeypatch, demo_db, staff, "tugas", "--year", str(DEMO_YEAR),
                           "--period", "TW4")
    assert code == 0 and "Evaluasi Triwulan IV sudah difinalkan" in out
