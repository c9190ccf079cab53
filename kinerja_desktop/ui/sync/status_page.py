"""Status Sinkronisasi: every record that is not yet the same everywhere, plus refusals and quarantine.

Each record shows its state: *menunggu* (changed here, not yet sent) or *konflik* (two values,
see the Konflik view); everything not listed is *tersinkron*.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.workers import run_task

STATE_LABELS = {
    "menunggu": QT_TRANSLATE_NOOP("status_page", "Menunggu dikirim"),
    "konflik": QT_TRANSLATE_NOOP("status_page", "Konflik"),
    "tersinkron": QT_TRANSLATE_NOOP("status_page", "Tersinkron"),
}
STATE_COLORS = {"menunggu": "#8a6d00", "konflik": "#b3261e", "tersinkron": "#1b6e2d"}


class RowsModel(QAbstractTableModel):
    """A read-only table of tuples with headers."""

    def __init__(self, headers: tuple[str, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[Any, ...]] = []
        self.states: list[str | None] = []

    def set_rows(self, rows: list[tuple[Any, ...]], states: list[str | None] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.states = states or [None] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.rows[index.row()][index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and self.states[index.row()]:
            return QColor(STATE_COLORS.get(self.states[index.row()] or "", "#000000"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def _load(ctx: Any, db: Any) -> dict[str, Any]:
    from kinerja_desktop.services.sync_status import summary
    from kinerja_desktop.sync.conflicts import list_refused
    from kinerja_desktop.sync.status import unsynced_records

    records = unsynced_records(db)
    refused = list_refused(db)
    from sqlalchemy import select

    from kinerja_desktop.store.sync_models import SyncQuarantine

    with db.reader() as s:
        quarantine = list(s.scalars(select(SyncQuarantine).order_by(SyncQuarantine.id.desc())))
    from kinerja_desktop.services.people_here import people_here
    from kinerja_desktop.sync.scope import scope_of

    return {"summary": summary(db), "records": records, "refused": refused, "quarantine": quarantine,
            "scope": scope_of(db), "people": people_here(db)}


def _when(value: Any) -> str:
    return value.strftime("%d-%m-%Y %H:%M") if value else ""


class SyncStatusPage(QWidget):
    """A tab: the per-record list, refused changes, and quarantined bundles."""

    open_conflicts_requested = Signal()

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatusPage")
        self.db = db
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.records = RowsModel((self.tr("Status"), self.tr("Data"), self.tr("Pegawai"), self.tr("Diubah")), self)
        self.refused = RowsModel((self.tr("Waktu"), self.tr("Oleh"), self.tr("Alasan")), self)
        self.quarantine = QLabel(self)
        self.quarantine_model = RowsModel((self.tr("Waktu"), self.tr("Berkas"), self.tr("Alasan")), self)
        tabs = QTabWidget(self)
        for model, title in (
            (self.records, self.tr("Data")),
            (self.refused, self.tr("Ditolak")),
            (self.quarantine_model, self.tr("Karantina")),
        ):
            view = QTableView(self)
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            view.verticalHeader().hide()
            tabs.addTab(view, title)
        self.tabs = tabs
        refresh = QPushButton(self.tr("&Muat ulang"), self)
        refresh.clicked.connect(self.reload)
        conflicts = QPushButton(self.tr("Buka &Konflik"), self)
        conflicts.clicked.connect(self.open_conflicts_requested)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(conflicts)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(tabs, 1)
        self.task: Any = None
        self.reload()

    @Slot()
    def reload(self) -> Any:
        self.header.setText(self.tr("Memuat status sinkronisasi…"))
        self.task = run_task(_load, self.db, title=self.tr("Memuat status sinkronisasi"), owner=self)
        self.task.succeeded.connect(self._loaded)
        self.task.failed.connect(self.header.setText)
        return self.task

    @Slot(object)
    def _loaded(self, data: dict[str, Any]) -> None:
        s = data["summary"]
        where = s.remote or self.tr("belum diatur")
        last = _when(s.last_pull_at) or self.tr("belum pernah")
        self.header.setText(
            self.tr(
                "Penyimpanan: {0} · terakhir sinkron: {1} · {2} perubahan menunggu dikirim · {3} konflik · {4} "
                "ditolak. Data yang tidak tercantum sudah tersinkron."
            ).format(where, last, s.unsent, s.conflicts, s.refused)
            + " "
            + (self.tr("Komputer ini menyimpan data seluruh instansi.") if data["scope"].full else
               self.tr("Komputer ini menyimpan lingkup {0}: {1} pegawai.").format(
                   ", ".join(data["people"]), len(data["scope"].employees)))
        )
        recs = data["records"]
        self.records.set_rows(
            [
                (
                    QCoreApplication.translate("status_page", STATE_LABELS.get(r.state, r.state)),
                    r.label,
                    r.employee or "-",
                    _when(r.changed_at),
                )
                for r in recs
            ],
            [r.state for r in recs],
        )
        self.refused.set_rows([(_when(r.at), r.user or "-", r.reason) for r in data["refused"]])
        self.quarantine_model.set_rows([(_when(q.at), q.path, q.reason) for q in data["quarantine"]])
