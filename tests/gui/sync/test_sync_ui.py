"""Sync in the GUI: background runs with back-off, the Konflik view, status per record, decisions."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget
from sqlalchemy import select

from kinerja_desktop.services import plan_service
from kinerja_desktop.store.models import Rhk
from kinerja_desktop.sync.replica import save_remote
from kinerja_desktop.ui.sync.conflict_view import ConflictPage
from kinerja_desktop.ui.sync.install import SyncIntegration
from kinerja_desktop.ui.sync.status_page import SyncStatusPage
from kinerja_desktop.ui.workers import TaskManager, wait_for_tasks
from tests.gui.form_helpers import QT_LOG_IGNORE
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import Office

pytestmark = QT_LOG_IGNORE


class FakeWindow(QMainWindow):
    """The main window's public hooks that sync uses."""

    def __init__(self, db, user) -> None:
        super().__init__()
        self.db, self.user = db, user
        self.tasks = TaskManager(self)
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self.menus: dict[str, list[str]] = {}
        self.pages: dict[object, object] = {}
        self.states: list[str] = []
        self.changed = 0

    def add_menu_action(self, menu, action, *, toolbar=False):
        self.menus.setdefault(menu, []).append(action.text())
        self.addAction(action)
        return action

    def set_sync_state(self, text, tooltip=""):
        self.states.append(text)

    def page(self, key):
        return self.pages.get(key)

    def add_page(self, key, widget, title, tooltip=""):
        if key not in self.pages:
            self.pages[key] = widget
            self.tabs.addTab(widget, title)
        self.tabs.setCurrentWidget(widget)
        return widget

    def notify_data_changed(self, *args):
        self.changed += 1


def _integration(window: FakeWindow, **kw) -> SyncIntegration:
    options = {"start_delay_ms": 10, "debounce_ms": 50, "poll_ms": 50, "backoff_base_ms": 60_000}
    options.update(kw)
    return SyncIntegration(window, **options)


def _rhk(db, plan_id: str) -> str:
    with db.reader() as s:
        return s.execute(select(Rhk.id).where(Rhk.plan_id == plan_id, Rhk.deleted.is_(False))).scalars().first()


def test_background_sync_after_start_and_after_changes(qtbot, office: Office, people: People) -> None:
    db = office.dbs["staff"]
    save_remote(db, str(office.store))
    window = FakeWindow(db, people.drafter)
    qtbot.addWidget(window)
    sync = _integration(window)
    assert window.menus["sync"][0] == "Sinkronkan &Sekarang"
    qtbot.waitUntil(lambda: any(s.startswith("Tersinkron") for s in window.states), timeout=15_000)
    rhk = _rhk(db, people.drafter_plan_id)
    plan_service.update_rhk(db, people.drafter, rhk, text="Diubah, lalu dikirim otomatis")
    qtbot.waitUntil(lambda: sync.controller.unsent_count() == 0, timeout=15_000)
    wait_for_tasks(10_000)
    assert (office.store / "devices").is_dir()
    sync.controller.stop()


def test_unreachable_store_backs_off_and_retries_when_the_network_returns(qtbot, office: Office,
                                                                         people: People) -> None:
    db = office.dbs["reader"]
    save_remote(db, str(office.store))
    shutil.move(str(office.store), str(office.root / "usb-dicabut"))
    window = FakeWindow(db, people.staff)
    qtbot.addWidget(window)
    sync = _integration(window)
    qtbot.waitUntil(lambda: any("luring" in s for s in window.states), timeout=15_000)
    assert sync.controller.failures == 1 and sync.controller.retry_interval_ms == 60_000
    shutil.move(str(office.root / "usb-dicabut"), str(office.store))
    sync.controller.network_back()
    qtbot.waitUntil(lambda: window.states[-1].startswith("Tersinkron"), timeout=15_000)
    assert sync.controller.failures == 0
    sync.controller.stop()
    wait_for_tasks(10_000)


