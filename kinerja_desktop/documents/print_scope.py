"""Who is printed: employees by NIP, by unit (optionally with sub-units) or by id, and whether the
acting user may print each of them (``Action.PRINT``: the pegawai, the penilai, an admin)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from kinerja_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from kinerja_desktop.domain.nip import normalize_nip
from kinerja_desktop.domain.permissions import Action, Subject, may, require
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.query_service import descendant_unit_ids
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Plan, Supervision, Unit

__all__ = ["Denied", "Target", "authorize", "authorize_unit", "resolve_employees", "resolve_unit"]

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Target:
    """One employee to print."""

    employee_id: str
    nip: str
    nama: str
    unit_code: str = ""


@dataclass(frozen=True, slots=True)
class Denied:
    target: Target
    message: str


def resolve_unit(db: Database, code: str) -> tuple[str, str, str]:
    """(id, code, name) of a unit by code (case-insensitive)."""
    with db.reader() as s:
        row = s.execute(
            select(Unit.id, Unit.code, Unit.name).where(Unit.code == code.strip(), Unit.deleted.is_(False))
        ).first()
        if row is None:
            row = next(
                (
                    r
                    for r in s.execute(select(Unit.id, Unit.code, Unit.name).where(Unit.deleted.is_(False)))
                    if r[1].casefold() == code.strip().casefold()
                ),
                None,
            )
    if row is None:
        raise NotFound(f"Unit kerja dengan kode '{code}' tidak ditemukan.")
    return row[0], row[1], row[2]


def resolve_employees(
    db: Database,
    *,
    nips: Sequence[str] = (),
    unit_code: str | None = None,
    recursive: bool = False,
    employee_ids: Sequence[str] = (),
) -> list[Target]:
    """The employees named by NIP, id, or unit; a unit's employees come ordered by unit code, then name."""
    if not nips and not unit_code and not employee_ids:
        raise ValidationError("Pilih pegawai: --nip NIP atau --unit KODE.")
    out: list[Target] = []
    with db.reader() as s:
        units = {r[0]: r[1] for r in s.execute(select(Unit.id, Unit.code).where(Unit.deleted.is_(False)))}
        for raw in nips:
            nip = normalize_nip(raw)
            emp = s.scalars(select(Employee).where(Employee.nip == nip, Employee.deleted.is_(False))).first()
            if emp is None:
                raise NotFound(f"Pegawai dengan NIP {nip} tidak ditemukan.")
            out.append(Target(emp.id, emp.nip or "", emp.name, units.get(emp.unit_id or "", "")))
        for eid in employee_ids:
            emp = s.get(Employee, eid)
            if emp is None or emp.deleted:
                raise NotFound("Pegawai tidak ditemukan.")
            out.append(Target(emp.id, emp.nip or "", emp.name, units.get(emp.unit_id or "", "")))
    if unit_code:
        unit_id, _code, _name = resolve_unit(db, unit_code)
        scope = descendant_unit_ids(db, unit_id) if recursive else [unit_id]
        found: list[Target] = []
        with db.reader() as s:
            for i in range(0, len(scope), _CHUNK):
                rows = s.execute(
                    select(Employee.id, Employee.nip, Employee.name, Employee.unit_id).where(
                        Employee.unit_id.in_(scope[i : i + _CHUNK]), Employee.deleted.is_(False)
                    )
                ).all()
                found += [Target(r[0], r[1] or "", r[2], units.get(r[3] or "", "")) for r in rows]
        found.sort(key=lambda t: (t.unit_code, t.nama))
        out += found
    seen: set[str] = set()
    return [t for t in out if not (t.employee_id in seen or seen.add(t.employee_id))]  # type: ignore[func-returns-value]


def authorize(
    db: Database, user: CurrentUser, targets: Sequence[Target], year: int
) -> tuple[list[Target], list[Denied]]:
    """Split ``targets`` into those ``user`` may print and those refused (with the reason)."""
    if user.is_admin:
        return list(targets), []
    ids = [t.employee_id for t in targets]
    sup: dict[str, str | None] = {}
    plan_penilai: dict[str, str | None] = {}
    with db.reader() as s:
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            for emp, boss, _y in s.execute(
                select(Supervision.employee_id, Supervision.supervisor_id, Supervision.year)
                .where(Supervision.employee_id.in_(chunk), Supervision.deleted.is_(False), Supervision.year <= year)
                .order_by(Supervision.year)
            ):
                sup[emp] = boss
            for emp, penilai in s.execute(
                select(Plan.employee_id, Plan.penilai_id).where(
                    Plan.employee_id.in_(chunk), Plan.year == year, Plan.is_current.is_(True), Plan.deleted.is_(False)
                )
            ):
                plan_penilai[emp] = penilai
    allowed: list[Target] = []
    denied: list[Denied] = []
    for t in targets:
        penilai = plan_penilai.get(t.employee_id) or sup.get(t.employee_id)
        subject = Subject(t.employee_id, penilai, None)
        if may(user.actor, Action.PRINT, subject):
            allowed.append(t)
        else:
            try:
                require(user.actor, Action.PRINT, subject)
            except PermissionDenied as exc:
                denied.append(Denied(t, str(exc)))
    return allowed, denied


def authorize_unit(user: CurrentUser) -> None:
    """Unit documents (Penetapan Predikat Kinerja) are printed by an admin."""
    require(user.actor, Action.PRINT, None)
