"""Perpanjang keabsahan (LTV) of the signed documents stored in the database: one home
(documents/long_term_documents.py) for the GUI, `kinerja dokumen ltv` and sync; real PDFs signed
through sign_record, a real RFC 3161 server on 127.0.0.1 (TsaStandIn)."""

from __future__ import annotations

import io
import json
import socket

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from kinerja_desktop.cli import main
from kinerja_desktop.documents.certs import default_pki
from kinerja_desktop.documents.long_term import has_long_term_data
from kinerja_desktop.documents.long_term_documents import (
    extend_document,
    extend_stored,
    lacking_long_term,
    needs_long_term,
)
from kinerja_desktop.documents.signed_documents import resolve_target, sign_record
from kinerja_desktop.documents.verification import verify_pdf
from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import identity_for, name_and_nip, pki, sheet_pdf, trust_test_ca
from tests.helpers.tsa_standin import TsaStandIn


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
    trust_test_ca()


def signed_documents(db: Database, people: People, periods: tuple[str, ...] = ("TW1",)) -> list[str]:
    """The staff member signs their SKP and their evaluations of ``periods`` (finalised first)."""
    staff, penilai = name_and_nip(db, people.staff.employee_id), name_and_nip(db, people.penilai.employee_id)
    ids = []
    for period in periods:
        ev = es.get_evaluation(db, people.penilai, people.staff_plan_id, period)
        if ev.status not in ("FINAL", "SIGNED"):
            es.set_ratings(db, people.penilai, people.staff_plan_id, period, hasil="SESUAI", perilaku="SESUAI")
            es.finalise(db, people.penilai, people.staff_plan_id, period)
    for kind, period in (("skp", None), *(("evaluasi", p) for p in periods)):
        target = resolve_target(db, kind, nip=staff[1], year=DEMO_YEAR, period=period)
        view, _ = sign_record(db, people.staff, identity_for(*staff), target,
                              render=lambda k=kind: (sheet_pdf(f"{k}-LTV", True, staff, penilai), "e" * 64))
        ids.append(view.id)
    return ids


def _stored(db: Database, doc_id: str) -> bytes:
    with db.reader() as s:
        return db.blobs.read_bytes(s.get(Document, doc_id).sha256)


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/tsa"


def test_a_bounded_run_extends_what_lacks_it_and_the_next_run_the_rest(demo_db: Database, people: People) -> None:
    """GIVEN two stored signed documents WHEN runs of at most one document each go through THEN each run
    extends one (incrementally: the stored bytes stay a prefix), says how many wait, and the third run finds
    nothing left; every stored file verifies and carries a document timestamp after its last signature."""
    docs = signed_documents(demo_db, people)
    before = {d: _stored(demo_db, d) for d in docs}
    assert sorted(lacking_long_term(demo_db, people.staff)) == sorted(docs)
    with TsaStandIn() as tsa:
        first = extend_stored(demo_db, people.staff, url=tsa.url, limit=1, trust=[tsa.root])
        second = extend_stored(demo_db, people.staff, url=tsa.url, limit=1, trust=[tsa.root])
        third = extend_stored(demo_db, people.staff, url=tsa.url, limit=1, trust=[tsa.root])
        roots = [*pki().roots(), tsa.root]
    assert (len(first.extended), first.remaining, len(second.extended), second.remaining) == (1, 1, 1, 0)
    assert third.extended == [] and third.failed == [] and lacking_long_term(demo_db, people.staff) == []
    assert sorted(first.extended + second.extended) == sorted(docs)
    for doc_id in docs:
        pdf = _stored(demo_db, doc_id)
        assert pdf.startswith(before[doc_id]) and not needs_long_term(pdf)
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        assert has_long_term_data(reader.embedded_regular_signatures[-1])
        report = verify_pdf(pdf, roots)
        assert report.ok, report.summary_lines()
    assert "2 dokumen" not in " ".join(first.summary_lines()) and "1 menunggu" in " ".join(first.summary_lines())


