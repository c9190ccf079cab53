"""Ratings, kuadran, predikat with its explanation, Capaian Kinerja Organisasi, Catatan/Rekomendasi,
and the closing buttons (Finalkan / Buka kembali / Tandai sudah dibaca)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.penilaian import Predikat, PredikatOrganisasi, Rating, predikat_for
from kinerja_desktop.services.evaluation_service import EvaluationView
from kinerja_desktop.ui.evaluation.kuadran_widget import PREDIKAT_COLOURS, KuadranWidget
from kinerja_desktop.ui.form_support.autosave import AutosaveTextEdit
from kinerja_desktop.ui.form_support.formatting import long_date
from kinerja_desktop.ui.form_support.labels import tr_label


def _rating_combo(parent: QWidget, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.addItem(QCoreApplication.translate("rating_panel", "— pilih —"), None)
    for rating in Rating:
        combo.addItem(tr_label(rating.label), rating.value)
    return combo


class RatingPanel(QFrame):
    """Signals: rating_chosen(str which, object value), capaian_chosen(object), catatan_committed(str),
    finalise_clicked, reopen_clicked, mark_read_clicked."""

    rating_chosen = Signal(str, object)
    capaian_chosen = Signal(object)
    catatan_committed = Signal(str)
    finalise_clicked = Signal()
    reopen_clicked = Signal()
    mark_read_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 4, 4)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.hasil = _rating_combo(self, "ratingHasil")
        self.perilaku = _rating_combo(self, "ratingPerilaku")
        self.hasil.activated.connect(lambda i: self.rating_chosen.emit("hasil", self.hasil.itemData(i)))
        self.perilaku.activated.connect(lambda i: self.rating_chosen.emit("perilaku", self.perilaku.itemData(i)))
        form.addRow(self.tr("Rating Hasil Kerja"), self.hasil)
        form.addRow(self.tr("Rating Perilaku Kerja"), self.perilaku)
        layout.addLayout(form)
        self.kuadran = KuadranWidget(self)
        layout.addWidget(self.kuadran)
        caption = QLabel(self.tr("Predikat Kinerja Pegawai"), self)
        caption.setStyleSheet("color: #5f6368;")
        self.predikat = QLabel("—", self)
        self.predikat.setObjectName("predikatLabel")
        self.predikat.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = QLabel("", self)
        self.explanation.setObjectName("predikatExplanation")
        self.explanation.setWordWrap(True)
        layout.addWidget(caption)
        layout.addWidget(self.predikat)
        layout.addWidget(self.explanation)
        details = QFormLayout()
        self.capaian = QComboBox(self)
        self.capaian.setObjectName("capaianOrganisasi")
        self.capaian.addItem(self.tr("(belum ditetapkan)"), None)
        for org in PredikatOrganisasi:
            self.capaian.addItem(tr_label(org.label), org.value)
        self.capaian.activated.connect(lambda i: self.capaian_chosen.emit(self.capaian.itemData(i)))
        details.addRow(self.tr("Capaian Kinerja Organisasi"), self.capaian)
        # The unit's Indeks Kepuasan Masyarakat beside it: evidence for capaian kinerja organisasi.
        self.ikm = QLabel("", self)
        self.ikm.setObjectName("ikmUnit")
        self.ikm.setWordWrap(True)
        self.ikm.setStyleSheet("QLabel { color: #3c4043; background: #f1f3f4; border-radius: 4px; padding: 4px; }")
        self.ikm.hide()
        details.addRow(self.ikm)
        layout.addLayout(details)
        layout.addWidget(QLabel(self.tr("Catatan/Rekomendasi"), self))
        self.catatan = AutosaveTextEdit(self, lines=3, placeholder=self.tr("Misalnya: disarankan mengikuti pelatihan "
                                                                           "public speaking untuk memperkuat "
                                                                           "komunikasi."))
        self.catatan.setObjectName("catatanRekomendasi")
        self.catatan.committed.connect(self.catatan_committed)
        layout.addWidget(self.catatan)
        self.read_label = QLabel("", self)
        self.read_label.setObjectName("readLabel")
        self.read_label.setWordWrap(True)
        self.read_label.setStyleSheet("color: #137333;")
        layout.addWidget(self.read_label)
        # The closing buttons live in a bar of their own that the page keeps in view under the
        # (scrolling) panel: Finalkan must never be below the fold on a 768-pixel screen.
        self.actions_bar = QWidget(self)
        self.actions_bar.setObjectName("evaluationActions")
        buttons = QHBoxLayout(self.actions_bar)
        buttons.setContentsMargins(8, 4, 4, 0)
        self.finalise = QPushButton(self.tr("Finalkan"), self)
        self.finalise.setStyleSheet("QPushButton { font-weight: bold; }")
        self.finalise.setToolTip(self.tr("Tetapkan evaluasi periode ini; setelah itu tidak dapat diubah lagi"))
        self.reopen = QPushButton(self.tr("Buka kembali"), self)
        self.mark_read = QPushButton(self.tr("Tandai sudah dibaca"), self)
        self.mark_read.setStyleSheet("QPushButton { font-weight: bold; }")
        self.finalise.clicked.connect(self.finalise_clicked)
        self.reopen.clicked.connect(self.reopen_clicked)
        self.mark_read.clicked.connect(self.mark_read_clicked)
        buttons.addStretch(1)
        for b in (self.reopen, self.finalise, self.mark_read):
            buttons.addWidget(b)
        layout.addStretch(1)

    def set_ikm(self, text: str | None) -> None:
        """Show the unit's IKM sentence (None hides it: the unit has no survey)."""
        self.ikm.setText(self.tr("Survei Kepuasan Masyarakat: {0}").format(text) if text else "")
        self.ikm.setVisible(bool(text))

    def set_evaluation(self, ev: EvaluationView, *, editable: bool, can_reopen: bool, can_mark_read: bool) -> None:
        for combo, value in ((self.hasil, ev.rating_hasil), (self.perilaku, ev.rating_perilaku),
                             (self.capaian, ev.capaian_organisasi)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.setEnabled(editable)
        self.kuadran.set_ratings(ev.rating_hasil, ev.rating_perilaku)
        self.kuadran.interactive = editable
        self.kuadran.setCursor(Qt.CursorShape.PointingHandCursor if editable else Qt.CursorShape.ArrowCursor)
        self._show_predikat(ev)
        self.catatan.set_editable(editable)
        self.catatan.set_stored_text(ev.catatan)
        if not editable:
            self.catatan.setPlaceholderText(self.tr("(tidak ada catatan)"))
        self.finalise.setVisible(editable)
        self.reopen.setVisible(can_reopen)
        self.mark_read.setVisible(can_mark_read)
        if ev.read_at is not None:
            self.read_label.setText(self.tr("Sudah dibaca pegawai pada {0}.").format(long_date(ev.read_at)))
        else:
            self.read_label.setText("")

    def explain(self, hasil: Rating | str, perilaku: Rating | str) -> str:
        """domain.penilaian.explain_predikat in the interface language (the same Indonesian sentence)."""
        h, p = Rating(hasil), Rating(perilaku)
        text = self.tr("Rating hasil kerja {0} dan rating perilaku kerja {1} menghasilkan predikat {2}").format(
            tr_label(h.label), tr_label(p.label), tr_label(predikat_for(h, p).label))
        if p is Rating.DI_BAWAH and h is not Rating.DI_BAWAH:
            text += self.tr(", karena perilaku kerja di bawah ekspektasi tidak dapat ditutup oleh hasil kerja")
        elif h is Rating.DI_BAWAH and p is not Rating.DI_BAWAH:
            text += self.tr(", karena hasil kerja masih di bawah ekspektasi walaupun perilaku kerja baik")
        return text + "."

    def _show_predikat(self, ev: EvaluationView) -> None:
        if ev.rating_hasil and ev.rating_perilaku:
            predikat = Predikat(ev.predikat) if ev.predikat else predikat_for(ev.rating_hasil, ev.rating_perilaku)
            fill, ink = PREDIKAT_COLOURS[predikat]
            self.predikat.setText(tr_label(predikat.label).upper())
            self.predikat.setStyleSheet(f"QLabel {{ background: {fill}; color: {ink}; border: 1px solid {ink};"
                                        " border-radius: 4px; padding: 4px; font-size: 15pt; font-weight: bold; }")
            self.explanation.setText(self.explain(ev.rating_hasil, ev.rating_perilaku))
        else:
            self.predikat.setText("—")
            self.predikat.setStyleSheet("QLabel { color: #80868b; border: 1px dashed #c4c7c5; border-radius: 4px;"
                                        " padding: 4px; font-size: 15pt; }")
            missing = [name for name, v in ((self.tr("Rating Hasil Kerja"), ev.rating_hasil),
                                             (self.tr("Rating Perilaku Kerja"), ev.rating_perilaku)) if not v]
            joined = self.tr(" dan ").join(missing)
            self.explanation.setText(self.tr("Predikat muncul setelah {0} dipilih.").format(joined))
