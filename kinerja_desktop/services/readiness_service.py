"""What is still incomplete before a workflow step changes a status (Ajukan, Setujui, Kembalikan,
Finalkan, Tanda Tangani).

One place for the lists the GUI shows in its confirmation and the CLI prints as a warning or a
refusal. A *blocking* gap is one the step's own service refuses anyway (an RHK without indicator
on Ajukan, a missing rating on Finalkan, a draft SKP on signing); the others are allowed by
PermenPAN-RB 6/2022 but said, so nobody closes a step by accident (a Finalkan with indicators
that have no realisation yet, BerAKHLAK values without umpan balik).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.kepegawaian import JenisRhk, LampiranKind
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import realisation_service as rs
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.submit_rules import listing, submit_gaps
from kinerja_desktop.store.db import Database

__all__ = [
    "STEPS",
    "Gap",
    "Readiness",
    "before_approve",
    "before_finalise",
    "before_return",
    "before_signing",
    "before_submit",
]

#: The steps, with the words a confirmation uses for them.
STEPS = {
    "ajukan": "Ajukan SKP",
    "setujui": "Setujui SKP",
    "kembalikan": "Kembalikan SKP",
    "finalkan": "Finalkan evaluasi",
    "tandatangani": "Tanda tangani",
}
#: How many items of one kind are named before "dan N lainnya".
NAMED = 3


@dataclass(frozen=True)
class Gap:
    """One incomplete thing, as a sentence; ``blocking``: the step is refused while it stays."""

    text: str
    blocking: bool = False


@dataclass
class Readiness:
    """The gaps found before ``step`` (a key of :data:`STEPS`)."""

    step: str
    gaps: list[Gap] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        """No blocking gap: the step may go ahead (after the person confirms the rest)."""
        return not any(g.blocking for g in self.gaps)

    @property
    def complete(self) -> bool:
        return not self.gaps

    def blocking(self) -> list[Gap]:
        return [g for g in self.gaps if g.blocking]

    def warnings(self) -> list[Gap]:
        return [g for g in self.gaps if not g.blocking]

    def lines(self) -> list[str]:
        """The gaps as bullet lines, blocking ones first."""
        return [f"• {g.text}" for g in self.blocking() + self.warnings()]

    def summary(self) -> str:
        """A paragraph for a terminal or a message box."""
        step = STEPS.get(self.step, self.step)
        if not self.gaps:
            return f"{step}: semua isian lengkap."
        if not self.ready:
            head = f"{step} belum dapat dilakukan:"
        else:
            head = f"{step} dapat dilakukan, tetapi masih ada yang belum lengkap:"
        return "\n".join([head, *self.lines()])


def _named(items: list[str]) -> str:
    shown = ", ".join(f"“{_short(t)}”" for t in items[:NAMED])
    rest = len(items) - NAMED
    return shown + (f" dan {rest} lainnya" if rest > 0 else "")


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------- SKP


def _plan_gaps(db: Database, user: CurrentUser, plan: ps.PlanView) -> list[Gap]:
    """What an SKP lacks: the rules Ajukan enforces (blocking, from :mod:`submit_rules`), then what it
    may lack but should not."""
    gaps = [Gap(line, True) for line in listing(submit_gaps(plan), _named)]
    if plan.penilai_id and ps.supervisor_rhk_options(db, user, plan.id):
        loose = [r.text or "(kosong)" for r in plan.rhk_of(JenisRhk.UTAMA.value) if not r.parent_rhk_id]
        if loose:
            gaps.append(Gap(f"{len(loose)} RHK utama belum dikaitkan dengan RHK pimpinan yang diintervensi: "
                            f"{_named(loose)}."))
    missing = [k for k in LampiranKind if not plan.lampiran_of(k.value)]
    if missing:
        names = ", ".join(k.label for k in missing)
        gaps.append(Gap(f"Lampiran SKP belum diisi: {names}."))
    return gaps


def before_submit(db: Database, user: CurrentUser, plan_id: str) -> Readiness:
    """Ajukan: what the pegawai's SKP still lacks."""
    return Readiness("ajukan", _plan_gaps(db, user, ps.get_plan(db, user, plan_id)))


def before_approve(db: Database, user: CurrentUser, plan_id: str) -> Readiness:
    """Setujui: the SKP's gaps, and Ekspektasi Khusus Pimpinan not written (allowed: the standard panduan apply)."""
    plan = ps.get_plan(db, user, plan_id)
    gaps = _plan_gaps(db, user, plan)
    if plan.status != "SUBMITTED":
        gaps.insert(0, Gap("SKP ini belum diajukan.", True))
    unset = [v.name for v in BERAKHLAK if not (plan.expectations.get(v.code) or "").strip()]
    if unset:
        gaps.append(Gap(f"Ekspektasi Khusus Pimpinan belum ditulis untuk {len(unset)} dari {len(BERAKHLAK)} "
                        f"perilaku ({', '.join(unset[:NAMED])}{'…' if len(unset) > NAMED else ''}); "
                        "yang berlaku hanya panduan perilaku umum."))
    return Readiness("setujui", gaps)


