"""Merge rules: ownership by the roster, signatures, order of arrival, damaged bundles, cascading."""

from __future__ import annotations

import gzip
import shutil

from sqlalchemy import select

from kinerja_desktop.services import evaluation_service, plan_service
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.store.models import ChangeLog, Employee, Evaluation, Plan, Rhk, Supervision
from kinerja_desktop.store.sync_models import SyncConflict, SyncQuarantine
from kinerja_desktop.sync import conflicts
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncEngine
from kinerja_desktop.sync.remote import open_remote
from kinerja_desktop.sync.replica import this_device
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office, diff, snapshot


def _first_rhk(db, plan_id: str) -> str:
    with db.reader() as s:
        return s.execute(select(Rhk.id).where(Rhk.plan_id == plan_id, Rhk.deleted.is_(False))
                         .order_by(Rhk.position)).scalars().first()


def _converged(office: Office) -> None:
    snaps = [snapshot(db) for db in office.dbs.values()]
    for other in snaps[1:]:
        assert not diff(snaps[0], other), diff(snaps[0], other)


def test_rating_by_someone_who_is_not_the_penilai_is_refused_and_listed(office: Office, people: People) -> None:
    rogue_db = office.dbs["penilai"]
    # A device that skips the services: the other pengawas writes a rating for someone else's staff.
    with rogue_db.session(user=people.other_penilai.username, role="PENILAI") as s:
        ev = s.execute(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                Evaluation.period == "TW1")).scalar_one()
        original = ev.rating_hasil
        ev.rating_hasil = "DI_BAWAH" if original != "DI_BAWAH" else "DI_ATAS"
        s.add(Evaluation(plan_id=people.staff_plan_id, period="TW4", rating_hasil="DI_BAWAH"))
    office.sync("penilai")
    report = office.sync("reader")
    assert report.refused == 2 and report.applied == 0
    with office.dbs["reader"].reader() as s:
        ev = s.execute(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                Evaluation.period == "TW1")).scalar_one()
        assert ev.rating_hasil == original
        assert s.execute(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                  Evaluation.period == "TW4")).first() is None
    refused = conflicts.list_refused(office.dbs["reader"])
    assert len(refused) == 2
    assert all(r.user == people.other_penilai.username for r in refused)
    assert any("rating_hasil" in r.reason and "pejabat penilai" in r.reason for r in refused)

    # the real penilai's rating of the same field is accepted
    evaluation_service.set_ratings(office.dbs["staff"], user_by_username(office.dbs["staff"],
                                   people.penilai.username), people.staff_plan_id, "TW4", hasil="SESUAI")
    office.sync("staff")
    assert office.sync("reader").applied >= 1


def test_changing_the_roster_on_one_device_cannot_grant_rating_rights(office: Office, people: People) -> None:
    """A non-admin who makes himself the penilai in his copy of the roster is refused everywhere."""
    db = office.dbs["penilai"]
    other = people.other_penilai
    with db.session(user=other.username, role="ADMIN") as s:
        sup = s.execute(select(Supervision).where(Supervision.employee_id == people.staff.employee_id)).scalar_one()
        sup.supervisor_id = other.employee_id
        s.get(Plan, people.staff_plan_id).penilai_id = other.employee_id
    evaluation_service.set_ratings(db, other, people.staff_plan_id, "TW4", hasil="DI_BAWAH", perilaku="DI_BAWAH")
    office.sync("penilai")
    report = office.sync("reader")
    assert report.refused >= 3 and report.applied == 0
    with office.dbs["reader"].reader() as s:
        sup = s.execute(select(Supervision).where(Supervision.employee_id == people.staff.employee_id)).scalar_one()
        assert sup.supervisor_id == people.penilai.employee_id
        assert s.get(Plan, people.staff_plan_id).penilai_id == people.penilai.employee_id
        assert s.execute(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                  Evaluation.period == "TW4")).first() is None


