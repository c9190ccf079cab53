"""The last sync of each unit's PCs on a real central replica fed by sync (folder store, real sync engine),
not on rows written by a test: a unit whose PC sent work shows when, the others are silent."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from kinerja_desktop.central.overview import load_instansi
from kinerja_desktop.services import evaluation_service, realisation_service
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.store.models import Employee, Indicator, Plan, Rhk, Supervision, Unit
from kinerja_desktop.store.sync_models import SyncPeer
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.unit.sync.sync_office import Office


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def test_units_whose_pcs_sent_work_show_when_and_the_rest_are_silent(office: Office, people: People) -> None:
    central = office.add_device("central", fresh=True)  # a new central replica: everything arrives by sync
    assert office.sync("central").applied > 1000
    admin = user_by_username(central, "admin")
    first = load_instansi(central, admin, DEMO_YEAR).overview("TW4")
    # the office's history was written by the demo builder, on no unit's PC: nothing synced yet
    assert all(u.last_sync is None for u in first.units)
    assert {u.code for u in first.silent(_now())} == {u.code for u in first.units if u.employees}

    staff_db, penilai_db = office.dbs["staff"], office.dbs["penilai"]
    with staff_db.reader() as s:
        emp = s.get(Employee, people.staff.employee_id)
        staff_unit = s.get(Unit, emp.unit_id).code
        plan_id, ind = s.execute(select(Plan.id, Indicator.id).join(Rhk, Rhk.plan_id == Plan.id)
                                 .join(Indicator, Indicator.rhk_id == Rhk.id)
                                 .where(Plan.employee_id == emp.id, Plan.is_current.is_(True))).first()
        sup = s.execute(select(Supervision.supervisor_id).where(Supervision.employee_id == emp.id,
                                                                Supervision.year == DEMO_YEAR)).scalar()
        penilai_unit = s.get(Unit, s.get(Employee, sup).unit_id).code
    made = _now().replace(microsecond=0)
    realisation_service.set_realisation(staff_db, user_by_username(staff_db, people.staff.username), ind, "TW4",
                                        value="7 berkas")
    evaluation_service.set_ratings(penilai_db, user_by_username(penilai_db, s_nip(penilai_db, sup)), plan_id,
                                   "TW4", hasil="DI_ATAS", perilaku="SESUAI")
    assert office.sync("staff").entries_pushed and office.sync("penilai").entries_pushed
    time.sleep(1.1)
    office.sync("central")
    with central.reader() as s:
        arrived = max(s.scalars(select(SyncPeer.updated_at)))
    ov = load_instansi(central, admin, DEMO_YEAR).overview("TW4")
    by_code = {u.code: u for u in ov.units}
    for code in {staff_unit, penilai_unit}:
        when = by_code[code].last_sync
        assert when is not None and made - timedelta(seconds=1) <= when <= arrived
    assert ov.total.last_sync == max(by_code[c].last_sync for c in (staff_unit, penilai_unit))
    silent = {u.code for u in ov.silent(made - timedelta(minutes=5))}
    assert staff_unit not in silent and penilai_unit not in silent
    assert silent == {u.code for u in ov.units if u.employees} - {staff_unit, penilai_unit}
    # what the staff PC sent is in the figures too
    assert by_code[staff_unit].realised >= 1


def s_nip(db, employee_id: str) -> str:  # type: ignore[no-untyped-def]
    with db.reader() as s:
        return s.get(Employee, employee_id).nip
