"""The three-device scenario every WebDAV server must pass (WsgiDAV, Apache mod_dav, rclone).

Staff, penilai and reader PCs keep the store's URL with ``save_remote`` (the password goes to the
keyring), the staff PC records a realisation with a two-chunk evidence file, the penilai rates it,
and all three sync twice: they must converge, nothing is lost, and the password is nowhere but in
the keyring.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from kinerja_desktop.services import evaluation_service, realisation_service
from kinerja_desktop.store.models import Attachment, Evaluation, Indicator, LocalMeta, Rhk
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncEngine, SyncReport
from kinerja_desktop.sync.remote import open_remote
from kinerja_desktop.sync.replica import configured_remote, save_remote
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office, diff, snapshot


def indicator(db, plan_id: str) -> str:
    """The first live indicator of a plan."""
    with db.reader() as s:
        return s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                         .where(Rhk.plan_id == plan_id, Indicator.deleted.is_(False))).scalars().first()


def sync_configured(db) -> SyncReport:
    """One sync of ``db`` with the store it keeps (URL from the replica, password from the keyring)."""
    remote = open_remote(configured_remote(db))
    try:
        return SyncEngine(db, remote, FAST).run()
    finally:
        remote.close()


def three_devices(office: Office, people: People, url: str, user: str, password: str, ring: object,
                  tmp_path: Path) -> None:
    """Run the scenario through the WebDAV store at ``url`` (``webdav://user@host:port/folder``)."""
    url_with_secret = url.replace(f"{user}@", f"{user}:{password}@")
    for db in office.dbs.values():
        shown = save_remote(db, url_with_secret)
        assert password not in shown
    staff, pen, reader = office.dbs["staff"], office.dbs["penilai"], office.dbs["reader"]
    ind = indicator(staff, people.staff_plan_id)
    realisation_service.set_realisation(staff, people.staff, ind, "TW4", value="9 dokumen")
    evidence = tmp_path / "foto-kegiatan.jpg"
    evidence.write_bytes(os.urandom(P.CHUNK_SIZE + 12345))
    realisation_service.add_evidence(staff, people.staff, ind, "TW4", evidence)
    evaluation_service.set_ratings(pen, people.penilai, people.staff_plan_id, "TW4", hasil="SESUAI",
                                   perilaku="DI_ATAS")
    for _ in range(2):
        for db in (staff, pen, reader):
            report = sync_configured(db)
            assert not report.quarantined and not report.refused
    snaps = [snapshot(db) for db in (staff, pen, reader)]
    assert not diff(snaps[0], snaps[1]) and not diff(snaps[0], snaps[2])
    with reader.reader() as s:
        ev = s.execute(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                Evaluation.period == "TW4")).scalar_one()
        assert ev.predikat == "BAIK"
        att = s.execute(select(Attachment).where(Attachment.filename == "foto-kegiatan.jpg")).scalar_one()
    assert reader.blobs.read_bytes(att.sha256) == evidence.read_bytes()
    # the password lives only in the keyring
    assert any(password == v for v in ring.store.values())  # type: ignore[attr-defined]
    for db in (staff, pen, reader):
        with db.reader() as s:
            assert all(password not in str(m.value) for m in s.scalars(select(LocalMeta)))
        db.dispose()
        assert password.encode() not in Path(db.path).read_bytes()
