"""Table models over the daily-work services: progres harian entries, a team's week, a month's recap."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.domain.working_days import DAY_NAMES
from kinerja_desktop.services.daily_log_service import EntryView, PersonMonth

__all__ = ["OBJECT_ROLE", "SORT_ROLE", "EntryTableModel", "RecapTableModel", "WeekTableModel"]

OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_LATE = QColor("#b35c00")
_GAP = QColor("#fde2e1")
_OFF = QColor("#eeeeee")
_DONE = QColor("#e3f4e1")


class EntryTableModel(QAbstractTableModel):
    """One row per progres harian entry."""

    DAY, TEXT, LINK, HOURS, STATUS, FEEDBACK, EVIDENCE = range(7)

    def __init__(self, parent: QObject | None = None, *, show_day: bool = False,
                 commit: Callable[[EntryView, int, str], str | None] | None = None) -> None:
        """``commit(entry, column, text)`` saves an edit of the text or hours and returns an error message or
        None; without it the table is read-only."""
        super().__init__(parent)
        self._commit = commit
        self.last_error = ""
        self._rows: list[EntryView] = []
        self._show_day = show_day
        self._titles = [self.tr("Tanggal"), self.tr("Uraian kegiatan"), self.tr("Rencana aksi / RHK"),
                        self.tr("Jam"), self.tr("Status"), self.tr("Umpan balik penilai"), self.tr("Bukti")]

    def set_rows(self, rows: list[EntryView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def entry(self, row: int) -> EntryView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self._commit is not None and index.column() in (self.TEXT, self.HOURS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self._commit is None:
            return False
        entry = self._rows[index.row()]
        error = self._commit(entry, index.column(), str(value if value is not None else ""))
        self.last_error = error or ""
        if error:
            return False
        if index.column() == self.TEXT:
            entry.text = " ".join(str(value).split())
        else:
            text = str(value).strip().replace(",", ".")
            entry.hours = float(text) if text else None
        self.dataChanged.emit(index, index)
        return True

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        col = index.column()
        if role == OBJECT_ROLE:
            return e
        if role == Qt.ItemDataRole.EditRole and col in (self.TEXT, self.HOURS):
            return e.text if col == self.TEXT else (f"{e.hours:g}".replace(".", ",") if e.hours else "")
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if col == self.DAY:
                return e.day.isoformat() if role == SORT_ROLE else f"{DAY_NAMES[e.day.weekday()][:3]} {e.day:%d-%m}"
            return {self.TEXT: e.text, self.LINK: e.link_text,
                    self.HOURS: (e.hours if role == SORT_ROLE else (f"{e.hours:g}" if e.hours else "")),
                    self.STATUS: self.tr("Terlambat") if e.late else self.tr("Tepat waktu"),
                    self.FEEDBACK: e.umpan_balik, self.EVIDENCE: e.filename or ""}.get(col)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS and e.late:
            return QBrush(_LATE)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.TEXT, self.LINK, self.FEEDBACK):
            return {self.TEXT: e.text, self.LINK: e.link_text, self.FEEDBACK: e.umpan_balik}[col] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.HOURS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class WeekTableModel(QAbstractTableModel):
    """A team's week: one row per member, a column per day (entries, gap or day off), then totals."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members: list[PersonMonth] = []

    def set_members(self, members: list[PersonMonth]) -> None:
        self.beginResetModel()
        self._members = list(members)
        self.endResetModel()

    def member(self, row: int) -> PersonMonth | None:
        return self._members[row] if 0 <= row < len(self._members) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Pegawai")
        if section == 8:
            return self.tr("Belum diisi")
        first = self._members[0].days[section - 1].day if self._members else None
        return f"{DAY_NAMES[section - 1][:3]} {first.day}" if first else DAY_NAMES[section - 1][:3]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self._members[index.row()]
        col = index.column()
        if role == OBJECT_ROLE:
            return m
        if col == 0:
            return m.nama if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        if col == 8:
            return m.missing if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        d = m.days[col - 1]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if d.entries:
                return f"{d.entries}" + (" ⏱" if d.late else "") if role == Qt.ItemDataRole.DisplayRole else d.entries
            return self.tr("belum") if d.missing else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if d.missing:
                return QBrush(_GAP)
            if not d.working:
                return QBrush(_OFF)
            if d.entries:
                return QBrush(_DONE)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not d.working:
                return d.reason
            return self.tr("{0} progres, terlambat").format(d.entries) if d.late else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class RecapTableModel(QAbstractTableModel):
    """A month per person: working days, logged on time, late, not logged."""

    UNIT, NAME, NIP, WORKING, ON_TIME, LATE, MISSING = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonMonth] = []
        self._titles = [self.tr("Unit"), self.tr("Nama"), self.tr("NIP"), self.tr("Hari kerja"),
                        self.tr("Tepat waktu"), self.tr("Terlambat"), self.tr("Tidak diisi")]

    def set_rows(self, rows: list[PersonMonth]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        if role == OBJECT_ROLE:
            return m
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return (m.unit, m.nama, m.nip, m.working_days, m.on_time, m.late, m.missing)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self.WORKING:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == self.MISSING and m.missing:
            return QBrush(_GAP)
        return None
