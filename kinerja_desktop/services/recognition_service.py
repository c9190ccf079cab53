"""Penghargaan: candidates derived from the data, the penilai's mark on feedback, recorded awards.

* A penilai marks an RHK's umpan balik as *inovasi* or *capaian luar biasa*, with one line of
  reason, while the evaluation is open (the same rule as the feedback itself).
* Candidates of a period: Sangat Baik predikat in a final (or signed) evaluation, and RHK whose
  feedback in a final evaluation of the period carries a mark. Admins see the instansi (or a
  unit); anyone else the people they appraise.
* The admin records what was given (kind, date, decree number); the person sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.penilaian import Predikat
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, Role, require
from kinerja_desktop.domain.tindak_lanjut import AWARD_KINDS, FEEDBACK_MARKS
from kinerja_desktop.services.common import CurrentUser, clean_text, get_live, subject_for
from kinerja_desktop.services.evaluation_service import _editable
from kinerja_desktop.services.tindak_lanjut_scope import people_in_scope
from kinerja_desktop.store.changelog import capture
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation, Plan, Rhk, RhkFeedback
from kinerja_desktop.store.models_tindak_lanjut import Award

__all__ = ["AwardView", "Candidate", "MarkedRhk", "awards_of", "candidates", "mark_feedback", "record_award"]

MAX_REASON = 300


def mark_feedback(db: Database, user: CurrentUser, plan_id: str, period: str, rhk_id: str, mark: str | None,  # noqa: PLR0917
                  reason: str = "") -> None:
    """The penilai marks (or unmarks, ``mark=None``) an RHK's feedback as INOVASI or LUAR_BIASA."""
    if mark is not None and mark not in FEEDBACK_MARKS:
        raise ValidationError(f"Tanda “{mark}” tidak dikenal; gunakan {', '.join(FEEDBACK_MARKS)}.", field="Tanda")
    reason = clean_text(reason, "Alasan", required=mark is not None, max_len=MAX_REASON)
    if "\n" in reason:
        raise ValidationError("Alasan cukup satu baris.", field="Alasan")
    with db.session(user=user.username) as s:
        ev = _editable(s, user, plan_id, period)
        rhk = get_live(s, Rhk, rhk_id, "RHK")
        if rhk.plan_id != ev.plan_id:
            raise ValidationError("RHK ini bukan bagian dari SKP yang dievaluasi.")
        row = s.execute(select(RhkFeedback).where(RhkFeedback.evaluation_id == ev.id,
                                                  RhkFeedback.rhk_id == rhk.id)).scalar()
        if row is None:
            row = RhkFeedback(evaluation_id=ev.id, rhk_id=rhk.id, text="")
            s.add(row)
        row.mark = mark
        row.mark_reason = reason if mark else ""


@dataclass(frozen=True)
class MarkedRhk:
    mark: str
    rhk_text: str
    reason: str
    period: str

    @property
    def mark_label(self) -> str:
        return FEEDBACK_MARKS[self.mark]


@dataclass(frozen=True)
class AwardView:
    id: str
    employee_id: str
    year: int
    period: str
    kind: str
    given_on: date | None
    decree_no: str
    reason: str

    @property
    def kind_label(self) -> str:
        return AWARD_KINDS.get(self.kind, self.kind)


@dataclass
class Candidate:
    employee_id: str
    nama: str
    nip: str
    jabatan: str
    unit_code: str
    unit_name: str
    predikat: str | None
    marks: list[MarkedRhk] = field(default_factory=list)
    awards: list[AwardView] = field(default_factory=list)

    @property
    def basis(self) -> str:
        """Why this person is a candidate, in one line."""
        parts = []
        if self.predikat == Predikat.SANGAT_BAIK.value:
            parts.append("Predikat Sangat Baik")
        for m in self.marks:
            parts.append(f"{m.mark_label}: {m.rhk_text[:80]} — {m.reason}")
        return "; ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {"nip": self.nip, "nama": self.nama, "unit": self.unit_code, "predikat": self.predikat,
                "marks": [{"mark": m.mark, "rhk": m.rhk_text, "reason": m.reason} for m in self.marks],
                "awards": [{"kind": a.kind, "given_on": a.given_on.isoformat() if a.given_on else None,
                            "decree_no": a.decree_no} for a in self.awards],
                "basis": self.basis}


def _award_view(a: Award) -> AwardView:
    return AwardView(a.id, a.employee_id, a.year, a.period, a.kind, a.given_on, a.decree_no, a.reason)


