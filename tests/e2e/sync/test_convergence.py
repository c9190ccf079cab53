"""Random edits on three devices with syncs in random order always converge, and nothing is lost.

Device 0 is the pegawai's office PC, device 1 the pejabat penilai's PC, device 2 a third PC
where the same pegawai also works (so the owner edits one field on two devices) and that reads
everything. Hypothesis draws the edits, the order of syncs, and people resolving conflicts.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services import evaluation_service, plan_service, realisation_service
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.store.db import Database, open_database
from kinerja_desktop.store.models import Employee, Indicator, Plan, Rhk, Supervision
from kinerja_desktop.store.sync_models import SyncConflict
from kinerja_desktop.sync import conflicts
from kinerja_desktop.sync.engine import SyncEngine
from kinerja_desktop.sync.remote import open_remote
from kinerja_desktop.sync.replica import fork_replica
from tests.helpers.fixtures import DEMO_YEAR, copy_database, unlock_demo_keys
from tests.unit.sync.sync_office import FAST, diff, open_replica, snapshot

TEXTS = ["Laporan A", "Laporan B", "Laporan C", "12 dokumen", "15 dokumen"]
RATINGS = ["DI_ATAS", "SESUAI", "DI_BAWAH"]


@dataclass
class Cast:
    staff: str  # pegawai with an approved plan (realisations)
    staff_plan: str
    indicators: list[str]
    penilai: str
    drafter: str  # pegawai with a draft plan (plan text)
    drafter_rhks: list[str]


@pytest.fixture(scope="module")
def cast(_pushed_master: tuple[Path, Path]) -> Cast:
    db = open_database(_pushed_master[0])
    try:
        with db.reader() as s:
            rows = s.execute(
                select(Plan.id, Plan.employee_id, Plan.status, Supervision.supervisor_id, Employee.nip,
                       Employee.jenis_jabatan)
                .join(Supervision, Supervision.employee_id == Plan.employee_id)
                .join(Employee, Employee.id == Plan.employee_id)
                .where(Plan.year == DEMO_YEAR).order_by(Employee.nip)
            ).all()
            staff = next(r for r in rows if r.status == "APPROVED" and r.jenis_jabatan in ("PELAKSANA", "FUNGSIONAL"))
            drafter = next(r for r in rows if r.status == "DRAFT")
            inds = list(s.scalars(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                                  .where(Rhk.plan_id == staff.id, Indicator.deleted.is_(False))
                                  .order_by(Rhk.position, Indicator.position)))[:2]
            rhks = list(s.scalars(select(Rhk.id).where(Rhk.plan_id == drafter.id, Rhk.deleted.is_(False))
                                  .order_by(Rhk.position)))[:2]
            penilai = s.get(Employee, staff.supervisor_id).nip
        return Cast(staff.nip, staff.id, inds, penilai, drafter.nip, rhks)
    finally:
        db.dispose()


op_strategy = st.one_of(
    st.tuples(st.just("real"), st.sampled_from([0, 2]), st.integers(0, 1), st.sampled_from(TEXTS)),
    st.tuples(st.just("rhk"), st.sampled_from([0, 2]), st.integers(0, 1), st.sampled_from(TEXTS)),
    st.tuples(st.just("rate"), st.just(1), st.sampled_from(RATINGS), st.sampled_from(RATINGS)),
    st.tuples(st.just("feedback"), st.just(1), st.integers(0, 1), st.sampled_from(TEXTS)),
    st.tuples(st.just("resolve"), st.sampled_from([0, 2]), st.integers(0, 3), st.booleans()),
    st.tuples(st.just("del"), st.sampled_from([0, 2]), st.integers(0, 1), st.booleans()),
    st.tuples(st.just("sync"), st.integers(0, 2), st.just(0), st.just("")),
)


@settings(max_examples=8, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=st.lists(op_strategy, min_size=4, max_size=14))
def test_random_edits_and_syncs_converge_with_nothing_lost(ops, cast: Cast, _pushed_master) -> None:
    master, store_src = _pushed_master
    root = Path(tempfile.mkdtemp(prefix="konvergensi-"))
    dbs: list[Database] = []
    try:
        store = root / "store"
        shutil.copytree(store_src, store)
        for n in range(3):
            path = root / f"d{n}.sqlite"
            copy_database(master, path)
            db = open_replica(path)
            fork_replica(db)
            unlock_demo_keys(db)
            dbs.append(db)
        staff = user_by_username(dbs[0], cast.staff)
        drafter = user_by_username(dbs[0], cast.drafter)
        penilai = user_by_username(dbs[0], cast.penilai)

        def sync(n: int) -> None:
            remote = open_remote(str(store))
            try:
                report = SyncEngine(dbs[n], remote, FAST).run()
            finally:
                remote.close()
            assert not report.quarantined and not report.refused, report

        last_written: dict[tuple[int, str], str] = {}
        for kind, dev, a, b in ops:
            db = dbs[dev]
            try:
                if kind == "real":
                    realisation_service.set_realisation(db, staff, cast.indicators[a], "TW4", value=b)
                    last_written[(dev, f"real{a}")] = b
                elif kind == "rhk":
                    plan_service.update_rhk(db, drafter, cast.drafter_rhks[a], text=b)
                    last_written[(dev, f"rhk{a}")] = b
                elif kind == "del":
                    if b:
                        plan_service.remove_rhk(db, drafter, cast.drafter_rhks[a])
                    else:
                        plan_service.restore_rhk(db, drafter, cast.drafter_rhks[a])
                elif kind == "rate":
                    evaluation_service.set_ratings(db, penilai, cast.staff_plan, "TW4", hasil=a, perilaku=b)
                elif kind == "feedback":
                    with db.reader() as s:
                        rhk = s.execute(select(Rhk.id).where(Rhk.plan_id == cast.staff_plan)
                                        .order_by(Rhk.position)).scalars().all()[a]
                    evaluation_service.set_rhk_feedback(db, penilai, cast.staff_plan, "TW4", rhk, b)
                elif kind == "resolve":
                    views = conflicts.list_conflicts(db)
                    if views:
                        view = views[a % len(views)]
                        user = drafter if view.table in ("rhk", "indicator", "plan") else staff
                        choice = view.others[0].conflict_id if b else None
                        conflicts.resolve(db, user, view.table, view.row_id, view.field, choice)
                else:
                    sync(dev)
            except KinerjaError:
                pass  # e.g. a conflict already settled elsewhere: a person would simply try again
        for _ in range(3):
            for n in range(3):
                sync(n)

        snaps = [snapshot(db) for db in dbs]
        assert not diff(snaps[0], snaps[1]), diff(snaps[0], snaps[1])
        assert not diff(snaps[0], snaps[2]), diff(snaps[0], snaps[2])
        # nothing lost: each device's last value of a field is the value shown or is kept in a conflict
        with dbs[1].reader() as s:
            kept = {repr(c.value) for c in s.scalars(select(SyncConflict))}
            from kinerja_desktop.store.models import Realisation

            shown = {repr(r.value_text) for r in s.scalars(select(Realisation).where(Realisation.period == "TW4"))}
            shown |= {repr(r.text) for r in s.scalars(select(Rhk).where(Rhk.id.in_(cast.drafter_rhks)))}
        for (dev, key), value in last_written.items():
            assert repr(value) in shown | kept, (dev, key, value)
    finally:
        for db in dbs:
            db.dispose()
        shutil.rmtree(root, ignore_errors=True)
