"""Planning (SKP): plans, RHK, indicators, lampiran, ekspektasi, and the review workflow.

Status flow: DRAFT -> SUBMITTED (pegawai: Ajukan) -> APPROVED (penilai: Setujui) or
RETURNED (penilai: Kembalikan with a note) -> SUBMITTED again. An approved or signed
plan changes only through :func:`revise_plan`, which makes the next version and keeps
the old one (and any signed PDF of it) untouched.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import ConflictError, FrozenError, NotFound, ValidationError
from kinerja_desktop.domain.kepegawaian import (
    Aspek,
    JenisRhk,
    LampiranKind,
    Pendekatan,
    Perspektif,
    SkpVariant,
    pangkat_label,
    skp_variant_for,
)
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, Role, Subject, require
from kinerja_desktop.services import plan_spans
from kinerja_desktop.services.acting import acting_title
from kinerja_desktop.services.common import (
    CurrentUser,
    clean_text,
    ensure_plan_editable,
    get_live,
    plan_subject,
    require_on_plan,
    soft_delete,
    subject_for,
    supervisor_of,
)
from kinerja_desktop.services.submit_rules import refusal, submit_gaps
from kinerja_desktop.store.changelog import capture
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import (
    Employee,
    Evaluation,
    Indicator,
    LampiranItem,
    PerilakuExpectation,
    Plan,
    Rhk,
    Unit,
    utcnow,
)

# ---------------------------------------------------------------------------- views


@dataclass
class IndicatorView:
    id: str
    rhk_id: str
    position: int
    aspek: str | None
    text: str
    target_value: float | None
    target_unit: str
    target_text: str

    @property
    def target_display(self) -> str:
        return format_target(self.target_value, self.target_unit, self.target_text)


@dataclass
class RhkView:
    id: str
    kind: str
    position: int
    text: str
    parent_rhk_id: str | None
    parent_text: str
    perspektif: str | None
    indicators: list[IndicatorView] = field(default_factory=list)


@dataclass
class LampiranView:
    id: str
    kind: str
    position: int
    text: str


@dataclass
class PlanView:
    id: str
    employee_id: str
    year: int
    version: int
    is_current: bool
    status: str
    pendekatan: str
    variant: str
    penilai_id: str | None
    atasan_penilai_id: str | None
    snapshot: dict[str, Any]
    review_note: str
    frozen: bool
    rhk: list[RhkView]
    lampiran: list[LampiranView]
    expectations: dict[str, str]
    updated_at: Any = None
    #: (first day, last day) when the SKP covers part of the year only (services.plan_spans).
    span: tuple[date, date] | None = None

    def period_span(self, period: Period) -> tuple[date, date]:
        """The days of ``period`` this SKP covers (the whole period when it covers the whole year)."""
        return plan_spans.clip(self.span, period.start(self.year), period.end(self.year))

    def rhk_of(self, kind: str) -> list[RhkView]:
        return [r for r in self.rhk if r.kind == kind]

    def lampiran_of(self, kind: str) -> list[LampiranView]:
        return [item for item in self.lampiran if item.kind == kind]

    @property
    def editable(self) -> bool:
        return not self.frozen and self.status in ("DRAFT", "RETURNED")


STATUS_LABELS = {
    "DRAFT": "Draf",
    "SUBMITTED": "Diajukan",
    "RETURNED": "Dikembalikan",
    "APPROVED": "Disetujui",
}

# ---------------------------------------------------------------------------- helpers

_NUMBER = re.compile(r"^\s*([+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+-]?\d+(?:[.,]\d+)?)\s*(.*)$")


def parse_target(text: str, pendekatan: str) -> tuple[float | None, str, str]:
    """Split a typed target into (value, unit, narrative) for the plan's pendekatan.

    Kuantitatif targets must start with a number ("12 laporan", "95,5 %", "1.250 berkas");
    kualitatif targets are kept as narrative text.
    """
    raw = clean_text(text, "Target", max_len=2000)
    if pendekatan == Pendekatan.KUALITATIF:
        return None, "", raw
    if not raw:
        return None, "", ""
    match = _NUMBER.match(raw)
    if not match:
        raise ValidationError(
            f"Target “{raw[:40]}” bukan angka. SKP ini memakai pendekatan kuantitatif: tulis angka lalu "
            "satuannya, misalnya “12 laporan” atau “95 %”.",
            field="Target",
        )
    number, unit = match.groups()
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?", number):
        number = number.replace(".", "").replace(",", ".")
    else:
        number = number.replace(",", ".")
    value = float(number)
    if not math.isfinite(value):
        raise ValidationError("Target terlalu besar.", field="Target")
    if value < 0:
        raise ValidationError("Target tidak boleh negatif.", field="Target")
    return value, unit.strip(), ""


def format_target(value: float | None, unit: str, text: str) -> str:
    if value is None:
        return text
    # The shortest exact decimal, never scientific notation (f"{1234567.5:g}" is "1.23457e+06").
    number = format(Decimal(repr(value)), "f") if value != int(value) else str(int(value))
    return f"{number.replace('.', ',')} {unit}".strip()


def identity_of(session: Session, employee_id: str | None) -> dict[str, str]:
    """The printed identity block of a person (NAMA, NIP, PANGKAT/GOL, JABATAN, UNIT KERJA)."""
    if not employee_id:
        return {"nama": "", "nip": "", "pangkat": "", "jabatan": "", "unit": ""}
    emp = session.get(Employee, employee_id)
    if emp is None:
        return {"nama": "", "nip": "", "pangkat": "", "jabatan": "", "unit": ""}
    unit = session.get(Unit, emp.unit_id) if emp.unit_id else None
    pangkat = ""
    if emp.golongan:
        try:
            pangkat = pangkat_label(emp.golongan, emp.asn_kind)
        except Exception:  # noqa: BLE001 - an odd legacy value is printed as written
            pangkat = emp.golongan
    return {
        "nama": emp.name,
        "nip": emp.nip or "",
        "pangkat": pangkat,
        "jabatan": emp.jabatan,
        "unit": unit.name if unit else "",
    }


def _role(user: CurrentUser, subject: Subject) -> str:
    if user.employee_id and user.employee_id == subject.employee_id:
        return Role.PEGAWAI.value
    if user.employee_id and user.employee_id == subject.penilai_id:
        return Role.PENILAI.value
    return Role.ADMIN.value if user.is_admin else Role.PEGAWAI.value


def _next_position(session: Session, column: Any, where: Any) -> int:
    current = session.execute(select(func.max(column)).where(where)).scalar()
    return int(current if current is not None else -1) + 1


def _load_plan_for_edit(session: Session, user: CurrentUser, plan_id: str) -> Plan:
    plan = get_live(session, Plan, plan_id, "SKP")
    subject = require_on_plan(session, user, Action.EDIT_PLAN, plan)
    capture(session).role = _role(user, subject)
    ensure_plan_editable(plan)
    return plan


def _plan_of_rhk(session: Session, rhk: Rhk) -> Plan:
    return get_live(session, Plan, rhk.plan_id, "SKP")


# ---------------------------------------------------------------------------- queries


def current_plan_id(db: Database, employee_id: str, year: int) -> str | None:
    with db.reader() as s:
        return s.execute(
            select(Plan.id).where(
                Plan.employee_id == employee_id, Plan.year == year, Plan.is_current.is_(True), Plan.deleted.is_(False)
            )
        ).scalar()


def plan_versions(db: Database, user: CurrentUser, employee_id: str, year: int) -> list[tuple[str, int, str]]:
    """(plan id, version, status) of every version, newest first."""
    with db.reader() as s:
        require(user.actor, Action.VIEW_PLAN, subject_for(s, employee_id, year))
        rows = s.execute(
            select(Plan.id, Plan.version, Plan.status)
            .where(Plan.employee_id == employee_id, Plan.year == year, Plan.deleted.is_(False))
            .order_by(Plan.version.desc())
        ).all()
        return [tuple(r) for r in rows]  # type: ignore[misc]


def load_plan_view(session: Session, plan: Plan) -> PlanView:
    """Assemble a plan with its RHK, indicators, lampiran and ekspektasi in four queries."""
    rhks = session.scalars(
        select(Rhk).where(Rhk.plan_id == plan.id, Rhk.deleted.is_(False)).order_by(Rhk.kind.desc(), Rhk.position)
    ).all()
    rhk_ids = [r.id for r in rhks]
    indicators: dict[str, list[IndicatorView]] = {r.id: [] for r in rhks}
    if rhk_ids:
        for ind in session.scalars(
            select(Indicator)
            .where(Indicator.rhk_id.in_(rhk_ids), Indicator.deleted.is_(False))
            .order_by(Indicator.position)
        ):
            indicators[ind.rhk_id].append(
                IndicatorView(
                    ind.id, ind.rhk_id, ind.position, ind.aspek, ind.text, ind.target_value, ind.target_unit,
                    ind.target_text,
                )
            )
    parent_ids = {r.parent_rhk_id for r in rhks if r.parent_rhk_id}
    parents: dict[str, str] = {}
    if parent_ids:
        parents = dict(session.execute(select(Rhk.id, Rhk.text).where(Rhk.id.in_(parent_ids))).all())  # type: ignore[arg-type]
    lampiran = [
        LampiranView(item.id, item.kind, item.position, item.text)
        for item in session.scalars(
            select(LampiranItem)
            .where(LampiranItem.plan_id == plan.id, LampiranItem.deleted.is_(False))
            .order_by(LampiranItem.kind, LampiranItem.position)
        )
    ]
    expectations = {v.code: "" for v in BERAKHLAK}
    for exp in session.scalars(
        select(PerilakuExpectation).where(PerilakuExpectation.plan_id == plan.id,
                                          PerilakuExpectation.deleted.is_(False))
    ):
        expectations[exp.value_code] = exp.text
    kind_order = {JenisRhk.UTAMA.value: 0, JenisRhk.TAMBAHAN.value: 1}
    rhk_views = sorted(
        (
            RhkView(
                r.id, r.kind, r.position, r.text, r.parent_rhk_id, parents.get(r.parent_rhk_id or "", ""),
                r.perspektif, indicators[r.id],
            )
            for r in rhks
        ),
        key=lambda r: (kind_order.get(r.kind, 9), r.position),
    )
    return PlanView(
        id=plan.id, employee_id=plan.employee_id, year=plan.year, version=plan.version, is_current=plan.is_current,
        status=plan.status, pendekatan=plan.pendekatan, variant=plan.variant, penilai_id=plan.penilai_id,
        atasan_penilai_id=plan.atasan_penilai_id, snapshot=dict(plan.snapshot or {}), review_note=plan.review_note,
        frozen=plan.frozen, rhk=rhk_views, lampiran=lampiran, expectations=expectations, updated_at=plan.updated_at,
        span=plan_spans.plan_spans(session, [plan.employee_id], plan.year).get(plan.id),
    )


def get_plan(db: Database, user: CurrentUser, plan_id: str) -> PlanView:
    with db.reader() as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require_on_plan(s, user, Action.VIEW_PLAN, plan)
        return load_plan_view(s, plan)


def supervisor_rhk_options(db: Database, user: CurrentUser, plan_id: str, *, approved_only: bool = False,
                           with_indicators: bool = False) -> list[tuple[str, str]]:
    """The penilai's RHK this plan can intervene in: (rhk id, text), from the penilai's current plan.

    ``approved_only``: only when that plan is approved (the guided first SKP offers agreed RHK only).
    ``with_indicators``: the label is "text — IKI: indicator; indicator", so RHK with the same text
    (a leader often repeats one across perspectives) can be told apart in a choice.
    """
    with db.reader() as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require_on_plan(s, user, Action.VIEW_PLAN, plan)
        penilai = plan.penilai_id or supervisor_of(s, plan.employee_id, plan.year)
        if not penilai:
            return []
        sup_plan = s.execute(
            select(Plan.id).where(
                Plan.employee_id == penilai, Plan.year == plan.year, Plan.is_current.is_(True), Plan.deleted.is_(False),
                *((Plan.status == "APPROVED",) if approved_only else ()),
            )
        ).scalar()
        if not sup_plan:
            return []
        rows = s.execute(
            select(Rhk.id, Rhk.text)
            .where(Rhk.plan_id == sup_plan, Rhk.deleted.is_(False))
            .order_by(Rhk.kind.desc(), Rhk.position)
        ).all()
        if not with_indicators or not rows:
            return [(r[0], r[1]) for r in rows]
        named: dict[str, list[str]] = {}
        for rhk_id, text in s.execute(
            select(Indicator.rhk_id, Indicator.text)
            .where(Indicator.rhk_id.in_([r[0] for r in rows]), Indicator.deleted.is_(False))
            .order_by(Indicator.rhk_id, Indicator.position)
        ):
            named.setdefault(rhk_id, []).append(text)
        return [(r[0], f"{r[1]} — IKI: {'; '.join(named[r[0]])}" if named.get(r[0]) else r[1]) for r in rows]


# ---------------------------------------------------------------------------- plan lifecycle


def create_plan(
    db: Database, user: CurrentUser, employee_id: str, year: int, pendekatan: str = Pendekatan.KUANTITATIF
) -> str:
    """Start the SKP of an employee for a year (the current version if one exists is returned)."""
    if not 2000 <= year <= 2100:
        raise ValidationError(f"Tahun {year} tidak masuk akal.", field="Tahun")
    try:
        pendekatan = Pendekatan(pendekatan).value
    except ValueError as exc:
        raise ValidationError(f"Pendekatan tidak dikenal: {pendekatan}.", field="Pendekatan") from exc
    with db.session(user=user.username) as s:
        emp = get_live(s, Employee, employee_id, "Pegawai")
        subject = subject_for(s, employee_id, year)
        require(user.actor, Action.EDIT_PLAN, subject)
        capture(s).role = _role(user, subject)
        existing = s.execute(
            select(Plan.id).where(
                Plan.employee_id == employee_id, Plan.year == year, Plan.is_current.is_(True), Plan.deleted.is_(False)
            )
        ).scalar()
        if existing:
            return str(existing)
        plan = Plan(
            employee_id=employee_id,
            year=year,
            version=1,
            pendekatan=pendekatan,
            variant=skp_variant_for(emp.jenis_jabatan).value,
            penilai_id=subject.penilai_id,
            atasan_penilai_id=subject.atasan_penilai_id,
            snapshot=_snapshot(s, employee_id, subject, year),
        )
        s.add(plan)
        s.flush()
        return plan.id


def _snapshot(session: Session, employee_id: str, subject: Subject, year: int | None = None) -> dict[str, Any]:
    snapshot = {
        "pegawai": identity_of(session, employee_id),
        "penilai": identity_of(session, subject.penilai_id),
        "atasan": identity_of(session, subject.atasan_penilai_id),
    }
    # A penilai who holds the position as Plt./Plh. is printed (and signs) with that title.
    for role, officer in (("penilai", subject.penilai_id), ("atasan", subject.atasan_penilai_id)):
        title = acting_title(session, officer, employee_id, _day_in(year))
        if title:
            snapshot[role]["jabatan"] = title
    return snapshot


def _day_in(year: int | None) -> date | None:
    """Today, or the nearest day of ``year`` (whose acting titles a plan of that year prints)."""
    if year is None:
        return None
    today = date.today()
    return min(max(today, date(year, 1, 1)), date(year, 12, 31))


def update_plan(db: Database, user: CurrentUser, plan_id: str, *, pendekatan: str | None = None) -> None:
    with db.session(user=user.username) as s:
        plan = _load_plan_for_edit(s, user, plan_id)
        if pendekatan is not None:
            try:
                plan.pendekatan = Pendekatan(pendekatan).value
            except ValueError as exc:
                raise ValidationError(f"Pendekatan tidak dikenal: {pendekatan}.", field="Pendekatan") from exc


def refresh_snapshot(db: Database, user: CurrentUser, plan_id: str) -> None:
    """Take the identity snapshot again from today's roster (e.g. after a mutation)."""
    with db.session(user=user.username) as s:
        plan = _load_plan_for_edit(s, user, plan_id)
        subject = subject_for(s, plan.employee_id, plan.year)
        plan.penilai_id = subject.penilai_id
        plan.atasan_penilai_id = subject.atasan_penilai_id
        plan.snapshot = _snapshot(s, plan.employee_id, subject, plan.year)


