"""SIASN export: records with SIASN's codes, and a check naming every evaluation that cannot be sent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services.siasn_export import collect_siasn, golongan_id, write_json, write_xlsx
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation, Plan
from tests.helpers.fixtures import DEMO_YEAR, People


def sign_some(db: Database, count: int, period: str = "TW1") -> list[str]:
    """Mark ``count`` FINAL evaluations of ``period`` as SIGNED (as a signed sheet would); their NIPs."""
    with db.session(user="admin", role="ADMIN") as s:
        rows = s.execute(
            select(Evaluation, Employee.nip).join(Plan, Plan.id == Evaluation.plan_id)
            .join(Employee, Employee.id == Plan.employee_id)
            .where(Evaluation.period == period, Evaluation.status == "FINAL", Employee.nip.is_not(None))
            .order_by(Employee.nip).limit(count)).all()
        for ev, _nip in rows:
            ev.status = "SIGNED"
        return [nip for _ev, nip in rows]


def test_signed_evaluations_become_records_with_siasn_codes(demo_db: Database, people: People) -> None:
    nips = sign_some(demo_db, 3)
    batch = collect_siasn(demo_db, people.admin, DEMO_YEAR)
    sent = {r.nip for r in batch.records}
    assert set(nips) <= sent
    record = next(r for r in batch.records if r.nip == nips[0])
    assert record.kind == "kinerjaperiodik" and record.period == "TW1"
    p = record.payload
    assert p["periodikId"] == "2" and (p["bulanMulaiPenilaian"], p["bulanSelesaiPenilaian"]) == (1, 3)
    assert p["hasilKinerjaNilai"] in (1, 2, 3) and p["perilakuKerjaNilai"] in (1, 2, 3)
    assert 1 <= p["kuadranKinerjaNilai"] <= 5
    assert len(p["penilaiNipNrp"]) == 18 and p["statusPenilai"] == "ASN"
    with demo_db.reader() as s:
        ev = s.execute(select(Evaluation).join(Plan, Plan.id == Evaluation.plan_id).join(
            Employee, Employee.id == Plan.employee_id).where(Employee.nip == nips[0], Evaluation.period == "TW1")
        ).scalar_one()
    codes = {"DI_ATAS": 1, "SESUAI": 2, "DI_BAWAH": 3}
    assert p["hasilKinerjaNilai"] == codes[ev.rating_hasil] and p["perilakuKerjaNilai"] == codes[ev.rating_perilaku]
    kuadran = {"SANGAT_BAIK": 1, "BAIK": 2, "BUTUH_PERBAIKAN": 3, "KURANG": 4, "SANGAT_KURANG": 5}
    assert p["kuadranKinerjaNilai"] == kuadran[ev.predikat]


def test_check_lists_every_unsendable_evaluation_with_reasons(demo_db: Database, people: People) -> None:
    sign_some(demo_db, 2)
    # GIVEN a semester evaluation (signed) and a signed evaluation whose penilai has no NIP
    with demo_db.session(user="admin", role="ADMIN") as s:
        ev = s.execute(select(Evaluation).where(Evaluation.status == "FINAL", Evaluation.period == "TW2")
                       .limit(1)).scalar_one()
        s.add(Evaluation(plan_id=ev.plan_id, period="S1", status="SIGNED", rating_hasil="SESUAI",
                         rating_perilaku="SESUAI", predikat="BAIK"))
    batch = collect_siasn(demo_db, people.admin, DEMO_YEAR)
    reasons = {(p.nip, p.period): p.reasons for p in batch.problems}
    assert any("semester" in r.lower() or "Semester" in r for rs in reasons.values() for r in rs)
    assert any("belum ditandatangani" in r for rs in reasons.values() for r in rs)
    # every evaluation is either a record or a problem
    with demo_db.reader() as s:
        total = s.execute(select(Evaluation.id).join(Plan, Plan.id == Evaluation.plan_id)
                          .where(Plan.year == DEMO_YEAR)).all()
    assert len(batch.records) + len(batch.problems) == len(total)


def test_penilai_without_nip_is_named(demo_db: Database, people: People) -> None:
    nip = sign_some(demo_db, 1)[0]
    with demo_db.session(user="admin", role="ADMIN") as s:
        plan = s.execute(select(Plan).join(Employee, Employee.id == Plan.employee_id)
                         .where(Employee.nip == nip)).scalars().first()
        penilai = s.get(Employee, plan.penilai_id)
        penilai.nip = None
        penilai.asn_kind = "LAINNYA"
    batch = collect_siasn(demo_db, people.admin, DEMO_YEAR, periods=["TW1"])
    problem = next(p for p in batch.problems if p.nip == nip)
    assert any("NIP/NRP pejabat penilai" in r for r in problem.reasons)


def test_json_and_neutralised_xlsx(demo_db: Database, people: People, tmp_path: Path) -> None:
    sign_some(demo_db, 2)
    with demo_db.session(user="admin", role="ADMIN") as s:  # a name that a spreadsheet would run
        nip = s.execute(select(Employee).where(Employee.nip.is_not(None)).order_by(Employee.nip)).scalars().first()
        nip.name = "=HYPERLINK(\"http://x\")"
    batch = collect_siasn(demo_db, people.admin, DEMO_YEAR)
    data = json.loads(write_json(batch, tmp_path / "siasn.json").read_text(encoding="utf-8"))
    assert data["tahun"] == DEMO_YEAR and len(data["records"]) == len(batch.records)
    wb = load_workbook(write_xlsx(batch, tmp_path / "siasn.xlsx"))
    assert wb.sheetnames == ["skp22", "kinerjaperiodik", "tidak_dapat_dikirim"]
    texts = [c for ws in wb for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert not any(t.startswith("=") for t in texts)
    assert any(t.startswith("'=HYPERLINK") for t in texts)
    assert wb["kinerjaperiodik"].max_row == 1 + sum(r.kind == "kinerjaperiodik" for r in batch.records)


def test_only_admins_collect(demo_db: Database, people: People) -> None:
    with pytest.raises(PermissionDenied):
        collect_siasn(demo_db, people.staff, DEMO_YEAR)


def test_golongan_reference_ids() -> None:
    assert golongan_id("III/a") == "31" and golongan_id("IV/e") == "45" and golongan_id("I/a") == "11"
    assert golongan_id("IX") == "IX" and golongan_id(None) == ""
