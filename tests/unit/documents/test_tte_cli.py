"""`kinerja tte add|send|list`: a locally signed document gets its certified signature from the stand-in server."""

from __future__ import annotations

import json

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.documents.signed_documents import resolve_target, sign_record
from kinerja_desktop.documents.verification import verify_pdf
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Employee
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import identity_for, pki, sheet_pdf, trust_test_ca
from tests.helpers.tte_standin import CLIENT_PASSWORD, CLIENT_USER, NIK, PASSPHRASE, TteStandIn


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
    """Signing checks the certificate against the trust store: trust the shared test CA."""
    trust_test_ca()


def _who(db: Database, employee_id: str) -> tuple[str, str]:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip


def test_queue_and_send_a_document_for_a_certified_signature(
    demo_db: Database, people: People, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    staff, penilai = _who(demo_db, people.staff.employee_id), _who(demo_db, people.penilai.employee_id)
    target = resolve_target(demo_db, "skp", nip=staff[1], year=DEMO_YEAR)
    view, _ = sign_record(demo_db, people.staff, identity_for(*staff), target,
                          render=lambda: (sheet_pdf("SKP-TTE", True, staff, penilai), "e" * 64))
    db = str(demo_db.path)
    monkeypatch.setenv("KINERJA_PASSWORD", staff[1])
    base = ["--db", db, "--user", staff[1]]
    assert main([*base, "tte", "add", "--nip", staff[1], "--year", str(DEMO_YEAR), "--doc", "skp",
                 "--nik", NIK]) == 0
    assert "antrean TTE" in capsys.readouterr().out
    monkeypatch.setenv("KINERJA_TTE_CLIENT_PASSWORD", CLIENT_PASSWORD)
    monkeypatch.setenv("KINERJA_TTE_PASSPHRASE", "salah")
    with TteStandIn() as server:
        assert main([*base, "tte", "send", "--url", server.url, "--client-user", CLIENT_USER]) == 1
        out = capsys.readouterr().out
        assert "Passphrase anda salah" in out
        assert main([*base, "--json", "tte", "list"]) == 0
        (job,) = json.loads(capsys.readouterr().out)
        assert job["status"] == "gagal"
        main([*base, "tte", "add", "--nip", staff[1], "--year", str(DEMO_YEAR), "--doc", "skp", "--nik", NIK])
        monkeypatch.setenv("KINERJA_TTE_PASSPHRASE", PASSPHRASE)
        capsys.readouterr()
        assert main([*base, "tte", "send", "--url", server.url, "--client-user", CLIENT_USER]) == 0
        assert "Selesai: 1" in capsys.readouterr().out
        bsre_roots = server.trust.certificates()
    with demo_db.reader() as s:
        doc = s.get(Document, view.id)
        assert doc.certified_status == "CERTIFIED" and doc.signers[-1]["certified"] is True
        pdf = demo_db.blobs.read_bytes(doc.sha256)
    report = verify_pdf(pdf, [*pki().roots(), *bsre_roots])
    assert report.ok and len(report.signatures) == 2


def test_send_needs_a_url_and_add_needs_a_signed_document(
    demo_db: Database, people: People, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = _who(demo_db, people.staff.employee_id)
    monkeypatch.setenv("KINERJA_PASSWORD", staff[1])
    monkeypatch.delenv("KINERJA_TTE_URL", raising=False)
    base = ["--db", str(demo_db.path), "--user", staff[1]]
    assert main([*base, "tte", "send"]) == 1
    assert "--url" in capsys.readouterr().err
    assert main([*base, "tte", "add", "--nip", staff[1], "--year", str(DEMO_YEAR), "--doc", "skp",
                 "--nik", NIK]) == 1
    assert "belum ditandatangani" in capsys.readouterr().err
    assert main([*base, "tte", "add", "--nip", staff[1], "--year", str(DEMO_YEAR), "--doc", "skp",
                 "--nik", "123"]) == 1
    assert "16 digit" in capsys.readouterr().err
