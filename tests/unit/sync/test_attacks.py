"""Attacks by an insider with full control of one PC (the staff member's) and of the store.

Each is written with the app's own code (``sync.protocol``, ``store.signing``), on real SQLite
replicas and a real folder store. Each must be refused on the other replicas (the supervisor's
PC and a third PC standing in for the central replica) with a clear reason, and honest syncs
must carry on.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid

import pytest
from sqlalchemy import select

from kinerja_desktop.services import realisation_service
from kinerja_desktop.store import signing
from kinerja_desktop.store.models import ChangeLog, Evaluation, Indicator, Plan, Realisation, Rhk, UserAccount
from kinerja_desktop.store.sync_models import SyncPeer, SyncQuarantine, SyncRefused
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncOptions
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office

pytestmark = pytest.mark.slow


# ------------------------------------------------------------------------------------------ helpers


def _write_bundle(office: Office, device: str, entries: list[P.Entry], *, prev: str | None = None) -> str:
    first, last = entries[0].seq, entries[-1].seq
    header = P.BundleHeader(device=device, first_seq=first, last_seq=last, prev=prev, count=len(entries))
    data = P.encode_bundle(header, entries)
    digest = P.sha256(data)
    folder = office.store / P.bundles_dir(device)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / P.bundle_name(last, digest)).write_bytes(data)
    return digest


def _sign(entries: list[P.Entry], signer: signing.Signer) -> list[P.Entry]:
    """Sign ``entries`` as one group with ``signer`` (whatever author they claim)."""
    digests = [e.digest() for e in entries]
    sig = signing.group_message(entries[0].device, entries[0].seq, entries[-1].seq, entries[-1].user or "",
                                signer.kid, digests)
    entries[-1].sig = {"k": signer.kid, "n": len(entries), "s": signer.sign(sig)}
    return entries


def _evaluation(office: Office, plan_id: str) -> Evaluation:
    with office.dbs["reader"].reader() as s:
        return s.scalars(select(Evaluation).where(Evaluation.plan_id == plan_id).order_by(Evaluation.period)).first()


def _rating(office: Office, name: str, evaluation_id: str) -> str | None:
    with office.dbs[name].reader() as s:
        return s.get(Evaluation, evaluation_id).rating_hasil


def _rating_entry(device: str, seq: int, ev: Evaluation, user: str) -> P.Entry:
    new = "DI_BAWAH" if ev.rating_hasil == "DI_ATAS" else "DI_ATAS"
    return P.Entry(device=device, seq=seq, table="evaluation", row=ev.id, op="update",
                   changes={"rating_hasil": [ev.rating_hasil, new]}, base={}, user=user, role="PENILAI")


def _quarantine_reasons(office: Office, name: str) -> list[str]:
    with office.dbs[name].reader() as s:
        return [q.reason for q in s.scalars(select(SyncQuarantine))]


def _refusals(office: Office, name: str) -> list[str]:
    with office.dbs[name].reader() as s:
        return [r.reason for r in s.scalars(select(SyncRefused))]


def _honest_edit_arrives(office: Office, people: People, text: str) -> None:
    """An honest change by the staff member still reaches the other replicas."""
    staff_db = office.dbs["staff"]
    with staff_db.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(staff_db, people.staff, ind, "TW4", value=text)
    office.sync("staff")
    for name in ("penilai", "reader"):
        office.sync(name)
        with office.dbs[name].reader() as s:
            values = set(s.scalars(select(Realisation.value_text).where(Realisation.indicator_id == ind)))
        assert text in values, name


# ------------------------------------------------------------------------------------------ forgery


def test_a_rating_claimed_in_the_penilais_name_is_refused(office: Office, people: People) -> None:
    ev = _evaluation(office, people.staff_plan_id)
    before = ev.rating_hasil
    device = str(uuid.uuid4())
    # unsigned, as the old format allowed
    _write_bundle(office, device, [_rating_entry(device, 1, ev, people.penilai.username)])
    # signed with the attacker's own key while claiming the penilai
    other = str(uuid.uuid4())
    mine = office.dbs["staff"].keys.get(people.staff.username)
    _write_bundle(office, other, _sign([_rating_entry(other, 1, ev, people.penilai.username)], mine))
    for name in ("penilai", "reader"):
        report = office.sync(name)
        assert _rating(office, name, ev.id) == before
        assert len(report.quarantined) == 2
    reasons = " | ".join(_quarantine_reasons(office, "reader"))
    assert "tanpa tanda tangan" in reasons and "mengaku dibuat" in reasons
    _honest_edit_arrives(office, people, "rating forgery ignored")


def test_bundles_checked_ahead_in_a_second_process_are_judged_as_inline(office: Office, people: People) -> None:
    """A large pull's signature worker (sync.ahead) refuses and quarantines exactly what the inline check does."""
    ev = _evaluation(office, people.staff_plan_id)
    before = ev.rating_hasil
    device = str(uuid.uuid4())
    mine = office.dbs["staff"].keys.get(people.staff.username)
    prev = None
    for seq in (1, 2, 3):  # signed by their author, but a rating is not hers to give: refused one by one
        prev = _write_bundle(office, device, _sign([_rating_entry(device, seq, ev, people.staff.username)], mine),
                             prev=prev)
    # then one claiming the penilai, signed with the staff member's key: quarantined, the device waits
    _write_bundle(office, device, _sign([_rating_entry(device, 4, ev, people.penilai.username)], mine), prev=prev)
    report = office.sync("reader", SyncOptions(**{**FAST.__dict__, "large_pull": 0}))
    assert report.checked_ahead >= 3
    assert _rating(office, "reader", ev.id) == before
    assert len(report.quarantined) == 1 and "mengaku dibuat" in report.quarantined[0]
    assert sum("tidak boleh mengubah evaluation.rating_hasil" in r for r in _refusals(office, "reader")) == 3


