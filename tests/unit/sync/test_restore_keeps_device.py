"""A backup restored on a PC keeps the PC's device id: it does not turn into a "copy" that clashes
with what the PC already sent, and no change number is used twice (store.backups.keep_sync_identity)."""

from __future__ import annotations

from sqlalchemy import func, select

from kinerja_desktop.services import backup_service, realisation_service
from kinerja_desktop.store.models import ChangeLog, Indicator, Realisation, Rhk
from kinerja_desktop.store.sync_models import OWN_REPLAY_KEY, SyncConflict, SyncPeer
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


def _value(db, indicator_id: str) -> str | None:
    with db.reader() as s:
        return s.execute(select(Realisation.value_text).where(Realisation.indicator_id == indicator_id,
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
    at_backup = _seqs(staff_db, device)
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
    # the log is the backup's (what was sent after it comes back from the store at the next sync); what was
    # never sent is gone with its data
    assert _seqs(staff_db, device) == at_backup
    with staff_db.reader() as s:
        assert not s.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.device_id == device, ChangeLog.pushed.is_(False)))
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", note="setelah pulih")
    assert _seqs(staff_db, device)[-1] == sent[-1] + 1  # numbering goes on; no number is used twice
    report = office.sync("staff")  # no "this database seems to be a copy" clash
    assert report.entries_pushed >= 1 and not report.quarantined
    # what was sent after the backup came back from the store; the edit made before that sync was made on the
    # backup's value, so that sent value stays beside it as a conflict for the person to choose (nothing lost)
    assert _note(staff_db, ind) == "setelah pulih"
    assert [v for _t, f, v in _open_conflicts(staff_db) if f == "note"] == [f"{device}:{sent[-1]}"]
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


def _open_conflicts(db) -> list[tuple[str, str, str]]:
    with db.reader() as s:
        return [(c.table_name, c.field, c.version) for c in s.scalars(
            select(SyncConflict).where(SyncConflict.status == "open"))]


def test_the_sync_after_a_restore_brings_back_what_this_pc_had_sent(office: Office, people: People) -> None:
    """GIVEN an edit sent after the backup was made WHEN the backup is restored and the PC syncs THEN its own
    bundles are re-applied from the store (the value, the log, the numbering), and editing the same field
    again reaches the other PCs without a conflict against the PC's own earlier change."""
    staff_db, reader_db = office.dbs["staff"], office.dbs["reader"]
    device = this_device(staff_db)
    ind = _indicator(staff_db, people.staff_plan_id)
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", value="5 dokumen", note="pertama")
    office.sync("staff")
    made = backup_service.backup_now(staff_db)
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", value="7 dokumen", note="kedua")
    assert office.sync("staff").entries_pushed >= 1
    sent = _seqs(staff_db, device)
    office.sync("reader")
    assert _note(reader_db, ind) == "kedua"

    backup_service.restore(staff_db, people.staff, made)
    assert _note(staff_db, ind) == "pertama"  # the backup's

    report = office.sync("staff")
    assert not report.quarantined and not report.refused and report.conflicts == 0 and not report.waiting
    assert _note(staff_db, ind) == "kedua"  # what this PC had sent is back
    assert _value(staff_db, ind) == "7 dokumen"
    assert _seqs(staff_db, device) == sent  # in the log again, as made here and sent
    with staff_db.reader() as s:
        assert not s.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.device_id == device, (ChangeLog.pushed.is_(False)) | (ChangeLog.local.is_(False))))
        assert s.get(SyncPeer, device) is None  # the own stream is no longer read
    assert staff_db.meta(OWN_REPLAY_KEY) is None

    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", note="ketiga")
    assert _seqs(staff_db, device)[-1] == sent[-1] + 1  # never a number used twice
    report = office.sync("staff")
    assert report.entries_pushed >= 1 and report.conflicts == 0
    assert office.sync("reader").conflicts == 0
    for db in (staff_db, reader_db):
        assert _note(db, ind) == "ketiga" and _value(db, ind) == "7 dokumen"  # the latest, nothing lost
        assert _open_conflicts(db) == []


def test_restoring_twice_before_syncing_still_numbers_after_what_was_sent(office: Office, people: People) -> None:
    """A second restore before any sync knows what the first one left to re-apply (no number used twice)."""
    staff_db, reader_db = office.dbs["staff"], office.dbs["reader"]
    device = this_device(staff_db)
    ind = _indicator(staff_db, people.staff_plan_id)
    made = backup_service.backup_now(staff_db)
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", note="terkirim")
    office.sync("staff")
    sent = _seqs(staff_db, device)
    backup_service.restore(staff_db, people.staff, made)
    backup_service.restore(staff_db, people.staff, made)
    at_backup = _seqs(staff_db, device)
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", note="sesudah dua kali pulih")
    made_now = _seqs(staff_db, device)[len(at_backup):]  # a new realisation row and its note
    assert made_now == list(range(sent[-1] + 1, sent[-1] + 1 + len(made_now)))
    report = office.sync("staff")
    assert not report.quarantined and not report.waiting and staff_db.meta(OWN_REPLAY_KEY) is None
    office.sync("reader")
    assert _note(reader_db, ind) == "sesudah dua kali pulih"
