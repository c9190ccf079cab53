"""Status per record for the lists: tersinkron, menunggu, konflik."""

from __future__ import annotations

from sqlalchemy import select

from kinerja_desktop.services import plan_service, sync_status
from kinerja_desktop.store.models import Rhk
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import Office


def test_record_states_follow_sync(office: Office, people: People) -> None:
    drafter = people.drafter
    laptop, pc = office.dbs["staff"], office.dbs["reader"]
    with laptop.reader() as s:
        rhks = list(s.scalars(select(Rhk.id).where(Rhk.plan_id == people.drafter_plan_id, Rhk.deleted.is_(False))))
    a, b = rhks[0], rhks[1]
    assert sync_status.record_states(laptop, "rhk", rhks) == dict.fromkeys(rhks, sync_status.SYNCED)
    plan_service.update_rhk(laptop, drafter, a, text="Baru di laptop")
    states = sync_status.record_states(laptop, "rhk", rhks)
    assert states[a] == sync_status.PENDING and states[b] == sync_status.SYNCED
    assert sync_status.summary(laptop).unsent == 1
    office.sync("staff")
    assert sync_status.record_states(laptop, "rhk", [a])[a] == sync_status.SYNCED
    plan_service.update_rhk(pc, drafter, a, text="Baru di kantor")
    office.sync("reader")
    office.sync("staff")
    assert sync_status.record_states(laptop, "rhk", [a, b]) == {a: sync_status.CONFLICT, b: sync_status.SYNCED}
    summary = sync_status.summary(laptop)
    assert summary.conflicts == 1 and summary.unsent == 0