def test_a_validly_signed_change_outside_the_authors_role_is_refused_and_listed(office: Office,
                                                                                people: People) -> None:
    """The staff member signs, with her own key, her own rating and admin rights for herself."""
    ev = _evaluation(office, people.staff_plan_id)
    before = ev.rating_hasil
    with office.dbs["staff"].reader() as s:
        acc = s.scalars(select(UserAccount).where(UserAccount.username == people.staff.username)).one()
    device = str(uuid.uuid4())
    user = people.staff.username
    entries = [
        _rating_entry(device, 1, ev, user),
        P.Entry(device=device, seq=2, table="user_account", row=acc.id, op="update",
                changes={"is_admin": [False, True]}, user=user),
        P.Entry(device=device, seq=3, table="user_account", row=acc.id, op="update",
                changes={"password_hash": [acc.password_hash, acc.password_hash]}, user=user),
    ]
    _write_bundle(office, device, _sign(entries, office.dbs["staff"].keys.get(user)))
    report = office.sync("reader")
    assert report.refused == 2  # rating and is_admin; one's own password is one's own
    assert _rating(office, "reader", ev.id) == before
    with office.dbs["reader"].reader() as s:
        assert not s.get(UserAccount, acc.id).is_admin
    reasons = " | ".join(_refusals(office, "reader"))
    assert "rating_hasil" in reasons and "bukan admin" in reasons