def test_errors_are_listed_and_the_run_goes_on_an_unreachable_server_ends_it_quietly(
    demo_db: Database, people: People
) -> None:
    """GIVEN one stored document whose signature no longer verifies and one whose file on disk was damaged
    WHEN a run goes with the server down THEN it stops quietly; with the server up THEN the good document is
    extended and the other two are listed with their reasons, unchanged."""
    invalid, damaged, fine = signed_documents(demo_db, people, ("TW1", "TW2"))
    with demo_db.reader() as s:
        sha = s.get(Document, invalid).sha256
    data = bytearray(demo_db.blobs.read_bytes(sha))
    at = data.index(b"/KinerjaDocId (") + len(b"/KinerjaDocId (")  # a signed byte changed: no longer valid
    data[at] = ord("X") if data[at] != ord("X") else ord("Y")
    with demo_db.session(user=people.staff.username, role="PEGAWAI") as s:
        s.get(Document, invalid).sha256 = demo_db.blobs.put_bytes(bytes(data))
    with demo_db.reader() as s:
        path = demo_db.blobs.path(s.get(Document, damaged).sha256)
    path.write_bytes(path.read_bytes() + b"\n%%")  # bytes appended on disk: the blob no longer matches its hash
    offline = extend_stored(demo_db, people.staff, url=_closed_port_url(), limit=5)
    assert offline.extended == [] and offline.offline and "tidak dapat dihubungi" in offline.offline
    with TsaStandIn() as tsa:
        run = extend_stored(demo_db, people.staff, url=tsa.url, limit=5, trust=[tsa.root])
    assert run.extended == [fine]
    reasons = dict(run.failed)
    assert len(reasons) == 2
    assert any(invalid[:8] in label and "sah hari ini" in why for label, why in reasons.items())
    assert any(damaged[:8] in label and "rusak" in why for label, why in reasons.items())
    assert "gagal" in "\n".join(run.summary_lines())


def test_who_may_and_what_is_refused(demo_db: Database, people: People) -> None:
    skp, _ev = signed_documents(demo_db, people)
    assert lacking_long_term(demo_db, people.other_penilai) == []
    with pytest.raises(PermissionDenied):
        extend_document(demo_db, people.other_penilai, skp, url="http://127.0.0.1:9/tsa")
    with pytest.raises(ValidationError, match="Server cap waktu belum diatur"):
        extend_document(demo_db, people.staff, skp)
    assert extend_stored(demo_db, people.staff).skipped_reason  # no server set: nothing is done
    with TsaStandIn() as tsa:
        assert extend_document(demo_db, people.penilai, skp, url=tsa.url, trust=[tsa.root]) == "B-B+LTA"
        with pytest.raises(ValidationError, match="sudah memiliki"):
            extend_document(demo_db, people.staff, skp, url=tsa.url, trust=[tsa.root])


def test_cli_dokumen_ltv_one_document_and_all(
    demo_db: Database, people: People, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    skp, ev = signed_documents(demo_db, people)
    nip = name_and_nip(demo_db, people.staff.employee_id)[1]
    monkeypatch.setenv("KINERJA_PASSWORD", nip)
    base = ["--db", str(demo_db.path), "--user", nip]
    with TsaStandIn() as tsa:
        default_pki().trust.add(tsa.root)  # the PC trusts its instansi's timestamp server
        assert main([*base, "dokumen", "ltv", skp[:8], "--tsa", tsa.url]) == 0
        assert f"Keabsahan dokumen {skp[:8]} diperpanjang (B-B+LTA)" in capsys.readouterr().out
        assert main([*base, "--json", "dokumen", "ltv", "--tsa", tsa.url]) == 0
        out = json.loads(capsys.readouterr().out)
    assert out["extended"] == 1 and out["failed"] == [] and out["remaining"] == 0
    assert lacking_long_term(demo_db, people.staff) == []
    assert not needs_long_term(_stored(demo_db, ev))