def candidates(db: Database, user: CurrentUser, year: int, period: str = "TAHUNAN", *,
               unit_code: str | None = None) -> tuple[str, list[Candidate]]:
    """(scope title, candidates) of a period: Sangat Baik, or marked RHK, in final evaluations."""
    code = period_of(period).code
    with db.reader() as s:
        scope = people_in_scope(s, user, year, unit_code)
        by_id = {e.id: e for e in scope.employees}
        found: dict[str, Candidate] = {}

        def candidate(emp_id: str) -> Candidate:
            if emp_id not in found:
                e = by_id[emp_id]
                unit = scope.units.get(e.unit_id or "", ("-", "Tanpa unit"))
                found[emp_id] = Candidate(e.id, e.name, e.nip or "", e.jabatan, unit[0], unit[1], None)
            return found[emp_id]

        finals = s.execute(
            select(Plan.employee_id, Evaluation.id, Evaluation.predikat)
            .join(Evaluation, Evaluation.plan_id == Plan.id)
            .where(Plan.year == year, Plan.deleted.is_(False), Evaluation.period == code,
                   Evaluation.deleted.is_(False), Evaluation.status.in_(("FINAL", "SIGNED")))).all()
        final_ids = {}
        for emp_id, ev_id, predikat in finals:
            if emp_id not in by_id:
                continue
            final_ids[ev_id] = emp_id
            if predikat == Predikat.SANGAT_BAIK.value:
                candidate(emp_id).predikat = predikat
        ev_ids = list(final_ids)
        for i in range(0, len(ev_ids), 500):
            for fb, text in s.execute(select(RhkFeedback, Rhk.text).join(Rhk, Rhk.id == RhkFeedback.rhk_id)
                                      .where(RhkFeedback.evaluation_id.in_(ev_ids[i:i + 500]),
                                             RhkFeedback.deleted.is_(False), RhkFeedback.mark.is_not(None))):
                c = candidate(final_ids[fb.evaluation_id])
                c.marks.append(MarkedRhk(fb.mark, text, fb.mark_reason, code))
        for c in found.values():
            if c.predikat is None:
                c.predikat = next((p for emp, _e, p in finals if emp == c.employee_id), None)
        ids = list(found)
        for i in range(0, len(ids), 500):
            for a in s.scalars(select(Award).where(Award.employee_id.in_(ids[i:i + 500]), Award.year == year,
                                                   Award.deleted.is_(False)).order_by(Award.given_on)):
                found[a.employee_id].awards.append(_award_view(a))
        out = sorted(found.values(), key=lambda c: (c.unit_code, c.predikat != Predikat.SANGAT_BAIK.value,
                                                    -len(c.marks), c.nama))
        return scope.title, out


def record_award(db: Database, user: CurrentUser, employee_id: str, year: int, kind: str, *,  # noqa: PLR0913
                 period: str = "TAHUNAN", given_on: date | None = None, decree_no: str = "",
                 reason: str = "") -> str:
    """The admin records a penghargaan given (piagam, prioritas pengembangan, usul KP istimewa, lainnya)."""
    if kind not in AWARD_KINDS:
        raise ValidationError(f"Jenis penghargaan “{kind}” tidak dikenal; gunakan {', '.join(AWARD_KINDS)}.",
                              field="Jenis")
    decree = clean_text(decree_no, "Nomor keputusan", max_len=120)
    if "\n" in decree:
        raise ValidationError("Nomor keputusan cukup satu baris.", field="Nomor keputusan")
    reason = clean_text(reason, "Alasan", max_len=2000)
    code = period_of(period).code
    with db.session(user=user.username) as s:
        emp = get_live(s, Employee, employee_id, "Pegawai")
        require(user.actor, Action.MANAGE_AWARDS)
        capture(s).role = Role.ADMIN.value
        row = Award(employee_id=emp.id, year=int(year), period=code, kind=kind, given_on=given_on or date.today(),
                    decree_no=decree, reason=reason)
        s.add(row)
        s.flush()
        return row.id


def remove_award(db: Database, user: CurrentUser, award_id: str) -> None:
    """The admin removes an award recorded by mistake (a tombstone: the change log keeps it)."""
    with db.session(user=user.username) as s:
        require(user.actor, Action.MANAGE_AWARDS)
        get_live(s, Award, award_id, "Penghargaan").deleted = True


def awards_of(db: Database, user: CurrentUser, employee_id: str) -> list[AwardView]:
    """A person's awards, newest first (whoever may see their evaluation)."""
    with db.reader() as s:
        emp = get_live(s, Employee, employee_id, "Pegawai")
        require(user.actor, Action.VIEW_EVALUATION, subject_for(s, emp.id, date.today().year))
        return [_award_view(a) for a in s.scalars(select(Award).where(Award.employee_id == emp.id,
                                                                      Award.deleted.is_(False))
                                                  .order_by(Award.year.desc(), Award.given_on.desc()))]


def marks_of(db: Database, user: CurrentUser, plan_id: str, period: str) -> dict[str, tuple[str, str]]:
    """{rhk_id: (mark, reason)} of an evaluation (for the evaluation form)."""
    with db.reader() as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require(user.actor, Action.VIEW_EVALUATION, subject_for(s, plan.employee_id, plan.year))
        ev = s.execute(select(Evaluation).where(Evaluation.plan_id == plan.id,
                                                Evaluation.period == period_of(period).code)).scalar()
        if ev is None:
            return {}
        return {fb.rhk_id: (fb.mark, fb.mark_reason) for fb in s.scalars(
            select(RhkFeedback).where(RhkFeedback.evaluation_id == ev.id, RhkFeedback.mark.is_not(None),
                                      RhkFeedback.deleted.is_(False)))}
