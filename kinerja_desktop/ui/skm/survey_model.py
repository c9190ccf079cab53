"""The list of Survei Kepuasan Masyarakat: one row per survey with its result so far."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kinerja_desktop.services.skm_service import SurveyRow
from kinerja_desktop.ui.form_support.roles import ObjectRole, SortRole

COL_UNIT, COL_NAME, COL_YEAR, COL_PERIOD, COL_STATUS, COL_RESPONDENTS, COL_SAMPLE, COL_IKM, COL_MUTU = range(9)

_Index = QModelIndex | QPersistentModelIndex


def _comma(value: Any) -> str:
    return f"{float(value):.2f}".replace(".", ",")


class SurveyTableModel(QAbstractTableModel):
    """Surveys (``SurveyRow``): unit, year, period, status, respondents against the required sample, IKM, mutu."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SurveyRow] = []
        self._headers = [self.tr("Kode unit"), self.tr("Unit pelayanan"), self.tr("Tahun"), self.tr("Periode"),
                         self.tr("Status"), self.tr("Responden"), self.tr("Sampel minimal"), self.tr("IKM"),
                         self.tr("Mutu")]

    def set_rows(self, rows: list[SurveyRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, survey_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.survey.id == survey_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        sv, col = row.survey, index.column()
        if role == ObjectRole:
            return row
        if role == SortRole:
            values: list[Any] = [sv.unit_code, sv.unit_name, sv.year, (sv.year, sv.period.last_month), sv.status,
                                 row.respondents, sv.required_sample or 0, float(row.ikm or 0),
                                 row.mutu.value if row.mutu else "Z"]
            return values[col]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_UNIT:
                return sv.unit_code
            if col == COL_NAME:
                return sv.unit_name
            if col == COL_YEAR:
                return str(sv.year)
            if col == COL_PERIOD:
                return sv.period.label
            if col == COL_STATUS:
                return self.tr("Berjalan") if sv.status == "OPEN" else self.tr("Ditutup")
            if col == COL_RESPONDENTS:
                return str(row.respondents)
            if col == COL_SAMPLE:
                return str(sv.required_sample) if sv.required_sample else "—"
            if col == COL_IKM:
                return _comma(row.ikm) if row.ikm is not None else "—"
            if col == COL_MUTU:
                return f"{row.mutu.value} ({row.mutu.label})" if row.mutu else "—"
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_RESPONDENTS and sv.required_sample \
                and row.respondents < sv.required_sample:
            from PySide6.QtGui import QColor

            return QColor("#b06000")  # fewer respondents than the sample table asks
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_RESPONDENTS and sv.required_sample:
            return self.tr("{0} dari {1} responden yang diminta tabel sampel").format(row.respondents,
                                                                                      sv.required_sample)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_YEAR, COL_RESPONDENTS, COL_SAMPLE, COL_IKM):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
