"""A year with changes: mutasi, promosi, a new penilai, and Plt./Plh. (issue 17 item 4).

* The admin records the change from the SK (:func:`record_penugasan`): kind, TMT, the new jabatan
  and unit, the penilai, the SK number. For mutasi/promosi/ganti penilai the admin also updates
  the roster (unit, jabatan, supervisor) as usual.
* The pegawai opens the SKP for it (:func:`open_plan`). Mutasi, promosi, ganti penilai: the old SKP
  stops being current and keeps its penilai, who evaluates it up to the day before the TMT: the
  periodic evaluation that contains that day closes it (TW2 for a TMT of 1 July). Plt./Plh.: a second
  SKP beside the definitive one, with the penilai of the acting position; the definitive SKP
  carries on. While the Plt./Plh. is in force, the staff of that unit get the acting officer as
  penilai and their sheets print "Plt. <jabatan>" (plan_service snapshots, services.acting).
* The annual evaluation (:func:`year_overview`, :func:`apply_annual`) combines the SKP of the
  year by the instansi's rule (``penugasan.aturan_tahunan``; see :mod:`domain.peran`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.penilaian import Rating
from kinerja_desktop.domain.peran import (
    AnnualCombination,
    AturanTahunan,
    PenugasanKind,
    Segment,
    combine_segments,
)
from kinerja_desktop.domain.periods import PeriodKind, periods_in
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.services import evaluation_service, plan_service
from kinerja_desktop.services.common import CurrentUser, clean_text, get_live, subject_for
from kinerja_desktop.services.plan_spans import year_groups
from kinerja_desktop.services.settings_service import get_setting
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation, Plan, Unit, utcnow
from kinerja_desktop.store.models_peran import Penugasan

__all__ = [
    "ActingPlanView",
    "PenugasanView",
    "SegmentView",
    "YearView",
    "acting_plans",
    "apply_annual",
    "list_penugasan",
    "open_plan",
    "record_penugasan",
    "withdraw_penugasan",
    "year_overview",
]


@dataclass
class PenugasanView:
    id: str
    employee_id: str
    year: int
    kind: str
    kind_label: str
    tmt: date
    end_date: date | None
    jabatan: str
    unit: str
    penilai_id: str | None
    penilai: str
    nomor_sk: str
    plan_id: str | None
    closed_plan_id: str | None


@dataclass
class SegmentView:
    label: str
    start: date
    end: date
    plan_ids: list[str]
    penilai: str
    jabatan: str
    #: The period whose evaluation closes this SKP (its "AKHIR").
    closing_period: str
    evaluation_status: str
    hasil: str | None
    perilaku: str | None
    predikat: str | None


@dataclass
class YearView:
    employee_id: str
    year: int
    rule: str
    segments: list[SegmentView]
    acting: list[PenugasanView]
    combination: AnnualCombination | None
    current_plan_id: str | None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ActingPlanView:
    """A Plt./Plh. SKP: who holds the acting position, which, when, and the SKP's status."""

    plan_id: str
    employee_id: str
    nama: str
    nip: str
    jabatan: str  # "Plt. Kepala Seksi Pelayanan"
    kind_label: str
    tmt: date
    end_date: date | None
    status: str
    penilai: str


def _view(session: Session, p: Penugasan) -> PenugasanView:
    unit = session.get(Unit, p.unit_id) if p.unit_id else None
    penilai = session.get(Employee, p.penilai_id) if p.penilai_id else None
    return PenugasanView(p.id, p.employee_id, p.year, p.kind, PenugasanKind(p.kind).label, p.tmt, p.end_date,
                         p.jabatan, unit.name if unit else "", p.penilai_id, penilai.name if penilai else "",
                         p.nomor_sk, p.plan_id, p.closed_plan_id)


