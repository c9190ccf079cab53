"""A pejabat penilai signs all subordinates' evaluation sheets in one batch (real sheets from the database)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.documents.batch_signing import sign_subordinates, subordinates
from kinerja_desktop.documents.verification import verify_pdf
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Employee, Evaluation
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import CA_PASS, P12_PASS, identity_for, pki, trust_test_ca


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
    """Signing checks the certificate against the trust store: trust the shared test CA."""
    trust_test_ca()


def _who(db: Database, employee_id: str) -> tuple[str, str]:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip


def test_batch_signs_every_ready_sheet_and_reports_the_others(demo_db: Database, people: People) -> None:
    penilai = _who(demo_db, people.penilai.employee_id)
    team = subordinates(demo_db, people.penilai, DEMO_YEAR)
    assert people.staff.employee_id in {e.id for e in team}
    seen: list[tuple[int, int]] = []
    outcomes = list(sign_subordinates(
        demo_db, people.penilai, identity_for(*penilai), kind="evaluasi", year=DEMO_YEAR, period="TW1",
        progress=lambda done, total, name: seen.append((done, total)),
    ))
    assert len(outcomes) == len(team) and seen[-1] == (len(team), len(team))
    signed = [o for o in outcomes if o.signed]
    assert signed and all(o.document.status == "PARTIAL" for o in signed)  # the pegawai still signs
    for o in outcomes:
        if not o.signed:
            assert o.message  # a reason for each sheet left out
    with demo_db.reader() as s:
        frozen = {e.id for e in s.query(Evaluation).filter(Evaluation.frozen.is_(True))}
        assert len(frozen) == len(signed) and s.query(Document).count() == len(signed)
    pdf = demo_db.blobs.read_bytes(signed[0].document.sha256)
    assert verify_pdf(pdf, pki().roots()).ok
    again = list(sign_subordinates(demo_db, people.penilai, identity_for(*penilai), kind="evaluasi",
                                   year=DEMO_YEAR, period="TW1"))
    assert not any(o.signed for o in again)
    assert {o.message for o in again if o.employee_id in {s.employee_id for s in signed}} == {
        "Sudah ditandatangani pejabat penilai."}


def test_cli_batch_for_the_penilai(
    demo_db: Database, people: People, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    penilai = _who(demo_db, people.penilai.employee_id)
    p12 = tmp_path / "penilai.p12"
    p12.write_bytes(pki().ca.issue(CA_PASS, name=penilai[0], nip=penilai[1], p12_passphrase=P12_PASS,
                                   key_type="ec-p256"))
    monkeypatch.setenv("KINERJA_PASSWORD", penilai[1])
    monkeypatch.setenv("KINERJA_P12_PASSPHRASE", P12_PASS)
    code = main(["--db", str(demo_db.path), "--user", penilai[1], "--json", "sign", "--subordinates",
                 "--year", str(DEMO_YEAR), "--doc", "evaluasi", "--period", "TW1", "--p12", str(p12)])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["signed"] >= 1 and data["total"] == len(data["results"])
    code = main(["--db", str(demo_db.path), "--user", penilai[1], "sign", "--subordinates", "--year",
                 str(DEMO_YEAR), "--doc", "evaluasi", "--p12", str(p12)])
    assert code == 1 and "--period" in capsys.readouterr().err
