"""One employee's year: SKP, Realisasi, Evaluasi and Dokumen tabs.

``EmployeePage(db, user, employee_id, year, period, parent=None)`` raises the service's
``PermissionDenied`` when the user may not see this employee (the main window shows it).
Only the SKP tab is built when the page opens; Realisasi, Evaluasi and the tabs that other parts add
(``add_lazy_tab``: signed documents, competencies) are built when first shown, so opening an employee
stays fast (issue 14, section 6). ``read_ahead`` makes the page's reads once in a worker, so the first
page of a session does not pay SQLAlchemy's first compile of each query on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.kepegawaian import Pendekatan
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, may
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.form_queries import EmployeeHeader, employee_header
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.evaluation import EvaluationPage
from kinerja_desktop.ui.form_support.elided_label import ElidedLabel
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.lazy_tab import LazyTab
from kinerja_desktop.ui.form_support.messages import NoticeBar
from kinerja_desktop.ui.plan_editor import PlanEditor
from kinerja_desktop.ui.realisation import RealisationPage
from kinerja_desktop.ui.workers import error_message

TAB_SKP, TAB_REALISASI, TAB_EVALUASI, TAB_DOKUMEN = range(4)


def read_ahead(db: Database, user: CurrentUser, employee_id: str, year: int) -> None:
    """Make the reads that opening ``employee_id``'s page makes (its header, SKP and SKP versions), and
    drop the results: run in a worker while the list is read, it leaves every statement compiled in
    SQLAlchemy's cache, so the first page opened in a session costs what later ones do. Only reads:
    it never takes SQLite's write lock."""
    header = employee_header(db, user, employee_id, year, None)
    if header.plan_id is not None:
        plan = ps.get_plan(db, user, header.plan_id)
        ps.plan_versions(db, user, plan.employee_id, plan.year)


class NoPlanPanel(QFrame):
    """Shown when the year has no SKP yet: the employee can start one.

    Signals:
        create_requested(str): the chosen pendekatan.
    """

    create_requested = Signal(str)

    def __init__(self, header: EmployeeHeader, can_create: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("<h3>Belum ada SKP tahun {0}</h3>").format(header.year), self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        if can_create:
            text = QLabel(
                self.tr(
                    "Mulai Sasaran Kinerja Pegawai dengan memilih pendekatan hasil kerja. Pendekatan "
                    "kuantitatif memakai target berupa angka dan satuan; kualitatif memakai uraian."
                ),
                self,
            )
        else:
            text = QLabel(
                self.tr("SKP disusun oleh pegawai yang bersangkutan. Setelah diajukan, SKP akan tampil di sini."), self
            )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        self.pendekatan = QComboBox(self)
        for p in Pendekatan:
            self.pendekatan.addItem(self.tr("Pendekatan {0}").format(tr_label(p.label).lower()), p.value)
        self.create = QPushButton(self.tr("Buat SKP"), self)
        self.create.setObjectName("createPlan")
        self.create.setStyleSheet("QPushButton { font-weight: bold; padding: 6px 18px; }")
        self.create.clicked.connect(lambda: self.create_requested.emit(self.pendekatan.currentData()))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.pendekatan)
        row.addWidget(self.create)
        row.addStretch(1)
        layout.addLayout(row)
        self.pendekatan.setVisible(can_create)
        self.create.setVisible(can_create)
        self.notice = NoticeBar(self)
        layout.addWidget(self.notice)
        layout.addStretch(2)


