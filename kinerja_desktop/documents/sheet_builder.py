"""One sheet of a record, as the signing commands need it: ``build_sheet(db, user, kind, plan_id, period)``."""

from __future__ import annotations

from kinerja_desktop.documents.loader import SHEET_KINDS, LoadFailure, SheetLoader
from kinerja_desktop.documents.print_scope import Target, authorize
from kinerja_desktop.documents.sheet_data import Sheet
from kinerja_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Plan

__all__ = ["build_sheet"]


def build_sheet(db: Database, user: CurrentUser, kind: str, plan_id: str, period: str | None = None) -> Sheet:
    """The sheet of ``kind`` (``skp``, ``evaluasi``, ``dokumen-evaluasi``) for a plan (any version).

    Raises PermissionDenied unless ``user`` may print it, NotFound for an unknown plan.
    """
    if kind not in SHEET_KINDS:
        raise ValidationError(f"Jenis dokumen '{kind}' tidak dikenal; gunakan {', '.join(SHEET_KINDS)}.")
    with db.reader() as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.deleted:
            raise NotFound("SKP tidak ditemukan.")
        emp = s.get(Employee, plan.employee_id)
        if emp is None:
            raise NotFound("Pegawai tidak ditemukan.")
        target = Target(emp.id, emp.nip or "", emp.name)
        year = plan.year
    allowed, denied = authorize(db, user, [target], year)
    if denied:
        raise PermissionDenied(denied[0].message)
    (sheet,) = SheetLoader(db).load(kind, [target.employee_id], year, period or "TAHUNAN", plan_ids={emp.id: plan_id})
    if isinstance(sheet, LoadFailure):
        raise ValidationError(sheet.message)
    return sheet
