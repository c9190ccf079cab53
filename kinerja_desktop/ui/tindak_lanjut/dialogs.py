"""Small forms of the follow-up pages: a development item, its completion, an assessed level, a mark, an award."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.tindak_lanjut import AWARD_KINDS, DEVELOPMENT_FORMS, FEEDBACK_MARKS
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.workers import error_message


def _qdate(value: date | None) -> QDate:
    day = value or date.today()
    return QDate(day.year, day.month, day.day)


def _pydate(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c5221f;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        #: Stores the values (a service call); an exception keeps the form open with its message.
        self.saver: Callable[[dict[str, Any]], None] | None = None

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def save(self) -> None:
        """Save through :attr:`saver`; close only when it succeeded."""
        self.error.hide()
        if self.saver is not None:
            try:
                self.saver(self.values())
            except Exception as exc:  # a service's refusal (or an unexpected error, said plainly)
                self.show_error(error_message(exc))
                return
        self.accept()

    def show_error(self, text: str) -> None:
        """A service refused the values: say why and keep the form open."""
        self.error.setText(text)
        self.error.show()


class ItemDialog(_Form):
    """A development item (also a proposal being accepted, prefilled and editable)."""

    def __init__(self, competencies: list[tuple[str, str]], values: dict[str, Any] | None = None,
                 parent: QWidget | None = None, *, title: str = "") -> None:
        super().__init__(title or self.tr("Rencana Pengembangan Kompetensi"), parent)
        v = values or {}
        self.form_combo = QComboBox(self)
        for code, label in DEVELOPMENT_FORMS.items():
            self.form_combo.addItem(label, code)
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(v.get("form", "PELATIHAN"))))
        self.topic = QLineEdit(str(v.get("topic", "")), self)
        self.topic.setPlaceholderText(self.tr("mis. Pelatihan public speaking"))
        self.competency = QComboBox(self)
        self.competency.addItem(self.tr("(tidak terkait satu kompetensi)"), None)
        for code, name in competencies:
            self.competency.addItem(f"{code} — {name}", code)
        self.competency.setCurrentIndex(max(0, self.competency.findData(v.get("competency_code"))))
        self.jp = QDoubleSpinBox(self)
        self.jp.setRange(0, 1000)
        self.jp.setDecimals(1)
        self.jp.setValue(float(v.get("jp") or 0))
        self.start = QDateEdit(_qdate(v.get("start_on")), self)
        self.end = QDateEdit(_qdate(v.get("end_on") or v.get("start_on")), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.organiser = QLineEdit(str(v.get("organiser", "")), self)
        self.reason = QPlainTextEdit(str(v.get("reason", "")), self)
        self.reason.setFixedHeight(60)
        self.form.addRow(self.tr("Bentuk"), self.form_combo)
        self.form.addRow(self.tr("Topik"), self.topic)
        self.form.addRow(self.tr("Kompetensi yang ditutup"), self.competency)
        self.form.addRow(self.tr("Jam pelajaran (JP)"), self.jp)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("s.d."), self))
        dates.addWidget(self.end)
        self.form.addRow(self.tr("Jadwal"), dates)
        self.form.addRow(self.tr("Penyelenggara"), self.organiser)
        self.form.addRow(self.tr("Alasan / catatan"), self.reason)
        #: Organised training recorded by the admin may already be done (on its last day). Not named
        #: ``done``: that is QDialog.done(), which accept() calls.
        self.done_box = QCheckBox(self.tr("Sudah selesai (pada tanggal akhir jadwal)"), self)
        self.done_box.hide()
        self.form.addRow("", self.done_box)

    def values(self) -> dict[str, Any]:
        finished = self.done_box.isVisibleTo(self) and self.done_box.isChecked()
        done = {"completed_on": _pydate(self.end)} if finished else {}
        return {**done, "form": self.form_combo.currentData(), "topic": self.topic.text(),
                "competency_code": self.competency.currentData(), "jp": self.jp.value(),
                "start_on": _pydate(self.start), "end_on": _pydate(self.end), "organiser": self.organiser.text(),
                "reason": self.reason.toPlainText()}


class DoneDialog(_Form):
    """The pegawai reports an item done, with the certificate."""

    def __init__(self, topic: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Laporkan Selesai"), parent)
        self.form.addRow(QLabel(f"<b>{topic}</b>", self))
        self.day = QDateEdit(_qdate(None), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.certificate = QLineEdit(self)
        self.certificate.setPlaceholderText(self.tr("berkas sertifikat (PDF atau gambar)"))
        choose = QPushButton(self.tr("Pilih…"), self)
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.certificate, 1)
        row.addWidget(choose)
        self.note = QLineEdit(self)
        self.form.addRow(self.tr("Tanggal selesai"), self.day)
        self.form.addRow(self.tr("Sertifikat"), row)
        self.form.addRow(self.tr("Catatan"), self.note)

    def _choose(self) -> None:
        path = file_dialogs.open_file_name(self, self.tr("Pilih sertifikat"),
                                           self.tr("Sertifikat (*.pdf *.png *.jpg *.jpeg)"))
        if path:
            self.certificate.setText(path)

    def values(self) -> dict[str, Any]:
        return {"completed_on": _pydate(self.day), "certificate": self.certificate.text().strip() or None,
                "note": self.note.text()}


class AssessDialog(_Form):
    """The penilai's judgement of one competency level, with the catalogue's level description."""

    def __init__(self, gaps: list[Any], descriptions: dict[str, tuple[str, ...]],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nilai Tingkat Kompetensi"), parent)
        self._descriptions = descriptions
        self.code = QComboBox(self)
        for g in gaps:
            self.code.addItem(f"{g.code} — {g.name} (standar {g.required})", g.code)
        self.level = QSpinBox(self)
        self.level.setRange(1, 5)
        self.describe = QLabel(self)
        self.describe.setWordWrap(True)
        self.describe.setStyleSheet("color: #5f6368;")
        self.note = QLineEdit(self)
        self.form.addRow(self.tr("Kompetensi"), self.code)
        self.form.addRow(self.tr("Level"), self.level)
        self.form.addRow("", self.describe)
        self.form.addRow(self.tr("Catatan"), self.note)
        self.code.currentIndexChanged.connect(self._describe)
        self.level.valueChanged.connect(self._describe)
        self._describe()

    def _describe(self) -> None:
        levels = self._descriptions.get(self.code.currentData() or "", ())
        n = self.level.value()
        self.describe.setText(levels[n - 1] if 0 < n <= len(levels) else "")

    def values(self) -> dict[str, Any]:
        return {"code": self.code.currentData(), "level": self.level.value(), "note": self.note.text()}


class MarkDialog(_Form):
    """The penilai marks an RHK's feedback as an innovation or an outstanding result."""

    def __init__(self, rhks: list[tuple[str, str]], period_label: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tandai Hasil Kerja"), parent)
        info = QLabel(self.tr("Evaluasi {0}. Hasil kerja yang ditandai menjadi dasar calon penghargaan setelah "
                              "evaluasinya difinalkan.").format(period_label), self)
        info.setWordWrap(True)
        self.form.addRow(info)
        self.rhk = QComboBox(self)
        for rid, text in rhks:
            self.rhk.addItem(text[:90], rid)
        self.mark = QComboBox(self)
        for code, label in FEEDBACK_MARKS.items():
            self.mark.addItem(label, code)
        self.mark.addItem(self.tr("(hapus tanda)"), None)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(self.tr("satu baris: apa yang luar biasa atau baru"))
        self.form.addRow(self.tr("Hasil kerja"), self.rhk)
        self.form.addRow(self.tr("Tanda"), self.mark)
        self.form.addRow(self.tr("Alasan"), self.reason)

    def values(self) -> dict[str, Any]:
        return {"rhk_id": self.rhk.currentData(), "mark": self.mark.currentData(), "reason": self.reason.text()}


class AwardDialog(_Form):
    """The admin records what was given."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Catat Penghargaan"), parent)
        self.form.addRow(QLabel(f"<b>{name}</b>", self))
        self.kind = QComboBox(self)
        for code, label in AWARD_KINDS.items():
            self.kind.addItem(label, code)
        self.day = QDateEdit(_qdate(None), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.decree = QLineEdit(self)
        self.decree.setPlaceholderText(self.tr("mis. 800.1.5/123/BKPSDM/2026"))
        self.reason = QLineEdit(self)
        self.form.addRow(self.tr("Jenis"), self.kind)
        self.form.addRow(self.tr("Tanggal"), self.day)
        self.form.addRow(self.tr("Nomor keputusan"), self.decree)
        self.form.addRow(self.tr("Keterangan"), self.reason)
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, Any]:
        return {"kind": self.kind.currentData(), "given_on": _pydate(self.day), "decree_no": self.decree.text(),
                "reason": self.reason.text()}
