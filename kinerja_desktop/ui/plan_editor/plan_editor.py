"""The SKP editor: identity, pendekatan, Hasil Kerja (RHK and indicators), Perilaku Kerja,
Lampiran, and the workflow (Ajukan, Setujui, Kembalikan, Revisi). Every edit is saved at once
and can be undone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QMenu,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.kepegawaian import Aspek, JenisRhk, Perspektif
from kinerja_desktop.domain.permissions import Action
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import readiness_service as rd
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.submit_rules import submit_gaps
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.form_support.autosave import AutosaveTextEdit
from kinerja_desktop.ui.form_support.columns import ProportionalColumns
from kinerja_desktop.ui.form_support.confirm_step import ConfirmStepDialog, ask_step
from kinerja_desktop.ui.form_support.delegates import ComboDelegate, WrapTextDelegate
from kinerja_desktop.ui.form_support.elided_label import ElidedLabel
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.lazy_tab import LazyTab
from kinerja_desktop.ui.form_support.messages import NoticeBar, balloon_for
from kinerja_desktop.ui.form_support.roles import set_read_only_look
from kinerja_desktop.ui.form_support.undo import undo_redo_actions
from kinerja_desktop.ui.plan_editor.identity_header import IdentityHeader
from kinerja_desktop.ui.plan_editor.lampiran_panel import LampiranPanel
from kinerja_desktop.ui.plan_editor.perilaku_panel import PerilakuPanel
from kinerja_desktop.ui.plan_editor.plan_controller import PlanController
from kinerja_desktop.ui.plan_editor.rhk_tree_model import (
    ASPEK,
    IKI,
    INTERVENSI,
    NO,
    PERSPEKTIF,
    RHK,
    TARGET,
    RhkTreeModel,
)
from kinerja_desktop.ui.plan_editor.workflow_bar import ReturnNoteDialog, WorkflowBar

#: Column shares of the tree's width (the form must read well full-screen and in a narrower tab).
COLUMN_SHARES = {NO: 4.5, INTERVENSI: 21, RHK: 25, ASPEK: 7.5, IKI: 30, TARGET: 12, PERSPEKTIF: 15}


class PlanTreeView(QTreeView):
    """The Hasil Kerja tree: wrapped multi-line cells whose heights follow the column widths."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rhkTree")
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setIndentation(10)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setAllColumnsShowFocus(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.doItemsLayout)
        self.header().sectionResized.connect(lambda *_: self._relayout.start())
        self.header().setStretchLastSection(False)

    def cancel_relayout(self) -> None:
        self._relayout.stop()

    def drawBranches(self, painter: QPainter, rect: QRect, index: QModelIndex) -> None:
        """No expand arrows: every group and RHK is always open."""