def before_return(db: Database, user: CurrentUser, plan_id: str) -> Readiness:
    """Kembalikan: what the pegawai will have to complete (to help write the note)."""
    plan = ps.get_plan(db, user, plan_id)
    gaps = [Gap(g.text) for g in _plan_gaps(db, user, plan)]  # nothing here stops a return
    if plan.status not in ("SUBMITTED", "APPROVED"):
        gaps.insert(0, Gap("Hanya SKP yang diajukan atau disetujui yang dapat dikembalikan.", True))
    return Readiness("kembalikan", gaps)


# ---------------------------------------------------------------------------------- evaluation


def before_finalise(db: Database, user: CurrentUser, plan_id: str, period: str) -> Readiness:
    """Finalkan: ratings (blocking), then realisations, umpan balik, capaian organisasi, catatan."""
    code = period_of(period).code
    plan = ps.get_plan(db, user, plan_id)
    ev = es.get_evaluation(db, user, plan_id, code)
    gaps: list[Gap] = []
    for name, value in (("Rating Hasil Kerja", ev.rating_hasil), ("Rating Perilaku Kerja", ev.rating_perilaku)):
        if not value:
            gaps.append(Gap(f"{name} belum dipilih.", True))
    realised = rs.realisations_for(db, user, plan_id, code)
    indicators = [i for r in plan.rhk for i in r.indicators]
    empty = [i.text for i in indicators if not (realised.get(i.id) and realised[i.id].value_text.strip())]
    if empty:
        gaps.append(Gap(f"{len(empty)} dari {len(indicators)} indikator belum memiliki realisasi: {_named(empty)}."))
    no_evidence = [i.text for i in indicators
                   if realised.get(i.id) and realised[i.id].value_text.strip() and not realised[i.id].attachments]
    if no_evidence:
        gaps.append(Gap(f"{len(no_evidence)} realisasi tanpa bukti dukung: {_named(no_evidence)}."))
    silent = [r.text for r in plan.rhk if not (ev.rhk_feedback.get(r.id) or "").strip()]
    if silent:
        gaps.append(Gap(f"{len(silent)} dari {len(plan.rhk)} RHK belum diberi umpan balik: {_named(silent)}."))
    quiet = [v.name for v in BERAKHLAK if not (ev.perilaku_feedback.get(v.code) or "").strip()]
    if quiet:
        gaps.append(Gap(f"{len(quiet)} dari {len(BERAKHLAK)} perilaku BerAKHLAK belum diberi umpan balik: "
                        f"{', '.join(quiet[:NAMED])}{' dan lainnya' if len(quiet) > NAMED else ''}."))
    if not ev.capaian_organisasi:
        gaps.append(Gap("Capaian Kinerja Organisasi belum ditetapkan (predikat mengikuti penetapan unit)."))
    return Readiness("finalkan", gaps)


# ------------------------------------------------------------------------------------- signing


def before_signing(db: Database, user: CurrentUser, kind: str, plan_id: str, period: str | None = None,
                   *, role: str | None = None) -> Readiness:
    """Tanda tangani a sheet of ``kind`` ("skp", "evaluasi", "dokumen-evaluasi"): the record must be
    settled (approved SKP, final evaluation); an evaluation the pegawai has not read yet is said."""
    gaps: list[Gap] = []
    plan = ps.get_plan(db, user, plan_id)
    if kind == "skp":
        if plan.status != "APPROVED":
            gaps.append(Gap("SKP belum disetujui pejabat penilai; yang ditandatangani harus SKP yang disetujui.",
                            True))
        return Readiness("tandatangani", gaps)
    if not period:
        return Readiness("tandatangani", gaps)
    code = period_of(period).code
    ev = es.get_evaluation(db, user, plan_id, code)
    if ev.status not in ("FINAL", "SIGNED"):
        gaps.append(Gap(f"Evaluasi {period_of(code).label} belum difinalkan.", True))
        return Readiness("tandatangani", gaps)
    if ev.read_at is None and role != "pegawai":
        gaps.append(Gap("Pegawai belum menandai evaluasi ini sudah dibaca."))
    finalise = before_finalise(db, user, plan_id, code)
    gaps.extend(g for g in finalise.warnings())
    return Readiness("tandatangani", gaps)
