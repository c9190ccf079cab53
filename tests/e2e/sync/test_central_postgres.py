"""The central office as one more replica on a real PostgreSQL server (a throwaway cluster on 127.0.0.1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.central.replica import ingest, open_central
from kinerja_desktop.central.reports import predikat_by_unit
from kinerja_desktop.central.roster import penilai_in_roster, publish_roster, read_latest_roster
from kinerja_desktop.services import evaluation_service, realisation_service, roster_service
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.services.demo_service import build_demo
from kinerja_desktop.services.trust_service import pin_root, unlock_root
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import SYNCED_MODELS, Employee, Evaluation, Indicator, Plan, Rhk, Supervision
from kinerja_desktop.sync.engine import SyncEngine
from kinerja_desktop.sync.remote import open_remote
from kinerja_desktop.sync.replica import fork_replica
from tests.e2e.sync.dav_server import free_port
from tests.helpers.fixtures import copy_database, unlock_demo_keys
from tests.unit.sync.sync_office import FAST, diff, open_replica, snapshot

pytestmark = pytest.mark.postgres

PG_BIN = Path("/usr/lib/postgresql/15/bin")


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    if not (PG_BIN / "initdb").exists() or not shutil.which("runuser"):
        pytest.skip("PostgreSQL 15 binaries (or runuser) are not installed on this machine")
    as_user = [] if os.geteuid() != 0 else ["runuser", "-u", "nobody", "--"]
    base = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "nobody", "nogroup")
    data, port = base / "data", free_port()
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    subprocess.run([*as_user, str(PG_BIN / "initdb"), "-D", str(data), "-U", "kinerja", "--auth=trust",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True, env=env)
    subprocess.run([*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
                    f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                   check=True, capture_output=True, env=env)
    try:
        deadline = time.monotonic() + 20
        while subprocess.run([str(PG_BIN / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
                             capture_output=True, check=False).returncode != 0:
            if time.monotonic() > deadline:
                pytest.fail("PostgreSQL did not start: " + (base / "log").read_text())
            time.sleep(0.1)
        yield f"postgresql+psycopg://kinerja@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env, check=False)
        shutil.rmtree(base, ignore_errors=True)


def _sync(db: Database, store: Path) -> object:
    remote = open_remote(str(store))
    try:
        return SyncEngine(db, remote, FAST).run()
    finally:
        remote.close()


def test_central_postgres_replica_ingests_reports_and_publishes_the_roster(postgres_url: str,
                                                                            tmp_path: Path) -> None:
    # a small office founds a folder store
    master_path = tmp_path / "master.sqlite"
    master = open_replica(master_path)
    build_demo(master, employees=8, seed=3, year=2026, today=date(2026, 11, 22))
    store = tmp_path / "store"
    store.mkdir()
    root = unlock_root(master, "admin")  # the demo office's root key (the central office's, in real life)
    publish_roster(master, open_remote(str(store)), root)
    _sync(master, store)
    with master.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    central = open_central(postgres_url)
    pin_root(central, root.public)
    try:
        report = ingest(central, str(store))
        assert report.applied > 100 and not report.refused and not report.waiting
        assert not diff(snapshot(master), snapshot(central))

        # two PCs of the office work; the central replica sees it after its next sync
        devices = {}
        for name in ("staff", "penilai"):
            copy_database(master_path, tmp_path / f"{name}.sqlite")
            devices[name] = open_replica(tmp_path / f"{name}.sqlite")
            fork_replica(devices[name])
            unlock_demo_keys(devices[name])
        with devices["staff"].reader() as s:
            plan = s.execute(select(Plan).join(Employee, Employee.id == Plan.employee_id)
                             .where(Plan.status == "APPROVED", Employee.jenis_jabatan.in_(["PELAKSANA", "FUNGSIONAL"]))
                             .order_by(Employee.nip)).scalars().first()
            nip = s.get(Employee, plan.employee_id).nip
            sup_id = s.execute(select(Supervision.supervisor_id)
                               .where(Supervision.employee_id == plan.employee_id)).scalar()
            sup_nip = s.get(Employee, sup_id).nip
            ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                            .where(Rhk.plan_id == plan.id)).scalars().first()
        realisation_service.set_realisation(devices["staff"], user_by_username(devices["staff"], nip), ind, "TW4",
                                            value="20 berkas")
        evaluation_service.set_ratings(devices["penilai"], user_by_username(devices["penilai"], sup_nip), plan.id,
                                       "TW4", hasil="DI_ATAS", perilaku="DI_ATAS")
        for db in devices.values():
            _sync(db, store)
        report = ingest(central, str(store))
        assert report.applied == 4 and not report.refused
        with central.reader() as s:
            ev = s.execute(select(Evaluation).where(Evaluation.plan_id == plan.id,
                                                    Evaluation.period == "TW4")).scalar_one()
            assert ev.predikat == "SANGAT_BAIK"
        rows = predikat_by_unit(central, 2026, "TW4")
        assert sum(r.counts.get("SANGAT_BAIK", 0) for r in rows) == 1
        # the instansi overview on PostgreSQL: the units of the two PCs that sent work show when, the rest are silent
        from kinerja_desktop.central.overview import load_instansi

        with central.reader() as s:
            staff_unit = s.get(Employee, plan.employee_id).unit_id
            pc_units = {staff_unit, s.get(Employee, sup_id).unit_id}
        data = load_instansi(central, user_by_username(central, "admin"), 2026)
        ov = data.overview("TW4")
        assert {u.unit_id for u in ov.units if u.last_sync is not None} == pc_units
        person = next(p for p in data.people(staff_unit, "TW4") if p.employee_id == plan.employee_id)
        assert person.realised and person.evaluation == "DRAFT"  # rated, not final yet: not counted as done

        # the central admin changes the roster; devices get it; the roster is published
        unlock_demo_keys(central)
        admin = user_by_username(central, "admin")
        roster_service.set_supervisor(central, admin, plan.employee_id, sup_id, 2027)
        assert ingest(central, str(store)).entries_pushed >= 1
        published = publish_roster(central, open_remote(str(store)), root)
        assert published.changed
        assert not publish_roster(central, open_remote(str(store)), root).changed  # unchanged: nothing new written
        staff_report = _sync(devices["staff"], store)
        assert staff_report.applied >= 1 and not staff_report.refused
        with devices["staff"].reader() as s:
            assert s.execute(select(func.count()).select_from(Supervision)
                             .where(Supervision.year == 2027)).scalar() == 1
        roster = read_latest_roster(open_remote(str(store)))
        assert roster is not None and penilai_in_roster(roster, plan.employee_id, 2027) == sup_id
        assert all("password" not in str(a) for a in roster["accounts"])
        counts = {}
        with central.reader() as s:
            for model in SYNCED_MODELS:
                counts[model.__tablename__] = s.execute(select(func.count()).select_from(model)).scalar()
        assert counts["employee"] == 8
        for db in devices.values():
            db.dispose()
    finally:
        central.dispose()
        master.dispose()
