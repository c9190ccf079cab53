"""The guided first SKP for a new staff member (a QWizard), ending with Ajukan.

``FirstSkpWizard(db, user, employee_id, year, parent=None)``: six steps, in
:mod:`first_skp_pages` (a JPT's second step is the perspektif of the JPT form instead of the RHK
pimpinan: that form has no intervensi column); every write goes through ``services.plan_service`` (via
:class:`FirstSkpDraft`), the same path as the plan editor, so the permission checks and
validation are the services' own. Offered when a pegawai without a plan for the year signs in
(``ui.help.install``) and from Bantuan > Susun SKP Pertama dengan Panduan.

Signals:
    plan_saved(str plan_id): the wizard closed with a draft (Simpan Draf, or Batal after step 1).
    plan_submitted(str plan_id): Ajukan succeeded.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget, QWizard

from kinerja_desktop.domain.kepegawaian import Aspek, LampiranKind, Perspektif, SkpVariant, skp_variant_for
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.form_queries import employee_header
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.wizards.first_skp_draft import FirstSkpDraft, RhkDraft
from kinerja_desktop.ui.wizards.first_skp_pages import (
    IndicatorPage,
    LampiranPage,
    ParentPage,
    PendekatanPage,
    PerspektifPage,
    ReviewPage,
    RhkPage,
)

PAGE_PENDEKATAN, PAGE_PARENT, PAGE_RHK, PAGE_INDICATOR, PAGE_LAMPIRAN, PAGE_REVIEW, PAGE_PERSPEKTIF = range(7)
#: Which page follows which (the second step is PAGE_PARENT, or PAGE_PERSPEKTIF for a JPT).
_NEXT = {PAGE_PARENT: PAGE_RHK, PAGE_PERSPEKTIF: PAGE_RHK, PAGE_RHK: PAGE_INDICATOR,
         PAGE_INDICATOR: PAGE_LAMPIRAN, PAGE_LAMPIRAN: PAGE_REVIEW, PAGE_REVIEW: -1}


class FirstSkpWizard(QWizard):
    """Step by step to a submitted first SKP (see the module docstring)."""

    plan_saved = Signal(str)
    plan_submitted = Signal(str)
    panduan_topic = "skp-pertama"

    def __init__(self, db: Database, user: CurrentUser, employee_id: str, year: int,  # noqa: PLR0917
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSkpWizard")
        self.setWindowTitle(self.tr("Susun SKP Pertama"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Simpan Draf dan Tutup"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Kembali"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Nanti Saja"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Ajukan"))
        self.customButtonClicked.connect(self._custom_button)
        self.currentIdChanged.connect(self._page_changed)
        self.db, self.user, self.year = db, user, year
        self.header = employee_header(db, user, employee_id, year)  # raises PermissionDenied
        #: The JPT form (perspektif, no aspek); a continued draft keeps the form it was made on.
        self.jpt = skp_variant_for(self.header.jenis_jabatan) == SkpVariant.JPT
        self.draft = FirstSkpDraft(db, user, employee_id, year)
        self.view: Any = None
        self.pendekatan = ""
        self.parent_options: list[tuple[str, str]] = []
        self.rhks: list[RhkDraft] = []
        self.existing_lampiran: dict[str, list[str]] = {}
        self._adopted = False
        self.submitted = False
        pages = (PendekatanPage(self), ParentPage(self), RhkPage(self), IndicatorPage(self), LampiranPage(self),
                 ReviewPage(self), PerspektifPage(self))
        steps = len(pages) - 1  # the perspektif step takes the RHK pimpinan step's place
        for page_id, page in enumerate(pages):
            number = PAGE_PARENT + 1 if page_id == PAGE_PERSPEKTIF else page_id + 1
            page.setTitle(self.tr("Langkah {0} dari {1} · {2}").format(number, steps, page.title()))
            self.setPage(page_id, page)
        self.help_requested = QShortcut(QKeySequence("F1"), self)  # the Panduan of this wizard (ui.help.install)
        self.resize(900, 640)
        self._page_changed(PAGE_PENDEKATAN)

    def nextId(self) -> int:
        current = self.currentId()
        if current == PAGE_PENDEKATAN:
            return PAGE_PERSPEKTIF if self.jpt else PAGE_PARENT
        return _NEXT.get(current, -1)

    # ------------------------------------------------------------------ what the pages call

    def start(self, pendekatan: str) -> None:
        """Step 1 done: the plan exists (created, or the draft continued) with this pendekatan."""
        self.draft.start(pendekatan)
        self.view = self.draft.view()
        self.pendekatan = self.view.pendekatan
        self.jpt = self.view.variant == SkpVariant.JPT
        self.parent_options = self.draft.parent_options()
        if not self._adopted:
            self._adopted = True
            self.rhks = self.draft.adopt(self.view)
            self.existing_lampiran = {kind: [i.text for i in self.view.lampiran_of(kind)]
                                      for kind in (k.value for k in LampiranKind) if self.view.lampiran_of(kind)}

    def choose_parents(self, chosen: list[tuple[str, str]]) -> None:
        """The RHK pimpinan ticked, in order: one RHK of the pegawai each (what was typed is kept)."""
        by_parent = {r.parent_rhk_id: r for r in self.rhks}
        if not chosen:  # no approved RHK pimpinan yet: one RHK without intervensi (chosen later in the editor)
            self.rhks = self.rhks[:1] or [RhkDraft(None, "")]
            return
        self.rhks = [by_parent.get(rhk_id) or RhkDraft(rhk_id, text) for rhk_id, text in chosen]

    def choose_perspektif(self, chosen: list[str]) -> None:
        """JPT: the perspektif ticked, in the form's order: one RHK each (RHK already written are kept)."""
        kept: dict[str, list[RhkDraft]] = {}
        for rhk in self.rhks:
            kept.setdefault(rhk.perspektif or "", []).append(rhk)
        self.rhks = [r for p in chosen for r in kept.get(p) or [RhkDraft(None, "", perspektif=p)]]

    def submit(self) -> None:
        self.draft.submit()
        self.submitted = True

    def summary_html(self) -> str:
        """The plan as saved, for the last step (read back through the service, not from the pages)."""
        view = self.draft.view()
        heading = self.tr("SKP tahun {0}").format(self.year)
        columns = ((self.tr("No"),) if self.jpt else (self.tr("Aspek"),)) + (
            self.tr("Indikator Kinerja Individu"), self.tr("Target"))
        penilai = view.snapshot.get("penilai", {}).get("nama", "") or "—"
        parts = [f"<h3>{html.escape(self.header.name)} · {heading}</h3>",
                 "<p>" + self.tr("Pendekatan: {0} · Pejabat penilai kinerja: {1}").format(
                     html.escape(tr_label(view.pendekatan.capitalize())), html.escape(penilai)) + "</p>"]
        for n, rhk in enumerate(view.rhk_of("UTAMA"), start=1):
            parts.append(f"<p><b>{n}. {html.escape(rhk.text)}</b>")
            if rhk.parent_text:
                parts.append("<br><i>" + self.tr("Mengintervensi: {0}").format(html.escape(rhk.parent_text)) + "</i>")
            if rhk.perspektif:
                parts.append("<br><i>" + self.tr("Perspektif: {0}").format(
                    tr_label(Perspektif(rhk.perspektif).label)) + "</i>")
            parts.append("</p><table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>")
            parts.extend(f"<th align='left'>{title}</th>" for title in columns)
            parts.append("</tr>")
            for number, ind in enumerate(rhk.indicators, start=1):
                aspek = tr_label(Aspek(ind.aspek).label) if ind.aspek else str(number)
                parts.append(f"<tr><td>{aspek}</td><td>{html.escape(ind.text)}</td>"
                             f"<td>{html.escape(ind.target_display)}</td></tr>")
            parts.append("</table>")
        perilaku = self.tr("<b>Perilaku kerja</b>: tujuh nilai BerAKHLAK dengan panduan perilakunya tercantum "
                           "otomatis; ekspektasi khusus pimpinan diisi pejabat penilai kinerja.")
        parts.append(f"<p>{perilaku}</p>")
        lampiran = self.tr("Lampiran")
        parts.append(f"<p><b>{lampiran}</b></p><ul>")
        for kind in LampiranKind:
            items = "; ".join(html.escape(i.text) for i in view.lampiran_of(kind.value)) or "—"
            parts.append(f"<li>{tr_label(kind.label)}: {items}</li>")
        parts.append("</ul>")
        return "".join(parts)

    # ------------------------------------------------------------------ closing

    @Slot(int)
    def _page_changed(self, page_id: int) -> None:
        # A draft exists once step 1 is done: from then on it can be kept for later.
        self.button(QWizard.WizardButton.CustomButton1).setVisible(page_id > PAGE_PENDEKATAN)

    @Slot(int)
    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            page = self.currentPage()
            if self.currentId() in (PAGE_RHK, PAGE_INDICATOR, PAGE_LAMPIRAN) and page.isComplete():
                if not page.validatePage():  # keep what this page holds too
                    return
            self.reject()

    def done(self, result: int) -> None:
        super().done(result)
        plan_id = self.draft.plan_id
        if plan_id and self.submitted:
            self.plan_submitted.emit(plan_id)
        elif plan_id:
            self.plan_saved.emit(plan_id)
