"""Three devices (staff, supervisor, a reader) syncing through a folder store."""

from __future__ import annotations

from sqlalchemy import select

from kinerja_desktop.services import evaluation_service, plan_service, realisation_service
from kinerja_desktop.store.models import ChangeLog, Evaluation, Indicator, Realisation, Rhk, RhkFeedback
from kinerja_desktop.store.sync_models import SyncConflict
from kinerja_desktop.sync import conflicts
from kinerja_desktop.sync.replica import this_device
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import Office, diff, snapshot


def _indicator(db, plan_id: str) -> str:
    with db.reader() as s:
        return s.execute(
            select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
            .where(Rhk.plan_id == plan_id, Indicator.deleted.is_(False), Rhk.deleted.is_(False))
            .order_by(Rhk.position, Indicator.position)
        ).scalars().first()


def _sync_all(office: Office, rounds: int = 2) -> None:
    for _ in range(rounds):
        for name in office.dbs:
            report = office.sync(name)
            assert not report.quarantined, report.quarantined


def _assert_converged(office: Office) -> None:
    snaps = {name: snapshot(db) for name, db in office.dbs.items()}
    first = next(iter(snaps))
    for name, snap in snaps.items():
        assert not diff(snaps[first], snap), (first, name, diff(snaps[first], snap))


def test_staff_and_supervisor_work_reach_every_device(office: Office, people: People) -> None:
    staff_db, pen_db, reader_db = office.dbs["staff"], office.dbs["penilai"], office.dbs["reader"]
    ind = _indicator(staff_db, people.staff_plan_id)
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", value="12 dokumen", note="tepat waktu")
    evaluation_service.set_ratings(pen_db, people.penilai, people.staff_plan_id, "TW4", hasil="DI_ATAS",
                                   perilaku="SESUAI")
    with pen_db.reader() as s:
        rhk_id = s.execute(select(Rhk.id).where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    evaluation_service.set_rhk_feedback(pen_db, people.penilai, people.staff_plan_id, "TW4", rhk_id,
                                        "Pertahankan kualitas laporan.")

    first = office.sync("staff")
    assert first.entries_pushed >= 2 and first.applied == 0
    _sync_all(office)

    for db in (staff_db, pen_db, reader_db):
        with db.reader() as s:
            real = s.execute(select(Realisation).where(Realisation.indicator_id == ind,
                                                       Realisation.period == "TW4")).scalar_one()
            assert (real.value_text, real.note) == ("12 dokumen", "tepat waktu")
            ev = s.execute(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                    Evaluation.period == "TW4")).scalar_one()
            assert (ev.rating_hasil, ev.rating_perilaku, ev.predikat) == ("DI_ATAS", "SESUAI", "BAIK")
            fb = s.execute(select(RhkFeedback).where(RhkFeedback.evaluation_id == ev.id)).scalar_one()
            assert fb.text == "Pertahankan kualitas laporan."
    _assert_converged(office)
    # remote entries keep their author and origin in the audit trail
    with reader_db.reader() as s:
        entry = s.execute(select(ChangeLog).where(ChangeLog.table_name == "evaluation",
                                                  ChangeLog.device_id == this_device(pen_db))).scalars().first()
        assert entry.user == people.penilai.username and entry.local is False


def test_concurrent_edits_keep_both_values_until_a_person_chooses(office: Office, people: People) -> None:
    drafter = people.drafter
    assert drafter is not None and people.drafter_plan_id
    laptop, pc = office.dbs["staff"], office.dbs["reader"]
    with laptop.reader() as s:
        rhk_id = s.execute(select(Rhk.id).where(Rhk.plan_id == people.drafter_plan_id,
                                                Rhk.deleted.is_(False))).scalars().first()
    plan_service.update_rhk(laptop, drafter, rhk_id, text="Tersusunnya laporan (versi laptop)")
    plan_service.update_rhk(pc, drafter, rhk_id, text="Tersusunnya laporan (versi kantor)")
    _sync_all(office)

    _assert_converged(office)
    views = conflicts.list_conflicts(office.dbs["penilai"])
    assert len(views) == 1
    view = views[0]
    values = {view.current.value, *(o.value for o in view.others)}
    assert values == {"Tersusunnya laporan (versi laptop)", "Tersusunnya laporan (versi kantor)"}
    assert view.table == "rhk" and view.field == "text"

    # the supervisor does not own the plan's text: cannot choose
    import pytest

    from kinerja_desktop.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        conflicts.resolve(office.dbs["penilai"], people.penilai, "rhk", rhk_id, "text", view.others[0].conflict_id)

    # the pegawai chooses the office version on the laptop
    office_value = next(o for o in view.others if o.value == "Tersusunnya laporan (versi kantor)") \
        if view.current.value != "Tersusunnya laporan (versi kantor)" else None
    mine = conflicts.list_conflicts(laptop)[0]
    choose = None if mine.current.value == "Tersusunnya laporan (versi kantor)" else mine.others[0].conflict_id
    assert office_value is None or choose is not None
    conflicts.resolve(laptop, drafter, "rhk", rhk_id, "text", choose)
    assert conflicts.list_conflicts(laptop) == []
    _sync_all(office)
    _assert_converged(office)
    for db in office.dbs.values():
        assert conflicts.list_conflicts(db) == []
        with db.reader() as s:
            assert s.get(Rhk, rhk_id).text == "Tersusunnya laporan (versi kantor)"


