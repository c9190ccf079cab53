"""A backup restored on a PC keeps the PC's device id: it does not turn into a "copy" that clashes
with what the PC already sent, and no change number is used twice (store.backups.keep_sync_identity)."""

from __future__ import annotations

from sqlalchemy import func, select

from kinerja_desktop.services import backup_service, realisation_service
from kinerja_desktop.store.models import ChangeLog, Indicator, Realisation, Rhk
from kinerja_desktop.sync.replica import this_device
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import Office


def _indicator(db, plan_id: str) -> str:
    with db.reader() as s:
        return s.execute(
            select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
            .where(Rhk.plan_id == plan_id, Indicator.deleted.is_(False), Rhk.deleted.is_(False))
            .order_by(Rhk.position, Indicator.position)
        ).scalars().first()


def _note(db, indicator_id: str) -> str | None:
    with db.reader() as s:
        return s.execute(select(Realisation.note).where(Realisation.indicator_id == indicator_id,
                                                        Realisation.period == "TW4")).scalar()


def _seqs(db, device: str) -> list[int]:
    with db.reader() as s:
        return list(s.scalars(select(ChangeLog.seq).where(ChangeLog.device_id == device).order_by(ChangeLog.seq)))


def test_restoring_an_older_backup_keeps_syncing_as_the_same_device(office: Office, people: People) -> None:
    staff_db, reader_db = office.dbs["staff"], office.dbs["reader"]
    device = this_device(staff_db)
    ind = _indicator(staff_db, people.staff_plan_id)
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", value="5 dokumen", note="sebelum")
    assert not office.sync("staff").quarantined
    made = backup_service.backup_now(staff_db)
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", note="sesudah, terkirim")
    assert office.sync("staff").entries_pushed >= 1
    sent = _seqs(staff_db, device)
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", note="sesudah, belum terkirim")
    unsent = _seqs(staff_db, device)[len(sent):]
    assert unsent

    backup_service.restore(staff_db, people.staff, made)

    assert this_device(staff_db) == device
    assert _note(staff_db, ind) == "sebelum"  # the data is the backup's
    assert _seqs(staff_db, device) == sent  # what was sent is kept (as sent); what was not is gone with its data
    with staff_db.reader() as s:
        assert not s.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.device_id == device, ChangeLog.pushed.is_(False)))
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", note="setelah pulih")
    assert _seqs(staff_db, device)[-1] == sent[-1] + 1  # numbering goes on; no number is used twice
    report = office.sync("staff")  # no "this database seems to be a copy" clash
    assert report.entries_pushed >= 1 and not report.quarantined
    office.sync("reader")
    assert _note(reader_db, ind) == "setelah pulih"


def test_a_backup_made_on_another_pc_takes_this_pcs_device_id(office: Office, people: People) -> None:
    staff_db, penilai_db = office.dbs["staff"], office.dbs["penilai"]
    mine, theirs = this_device(staff_db), this_device(penilai_db)
    assert mine != theirs
    made = backup_service.backup_now(penilai_db)
    backup_service.restore(staff_db, people.staff, made)
    assert this_device(staff_db) == mine
    ind = _indicator(staff_db, people.staff_plan_id)
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", note="di PC pegawai")
    assert not office.sync("staff").quarantined
