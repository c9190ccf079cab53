"""Sync extends the signed documents held on a PC before it sends (PAdES B-LTA, when a timestamp server is
set and answers): the new bytes go out in the same run and another PC receives them; a server that does not
answer leaves the sync to do the rest."""

from __future__ import annotations

import socket

from kinerja_desktop.documents.certs import default_pki
from kinerja_desktop.documents.long_term_documents import needs_long_term, sync_step
from kinerja_desktop.documents.verification import verify_pdf
from kinerja_desktop.services.settings_service import set_setting
from kinerja_desktop.store.models import Document
from kinerja_desktop.sync.engine import SyncEngine
from kinerja_desktop.sync.remote import open_remote
from tests.helpers.fixtures import People
from tests.helpers.signing_pki import pki, trust_test_ca
from tests.helpers.tsa_standin import TsaStandIn
from tests.unit.documents.test_long_term_documents import signed_documents
from tests.unit.sync.sync_office import FAST, Office


def _sync_with_ltv(office: Office, name: str, user) -> object:
    db = office.dbs[name]
    remote = open_remote(str(office.store))
    try:
        return SyncEngine(db, remote, FAST, before_push=sync_step(db, user)).run()
    finally:
        remote.close()


def _stored(db, doc_id: str) -> bytes:
    with db.reader() as s:
        return db.blobs.read_bytes(s.get(Document, doc_id).sha256)


def test_sync_sends_the_long_term_validation_and_the_penilai_pc_receives_it(office: Office, people: People) -> None:
    trust_test_ca()
    staff_db, pen_db = office.dbs["staff"], office.dbs["penilai"]
    docs = signed_documents(staff_db, people)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/tsa"
    set_setting(staff_db, people.admin, "signing.tsa_url", dead)
    report = _sync_with_ltv(office, "staff", people.staff)  # the server does not answer: sync goes on
    assert report.long_term["offline"] and report.long_term["extended"] == 0 and report.entries_pushed > 0
    assert all(needs_long_term(_stored(staff_db, d)) for d in docs)

    with TsaStandIn() as tsa:
        default_pki().trust.add(tsa.root)
        set_setting(staff_db, people.admin, "signing.tsa_url", tsa.url)
        report = _sync_with_ltv(office, "staff", people.staff)
    assert report.long_term["extended"] == 2 and report.long_term["failed"] == []
    assert "diperpanjang (LTV)" in report.summary()
    office.sync("penilai")
    for doc_id in docs:
        pdf = _stored(pen_db, doc_id)
        assert pdf == _stored(staff_db, doc_id) and not needs_long_term(pdf)
        assert verify_pdf(pdf, [*pki().roots(), tsa.root]).ok
