"""The identity block of the printed sheets: Pegawai yang Dinilai beside Pejabat Penilai Kinerja."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from kinerja_desktop.ui.form_support.formatting import day_range

ROWS = (
    ("nama", QT_TRANSLATE_NOOP("identity_header", "Nama")),
    ("nip", "NIP"),
    ("pangkat", QT_TRANSLATE_NOOP("identity_header", "Pangkat/Gol. Ruang")),
    ("jabatan", QT_TRANSLATE_NOOP("identity_header", "Jabatan")),
    ("unit", QT_TRANSLATE_NOOP("identity_header", "Unit Kerja")),
)


class IdentityHeader(QFrame):
    """Two columns from the plan's snapshot (taken when the plan was made, as it will be printed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityHeader")
        self.setStyleSheet(
            "QFrame#identityHeader { background: #fafbfc; border: 1px solid #dadce0; border-radius: 4px; }"
            "QLabel[role='caption'] { color: #5f6368; }"
            "QLabel[role='title'] { font-weight: bold; color: #1d3c66; }"
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(1)
        self._values: dict[tuple[str, str], QLabel] = {}
        for col, (side, title) in enumerate(
            (("pegawai", self.tr("PEGAWAI YANG DINILAI")), ("penilai", self.tr("PEJABAT PENILAI KINERJA")))
        ):
            head = QLabel(title, self)
            head.setProperty("role", "title")
            grid.addWidget(head, 0, col * 2, 1, 2)
            for row, (key, caption) in enumerate(ROWS, start=1):
                cap = QLabel(QCoreApplication.translate("identity_header", caption), self)
                cap.setProperty("role", "caption")
                value = QLabel("", self)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cap, row, col * 2)
                grid.addWidget(value, row, col * 2 + 1)
                self._values[(side, key)] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        # "PERIODE PENILAIAN" as on the sheet: the whole year, or the days of a mid-year SKP
        self._period = QLabel("", self)
        self._period.setObjectName("identityPeriod")
        self._period.setProperty("role", "caption")
        grid.addWidget(self._period, len(ROWS) + 1, 0, 1, 4, Qt.AlignmentFlag.AlignRight)

    def set_period(self, start: date, end: date) -> None:
        self._period.setText(self.tr("Periode penilaian: {0}").format(day_range(start, end)))

    def period_text(self) -> str:
        return self._period.text()

    def set_snapshot(self, snapshot: dict[str, Any]) -> None:
        for (side, key), label in self._values.items():
            text = (snapshot.get(side) or {}).get(key, "") or ""
            if side == "penilai" and key == "nip" and not text:
                text = "—"  # a pejabat negara may have no NIP
            label.setText(text)

    def text_of(self, side: str, key: str) -> str:
        return self._values[(side, key)].text()