def test_konflik_view_lets_the_owner_choose(qtbot, office: Office, people: People) -> None:
    laptop, pc = office.dbs["staff"], office.dbs["reader"]
    rhk = _rhk(laptop, people.drafter_plan_id)
    plan_service.update_rhk(laptop, people.drafter, rhk, text="Versi laptop")
    plan_service.update_rhk(pc, people.drafter, rhk, text="Versi kantor")
    office.sync("staff")
    office.sync("reader")
    window = FakeWindow(pc, people.drafter)
    qtbot.addWidget(window)
    sync = _integration(window, start_delay_ms=60_000)
    page = sync.open_conflicts()
    assert isinstance(page, ConflictPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    shown = {page.values.item(i).text().split("\n")[0] for i in range(page.values.count())}
    assert shown == {"Versi laptop", "Versi kantor"}
    row = next(i for i in range(page.values.count()) if page.values.item(i).text().startswith("Versi laptop"))
    page.values.setCurrentRow(row)
    assert page.choose_button.isEnabled()
    with qtbot.waitSignal(page.data_changed, timeout=10_000):
        page.choose_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    with pc.reader() as s:
        assert s.get(Rhk, rhk).text == "Versi laptop"
    # the status list shows the choice waiting to be sent
    status = sync.open_status()
    assert isinstance(status, SyncStatusPage)
    qtbot.waitUntil(lambda: status.records.rowCount() >= 1, timeout=10_000)
    first = status.records.index(0, 0)
    assert status.records.data(first, Qt.ItemDataRole.DisplayRole) == "Menunggu dikirim"
    assert "menyimpan data seluruh instansi" in status.header.text()  # nobody set this PC up for a person
    sync.controller.stop()
    wait_for_tasks(10_000)


def test_an_emptied_store_asks_a_person_before_going_on(qtbot, office: Office, people: People) -> None:
    db = office.dbs["staff"]
    save_remote(db, str(office.store))
    office.sync("staff")
    shutil.rmtree(office.store)
    office.store.mkdir()
    window = FakeWindow(db, people.staff)
    qtbot.addWidget(window)
    asked: list[str] = []
    sync = _integration(window, start_delay_ms=60_000)
    sync.confirm = lambda title, text: asked.append(title) or True  # type: ignore[method-assign]
    sync.controller.sync_now()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == ["Penyimpanan berubah"]
    qtbot.waitUntil(lambda: window.states[-1].startswith("Tersinkron"), timeout=15_000)
    assert (office.store / "kinerja-store.json").exists()
    sync.controller.stop()
    wait_for_tasks(10_000)


def test_the_root_key_is_trusted_by_fingerprint_or_enrolment_file(qtbot, office: Office, tmp_path) -> None:
    """A new PC: nothing is applied until a person matches the root key's fingerprint (or takes the file)."""
    import json

    from PySide6.QtWidgets import QMessageBox

    from kinerja_desktop.services.trust_service import pinned_root
    from kinerja_desktop.store.signing import fingerprint
    from kinerja_desktop.ui.sync.settings_dialog import SyncSettingsDialog

    master_root = pinned_root(office.dbs["reader"])
    fresh = office.add_device("baru", fresh=True)
    from kinerja_desktop.services.trust_service import ROOT_PUB_KEY

    fresh.set_meta(ROOT_PUB_KEY, None)
    dialog = SyncSettingsDialog(fresh)
    qtbot.addWidget(dialog)
    assert "Belum ada" in dialog.root_label.text()
    dialog.location.setText(str(office.store))
    with qtbot.waitSignal(dialog.trust_store_button.clicked, timeout=1000):
        dialog.trust_store_button.click()
    qtbot.waitUntil(lambda: getattr(dialog, "confirm_box", None) is not None, timeout=15_000)
    box = dialog.confirm_box
    assert fingerprint(master_root) in box.text()
    no = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    no.click()
    assert pinned_root(fresh) is None  # "not the same": nothing trusted
    dialog.trust_store_button.click()
    qtbot.waitUntil(lambda: dialog.confirm_box is not box and dialog.confirm_box.isVisible(), timeout=15_000)
    yes = next(b for b in dialog.confirm_box.buttons()
               if dialog.confirm_box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()
    assert pinned_root(fresh) == master_root
    assert fingerprint(master_root) in dialog.root_label.text()
    report = office.sync("baru")
    assert report.applied > 1000 and not report.quarantined

    other = office.add_device("lain", fresh=True)
    other.set_meta(ROOT_PUB_KEY, None)
    enrol = tmp_path / "pendaftaran.json"
    enrol.write_text(json.dumps({"kinerja_enrol": 1, "root": master_root}))
    dialog2 = SyncSettingsDialog(other)
    qtbot.addWidget(dialog2)
    assert dialog2.enrol_with(enrol)
    assert pinned_root(other) == master_root