def _validate_for_submit(session: Session, plan: Plan) -> None:
    """Refuse Ajukan at the first gap :mod:`submit_rules` finds (readiness lists them all)."""
    gaps = submit_gaps(load_plan_view(session, plan))
    if gaps:
        raise refusal(gaps[0])


def submit_plan(db: Database, user: CurrentUser, plan_id: str) -> None:
    """Ajukan: the pegawai sends the plan to the penilai."""
    with db.session(user=user.username) as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        subject = require_on_plan(s, user, Action.SUBMIT_PLAN, plan)
        capture(s).role = _role(user, subject)
        ensure_plan_editable(plan)
        _validate_for_submit(s, plan)
        plan.status = "SUBMITTED"
        plan.submitted_at = utcnow()


def approve_plan(db: Database, user: CurrentUser, plan_id: str) -> None:
    """Setujui: the penilai approves a submitted plan."""
    with db.session(user=user.username) as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        subject = require_on_plan(s, user, Action.REVIEW_PLAN, plan)
        capture(s).role = _role(user, subject)
        if plan.status != "SUBMITTED":
            raise ValidationError("Hanya SKP yang sudah diajukan yang dapat disetujui.")
        plan.status = "APPROVED"
        plan.approved_at = utcnow()
        plan.review_note = ""