def test_signed_fields_are_never_overwritten_in_either_order(office: Office, people: People) -> None:
    drafter = people.drafter
    assert drafter is not None
    signer_db, laptop, pen_db = office.dbs["staff"], office.dbs["reader"], office.dbs["penilai"]
    rhk_id = _first_rhk(laptop, people.drafter_plan_id)
    with laptop.reader() as s:
        signed_text = s.get(Rhk, rhk_id).text
    # the laptop edits the plan while, on another PC, the plan gets signed (which freezes it)
    plan_service.update_rhk(laptop, drafter, rhk_id, text="Diubah setelah dicetak")
    with signer_db.session(user=drafter.username, role="PEGAWAI") as s:
        s.get(Plan, people.drafter_plan_id).frozen = True

    office.sync("reader")            # pushes the edit
    office.sync("penilai")           # the supervisor's PC gets the edit first ...
    office.sync("staff")             # the signer's PC gets the edit after the signature
    office.sync("penilai")           # ... and the signature afterwards: the signed text comes back
    office.sync("reader")            # the laptop learns of the signature too
    _converged(office)
    for db in office.dbs.values():
        with db.reader() as s:
            assert s.get(Rhk, rhk_id).text == signed_text
            kept = s.execute(select(SyncConflict).where(SyncConflict.status == "open")).scalars().all()
            assert [(c.kind, c.value) for c in kept] == [("frozen", "Diubah setelah dicetak")]
    view = conflicts.list_conflicts(pen_db)
    assert view and view[0].kind == "frozen"


def test_bundles_that_arrive_out_of_order_wait_for_their_predecessors(office: Office, people: People,
                                                                       tmp_path) -> None:
    drafter = people.drafter
    staff_db = office.dbs["staff"]
    rhk_id = _first_rhk(staff_db, people.drafter_plan_id)
    plan_service.update_rhk(staff_db, drafter, rhk_id, text="Pertama")
    office.sync("staff")
    plan_service.update_rhk(staff_db, drafter, rhk_id, text="Kedua")
    office.sync("staff")
    device = this_device(staff_db)
    folder = office.store / P.bundles_dir(device)
    first, second = sorted(folder.iterdir())
    # a second copy of the store (e.g. a USB stick filled by a copy tool) that lacks the first bundle
    partial = tmp_path / "partial"
    shutil.copytree(office.store, partial)
    (partial / P.bundles_dir(device) / first.name).unlink()
    reader = office.dbs["reader"]
    report = SyncEngine(reader, open_remote(str(partial)), FAST).run()
    assert report.applied == 0 and device in report.waiting
    with reader.reader() as s:
        assert s.get(Rhk, rhk_id).text not in ("Pertama", "Kedua")
    shutil.copy2(first, partial / P.bundles_dir(device) / first.name)
    report = SyncEngine(reader, open_remote(str(partial)), FAST).run()
    assert report.applied == 2 and not report.waiting
    with reader.reader() as s:
        assert s.get(Rhk, rhk_id).text == "Kedua"
    assert second.exists()


