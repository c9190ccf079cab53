"""A combo box of the instansi's evaluation periods (Triwulan I … Tahunan)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.periods import periods_in
from kinerja_desktop.services.plan_service import PlanView
from kinerja_desktop.services.settings_service import get_setting
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.form_support.formatting import period_label


class PeriodCombo(QComboBox):
    """Signals: period_chosen(str) — the code of the chosen period."""

    period_chosen = Signal(str)

    def __init__(self, db: Database, year: int, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._year = year
        self.setObjectName("periodCombo")
        codes = get_setting(db, "periods")
        periods = list(periods_in(codes))
        wanted = period_of(current)
        if wanted not in periods:
            periods.append(wanted)
        for p in periods:
            self.addItem(period_label(p, year), p.code)
        self.setCurrentIndex(max(0, self.findData(wanted.code)))
        self.activated.connect(lambda i: self.period_chosen.emit(self.itemData(i)))

    def show_days_of(self, plan: PlanView) -> None:
        """Label each period with the days of it that ``plan`` covers (a mid-year SKP covers part of one)."""
        for i in range(self.count()):
            p = period_of(str(self.itemData(i)))
            self.setItemText(i, period_label(p, self._year, plan.period_span(p) if plan.span else None))

    def code(self) -> str:
        return str(self.currentData())

    def choose(self, code: str) -> None:
        index = self.findData(period_of(code).code)
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)
            self.period_chosen.emit(self.code())
