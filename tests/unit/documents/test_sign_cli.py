"""`kinerja certs`, `kinerja sign` and `kinerja verify` end to end, in process, on a demo office."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.documents.signed_documents import resolve_target, sign_record
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import identity_for, sheet_pdf, trust_test_ca


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
    """Signing checks the certificate against the trust store: trust the shared test CA."""
    trust_test_ca()


CA_SECRET, P12_SECRET = "rahasia-ca-cli", "rahasia-p12-cli"


def _who(db: Database, employee_id: str) -> tuple[str, str]:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(demo_db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """The demo office with an EC office CA made through the CLI by the admin."""
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    monkeypatch.setenv("KINERJA_CA_PASSPHRASE", CA_SECRET)
    monkeypatch.setenv("KINERJA_P12_PASSPHRASE", P12_SECRET)
    db = str(demo_db.path)
    code, out, err = _run(capsys, "--db", db, "--user", "admin", "certs", "init-ca", "--key", "ec-p256")
    assert code == 0, err
    assert "CA Kinerja" in out and "PEMERINTAH KABUPATEN CONTOH" in out
    return db


def test_admin_issues_a_p12_that_shows_trusted_and_non_admins_are_refused(  # noqa: PLR0917
    office: str,
    demo_db: Database,
    people: People,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name, nip = _who(demo_db, people.staff.employee_id)
    p12 = tmp_path / "staff.p12"
    code, out, err = _run(
        capsys, "--db", office, "--user", "admin", "certs", "issue", "--nip", nip, "--out", str(p12), "--key", "ec-p256"
    )
    assert code == 0, err
    assert p12.is_file()
    assert P12_SECRET not in out and CA_SECRET not in out
    code, out, _ = _run(capsys, "--json", "certs", "show", str(p12))
    info = json.loads(out)
    assert code == 0 and info["common_name"] == name and info["nip"] == nip and info["trusted"] is True
    code, out, _ = _run(capsys, "certs", "trust", "export")
    assert code == 0 and out.startswith("-----BEGIN CERTIFICATE-----")
    monkeypatch.setenv("KINERJA_PASSWORD", nip)  # demo staff: NIP is the password
    code, _, err = _run(
        capsys, "--db", office, "--user", nip, "certs", "issue", "--nip", nip, "--out", str(tmp_path / "x.p12")
    )
    assert code == 1 and "sertifikat" in err.lower()
    monkeypatch.setenv("KINERJA_P12_PASSPHRASE", "salah-sekali")
    monkeypatch.delenv("KINERJA_PASSPHRASE", raising=False)
    code, _, err = _run(capsys, "certs", "show", str(p12))
    assert code == 1 and "Kata sandi sertifikat salah" in err
    code, _, err = _run(capsys, "certs", "show", str(tmp_path / "tidak-ada.p12"))
    assert code == 1 and "tidak ditemukan" in err


def test_sign_a_file_then_verify_it_and_a_tampered_copy(
    office: str,
    demo_db: Database,
    people: People,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    staff, penilai = _who(demo_db, people.staff.employee_id), _who(demo_db, people.penilai.employee_id)
    p12 = tmp_path / "staff.p12"
    assert (
        main(
            [
                "--db",
                office,
                "--user",
                "admin",
                "certs",
                "issue",
                "--nip",
                staff[1],
                "--out",
                str(p12),
                "--key",
                "ec-p256",
            ]
        )
        == 0
    )
    sheet = tmp_path / "evaluasi.pdf"
    sheet.write_bytes(sheet_pdf("EVK-CLI", True, staff, penilai))
    capsys.readouterr()
    code, out, err = _run(capsys, "sign", str(sheet), "--p12", str(p12), "--role", "pegawai", "--tz", "WIT")
    signed = tmp_path / "evaluasi-ttd.pdf"
    assert code == 0, err
    assert "PAdES B-B" in out and "WIT" in out and "TIDAK tersertifikasi" in out and signed.is_file()
    code, out, _ = _run(capsys, "verify", str(signed))
    assert code == 0 and out.startswith("Dokumen utuh, ditandatangani oleh " + staff[0])
    code, out, _ = _run(capsys, "verify", str(signed), "--json")
    assert code == 0 and json.loads(out)["signatures"][0]["signer_nip"] == staff[1]
    tampered = tmp_path / "diubah.pdf"
    tampered.write_bytes(signed.read_bytes() + b"\n% tambahan\n")
    code, out, _ = _run(capsys, "verify", str(tampered))
    assert code == 1 and "Dokumen telah diubah setelah ditandatangani." in out
    code, _, err = _run(capsys, "sign", str(sheet), "--p12", str(p12), "--role", "penilai")
    assert code == 1 and "NIP" in err  # the certificate is not the penilai's


def test_second_signer_signs_the_stored_document_and_the_qr_checks_out(  # noqa: PLR0917
    office: str,
    demo_db: Database,
    people: People,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    staff, penilai = _who(demo_db, people.staff.employee_id), _who(demo_db, people.penilai.employee_id)
    target = resolve_target(demo_db, "skp", nip=staff[1], year=DEMO_YEAR)
    data_sha = "ab" * 32
    sign_record(
        demo_db,
        people.staff,
        identity_for(*staff),
        target,
        render=lambda: (sheet_pdf("SKP-QR", True, staff, penilai), data_sha),
    )
    p12 = tmp_path / "penilai.p12"
    assert (
        main(
            [
                "--db",
                office,
                "--user",
                "admin",
                "certs",
                "issue",
                "--nip",
                penilai[1],
                "--out",
                str(p12),
                "--key",
                "ec-p256",
            ]
        )
        == 0
    )
    monkeypatch.setenv("KINERJA_PASSWORD", penilai[1])
    out_pdf = tmp_path / "skp.pdf"
    capsys.readouterr()
    code, out, err = _run(
        capsys,
        "--db",
        office,
        "--user",
        penilai[1],
        "sign",
        "--nip",
        staff[1],
        "--year",
        str(DEMO_YEAR),
        "--doc",
        "skp",
        "--p12",
        str(p12),
        "--out",
        str(out_pdf),
    )
    assert code == 0, err
    assert "Pejabat Penilai Kinerja" in out and "Ditandatangani lengkap" in out
    # the shared test CA signed the pegawai; trust it explicitly next to the office CA
    from tests.helpers.signing_pki import pki

    roots = tmp_path / "roots.pem"
    roots.write_bytes(pki().trust.export_pem())
    code, out, _ = _run(capsys, "verify", str(out_pdf), "--trust", str(roots))
    assert code == 0, out
    payload = f"KINERJA:SKP-{DEMO_YEAR}-TAHUNAN-{staff[1]}:{data_sha.upper()}"
    code, out, _ = _run(capsys, "--db", office, "verify", "--qr", payload)
    assert code == 0 and out.startswith("Cocok: SKP") and penilai[0] in out
    code, out, _ = _run(capsys, "--db", office, "verify", "--qr", payload[:-4] + "0000")
    assert code == 1 and out.startswith("TIDAK cocok")
    code, _, err = _run(capsys, "--db", office, "verify", "--qr", "bukan kode")
    assert code == 1 and "bukan kode dokumen" in err


def test_database_mode_renders_the_real_sheet_signs_it_and_its_printed_qr_matches(  # noqa: PLR0917
    office: str, demo_db: Database, people: People, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    staff, penilai = _who(demo_db, people.staff.employee_id), _who(demo_db, people.penilai.employee_id)
    files = {}
    for who in (staff, penilai):
        files[who] = tmp_path / f"{who[1]}.p12"
        assert main(["--db", office, "--user", "admin", "certs", "issue", "--nip", who[1], "--out", str(files[who]),
                     "--key", "ec-p256"]) == 0
    capsys.readouterr()
    for who in (staff, penilai):
        monkeypatch.setenv("KINERJA_PASSWORD", who[1])
        code, out, err = _run(capsys, "--db", office, "--user", who[1], "--json", "sign", "--nip", staff[1],
                              "--year", str(DEMO_YEAR), "--doc", "evaluasi", "--period", "TW1",
                              "--p12", str(files[who]), "--out", str(tmp_path / "evk.pdf"))
        assert code == 0, err
    result = json.loads(out)
    assert result["status"] == "SIGNED" and result["role"] == "penilai"
    code, out, _ = _run(capsys, "--json", "verify", str(tmp_path / "evk.pdf"))
    report = json.loads(out)
    assert code == 0 and [s["role"] for s in report["signatures"]] == ["pegawai", "penilai"]
    # the stamp's QR is the sheet's own: KINERJA:<doc id>:<data hash>; it checks out against the database
    from kinerja_desktop.documents.signed_documents import list_documents

    (doc,) = [d for d in list_documents(demo_db, people.staff, people.staff.employee_id) if d.kind == "evaluasi"]
    payload = f"KINERJA:EVK-{DEMO_YEAR}-TW1-{staff[1]}:{doc.data_sha256.upper()}"
    code, out, _ = _run(capsys, "--db", office, "verify", "--qr", payload)
    assert code == 0 and out.startswith("Cocok: Evaluasi Kinerja"), out


def test_qr_of_an_unsigned_printed_sheet_is_compared_with_todays_data(
    demo_db: Database, people: People, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.documents.signed_documents import render_record

    staff = _who(demo_db, people.staff.employee_id)
    target = resolve_target(demo_db, "evaluasi", nip=staff[1], year=DEMO_YEAR, period="TW2")
    _pdf, data_sha = render_record(demo_db, people.staff, target)
    payload = f"KINERJA:EVK-{DEMO_YEAR}-TW2-{staff[1]}:{data_sha.upper()}"
    db = str(demo_db.path)
    code, out, _ = _run(capsys, "--db", db, "verify", "--qr", payload)
    assert code == 1 and "Masuk (--user)" in out
    monkeypatch.setenv("KINERJA_PASSWORD", staff[1])
    code, out, _ = _run(capsys, "--db", db, "--user", staff[1], "verify", "--qr", payload)
    assert code == 0 and out.startswith("Cocok dengan data saat ini") and "belum ditandatangani" in out
    code, out, _ = _run(capsys, "--db", db, "--user", staff[1], "verify", "--qr", payload[:-6] + "ABCDEF")
    assert code == 1 and out.startswith("TIDAK cocok")