def return_plan(db: Database, user: CurrentUser, plan_id: str, note: str) -> None:
    """Kembalikan: the penilai sends the plan back with a note saying what to change."""
    note = clean_text(note, "Catatan pengembalian", required=True)
    with db.session(user=user.username) as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        subject = require_on_plan(s, user, Action.REVIEW_PLAN, plan)
        capture(s).role = _role(user, subject)
        if plan.frozen:
            ensure_plan_editable(plan)
        if plan.status not in ("SUBMITTED", "APPROVED"):
            raise ValidationError("Hanya SKP yang diajukan atau disetujui yang dapat dikembalikan.")
        _ensure_no_closed_evaluation(s, plan)
        plan.status = "RETURNED"
        plan.review_note = note


def _ensure_no_closed_evaluation(session: Session, plan: Plan) -> None:
    """A plan that finalised or signed evaluations were made on stays as it is (they show its RHK).

    Signatures from before plans froze with their evaluations are caught here too.
    """
    rows = session.execute(
        select(Evaluation.period, Evaluation.status, Evaluation.frozen).where(
            Evaluation.plan_id == plan.id, Evaluation.deleted.is_(False)
        )
    ).all()
    signed = sorted(period_of(p).label for p, status, frozen in rows if frozen or status == "SIGNED")
    if signed:
        raise FrozenError(
            f"Evaluasi {', '.join(signed)} atas SKP ini sudah ditandatangani; SKP tidak dapat dikembalikan. "
            "Buat Revisi: periode yang sudah ditandatangani tetap pada versi ini."
        )
    final = sorted(period_of(p).label for p, status, _frozen in rows if status == "FINAL")
    if final:
        raise ValidationError(
            f"Evaluasi {', '.join(final)} atas SKP ini sudah difinalkan; SKP tidak dapat dikembalikan. "
            "Buka kembali evaluasinya dahulu, atau buat Revisi (periode yang sudah difinalkan tetap pada versi ini)."
        )