def test_a_change_log_row_written_into_ones_own_database_is_never_sent(office: Office, people: People) -> None:
    """Editing one's own SQLite file: a change_log row naming the penilai."""
    staff_db = office.dbs["staff"]
    ev = _evaluation(office, people.staff_plan_id)
    before = ev.rating_hasil
    with staff_db.session() as s:
        from kinerja_desktop.store.changelog import capture, device_id, next_seq

        capture(s).disabled = True

        me = device_id(s)
        s.add(ChangeLog(device_id=me, seq=next_seq(s, me), table_name="evaluation", row_id=ev.id, op="update",
                        changes={"rating_hasil": [before, "DI_ATAS" if before != "DI_ATAS" else "DI_BAWAH"]},
                        base_versions={}, user=people.penilai.username, role="PENILAI", local=True))
    report = office.sync("staff")
    assert report.unsigned == 1 and report.entries_pushed == 0
    office.sync("reader")
    assert _rating(office, "reader", ev.id) == before


def test_a_made_up_device_in_the_store_identity_grants_nothing(office: Office, people: People) -> None:
    ident_path = office.store / P.IDENTITY_PATH
    ident = json.loads(ident_path.read_text())
    device = str(uuid.uuid4())
    ident["seed"] = {device: 10}
    ident_path.write_text(json.dumps(ident))
    ev = _evaluation(office, people.staff_plan_id)
    entry = _rating_entry(device, 1, ev, None)  # no author at all
    entry.user = None
    _write_bundle(office, device, [entry])
    office.sync("reader")
    assert _rating(office, "reader", ev.id) == ev.rating_hasil
    assert any("tanpa tanda tangan" in r for r in _quarantine_reasons(office, "reader"))


def test_a_forged_continuation_of_the_penilais_device_folder_does_not_stop_her(office: Office,
                                                                               people: People) -> None:
    penilai_db = office.dbs["penilai"]
    ev = _evaluation(office, people.staff_plan_id)
    office.sync("penilai")  # her device folder now exists only if she has pushed; make her push once
    from kinerja_desktop.services import evaluation_service

    rating = "DI_BAWAH" if ev.rating_hasil != "DI_BAWAH" else "SESUAI"
    evaluation_service.set_ratings(penilai_db, people.penilai, people.staff_plan_id, "TW4", hasil=rating)
    office.sync("penilai")
    with penilai_db.reader() as s:
        from kinerja_desktop.store.changelog import device_id

        her_device = device_id(s)
        last = s.execute(select(ChangeLog.seq).where(ChangeLog.device_id == her_device)
                         .order_by(ChangeLog.seq.desc())).scalars().first()
    names = sorted((office.store / P.bundles_dir(her_device)).iterdir())
    prev = P.parse_bundle_name(names[-1].name)[1]
    _write_bundle(office, her_device, [_rating_entry(her_device, last + 1, ev, people.penilai.username)],
                  prev=prev)
    # she goes on working and syncing: no "this database is a copy" stop
    evaluation_service.set_ratings(penilai_db, people.penilai, people.staff_plan_id, "TW4", hasil="SESUAI")
    report = office.sync("penilai")
    assert report.entries_pushed >= 1
    office.sync("reader")
    with office.dbs["reader"].reader() as s:
        tw4 = s.scalars(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                 Evaluation.period == "TW4")).one()
    assert tw4.rating_hasil == "SESUAI"


def test_her_old_signed_change_replayed_under_a_new_device_is_refused(office: Office, people: People) -> None:
    from kinerja_desktop.services import evaluation_service

    penilai_db = office.dbs["penilai"]
    evaluation_service.set_ratings(penilai_db, people.penilai, people.staff_plan_id, "TW4", hasil="DI_ATAS")
    office.sync("penilai")
    evaluation_service.set_ratings(penilai_db, people.penilai, people.staff_plan_id, "TW4", hasil="DI_BAWAH")
    office.sync("penilai")
    office.sync("reader")
    # copy her first bundle's entries verbatim under a made-up device
    with penilai_db.reader() as s:
        from kinerja_desktop.store.changelog import device_id

        her = device_id(s)
    first = sorted((office.store / P.bundles_dir(her)).iterdir())[0]
    _header, entries = P.decode_bundle(first.read_bytes(), expected_sha=P.parse_bundle_name(first.name)[1],
                                       device=her, last_seq=P.parse_bundle_name(first.name)[0])
    fake = str(uuid.uuid4())
    for e in entries:
        e.device = fake
    _write_bundle(office, fake, entries)
    office.sync("reader")
    with office.dbs["reader"].reader() as s:
        tw4 = s.scalars(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                 Evaluation.period == "TW4")).one()
    assert tw4.rating_hasil == "DI_BAWAH"
    assert any("tidak sah" in r for r in _quarantine_reasons(office, "reader"))


