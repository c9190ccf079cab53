"""`kinerja sign` (database mode) says what the GUI's sign dialog says: an unsettled record is refused
with the list of what is missing, the rest is printed as a warning (services.readiness_service)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services.readiness_service import before_signing
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee
from tests.helpers.fixtures import DEMO_YEAR, People


def _nip(db: Database, employee_id: str) -> str:
    with db.reader() as s:
        return s.get(Employee, employee_id).nip


def test_an_open_evaluation_is_refused_with_what_is_missing(
    demo_db: Database, people: People, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    staff, penilai = _nip(demo_db, people.staff.employee_id), _nip(demo_db, people.penilai.employee_id)
    es.set_ratings(demo_db, people.penilai, people.staff_plan_id, "TW4", hasil="SESUAI")  # a draft evaluation
    monkeypatch.setenv("KINERJA_PASSWORD", penilai)
    code = main(["--db", str(demo_db.path), "--user", penilai, "sign", "--nip", staff, "--year", str(DEMO_YEAR),
                 "--doc", "evaluasi", "--period", "TW4", "--p12", str(tmp_path / "tidak-dipakai.p12")])
    err = capsys.readouterr().err
    assert code == 1
    assert "Tanda tangani belum dapat dilakukan" in err and "Evaluasi Triwulan IV belum difinalkan" in err


def test_a_final_evaluation_with_gaps_is_signed_with_a_warning(
    demo_db: Database, people: People, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The warning comes before the certificate is even opened (here a missing file stops the run after it)."""
    staff, penilai = _nip(demo_db, people.staff.employee_id), _nip(demo_db, people.penilai.employee_id)
    expected = before_signing(demo_db, people.penilai, "evaluasi", people.staff_plan_id, "TW1", role="penilai")
    assert expected.ready and expected.gaps  # the demo's TW1 evaluation is final but not complete
    monkeypatch.setenv("KINERJA_PASSWORD", penilai)
    code = main(["--db", str(demo_db.path), "--user", penilai, "sign", "--nip", staff, "--year", str(DEMO_YEAR),
                 "--doc", "evaluasi", "--period", "TW1", "--p12", str(tmp_path / "tidak-ada.p12")])
    err = capsys.readouterr().err
    assert code == 1  # no certificate file
    assert expected.summary() in err
    assert "dapat dilakukan, tetapi masih ada yang belum lengkap" in err
