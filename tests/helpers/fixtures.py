"""Fixtures: fresh real SQLite databases per test, seeded from a demo office built once.

- ``empty_db``: a new, migrated SQLite file in tmp_path (a copy of one migrated per session: creating the schema
  takes ~0.4 s, a copy ~10 ms; the tests that prove creating and migrating a database open new files themselves).
- ``demo_db``: a copy of a 60-employee demo office (seed 7, year 2026, periods TW1-TW3 over),
  built once per session and copied per test (a file copy is much faster than rebuilding).
- ``people``: CurrentUser objects for typical actors in ``demo_db`` (see :class:`People`).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.demo_service import build_demo
from kinerja_desktop.store.db import Database, open_database
from kinerja_desktop.store.models import Employee, Plan, Supervision

DEMO_YEAR = 2026
DEMO_TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path_factory.mktemp("datadir")))
    monkeypatch.delenv("KINERJA_DB", raising=False)


def _checkpoint_and_close(db: Database) -> None:
    """Fold the WAL into the main file and close, so the file alone is a complete copyable database."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty-template") / "kinerja.sqlite"
    _checkpoint_and_close(open_database(path))
    return path


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    path = folder / "demo.sqlite"
    db = open_database(path)
    build_demo(db, employees=60, seed=7, year=DEMO_YEAR, today=DEMO_TODAY)
    _checkpoint_and_close(db)
    return path


def unlock_demo_keys(db: Database) -> None:
    """Unlock every demo account's signing key in ``db``'s key ring, as if each had signed in there.

    Demo passwords are known (the NIP, ``admin`` for the admin); unlike a real sign-in this writes
    nothing (no re-wrap), so tests that count changes are not disturbed.
    """
    from kinerja_desktop.services.demo_service import DEMO_ADMIN
    from kinerja_desktop.store import signing
    from kinerja_desktop.store.models import UserAccount

    with db.reader() as s:
        accounts = [(a.username, a.key_wrap) for a in s.scalars(select(UserAccount)) if a.key_wrap]
    for username, wrapped in accounts:
        password = DEMO_ADMIN[1] if username == DEMO_ADMIN[0] else username
        db.keys.add(signing.Signer(username, signing.unwrap_private(wrapped, password)))


def copy_database(template: Path, target: Path) -> None:
    """Copy a SQLite database file with its blob folder."""
    shutil.copy2(template, target)
    blobs = template.with_name(template.stem + ".files")
    if blobs.exists():
        shutil.copytree(blobs, target.with_name(target.stem + ".files"))


@pytest.fixture
def empty_db(tmp_path: Path, _empty_template: Path) -> Database:
    target = tmp_path / "kinerja.sqlite"
    copy_database(_empty_template, target)
    db = open_database(target)
    yield db
    db.dispose()


@pytest.fixture
def demo_db(tmp_path: Path, _demo_template: Path) -> Database:
    target = tmp_path / "demo.sqlite"
    copy_database(_demo_template, target)
    db = open_database(target)
    yield db
    db.dispose()


@dataclass
class People:
    """Typical actors of the demo office.

    ``staff`` has an APPROVED plan; ``drafter`` has a DRAFT plan; ``penilai`` supervises ``staff``;
    ``atasan`` supervises ``penilai``; ``other_penilai`` is a pengawas in another unit.
    """

    admin: CurrentUser
    staff: CurrentUser
    penilai: CurrentUser
    atasan: CurrentUser
    other_penilai: CurrentUser
    drafter: CurrentUser | None
    staff_plan_id: str
    drafter_plan_id: str | None


def _user_of(db: Database, employee_id: str) -> CurrentUser:
    with db.reader() as s:
        nip = s.get(Employee, employee_id).nip
    return user_by_username(db, nip)


@pytest.fixture
def people(demo_db: Database) -> People:
    with demo_db.reader() as s:
        rows = s.execute(
            select(Plan.id, Plan.employee_id, Plan.status, Supervision.supervisor_id, Employee.jenis_jabatan)
            .join(Supervision, Supervision.employee_id == Plan.employee_id)
            .join(Employee, Employee.id == Plan.employee_id)
            .where(Plan.year == DEMO_YEAR)
            .order_by(Employee.nip)
        ).all()
        staff = next(r for r in rows if r.status == "APPROVED" and r.jenis_jabatan in ("PELAKSANA", "FUNGSIONAL"))
        drafter = next((r for r in rows if r.status == "DRAFT" and r.jenis_jabatan in ("PELAKSANA", "FUNGSIONAL")),
                       None)
        penilai_id = staff.supervisor_id
        atasan_id = s.execute(select(Supervision.supervisor_id).where(Supervision.employee_id == penilai_id)).scalar()
        other = next(r for r in rows if r.jenis_jabatan == "PENGAWAS" and r.employee_id != penilai_id)
    return People(
        admin=user_by_username(demo_db, "admin"),
        staff=_user_of(demo_db, staff.employee_id),
        penilai=_user_of(demo_db, penilai_id),
        atasan=_user_of(demo_db, atasan_id),
        other_penilai=_user_of(demo_db, other.employee_id),
        drafter=_user_of(demo_db, drafter.employee_id) if drafter else None,
        staff_plan_id=staff.id,
        drafter_plan_id=drafter.id if drafter else None,
    )