# ------------------------------------------------------------------------------------------ values


@pytest.mark.parametrize(("field", "value", "why"), [
    ("value_number", "banyak", "bukan angka"),
    ("note", "x" * 50_000, "lebih dari"),
    ("note", "ok\x00\x1b[2J", "karakter kendali"),
    ("reported_on", "2026-02-31", "bukan tanggal"),
])
def test_a_signed_change_with_a_bad_value_is_refused_alone(office: Office, people: People, field: str,
                                                           value: object, why: str) -> None:
    """The staff member signs a realisation with a value the services would refuse."""
    with office.dbs["staff"].reader() as s:
        real = s.scalars(select(Realisation).join(Indicator, Indicator.id == Realisation.indicator_id)
                         .join(Rhk, Rhk.id == Indicator.rhk_id)
                         .where(Rhk.plan_id == people.staff_plan_id)).first()
    device = str(uuid.uuid4())
    user = people.staff.username
    entry = P.Entry(device=device, seq=1, table="realisation", row=real.id, op="update",
                    changes={field: [None, value]}, user=user)
    _write_bundle(office, device, _sign([entry], office.dbs["staff"].keys.get(user)))
    report = office.sync("reader")
    assert report.refused == 1
    assert any(why in r for r in _refusals(office, "reader"))
    _honest_edit_arrives(office, people, "after a bad value")


