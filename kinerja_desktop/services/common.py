"""What every service shares: the signed-in user, permission subjects, lookups, tombstones."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import FrozenError, NotFound, ValidationError
from kinerja_desktop.domain.permissions import Action, Subject, require
from kinerja_desktop.services.identity import CurrentUser
from kinerja_desktop.store.models import Evaluation, Plan, Supervision, SyncedBase

T = TypeVar("T", bound=SyncedBase)

#: Longest free text accepted in any narrative field (RHK, feedback, notes).
MAX_TEXT = 10_000


def get_live(session: Session, model: type[T], row_id: str | None, what: str = "Data") -> T:
    """Fetch a row that exists and is not a tombstone, or raise NotFound."""
    obj = session.get(model, row_id) if row_id else None
    if obj is None or obj.deleted:
        raise NotFound(f"{what} tidak ditemukan.")
    return obj


def soft_delete(obj: SyncedBase) -> None:
    """Tombstone a row (sync and the audit trail keep it)."""
    obj.deleted = True


def supervisor_of(session: Session, employee_id: str, year: int) -> str | None:
    """The pejabat penilai of an employee for a year, falling back to the latest known year."""
    row = session.execute(
        select(Supervision.supervisor_id)
        .where(Supervision.employee_id == employee_id, Supervision.deleted.is_(False), Supervision.year <= year)
        .order_by(Supervision.year.desc())
        .limit(1)
    ).first()
    if row is None:
        row = session.execute(
            select(Supervision.supervisor_id)
            .where(Supervision.employee_id == employee_id, Supervision.deleted.is_(False))
            .order_by(Supervision.year.asc())
            .limit(1)
        ).first()
    return row[0] if row else None


def subject_for(session: Session, employee_id: str, year: int) -> Subject:
    """The permission subject of an employee's records for a year (per the roster)."""
    penilai = supervisor_of(session, employee_id, year)
    atasan = supervisor_of(session, penilai, year) if penilai else None
    return Subject(employee_id=employee_id, penilai_id=penilai, atasan_penilai_id=atasan)


def plan_subject(session: Session, plan: Plan) -> Subject:
    """Subject of a plan: the penilai recorded on the plan wins over today's roster."""
    subject = subject_for(session, plan.employee_id, plan.year)
    if plan.penilai_id and plan.penilai_id != subject.penilai_id:
        atasan = supervisor_of(session, plan.penilai_id, plan.year)
        return Subject(employee_id=plan.employee_id, penilai_id=plan.penilai_id, atasan_penilai_id=atasan)
    return subject


def require_on_plan(session: Session, user: CurrentUser, action: Action, plan: Plan) -> Subject:
    subject = plan_subject(session, plan)
    require(user.actor, action, subject)
    return subject


def ensure_plan_editable(plan: Plan) -> None:
    """Plan content changes only while draft (or returned); never once signed."""
    if plan.frozen:
        raise FrozenError(
            "SKP ini sudah ditandatangani (SKP-nya atau lembar evaluasinya) dan dibekukan; buat Revisi untuk "
            "mengubahnya."
        )
    if plan.status not in ("DRAFT", "RETURNED"):
        raise ValidationError(
            "SKP sudah diajukan atau disetujui dan tidak dapat diubah. Minta dikembalikan atau buat Revisi."
        )


def ensure_evaluation_editable(evaluation: Evaluation) -> None:
    if evaluation.frozen or evaluation.status == "SIGNED":
        raise FrozenError("Evaluasi ini sudah ditandatangani dan tidak dapat diubah lagi.")
    if evaluation.status == "FINAL":
        raise ValidationError("Evaluasi sudah difinalkan dan tidak dapat diubah.")


def clean_text(value: str | None, field: str, *, required: bool = False, max_len: int = MAX_TEXT) -> str:
    """Normalise a narrative text: strip, check length, refuse control characters."""
    text = (value or "").replace("\r\n", "\n").strip()
    if required and not text:
        raise ValidationError(f"{field} wajib diisi.", field=field)
    if len(text) > max_len:
        def dots(n: int) -> str:  # Indonesian thousands separator; the sentence keeps its comma
            return f"{n:,}".replace(",", ".")

        raise ValidationError(
            f"{field} terlalu panjang: {dots(len(text))} karakter, paling banyak {dots(max_len)}.",
            field=field,
        )
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise ValidationError(f"{field} berisi karakter kendali yang tidak dapat dicetak.", field=field)
    return text
