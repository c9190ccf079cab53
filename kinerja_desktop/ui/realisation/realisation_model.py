"""Realisasi per indicator for one period: target beside the realisation, date, note and evidence count."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
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
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.kepegawaian import Aspek, JenisRhk
from kinerja_desktop.services.plan_service import IndicatorView, PlanView, RhkView
from kinerja_desktop.services.realisation_service import RealisationView
from kinerja_desktop.ui.form_support.formatting import short_date, with_unit
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.roles import TOP_CENTRE, TOP_LEFT, KindRole, ObjectRole, RawValueRole, SortRole

_ROOT = QModelIndex()

COL_NO, COL_RHK, COL_IKI, COL_TARGET, COL_VALUE, COL_DATE, COL_NOTE, COL_EVIDENCE = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("realisation_model", "No"),
    QT_TRANSLATE_NOOP("realisation_model", "Rencana Hasil Kerja"),
    QT_TRANSLATE_NOOP("realisation_model", "Indikator Kinerja Individu"),
    QT_TRANSLATE_NOOP("realisation_model", "Target"),
    QT_TRANSLATE_NOOP("realisation_model", "Realisasi"),
    QT_TRANSLATE_NOOP("realisation_model", "Tanggal"),
    QT_TRANSLATE_NOOP("realisation_model", "Catatan"),
    QT_TRANSLATE_NOOP("realisation_model", "Bukti\nDukung"),
)
EDITABLE = {COL_VALUE: "value", COL_DATE: "reported_on", COL_NOTE: "note"}

#: (indicator id, field, value, edit session) -> refusal or None
CommitFn = Callable[[str, str, Any, object], KinerjaError | None]


@dataclass
class RealisationRow:
    """One indicator line: its RHK (shown on the first line of the RHK), the indicator, its realisation."""

    number: str
    rhk: RhkView
    indicator: IndicatorView
    first_of_rhk: bool
    span: int
    realisation: RealisationView


def rows_of(plan: PlanView, realisations: dict[str, RealisationView], period: str) -> list[RealisationRow]:
    rows: list[RealisationRow] = []
    for prefix, kind in (("", JenisRhk.UTAMA.value), ("T", JenisRhk.TAMBAHAN.value)):
        for n, rhk in enumerate(plan.rhk_of(kind), start=1):
            for i, ind in enumerate(rhk.indicators):
                real = realisations.get(ind.id) or RealisationView(ind.id, period)
                rows.append(
                    RealisationRow(f"{prefix}{n}" if i == 0 else "", rhk, ind, i == 0, len(rhk.indicators), real)
                )
    return rows


class RealisationTableModel(QAbstractTableModel):
    """Signals: edit_refused(QModelIndex, str) — the message belongs at that cell."""

    edit_refused = Signal(QModelIndex, str)

    def __init__(self, commit: CommitFn, parent: Any = None) -> None:
        super().__init__(parent)
        self._commit = commit
        self._rows: list[RealisationRow] = []
        self._editable = False
        self._pending: dict[tuple[str, str], tuple[Any, str]] = {}
        self._session: object = None

    def set_data(self, plan: PlanView, realisations: dict[str, RealisationView], period: str, editable: bool) -> None:
        rows = rows_of(plan, realisations, period)
        self._editable = editable
        if (
            [r.indicator.id for r in rows] == [r.indicator.id for r in self._rows]
            and rows
            and rows[0].realisation.period == self._rows[0].realisation.period
        ):
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(HEADERS) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self._pending.clear()
        self.endResetModel()

    def begin_edit_session(self, token: object) -> None:
        self._session = token

    def row(self, row: int) -> RealisationRow:
        return self._rows[row]

    def row_of(self, indicator_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.indicator.id == indicator_id), -1)

    def spans(self) -> list[tuple[int, int]]:
        """(first row, row count) of each RHK spanning several indicator lines."""
        return [(n, r.span) for n, r in enumerate(self._rows) if r.first_of_rhk and r.span > 1]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("realisation_model", HEADERS[section])
        return None

    def _cell(self, r: RealisationRow, column: int) -> tuple[str, Any]:
        real = r.realisation
        if column == COL_NO:
            return r.number, r.number
        if column == COL_RHK:
            return (r.rhk.text if r.first_of_rhk else ""), r.rhk.text
        if column == COL_IKI:
            aspek = f"{tr_label(Aspek(r.indicator.aspek).label)}: " if r.indicator.aspek else ""
            return aspek + r.indicator.text, r.indicator.text
        if column == COL_TARGET:
            return r.indicator.target_display, r.indicator.target_value
        if column == COL_VALUE:
            shown = with_unit(real.value_text, r.indicator.target_unit)
            return shown, real.value_number if real.value_number is not None else real.value_text
        if column == COL_DATE:
            return short_date(real.reported_on), real.reported_on
        if column == COL_NOTE:
            return real.note, real.note
        count = len(real.attachments)
        return (self.tr("{0} berkas").format(count) if count else "—"), count

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = index.column()
        field = EDITABLE.get(column)
        pending = self._pending.get((r.indicator.id, field)) if field else None
        text, raw = self._cell(r, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if pending is not None:
                value = pending[0]
                return short_date(value) if isinstance(value, date) else str(value)
            return text
        if role == Qt.ItemDataRole.EditRole:
            if pending is not None and isinstance(pending[0], str):
                return pending[0]
            return r.realisation.value_text if column == COL_VALUE else text  # as typed, without the unit shown
        if role == RawValueRole:
            return pending[0] if pending is not None else raw
        if role == SortRole:
            return raw
        if role == ObjectRole:
            return r
        if role == KindRole:
            return "realisation"
        if role == Qt.ItemDataRole.ToolTipRole:
            if pending is not None:
                return pending[1]
            if column == COL_EVIDENCE and r.realisation.attachments:
                return "\n".join(a.filename for a in r.realisation.attachments)
            if column == COL_VALUE and r.realisation.actions:
                return r.realisation.actions  # the rencana aksi behind it (issue 17)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if pending is not None:
                return QBrush(QColor("#fde7e4"))
            if field and self._editable:
                return QBrush(QColor("#fffdf5"))
        if role == Qt.ItemDataRole.ForegroundRole and pending is not None:
            return QBrush(QColor("#a50e0e"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return TOP_CENTRE if column in (COL_NO, COL_EVIDENCE, COL_DATE) else TOP_LEFT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if index.column() in EDITABLE:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def refuse(self, index: QModelIndex | QPersistentModelIndex, value: Any, message: str) -> None:
        """Keep a typed value the editor itself could not accept (a text that is no date) in the cell,
        marked, with ``message`` at the cell, exactly as a refusal by the service."""
        field = EDITABLE.get(index.column())
        if not index.isValid() or field is None:
            return
        r = self._rows[index.row()]
        self._pending[(r.indicator.id, field)] = (value, message)
        where = QModelIndex(index)
        self.dataChanged.emit(where, where)
        self.edit_refused.emit(where, message)

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self._editable:
            return False
        field = EDITABLE.get(index.column())
        if field is None:
            return False
        r = self._rows[index.row()]
        persistent = QPersistentModelIndex(index)
        error = self._commit(r.indicator.id, field, value, self._session)
        if error is not None:
            self._pending[(r.indicator.id, field)] = (value, str(error))
            if persistent.isValid():
                where = QModelIndex(persistent)
                self.dataChanged.emit(where, where)
                self.edit_refused.emit(where, str(error))
            return False
        self._pending.pop((r.indicator.id, field), None)
        return True
