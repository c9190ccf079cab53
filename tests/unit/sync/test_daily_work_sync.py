"""Rencana aksi and progres harian across PCs: honest changes converge; changes signed by a role that does
not own the field (or made up values) are refused on the other replicas."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.services import action_plan_service, daily_log_service
from kinerja_desktop.store.models import Rhk
from kinerja_desktop.store.models_harian import ProgresHarian, RencanaAksi
from kinerja_desktop.sync import conflicts
from kinerja_desktop.sync.engine import SyncEngine
from kinerja_desktop.sync.remote import open_remote
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office

pytestmark = pytest.mark.slow

FRIDAY = date(2026, 11, 20)


def _rhk(office: Office, people: People) -> str:
    with office.dbs["staff"].reader() as s:
        return s.scalars(select(Rhk.id).where(Rhk.plan_id == people.staff_plan_id)).first()


def _entry(office: Office, name: str, entry_id: str) -> ProgresHarian | None:
    with office.dbs[name].reader() as s:
        return s.get(ProgresHarian, entry_id)


def test_entries_plans_and_umpan_balik_reach_every_replica(office: Office, people: People) -> None:
    staff_db = office.dbs["staff"]
    eid = daily_log_service.add_entry(staff_db, people.staff, FRIDAY, "Melayani 14 pemohon", hours=6, today=FRIDAY)
    aid = action_plan_service.add_action(staff_db, people.staff, _rhk(office, people), "B11", "Verifikasi berkas")
    office.sync("staff")
    office.sync("penilai")
    daily_log_service.set_feedback(office.dbs["penilai"], people.penilai, eid, "Baik, lanjutkan.")
    office.sync("penilai")
    office.sync("reader")
    office.sync("staff")
    for name in ("reader", "staff"):
        row = _entry(office, name, eid)
        assert row is not None and (row.text, row.hours, row.umpan_balik) == (
            "Melayani 14 pemohon", 6.0, "Baik, lanjutkan."), name
    with office.dbs["reader"].reader() as s:
        assert s.get(RencanaAksi, aid).text == "Verifikasi berkas"
    assert conflicts.list_refused(office.dbs["reader"]) == []


def test_changes_outside_the_authors_role_are_refused(office: Office, people: People) -> None:
    staff_db = office.dbs["staff"]
    eid = daily_log_service.add_entry(staff_db, people.staff, FRIDAY, "Entri asli", today=FRIDAY)
    office.sync("staff")
    rogue = office.dbs["penilai"]
    office.sync("penilai")
    rhk = _rhk(office, people)
    # Devices that skip the services: the penilai rewrites the staff's own text and logs a day in her name,
    # the other pengawas leaves umpan balik on someone else's staff, the penilai plans her rencana aksi.
    with rogue.session(user=people.penilai.username, role="PEGAWAI") as s:
        s.get(ProgresHarian, eid).text = "Ditulis ulang penilai"
        s.add(ProgresHarian(employee_id=people.staff.employee_id, day=FRIDAY, text="Palsu", late=False,
                            umpan_balik=""))
        s.add(RencanaAksi(rhk_id=rhk, period="B12", text="Rencana oleh penilai", realisation_text="", note=""))
    with rogue.session(user=people.other_penilai.username, role="PENILAI") as s:
        s.get(ProgresHarian, eid).umpan_balik = "Umpan balik orang lain"
    office.sync("penilai")
    report = office.sync("reader")
    assert report.refused == 4
    row = _entry(office, "reader", eid)
    assert (row.text, row.umpan_balik) == ("Entri asli", "")
    with office.dbs["reader"].reader() as s:
        assert s.scalars(select(ProgresHarian).where(ProgresHarian.text == "Palsu")).first() is None
        assert s.scalars(select(RencanaAksi).where(RencanaAksi.text == "Rencana oleh penilai")).first() is None
    reasons = " | ".join(r.reason for r in conflicts.list_refused(office.dbs["reader"]))
    assert "progres_harian.text" in reasons and "progres_harian.umpan_balik" in reasons
    assert "rencana_aksi" in reasons


def test_made_up_values_are_refused(office: Office, people: People) -> None:
    staff_db = office.dbs["staff"]
    with staff_db.session(user=people.staff.username, role="PEGAWAI") as s:  # skipping the service's checks
        s.add(ProgresHarian(employee_id=people.staff.employee_id, day=FRIDAY, text="36 jam sehari", hours=36.0,
                            late=False, umpan_balik=""))
        s.add(RencanaAksi(rhk_id=_rhk(office, people), period="S1", text="semester", realisation_text="", note=""))
    office.sync("staff")
    report = office.sync("reader")
    assert report.applied == 0
    with office.dbs["reader"].reader() as s:
        assert s.scalars(select(ProgresHarian).where(ProgresHarian.hours == 36.0)).first() is None
        assert s.scalars(select(RencanaAksi).where(RencanaAksi.period == "S1")).first() is None


def test_a_late_mark_cannot_be_undone_nor_another_persons_rhk_linked(office: Office, people: People) -> None:
    staff_db = office.dbs["staff"]
    eid = daily_log_service.add_entry(staff_db, people.staff, date(2026, 11, 2), "Susulan", today=FRIDAY)
    office.sync("staff")
    with staff_db.reader() as s:
        assert s.get(ProgresHarian, eid).late
        other_rhk = s.scalars(select(Rhk.id).where(Rhk.plan_id != people.staff_plan_id)).first()
    # her own PC, skipping the services: the late mark removed, the day moved, someone else's RHK linked
    with staff_db.session(user=people.staff.username, role="PEGAWAI") as s:
        row = s.get(ProgresHarian, eid)
        row.late = False
        row.day = FRIDAY
    with staff_db.session(user=people.staff.username, role="PEGAWAI") as s:
        s.get(ProgresHarian, eid).rhk_id = other_rhk
    with staff_db.session(user=people.staff.username, role="PEGAWAI") as s:
        s.add(ProgresHarian(employee_id=people.staff.employee_id, day=FRIDAY, text="Tautan palsu", rhk_id=other_rhk,
                            late=False, umpan_balik=""))
    office.sync("staff")
    report = office.sync("reader")
    assert report.refused == 3
    row = _entry(office, "reader", eid)
    assert (row.late, row.day, row.rhk_id) == (True, date(2026, 11, 2), None)
    reasons = " | ".join(r.reason for r in conflicts.list_refused(office.dbs["reader"]))
    assert "tidak dapat diubah setelah disimpan" in reasons and "milik pegawai lain" in reasons


def test_evidence_files_travel_with_their_rows(office: Office, people: People, tmp_path: Path) -> None:
    staff_db = office.dbs["staff"]
    eid = daily_log_service.add_entry(staff_db, people.staff, FRIDAY, "Foto kegiatan", today=FRIDAY)
    photo = tmp_path / "foto.pdf"
    photo.write_bytes(b"%PDF-1.4 foto kegiatan pelayanan")
    sha = daily_log_service.attach_evidence(staff_db, people.staff, eid, photo)
    office.sync("staff")
    reader = office.dbs["reader"]
    office.sync("reader")
    remote = open_remote(str(office.store))
    try:
        SyncEngine(reader, remote, FAST).fetch_files([sha])
    finally:
        remote.close()
    assert reader.blobs.read_bytes(sha) == photo.read_bytes()
