"""install_signing: menu actions, the signed-documents tab on employee pages, signing the open page's record."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QTabWidget

from kinerja_desktop.documents.certs import default_pki
from kinerja_desktop.documents.signed_documents import resolve_target, sign_record
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee
from kinerja_desktop.ui.employee_page import EmployeePage
from kinerja_desktop.ui.signing.install import PANEL_TITLE, install_signing
from kinerja_desktop.ui.workers import TaskManager
from tests.gui.form_helpers import QT_LOG_IGNORE, screenshot
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import CA_PASS, P12_PASS, identity_for, pki, sheet_pdf, trust_test_ca
from tests.helpers.tsa_standin import TsaStandIn


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
    """Signing checks the certificate against the trust store: trust the shared test CA."""
    trust_test_ca()


pytestmark = QT_LOG_IGNORE


class FakeWindow(QMainWindow):
    """The main window's public hooks that signing uses."""

    def __init__(self, db: Database, user) -> None:
        super().__init__()
        self.db, self.user, self.menus = db, user, {}
        self.tasks = TaskManager(self)
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self.changed = 0

    def add_menu_action(self, menu, action, *, toolbar=False):
        self.menus.setdefault(menu, []).append(action.text())
        return action

    def current_page(self):
        return self.tabs.currentWidget()

    def notify_data_changed(self, *args):
        self.changed += 1


def _who(db: Database, employee_id: str) -> tuple[str, str]:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip


def test_menus_panel_and_signing_the_open_employee_page(qtbot, demo_db: Database, people: People, tmp_path: Path):
    staff, penilai = _who(demo_db, people.staff.employee_id), _who(demo_db, people.penilai.employee_id)
    target = resolve_target(demo_db, "skp", nip=staff[1], year=DEMO_YEAR)
    sign_record(demo_db, people.staff, identity_for(*staff), target,
                render=lambda: (sheet_pdf("SKP-INSTALL", True, staff, penilai), "a" * 64))
    p12 = tmp_path / "penilai.p12"
    p12.write_bytes(pki().ca.issue(CA_PASS, name=penilai[0], nip=penilai[1], p12_passphrase=P12_PASS,
                                   key_type="ec-p256"))
    default_pki().identities.import_p12(p12, P12_PASS)

    window = FakeWindow(demo_db, people.penilai)
    qtbot.addWidget(window)
    signing = install_signing(window)
    assert install_signing(window) is signing  # once per window
    assert window.menus["documents"] == ["&Periksa Tanda Tangan…", "&Tanda Tangani…",  # the kind is asked
                                         "Perpanjang &Keabsahan (LTV)…"]
    assert window.menus["tools"] == ["&Sertifikat Tanda Tangan…"]

    page = EmployeePage(demo_db, people.penilai, people.staff.employee_id, DEMO_YEAR, "TW1")
    window.tabs.addTab(page, "Pegawai")  # the tab switch attaches the panel
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert PANEL_TITLE in titles and page._signing_panel is None  # built when first shown
    panel = page.show_lazy_tab(page._signing_tab)
    assert panel is page._signing_panel and panel.model.rowCount() == 1
    assert signing.attach_panel(page) is None  # not twice

    dialog = signing.sign_current("skp")
    qtbot.addWidget(dialog)
    assert dialog.role == "penilai" and penilai[1] in dialog.certificate.currentText()
    dialog.passphrase.setText(P12_PASS)
    with qtbot.waitSignal(dialog.signed, timeout=20_000):
        dialog.sign_button.click()
    assert panel.model.index(0, panel.model.STATUS).data() == "Ditandatangani lengkap"
    assert window.changed == 1

    verify = signing.open_verify()
    qtbot.addWidget(verify)
    certs = signing.open_certificates()
    qtbot.addWidget(certs)
    assert certs.tabs.count() == 2  # the penilai is no admin: no office-CA tab


def test_perpanjang_keabsahan_on_the_stored_document_of_the_open_page(qtbot, demo_db: Database, people: People):
    """GIVEN a stored signed SKP, a timestamp server set and trusted, and the employee's signed-documents tab
    open WHEN Dokumen > Perpanjang Keabsahan (LTV) THEN the selected document gets its document timestamp and
    validation data (off the GUI thread), the tab says so, and the stored file verifies."""
    from kinerja_desktop.documents.long_term_documents import needs_long_term
    from kinerja_desktop.documents.verification import verify_pdf
    from kinerja_desktop.services.settings_service import set_setting
    from kinerja_desktop.store.models import Document

    staff, penilai = _who(demo_db, people.staff.employee_id), _who(demo_db, people.penilai.employee_id)
    target = resolve_target(demo_db, "skp", nip=staff[1], year=DEMO_YEAR)
    view, _ = sign_record(demo_db, people.staff, identity_for(*staff), target,
                          render=lambda: (sheet_pdf("SKP-LTV", True, staff, penilai), "b" * 64))
    window = FakeWindow(demo_db, people.staff)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    signing = install_signing(window)
    page = EmployeePage(demo_db, people.staff, people.staff.employee_id, DEMO_YEAR, "TW1")
    window.tabs.addTab(page, "Pegawai")
    panel = page.show_lazy_tab(page._signing_tab)
    window.show()
    qtbot.waitExposed(window)
    assert panel.ltv_button.isEnabled()
    with TsaStandIn() as tsa:
        default_pki().trust.add(tsa.root)
        set_setting(demo_db, people.admin, "signing.tsa_url", tsa.url)
        with qtbot.waitSignal(panel.extended, timeout=30_000) as done:
            assert signing.extend_long_term() is panel
        roots = [*pki().roots(), tsa.root]
    assert done.args == ["B-B+LTA"] and "diperpanjang (B-B+LTA)" in panel.hint.text()
    screenshot(window, "dokumen_perpanjang_keabsahan")
    with demo_db.reader() as s:
        pdf = demo_db.blobs.read_bytes(s.get(Document, view.id).sha256)
    assert not needs_long_term(pdf) and verify_pdf(pdf, roots).ok
    panel.extend_selected()  # a second time: said plainly, nothing changes
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert "sudah memiliki validasi jangka panjang" in panel.hint.text()
