"""The steps of the guided first SKP: pendekatan, RHK pimpinan (JPT: perspektif), RHK, indicators, lampiran,
review.

Every page that collects something writes it through :class:`FirstSkpDraft` when it is left
(``validatePage``), and shows a service's message in its notice bar instead of moving on.
"""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.kepegawaian import Aspek, LampiranKind, Pendekatan, Perspektif
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.messages import NoticeBar
from kinerja_desktop.ui.wizards.first_skp_draft import (
    IKI_SLOTS,
    LAMPIRAN_SUGGESTIONS,
    PERSPEKTIF_GUIDE,
    PERSPEKTIF_ORDER,
    IndicatorDraft,
    example_indicators,
    example_indicators_jpt,
)

#: Words that start an activity rather than a result ("Menyusun laporan" instead of "Tersusunnya laporan");
#: a word ending in -nya is a result ("Meningkatnya kepuasan ...").
_ACTIVITY = re.compile(r"^(?!\w+nya\b)(me\w+|mengikuti|melaksanakan|melakukan|membuat|membantu)\b", re.IGNORECASE)
#: Fewest characters of an RHK worth saving (a word or two is not a result yet).
MIN_RHK_CHARS = 15


def _label(text: str, parent: QWidget, *, muted: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    if muted:
        label.setObjectName("mutedLabel")
        label.setStyleSheet("color: #5f6368;")
    return label


def _example_box(good: str, bad: str, parent: QWidget) -> QLabel:
    box = QLabel(f"<p style='color:#137333'>✔ {good}</p><p style='color:#c5221f'>✘ {bad}</p>", parent)
    box.setWordWrap(True)
    box.setStyleSheet("QLabel { background: #f8f9fa; border: 1px solid #dadce0; padding: 6px; }")
    return box


class _Page(QWizardPage):
    """A page with a notice bar for the services' messages."""

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.notice = NoticeBar(self)
        self.body = QVBoxLayout(self)
        self._loaded_for: str | None = None

    def guided(self) -> Any:
        return self.wizard()

    def first_visit_for_plan(self) -> bool:
        """True once per plan: a choice page is filled the first time it is shown (Back keeps the ticks)."""
        plan_id = self.guided().draft.plan_id
        if self._loaded_for == plan_id:
            return False
        self._loaded_for = plan_id
        return True

    def run(self, work: Any) -> bool:
        """Call ``work()``; a service's refusal is shown here and keeps the user on this page."""
        try:
            work()
        except KinerjaError as exc:
            self.notice.show_notice(str(exc), "error")
            return False
        self.notice.hide()
        return True


class PendekatanPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Selamat datang"), self.tr("Panduan ini menuntun Anda menyusun SKP pertama, "
                                                             "langkah demi langkah."), parent)
        self.who = _label("", self)
        self.body.addWidget(self.who)
        self.body.addWidget(_label(self.tr(
            "SKP (Sasaran Kinerja Pegawai) memuat <b>Rencana Hasil Kerja (RHK)</b> yang mendukung RHK pimpinan "
            "Anda, <b>indikator</b> untuk mengukurnya, dan <b>lampiran</b>. Setiap langkah langsung disimpan "
            "sebagai draf; Anda boleh berhenti kapan saja dan melanjutkannya di halaman SKP."), self))
        self.body.addSpacing(8)
        self.body.addWidget(_label(self.tr("<b>Pilih pendekatan hasil kerja</b>"), self))
        self.kuantitatif = QRadioButton(self.tr("Kuantitatif — target berupa angka dan satuan, misalnya "
                                                "“12 laporan” atau “95 %”. Pilih ini bila ragu."), self)
        self.kualitatif = QRadioButton(self.tr("Kualitatif — target berupa uraian ukuran keberhasilan, misalnya "
                                               "“laporan diterima pimpinan tanpa revisi”."), self)
        self.kuantitatif.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.kuantitatif)
        group.addButton(self.kualitatif)
        self.body.addWidget(self.kuantitatif)
        self.body.addWidget(self.kualitatif)
        self.body.addStretch(1)
        self.body.addWidget(self.notice)

    def pendekatan(self) -> str:
        return (Pendekatan.KUALITATIF if self.kualitatif.isChecked() else Pendekatan.KUANTITATIF).value

    def initializePage(self) -> None:
        wizard = self.guided()
        self.who.setText(self.tr("<b>{0}</b> · SKP tahun {1}").format(html.escape(wizard.header.name), wizard.year))
        if wizard.header.plan_id:
            self.notice.show_notice(self.tr("Draf SKP Anda tahun ini sudah ada; langkah berikut melengkapinya."),
                                    "info")

    def validatePage(self) -> bool:
        wizard = self.guided()
        return self.run(lambda: wizard.start(self.pendekatan()))


