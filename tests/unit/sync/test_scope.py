"""Scoped replication: a PC set up for a person holds that person's scope and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services import evaluation_service, realisation_service
from kinerja_desktop.services.auth_service import authenticate
from kinerja_desktop.services.people_here import remember_person
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import (
    Employee,
    Evaluation,
    Indicator,
    LocalMeta,
    Plan,
    Realisation,
    Rhk,
    RhkFeedback,
    Supervision,
    UserAccount,
)
from kinerja_desktop.store.sync_models import SyncOutbox, SyncPartOutbox
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.replica import this_device
from kinerja_desktop.sync.scope import scope_of
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import Office


def _nip(db: Database, employee_id: str) -> str:
    with db.reader() as s:
        return str(s.get(Employee, employee_id).nip)


def _owners(db: Database) -> dict[str, set[str]]:
    """Whose records of each kind this replica holds (employee ids)."""
    with db.reader() as s:
        plan_emp = dict(s.execute(select(Plan.id, Plan.employee_id)).all())
        ind_plan = dict(s.execute(select(Indicator.id, Rhk.plan_id).join(Rhk, Rhk.id == Indicator.rhk_id)).all())
        ev_plan = dict(s.execute(select(Evaluation.id, Evaluation.plan_id)).all())
        return {
            "plan": set(plan_emp.values()),
            "indicator": {plan_emp.get(p) for p in ind_plan.values()},
            "realisation": {plan_emp.get(ind_plan.get(i)) for (i,) in s.execute(select(Realisation.indicator_id))},
            "evaluation": {plan_emp.get(p) for p in ev_plan.values()},
            "feedback": {plan_emp.get(ev_plan.get(e)) for (e,) in s.execute(select(RhkFeedback.evaluation_id))},
            "verifier": {a.employee_id or a.username for a in s.scalars(select(UserAccount))},
        }


def _up_line(db: Database, employee_id: str) -> set[str]:
    out: set[str] = set()
    with db.reader() as s:
        boss = s.execute(select(Supervision.supervisor_id).where(Supervision.employee_id == employee_id)).scalar()
        while boss and boss not in out:
            out.add(boss)
            boss = s.execute(select(Supervision.supervisor_id).where(Supervision.employee_id == boss)).scalar()
    return out


def _central_sync(office: Office, options: object = None, *,
                  move: tuple[People, str, str, list[int]] | None = None) -> None:
    """One sync of the central office's own database (it keeps the root key), all demo keys unlocked;
    ``move``: (people, employee, new penilai, years) — the roster moves the employee first and is published."""
    from kinerja_desktop.central.roster import publish_roster
    from kinerja_desktop.services.demo_service import DEMO_ADMIN
    from kinerja_desktop.services.roster_service import set_supervisor
    from kinerja_desktop.services.trust_service import unlock_root
    from kinerja_desktop.store.db import open_database
    from kinerja_desktop.sync.engine import SyncEngine
    from kinerja_desktop.sync.remote import open_remote
    from tests.helpers.fixtures import unlock_demo_keys
    from tests.unit.sync.sync_office import FAST

    central = open_database(office.master)
    try:
        unlock_demo_keys(central)
        remote = open_remote(str(office.store))
        try:
            if move is not None:
                people, employee, penilai, years = move
                for year in years:
                    set_supervisor(central, people.admin, employee, penilai, year)
                publish_roster(central, remote, unlock_root(central, DEMO_ADMIN[1]))
            SyncEngine(central, remote, options or FAST).run()  # type: ignore[arg-type]
        finally:
            remote.close()
    finally:
        central.dispose()


def _setup_pc(office: Office, name: str, who: str) -> Database:
    """A new PC set up for one person: a fresh database, the root pinned, the person named."""
    db = office.add_device(name, fresh=True)
    remember_person(db, who)
    return db


def test_a_staff_pc_holds_its_person_and_the_rhk_above_nothing_else(office: Office, people: People) -> None:
    staff_id, penilai_id = people.staff.employee_id, people.penilai.employee_id
    master = office.dbs["reader"]
    nip = _nip(master, staff_id)
    db = _setup_pc(office, "mine", nip)

    report = office.sync("mine")
    assert not report.quarantined, report.quarantined
    assert report.scope["full"] is False and report.scope["records"] > 0
    owners = _owners(db)
    assert not report.waiting, report.waiting
    # their own plan, indicators, realisations, evaluations; the plans and RHK up the line (the cascade
    # their RHK hang from), nothing of anyone beside or below them
    up_line = _up_line(master, staff_id)
    assert penilai_id in up_line
    assert owners["plan"] == {staff_id} | (up_line & _owners(master)["plan"])
    for kind in ("indicator", "realisation", "evaluation", "feedback"):
        assert owners[kind] <= {staff_id}, (kind, owners[kind])
    assert owners["realisation"] == _owners(master)["realisation"] & {staff_id}
    assert owners["indicator"] == {staff_id}
    # sign-in verifiers: the person and the instansi's admin account only
    assert owners["verifier"] == {staff_id, "admin"}
    with db.reader() as s:
        penilai_rhk = s.scalars(select(Rhk).join(Plan, Plan.id == Rhk.plan_id)
                                .where(Plan.employee_id == penilai_id)).all()
        assert penilai_rhk, "the penilai's RHK (for intervensi) arrive"
        all_employees = s.execute(select(Employee.id)).scalars().all()
    with master.reader() as s:
        office_size = len(s.execute(select(Employee.id)).scalars().all())
    assert len(all_employees) < office_size
    # the roster: the cards of the people in view, not the snapshot of the whole office
    from kinerja_desktop.services.trust_service import CARDS_KEY, ROSTER_KEY

    assert db.meta(ROSTER_KEY) is None and len(db.meta(CARDS_KEY)) < 40
    snapshot = max(f.stat().st_size for f in Path(office.store, P.ROSTER_DIR).iterdir() if f.is_file())
    cards = sum(len(P.dumps(c["doc"])) for c in db.meta(CARDS_KEY).values())
    assert cards < snapshot, (cards, snapshot)
    # the whole office's store holds far more than this PC downloaded
    store_bytes = sum(f.stat().st_size for f in Path(office.store).rglob("*") if f.is_file())
    assert report.bytes_down < store_bytes / 4, (report.bytes_down, store_bytes)

    # the person signs in on the new PC with their own password, and what they write is theirs
    user = authenticate(db, nip, nip)
    with db.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(db, user, ind, "TW4", value="7 laporan", note="dari PC sendiri")
    pushed = office.sync("mine")
    assert pushed.entries_pushed >= 1 and pushed.part_bundles_pushed >= 1

    office.sync("penilai")  # a full replica (forked from the office) takes it as ever
    with office.dbs["penilai"].reader() as s:
        assert s.execute(select(Realisation.note).where(Realisation.indicator_id == ind,
                                                        Realisation.period == "TW4")).scalar() == "dari PC sendiri"


def test_a_penilai_pc_holds_the_team_and_the_work_flows_both_ways(office: Office, people: People) -> None:
    staff_id, penilai_id = people.staff.employee_id, people.penilai.employee_id
    master = office.dbs["reader"]
    staff_db = _setup_pc(office, "staff-pc", _nip(master, staff_id))
    pen_db = _setup_pc(office, "penilai-pc", _nip(master, penilai_id))
    office.sync("staff-pc")
    office.sync("penilai-pc")
    with master.reader() as s:
        team = set(s.execute(select(Supervision.employee_id).where(Supervision.supervisor_id == penilai_id))
                   .scalars())
        other_unit = s.execute(select(Supervision.employee_id).where(
            Supervision.supervisor_id == people.other_penilai.employee_id)).scalars().first()
    owners = _owners(pen_db)
    assert staff_id in owners["realisation"]
    assert owners["realisation"] <= team | {penilai_id}
    assert other_unit not in owners["plan"] | owners["realisation"]
    assert owners["verifier"] == {penilai_id, "admin"}

    staff = authenticate(staff_db, _nip(master, staff_id), _nip(master, staff_id))
    penilai = authenticate(pen_db, _nip(master, penilai_id), _nip(master, penilai_id))
    with staff_db.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(staff_db, staff, ind, "TW4", value="9 laporan", note="lengkap")
    office.sync("staff-pc")
    office.sync("penilai-pc")
    with pen_db.reader() as s:
        assert s.execute(select(Realisation.value_text).where(Realisation.indicator_id == ind,
                                                              Realisation.period == "TW4")).scalar() == "9 laporan"
    evaluation_service.set_ratings(pen_db, penilai, people.staff_plan_id, "TW4", hasil="DI_ATAS", perilaku="SESUAI")
    office.sync("penilai-pc")
    report = office.sync("staff-pc")
    assert not report.quarantined and not report.refused
    with staff_db.reader() as s:
        ev = s.execute(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                Evaluation.period == "TW4")).scalar_one()
        assert ev.rating_hasil == "DI_ATAS"


def test_an_entry_put_in_another_persons_partition_stays_out(office: Office, people: People) -> None:
    """Someone with store access copies another person's genuine, signed change into a staff member's
    partition: the signature verifies, but the record is not the staff member's and stays out."""
    staff_id, other_id = people.staff.employee_id, people.other_penilai.employee_id
    full = office.dbs["penilai"]
    with full.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id).join(Plan, Plan.id == Rhk.plan_id)
                        .where(Plan.employee_id == other_id, Plan.status == "APPROVED")).scalars().first()
    assert ind, "the other penilai has an approved plan in the demo office"
    realisation_service.set_realisation(full, people.other_penilai, ind, "TW4", value="3 kegiatan", note="rahasia")
    office.sync("penilai")
    device = this_device(full)
    src = next(f for f in Path(office.store, P.part_dir(f"e-{other_id}")).iterdir()
               if (parsed := P.parse_part_bundle_name(f.name)) and parsed[0] == device)  # (and its head.json)
    _dev, last, sha = P.parse_part_bundle_name(src.name)  # type: ignore[misc]
    header, entries = P.decode_part_bundle(src.read_bytes(), expected_sha=sha, device=device,
                                           part=f"e-{other_id}", last_seq=last)
    header.part, header.prev = f"e-{staff_id}", None
    data = P.encode_part_bundle(header, [P.dumps(e.to_json()) for e in entries])
    target = Path(office.store, P.part_dir(f"e-{staff_id}"))
    (target / P.part_bundle_name(device, header.last_seq, P.sha256(data))).write_bytes(data)

    db = _setup_pc(office, "mine", _nip(office.dbs["reader"], staff_id))
    report = office.sync("mine")
    assert any("bukan bagian" in q for q in report.quarantined), report.quarantined
    with db.reader() as s:
        assert s.execute(select(Realisation.id).where(Realisation.note == "rahasia")).first() is None
    # and it holds up nothing: the staff member's own records arrived
    assert _owners(db)["indicator"] == {staff_id}


