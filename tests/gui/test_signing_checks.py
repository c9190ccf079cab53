"""The GUI routes follow the same rules: certificate checked first, KONSEP refused, the penetapan signed
by its pimpinan, and a one-person print (preview or file) is a signable sheet."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget
from sqlalchemy import select

from kinerja_desktop.documents.certs import default_pki
from kinerja_desktop.documents.loader import SheetLoader
from kinerja_desktop.documents.signed_documents import render_record, resolve_target
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Employee, Evaluation, Unit
from kinerja_desktop.ui.print.print_job import PrintRequest, run_print_job
from kinerja_desktop.ui.signing.install import install_signing
from kinerja_desktop.ui.signing.sign_dialog import SignDialog
from kinerja_desktop.ui.workers import TaskManager
from tests.gui.form_helpers import QT_LOG_IGNORE
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import CA_PASS, P12_PASS, pki, trust_test_ca
from tests.unit.documents.pdf_checks import reader


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
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

    def add_menu_action(self, menu, action, *, toolbar=False):
        self.menus.setdefault(menu, []).append(action.text())
        return action

    def current_page(self):
        return self.tabs.currentWidget()

    def year(self) -> int:
        return DEMO_YEAR

    def period(self) -> str:
        return "TW3"


def _who(db: Database, employee_id: str) -> tuple[str, str]:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip


def _p12(tmp_path: Path, who: tuple[str, str], **kwargs) -> Path:
    path = tmp_path / f"{who[1]}.p12"
    path.write_bytes(pki().ca.issue(CA_PASS, name=who[0], nip=who[1], p12_passphrase=P12_PASS, key_type="ec-p256",
                                    **kwargs))
    return path


def _sign(qtbot, dialog: SignDialog, p12: Path) -> None:
    qtbot.addWidget(dialog)
    dialog.certificate.setCurrentIndex(dialog.certificate.count() - 1)  # "Berkas .p12 lain…"
    dialog.p12_file.setText(str(p12))
    dialog.passphrase.setText(P12_PASS)
    dialog.sign_button.click()


def test_the_sign_dialog_refuses_an_expired_certificate_and_stores_nothing(
    qtbot, demo_db: Database, people: People, tmp_path: Path
) -> None:
    staff = _who(demo_db, people.staff.employee_id)
    target = resolve_target(demo_db, "evaluasi", nip=staff[1], year=DEMO_YEAR, period="TW1")
    expired = _p12(tmp_path, staff, not_before=dt.datetime.now(dt.UTC) - dt.timedelta(days=400), valid_days=30)
    dialog = SignDialog(demo_db, people.staff, target, default_pki(),
                        render=lambda: render_record(demo_db, people.staff, target))
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        _sign(qtbot, dialog, expired)
    assert "sudah kedaluwarsa" in failed.args[0] and "kedaluwarsa" in dialog.status.text()
    with demo_db.reader() as s:
        assert s.scalars(select(Document)).first() is None
        assert not s.get(Evaluation, target.evaluation_id).frozen


def test_the_sign_dialog_refuses_a_draft_skp(qtbot, demo_db: Database, people: People, tmp_path: Path) -> None:
    assert people.drafter is not None
    drafter = _who(demo_db, people.drafter.employee_id)
    target = resolve_target(demo_db, "skp", nip=drafter[1], year=DEMO_YEAR)
    dialog = SignDialog(demo_db, people.drafter, target, default_pki(),
                        render=lambda: render_record(demo_db, people.drafter, target))
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        _sign(qtbot, dialog, _p12(tmp_path, drafter))
    assert "belum disetujui" in failed.args[0]


def test_the_pimpinan_signs_the_penetapan_from_the_menu(
    qtbot, demo_db: Database, people: People, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with demo_db.reader() as s:
        unit = s.scalars(select(Unit).where(Unit.code == "D001")).one()
    head_id = SheetLoader(demo_db).penetapan(unit.id, DEMO_YEAR, "TW3").pimpinan_id
    from kinerja_desktop.services.auth_service import user_by_username

    head = _who(demo_db, head_id)
    window = FakeWindow(demo_db, user_by_username(demo_db, head[1]))
    qtbot.addWidget(window)
    signing = install_signing(window)
    assert "&Tanda Tangani…" in window.menus["documents"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog = signing.sign_current("penetapan")  # no unit page open: the pimpinan's own unit
    assert dialog is not None and dialog.role == "pimpinan"
    with qtbot.waitSignal(dialog.signed, timeout=20_000) as signed:
        _sign(qtbot, dialog, _p12(tmp_path, head))
    assert signed.args[0].status == "SIGNED" and signed.args[0].kind == "penetapan"


@pytest.mark.parametrize("mode", ["preview", "file"])
def test_a_one_person_gui_print_is_a_signable_sheet(demo_db: Database, people: People, tmp_path: Path,
                                                     mode: str) -> None:
    ctx = SimpleNamespace(progress=lambda *a: None, cancelled=False)
    out = tmp_path / "evaluasi.pdf" if mode == "file" else None
    request = PrintRequest("evaluasi", DEMO_YEAR, "TW1", (people.staff.employee_id,), mode=mode, out=out)
    outcome = run_print_job(ctx, demo_db, people.penilai, request)
    assert outcome.documents == 1 and outcome.path is not None
    info = reader(outcome.path.read_bytes()).metadata
    assert json.loads(str(info["/KinerjaSignatureFields"])) and str(info["/KinerjaStatus"]) == "FINAL"