def record_penugasan(
    db: Database, user: CurrentUser, employee_id: str, kind: str, tmt: date, *, end_date: date | None = None,
    jabatan: str = "", unit_id: str | None = None, penilai_id: str | None = None, nomor_sk: str = "",
) -> str:
    """Record a change from its SK (admin only). Returns the penugasan id."""
    require(user.actor, Action.MANAGE_ROSTER)
    try:
        kind_ = PenugasanKind(kind)
    except ValueError as exc:
        raise ValidationError(f"Jenis penugasan tidak dikenal: {kind}. Pilih MUTASI, PROMOSI, GANTI_PENILAI, "
                              "PLT atau PLH.", field="Jenis") from exc
    if not isinstance(tmt, date):
        raise ValidationError("TMT harus tanggal.", field="TMT")
    if end_date is not None and end_date < tmt:
        raise ValidationError("Tanggal selesai tidak boleh sebelum TMT.", field="Selesai")
    if end_date is not None and end_date.year != tmt.year:
        raise ValidationError("Penugasan dicatat per tahun penilaian: tanggal selesai harus pada tahun TMT "
                              f"({tmt.year}); catat tahun berikutnya sebagai penugasan baru.", field="Selesai")
    if kind_.acting and not penilai_id:
        raise ValidationError("Plt./Plh. memerlukan pejabat penilai jabatan yang dilaksanakan.", field="Penilai")
    if kind_.acting and not jabatan.strip():
        raise ValidationError("Tulis jabatan yang dilaksanakan sebagai Plt./Plh.", field="Jabatan")
    if not kind_.acting and tmt == date(tmt.year, 1, 1):
        raise ValidationError("Perubahan ber-TMT 1 Januari tidak membelah tahun: cukup perbarui data pegawai dan "
                              "susun SKP tahun itu seperti biasa.", field="TMT")
    jabatan = clean_text(jabatan, "Jabatan", max_len=300)
    nomor_sk = clean_text(nomor_sk, "Nomor SK", max_len=120)
    with db.session(user=user.username, role="ADMIN") as s:
        get_live(s, Employee, employee_id, "Pegawai")
        if unit_id:
            get_live(s, Unit, unit_id, "Unit kerja")
        if penilai_id:
            get_live(s, Employee, penilai_id, "Pejabat penilai")
            if penilai_id == employee_id:
                raise ValidationError("Pejabat penilai tidak boleh pegawai itu sendiri.", field="Penilai")
        if not kind_.acting:
            clash = s.execute(select(Penugasan.id).where(
                Penugasan.employee_id == employee_id, Penugasan.year == tmt.year, Penugasan.tmt == tmt,
                Penugasan.deleted.is_(False), Penugasan.kind.not_in(("PLT", "PLH")))).first()
            if clash:
                raise ValidationError("Sudah ada perubahan jabatan/penilai dengan TMT yang sama.", field="TMT")
        row = Penugasan(employee_id=employee_id, year=tmt.year, kind=kind_.value, tmt=tmt, end_date=end_date,
                        jabatan=jabatan, unit_id=unit_id, penilai_id=penilai_id, nomor_sk=nomor_sk)
        s.add(row)
        s.flush()
        return row.id


def withdraw_penugasan(db: Database, user: CurrentUser, penugasan_id: str) -> None:
    """Remove a penugasan recorded by mistake (admin), as long as no SKP was opened for it."""
    require(user.actor, Action.MANAGE_ROSTER)
    with db.session(user=user.username, role="ADMIN") as s:
        row = get_live(s, Penugasan, penugasan_id, "Penugasan")
        if row.plan_id:
            raise ValidationError("SKP untuk penugasan ini sudah dibuka; penugasan tidak dapat dihapus.")
        row.deleted = True


def list_penugasan(db: Database, user: CurrentUser, employee_id: str, year: int) -> list[PenugasanView]:
    with db.reader() as s:
        require(user.actor, Action.VIEW_PLAN, subject_for(s, employee_id, year))
        rows = s.scalars(select(Penugasan).where(Penugasan.employee_id == employee_id, Penugasan.year == year,
                                                 Penugasan.deleted.is_(False)).order_by(Penugasan.tmt))
        return [_view(s, p) for p in rows]


def open_plan(db: Database, user: CurrentUser, penugasan_id: str) -> str:
    """The pegawai opens the SKP of a penugasan; returns its plan id (the same one when already open)."""
    with db.reader() as s:
        row = get_live(s, Penugasan, penugasan_id, "Penugasan")
        if row.plan_id:
            return row.plan_id
        kind = PenugasanKind(row.kind)
        unit = s.get(Unit, row.unit_id) if row.unit_id else None
        employee_id, year, penilai_id = row.employee_id, row.year, row.penilai_id
        title = ""
        if kind.acting:
            title = row.jabatan if row.jabatan.startswith(kind.prefix) else f"{kind.prefix} {row.jabatan}"
        elif row.jabatan:
            title = row.jabatan
        unit_name = unit.name if unit else ""

    def link(session: Session, plan_id: str, closed_id: str | None) -> None:
        target = session.get(Penugasan, penugasan_id)
        assert target is not None
        target.plan_id = plan_id
        if closed_id:
            target.closed_plan_id = closed_id
            target.closed_at = utcnow()

    plan_id, _closed = plan_service.open_assignment_plan(
        db, user, employee_id, year, acting=kind.acting, penilai_id=penilai_id, jabatan=title,
        unit_name=unit_name, on_created=link,
    )
    return plan_id