def test_scope_of_a_pc_with_nobody_or_an_admin_is_everything(office: Office) -> None:
    db = _setup_pc(office, "central", "admin")
    office.sync("central")
    assert scope_of(db).full
    blank = office.add_device("blank", fresh=True)
    assert scope_of(blank).full


def test_the_central_offices_database_stays_full_whoever_signs_in(office: Office, people: People) -> None:
    from kinerja_desktop.store.db import open_database

    central = open_database(office.master)  # keeps the instansi's root key
    try:
        nip = _nip(central, people.staff.employee_id)
        authenticate(central, nip, nip)
        assert scope_of(central).full
    finally:
        central.dispose()


def test_the_layout_marker_is_written_once_by_the_founder(office: Office) -> None:
    marker = json.loads(Path(office.store, P.PARTS_MARKER).read_text())
    assert marker["layout"] == P.PART_FORMAT


def test_an_old_store_migrates_with_a_dry_run_first_and_then_serves_scoped_pcs(office: Office,
                                                                               people: People) -> None:
    import shutil

    from kinerja_desktop.sync.migrate_store import migrate_store
    from kinerja_desktop.sync.remote import open_remote

    staff_id = people.staff.employee_id
    # a store written before scoped sync: no partitions, and replicas that never wrote any
    shutil.rmtree(Path(office.store, P.PARTS_DIR))
    for db in office.dbs.values():
        with db.session() as s:
            for key in [k for (k,) in s.execute(select(LocalMeta.key)) if k.startswith("sync.part")]:
                s.delete(s.get(LocalMeta, key))
            s.query(SyncPartOutbox).delete()
    # work goes on meanwhile on the staff member's own (full) PC
    staff_pc = office.dbs["staff"]
    with staff_pc.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(staff_pc, people.staff, ind, "TW4", value="5 laporan", note="sebelum migrasi")
    assert office.sync("staff").part_bundles_pushed == 0  # nothing partitioned before the migration
    central = office.dbs["reader"]
    office.sync("reader")

    remote = open_remote(str(office.store))
    try:
        dry = migrate_store(central, remote, people.admin, dry_run=True)
        assert dry.bundles_written > 0 and dry.partitions > 0 and not dry.damaged
        assert not Path(office.store, P.PARTS_DIR).exists(), "a dry run writes nothing"
        real = migrate_store(central, remote, people.admin, dry_run=False)
        assert (real.bundles_written, real.partitions) == (dry.bundles_written, dry.partitions)
        again = migrate_store(central, remote, people.admin, dry_run=False)
        assert again.already_migrated and again.bundles_written == 0 and again.bundles_present == real.bundles_written
        with pytest.raises(PermissionDenied):
            migrate_store(central, remote, people.staff, dry_run=True)
    finally:
        remote.close()

    # the staff member's PC goes on: its next change continues its partition chain after the migrated part
    realisation_service.set_realisation(staff_pc, people.staff, ind, "TW4", value="6 laporan", note="sesudah migrasi")
    assert office.sync("staff").part_bundles_pushed >= 1
    mine = _setup_pc(office, "mine", _nip(central, staff_id))
    report = office.sync("mine")
    assert not report.quarantined and not report.waiting, (report.quarantined, report.waiting)
    with mine.reader() as s:
        assert s.execute(select(Realisation.note).where(Realisation.indicator_id == ind,
                                                        Realisation.period == "TW4")).scalar() == "sesudah migrasi"
    assert _owners(mine)["realisation"] <= {staff_id}


