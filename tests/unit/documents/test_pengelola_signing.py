"""The pengelola kepegawaian signs the recognition list and the 20 JP recap through the one signing path
(sign_record, `kinerja sign`, verify), with real pyHanko signatures and validation."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from kinerja_desktop.cli import main
from kinerja_desktop.documents.signed_documents import (
    check_qr,
    list_documents,
    pengelola_target,
    render_record,
    sign_record,
)
from kinerja_desktop.documents.signing import read_signature_fields, signature_state
from kinerja_desktop.documents.verification import verify_pdf
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services import recognition_service as rs
from kinerja_desktop.services.auth_service import set_account_flags, user_by_username
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import CA_PASS, identity_for, name_and_nip, pki, trust_test_ca
from tests.unit.documents.test_tindak_lanjut_print import _candidate


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
    trust_test_ca()


def _pengelola(db: Database, people: People) -> CurrentUser:
    """An employee's own account made admin: the kepegawaian officer who keeps these lists."""
    set_account_flags(db, people.admin, people.other_penilai.username, is_admin=True)
    return user_by_username(db, people.other_penilai.username)


def test_the_pengelola_signs_the_recognition_list_and_verify_names_the_role(demo_db: Database,
                                                                            people: People) -> None:
    """GIVEN a candidate with an award and an employee who is admin WHEN they sign the TW4 list THEN the box
    prints their name and NIP, the stored PDF validates intact with a Pengelola Kepegawaian signature, and the
    printed QR matches the recorded document."""
    _candidate(demo_db, people)
    rs.record_award(demo_db, people.admin, people.staff.employee_id, DEMO_YEAR, "PIAGAM", period="TW4")
    pengelola = _pengelola(demo_db, people)
    name, nip = name_and_nip(demo_db, pengelola.employee_id)
    target = pengelola_target(demo_db, pengelola, "penghargaan", year=DEMO_YEAR, period="TW4")
    pdf, _sha = render_record(demo_db, pengelola, target)
    (box,) = read_signature_fields(PdfFileReader(io.BytesIO(pdf)))
    assert (box.role, box.signer_nip) == ("pengelola", nip)
    view, result = sign_record(demo_db, pengelola, identity_for(name, nip), target,
                               render=lambda: render_record(demo_db, pengelola, target))
    assert view.status == "SIGNED" and view.kind == "penghargaan" and result.role == "pengelola"
    stored = demo_db.blobs.read_bytes(view.sha256)
    assert signature_state(stored) == {"pengelola": True}
    report = verify_pdf(stored, pki().roots())
    assert report.ok, report.summary_lines()
    assert report.signatures[0].role == "pengelola" and report.signatures[0].signer_nip == nip
    assert any("Pengelola Kepegawaian" in line for line in report.summary_lines())
    assert [d.id for d in list_documents(demo_db, pengelola, pengelola.employee_id)] == [view.id]
    qr = check_qr(demo_db, result.qr_payload)
    assert qr.ok and qr.status == "cocok" and name in qr.message, qr.message


def test_only_an_admin_who_is_an_employee_signs_as_pengelola(demo_db: Database, people: People) -> None:
    """A penilai is not the pengelola; the demo admin account has no NIP to print in the box; a list prepared
    for one pengelola is not signed by another."""
    with pytest.raises(PermissionDenied, match="pengelola kepegawaian"):
        pengelola_target(demo_db, people.penilai, "rekap-jp", year=DEMO_YEAR)
    with pytest.raises(PermissionDenied, match="tidak terhubung dengan data pegawai"):
        pengelola_target(demo_db, people.admin, "rekap-jp", year=DEMO_YEAR)
    target = pengelola_target(demo_db, _pengelola(demo_db, people), "rekap-jp", year=DEMO_YEAR)
    set_account_flags(demo_db, people.admin, people.atasan.username, is_admin=True)
    other = user_by_username(demo_db, people.atasan.username)
    name, nip = name_and_nip(demo_db, other.employee_id)
    with pytest.raises(PermissionDenied, match="pengelola kepegawaian lain"):
        sign_record(demo_db, other, identity_for(name, nip), target, render=lambda: (b"", ""), role="pengelola")


def test_kinerja_sign_rekap_jp_from_the_database_and_verify(demo_db: Database, people: People, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """`kinerja sign --doc rekap-jp` signs the 20 JP recap as pengelola; `kinerja verify` names the role; a
    printed list signed in file mode with --role pengelola validates too."""
    pengelola = _pengelola(demo_db, people)
    name, nip = name_and_nip(demo_db, pengelola.employee_id)
    p12 = tmp_path / "pengelola.p12"
    p12.write_bytes(pki().ca.issue(CA_PASS, name=name, nip=nip, p12_passphrase="rahasia-p12",
                                   key_type="ec-p256"))
    monkeypatch.setenv("KINERJA_PASSWORD", nip)
    monkeypatch.setenv("KINERJA_P12_PASSPHRASE", "rahasia-p12")
    out = tmp_path / "rekap-jp.pdf"
    base = ["--db", str(demo_db.path), "--user", nip]
    assert main([*base, "sign", "--doc", "rekap-jp", "--year", str(DEMO_YEAR), "--p12", str(p12),
                 "--out", str(out)]) == 0, capsys.readouterr().err
    text = capsys.readouterr().out
    assert "Pengelola Kepegawaian" in text and "Ditandatangani lengkap" in text
    assert main(["verify", str(out)]) == 0
    assert name in capsys.readouterr().out
    listed = tmp_path / "daftar.pdf"
    assert main([*base, "penghargaan", "cetak", "--year", str(DEMO_YEAR), "--period", "TW4",
                 "--out", str(listed)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["sign", str(listed), "--p12", str(p12), "--role", "pengelola"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["verify", str(tmp_path / "daftar-ttd.pdf")]) == 0
