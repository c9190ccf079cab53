"""Perilaku Kerja of an SKP: the 7 BerAKHLAK values with their panduan and the Ekspektasi
Khusus Pimpinan written by the pejabat penilai."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kinerja_desktop.domain.berakhlak import BERAKHLAK, CoreValue
from kinerja_desktop.ui.form_support.autosave import AutosaveTextEdit
from kinerja_desktop.ui.form_support.labels import tr_label


def panduan_html(value: CoreValue, number: int) -> str:
    items = "".join(f"<li>{tr_label(p)}</li>" for p in value.panduan)
    return (f"<b>{number}. {value.name}</b><ul style='margin-left:-18px; margin-top:2px; margin-bottom:0'>"
            f"{items}</ul>")


class PerilakuPanel(QScrollArea):
    """Seven blocks: panduan perilaku on the left, Ekspektasi Khusus Pimpinan on the right.

    Signals:
        expectation_committed(str, str, object): value code, text, edit session.
    """

    expectation_committed = Signal(str, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 12, 4)
        layout.setSpacing(6)
        head = QGridLayout()
        left = QLabel(self.tr("<b>Perilaku Kerja (BerAKHLAK) dan panduan perilakunya</b>"), body)
        right = QLabel(self.tr("<b>Ekspektasi Khusus Pimpinan</b> (diisi pejabat penilai kinerja; boleh kosong)"), body)
        head.addWidget(left, 0, 0)
        head.addWidget(right, 0, 1)
        head.setColumnStretch(0, 5)
        head.setColumnStretch(1, 6)
        layout.addLayout(head)
        self.edits: dict[str, AutosaveTextEdit] = {}
        self._sessions: dict[str, int] = {}
        for number, value in enumerate(BERAKHLAK, start=1):
            frame = QFrame(body)
            frame.setObjectName("perilakuBlock")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            grid = QGridLayout(frame)
            grid.setContentsMargins(8, 4, 8, 6)
            label = QLabel(panduan_html(value, number), frame)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            edit = AutosaveTextEdit(frame, lines=3)
            edit.setObjectName(f"ekspektasi_{value.code}")
            edit.setAccessibleName(f"Ekspektasi Khusus Pimpinan: {value.name}")
            edit.committed.connect(lambda text, code=value.code: self._commit(code, text))
            edit.textChanged.connect(lambda code=value.code: self._sessions.setdefault(code, 0))
            grid.addWidget(label, 0, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(edit, 0, 1)
            grid.setColumnStretch(0, 5)
            grid.setColumnStretch(1, 6)
            layout.addWidget(frame)
            self.edits[value.code] = edit
        layout.addStretch(1)
        self.setWidget(body)

    def _commit(self, code: str, text: str) -> None:
        edit = self.edits[code]
        # One undo step per visit of the field: the session changes when focus leaves it.
        session = (code, id(edit), self._sessions.get(code, 0))
        self.expectation_committed.emit(code, text, session)
        if not edit.hasFocus():
            self._sessions[code] = self._sessions.get(code, 0) + 1

    def set_expectations(self, values: dict[str, str], editable: bool) -> None:
        for code, edit in self.edits.items():
            edit.set_editable(editable)
            edit.setPlaceholderText(self.tr("Tulis ekspektasi khusus untuk perilaku ini…") if editable
                                    else self.tr("(tidak ada ekspektasi khusus)"))
            edit.set_stored_text(values.get(code, ""))