def test_a_subordinates_evidence_comes_to_the_penilai_pc_when_opened(office: Office, people: People,
                                                                     tmp_path: Path) -> None:
    from kinerja_desktop.store.models import Attachment
    from kinerja_desktop.sync.files import fetch_files
    from kinerja_desktop.sync.replica import save_remote

    staff_id, penilai_id = people.staff.employee_id, people.penilai.employee_id
    master = office.dbs["reader"]
    staff_db = _setup_pc(office, "staff-pc", _nip(master, staff_id))
    pen_db = _setup_pc(office, "penilai-pc", _nip(master, penilai_id))
    office.sync("staff-pc")
    staff = authenticate(staff_db, _nip(master, staff_id), _nip(master, staff_id))
    with staff_db.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(staff_db, staff, ind, "TW4", value="4 laporan")
    evidence = tmp_path / "notulen.pdf"
    evidence.write_bytes(b"%PDF-1.4 bukti rapat " * 5000)
    realisation_service.add_evidence(staff_db, staff, ind, "TW4", evidence)
    office.sync("staff-pc")

    office.sync("penilai-pc")  # a subordinate's files are not downloaded with the records
    with pen_db.reader() as s:
        att = s.execute(select(Attachment).where(Attachment.filename == "notulen.pdf")).scalar_one()
        sha = att.sha256
    assert not pen_db.blobs.exists(sha)
    save_remote(pen_db, str(office.store))
    assert fetch_files(pen_db, [sha]) == 1
    assert pen_db.blobs.read_bytes(sha) == evidence.read_bytes()


