"""Evaluation by the pejabat penilai: feedback, ratings, predikat (derived), finalise.

The predikat is never typed: it follows from the two ratings through the kuadran of
PermenPAN-RB 6/2022 every time a rating changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.penilaian import PredikatOrganisasi, Rating, predikat_for
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, Role
from kinerja_desktop.services.common import (
    CurrentUser,
    clean_text,
    ensure_evaluation_editable,
    get_live,
    require_on_plan,
)
from kinerja_desktop.services.plan_versions import closed_on_older_version
from kinerja_desktop.store.changelog import capture
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation, PerilakuFeedback, Plan, Rhk, RhkFeedback, utcnow

STATUS_LABELS = {"BELUM": "Belum", "DRAFT": "Draf", "FINAL": "Final", "SIGNED": "Ditandatangani"}


@dataclass
class EvaluationView:
    id: str | None
    plan_id: str
    period: str
    status: str = "BELUM"
    rating_hasil: str | None = None
    rating_perilaku: str | None = None
    predikat: str | None = None
    capaian_organisasi: str | None = None
    catatan: str = ""
    finalised_at: datetime | None = None
    read_at: datetime | None = None
    frozen: bool = False
    rhk_feedback: dict[str, str] = field(default_factory=dict)
    perilaku_feedback: dict[str, str] = field(default_factory=dict)


def _capaian(session: Session, ev: Evaluation) -> str | None:
    """Capaian Kinerja Organisasi as every screen and sheet shows it (query_service.capaian_organisasi)."""
    from kinerja_desktop.services.query_service import capaian_organisasi

    plan = session.get(Plan, ev.plan_id)
    unit_id = session.get(Employee, plan.employee_id).unit_id if plan is not None else None
    year = plan.year if plan is not None else 0
    return capaian_organisasi(session, unit_id, year, ev.period, recorded=ev.capaian_organisasi)


def _to_view(session: Session, ev: Evaluation) -> EvaluationView:
    view = EvaluationView(
        id=ev.id, plan_id=ev.plan_id, period=ev.period, status=ev.status, rating_hasil=ev.rating_hasil,
        rating_perilaku=ev.rating_perilaku, predikat=ev.predikat, capaian_organisasi=_capaian(session, ev),
        catatan=ev.catatan, finalised_at=ev.finalised_at, read_at=ev.read_at, frozen=ev.frozen,
    )
    for fb in session.scalars(
        select(RhkFeedback).where(RhkFeedback.evaluation_id == ev.id, RhkFeedback.deleted.is_(False))
    ):
        view.rhk_feedback[fb.rhk_id] = fb.text
    view.perilaku_feedback = {v.code: "" for v in BERAKHLAK}
    for fb in session.scalars(
        select(PerilakuFeedback).where(PerilakuFeedback.evaluation_id == ev.id, PerilakuFeedback.deleted.is_(False))
    ):
        view.perilaku_feedback[fb.value_code] = fb.text
    return view


def _find(session: Session, plan_id: str, period: str) -> Evaluation | None:
    return session.execute(
        select(Evaluation).where(Evaluation.plan_id == plan_id, Evaluation.period == period)
    ).scalar()


def evaluated_plan(db: Database, user: CurrentUser, plan_id: str, period: str) -> str:
    """The plan version whose evaluation of ``period`` belongs to ``plan_id``'s SKP: the older version
    the period was finalised or signed on (it stays evaluated on that version after a Revisi), else
    ``plan_id`` itself. Screens show and edit the evaluation of that version."""
    code = period_of(period).code
    with db.reader() as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require_on_plan(s, user, Action.VIEW_EVALUATION, plan)
        older = closed_on_older_version(s, plan, code)
        return older.id if older is not None else plan.id


def get_evaluation(db: Database, user: CurrentUser, plan_id: str, period: str) -> EvaluationView:
    """The evaluation of a plan for a period (an empty view with status BELUM when none exists)."""
    code = period_of(period).code
    with db.reader() as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require_on_plan(s, user, Action.VIEW_EVALUATION, plan)
        ev = _find(s, plan.id, code)
        if ev is None or ev.deleted:
            return EvaluationView(id=None, plan_id=plan.id, period=code,
                                  perilaku_feedback={v.code: "" for v in BERAKHLAK})
        return _to_view(s, ev)


def _editable(session: Session, user: CurrentUser, plan_id: str, period: str) -> Evaluation:
    code = period_of(period).code
    plan = get_live(session, Plan, plan_id, "SKP")
    require_on_plan(session, user, Action.EVALUATE, plan)
    capture(session).role = Role.PENILAI.value
    if plan.status != "APPROVED":
        raise ValidationError("Evaluasi hanya dapat dilakukan atas SKP yang sudah disetujui.")
    ev = _find(session, plan.id, code)
    if ev is None:
        older = closed_on_older_version(session, plan, code)
        if older is not None:
            raise ValidationError(
                f"Evaluasi {period_of(code).label} sudah difinalkan pada SKP versi {older.version}; periode itu "
                "tetap dinilai atas versi tersebut."
            )
        ev = Evaluation(plan_id=plan.id, period=code, status="DRAFT")
        session.add(ev)
        session.flush()
    ensure_evaluation_editable(ev)
    return ev


def set_rhk_feedback(db: Database, user: CurrentUser, plan_id: str, period: str, rhk_id: str, text: str) -> None:
    """Umpan balik berkelanjutan on one RHK."""
    text = clean_text(text, "Umpan balik")
    with db.session(user=user.username) as s:
        ev = _editable(s, user, plan_id, period)
        rhk = get_live(s, Rhk, rhk_id, "RHK")
        if rhk.plan_id != ev.plan_id:
            raise ValidationError("RHK ini bukan bagian dari SKP yang dievaluasi.")
        row = s.execute(
            select(RhkFeedback).where(RhkFeedback.evaluation_id == ev.id, RhkFeedback.rhk_id == rhk.id)
        ).scalar()
        if row is None:
            s.add(RhkFeedback(evaluation_id=ev.id, rhk_id=rhk.id, text=text))
        else:
            row.text = text


def set_perilaku_feedback(
    db: Database, user: CurrentUser, plan_id: str, period: str, value_code: str, text: str
) -> None:
    """Umpan balik on one BerAKHLAK value."""
    if value_code not in {v.code for v in BERAKHLAK}:
        raise ValidationError(f"Nilai BerAKHLAK tidak dikenal: {value_code}.")
    text = clean_text(text, "Umpan balik perilaku")
    with db.session(user=user.username) as s:
        ev = _editable(s, user, plan_id, period)
        row = s.execute(
            select(PerilakuFeedback).where(
                PerilakuFeedback.evaluation_id == ev.id, PerilakuFeedback.value_code == value_code
            )
        ).scalar()
        if row is None:
            s.add(PerilakuFeedback(evaluation_id=ev.id, value_code=value_code, text=text))
        else:
            row.text = text


def _rating(value: str | None, field_name: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return Rating(value).value
    except ValueError as exc:
        raise ValidationError(f"{field_name} tidak dikenal: {value}.", field=field_name) from exc


_UNSET: object = object()


def set_ratings(
    db: Database, user: CurrentUser, plan_id: str, period: str, *, hasil: object = _UNSET,
    perilaku: object = _UNSET,
) -> str | None:
    """Set Rating Hasil Kerja and/or Rating Perilaku Kerja; returns the derived predikat code."""
    with db.session(user=user.username) as s:
        ev = _editable(s, user, plan_id, period)
        if hasil is not _UNSET:
            ev.rating_hasil = _rating(hasil, "Rating Hasil Kerja")  # type: ignore[arg-type]
        if perilaku is not _UNSET:
            ev.rating_perilaku = _rating(perilaku, "Rating Perilaku Kerja")  # type: ignore[arg-type]
        ev.predikat = (
            predikat_for(Rating(ev.rating_hasil), Rating(ev.rating_perilaku)).value
            if ev.rating_hasil and ev.rating_perilaku
            else None
        )
        return ev.predikat


def _refuse_when_unit_has_capaian(session: Session, ev: Evaluation, value: str) -> None:
    """One source: where the unit's predikat organisasi is set (penetapan by the leader one level up),
    an evaluation cannot record another value (clearing it is harmless: the unit's is shown)."""
    from kinerja_desktop.services.query_service import capaian_organisasi

    plan = session.get(Plan, ev.plan_id)
    unit_id = session.get(Employee, plan.employee_id).unit_id if plan is not None else None
    unit_value = capaian_organisasi(session, unit_id, plan.year if plan is not None else 0, ev.period)
    if unit_value is not None and value != unit_value:
        label = PredikatOrganisasi(unit_value).label
        raise ValidationError(
            f"Capaian Kinerja Organisasi unit ini sudah ditetapkan ({label}) oleh pimpinan satu tingkat di atasnya; "
            "nilai itu yang dipakai di layar dan di lembar. Ubahlah pada predikat organisasi unit, bukan di evaluasi.",
            field="Capaian Kinerja Organisasi",
        )


def set_details(
    db: Database, user: CurrentUser, plan_id: str, period: str, *, capaian_organisasi: object = _UNSET,
    catatan: str | None = None,
) -> None:
    """Capaian kinerja organisasi and Catatan/Rekomendasi."""
    with db.session(user=user.username) as s:
        ev = _editable(s, user, plan_id, period)
        if capaian_organisasi is not _UNSET:
            if capaian_organisasi in (None, ""):
                ev.capaian_organisasi = None
            else:
                try:
                    value = PredikatOrganisasi(capaian_organisasi).value
                except ValueError as exc:
                    raise ValidationError(
                        f"Capaian kinerja organisasi tidak dikenal: {capaian_organisasi}.",
                        field="Capaian Kinerja Organisasi",
                    ) from exc
                _refuse_when_unit_has_capaian(s, ev, value)
                ev.capaian_organisasi = value
        if catatan is not None:
            ev.catatan = clean_text(catatan, "Catatan/Rekomendasi")


def finalise(db: Database, user: CurrentUser, plan_id: str, period: str) -> None:
    """Finalise: both ratings must be given; the evaluation then no longer changes."""
    with db.session(user=user.username) as s:
        ev = _editable(s, user, plan_id, period)
        missing = [name for name, value in (("Rating Hasil Kerja", ev.rating_hasil),
                                             ("Rating Perilaku Kerja", ev.rating_perilaku)) if not value]
        if missing:
            raise ValidationError(f"{' dan '.join(missing)} belum diisi.", field=missing[0])
        ev.status = "FINAL"
        ev.finalised_at = utcnow()


def reopen(db: Database, user: CurrentUser, plan_id: str, period: str) -> None:
    """Undo a finalisation that has not been signed yet."""
    with db.session(user=user.username) as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require_on_plan(s, user, Action.FINALISE_EVALUATION, plan)
        capture(s).role = Role.PENILAI.value
        ev = _find(s, plan.id, period_of(period).code)
        if ev is None:
            raise ValidationError("Evaluasi belum ada.")
        if ev.frozen or ev.status == "SIGNED":
            ensure_evaluation_editable(ev)
        ev.status = "DRAFT"
        ev.finalised_at = None


def mark_read(db: Database, user: CurrentUser, plan_id: str, period: str) -> None:
    """The employee confirms they have read their evaluation and feedback."""
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require_on_plan(s, user, Action.MARK_READ, plan)
        ev = _find(s, plan.id, period_of(period).code)
        if ev is None or ev.status == "DRAFT":
            raise ValidationError("Evaluasi periode ini belum difinalkan oleh pejabat penilai.")
        if ev.read_at is None:
            ev.read_at = utcnow()