def acting_plans(db: Database, user: CurrentUser, year: int) -> list[ActingPlanView]:
    """The Plt./Plh. SKP of ``year`` the user rates (penilai of the acting position) or holds; an admin sees all.

    These SKP are never "current", so the employee list and the inbox (which follow the roster and the
    current SKP) do not lead to them: this list does.
    """
    me = user.employee_id
    with db.reader() as s:
        query = (select(Penugasan, Plan, Employee).join(Plan, Plan.id == Penugasan.plan_id)
                 .join(Employee, Employee.id == Penugasan.employee_id)
                 .where(Penugasan.year == year, Penugasan.deleted.is_(False), Plan.deleted.is_(False),
                        Penugasan.kind.in_((PenugasanKind.PLT.value, PenugasanKind.PLH.value)))
                 .order_by(Penugasan.tmt, Employee.name))
        if not user.is_admin:
            if not me:
                return []
            query = query.where((Plan.penilai_id == me) | (Plan.employee_id == me))
        out = []
        for row, plan, emp in s.execute(query):
            penilai = s.get(Employee, plan.penilai_id) if plan.penilai_id else None
            jabatan = ((plan.snapshot or {}).get("pegawai") or {}).get("jabatan") or row.jabatan
            out.append(ActingPlanView(plan.id, emp.id, emp.name, emp.nip or "", jabatan,
                                      PenugasanKind(row.kind).label, row.tmt, row.end_date, plan.status,
                                      penilai.name if penilai else ""))
        return out


# ---------------------------------------------------------------------------- the year


def closing_period(end: date, periods: list[str]) -> str:
    """The period whose evaluation closes an SKP that ends on ``end``: the instansi's periodic
    evaluation that contains that day (TW2 for a mutation on 1 July), TAHUNAN when it runs none."""
    for code in periods:
        p = period_of(code)
        if p.kind is not PeriodKind.TAHUNAN and p.contains(end, end.year):
            return p.code
    return "TAHUNAN"


def _closing(session: Session, plan_ids: list[str], period: str) -> Evaluation | None:
    """A segment's closing evaluation: ``period`` on its newest version that has one."""
    rows = session.execute(
        select(Evaluation, Plan.version).join(Plan, Plan.id == Evaluation.plan_id)
        .where(Evaluation.plan_id.in_(plan_ids), Evaluation.period == period, Evaluation.deleted.is_(False))
        .order_by(Plan.version.desc())
    ).all()
    return rows[0][0] if rows else None


