"""The instansi overview: per-unit figures that add up, lagging units, broken curves in words, last sync."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kinerja_desktop.central.overview import instansi_overview
from kinerja_desktop.cli import main
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import ChangeLog, Employee, Evaluation, Plan, Unit, UnitPredikat
from kinerja_desktop.store.sync_models import SyncPeer
from tests.helpers.fixtures import DEMO_YEAR, People


def test_units_add_up_to_the_instansi(demo_db: Database, people: People) -> None:
    ov = instansi_overview(demo_db, people.admin, DEMO_YEAR, "TW2")
    t = ov.total
    assert t.employees == sum(u.employees for u in ov.units)
    assert t.finalised == sum(u.finalised for u in ov.units) == sum(t.predikat.values())
    with demo_db.reader() as s:
        final = s.execute(select(Evaluation.id).join(Plan, Plan.id == Evaluation.plan_id).where(
            Plan.year == DEMO_YEAR, Evaluation.period == "TW2", Evaluation.status.in_(("FINAL", "SIGNED")))).all()
        asn = s.execute(select(Employee.id).where(Employee.asn_kind.in_(("PNS", "PPPK")),
                                                  Employee.active.is_(True))).all()
    assert t.finalised == len(final) and t.employees == len(asn)
    assert set(ov.periods) >= {"TW1", "TW2", "TW3", "TAHUNAN"} and t.progress["TW2"] == t.finalised


def test_lagging_units_come_first_and_a_broken_curve_is_named(demo_db: Database, people: People) -> None:
    ov = instansi_overview(demo_db, people.admin, DEMO_YEAR, "TW1")
    lag = ov.lagging(3)
    assert lag[0].completion == min(u.completion for u in ov.units if u.employees)
    unit = max(ov.units, key=lambda u: u.finalised)
    with demo_db.session(user="admin", role="ADMIN") as s:  # a Sangat Kurang unit whose people mostly did well
        target = s.execute(select(Unit).where(Unit.code == unit.code)).scalar_one()
        s.add(UnitPredikat(unit_id=target.id, year=DEMO_YEAR, period="TW1", predikat="SANGAT_KURANG"))
    ov = instansi_overview(demo_db, people.admin, DEMO_YEAR, "TW1")
    broken = next(u for u in ov.broken_curves() if u.code == unit.code)
    assert broken.org_predikat == "SANGAT_KURANG" and broken.violations
    assert all(isinstance(m, str) and "pegawai" in m for m in broken.violations)


def test_last_sync_comes_from_the_devices_the_units_people_wrote_on(demo_db: Database, people: People) -> None:
    when = datetime(2026, 11, 20, 8, 30)
    with demo_db.reader() as s:
        staff_unit = s.get(Employee, people.staff.employee_id).unit_id
    with demo_db.session(user="admin", role="ADMIN") as s:
        s.add(SyncPeer(device_id="dev-staff", applied_seq=3, updated_at=when))
        s.add(ChangeLog(device_id="dev-staff", seq=1, table_name="realisation", row_id="x", op="update",
                        changes={}, user=people.staff.username, local=False))
    ov = instansi_overview(demo_db, people.admin, DEMO_YEAR, "TW3")
    with demo_db.reader() as s:
        code = s.get(Unit, staff_unit).code
    unit = next(u for u in ov.units if u.code == code)
    assert unit.last_sync == when and ov.total.last_sync == when
    silent = ov.silent(when + timedelta(days=1))
    assert unit in silent and all(u.last_sync is None or u.last_sync < when + timedelta(days=1) for u in silent)
    assert unit not in ov.silent(when - timedelta(days=1))


def test_only_admins(demo_db: Database, people: People) -> None:
    with pytest.raises(PermissionDenied):
        instansi_overview(demo_db, people.atasan, DEMO_YEAR)


def test_cli_report_drill_down_and_xlsx(demo_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    base = ["--db", str(demo_db.path), "--user", "admin", "instansi", "--year", "2026", "--period", "TW3"]
    assert main([*base, "--xlsx", str(tmp_path / "o.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "Unit paling tertinggal (TW3):" in out and "Unit yang melanggar kurva distribusi:" in out
    ws = load_workbook(tmp_path / "o.xlsx")["Unit"]
    assert ws.cell(ws.max_row, 1).value == "*"
    code = ws.cell(2, 1).value
    assert main([*base, "--unit", code]) == 0
    assert "Pegawai:" in capsys.readouterr().out


def test_the_devices_writers_are_read_incrementally_and_new_ones_are_seen(demo_db: Database, people: People) -> None:
    """The first load groups the applied change log once; later loads read only newer entries (kept in
    local meta), and a PC that synced since is still seen."""
    from kinerja_desktop.central.overview import DEVICE_USERS_KEY

    first, later = datetime(2026, 11, 20, 8, 30), datetime(2026, 11, 21, 9, 0)
    with demo_db.reader() as s:
        staff_unit = s.get(Employee, people.staff.employee_id).unit_id
        penilai_unit = s.get(Employee, people.penilai.employee_id).unit_id
    with demo_db.session(user="admin", role="ADMIN") as s:
        s.add(SyncPeer(device_id="dev-staff", applied_seq=1, updated_at=first))
        s.add(ChangeLog(device_id="dev-staff", seq=1, table_name="realisation", row_id="x", op="update",
                        changes={}, user=people.staff.username, local=False))
    instansi_overview(demo_db, people.admin, DEMO_YEAR, "TW3")
    state = demo_db.meta(DEVICE_USERS_KEY)
    assert state["users"] == {"dev-staff": [people.staff.username]} and state["upto"] > 0
    with demo_db.session(user="admin", role="ADMIN") as s:
        s.add(SyncPeer(device_id="dev-penilai", applied_seq=1, updated_at=later))
        s.add(ChangeLog(device_id="dev-penilai", seq=1, table_name="evaluation", row_id="y", op="update",
                        changes={}, user=people.penilai.username, local=False))
    ov = instansi_overview(demo_db, people.admin, DEMO_YEAR, "TW3")
    by_code = {u.code: u for u in ov.units}
    assert by_code[s_code(demo_db, penilai_unit)].last_sync == later
    if staff_unit != penilai_unit:
        assert by_code[s_code(demo_db, staff_unit)].last_sync == first
    assert demo_db.meta(DEVICE_USERS_KEY)["upto"] > state["upto"]


def s_code(db: Database, unit_id: str) -> str:
    with db.reader() as s:
        return s.get(Unit, unit_id).code


def test_one_load_gives_every_period_and_each_units_people(demo_db: Database, people: People) -> None:
    """A year read once answers every period as a fresh load does, and a unit's people add up to its figures."""
    from kinerja_desktop.central.overview import load_instansi

    steps: list[tuple[str, int, int]] = []
    data = load_instansi(demo_db, people.admin, DEMO_YEAR, progress=lambda *a: steps.append(a))
    assert steps[0][1] == 0 and steps[-1][1] == steps[-1][2] and len(steps) >= 5
    for period in ("TW1", "TW2", "TW3", "TAHUNAN", "S1"):
        derived = data.overview(period)
        fresh = instansi_overview(demo_db, people.admin, DEMO_YEAR, period)
        assert [u.to_dict() for u in derived.units] == [u.to_dict() for u in fresh.units]
        assert derived.total.to_dict() == fresh.total.to_dict()
        assert data.overview(period) is derived  # asked again: kept
        for unit in derived.units:
            mine = data.people(unit.unit_id, period)
            assert len(mine) == unit.employees
            assert sum(p.evaluation in ("FINAL", "SIGNED") for p in mine) == unit.finalised
            assert sum(p.evaluation == "SIGNED" for p in mine) == unit.signed
            assert sum(p.realised for p in mine) == unit.realised
            assert sum(p.skp == "APPROVED" for p in mine) == unit.skp.get("APPROVED", 0)
            assert sum(1 for p in mine if p.predikat) == sum(unit.predikat.values())
            assert [p.name for p in mine] == sorted(p.name for p in mine)
    # the people's figures against the database itself
    with demo_db.reader() as s:
        emp = s.get(Employee, people.staff.employee_id)
        ev = s.execute(select(Evaluation.status, Evaluation.predikat).join(Plan, Plan.id == Evaluation.plan_id)
                       .where(Plan.employee_id == emp.id, Plan.year == DEMO_YEAR, Plan.is_current.is_(True),
                              Evaluation.period == "TW2")).one_or_none()
    staff = next(p for p in data.people(emp.unit_id, "TW2") if p.employee_id == emp.id)
    assert staff.nip == emp.nip and staff.name == emp.name
    expected = (ev[0], ev[1] if ev[0] in ("FINAL", "SIGNED") else None) if ev else (None, None)
    assert (staff.evaluation, staff.predikat) == expected
    top = next(u for u in data.overview("TW2").units if not u.parent_code)
    assert data.sub_units(top.unit_id) and all(
        u.parent_code == top.code for u in data.overview("TW2").units if u.unit_id in data.sub_units(top.unit_id))
    with pytest.raises(PermissionDenied):
        load_instansi(demo_db, people.atasan, DEMO_YEAR)