def test_scope_follows_a_mutation_the_old_penilai_pc_lets_go(office: Office, people: People) -> None:

    staff_id, penilai_id, other_id = (people.staff.employee_id, people.penilai.employee_id,
                                      people.other_penilai.employee_id)
    reader = office.dbs["reader"]
    old_pc = _setup_pc(office, "old-penilai-pc", _nip(reader, penilai_id))
    new_pc = _setup_pc(office, "new-penilai-pc", _nip(reader, other_id))
    office.sync("old-penilai-pc")
    office.sync("new-penilai-pc")
    assert staff_id in _owners(old_pc)["plan"] and staff_id not in _owners(new_pc)["plan"]
    with reader.reader() as s:
        years = sorted(set(s.execute(select(Supervision.year).where(Supervision.employee_id == staff_id)).scalars()))

    _central_sync(office, move=(people, staff_id, other_id, years))

    moved_in = office.sync("new-penilai-pc")
    let_go = office.sync("old-penilai-pc")
    assert f"e-{staff_id}" in scope_of(new_pc).parts, (moved_in.waiting, moved_in.refused)
    assert staff_id in _owners(new_pc)["realisation"] | _owners(new_pc)["indicator"]
    assert staff_id not in _owners(old_pc)["indicator"] | _owners(old_pc)["realisation"]
    assert let_go.purged > 0 and not moved_in.quarantined


