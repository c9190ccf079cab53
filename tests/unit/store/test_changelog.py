"""Change capture: every committed change of a synced row becomes one change_log entry."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.store.changelog import DEVICE_KEY, bulk_insert
from kinerja_desktop.store.models import ChangeLog, FieldVersion, LocalMeta, Unit


def entries_since(db, seq: int) -> list[ChangeLog]:
    with db.reader() as s:
        return list(s.scalars(select(ChangeLog).where(ChangeLog.seq > seq).order_by(ChangeLog.seq)))


def last_seq(db) -> int:
    with db.reader() as s:
        return s.execute(select(ChangeLog.seq).order_by(ChangeLog.seq.desc()).limit(1)).scalar() or 0


def device(db) -> str:
    with db.reader() as s:
        return s.get(LocalMeta, DEVICE_KEY).value


def test_service_changes_are_logged_with_old_and_new_values_user_role_device_seq(demo_db, people):
    start = last_seq(demo_db)
    plan = ps.create_plan(demo_db, people.staff, people.staff.employee_id, 2027)
    rhk = ps.add_rhk(demo_db, people.staff, plan, text="Versi pertama")
    ps.update_rhk(demo_db, people.staff, rhk, text="Versi kedua")
    log = entries_since(demo_db, start)
    assert [(e.table_name, e.op) for e in log] == [("plan", "insert"), ("rhk", "insert"), ("rhk", "update")]
    assert [e.seq for e in log] == [start + 1, start + 2, start + 3]
    assert {(e.device_id, e.user, e.role, e.local) for e in log} == {
        (device(demo_db), people.staff.username, "PEGAWAI", True)}
    insert, update = log[1], log[2]
    assert insert.row_id == rhk and insert.changes["text"] == [None, "Versi pertama"]
    assert update.changes == {"text": ["Versi pertama", "Versi kedua"]}
    assert update.base_versions == {"text": f"{device(demo_db)}:{insert.seq}"}
    with demo_db.reader() as s:
        assert s.get(FieldVersion, ("rhk", rhk, "text")).version == f"{device(demo_db)}:{update.seq}"
    ps.update_rhk(demo_db, people.staff, rhk, text="Versi ketiga")
    third = entries_since(demo_db, update.seq)[0]
    assert third.base_versions == {"text": f"{device(demo_db)}:{update.seq}"}  # built on the second


def test_penilai_changes_carry_the_penilai_role(demo_db, people):
    start = last_seq(demo_db)
    es.set_ratings(demo_db, people.penilai, people.staff_plan_id, "TW4", hasil="SESUAI", perilaku="DI_ATAS")
    created, rated = [e for e in entries_since(demo_db, start) if e.table_name == "evaluation"]
    assert {(e.user, e.role) for e in (created, rated)} == {(people.penilai.username, "PENILAI")}
    assert (created.op, rated.op) == ("insert", "update")
    assert rated.changes["predikat"] == [None, "BAIK"]


def test_removing_writes_a_tombstone_and_restoring_undoes_it(demo_db, people):
    plan = ps.create_plan(demo_db, people.staff, people.staff.employee_id, 2027)
    rhk = ps.add_rhk(demo_db, people.staff, plan, text="Sementara")
    start = last_seq(demo_db)
    ps.remove_rhk(demo_db, people.staff, rhk)
    ps.restore_rhk(demo_db, people.staff, rhk)
    removed, restored = entries_since(demo_db, start)
    assert (removed.op, removed.changes) == ("delete", {"deleted": [False, True]})
    assert (restored.op, restored.changes) == ("update", {"deleted": [True, False]})


def test_hard_deletes_of_synced_rows_are_refused(empty_db):
    with empty_db.session(user="t", role="ADMIN") as s:
        s.add(Unit(code="U", name="Unit"))
    with pytest.raises(RuntimeError, match="tombstone"), empty_db.session(user="t", role="ADMIN") as s:
        s.delete(s.execute(select(Unit)).scalar())
    with empty_db.reader() as s:
        assert s.execute(select(Unit.code)).scalar() == "U"


def test_a_rolled_back_transaction_leaves_no_entries(empty_db):
    with pytest.raises(ValueError), empty_db.session(user="t", role="ADMIN") as s:
        s.add(Unit(code="U", name="Unit"))
        s.flush()
        raise ValueError("batal")
    with empty_db.reader() as s:
        assert s.execute(select(ChangeLog)).first() is None and s.execute(select(Unit)).first() is None


def test_unchanged_assignments_log_nothing(empty_db):
    with empty_db.session(user="t", role="ADMIN") as s:
        s.add(Unit(code="U", name="Unit"))
    start = last_seq(empty_db)
    with empty_db.session(user="t", role="ADMIN") as s:
        s.execute(select(Unit)).scalar().name = "Unit"
    assert entries_since(empty_db, start) == []


def test_bulk_insert_logs_exactly_like_the_orm(empty_db):
    with empty_db.session(user="orm", role="ADMIN") as s:
        s.add(Unit(id="u-orm", code="A", name="Unit A", level=0))
    with empty_db.session(user="bulk", role="ADMIN") as s:
        bulk_insert(s, Unit, [{"id": "u-bulk", "code": "B", "name": "Unit B", "level": 0}], user="bulk",
                    role="ADMIN")
    with empty_db.reader() as s:
        orm, bulk = (s.execute(select(ChangeLog).where(ChangeLog.row_id == i)).scalar() for i in ("u-orm", "u-bulk"))
        unit = s.get(Unit, "u-bulk")
    assert bulk.seq == orm.seq + 1 and bulk.device_id == orm.device_id and bulk.op == orm.op == "insert"
    assert orm.changes == {"code": [None, "A"], "name": [None, "Unit A"], "level": [None, 0],
                           "deleted": [None, False]}
    assert bulk.changes == {"code": [None, "B"], "name": [None, "Unit B"], "level": [None, 0],
                            "deleted": [None, False]}
    assert (unit.created_by, unit.updated_by, unit.deleted) == ("bulk", "bulk", False)


def test_bulk_writes_that_capture_cannot_see_are_refused(empty_db):
    from sqlalchemy import update

    with empty_db.session(user="t", role="ADMIN") as s:
        s.add(Unit(id="u1", code="U", name="Unit"))
    with pytest.raises(RuntimeError, match="not captured"), empty_db.session(user="t", role="ADMIN") as s:
        s.execute(update(Unit).where(Unit.id == "u1").values(name="Diam-diam"))
    with pytest.raises(RuntimeError, match="not captured"), empty_db.session(user="t", role="ADMIN") as s:
        s.execute(Unit.__table__.insert(), [{"id": "u2", "code": "V", "name": "Lain", "level": 0, "deleted": False}])
    with empty_db.reader() as s:
        assert s.get(Unit, "u1").name == "Unit" and s.get(Unit, "u2") is None


def test_a_remote_change_keeps_its_authors_time_never_a_future_one(empty_db):
    """A change applied from another device is logged with the time its author made it (the bundle's
    ``at``), so the central office sees when a unit's PC last worked, not when the office read it; a PC
    clock running ahead is capped at now, and an unreadable time is now."""
    from datetime import UTC, datetime, timedelta

    from kinerja_desktop.store.changelog import capture

    before = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=1)
    cases = [("2026-11-20T08:30:00+07:00", datetime(2026, 11, 20, 1, 30)), ("2026-11-21T09:00:00", None),
             ("2999-01-01T00:00:00", "now"), ("kemarin", "now"), (None, "now")]
    for n, (text, _expected) in enumerate(cases):
        with empty_db.session(user="t", role="ADMIN") as s:
            capture(s).origin = {"device": "pc-unit", "seq": n + 1, "user": "pegawai", "role": "PEGAWAI",
                                 "base_versions": {}, "at": text}
            try:
                s.add(Unit(code=f"U{n}", name="Unit"))
                s.flush()
            finally:
                capture(s).origin = None
    with empty_db.reader() as s:
        logged = dict(s.execute(select(ChangeLog.seq, ChangeLog.at).where(ChangeLog.device_id == "pc-unit")).all())
    after = datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=1)
    assert logged[1] == datetime(2026, 11, 20, 1, 30)  # +07:00 read as UTC
    assert logged[2] == datetime(2026, 11, 21, 9, 0)  # no zone: already UTC, as the bundles write it
    for seq in (3, 4, 5):
        assert before <= logged[seq] <= after