class ParentPage(_Page):
    """Tick the supervisor's approved RHK that this SKP intervenes in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("RHK pimpinan yang diintervensi"),
                         self.tr("Setiap RHK Anda mendukung satu RHK pejabat penilai kinerja. Centang RHK pimpinan "
                                 "yang hasilnya ikut Anda wujudkan."), parent)
        self.penilai = _label("", self)
        self.body.addWidget(self.penilai)
        self.options = QListWidget(self)
        self.options.setObjectName("parentOptions")
        self.options.setWordWrap(True)
        self.options.itemChanged.connect(lambda _item: self.completeChanged.emit())
        # A click anywhere on the line (not only in the small box) or Space ticks it: easier for a first-timer.
        self.options.itemClicked.connect(self._toggle)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.options, lambda: self._toggle(self.options.currentItem()))
        self.body.addWidget(self.options, 1)
        self.not_approved = self.tr(
            "SKP pejabat penilai Anda untuk tahun ini belum disetujui, jadi belum ada RHK pimpinan untuk dipilih. "
            "Anda tetap dapat menulis satu RHK sekarang; RHK pimpinan yang diintervensi dipilih nanti di halaman "
            "SKP setelah SKP atasan disetujui.")
        self.no_penilai = self.tr(
            "Pejabat penilai kinerja Anda belum tercatat di daftar pegawai. Anda tetap dapat menyusun draf; minta "
            "admin kepegawaian mencatat pejabat penilai Anda sebelum SKP diajukan.")
        self.empty = _label(self.not_approved, self, muted=True)
        self.empty.setObjectName("noParentOptions")
        self.body.addWidget(self.empty)
        self.body.addWidget(_label(self.tr("Tips: satu RHK pimpinan biasanya cukup didukung oleh satu RHK Anda. "
                                           "Pilih yang paling dekat dengan tugas jabatan Anda."), self, muted=True))
        self.body.addWidget(self.notice)

    def initializePage(self) -> None:
        if not self.first_visit_for_plan():
            return
        wizard = self.guided()
        penilai = wizard.view.snapshot.get("penilai", {}).get("nama", "")
        self.penilai.setText(self.tr("Pejabat penilai kinerja: <b>{0}</b>").format(html.escape(penilai or "—")))
        self.options.blockSignals(True)
        self.options.clear()
        chosen = {r.parent_rhk_id for r in wizard.rhks}
        for rhk_id, text in wizard.parent_options:
            item = QListWidgetItem(text, self.options)
            item.setData(Qt.ItemDataRole.UserRole, rhk_id)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)  # toggled by _toggle, on the whole line
            item.setCheckState(Qt.CheckState.Checked if rhk_id in chosen else Qt.CheckState.Unchecked)
        self.options.blockSignals(False)
        self.options.setVisible(bool(wizard.parent_options))
        self.empty.setText(self.not_approved if wizard.view.penilai_id else self.no_penilai)
        self.empty.setVisible(not wizard.parent_options)
        self.completeChanged.emit()

    @Slot(QListWidgetItem)
    def _toggle(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def chosen(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.options.count()):
            item = self.options.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append((item.data(Qt.ItemDataRole.UserRole), item.text()))
        return out

    def isComplete(self) -> bool:
        return not self.guided().parent_options or bool(self.chosen())

    def validatePage(self) -> bool:
        self.guided().choose_parents(self.chosen())
        return True


class PerspektifPage(_Page):
    """JPT form: tick the perspektif the SKP has results in; one RHK is written for each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Perspektif RHK"),
                         self.tr("SKP pejabat pimpinan tinggi memuat RHK menurut perspektif: penerima layanan, "
                                 "proses bisnis, penguatan internal, dan anggaran. Centang perspektif yang "
                                 "memuat hasil kerja Anda; satu RHK ditulis untuk setiap perspektif."), parent)
        self.checks: dict[str, QCheckBox] = {}
        for value in PERSPEKTIF_ORDER:
            guide = PERSPEKTIF_GUIDE[value]
            check = QCheckBox(tr_label(Perspektif(value).label), self)
            check.setObjectName(f"perspektif_{value}")
            check.setChecked(True)
            check.toggled.connect(lambda _on: self.completeChanged.emit())
            self.checks[value] = check
            self.body.addWidget(check)
            self.body.addWidget(_label(self.tr("{0}. Contoh RHK: <i>{1}</i>").format(
                html.escape(guide.meaning[:1].upper() + guide.meaning[1:]), html.escape(guide.example_rhk)), self,
                muted=True))
        self.body.addWidget(_label(self.tr("Tips: RHK pejabat pimpinan tinggi diturunkan dari sasaran strategis "
                                           "instansi (Renstra); tulis hasil yang dirasakan, bukan kegiatan."),
                                   self, muted=True))
        self.body.addStretch(1)
        self.body.addWidget(self.notice)

    def initializePage(self) -> None:
        if not self.first_visit_for_plan():
            return
        wizard = self.guided()
        have = {r.perspektif for r in wizard.rhks if r.perspektif}
        for value, check in self.checks.items():
            check.setChecked(not have or value in have)

    def chosen(self) -> list[str]:
        return [value for value, check in self.checks.items() if check.isChecked()]

    def isComplete(self) -> bool:
        return bool(self.chosen())

    def validatePage(self) -> bool:
        self.guided().choose_perspektif(self.chosen())
        return True