def revise_plan(db: Database, user: CurrentUser, plan_id: str) -> str:
    """Revisi: copy the plan into a new draft version (with its rencana aksi); the old version stays as it was."""
    from kinerja_desktop.services.action_plan_service import copy_actions

    with db.session(user=user.username) as s:
        old = get_live(s, Plan, plan_id, "SKP")
        subject = require_on_plan(s, user, Action.EDIT_PLAN, old)
        capture(s).role = _role(user, subject)
        if not old.is_current:
            raise ConflictError("Hanya versi terbaru SKP yang dapat direvisi.")
        if old.status in ("DRAFT", "RETURNED") and not old.frozen:
            raise ValidationError("SKP ini masih dapat diubah langsung; revisi tidak diperlukan.")
        view = load_plan_view(s, old)
        old.is_current = False
        new = Plan(
            employee_id=old.employee_id, year=old.year, version=old.version + 1, pendekatan=old.pendekatan,
            variant=old.variant, penilai_id=subject.penilai_id, atasan_penilai_id=subject.atasan_penilai_id,
            snapshot=_snapshot(s, old.employee_id, subject, old.year),
        )
        s.add(new)
        s.flush()
        for r in view.rhk:
            rhk = Rhk(plan_id=new.id, kind=r.kind, position=r.position, text=r.text, parent_rhk_id=r.parent_rhk_id,
                      perspektif=r.perspektif)
            s.add(rhk)
            s.flush()
            copies = {}
            for i in r.indicators:
                copies[i.id] = Indicator(rhk_id=rhk.id, position=i.position, aspek=i.aspek, text=i.text,
                                         target_value=i.target_value, target_unit=i.target_unit,
                                         target_text=i.target_text)
                s.add(copies[i.id])
            s.flush()
            copy_actions(s, r.id, rhk.id, {was: ind.id for was, ind in copies.items()})
        for item in view.lampiran:
            s.add(LampiranItem(plan_id=new.id, kind=item.kind, position=item.position, text=item.text))
        for code, text in view.expectations.items():
            if text:
                s.add(PerilakuExpectation(plan_id=new.id, value_code=code, text=text))
        s.flush()
        return new.id