class PlanEditor(QWidget):
    """Edits (or shows read-only) one SKP.

    Signals:
        plan_changed(str): the plan (id given) changed — other tabs may refresh.
        pohon_requested(str): show the pohon kinerja from this RHK (id given; context menu of a row).
    """

    plan_changed = Signal(str)
    pohon_requested = Signal(str)

    def __init__(self, db: Database, user: CurrentUser, plan_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.controller = PlanController(db, user, plan_id, self)
        self._focus: tuple[str, str] | None = None  # (row id, column key) to select after a reload
        self._return_dialog: ReturnNoteDialog | None = None
        self.confirmation: ConfirmStepDialog | None = None  # the open Ajukan/Setujui question
        self._columns_for: tuple[str, ...] = ()
        self._column_shares: ProportionalColumns | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self.workflow = WorkflowBar(self)
        self.notice = NoticeBar(self)
        self.identity = IdentityHeader(self)
        self.sections = QTabWidget(self)
        self.sections.setObjectName("planSections")
        self.sections.setDocumentMode(True)
        layout.addWidget(self.workflow)
        layout.addWidget(self.notice)
        layout.addWidget(self.identity)
        layout.addWidget(self.sections, 1)

        self.sections.addTab(self._build_hasil_kerja(), self.tr("Hasil Kerja"))
        # Perilaku Kerja and Lampiran are built when first shown (or first used): opening an SKP builds
        # what is on screen only (issue 14, section 6).
        self._perilaku: PerilakuPanel | None = None
        self._lampiran: LampiranPanel | None = None
        self._perilaku_tab = LazyTab(self._build_perilaku, self.sections)
        self._lampiran_tab = LazyTab(self._build_lampiran, self.sections)
        self.sections.addTab(self._perilaku_tab, self.tr("Perilaku Kerja"))
        self.sections.addTab(self._lampiran_tab, self.tr("Lampiran"))
        self.sections.currentChanged.connect(self._section_shown)

        self.undo_action, self.redo_action = undo_redo_actions(self, self.controller.undo_stack)
        self.workflow.undo.setDefaultAction(self.undo_action)
        self.workflow.redo.setDefaultAction(self.redo_action)

        self.workflow.pendekatan_chosen.connect(self._set_pendekatan)
        self.workflow.version_chosen.connect(self._show_version)
        self.workflow.submit_clicked.connect(self.submit)
        self.workflow.approve_clicked.connect(self.approve)
        self.workflow.return_clicked.connect(self.ask_return)
        self.workflow.revise_clicked.connect(self.revise)
        self.controller.changed.connect(self._on_changed)
        self.controller.error_raised.connect(lambda e: self.notice.show_notice(str(e), "error"))
        self.refresh(versions=True)

    # ------------------------------------------------------------------ building

    @property
    def perilaku(self) -> PerilakuPanel:
        self._perilaku_tab.ensure_built()
        assert self._perilaku is not None
        return self._perilaku

    @property
    def lampiran(self) -> LampiranPanel:
        self._lampiran_tab.ensure_built()
        assert self._lampiran is not None
        return self._lampiran

    def _build_perilaku(self, parent: QWidget) -> QWidget:
        panel = PerilakuPanel(parent)
        panel.expectation_committed.connect(self._set_expectation)
        panel.set_expectations(self.controller.plan.expectations, self.controller.expectation_editable)
        self._perilaku = panel
        return panel

    def _build_lampiran(self, parent: QWidget) -> QWidget:
        panel = LampiranPanel(self.controller.update_lampiran, parent)
        for column in panel.columns.values():
            column.add_requested.connect(self._add_lampiran)
            column.remove_requested.connect(self._remove_lampiran)
        panel.set_items(self.controller.plan.lampiran, self.controller.editable)
        self._lampiran = panel
        return panel

    @Slot(int)
    def _section_shown(self, index: int) -> None:
        widget = self.sections.widget(index)
        if isinstance(widget, LazyTab):
            widget.ensure_built()

    def _build_hasil_kerja(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.tool_buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            (
                "add_utama",
                self.tr("+ RHK Utama"),
                self.tr("Tambah Rencana Hasil Kerja utama (Ctrl+N)"),
                lambda: self.add_rhk(JenisRhk.UTAMA.value),
            ),
            (
                "add_tambahan",
                self.tr("+ RHK Tambahan"),
                self.tr("Tambah Rencana Hasil Kerja tambahan"),
                lambda: self.add_rhk(JenisRhk.TAMBAHAN.value),
            ),
            (
                "add_indicator",
                self.tr("+ Indikator"),
                self.tr("Tambah indikator (aspek) pada RHK terpilih (Ctrl+I)"),
                self.add_indicator,
            ),
            (
                "remove",
                self.tr("Hapus"),
                self.tr("Hapus baris terpilih (Delete); Ctrl+Z membatalkan"),
                self.remove_current,
            ),
            ("up", self.tr("▲ Naik"), self.tr("Pindahkan ke atas (Ctrl+↑)"), lambda: self.move_current(-1)),
            ("down", self.tr("▼ Turun"), self.tr("Pindahkan ke bawah (Ctrl+↓)"), lambda: self.move_current(1)),
            ("drafts", self.tr("Usulan RHK…"),
             self.tr("RHK yang diusulkan pimpinan (matriks peran hasil) atau diimpor admin"), self.open_drafts),
        ):
            button = QToolButton(page)
            button.setText(text)
            button.setToolTip(tip)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.tool_buttons[key] = button
        # One line, shortened with "…" where it does not fit: it never widens the page past the screen.
        self.hint = ElidedLabel(
            self.tr(
                "Klik dua kali atau ketik untuk mengubah sel · Enter menyimpan, Shift+Enter baris "
                "baru · seret baris untuk mengurutkan"
            ),
            page,
        )
        self.hint.setStyleSheet("color: #5f6368;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.hint, 1)
        layout.addLayout(bar)

        self.model = RhkTreeModel(self._commit, self._move, self)
        self.tree = PlanTreeView(page)
        self.tree.setModel(self.model)
        self.model.modelReset.connect(self._after_reset)
        self.model.edit_refused.connect(self._cell_refused)
        self._text_delegate = WrapTextDelegate(self.tree)
        self._intervensi_delegate = ComboDelegate(lambda _i: self.controller.supervisor_options(), self.tree)
        self._aspek_delegate = ComboDelegate(
            lambda _i: [(a.value, tr_label(a.label)) for a in Aspek], self.tree, empty_label=None
        )
        self._perspektif_delegate = ComboDelegate(
            lambda _i: [(p.value, tr_label(p.label)) for p in Perspektif], self.tree
        )
        self.tree.setItemDelegate(self._text_delegate)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._row_menu)
        layout.addWidget(self.tree, 1)
        # Tab moves between cells (it used to leave the tree for a widget that showed no focus).
        self.tree.setTabKeyNavigation(True)
        for keys, slot in (
            (Qt.Key.Key_Delete, self.remove_current),
            (QKeySequence("Ctrl+Up"), lambda: self.move_current(-1)),
            (QKeySequence("Ctrl+Down"), lambda: self.move_current(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        # Adding works wherever the focus is in the editor (a button, a cell being typed in), not only
        # after a click into the tree.
        for keys, slot in (
            (QKeySequence("Ctrl+N"), lambda: self._flushed(lambda: self.add_rhk(self._current_group()))),
            (QKeySequence("Ctrl+I"), lambda: self._flushed(self.add_indicator)),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        return page

    def _flushed(self, then: Callable[[], None]) -> None:
        self.flush_edits()
        then()

    def _apply_columns(self) -> None:
        delegates = {
            INTERVENSI: self._intervensi_delegate,
            ASPEK: self._aspek_delegate,
            PERSPEKTIF: self._perspektif_delegate,
        }
        for n, key in enumerate(self.model.columns):
            self.tree.setItemDelegateForColumn(n, delegates.get(key, self._text_delegate))
        shares = [COLUMN_SHARES[key] for key in self.model.columns]
        if self._column_shares is None:
            self._column_shares = ProportionalColumns(self.tree, shares, minimum=48)
        else:
            self._column_shares.set_shares(shares)

    # ------------------------------------------------------------------ refreshing

    def refresh(self, *, versions: bool = False) -> None:
        """Show the controller's plan in every part of the editor."""
        c = self.controller
        plan = c.plan
        current = self.tree.currentIndex()
        node = self.model.node(current)
        if self._focus is None and node is not None and node.kind != "group":
            self._focus = (node.key, self.model.columns[current.column()])
        first = self.model.plan is None
        self.model.set_plan(plan, c.editable)  # a reset lays out the tree (see _after_reset)
        self.identity.set_snapshot(plan.snapshot)
        self.identity.set_period(*(plan.span or (date(plan.year, 1, 1), date(plan.year, 12, 31))))
        self.workflow.set_state(
            plan,
            editable=c.editable,
            undoable=c.editable or c.expectation_editable,
            can_submit=c.can_submit,
            can_approve=c.can_approve,
            can_return=c.can_return,
            can_revise=c.can_revise,
        )
        if versions:
            self.workflow.set_versions(ps.plan_versions(self.db, self.user, plan.employee_id, plan.year), plan.id)
        for key in ("add_utama", "add_tambahan", "add_indicator", "remove", "up", "down", "drafts"):
            self.tool_buttons[key].setVisible(c.editable)
        self.hint.setVisible(c.editable)
        set_read_only_look(self.tree, not c.editable)
        if self._perilaku is not None:  # else built with the plan when first shown
            self._perilaku.set_expectations(plan.expectations, c.expectation_editable)
        if self._lampiran is not None:
            self._lampiran.set_items(plan.lampiran, c.editable)
        self._show_state_notice()
        if self._focus is not None and not first:
            self._select(*self._focus)
        self._focus = None

    def _show_state_notice(self) -> None:
        c, plan = self.controller, self.controller.plan
        penilai = (plan.snapshot.get("penilai") or {}).get("nama") or self.tr("pejabat penilai")
        if not plan.is_current and plan.version < ps.ACTING_VERSION_BASE:  # a Plt./Plh. SKP is never "current"
            self.notice.show_notice(
                self.tr("Ini SKP versi {0} (versi lama); hanya dapat dibaca.").format(plan.version), "readonly"
            )
        elif plan.status == "RETURNED" and plan.review_note:
            who = self.tr("Anda") if c.may(Action.REVIEW_PLAN) else penilai
            self.notice.show_notice(
                self.tr("Dikembalikan oleh {0} dengan catatan: “{1}” — perbaiki lalu Ajukan kembali.").format(
                    who, plan.review_note
                ),
                "warning",
            )
        elif c.can_approve:
            self.notice.show_notice(
                self.tr(
                    "SKP ini diajukan kepada Anda. Periksa, isi Ekspektasi Khusus Pimpinan "
                    "bila perlu (tab Perilaku Kerja), lalu Setujui atau Kembalikan dengan "
                    "catatan."
                ),
                "info",
            )
        elif c.editable:
            self.notice.clear()
        elif plan.frozen:
            self.notice.show_notice(
                self.tr("SKP ini sudah ditandatangani; hanya dapat dibaca. Pilih Revisi untuk membuat versi baru."),
                "readonly",
            )
        elif plan.status == "SUBMITTED" and c.may(Action.EDIT_PLAN):
            self.notice.show_notice(
                self.tr("SKP sudah diajukan dan menunggu persetujuan {0}; hanya dapat dibaca.").format(penilai),
                "readonly",
            )
        elif plan.status == "APPROVED":
            tail = self.tr(" Pilih Revisi untuk membuat versi baru.") if c.can_revise else ""
            self.notice.show_notice(self.tr("SKP sudah disetujui; hanya dapat dibaca.{0}").format(tail), "readonly")
        else:
            self.notice.show_notice(self.tr("Anda melihat SKP ini tanpa hak mengubah; hanya dapat dibaca."), "readonly")

    @Slot()
    def _after_reset(self) -> None:
        if self._columns_for != self.model.columns:
            self._columns_for = self.model.columns
            self._apply_columns()
        for row in range(self.model.rowCount()):  # spans first: row heights depend on them
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        self.tree.doItemsLayout()
        self.tree.cancel_relayout()  # just laid out with the final column widths

    @Slot()
    def open_drafts(self) -> None:
        """Usulan RHK: accept, edit or decline the draft RHK offered to this SKP."""
        from kinerja_desktop.ui.matriks.drafts_dialog import DraftsDialog

        self.drafts_dialog = DraftsDialog(self.db, self.user, self.controller.plan_id, self)
        self.drafts_dialog.exec()
        if self.drafts_dialog.changed:
            self.controller.reload()
            self.refresh()
            self.plan_changed.emit(self.controller.plan_id)
        self.drafts_dialog = None

    def _on_changed(self) -> None:
        self.refresh()
        self.workflow.saved.setText(self.tr("Tersimpan {0:%H.%M.%S}").format(datetime.now()))
        self.plan_changed.emit(self.controller.plan_id)

    def _select(self, row_id: str, column_key: str) -> None:
        column = max(0, self.model.column_of(column_key))
        index = self.model.index_for(row_id, column)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # ------------------------------------------------------------------ model callbacks

    def _commit(self, kind: str, key: str, field: str, value: object, session: object) -> KinerjaError | None:
        balloon_for(self).clear()
        if kind == "rhk":
            return self.controller.set_rhk_field(key, field, value, session)
        return self.controller.set_indicator_field(key, field, value, session)

    def _move(self, kind: str, key: str, where: str, position: int) -> KinerjaError | None:
        column = self.model.columns[max(0, self.tree.currentIndex().column())]
        self._focus = (key, column)
        if kind == "rhk":
            return self.controller.move_rhk(key, where, position)
        return self.controller.move_indicator(key, position)

    @Slot(QModelIndex, str)
    def _cell_refused(self, index: QModelIndex, message: str) -> None:
        self.show_cell_message(index, message)

    def show_cell_message(self, index: QModelIndex, message: str) -> None:
        """Put ``message`` in a balloon just under the cell at ``index``."""
        self.sections.setCurrentIndex(0)
        self.tree.scrollTo(index)
        rect = self.tree.visualRect(index)
        balloon_for(self).show_at(self.tree.viewport(), message, rect)

    # ------------------------------------------------------------------ commands

    def _current_node(self) -> tuple[str, str] | None:
        node = self.model.node(self.tree.currentIndex())
        return (node.kind, node.key) if node is not None else None

    def _rhk_at(self, index: QModelIndex) -> str | None:
        """The RHK id of an RHK row or of one of its indicator rows."""
        node = self.model.node(index)
        if node is None or node.kind not in ("rhk", "indicator"):
            return None
        return node.obj.id if node.kind == "rhk" else node.obj.rhk_id

    def row_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a row (None where it has none): "Lihat Pohon Kinerja" on an RHK."""
        rhk_id = self._rhk_at(index)
        if rhk_id is None:
            return None
        menu = QMenu(self)
        menu.setObjectName("rhkMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Lihat Pohon Kinerja"), lambda: self.pohon_requested.emit(rhk_id))
        return menu

    @Slot(QPoint)
    def _row_menu(self, pos: QPoint) -> None:
        menu = self.row_menu(self.tree.indexAt(pos))
        if menu is not None:
            menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _current_group(self) -> str:
        node = self.model.node(self.tree.currentIndex())
        if node is None:
            return JenisRhk.UTAMA.value
        if node.kind == "group":
            return node.key
        if node.kind == "rhk":
            return node.obj.kind
        return self.controller.rhk(node.obj.rhk_id).kind

    def _report(self, error: KinerjaError | None, *, near: QWidget | None = None) -> bool:
        if error is None:
            balloon_for(self).clear()
            return True
        if near is not None:
            balloon_for(self).show_at(near, str(error))
        else:
            self.notice.show_notice(str(error), "error")
        return False

    @Slot()
    def add_rhk(self, kind: str = JenisRhk.UTAMA.value) -> None:
        if not self.controller.editable:
            return
        self._focus = None
        error = self.controller.add_rhk(kind)
        if error is None and self.controller.last_added:
            self._select(self.controller.last_added, RHK)
            self.tree.edit(self.tree.currentIndex())
        self._report(error)

    @Slot()
    def add_indicator(self) -> None:
        if not self.controller.editable:
            return
        node = self.model.node(self.tree.currentIndex())
        if node is None or node.kind == "group":
            balloon_for(self).show_at(
                self.tool_buttons["add_indicator"], self.tr("Pilih dahulu RHK yang akan diberi indikator.")
            )
            return
        rhk_id = node.key if node.kind == "rhk" else node.obj.rhk_id
        error = self.controller.add_indicator(rhk_id)
        if error is None and self.controller.last_added:
            self._select(self.controller.last_added, IKI)
            self.tree.edit(self.tree.currentIndex())
        self._report(error)

    @Slot()
    def remove_current(self) -> None:
        current = self._current_node()
        if current is None or current[0] == "group" or not self.controller.editable:
            return
        kind, key = current
        self._focus = None
        error = self.controller.remove_rhk(key) if kind == "rhk" else self.controller.remove_indicator(key)
        if self._report(error):
            what = "RHK" if kind == "rhk" else self.tr("Indikator")
            self.workflow.saved.setText(self.tr("{0} dihapus · Ctrl+Z membatalkan").format(what))

    @Slot()
    def move_current(self, delta: int) -> None:
        current = self._current_node()
        if current is None or current[0] == "group" or not self.controller.editable:
            return
        kind, key = current
        column = self.model.columns[max(0, self.tree.currentIndex().column())]
        self._focus = (key, column)
        if kind == "indicator":
            ind = self.controller.indicator(key)
            pos = self.controller.rhk(ind.rhk_id).indicators.index(ind) + delta
            self._report(self.controller.move_indicator(key, pos))
            return
        rhk = self.controller.rhk(key)
        group = self.controller.plan.rhk_of(rhk.kind)
        pos = group.index(rhk) + delta
        target = rhk.kind
        if pos < 0:
            if rhk.kind == JenisRhk.UTAMA:
                return
            target, pos = JenisRhk.UTAMA.value, len(self.controller.plan.rhk_of(JenisRhk.UTAMA.value))
        elif pos >= len(group):
            if rhk.kind == JenisRhk.TAMBAHAN:
                return
            target, pos = JenisRhk.TAMBAHAN.value, 0
        self._report(self.controller.move_rhk(key, target, pos))

    @Slot(str, str, object)
    def _set_expectation(self, code: str, text: str, session: object) -> None:
        error = self.controller.set_expectation(code, text, session)
        edit = self.perilaku.edits[code]
        edit.mark_invalid(error is not None)
        self._report(error, near=edit)

    @Slot(str, str)
    def _add_lampiran(self, kind: str, text: str) -> None:
        column = self.lampiran.columns[kind]
        if self._report(self.controller.add_lampiran(kind, text), near=column.input):
            column.input.clear()

    @Slot(str)
    def _remove_lampiran(self, item_id: str) -> None:
        self._report(self.controller.remove_lampiran(item_id))

    @Slot(str)
    def _set_pendekatan(self, value: str) -> None:
        self._report(self.controller.set_pendekatan(value), near=self.workflow.pendekatan)

    @Slot(str)
    def _show_version(self, plan_id: str) -> None:
        if plan_id and plan_id != self.controller.plan_id:
            self.controller.show_version(plan_id)

    # ------------------------------------------------------------------ workflow

    def _penilai_name(self) -> str:
        return (self.controller.plan.snapshot.get("penilai") or {}).get("nama") or self.tr("pejabat penilai")

    @Slot()
    def submit(self) -> None:
        """Ajukan: asks first, listing what is incomplete; a plan the service would refuse is refused at once."""
        self.flush_edits()
        readiness = rd.before_submit(self.db, self.user, self.controller.plan_id)
        if not readiness.ready:
            self._submit_now()  # refused by the service, with the message at the row concerned
            return
        self.confirmation = ask_step(
            self, self.tr("Ajukan SKP"),
            self.tr("Ajukan SKP ini kepada {0}? Setelah diajukan, SKP tidak dapat diubah lagi kecuali "
                    "dikembalikan oleh pejabat penilai.").format(self._penilai_name()),
            readiness, self.tr("Ajukan"), self._submit_now)

    @Slot()
    def _submit_now(self) -> None:
        error = self.controller.submit()
        if error is not None:
            self.notice.show_notice(str(error), "error")
            self._locate(error)
            return
        self.refresh(versions=True)
        self.notice.show_notice(self.tr("SKP telah diajukan kepada {0}.").format(self._penilai_name()), "success")

    @Slot()
    def approve(self) -> None:
        """Setujui: asks first, listing what the SKP still lacks (Ekspektasi Khusus Pimpinan, lampiran, …)."""
        self.flush_edits()
        readiness = rd.before_approve(self.db, self.user, self.controller.plan_id)
        if not readiness.ready:
            self._approve_now()
            return
        name = (self.controller.plan.snapshot.get("pegawai") or {}).get("nama") or self.tr("pegawai")
        self.confirmation = ask_step(
            self, self.tr("Setujui SKP"),
            self.tr("Setujui SKP {0}? Setelah disetujui, pegawai mengisi realisasi berdasarkan SKP ini.").format(name),
            readiness, self.tr("Setujui"), self._approve_now)

    @Slot()
    def _approve_now(self) -> None:
        if self._report(self.controller.approve()):
            self.refresh(versions=True)
            self.notice.show_notice(self.tr("SKP telah disetujui. Pegawai kini dapat mengisi realisasi."), "success")

    @Slot()
    def ask_return(self) -> None:
        self.flush_edits()
        if self._return_dialog is None:  # one dialog, reused: no deletions while signals are in flight
            self._return_dialog = ReturnNoteDialog(self)
            self._return_dialog.setObjectName("returnDialog")
            self._return_dialog.note_given.connect(self._return_with)
        self._return_dialog.ask(rd.before_return(self.db, self.user, self.controller.plan_id))

    @Slot(str)
    def _return_with(self, note: str) -> None:
        if self._report(self.controller.return_plan(note)):
            self.refresh(versions=True)
            self.notice.show_notice(
                self.tr("SKP dikembalikan kepada pegawai dengan catatan: “{0}”").format(note.strip()), "success"
            )

    @Slot()
    def revise(self) -> None:
        if self._report(self.controller.revise()):
            self.refresh(versions=True)
            self.notice.show_notice(
                self.tr("Versi {0} dibuat sebagai draf; versi sebelumnya tetap tersimpan.").format(
                    self.controller.plan.version
                ),
                "success",
            )

    def flush_edits(self) -> None:
        """Save whatever is being typed (an open cell editor or a text field) before a workflow step."""
        focus = self.focusWidget()
        if isinstance(focus, AutosaveTextEdit):
            focus.flush()
        index = self.tree.currentIndex()
        editor = self.tree.indexWidget(index) if index.isValid() else None
        if editor is not None:
            delegate = self.tree.itemDelegateForIndex(index)
            delegate.commitData.emit(editor)
            delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _locate(self, error: KinerjaError) -> None:
        """Point at the row an Ajukan refusal is about: the first gap of :mod:`submit_rules`, as the service."""
        gaps = submit_gaps(self.controller.plan)
        column = {"empty_rhk": RHK, "no_indicator": RHK, "empty_indicator": IKI, "no_target": TARGET}
        if gaps and gaps[0].item_id is not None:
            index = self.model.index_for(gaps[0].item_id, self.model.column_of(column[gaps[0].rule]))
            self.show_cell_message(index, str(error))
