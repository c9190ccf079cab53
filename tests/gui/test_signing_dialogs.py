"""Signing dialogs: verify in plain words, certificates (personal, office CA, trusted CAs), sign, documents list."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja_desktop.documents.certs import PkiPaths
from kinerja_desktop.documents.signed_documents import check_qr, resolve_target
from kinerja_desktop.documents.signing import sign_pdf
from kinerja_desktop.domain.errors import FrozenError, PermissionDenied
from kinerja_desktop.services import plan_service
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee
from kinerja_desktop.ui.signing.certificates_dialog import CertificatesDialog
from kinerja_desktop.ui.signing.documents_panel import SignedDocumentsPanel
from kinerja_desktop.ui.signing.sign_dialog import SignDialog
from kinerja_desktop.ui.signing.verify_dialog import VerifyDialog
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import (
    CA_PASS,
    P12_PASS,
    pki,
    real_sheet,
    sample_identities,
    sheet_pdf,
    trust_test_ca,
)


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
    """Signing checks the certificate against the trust store: trust the shared test CA."""
    trust_test_ca()


def _who(db: Database, employee_id: str) -> tuple[str, str]:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip


def test_verify_dialog_says_intact_or_changed_in_plain_words(qtbot, qtmodeltester) -> None:
    signed = sign_pdf(real_sheet().pdf, sample_identities()[0], "pegawai").pdf
    dialog = VerifyDialog(lambda: pki().roots())
    qtbot.addWidget(dialog)
    report = dialog.verify_bytes(signed, "Evaluasi TW1")
    assert report.ok
    assert dialog.verdict.text().startswith("Dokumen utuh, ditandatangani oleh Siti Rahmawati, S.Kom.")
    assert dialog.model.rowCount() == 1
    qtmodeltester.check(dialog.model)
    dialog.verify_bytes(signed + b"\n% sisipan\n")
    assert dialog.verdict.text().startswith("Dokumen telah diubah setelah ditandatangani.")
    verdict_cell = dialog.model.index(0, dialog.model.VERDICT).data()
    assert verdict_cell.startswith("Sah") or verdict_cell.startswith("Tidak sah")


def test_verify_dialog_reads_files_and_checks_printed_qr(qtbot, demo_db: Database, tmp_path: Path) -> None:
    dialog = VerifyDialog(lambda: pki().roots(), qr_check=lambda text: check_qr(demo_db, text))
    qtbot.addWidget(dialog)
    assert dialog.verify_file(tmp_path / "tidak-ada.pdf") is None
    assert "tidak dapat dibaca" in dialog.verdict.text()
    dialog.qr_edit.setText("bukan kode")
    dialog.qr_button.click()
    assert "bukan kode dokumen Kinerja" in dialog.verdict.text()


def test_certificates_dialog_imports_makes_ca_issues_and_manages_trust(qtbot, tmp_path: Path) -> None:
    paths = PkiPaths(tmp_path / "pki")
    dialog = CertificatesDialog(paths, is_admin=True, instansi="Dinas Contoh",
                                employee_name=lambda nip: "Ani Rahmawati" if nip == "198702122010012003" else None)
    qtbot.addWidget(dialog)
    assert dialog.tabs.count() == 3 and "belum dibuat" in dialog.ca_info.text()
    # wrong passphrase: a clear message, the field is emptied
    src = tmp_path / "saya.p12"
    src.write_bytes(pki().pegawai_p12)
    dialog.p12_path.setText(str(src))
    dialog.p12_passphrase.setText("salah-sekali")
    with qtbot.waitSignal(dialog.failed) as failed:
        dialog.import_button.click()
    assert failed.args == ["Kata sandi sertifikat salah."] and dialog.p12_passphrase.text() == ""
    dialog.p12_passphrase.setText(P12_PASS)
    with qtbot.waitSignal(dialog.identity_imported):
        dialog.import_button.click()
    assert dialog.identities_model.rowCount() == 1 and "Penerbit" in dialog.identity_info.text()
    # the admin makes the office CA (EC keeps the test fast) and issues a person's .p12
    dialog.ca_key.setCurrentIndex(dialog.ca_key.findData("ec-p256"))
    dialog.ca_passphrase.setText(CA_PASS)
    dialog.ca_passphrase2.setText(CA_PASS)
    with qtbot.waitSignal(dialog.ca_created, timeout=20_000):
        dialog.ca_button.click()
    assert paths.ca.exists() and dialog.trust_model.rowCount() == 1
    assert "Dinas Contoh CA Kinerja" in dialog.ca_info.text()
    dialog.issue_nip.setText("198702122010012003")
    dialog.issue_nip.editingFinished.emit()
    assert dialog.issue_name.text() == "Ani Rahmawati"
    dialog.issue_key.setCurrentIndex(dialog.issue_key.findData("ec-p256"))
    dialog.issue_out.setText(str(tmp_path / "ani.p12"))
    dialog.issue_ca_passphrase.setText(CA_PASS)
    dialog.issue_passphrase.setText(P12_PASS)
    dialog.issue_passphrase2.setText(P12_PASS)
    with qtbot.waitSignal(dialog.certificate_issued, timeout=20_000) as issued:
        dialog.issue_button.click()
    assert Path(issued.args[0]).is_file()
    assert all(f.text() == "" for f in (dialog.issue_ca_passphrase, dialog.issue_passphrase, dialog.issue_passphrase2))
    # trusted CAs: import another root, remove it again
    roots = tmp_path / "roots.pem"
    roots.write_bytes(pki().trust.export_pem())
    dialog.import_roots(roots)
    assert dialog.trust_model.rowCount() == 2
    dialog.trust_view.selectRow(1)
    dialog.remove_root_button.click()
    assert dialog.trust_model.rowCount() == 1


def test_non_admin_sees_no_office_ca_tab(qtbot, tmp_path: Path) -> None:
    dialog = CertificatesDialog(PkiPaths(tmp_path / "pki"))
    qtbot.addWidget(dialog)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["Sertifikat saya", "CA tepercaya"]


def test_sign_dialog_signs_stores_freezes_and_the_panel_lists_it(
    qtbot, qtmodeltester, demo_db: Database, people: People, tmp_path: Path
) -> None:
    staff, penilai = _who(demo_db, people.staff.employee_id), _who(demo_db, people.penilai.employee_id)
    paths = PkiPaths(tmp_path / "pki")
    p12 = tmp_path / "staff.p12"
    p12.write_bytes(pki().ca.issue(CA_PASS, name=staff[0], nip=staff[1], p12_passphrase=P12_PASS, key_type="ec-p256"))
    paths.identities.import_p12(p12, P12_PASS)
    target = resolve_target(demo_db, "skp", nip=staff[1], year=DEMO_YEAR)
    with pytest.raises(PermissionDenied):
        SignDialog(demo_db, people.other_penilai, target, paths, render=lambda: (b"", ""))
    dialog = SignDialog(demo_db, people.staff, target, paths, user_nip=staff[1],
                        render=lambda: (sheet_pdf("SKP-GUI", True, staff, penilai), "c" * 64))
    qtbot.addWidget(dialog)
    assert dialog.role == "pegawai" and "Pegawai yang Dinilai" in dialog.findChild(type(dialog.status)).text()
    dialog.passphrase.setText("salah-sekali")
    with qtbot.waitSignal(dialog.failed):
        dialog.sign_button.click()
    assert "Kata sandi sertifikat salah" in dialog.status.text()
    dialog.passphrase.setText(P12_PASS)
    dialog.queue_tte.setChecked(True)
    dialog.nik.setText("3201012505910001")
    with qtbot.waitSignal(dialog.signed, timeout=20_000) as signed:
        dialog.sign_button.click()
    view = signed.args[0]
    assert view.status == "PARTIAL" and dialog.passphrase.text() == ""
    assert "Sebagian ditandatangani" in dialog.status.text() and "antrean TTE" in dialog.status.text()
    assert (paths.root / "tte-queue.json").is_file()
    with pytest.raises(FrozenError):  # the record is frozen for the services the GUI uses
        plan_service.add_rhk(demo_db, people.staff, target.plan_id, text="RHK baru")

    panel = SignedDocumentsPanel(demo_db, people.staff, people.staff.employee_id,
                                 verify=lambda pdf, label: None)
    qtbot.addWidget(panel)
    qtmodeltester.check(panel.model)
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, panel.model.STATUS).data() == "Sebagian ditandatangani"
    assert panel.sign_button.isEnabled()
    with qtbot.waitSignal(panel.sign_requested) as requested:
        panel.sign_button.click()
    assert requested.args[0].id == view.id and requested.args[0].target.plan_id == target.plan_id
    assert panel.save_button.text() == "Ekspor…"
    exported = panel.export_selected(str(tmp_path / "ekspor.pdf"))
    assert exported is not None and exported.read_bytes() == demo_db.blobs.read_bytes(view.sha256)
    assert "Diekspor" in panel.hint.text()