def test_setting_up_a_pc_for_a_person_from_the_command_line(office: Office, people: People, capsys,
                                                            tmp_path: Path) -> None:
    """`kinerja --db FILE sync akar daftar F` then `kinerja --db FILE --user NIP --json sync --remote STORE`."""
    from kinerja_desktop.cli import main
    from kinerja_desktop.services.trust_service import pinned_root

    nip = _nip(office.dbs["reader"], people.staff.employee_id)
    enrol = tmp_path / "pendaftaran.json"
    enrol.write_text(json.dumps({"root": pinned_root(office.dbs["reader"])}))
    path = str(tmp_path / "pc-ani.sqlite")
    assert main(["--db", path, "sync", "akar", "daftar", str(enrol)]) == 0
    capsys.readouterr()
    assert main(["--db", path, "--user", nip, "--json", "sync", "--remote", str(office.store)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["bytes_down"] > 0 and "bytes_up" in report
    assert report["scope"]["full"] is False and report["scope"]["records"] > 0
    assert report["scope"]["employees"] == 1
    assert main(["--db", path, "--json", "sync", "status"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["scope"] == {"full": False, "people": [nip], "employees": 1,
                               "partitions": report["scope"]["partitions"]}
    assert main(["--db", path, "sync", "status"]) == 0
    assert f"lingkup {nip}: 1 pegawai" in capsys.readouterr().out


def test_joining_an_office_takes_the_persons_scope_and_refuses_an_unknown_nip(office: Office, people: People,
                                                                               tmp_path: Path) -> None:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services.people_here import people_here
    from kinerja_desktop.services.trust_service import pinned_root
    from kinerja_desktop.store.db import open_database
    from kinerja_desktop.sync.join import join_office
    from tests.unit.sync.sync_office import FAST

    root = pinned_root(office.dbs["reader"]) or ""
    wrong = open_database(tmp_path / "salah.sqlite")
    try:
        with pytest.raises(ValidationError) as err:
            join_office(wrong, "199001012020011999", str(office.store), root, options=FAST)
        assert err.value.field == "NIP" and not people_here(wrong)
        # the admins' accounts arrived, but the PC is not set up: the first-run wizard shows again
        from kinerja_desktop.services.auth_service import has_accounts

        assert not has_accounts(wrong)
    finally:
        wrong.dispose()
    db = open_database(tmp_path / "ani.sqlite")
    try:
        nip = _nip(office.dbs["reader"], people.staff.employee_id)
        report = join_office(db, nip, str(office.store), root, options=FAST)
        assert report.scope["employees"] == 1 and people_here(db) == [nip]
        assert has_accounts(db)
        assert authenticate(db, nip, nip).employee_id == people.staff.employee_id
    finally:
        db.dispose()


def test_a_signature_made_on_a_scoped_pc_keeps_what_its_signer_had_seen(office: Office, people: People) -> None:
    """The freeze clock of a PC that reads partitions names streams per partition: a receiver must read
    it so, or it would take back everything the signer had seen (the plan's approval, its RHK)."""
    from kinerja_desktop.store.sync_models import SyncConflict

    staff_id = people.staff.employee_id
    nip = _nip(office.dbs["reader"], staff_id)
    db = _setup_pc(office, "mine", nip)
    office.sync("mine")
    user = authenticate(db, nip, nip)
    with db.session(user=user.username, role="PEGAWAI") as s:
        s.get(Plan, people.staff_plan_id).frozen = True  # as signing the SKP sheet does
    assert office.sync("mine").entries_pushed >= 1
    report = office.sync("reader")
    assert report.applied >= 1 and not report.refused
    with office.dbs["reader"].reader() as s:
        plan = s.get(Plan, people.staff_plan_id)
        assert plan.frozen and plan.status == "APPROVED"
        assert s.execute(select(SyncConflict).where(SyncConflict.kind == "frozen")).first() is None


def test_what_a_pc_wrote_stays_until_the_central_offices_receipt_covers_it(office: Office, people: People) -> None:
    """A record leaving a PC's scope keeps what the PC's own people wrote about it until the central
    office has it (its signed receipt says so); a receipt not signed by an admin counts for nothing."""
    from kinerja_desktop.store import signing
    from kinerja_desktop.store.db import open_database
    from kinerja_desktop.sync.engine import SyncOptions
    from tests.helpers.fixtures import unlock_demo_keys
    from tests.unit.sync.sync_office import FAST

    staff_id, penilai_id, other_id = (people.staff.employee_id, people.penilai.employee_id,
                                      people.other_penilai.employee_id)
    reader = office.dbs["reader"]
    pc = _setup_pc(office, "penilai-pc", _nip(reader, penilai_id))
    office.sync("penilai-pc")
    penilai = authenticate(pc, _nip(reader, penilai_id), _nip(reader, penilai_id))
    with pc.reader() as s:
        rhk_id = s.execute(select(Rhk.id).where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
        years = sorted(set(s.execute(select(Supervision.year).where(Supervision.employee_id == staff_id)).scalars()))
    evaluation_service.set_rhk_feedback(pc, penilai, people.staff_plan_id, "TW4", rhk_id, "Tetap pertahankan")
    office.sync("penilai-pc")  # sent: on the store, not yet in the central replica

    def my_feedback() -> int:
        with pc.reader() as s:
            return len(s.execute(select(RhkFeedback.id).where(RhkFeedback.rhk_id == rhk_id,
                                                              RhkFeedback.text == "Tetap pertahankan")).all())

    _central_sync(office, SyncOptions(**{**FAST.__dict__, "pull": False}),  # the roster moves the staff
                  move=(people, staff_id, other_id, years))
    office.sync("penilai-pc")
    assert f"e-{staff_id}" not in scope_of(pc).parts
    assert my_feedback() == 1  # the penilai's own words wait for the central office

    # a forged receipt (signed by a staff member's key, not an admin's) does not let them go
    device = this_device(pc)
    forger = open_database(office.master)
    try:
        unlock_demo_keys(forger)
        staff_signer = forger.keys.get(people.staff.username)
    finally:
        forger.dispose()
    body = {"kind": "receipt", "store": json.loads((office.store / P.IDENTITY_PATH).read_text())["store_id"],
            "device": device, "applied": 10**9, "by": device, "u": people.staff.username, "k": staff_signer.kid}
    forged = office.store / P.receipt_dir(device) / P.receipt_name(10**9, staff_signer.kid)
    forged.parent.mkdir(parents=True, exist_ok=True)
    forged.write_text(json.dumps({"body": body, "sig": signing.sign_document(staff_signer, body)}))
    office.sync("penilai-pc")
    assert my_feedback() == 1
    forged.unlink()

    _central_sync(office)  # the central office takes in the PC's work and says so
    assert any((office.store / P.receipt_dir(device)).iterdir())
    report = office.sync("penilai-pc")
    assert my_feedback() == 0 and report.purged > 0


def test_a_tim_kerja_member_from_another_unit_receives_the_ketuas_draft_rhk(office: Office, people: People) -> None:
    """Issue 17's matriks peran hasil across units: the ketua's plan and RHK come to the member's PC (the
    drafts intervene in them) and to their penilai's, through the team on the signed roster cards;
    nothing else of the ketua's record does."""
    from kinerja_desktop.services import role_matrix_service
    from kinerja_desktop.store.models_peran import PeranHasil, TimKerja

    master = office.dbs["reader"]
    with master.reader() as s:
        team = s.scalars(select(TimKerja).where(TimKerja.deleted.is_(False)).order_by(TimKerja.id)).first()
        assert team is not None, "the demo office has a tim kerja across units"
        head_id = team.employee_id
        member_id = team.members[0]["employee_id"]
        member_penilai = s.execute(select(Supervision.supervisor_id).where(
            Supervision.employee_id == member_id, Supervision.year == team.year)).scalar()
        assert member_penilai and member_penilai != head_id
        assert head_id not in _up_line(master, member_id), "a member from outside the ketua's line"
        cells = set(s.scalars(select(PeranHasil.id).where(PeranHasil.employee_id == member_id,
                                                          PeranHasil.tim_kerja_id == team.id)))
        member_plan = s.execute(select(Plan.id).where(Plan.employee_id == member_id, Plan.year == team.year,
                                                      Plan.is_current.is_(True))).scalar()
        assert cells and member_plan
    db = _setup_pc(office, "member-pc", _nip(master, member_id))
    report = office.sync("member-pc")
    assert not report.waiting and not report.quarantined, (report.waiting, report.quarantined)
    owners = _owners(db)
    assert head_id in owners["plan"], "the ketua's plan header arrives"
    for kind in ("indicator", "realisation", "evaluation", "feedback"):
        assert head_id not in owners[kind], kind  # the ketua's own results stay with them
    with db.reader() as s:
        assert s.get(TimKerja, team.id) is not None
    user = authenticate(db, _nip(master, member_id), _nip(master, member_id))
    drafts = role_matrix_service.drafts_for_plan(db, user, member_plan)
    offered = {d.id: d for d in drafts if d.source == "MATRIKS"}
    assert cells <= set(offered), (cells, offered)
    with master.reader() as s:
        head_rhk = {r for (r,) in s.execute(select(Rhk.id).join(Plan, Plan.id == Rhk.plan_id)
                                             .where(Plan.employee_id == head_id))}
    assert all(offered[c].parent_rhk_id in head_rhk for c in cells)
    # the member's penilai holds the member's records, the matrix cells among them: no change waits there
    pen = _setup_pc(office, "member-penilai-pc", _nip(master, member_penilai))
    pen_report = office.sync("member-penilai-pc")
    assert not pen_report.waiting and not pen_report.quarantined, (pen_report.waiting, pen_report.quarantined)
    with pen.reader() as s:
        assert set(s.scalars(select(PeranHasil.id).where(PeranHasil.employee_id == member_id))) >= cells
    assert head_id not in _owners(pen)["indicator"]


def test_partition_bundles_cut_from_the_spill_equal_those_read_from_the_log(office: Office, people: People) -> None:
    """The outbox packing spills each change's JSON line under its partition and the partition bundles
    are cut from that file (one JSON encoding per change). A PC whose spill is gone (packed by an older
    version, or the file was lost) reads its log again: the partition bundles carry the very same
    changes, each line byte for byte the line of the device's own bundle."""
    import gzip

    from kinerja_desktop.store.changelog import device_id
    from kinerja_desktop.sync.engine import PART_PACKED_KEY, SyncEngine
    from kinerja_desktop.sync.remote import open_remote
    from tests.unit.sync.sync_office import FAST

    staff_pc = office.dbs["staff"]
    with staff_pc.reader() as s:
        indicators = list(s.scalars(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                                    .where(Rhk.plan_id == people.staff_plan_id)))
        me = device_id(s)
    for round_ in (1, 2):
        for n, ind in enumerate(indicators):
            realisation_service.set_realisation(staff_pc, people.staff, ind, "TW4", value=f"{n + round_} laporan",
                                                note=f"catatan {round_} {n}")
    outbox = staff_pc.data_dir / "sync" / "outbox"
    spill = staff_pc.data_dir / "sync" / "parts-spill.sqlite"
    packed_before = staff_pc.meta(f"{PART_PACKED_KEY}.{me}")
    with staff_pc.reader() as s:
        already = set(s.scalars(select(SyncOutbox.name)))
    remote = open_remote(str(office.store))
    try:
        engine = SyncEngine(staff_pc, remote, FAST)
        engine.pack()
        assert spill.is_file()

        def part_bundles() -> dict[tuple[str, int], tuple[dict[str, object], list[str]]]:
            engine._make_part_bundles()
            assert not spill.exists(), "packed for good: the spill file is removed"
            out = {}
            with staff_pc.session() as s:
                for row in s.scalars(select(SyncPartOutbox).where(SyncPartOutbox.sent_to.is_(None))):
                    raw = gzip.decompress((outbox / "parts" / row.part / row.name).read_bytes()).decode()
                    head, *lines = raw.splitlines()
                    header = json.loads(head)
                    header.pop("created_at")
                    out[(row.part, row.last_seq)] = (header, lines)
                    (outbox / "parts" / row.part / row.name).unlink()
                    s.delete(row)
                s.merge(LocalMeta(key=f"{PART_PACKED_KEY}.{me}", value=packed_before))
            return out

        from_spill = part_bundles()
        assert from_spill and any(len(lines) > 1 for _h, lines in from_spill.values())
        from_log = part_bundles()  # no spill now: the outbox bundles are read from the log again
        assert from_log == from_spill
    finally:
        remote.close()
    # every partition line is the device bundle's own line for that change
    device_lines = {}
    with staff_pc.reader() as s:
        packed_now = set(s.scalars(select(SyncOutbox.name))) - already
    assert packed_now
    for name in packed_now:
        for line in gzip.decompress((outbox / name).read_bytes()).decode().splitlines()[1:]:
            device_lines[json.loads(line)["seq"]] = line
    part_lines = [line for _h, lines in from_spill.values() for line in lines]
    assert len(part_lines) == len({json.loads(x)["seq"] for x in part_lines})
    assert all(device_lines[json.loads(line)["seq"]] == line for line in part_lines)
    # and a sync sends them; a PC set up for the person reads them
    assert office.sync("staff").part_bundles_pushed == len(from_spill)
    mine = _setup_pc(office, "mine", _nip(staff_pc, people.staff.employee_id))
    report = office.sync("mine")
    assert not report.quarantined and not report.waiting
    with mine.reader() as s:
        notes = set(s.scalars(select(Realisation.note).where(Realisation.indicator_id.in_(indicators))))
    assert {f"catatan 2 {n}" for n in range(len(indicators))} <= notes


def test_a_damaged_spill_file_is_started_anew_and_the_partitions_still_get_the_change(office: Office,
                                                                                      people: People) -> None:
    from kinerja_desktop.sync.engine import SyncEngine
    from kinerja_desktop.sync.remote import open_remote
    from tests.unit.sync.sync_office import FAST

    staff_pc = office.dbs["staff"]
    with staff_pc.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(staff_pc, people.staff, ind, "TW4", value="4 laporan", note="spill rusak")
    remote = open_remote(str(office.store))
    try:
        SyncEngine(staff_pc, remote, FAST).pack()
    finally:
        remote.close()
    spill = staff_pc.data_dir / "sync" / "parts-spill.sqlite"
    assert spill.is_file()
    for f in spill.parent.glob("parts-spill.sqlite*"):
        f.write_bytes(b"\0rusak" * 1000)
    pushed = office.sync("staff")
    assert pushed.entries_pushed >= 1 and pushed.part_bundles_pushed >= 1
    assert not spill.exists()
    mine = _setup_pc(office, "mine", _nip(staff_pc, people.staff.employee_id))
    report = office.sync("mine")
    assert not report.quarantined and not report.waiting
    with mine.reader() as s:
        assert s.execute(select(Realisation.note).where(Realisation.indicator_id == ind,
                                                        Realisation.period == "TW4")).scalar() == "spill rusak"



def test_a_ketuas_pc_names_the_teams_members_and_keeps_the_cells_it_gave_them(office: Office, people: People) -> None:
    """A matrix cell for a member from another line lies in that member's record (their line reads it
    with their SKP), but it is the ketua's work: the ketua's PC reads the members' roster entries (the
    matrix names them), and keeps the cells it wrote once the central office holds them, while nothing
    of the member's own record comes to it."""
    from kinerja_desktop.services import role_matrix_service
    from kinerja_desktop.store.models_peran import PeranHasil, TimKerja

    master = office.dbs["reader"]
    with master.reader() as s:
        team = next(t for t in s.scalars(select(TimKerja).where(TimKerja.deleted.is_(False)).order_by(TimKerja.id))
                    if any(t.employee_id not in _up_line(master, m["employee_id"]) for m in t.members))
        head_id, year = team.employee_id, team.year
        member_id = next(m["employee_id"] for m in team.members if head_id not in _up_line(master, m["employee_id"]))
    head_nip = _nip(master, head_id)
    pc = _setup_pc(office, "ketua-pc", head_nip)
    report = office.sync("ketua-pc")
    assert not report.waiting and not report.quarantined, (report.waiting, report.quarantined)
    with pc.reader() as s:
        assert s.get(Employee, member_id) is not None, "the member's roster entry: the matrix names them"
    ketua = authenticate(pc, head_nip, head_nip)
    grid = role_matrix_service.matrix(pc, ketua, year)
    assert member_id in {p.employee_id for p in grid.people}
    rhk_id = next(row.rhk_id for row in grid.rows if member_id not in row.cells)
    cell = role_matrix_service.set_cell(pc, ketua, rhk_id, member_id, peran="Anggota",
                                        text="Menyusun bahan rapat koordinasi tim", tim_kerja_id=team.id)
    office.sync("ketua-pc")
    member_pc = _setup_pc(office, "member-pc", _nip(master, member_id))
    assert not office.sync("member-pc").waiting
    with member_pc.reader() as s:
        assert s.get(PeranHasil, cell).text == "Menyusun bahan rapat koordinasi tim"
    _central_sync(office)  # the central office takes in the ketua's work and says so
    office.sync("ketua-pc")
    with pc.reader() as s:
        assert s.get(PeranHasil, cell) is not None, "the ketua's own matrix keeps its cell"
    grid = role_matrix_service.matrix(pc, ketua, year)
    assert grid.rows and any(row.cells.get(member_id) and row.cells[member_id].id == cell for row in grid.rows)
    for kind in ("plan", "indicator", "realisation", "evaluation", "feedback", "verifier"):
        assert member_id not in _owners(pc)[kind], kind