def year_overview(db: Database, user: CurrentUser, employee_id: str, year: int) -> YearView:
    """The SKP of the year (definitive segments and Plt./Plh.) and the combined annual ratings."""
    setting = str(get_setting(db, "penugasan.aturan_tahunan") or AturanTahunan.PROPORSIONAL.value).upper()
    try:
        rule = AturanTahunan(setting)
    except ValueError as exc:
        raise ValidationError(f"Pengaturan penugasan.aturan_tahunan “{setting}” tidak dikenal; isi PROPORSIONAL "
                              "atau TERAKHIR.", field="Pengaturan") from exc
    periods = [p.code for p in periods_in(get_setting(db, "periods"))]
    with db.reader() as s:
        require(user.actor, Action.VIEW_EVALUATION, subject_for(s, employee_id, year))
        plans = list(s.scalars(select(Plan).where(Plan.employee_id == employee_id, Plan.year == year,
                                                  Plan.deleted.is_(False),
                                                  Plan.version < plan_service.ACTING_VERSION_BASE)
                               .order_by(Plan.version)))
        moves = list(s.scalars(select(Penugasan).where(Penugasan.employee_id == employee_id, Penugasan.year == year,
                                                       Penugasan.deleted.is_(False)).order_by(Penugasan.tmt)))
        segments: list[Segment] = []
        views: list[SegmentView] = []
        for start, end, group in year_groups(year, plans, moves):
            code = closing_period(end, periods)
            ev = _closing(s, [p.id for p in group], code)
            last = group[-1]
            penilai = (last.snapshot or {}).get("penilai", {}).get("nama", "")
            jabatan = (last.snapshot or {}).get("pegawai", {}).get("jabatan", "")
            hasil = ev.rating_hasil if ev else None
            perilaku = ev.rating_perilaku if ev else None
            label = f"SKP {len(views) + 1} ({jabatan})" if jabatan else f"SKP {len(views) + 1}"
            segments.append(Segment(start, end, Rating(hasil) if hasil else None,
                                    Rating(perilaku) if perilaku else None, label, last.id))
            views.append(SegmentView(label, start, end, [p.id for p in group], penilai, jabatan, code,
                                     ev.status if ev else "BELUM", hasil, perilaku, ev.predikat if ev else None))
        combination = combine_segments(segments, rule) if segments else None
        current = next((p.id for p in plans if p.is_current), None)
        acting = [_view(s, p) for p in moves if PenugasanKind(p.kind).acting]
        notes: list[str] = []
        if len(segments) > 1 and rule is AturanTahunan.PROPORSIONAL and combination and not combination.complete:
            notes.append("Evaluasi tahunan gabungan menunggu evaluasi penutup dari: "
                         + ", ".join(seg.label for seg in combination.missing) + ".")
        return YearView(employee_id, year, rule.value, views, acting, combination, current, notes)


def apply_annual(db: Database, user: CurrentUser, employee_id: str, year: int) -> str | None:
    """The last penilai writes the combined ratings into the current SKP's annual evaluation.

    Only under the PROPORSIONAL rule and only when every earlier SKP has its closing evaluation.
    Returns the predikat code.
    """
    overview = year_overview(db, user, employee_id, year)
    combo = overview.combination
    if overview.current_plan_id is None or combo is None:
        raise ValidationError("Pegawai ini belum memiliki SKP pada tahun itu.")
    if len(overview.segments) < 2:
        raise ValidationError("Tahun ini hanya ada satu SKP; evaluasi tahunan diisi seperti biasa.")
    if AturanTahunan(overview.rule) is AturanTahunan.TERAKHIR:
        raise ValidationError("Aturan instansi: rating tahunan ditetapkan pejabat penilai jabatan terakhir; isi "
                              "evaluasi tahunannya langsung (evaluasi SKP sebelumnya tampil sebagai pertimbangan).")
    if overview.segments[-1].closing_period == "TAHUNAN":
        raise ValidationError("Instansi ini tidak memakai evaluasi periodik, sehingga evaluasi SKP terakhir dan "
                              "evaluasi tahunan gabungan jatuh pada lembar yang sama; isi evaluasi tahunannya "
                              "langsung dengan mempertimbangkan evaluasi SKP sebelumnya.")
    if not combo.complete or combo.hasil is None or combo.perilaku is None:
        raise ValidationError(" ".join(overview.notes) or "Evaluasi tahunan gabungan belum dapat dihitung.")
    earlier = [seg for seg in combo.segments if seg.plan_id != overview.current_plan_id]
    if not earlier:
        raise ValidationError("Belum ada SKP sebelumnya yang dievaluasi.")
    evaluation_service.set_ratings(db, user, overview.current_plan_id, "TAHUNAN", hasil=combo.hasil.value,
                                   perilaku=combo.perilaku.value)
    note = "Evaluasi tahunan gabungan: " + combo.explain()
    current = evaluation_service.get_evaluation(db, user, overview.current_plan_id, "TAHUNAN")
    if note not in (current.catatan or ""):
        text = (current.catatan + "\n" + note).strip() if current.catatan else note
        evaluation_service.set_details(db, user, overview.current_plan_id, "TAHUNAN", catatan=text[:10_000])
    return combo.predikat.value if combo.predikat else None


def plan_assignment(session: Session, plan_id: str) -> Any:
    """The penugasan a plan was opened for (None for the first SKP of the year)."""
    return session.execute(select(Penugasan).where(Penugasan.plan_id == plan_id,
                                                   Penugasan.deleted.is_(False))).scalars().first()