# ---------------------------------------------------------------------------- RHK


def _check_kind(kind: str) -> str:
    try:
        return JenisRhk(kind).value
    except ValueError as exc:
        raise ValidationError(f"Jenis RHK tidak dikenal: {kind}.", field="Jenis") from exc


def _check_perspektif(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return Perspektif(value).value
    except ValueError as exc:
        raise ValidationError(f"Perspektif tidak dikenal: {value}.", field="Perspektif") from exc


def _check_parent(session: Session, plan: Plan, parent_rhk_id: str | None) -> str | None:
    if not parent_rhk_id:
        return None
    parent = session.get(Rhk, parent_rhk_id)
    if parent is None or parent.deleted:
        raise ValidationError("RHK pimpinan yang diintervensi tidak ditemukan.", field="RHK Pimpinan")
    parent_plan = session.get(Plan, parent.plan_id)
    if parent_plan is None or parent_plan.employee_id == plan.employee_id:
        raise ValidationError("RHK yang diintervensi harus RHK milik pimpinan, bukan milik sendiri.",
                              field="RHK Pimpinan")
    return parent.id


def add_rhk(
    db: Database, user: CurrentUser, plan_id: str, *, kind: str = JenisRhk.UTAMA, text: str = "",
    parent_rhk_id: str | None = None, perspektif: str | None = None, position: int | None = None,
) -> str:
    kind = _check_kind(kind)
    text = clean_text(text, "Rencana Hasil Kerja")
    with db.session(user=user.username) as s:
        plan = _load_plan_for_edit(s, user, plan_id)
        return _insert_rhk(s, plan, kind, text, parent_rhk_id, perspektif, position)


def _insert_rhk(session: Session, plan: Plan, kind: str, text: str, parent_rhk_id: str | None,
                perspektif: str | None, position: int | None) -> str:
    """Insert one RHK into an editable plan (the one path every new RHK takes)."""
    parent = _check_parent(session, plan, parent_rhk_id)
    siblings = list(
        session.scalars(
            select(Rhk)
            .where(Rhk.plan_id == plan.id, Rhk.kind == kind, Rhk.deleted.is_(False))
            .order_by(Rhk.position)
        )
    )
    pos = len(siblings) if position is None else max(0, min(position, len(siblings)))
    for sib in siblings[pos:]:
        sib.position += 1
    rhk = Rhk(plan_id=plan.id, kind=kind, position=pos, text=text, parent_rhk_id=parent,
              perspektif=_check_perspektif(perspektif))
    session.add(rhk)
    session.flush()
    return rhk.id


def add_rhk_with_indicators(
    db: Database, user: CurrentUser, plan_id: str, *, kind: str = JenisRhk.UTAMA, text: str,
    parent_rhk_id: str | None = None, perspektif: str | None = None,
    indicators: list[dict[str, Any]] | None = None, on_created: Any = None,
) -> str:
    """Add an RHK with its indicators in one transaction (a draft RHK accepted from the matriks peran
    hasil or an import). ``indicators``: ``{"aspek", "text", "target"}`` each; ``on_created(session,
    rhk_id)`` runs in the same transaction (it records where the RHK came from)."""
    kind = _check_kind(kind)
    text = clean_text(text, "Rencana Hasil Kerja", required=True)
    with db.session(user=user.username) as s:
        plan = _load_plan_for_edit(s, user, plan_id)
        rhk_id = _insert_rhk(s, plan, kind, text, parent_rhk_id, perspektif, None)
        rhk = s.get(Rhk, rhk_id)
        assert rhk is not None
        for item in indicators or []:
            _insert_indicator(s, plan, rhk, clean_text(item.get("text"), "Indikator Kinerja Individu"),
                              item.get("aspek"), str(item.get("target") or ""), None)
        if on_created is not None:
            on_created(s, rhk_id)
        return rhk_id


_UNSET: Any = object()


def update_rhk(
    db: Database, user: CurrentUser, rhk_id: str, *, text: str | None = None, parent_rhk_id: Any = _UNSET,
    perspektif: Any = _UNSET, kind: str | None = None,
) -> None:
    with db.session(user=user.username) as s:
        rhk = get_live(s, Rhk, rhk_id, "RHK")
        plan = _load_plan_for_edit(s, user, rhk.plan_id)
        if text is not None:
            rhk.text = clean_text(text, "Rencana Hasil Kerja")
        if parent_rhk_id is not _UNSET:
            rhk.parent_rhk_id = _check_parent(s, plan, parent_rhk_id)
        if perspektif is not _UNSET:
            rhk.perspektif = _check_perspektif(perspektif)
        if kind is not None and _check_kind(kind) != rhk.kind:
            _renumber(s, plan.id, rhk.kind, exclude=rhk.id)
            rhk.kind = kind
            rhk.position = _next_position(s, Rhk.position, (Rhk.plan_id == plan.id) & (Rhk.kind == kind)
                                          & Rhk.deleted.is_(False))


def _renumber(session: Session, plan_id: str, kind: str, exclude: str | None = None) -> list[Rhk]:
    rows = [
        r for r in session.scalars(
            select(Rhk).where(Rhk.plan_id == plan_id, Rhk.kind == kind, Rhk.deleted.is_(False)).order_by(Rhk.position)
        ) if r.id != exclude
    ]
    for i, r in enumerate(rows):
        if r.position != i:
            r.position = i
    return rows


def move_rhk(db: Database, user: CurrentUser, rhk_id: str, new_position: int) -> None:
    """Move an RHK within its group (Utama or Tambahan) to ``new_position`` (0-based)."""
    with db.session(user=user.username) as s:
        rhk = get_live(s, Rhk, rhk_id, "RHK")
        _load_plan_for_edit(s, user, rhk.plan_id)
        rows = _renumber(s, rhk.plan_id, rhk.kind, exclude=rhk.id)
        new_position = max(0, min(new_position, len(rows)))
        rows.insert(new_position, rhk)
        for i, r in enumerate(rows):
            if r.position != i:
                r.position = i


def remove_rhk(db: Database, user: CurrentUser, rhk_id: str) -> None:
    """Remove an RHK with its indicators (tombstones; :func:`restore_rhk` undoes it)."""
    with db.session(user=user.username) as s:
        rhk = get_live(s, Rhk, rhk_id, "RHK")
        _load_plan_for_edit(s, user, rhk.plan_id)
        soft_delete(rhk)
        _renumber(s, rhk.plan_id, rhk.kind, exclude=rhk.id)


def restore_rhk(db: Database, user: CurrentUser, rhk_id: str, position: int | None = None) -> None:
    with db.session(user=user.username) as s:
        rhk = s.get(Rhk, rhk_id)
        if rhk is None:
            raise NotFound("RHK tidak ditemukan.")
        _load_plan_for_edit(s, user, rhk.plan_id)
        rows = _renumber(s, rhk.plan_id, rhk.kind, exclude=rhk.id)
        rhk.deleted = False
        pos = len(rows) if position is None else max(0, min(position, len(rows)))
        rows.insert(pos, rhk)
        for i, r in enumerate(rows):
            if r.position != i:
                r.position = i


# ---------------------------------------------------------------------------- indicators


def _check_aspek(value: str | None, variant: str) -> str | None:
    if not value:
        return None if variant == SkpVariant.JPT else Aspek.KUANTITAS.value
    try:
        return Aspek(value).value
    except ValueError as exc:
        raise ValidationError(f"Aspek tidak dikenal: {value}.", field="Aspek") from exc


def _live_indicators(session: Session, rhk_id: str) -> list[Indicator]:
    return list(session.scalars(
        select(Indicator).where(Indicator.rhk_id == rhk_id, Indicator.deleted.is_(False)).order_by(Indicator.position)
    ))


def add_indicator(
    db: Database, user: CurrentUser, rhk_id: str, *, text: str = "", aspek: str | None = None, target: str = "",
    position: int | None = None,
) -> str:
    text = clean_text(text, "Indikator Kinerja Individu")
    with db.session(user=user.username) as s:
        rhk = get_live(s, Rhk, rhk_id, "RHK")
        plan = _load_plan_for_edit(s, user, rhk.plan_id)
        return _insert_indicator(s, plan, rhk, text, aspek, target, position)


def _insert_indicator(session: Session, plan: Plan, rhk: Rhk, text: str, aspek: str | None, target: str,
                      position: int | None) -> str:
    value, unit, narrative = parse_target(target, plan.pendekatan)
    siblings = _live_indicators(session, rhk.id)
    pos = len(siblings) if position is None else max(0, min(position, len(siblings)))
    for sib in siblings[pos:]:
        sib.position += 1
    ind = Indicator(rhk_id=rhk.id, position=pos, aspek=_check_aspek(aspek, plan.variant), text=text,
                    target_value=value, target_unit=unit, target_text=narrative)
    session.add(ind)
    session.flush()
    return ind.id


def update_indicator(
    db: Database, user: CurrentUser, indicator_id: str, *, text: str | None = None, aspek: Any = _UNSET,
    target: str | None = None,
) -> None:
    with db.session(user=user.username) as s:
        ind = get_live(s, Indicator, indicator_id, "Indikator")
        rhk = get_live(s, Rhk, ind.rhk_id, "RHK")
        plan = _load_plan_for_edit(s, user, rhk.plan_id)
        if text is not None:
            ind.text = clean_text(text, "Indikator Kinerja Individu")
        if aspek is not _UNSET:
            ind.aspek = _check_aspek(aspek, plan.variant)
        if target is not None:
            ind.target_value, ind.target_unit, ind.target_text = parse_target(target, plan.pendekatan)


def move_indicator(db: Database, user: CurrentUser, indicator_id: str, new_position: int) -> None:
    with db.session(user=user.username) as s:
        ind = get_live(s, Indicator, indicator_id, "Indikator")
        rhk = get_live(s, Rhk, ind.rhk_id, "RHK")
        _load_plan_for_edit(s, user, rhk.plan_id)
        rows = [i for i in _live_indicators(s, rhk.id) if i.id != ind.id]
        rows.insert(max(0, min(new_position, len(rows))), ind)
        for n, row in enumerate(rows):
            if row.position != n:
                row.position = n


def remove_indicator(db: Database, user: CurrentUser, indicator_id: str) -> None:
    _set_indicator_deleted(db, user, indicator_id, True)


def restore_indicator(db: Database, user: CurrentUser, indicator_id: str) -> None:
    _set_indicator_deleted(db, user, indicator_id, False)


def _set_indicator_deleted(db: Database, user: CurrentUser, indicator_id: str, deleted: bool) -> None:
    with db.session(user=user.username) as s:
        ind = s.get(Indicator, indicator_id)
        if ind is None:
            raise NotFound("Indikator tidak ditemukan.")
        rhk = get_live(s, Rhk, ind.rhk_id, "RHK")
        _load_plan_for_edit(s, user, rhk.plan_id)
        ind.deleted = deleted


# ---------------------------------------------------------------------------- lampiran & ekspektasi


def add_lampiran(db: Database, user: CurrentUser, plan_id: str, kind: str, text: str) -> str:
    try:
        kind = LampiranKind(kind).value
    except ValueError as exc:
        raise ValidationError(f"Jenis lampiran tidak dikenal: {kind}.", field="Lampiran") from exc
    text = clean_text(text, "Lampiran", required=True)
    with db.session(user=user.username) as s:
        plan = _load_plan_for_edit(s, user, plan_id)
        pos = _next_position(s, LampiranItem.position, (LampiranItem.plan_id == plan.id) & (LampiranItem.kind == kind)
                             & LampiranItem.deleted.is_(False))
        item = LampiranItem(plan_id=plan.id, kind=kind, position=pos, text=text)
        s.add(item)
        s.flush()
        return item.id


def update_lampiran(db: Database, user: CurrentUser, item_id: str, text: str) -> None:
    text = clean_text(text, "Lampiran", required=True)
    with db.session(user=user.username) as s:
        item = get_live(s, LampiranItem, item_id, "Butir lampiran")
        _load_plan_for_edit(s, user, item.plan_id)
        item.text = text


def set_lampiran_deleted(db: Database, user: CurrentUser, item_id: str, deleted: bool) -> None:
    with db.session(user=user.username) as s:
        item = s.get(LampiranItem, item_id)
        if item is None:
            raise NotFound("Butir lampiran tidak ditemukan.")
        _load_plan_for_edit(s, user, item.plan_id)
        item.deleted = deleted


def set_expectation(db: Database, user: CurrentUser, plan_id: str, value_code: str, text: str) -> None:
    """Ekspektasi Khusus Pimpinan for one BerAKHLAK value (written by the pejabat penilai)."""
    if value_code not in {v.code for v in BERAKHLAK}:
        raise ValidationError(f"Nilai BerAKHLAK tidak dikenal: {value_code}.", field="Perilaku")
    text = clean_text(text, "Ekspektasi Khusus Pimpinan")
    with db.session(user=user.username) as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        subject = plan_subject(s, plan)
        require(user.actor, Action.EDIT_EXPECTATION, subject)
        capture(s).role = _role(user, subject)
        if plan.frozen or plan.status == "APPROVED":
            ensure_plan_editable(plan)
        row = s.execute(
            select(PerilakuExpectation).where(
                PerilakuExpectation.plan_id == plan.id, PerilakuExpectation.value_code == value_code
            )
        ).scalar()
        if row is None:
            s.add(PerilakuExpectation(plan_id=plan.id, value_code=value_code, text=text))
        else:
            row.text = text
            row.deleted = False


# ---------------------------------------------------------------------------- a year with changes

#: Plt./Plh. SKP are numbered from here (100, 200, ...) so the definitive SKP's versions never collide.
ACTING_VERSION_BASE = plan_spans.ACTING_VERSION_BASE


def open_assignment_plan(
    db: Database, user: CurrentUser, employee_id: str, year: int, *, acting: bool, penilai_id: str | None = None,
    jabatan: str = "", unit_name: str = "", on_created: Any = None,
) -> tuple[str, str | None]:
    """Open the SKP of a new assignment: (new plan id, closed plan id).

    Mutasi, promosi or a new penilai (``acting=False``): the current SKP stops being current (its
    evaluations stay with it) and the new one becomes current. Plt./Plh. (``acting=True``): a second
    SKP beside the definitive one, never current, with its own penilai. ``on_created(session, plan_id,
    closed_id)`` runs in the same transaction.
    """
    with db.session(user=user.username) as s:
        emp = get_live(s, Employee, employee_id, "Pegawai")
        roster = subject_for(s, employee_id, year)
        require(user.actor, Action.EDIT_PLAN, roster)
        capture(s).role = _role(user, roster)
        plans = list(s.scalars(select(Plan).where(Plan.employee_id == employee_id, Plan.year == year,
                                                  Plan.deleted.is_(False))))
        penilai = penilai_id or roster.penilai_id
        atasan = supervisor_of(s, penilai, year) if penilai else None
        subject = Subject(employee_id=employee_id, penilai_id=penilai, atasan_penilai_id=atasan)
        closed: Plan | None = None
        definitive = [p for p in plans if p.version < ACTING_VERSION_BASE]
        if acting:
            top = max((p.version for p in plans if p.version >= ACTING_VERSION_BASE), default=0)
            version = (top // ACTING_VERSION_BASE + 1) * ACTING_VERSION_BASE
        else:
            version = max((p.version for p in definitive), default=0) + 1
            closed = next((p for p in definitive if p.is_current), None)
            if closed is not None:
                closed.is_current = False
        source = closed or next((p for p in definitive if p.is_current), None)
        snapshot = _snapshot(s, employee_id, subject, year)
        if jabatan:
            snapshot["pegawai"]["jabatan"] = jabatan
        if unit_name:
            snapshot["pegawai"]["unit"] = unit_name
        plan = Plan(
            employee_id=employee_id, year=year, version=version, is_current=not acting,
            pendekatan=source.pendekatan if source else Pendekatan.KUANTITATIF.value,
            variant=skp_variant_for(emp.jenis_jabatan).value, penilai_id=penilai, atasan_penilai_id=atasan,
            snapshot=snapshot,
        )
        s.add(plan)
        s.flush()
        if on_created is not None:
            on_created(s, plan.id, closed.id if closed else None)
        return plan.id, (closed.id if closed else None)
