"""Table models of the evaluation: per RHK (realisation and Umpan Balik Berkelanjutan) and per
BerAKHLAK value (ekspektasi and umpan balik). The feedback column is editable for the penilai."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kinerja_desktop.domain.berakhlak import BERAKHLAK, CoreValue
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.kepegawaian import Aspek, JenisRhk
from kinerja_desktop.services.plan_service import PlanView, RhkView
from kinerja_desktop.services.realisation_service import RealisationView
from kinerja_desktop.ui.form_support.formatting import with_unit
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.roles import TOP_CENTRE, TOP_LEFT, KindRole, ObjectRole, RawValueRole

_ROOT = QModelIndex()

#: (row key, text, edit session) -> refusal or None
CommitFn = Callable[[str, str, object], KinerjaError | None]

_EDITABLE_BG = QBrush(QColor("#fffdf5"))
_ERROR_BG = QBrush(QColor("#fde7e4"))


class _FeedbackModel(QAbstractTableModel):
    """Shared behaviour: one editable feedback column, refused text kept with its message.

    Signals:
        edit_refused(QModelIndex, str): the message belongs at that cell.
    """

    edit_refused = Signal(QModelIndex, str)
    HEADERS: tuple[str, ...] = ()
    FEEDBACK_COLUMN = -1
    BOLD_FIRST = True

    def __init__(self, commit: CommitFn, parent: Any = None) -> None:
        super().__init__(parent)
        self._commit = commit
        self._editable = False
        self._pending: dict[str, tuple[str, str]] = {}
        self._session: object = None

    def begin_edit_session(self, token: object) -> None:
        self._session = token

    def _key(self, row: int) -> str:
        raise NotImplementedError

    def _feedback(self, row: int) -> str:
        raise NotImplementedError

    def _text(self, row: int, column: int) -> str:
        raise NotImplementedError

    def _object(self, row: int) -> Any:
        raise NotImplementedError

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(type(self).__name__, self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        is_feedback = column == self.FEEDBACK_COLUMN
        pending = self._pending.get(self._key(row)) if is_feedback else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if pending is not None:
                return pending[0]
            text = self._feedback(row) if is_feedback else self._text(row, column)
            if role == Qt.ItemDataRole.DisplayRole and is_feedback and not text and self._editable:
                return self.tr("(tulis umpan balik…)")
            return text
        if role == RawValueRole:
            return self._feedback(row) if is_feedback else self._text(row, column)
        if role == ObjectRole:
            return self._object(row)
        if role == KindRole:
            return "feedback"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return TOP_CENTRE if column == 0 and self.BOLD_FIRST else TOP_LEFT
        if role == Qt.ItemDataRole.ToolTipRole and pending is not None:
            return pending[1]
        if role == Qt.ItemDataRole.BackgroundRole and is_feedback:
            return _ERROR_BG if pending is not None else (_EDITABLE_BG if self._editable else None)
        if role == Qt.ItemDataRole.ForegroundRole and is_feedback and not self._feedback(row) and self._editable:
            return QBrush(QColor("#80868b"))
        if role == Qt.ItemDataRole.FontRole and column == 0 and self.BOLD_FIRST:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self._editable and index.column() == self.FEEDBACK_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.EditRole or not self._editable
                or index.column() != self.FEEDBACK_COLUMN):
            return False
        key = self._key(index.row())
        persistent = QPersistentModelIndex(index)
        error = self._commit(key, str(value), self._session)
        if error is not None:
            self._pending[key] = (str(value), str(error))
            if persistent.isValid():
                where = QModelIndex(persistent)
                self.dataChanged.emit(where, where)
                self.edit_refused.emit(where, str(error))
            return False
        self._pending.pop(key, None)
        return True

    def _changed_all(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


class RhkFeedbackModel(_FeedbackModel):
    """One row per RHK: its indicators with targets, the realisation, and the umpan balik."""

    HEADERS = (
        QT_TRANSLATE_NOOP("RhkFeedbackModel", "No"),
        QT_TRANSLATE_NOOP("RhkFeedbackModel", "Rencana Hasil Kerja"),
        QT_TRANSLATE_NOOP("RhkFeedbackModel", "Indikator Kinerja Individu\ndan Target"),
        QT_TRANSLATE_NOOP("RhkFeedbackModel", "Realisasi"),
        QT_TRANSLATE_NOOP("RhkFeedbackModel", "Umpan Balik\nBerkelanjutan"),
    )
    FEEDBACK_COLUMN = 4

    def __init__(self, commit: CommitFn, parent: Any = None) -> None:
        super().__init__(commit, parent)
        self._rows: list[tuple[str, RhkView]] = []
        self._feedbacks: dict[str, str] = {}
        self._realisations: dict[str, RealisationView] = {}

    def set_data(
        self, plan: PlanView, realisations: dict[str, RealisationView], feedback: dict[str, str], editable: bool
    ) -> None:
        rows = [
            (f"{prefix}{n}", rhk)
            for prefix, kind in (("", JenisRhk.UTAMA.value), ("T", JenisRhk.TAMBAHAN.value))
            for n, rhk in enumerate(plan.rhk_of(kind), start=1)
        ]
        same = [r.id for _, r in rows] == [r.id for _, r in self._rows]
        if not same:
            self.beginResetModel()
        self._rows, self._realisations, self._feedbacks = rows, realisations, dict(feedback)
        self._editable = editable
        if same:
            self._changed_all()
        else:
            self._pending.clear()
            self.endResetModel()

    def rhk(self, row: int) -> RhkView:
        return self._rows[row][1]

    def row_of(self, rhk_id: str) -> int:
        return next((n for n, (_no, r) in enumerate(self._rows) if r.id == rhk_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def _key(self, row: int) -> str:
        return self._rows[row][1].id

    def _feedback(self, row: int) -> str:
        return self._feedbacks.get(self._rows[row][1].id, "")

    def _object(self, row: int) -> Any:
        return self._rows[row][1]

    def _text(self, row: int, column: int) -> str:
        number, rhk = self._rows[row]
        if column == 0:
            return number
        if column == 1:
            return rhk.text
        lines = []
        for ind in rhk.indicators:
            aspek = f"{tr_label(Aspek(ind.aspek).label)}: " if ind.aspek else ""
            if column == 2:
                lines.append(self.tr("• {0}{1} — target {2}").format(aspek, ind.text, ind.target_display))
            else:
                real = self._realisations.get(ind.id)
                value = (with_unit(real.value_text, ind.target_unit) if real and real.value_text
                         else self.tr("belum diisi"))
                files = len(real.attachments) if real else 0
                lines.append(f"• {aspek}{value}" + (self.tr(" ({0} bukti)").format(files) if files else ""))
                if real and real.actions:  # the rencana aksi behind it (issue 17)
                    lines.append(f"  {real.actions}")
        return "\n".join(lines)


class PerilakuFeedbackModel(_FeedbackModel):
    """One row per BerAKHLAK value: panduan, the plan's Ekspektasi Khusus Pimpinan, and the umpan balik."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PerilakuFeedbackModel", "Perilaku Kerja"),
        QT_TRANSLATE_NOOP("PerilakuFeedbackModel", "Ekspektasi Khusus\nPimpinan"),
        QT_TRANSLATE_NOOP("PerilakuFeedbackModel", "Umpan Balik"),
    )
    FEEDBACK_COLUMN = 2
    BOLD_FIRST = False

    def __init__(self, commit: CommitFn, parent: Any = None) -> None:
        super().__init__(commit, parent)
        self._expectations: dict[str, str] = {}
        self._feedbacks: dict[str, str] = {}

    def set_data(self, expectations: dict[str, str], feedback: dict[str, str], editable: bool) -> None:
        self._expectations, self._feedbacks, self._editable = dict(expectations), dict(feedback), editable
        self._changed_all()

    def value(self, row: int) -> CoreValue:
        return BERAKHLAK[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(BERAKHLAK)

    def _key(self, row: int) -> str:
        return BERAKHLAK[row].code

    def _feedback(self, row: int) -> str:
        return self._feedbacks.get(BERAKHLAK[row].code, "")

    def _object(self, row: int) -> Any:
        return BERAKHLAK[row]

    def _text(self, row: int, column: int) -> str:
        value = BERAKHLAK[row]
        if column == 0:
            return f"{row + 1}. {value.name}\n" + "\n".join(f"• {tr_label(p)}" for p in value.panduan)
        return self._expectations.get(value.code, "") or "—"