def test_tampered_or_truncated_bundles_are_quarantined_and_not_applied(office: Office, people: People) -> None:
    drafter = people.drafter
    staff_db, reader = office.dbs["staff"], office.dbs["reader"]
    rhk_id = _first_rhk(staff_db, people.drafter_plan_id)
    plan_service.update_rhk(staff_db, drafter, rhk_id, text="Asli")
    office.sync("staff")
    device = this_device(staff_db)
    bundle = next((office.store / P.bundles_dir(device)).iterdir())
    original = bundle.read_bytes()
    text = gzip.decompress(original).replace(b"Asli", b"Palsu")
    bundle.write_bytes(gzip.compress(text))  # same name, different content
    before = snapshot(reader)
    report = office.sync("reader")
    assert report.applied == 0 and len(report.quarantined) == 1
    assert not diff(before, snapshot(reader))
    bundle.write_bytes(original[: len(original) // 2])  # a cut copy
    report = office.sync("reader")
    assert report.applied == 0 and report.quarantined
    with reader.reader() as s:
        rows = s.execute(select(SyncQuarantine)).scalars().all()
        assert len(rows) == 2 and all(r.device_id == device for r in rows)
        assert s.get(Rhk, rhk_id).text != "Palsu"
    bundle.write_bytes(original)  # the intact bundle arrives later: applied normally
    report = office.sync("reader")
    assert report.applied == 1 and not report.quarantined


def test_supervisor_rhk_reaches_staff_who_link_their_plan_offline(office: Office, people: People) -> None:
    """Cascading without both being online: supervisor's new RHK -> staff link -> supervisor sees it."""
    drafter = people.drafter
    assert drafter is not None
    sup_db, staff_db, atasan_db = office.dbs["penilai"], office.dbs["staff"], office.dbs["reader"]
    with sup_db.reader() as s:
        sup_emp = s.execute(select(Supervision.supervisor_id)
                            .where(Supervision.employee_id == drafter.employee_id)).scalar()
        sup_nip = s.get(Employee, sup_emp).nip
        atasan_emp = s.execute(select(Supervision.supervisor_id).where(Supervision.employee_id == sup_emp)).scalar()
        atasan_nip = s.get(Employee, atasan_emp).nip
        sup_plan = s.execute(select(Plan.id).where(Plan.employee_id == sup_emp, Plan.is_current.is_(True))).scalar()
    supervisor = user_by_username(sup_db, sup_nip)
    new_plan = plan_service.revise_plan(sup_db, supervisor, sup_plan)
    rhk = plan_service.add_rhk(sup_db, supervisor, new_plan, text="Meningkatnya kualitas layanan perizinan")
    plan_service.add_indicator(sup_db, supervisor, rhk, text="Indeks kepuasan layanan", target="85 indeks")
    plan_service.submit_plan(sup_db, supervisor, new_plan)
    office.sync("penilai")
    office.sync("reader")
    plan_service.approve_plan(atasan_db, user_by_username(atasan_db, atasan_nip), new_plan)
    office.sync("reader")

    office.sync("staff")
    options = dict(plan_service.supervisor_rhk_options(staff_db, drafter, people.drafter_plan_id))
    assert rhk in options
    with staff_db.reader() as s:
        assert s.get(Plan, new_plan).status == "APPROVED"
    mine = plan_service.add_rhk(staff_db, drafter, people.drafter_plan_id, text="Terlayaninya permohonan izin",
                                parent_rhk_id=rhk)
    office.sync("staff")
    office.sync("penilai")
    with sup_db.reader() as s:
        assert s.get(Rhk, mine).parent_rhk_id == rhk
    with sup_db.reader() as s:
        authors = {u for (u,) in s.execute(select(ChangeLog.user).where(ChangeLog.row_id == mine))}
    assert authors == {drafter.username}


def test_founding_a_store_does_not_make_a_staff_accounts_changes_trusted(office: Office, people: People) -> None:
    """A staff PC that re-founds an emptied store still has its own changes checked by others."""
    from kinerja_desktop.sync.engine import SyncOptions

    staff_db = office.dbs["staff"]
    with staff_db.session(user=people.staff.username, role="PENILAI") as s:  # rates himself
        ev = s.execute(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                Evaluation.period == "TW1")).scalar_one()
        original = ev.rating_hasil
        ev.rating_hasil = "DI_ATAS" if original != "DI_ATAS" else "SESUAI"
    shutil.rmtree(office.store)
    office.store.mkdir()
    confirm = SyncOptions(confirm_store=True, retry_base=0.01)
    office.sync("staff", confirm)  # founds a new store: its history is the new store's seed
    report = office.sync("reader", confirm)
    assert report.refused == 1 and report.applied == 0
    with office.dbs["reader"].reader() as s:
        assert s.execute(select(Evaluation.rating_hasil).where(Evaluation.plan_id == people.staff_plan_id,
                                                               Evaluation.period == "TW1")).scalar() == original


def test_a_realisation_edited_on_two_pcs_is_one_conflict_and_its_number_follows_the_text(office: Office,
                                                                                      people: People) -> None:
    from kinerja_desktop.services import realisation_service
    from kinerja_desktop.store.models import Indicator, Realisation

    staff_pc, other_pc = office.dbs["staff"], office.dbs["reader"]
    with staff_pc.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id, Indicator.target_value.is_not(None))
                        ).scalars().first()
    realisation_service.set_realisation(staff_pc, people.staff, ind, "TW4", value="13 kegiatan")
    realisation_service.set_realisation(other_pc, people.staff, ind, "TW4", value="14 kegiatan")
    for _ in range(2):
        for name in ("staff", "reader", "penilai"):
            office.sync(name)

    def state(db) -> tuple[list[str], str, float]:
        with db.reader() as s:
            real = s.scalars(select(Realisation).where(Realisation.indicator_id == ind,
                                                       Realisation.period == "TW4")).one()
            fields = sorted(c.field for c in s.scalars(select(SyncConflict).where(
                SyncConflict.row_id == real.id, SyncConflict.status == "open")))
            return fields, real.value_text, real.value_number

    for name in ("staff", "reader", "penilai"):
        fields, text, number = state(office.dbs[name])
        assert fields == ["value_text"], name  # one edit, one conflict
        assert number == float(text.split()[0])
    mine = conflicts.list_conflicts(staff_pc)
    item = next(c for c in mine if c.field == "value_text")
    conflicts.resolve(staff_pc, people.staff, item.table, item.row_id, "value_text", item.others[0].conflict_id)
    for _ in range(2):
        for name in ("staff", "reader", "penilai"):
            office.sync(name)
    results = {name: state(office.dbs[name]) for name in ("staff", "reader", "penilai")}
    assert len({r[1:] for r in results.values()}) == 1
    fields, text, number = results["reader"]
    assert fields == [] and number == float(text.split()[0])