class EmployeePage(QWidget):
    """SKP, Realisasi, Evaluasi and Dokumen of one employee for one year.

    Signals:
        plan_changed(str): the employee's plan changed (for lists showing its status).
        data_changed(): a realisation or the evaluation changed (lists show evaluation status, predikat).
        pohon_requested(str): show the pohon kinerja from this RHK (the SKP tab's context menu).
    """

    plan_changed = Signal(str)
    data_changed = Signal()
    pohon_requested = Signal(str)

    def __init__(self, db: Database, user: CurrentUser, employee_id: str, year: int, period: str,  # noqa: PLR0917
                 parent: QWidget | None = None, *, plan_id: str | None = None) -> None:
        super().__init__(parent)
        self.db, self.user, self.year = db, user, year
        self.period = period_of(period).code
        # plan_id: a Plt./Plh. SKP (never current), shown with the acting position's penilai
        self.header = employee_header(db, user, employee_id, year, plan_id)  # raises PermissionDenied
        self.acting_plan_id = plan_id
        self.acting_title = ""
        self.setWindowTitle(self.header.name)
        if plan_id:
            snapshot = ps.get_plan(db, user, plan_id).snapshot
            self.acting_title = str((snapshot.get("pegawai") or {}).get("jabatan") or "")
            self.setWindowTitle(f"{self.header.name} — {self.acting_title}")
        self.plan_id = self.header.plan_id
        self.plan_editor = None
        self.realisation_page = None
        self.evaluation_page = None
        self._stale: set[int] = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_title())
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("employeeTabs")
        layout.addWidget(self.tabs, 1)
        self.skp_stack = QStackedWidget(self)
        self.realisation_stack = QStackedWidget(self)
        self.evaluation_stack = QStackedWidget(self)
        self.documents = QListView(self)
        self.documents.setObjectName("documentList")
        self.tabs.addTab(self.skp_stack, "SKP")
        self.tabs.addTab(self.realisation_stack, self.tr("Realisasi"))
        self.tabs.addTab(self.evaluation_stack, self.tr("Evaluasi"))
        self.tabs.addTab(self._build_documents(), self.tr("Dokumen"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self._show_plan()

    # ------------------------------------------------------------------ building

    def _build_title(self) -> QWidget:
        h = self.header
        box = QFrame(self)
        box.setObjectName("employeeTitle")
        box.setStyleSheet("QFrame#employeeTitle { background: #f6f8fb; border-bottom: 1px solid #dadce0; }")
        row = QHBoxLayout(box)
        row.setContentsMargins(10, 6, 10, 6)
        name = QLabel(f"<span style='font-size:13pt; font-weight:bold'>{h.name}</span>", box)
        jabatan = self.acting_title or h.jabatan
        details = " · ".join(part for part in (f"NIP {h.nip}" if h.nip else "", jabatan, h.unit) if part)
        # A long jabatan and unit are shortened ("…", whole in the tooltip) instead of widening the page
        # past the screen (1366 at 125 %); a wrapped label would make the page taller than its frame.
        info = ElidedLabel(details, box)
        info.setObjectName("employeeDetails")
        info.setStyleSheet("color: #5f6368;")
        year = QLabel(self.tr("<b>Tahun {0}</b>").format(self.year), box)
        row.addWidget(name)
        row.addSpacing(12)
        row.addWidget(info, 1)
        row.addWidget(year)
        return box

    def _build_documents(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        hint = QLabel(self.tr("Dokumen SKP dan evaluasi yang dicetak atau ditandatangani akan tampil di sini."), page)
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(hint)
        layout.addWidget(self.documents, 1)
        return page

    def add_lazy_tab(self, build: Callable[[QWidget], QWidget], title: str) -> LazyTab:
        """Add a tab whose widget ``build(parent)`` makes when the tab is first shown (signing and
        follow-up add theirs so)."""
        tab = LazyTab(build, self)
        self.tabs.addTab(tab, title)
        if self.tabs.currentWidget() is tab:
            tab.ensure_built()
        return tab

    def show_lazy_tab(self, tab: LazyTab) -> QWidget | None:
        """Bring ``tab`` forward (building it); its content."""
        self.tabs.setCurrentWidget(tab)
        return tab.ensure_built()

    # ------------------------------------------------------------------ tabs

    def _show_plan(self) -> None:
        if self.plan_id is None:
            can_create = may(self.user.actor, Action.EDIT_PLAN, self.header.subject)
            panel = NoPlanPanel(self.header, can_create, self)
            panel.create_requested.connect(self._create_plan)
            self.no_plan_panel = panel
            self.skp_stack.addWidget(panel)
            self.skp_stack.setCurrentWidget(panel)
            for index in (TAB_REALISASI, TAB_EVALUASI):
                self.tabs.setTabEnabled(index, False)
            return
        self.plan_editor = PlanEditor(self.db, self.user, self.plan_id, self)
        self.plan_editor.plan_changed.connect(self._plan_changed)
        self.plan_editor.pohon_requested.connect(self.pohon_requested)
        self.skp_stack.addWidget(self.plan_editor)
        self.skp_stack.setCurrentWidget(self.plan_editor)
        for index in (TAB_REALISASI, TAB_EVALUASI):
            self.tabs.setTabEnabled(index, True)

    @Slot(str)
    def _create_plan(self, pendekatan: str) -> None:
        try:
            self.plan_id = ps.create_plan(self.db, self.user, self.header.employee_id, self.year, pendekatan)
        except Exception as exc:  # a KinerjaError's sentence (anything else said plainly), where the button is
            self.no_plan_panel.notice.show_notice(error_message(exc), "error")
            return
        self.skp_stack.removeWidget(self.no_plan_panel)
        self.no_plan_panel.deleteLater()
        self._show_plan()
        self.plan_changed.emit(self.plan_id)

    @Slot(str)
    def _plan_changed(self, plan_id: str) -> None:
        if plan_id != self.plan_id:  # a Revisi made a new version: the other tabs follow it
            self.plan_id = plan_id
            if self.realisation_page is not None:
                self.realisation_page.controller.plan_id = plan_id
            if self.evaluation_page is not None:
                self.evaluation_page.controller.follow_plan(plan_id)
        self._stale.update({TAB_REALISASI, TAB_EVALUASI})
        self.plan_changed.emit(plan_id)

    @Slot(int)
    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, LazyTab):
            widget.ensure_built()
        elif index == TAB_REALISASI:
            if self.realisation_page is None:
                self.realisation_page = RealisationPage(self.db, self.user, self.plan_id, self.year, self.period, self)
                self.realisation_page.controller.changed.connect(self.data_changed)
                self.realisation_stack.addWidget(self.realisation_page)
            elif index in self._stale:
                self.realisation_page.reload_plan()
        elif index == TAB_EVALUASI:
            if self.evaluation_page is None:
                self.evaluation_page = EvaluationPage(self.db, self.user, self.plan_id, self.year, self.period, self)
                self.evaluation_page.controller.changed.connect(self.data_changed)
                self.evaluation_stack.addWidget(self.evaluation_page)
            elif index in self._stale:
                self.evaluation_page.reload_plan()
        self._stale.discard(index)

    def set_period(self, code: str) -> None:
        """Follow the main window's period choice."""
        self.period = period_of(code).code
        for page in (self.realisation_page, self.evaluation_page):
            if page is not None:
                page.set_period(self.period)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def flush_edits(self) -> None:
        """Save what is being typed on the shown tab (Berkas > Simpan Isian, Ctrl+S)."""
        page = {TAB_SKP: self.plan_editor, TAB_REALISASI: self.realisation_page,
                TAB_EVALUASI: self.evaluation_page}.get(self.tabs.currentIndex())
        flush = getattr(page, "flush_edits", None)
        if callable(flush):
            flush()
