"""A pejabat penilai signs the sheets of all their subordinates in one go, with progress.

Sheets are loaded from the database in bulk (one query set per chunk), rendered, signed with
the penilai's key loaded once, stored and their records frozen; a sheet that cannot be signed
(not final yet, already signed, ...) is reported and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from cryptography import x509
from sqlalchemy import select

from kinerja_desktop.documents.loader import LoadFailure, SheetLoader
from kinerja_desktop.documents.render import render
from kinerja_desktop.documents.signed_documents import (
    DocumentView,
    check_may_sign,
    pending_pdf,
    record_signature,
    resolve_target,
)
from kinerja_desktop.documents.signing import SigningIdentity, SignOptions, sign_pdf, signature_state
from kinerja_desktop.domain.errors import KinerjaError, NotFound, ValidationError
from kinerja_desktop.domain.periods import parse_period
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Supervision, Unit

__all__ = ["BatchSignOutcome", "sign_subordinates", "subordinates"]

CHUNK = 100


@dataclass(frozen=True)
class BatchSignOutcome:
    employee_id: str
    nip: str
    name: str
    signed: bool
    message: str
    document: DocumentView | None = None


def subordinates(db: Database, user: CurrentUser, year: int, unit_code: str | None = None) -> list[Employee]:
    """The employees whose pejabat penilai in ``year`` is ``user`` (optionally only in one unit)."""
    if not user.employee_id:
        raise ValidationError("Akun ini tidak terhubung dengan pegawai; tidak ada bawahan untuk ditandatangani.")
    with db.reader() as s:
        query = (
            select(Employee)
            .join(Supervision, Supervision.employee_id == Employee.id)
            .where(Supervision.supervisor_id == user.employee_id, Supervision.year == year,
                   Supervision.deleted.is_(False), Employee.deleted.is_(False), Employee.active.is_(True))
            .order_by(Employee.name)
        )
        if unit_code:
            unit = s.scalars(select(Unit).where(Unit.code == unit_code, Unit.deleted.is_(False))).first()
            if unit is None:
                raise NotFound(f"Unit {unit_code} tidak ditemukan.")
            query = query.where(Employee.unit_id == unit.id)
        return list(s.scalars(query))


def sign_subordinates(
    db: Database,
    user: CurrentUser,
    identity: SigningIdentity,
    *,
    kind: str,
    year: int,
    period: str | None = None,
    unit_code: str | None = None,
    options: SignOptions | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    trust_roots: Sequence[x509.Certificate] | None = None,
) -> Iterator[BatchSignOutcome]:
    """Sign ``kind`` sheets of every subordinate as pejabat penilai; one outcome per person.

    The certificate is checked before the first sheet (see :meth:`SigningIdentity.check`): a refused
    one raises at once, before anything is signed or frozen.
    """
    identity.check(trust_roots)
    code = parse_period(period or "TAHUNAN").code
    people = subordinates(db, user, year, unit_code)
    loader = SheetLoader(db)
    done = 0
    for start in range(0, len(people), CHUNK):
        chunk = people[start : start + CHUNK]
        sheets = loader.load(kind, [p.id for p in chunk], year, code)
        for person, sheet in zip(chunk, sheets, strict=True):
            if cancelled is not None and cancelled():
                return
            outcome = _sign_one(db, user, identity, person, sheet, kind=kind, year=year, period=code, options=options)
            done += 1
            if progress is not None:
                progress(done, len(people), person.name)
            yield outcome


def _sign_one(
    db: Database, user: CurrentUser, identity: SigningIdentity, person: Employee, sheet: object, *,
    kind: str, year: int, period: str, options: SignOptions | None,
) -> BatchSignOutcome:
    nip, name = person.nip or "", person.name

    def fail(message: str) -> BatchSignOutcome:
        return BatchSignOutcome(person.id, nip, name, False, message)

    try:
        target = resolve_target(db, kind, nip=nip, year=year, period=period)
        check_may_sign(db, user, target, "penilai")
        pending = pending_pdf(db, target)
        if pending is not None:
            if signature_state(pending[0]).get("penilai"):
                return fail("Sudah ditandatangani pejabat penilai.")
            pdf, data_sha = pending
        else:
            if isinstance(sheet, LoadFailure):
                return fail(sheet.message)
            rendered = render(sheet)  # type: ignore[arg-type]
            pdf, data_sha = rendered.pdf, rendered.data_sha256
        result = sign_pdf(pdf, identity, "penilai", options=options)
        view = record_signature(db, user, target, result, data_sha256=data_sha)
    except KinerjaError as exc:
        return fail(str(exc))
    return BatchSignOutcome(person.id, nip, name, True, view.status_label, view)