def test_editing_a_conflicted_field_by_hand_settles_it(office: Office, people: People) -> None:
    drafter = people.drafter
    laptop, pc = office.dbs["staff"], office.dbs["reader"]
    with laptop.reader() as s:
        rhk_id = s.execute(select(Rhk.id).where(Rhk.plan_id == people.drafter_plan_id,
                                                Rhk.deleted.is_(False))).scalars().first()
    plan_service.update_rhk(laptop, drafter, rhk_id, text="A")
    plan_service.update_rhk(pc, drafter, rhk_id, text="B")
    _sync_all(office)
    assert len(conflicts.list_conflicts(laptop)) == 1
    plan_service.update_rhk(laptop, drafter, rhk_id, text="C, setelah melihat keduanya")
    _sync_all(office)
    _assert_converged(office)
    for db in office.dbs.values():
        assert conflicts.list_conflicts(db) == []
        with db.reader() as s:
            assert s.get(Rhk, rhk_id).text == "C, setelah melihat keduanya"


def test_same_realisation_created_on_two_devices_merges_into_one_row(office: Office, people: People) -> None:
    laptop, pc = office.dbs["staff"], office.dbs["reader"]
    ind = _indicator(laptop, people.staff_plan_id)
    realisation_service.set_realisation(laptop, people.staff, ind, "TW4", value="12 dokumen", note="dari kantor")
    realisation_service.set_realisation(pc, people.staff, ind, "TW4", value="13 dokumen")
    _sync_all(office)
    _assert_converged(office)
    with office.dbs["penilai"].reader() as s:
        rows = list(s.scalars(select(Realisation).where(Realisation.indicator_id == ind,
                                                        Realisation.period == "TW4")))
    assert len(rows) == 1
    views = conflicts.list_conflicts(office.dbs["penilai"])
    kept = {(v.field, v.current.value, tuple(o.value for o in v.others)) for v in views}
    assert {f for f, _c, _o in kept} >= {"value_text"}
    value_text = next(k for k in kept if k[0] == "value_text")
    assert {value_text[1], *value_text[2]} == {"12 dokumen", "13 dokumen"}


def test_applying_the_same_bundles_twice_changes_nothing(office: Office, people: People) -> None:
    staff_db = office.dbs["staff"]
    ind = _indicator(staff_db, people.staff_plan_id)
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", value="5 laporan")
    office.sync("staff")
    assert office.sync("reader").applied == 2
    before = snapshot(office.dbs["reader"])
    from kinerja_desktop.store.sync_models import SyncPeer

    with office.dbs["reader"].session() as s:
        peer = s.get(SyncPeer, this_device(staff_db))
        peer.applied_seq = 0
        peer.bundle_seq = 0
    again = office.sync("reader")
    assert again.applied == 0
    assert not diff(before, snapshot(office.dbs["reader"]))


def test_conflict_rows_are_local_bookkeeping(office: Office) -> None:
    with office.dbs["staff"].reader() as s:
        assert s.execute(select(SyncConflict)).first() is None


def test_packing_in_windows_keeps_signature_groups_whole(office: Office, people: People, monkeypatch) -> None:
    """The outbox is packed a window of entries at a time (memory stays flat on a founding push); a window
    never splits a signature group (a group longer than the window is read whole) and the chain stays
    contiguous."""
    from kinerja_desktop.store.changelog import device_id
    from kinerja_desktop.sync import engine

    staff_db, reader_db = office.dbs["staff"], office.dbs["reader"]
    with staff_db.reader() as s:
        indicators = list(s.scalars(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id).where(
            Rhk.plan_id == people.staff_plan_id, Indicator.deleted.is_(False))))
        me = device_id(s)
        before = s.execute(select(ChangeLog.seq).where(ChangeLog.device_id == me)
                           .order_by(ChangeLog.seq.desc())).scalars().first() or 0
    for n, ind in enumerate(indicators):
        realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", value=f"{n + 3} dokumen",
                                            note=f"catatan {n}")
    with staff_db.session(user=people.staff.username, role="PEGAWAI") as s:  # one commit, one signed group
        for r in s.scalars(select(Realisation).where(Realisation.period == "TW4",
                                                     Realisation.indicator_id.in_(indicators))):
            r.note = f"dirangkum {r.value_text}"
    with staff_db.reader() as s:
        sigs = [r.sig for r in s.scalars(select(ChangeLog).where(ChangeLog.device_id == me, ChangeLog.seq > before))]
    assert any(sig and int(sig.get("n") or 1) > 1 for sig in sigs), (len(indicators), sigs)  # a group of several
    monkeypatch.setattr(engine, "PACK_WINDOW", 2)
    pushed = office.sync("staff")
    assert pushed.entries_pushed == len(sigs) and pushed.unsigned == 0
    pulled = office.sync("reader")
    assert not pulled.quarantined and not pulled.waiting
    with reader_db.reader() as s:
        got = dict(s.execute(select(Realisation.indicator_id, Realisation.value_text).where(
            Realisation.period == "TW4", Realisation.indicator_id.in_(indicators))).all())
    assert got == {ind: f"{n + 3} dokumen" for n, ind in enumerate(indicators)}
    with reader_db.reader() as s:
        notes = set(s.scalars(select(Realisation.note).where(Realisation.period == "TW4",
                                                              Realisation.indicator_id.in_(indicators))))
    assert notes == {f"dirangkum {n + 3} dokumen" for n in range(len(indicators))}