class RhkPage(_Page):
    """One line per chosen RHK pimpinan: the pegawai's own result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tulis RHK Anda"),
                         self.tr("Tulis hasil kerja Anda sendiri, pada tingkat jabatan Anda, untuk setiap RHK "
                                 "pimpinan. Tulis hasil, bukan kegiatan."), parent)
        self.example = _example_box(
            self.tr("Terselesaikannya verifikasi berkas permohonan KTP-el secara tepat waktu dan akurat"),
            self.tr("Melaksanakan tugas yang diberikan pimpinan (kegiatan, bukan hasil; tidak terukur)"), self)
        self.example_jpt = _example_box(
            self.tr("Meningkatnya kepuasan masyarakat terhadap pelayanan administrasi kependudukan"),
            self.tr("Melaksanakan koordinasi pelayanan (kegiatan, bukan hasil; tidak terukur)"), self)
        self.body.addWidget(self.example)
        self.body.addWidget(self.example_jpt)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body.addWidget(self.scroll, 1)
        self.body.addWidget(self.notice)
        self.edits: list[QLineEdit] = []
        self.hints: list[QLabel] = []

    def initializePage(self) -> None:
        wizard = self.guided()
        if wizard.jpt:
            self.setSubTitle(self.tr("Tulis hasil kerja Anda, pada tingkat jabatan Anda, untuk setiap perspektif "
                                     "yang dipilih. Tulis hasil yang dirasakan, bukan kegiatan."))
        self.example.setVisible(not wizard.jpt)
        self.example_jpt.setVisible(wizard.jpt)
        holder = QWidget(self.scroll)
        layout = QVBoxLayout(holder)
        self.edits, self.hints = [], []
        for n, rhk in enumerate(wizard.rhks, start=1):
            box = QGroupBox(self.tr("RHK {0}").format(n), holder)
            inner = QVBoxLayout(box)
            if rhk.parent_rhk_id:
                supports = self.tr("Mendukung RHK pimpinan: <i>{0}</i>").format(html.escape(rhk.parent_text))
                inner.addWidget(_label(supports, box, muted=True))
            guide = PERSPEKTIF_GUIDE.get(rhk.perspektif or "")
            if guide is not None:
                inner.addWidget(_label(self.tr("Perspektif <b>{0}</b>: {1}.").format(
                    tr_label(Perspektif(rhk.perspektif).label), html.escape(guide.meaning)), box, muted=True))
            edit = QLineEdit(rhk.text, box)
            edit.setObjectName(f"rhkText{n}")
            edit.setPlaceholderText(guide.example_rhk if guide is not None
                                    else self.tr("Terselesaikannya … / Tersusunnya … / Tersedianya …"))
            edit.setAccessibleName(self.tr("Rencana Hasil Kerja {0}").format(n))
            hint = _label("", box, muted=True)
            hint.setStyleSheet("color: #8c5a00;")
            hint.hide()
            edit.textChanged.connect(self._edited)
            inner.addWidget(edit)
            inner.addWidget(hint)
            layout.addWidget(box)
            self.edits.append(edit)
            self.hints.append(hint)
        layout.addStretch(1)
        self.scroll.setWidget(holder)
        self._edited()

    @Slot()
    def _edited(self) -> None:
        for edit, hint in zip(self.edits, self.hints, strict=True):
            text = edit.text().strip()
            if _ACTIVITY.match(text):
                hint.setText(self.tr("Kalimat ini terdengar seperti kegiatan. Tuliskan hasilnya, misalnya "
                                     "“Tersusunnya laporan …” alih-alih “Menyusun laporan …”."))
                hint.show()
            elif text and len(text) < MIN_RHK_CHARS:
                hint.setText(self.tr("Terlalu singkat: sebutkan hasil apa yang diwujudkan."))
                hint.show()
            else:
                hint.hide()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.edits) and all(len(e.text().strip()) >= MIN_RHK_CHARS for e in self.edits)

    def validatePage(self) -> bool:
        wizard = self.guided()
        for rhk, edit in zip(wizard.rhks, self.edits, strict=True):
            rhk.text = " ".join(edit.text().split())
        return self.run(lambda: wizard.draft.save_rhk(wizard.rhks))


class _IndicatorRow:
    def __init__(self, box: QWidget, grid: QGridLayout, row: int, ind: IndicatorDraft, hint: str, tag: str) -> None:
        self.aspek = ind.aspek
        label = (f"IKI {IKI_SLOTS.index(ind.aspek) + 1}" if ind.aspek in IKI_SLOTS
                 else tr_label(Aspek(ind.aspek).label))
        self.check = QCheckBox(label, box)
        self.check.setChecked(ind.included)
        self.text = QLineEdit(ind.text, box)
        self.text.setObjectName(f"iki{tag}")
        self.text.setCursorPosition(0)  # a long example reads from its start
        self.target = QLineEdit(ind.target, box)
        self.target.setObjectName(f"target{tag}")
        self.target.setPlaceholderText(hint)
        grid.addWidget(self.check, row, 0)
        grid.addWidget(self.text, row, 1)
        grid.addWidget(self.target, row, 2)
        self.check.toggled.connect(self.text.setEnabled)
        self.check.toggled.connect(self.target.setEnabled)
        self.text.setEnabled(ind.included)
        self.target.setEnabled(ind.included)

    def draft(self) -> IndicatorDraft:
        return IndicatorDraft(self.aspek, " ".join(self.text.text().split()), self.target.text().strip(),
                              self.check.isChecked())

    def complete(self) -> bool:
        return not self.check.isChecked() or bool(self.text.text().strip() and self.target.text().strip())


class IndicatorPage(_Page):
    """Example IKI per aspek for each RHK, to adapt; the targets are typed by the pegawai."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Indikator Kinerja Individu"),
                         self.tr("Sesuaikan contoh indikator untuk setiap aspek dan isi targetnya. Hapus centang "
                                 "aspek yang tidak cocok; aspek biaya hanya bila Anda mengelola anggaran."), parent)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body.addWidget(self.scroll, 1)
        self.body.addWidget(self.notice)
        self.rows: list[list[_IndicatorRow]] = []

    def initializePage(self) -> None:
        wizard = self.guided()
        if wizard.jpt:
            self.setSubTitle(self.tr("Sesuaikan contoh indikator menurut perspektif setiap RHK dan isi targetnya. "
                                     "Indikator kedua boleh dicentang bila RHK perlu dua ukuran."))
        holder = QWidget(self.scroll)
        layout = QVBoxLayout(holder)
        self.rows = []
        for n, rhk in enumerate(wizard.rhks, start=1):
            examples = (example_indicators_jpt(rhk.text, rhk.perspektif, wizard.pendekatan) if wizard.jpt
                        else example_indicators(rhk.text, wizard.pendekatan))
            if not rhk.indicators:
                rhk.indicators = [IndicatorDraft(e.aspek, e.text, "", e.included) for e in examples]
            hints = {e.aspek: e.target_hint for e in examples}
            texts = {e.aspek: e.text for e in examples}
            for ind in rhk.indicators:
                ind.text = ind.text or texts.get(ind.aspek, "")
            box = QGroupBox(self.tr("RHK {0}: {1}").format(n, rhk.text), holder)
            grid = QGridLayout(box)
            grid.addWidget(_label(self.tr("<b>No</b>") if wizard.jpt else self.tr("<b>Aspek</b>"), box), 0, 0)
            grid.addWidget(_label(self.tr("<b>Indikator Kinerja Individu</b>"), box), 0, 1)
            grid.addWidget(_label(self.tr("<b>Target</b>"), box), 0, 2)
            grid.setColumnStretch(1, 3)
            grid.setColumnStretch(2, 1)
            rows = [_IndicatorRow(box, grid, r, ind, hints.get(ind.aspek, ""), f"{n}{ind.aspek.capitalize()}")
                    for r, ind in enumerate(rhk.indicators, start=1)]
            for row in rows:
                for signal in (row.check.toggled, row.text.textChanged, row.target.textChanged):
                    signal.connect(lambda *_: self.completeChanged.emit())
            self.rows.append(rows)
            layout.addWidget(box)
        layout.addStretch(1)
        self.scroll.setWidget(holder)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.rows) and all(any(r.check.isChecked() for r in rows) and all(r.complete() for r in rows)
                                       for rows in self.rows)

    def validatePage(self) -> bool:
        wizard = self.guided()
        for rhk, rows in zip(wizard.rhks, self.rows, strict=True):
            rhk.indicators = [row.draft() for row in rows]
        return self.run(lambda: wizard.draft.save_indicators(wizard.rhks))


class LampiranPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lampiran SKP"),
                         self.tr("Periksa usulan berikut; satu butir per baris. Butir boleh diubah, ditambah atau "
                                 "dihapus."), parent)
        self.edits: dict[str, QPlainTextEdit] = {}
        for kind in LampiranKind:
            self.body.addWidget(_label(f"<b>{tr_label(kind.label)}</b>", self))
            edit = QPlainTextEdit("\n".join(LAMPIRAN_SUGGESTIONS[kind.value]), self)
            edit.setObjectName(f"lampiran_{kind.value}")
            edit.setMaximumHeight(72)
            self.body.addWidget(edit)
            self.edits[kind.value] = edit
        self.body.addStretch(1)
        self.body.addWidget(self.notice)
        self._prefilled = False

    def initializePage(self) -> None:
        existing = self.guided().existing_lampiran
        if existing and not self._prefilled:
            for kind, texts in existing.items():
                self.edits[kind].setPlainText("\n".join(texts))
        self._prefilled = True

    def validatePage(self) -> bool:
        items = {kind: edit.toPlainText().splitlines() for kind, edit in self.edits.items()}
        return self.run(lambda: self.guided().draft.save_lampiran(items))


class ReviewPage(_Page):
    """The SKP as saved, then Ajukan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Periksa dan Ajukan"),
                         self.tr("Inilah SKP Anda sebagaimana tersimpan. Pilih Ajukan untuk mengirimkannya kepada "
                                 "pejabat penilai kinerja, atau Simpan Draf untuk melanjutkannya nanti."), parent)
        self.summary = QTextBrowser(self)
        self.summary.setObjectName("skpSummary")
        self.body.addWidget(self.summary, 1)
        self.body.addWidget(_label(self.tr("Setelah diajukan, SKP terkunci sampai pejabat penilai menyetujuinya "
                                           "atau mengembalikannya dengan catatan."), self, muted=True))
        self.body.addWidget(self.notice)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        self.summary.setHtml(self.guided().summary_html())

    def validatePage(self) -> bool:
        return self.run(self.guided().submit)