def test_decompression_bombs_are_refused_within_bounded_memory() -> None:
    """About 1 MB of gzip'd spaces and of newlines (1 GiB each when opened): refused, memory bounded."""
    code = (
        "import zlib\n"
        "from kinerja_desktop.sync import protocol as P\n"
        "def bomb(byte):\n"
        "    z = zlib.compressobj(9, zlib.DEFLATED, 31)\n"
        "    block = byte * (1 << 20)\n"
        "    return b''.join([z.compress(block) for _ in range(1024)] + [z.flush()])\n"
        "for byte in (b' ', b'\\n'):\n"
        "    data = bomb(byte)\n"
        "    try:\n"
        "        P.decode_bundle(data, expected_sha=P.sha256(data), device='d', last_seq=1)\n"
        "        raise SystemExit('accepted')\n"
        "    except P.BundleError as exc:\n"
        "        print(len(data), exc)\n"
        "print(next(ln.split()[1] for ln in open('/proc/self/status') if ln.startswith('VmHWM')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert "MB" in out[0] and int(out[0].split()[0]) < 2_000_000
    assert "MB" in out[1] or "baris" in out[1]
    assert int(out[2]) / 1024 < 250, out  # peak RSS of the child (VmHWM, kB -> MB)


def test_mass_deletion_split_over_made_up_devices_is_held(office: Office, people: People) -> None:
    """One author's 120 deletions spread over three devices count together."""
    user = people.staff.username
    signer = office.dbs["staff"].keys.get(user)
    with office.dbs["staff"].reader() as s:
        reals = list(s.scalars(select(Realisation.id).join(Indicator, Indicator.id == Realisation.indicator_id)
                               .join(Rhk, Rhk.id == Indicator.rhk_id).join(Plan, Plan.id == Rhk.plan_id)
                               .where(Plan.id == people.staff_plan_id)))
    assert len(reals) >= 6
    per = 40
    ids = (reals * (3 * per // len(reals) + 1))[:3 * per]
    for k in range(3):
        device = str(uuid.uuid4())
        entries = [P.Entry(device=device, seq=i + 1, table="realisation", row=rid, op="delete",
                           changes={"deleted": [False, True]}, user=user)
                   for i, rid in enumerate(ids[k * per:(k + 1) * per])]
        _write_bundle(office, device, _sign(entries, signer))
    report = office.sync("reader")
    assert len(report.held) == 3
    with office.dbs["reader"].reader() as s:
        assert all(p.applied_seq == 0 for p in s.scalars(select(SyncPeer)) if p.held)


def test_a_device_uploads_its_bundles_again_when_they_vanish_from_the_store(office: Office,
                                                                            people: People) -> None:
    _honest_edit_arrives(office, people, "first")
    with office.dbs["staff"].reader() as s:
        from kinerja_desktop.store.changelog import device_id

        me = device_id(s)
    folder = office.store / P.bundles_dir(me)
    gone = sorted(folder.iterdir())
    for f in gone:
        f.unlink()
    report = office.sync("staff")
    assert report.bundles_pushed == len(gone)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in gone)


def test_a_device_without_a_pinned_root_applies_nothing_and_says_why(office: Office) -> None:
    from kinerja_desktop.services.trust_service import ROOT_PUB_KEY

    db = office.add_device("unpinned", fresh=True)
    db.set_meta(ROOT_PUB_KEY, None)
    report = office.sync("unpinned", FAST)
    assert report.applied == 0
    assert any("kunci akar" in why for why in report.waiting.values())


def test_sync_status_names_the_device_and_bundle_a_replica_waits_for(office: Office, people: People,
                                                                     capsys) -> None:
    from kinerja_desktop.cli import main

    ev = _evaluation(office, people.staff_plan_id)
    device = str(uuid.uuid4())
    user = people.staff.username
    entry = P.Entry(device=device, seq=5, table="realisation", row=ev.id, op="update",
                    changes={"note": [None, "x"]}, user=user)
    _write_bundle(office, device, _sign([entry], office.dbs["staff"].keys.get(user)), prev="0" * 64)
    office.sync("reader")
    assert main(["--db", str(office.dbs["reader"].path), "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert f"Menunggu dari {device}" in out and "nomor 1" in out


def test_a_realisation_of_a_signed_period_is_not_overwritten_by_sync(office: Office, people: People) -> None:
    """The signed evaluation sheet shows the period's realisations: a later change is kept aside."""
    reader = office.dbs["reader"]
    with reader.reader() as s:
        real = s.scalars(select(Realisation).join(Indicator, Indicator.id == Realisation.indicator_id)
                         .join(Rhk, Rhk.id == Indicator.rhk_id)
                         .where(Rhk.plan_id == people.staff_plan_id)).first()
        period, before = real.period, real.value_text
        from kinerja_desktop.sync.merge import Merger

        base = Merger(s, processed=lambda _v: True, log_high=lambda: 0).field_versions(
            "realisation", real.id, ["value_text"])
    with reader.session(user="t") as s:  # the period's evaluation was signed (frozen) here
        s.scalars(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                           Evaluation.period == period)).one().frozen = True
    device = str(uuid.uuid4())
    user = people.staff.username
    entry = P.Entry(device=device, seq=1, table="realisation", row=real.id, op="update",
                    changes={"value_text": [before, "diubah setelah ditandatangani"]}, base=base, user=user)
    _write_bundle(office, device, _sign([entry], office.dbs["staff"].keys.get(user)))
    report = office.sync("reader")
    assert report.conflicts == 1 and not report.refused
    with reader.reader() as s:
        from kinerja_desktop.store.sync_models import SyncConflict

        kinds = {c.kind for c in s.scalars(select(SyncConflict).where(SyncConflict.row_id == real.id))}
    assert kinds == {"frozen"}
    with reader.reader() as s:
        assert s.get(Realisation, real.id).value_text == before
