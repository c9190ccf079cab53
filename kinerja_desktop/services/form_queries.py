"""Small read queries the forms need (employee header, unit name), with permission checks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kinerja_desktop.domain.errors import NotFound
from kinerja_desktop.domain.penilaian import PredikatOrganisasi, check_distribution
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, Subject, require
from kinerja_desktop.services.common import CurrentUser, get_live, subject_for
from kinerja_desktop.services.plan_service import identity_of
from kinerja_desktop.services.query_service import (
    EmployeeRow,
    UnitDistribution,
    descendant_unit_ids,
    employee_rows,
    predikat_counts,
    unit_predikat,
)
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Plan, Unit


@dataclass(frozen=True)
class EmployeeHeader:
    """Who an employee page is about, the permission subject, and the year's current plan."""

    employee_id: str
    year: int
    name: str
    nip: str
    jabatan: str
    jenis_jabatan: str
    unit: str
    pangkat: str
    subject: Subject
    plan_id: str | None
    plan_status: str | None


def employee_header(db: Database, user: CurrentUser, employee_id: str, year: int,
                    plan_id: str | None = None) -> EmployeeHeader:
    """The header of an employee page; raises PermissionDenied when the user may not see the employee.

    ``plan_id`` names another SKP of that year than the current one (a Plt./Plh. SKP): its penilai, the
    acting position's, then sees the page.
    """
    with db.reader() as s:
        emp = get_live(s, Employee, employee_id, "Pegawai")
        subject = subject_for(s, employee_id, year)
        chosen = Plan.id == plan_id if plan_id else Plan.is_current.is_(True)
        plan = s.execute(
            select(Plan.id, Plan.status, Plan.penilai_id).where(
                Plan.employee_id == employee_id, Plan.year == year, chosen, Plan.deleted.is_(False),
            )
        ).first()
        if plan_id and plan is None:
            raise NotFound("SKP ini tidak ada (lagi) untuk pegawai dan tahun itu.")
        if plan is not None and plan.penilai_id and plan.penilai_id != subject.penilai_id:
            # The penilai recorded on the plan wins (as in services.common.plan_subject).
            atasan = subject_for(s, plan.penilai_id, year).penilai_id
            subject = Subject(employee_id, plan.penilai_id, atasan)
        require(user.actor, Action.VIEW_PLAN, subject)
        ident = identity_of(s, employee_id)
        return EmployeeHeader(
            employee_id=emp.id, year=year, name=emp.name, nip=emp.nip or "", jabatan=emp.jabatan,
            jenis_jabatan=emp.jenis_jabatan, unit=ident["unit"], pangkat=ident["pangkat"], subject=subject,
            plan_id=plan.id if plan else None, plan_status=plan.status if plan else None,
        )


def unit_name(db: Database, unit_id: str) -> str:
    with db.reader() as s:
        return s.execute(select(Unit.name).where(Unit.id == unit_id)).scalar() or ""


_MAX_IN_UNITS = 300


def unit_progress(
    db: Database, user: CurrentUser, unit_id: str, year: int, period: str = "TAHUNAN", *,
    org_predikat: str | None = None, recursive: bool = True,
) -> tuple[UnitDistribution, list[EmployeeRow]]:
    """The unit's predikat distribution (with the curve check) and its employees' progress rows, in one pass."""
    units = descendant_unit_ids(db, unit_id) if recursive else [unit_id]
    if len(units) > _MAX_IN_UNITS:
        # An IN list of thousands of unit ids holds the GIL for ~0.1 s while the statement is built,
        # which freezes the window of the worker that runs this; filtering the rows here does not.
        wanted = set(units)
        rows = [r for r in employee_rows(db, user, year, period) if r.unit_id in wanted]
    else:
        rows = employee_rows(db, user, year, period, unit_ids=units)
    if not user.is_admin and not rows:
        require(user.actor, Action.VIEW_UNIT)
    org = org_predikat or unit_predikat(db, unit_id, year, period)
    counts = predikat_counts(rows)
    violations = check_distribution(PredikatOrganisasi(org), counts) if org else []
    dist = UnitDistribution(unit_id, year, period_of(period).code, org, counts, len(rows), sum(counts.values()),
                            violations)
    return dist, rows
