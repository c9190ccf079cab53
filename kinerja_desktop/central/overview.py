"""The instansi at a glance, from a database holding the whole instansi (usually the central replica).

Per unit (its own employees) and for the whole instansi, for a year and period: SKP drafted,
submitted and approved; employees who reported a realisation in the period; evaluations final and
signed; the predikat distribution and, for units with a predikat organisasi, the curve check over
the unit and its sub-units (broken rules in words); progress over the configured periods of the
year; the last time a PC used by the unit's people was synced here; and each unit's people.
The year is read once in a handful of grouped queries (:func:`load_instansi`, run in a worker by the
GUI); every period, unit and person view is then derived in memory (:class:`InstansiYear`), so a view
change on the 20,000-employee office costs milliseconds (tests/bench/bench_overview.py). Admins only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from kinerja_desktop.domain.errors import KinerjaError, PermissionDenied
from kinerja_desktop.domain.penilaian import Predikat, PredikatOrganisasi, check_distribution
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.periods import periods_in
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.settings_service import get_setting
from kinerja_desktop.services.spreadsheet_safety import neutralise_row
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import (
    ChangeLog,
    Employee,
    Evaluation,
    Indicator,
    Plan,
    Realisation,
    Rhk,
    Unit,
    UnitPredikat,
    UserAccount,
)
from kinerja_desktop.store.sync_models import SyncPeer

__all__ = ["InstansiOverview", "InstansiYear", "PersonOverview", "UnitOverview", "instansi_overview", "load_instansi",
           "write_xlsx"]


@dataclass
class UnitOverview:
    """Counts for one unit's own ASN employees (``code`` ``'*'`` for the whole instansi)."""

    code: str
    name: str
    parent_code: str = ""
    unit_id: str = ""
    employees: int = 0
    skp: Counter[str] = field(default_factory=Counter)  # DRAFT / SUBMITTED / APPROVED (current plan)
    realised: int = 0
    finalised: int = 0  # FINAL or SIGNED
    signed: int = 0
    predikat: Counter[str] = field(default_factory=Counter)
    progress: dict[str, int] = field(default_factory=dict)  # period code -> evaluations final or signed
    org_predikat: str | None = None
    violations: list[str] = field(default_factory=list)
    last_sync: datetime | None = None

    @property
    def completion(self) -> float:
        """Share of employees whose evaluation of the period is final or signed."""
        return self.finalised / self.employees if self.employees else 1.0

    def to_dict(self) -> dict[str, object]:
        return {"kode": self.code, "nama": self.name, "induk": self.parent_code, "pegawai": self.employees,
                "skp": dict(self.skp), "realisasi": self.realised, "final": self.finalised, "ttd": self.signed,
                "predikat": dict(self.predikat), "progres": self.progress, "predikat_organisasi": self.org_predikat,
                "kurva_dilanggar": self.violations, "sinkron_terakhir": self.last_sync,
                "persen_selesai": round(100 * self.completion, 1)}


@dataclass
class InstansiOverview:
    year: int
    period: str
    periods: list[str]
    units: list[UnitOverview]
    total: UnitOverview

    def lagging(self, n: int = 10) -> list[UnitOverview]:
        """The units with employees whose evaluations are least complete; among equals, the unit with
        the most employees still waiting first (a 120-person unit at 0% before a one-person unit)."""
        staffed = [u for u in self.units if u.employees]
        return sorted(staffed, key=lambda u: (u.completion, u.finalised - u.employees, u.code))[:n]

    def broken_curves(self) -> list[UnitOverview]:
        return [u for u in self.units if u.violations]

    def silent(self, since: datetime) -> list[UnitOverview]:
        """Units with employees whose PCs have not synced since ``since`` (or never)."""
        return [u for u in self.units if u.employees and (u.last_sync is None or u.last_sync < since)]


def _add(into: UnitOverview, unit: UnitOverview) -> None:
    into.employees += unit.employees
    into.skp.update(unit.skp)
    into.realised += unit.realised
    into.finalised += unit.finalised
    into.signed += unit.signed
    into.predikat.update(unit.predikat)
    for code, n in unit.progress.items():
        into.progress[code] = into.progress.get(code, 0) + n
    if unit.last_sync and (into.last_sync is None or unit.last_sync > into.last_sync):
        into.last_sync = unit.last_sync


#: Local meta key: {"upto": the last change-log id read, "users": {device: [usernames]}, "at": {device: ISO time
#: of its newest change}} of the changes applied here.
DEVICE_USERS_KEY = "overview.device_users"


def _device_users(db: Database, conn: Connection) -> tuple[dict[str, list[str]], dict[str, datetime]]:
    """Who wrote on which device, and when the device's newest change was made, from the changes applied
    here, read incrementally.

    The change log only grows, so what was found so far is kept in local meta with the last id read,
    and each load reads only newer entries. Grouping the whole log of a central replica (a million
    entries for 20,000 employees) cost 0.7 s of CPU on every load.
    """
    state = db.meta(DEVICE_USERS_KEY) or {}
    upto = int(state.get("upto") or 0)
    users: dict[str, list[str]] = {k: list(v) for k, v in (state.get("users") or {}).items()}
    newest: dict[str, datetime] = {}
    for k, v in (state.get("at") or {}).items():
        try:
            newest[k] = datetime.fromisoformat(v)
        except (TypeError, ValueError):
            continue
    top = conn.execute(select(func.max(ChangeLog.id))).scalar() or 0
    if top < upto or (top > upto and upto and "at" not in state):  # replaced database, or state of an older version
        upto, users, newest = 0, {}, {}
    if top > upto:
        for device, username, at in conn.execute(
                select(ChangeLog.device_id, ChangeLog.user, func.max(ChangeLog.at))
                .where(ChangeLog.id > upto, ChangeLog.id <= top, ChangeLog.local.is_(False))
                .group_by(ChangeLog.device_id, ChangeLog.user)).all():
            if username and username not in users.setdefault(device, []):
                users[device].append(username)
            if at is not None and (device not in newest or at > newest[device]):
                newest[device] = at
        try:
            db.set_meta(DEVICE_USERS_KEY, {"upto": top, "users": users,
                                           "at": {k: v.isoformat() for k, v in newest.items()}})
        except KinerjaError:  # a read-only database still gets its overview, only slower next time
            pass
    return users, newest


#: Rank of an evaluation status: the best version of a period is the signed one, then a final one.
_RANK = {"DRAFT": 0, "FINAL": 1, "SIGNED": 2}
_DONE = ("FINAL", "SIGNED")


@dataclass(frozen=True)
class PersonOverview:
    """One ASN employee's year as the overview counts it (``evaluation`` is the best version of the period)."""

    employee_id: str
    nip: str
    name: str
    unit_id: str
    skp: str | None  # status of the current plan of the year
    evaluation: str | None  # DRAFT / FINAL / SIGNED
    predikat: str | None  # of a final or signed evaluation
    realised: bool  # reported a realisation in the period (the final period: in any period of the year)


class InstansiYear:
    """Everything the overview shows for one year, read once (:func:`load_instansi`); every period, unit and
    person view is then derived here in memory, without another query (issue 18: every view change under
    300 ms after the first load on the 20,000-employee office)."""

    def __init__(self, year: int, codes: list[str], units: dict[str, tuple[str, str, str | None]],
                 people: dict[str, tuple[str, str, str]], skp: dict[str, str],
                 evaluations: dict[str, dict[str, tuple[str, str | None]]], realised: dict[str, tuple[str, ...]],
                 org: list[tuple[str, str, str]], last_sync: dict[str, datetime]) -> None:
        self.year, self.codes = year, codes
        self._units = units  # id -> (code, name, parent id)
        self._people = people  # employee id -> (unit id, nip, name): active PNS and PPPK of a live unit
        self._skp, self._evaluations, self._realised = skp, evaluations, realised
        self._org, self._last_sync = org, last_sync
        self._by_unit: dict[str, list[str]] = defaultdict(list)
        for emp_id, (unit_id, _nip, _name) in sorted(people.items(), key=lambda kv: (kv[1][2], kv[1][1])):
            self._by_unit[unit_id].append(emp_id)
        self._children: dict[str, list[str]] = defaultdict(list)
        for uid, (_code, _name, parent) in units.items():
            if parent in units:
                self._children[parent].append(uid)
        self._cache: dict[str, InstansiOverview] = {}
        # Per unit, once (this runs in the loading worker): the counts that do not depend on the period, and
        # per period those that do, so a period view adds up 2,500 units rather than 20,000 people
        # (146 ms of CPU per period change on the 20,000-employee office when it went through the people).
        self._base: dict[str, tuple[int, Counter[str], dict[str, int]]] = {}
        self._done: dict[tuple[str, str], tuple[int, int, Counter[str]]] = {}
        self._reported: Counter[tuple[str, str]] = Counter()
        self._reported_any: Counter[str] = Counter()
        done: dict[tuple[str, str], list[Any]] = {}
        for uid, emp_ids in self._by_unit.items():
            skp_counts: Counter[str] = Counter()
            progress: dict[str, int] = {}
            for emp_id in emp_ids:
                status = skp.get(emp_id)
                if status is not None:
                    skp_counts[status] += 1
                for ev_period, (ev_status, predikat) in (evaluations.get(emp_id) or {}).items():
                    if ev_status not in _DONE:
                        continue
                    progress[ev_period] = progress.get(ev_period, 0) + 1
                    counts = done.setdefault((uid, ev_period), [0, 0, Counter()])
                    counts[0] += 1
                    counts[1] += ev_status == "SIGNED"
                    if predikat:
                        counts[2][predikat] += 1
                periods = realised.get(emp_id)
                if periods:
                    self._reported_any[uid] += 1
                    for rea_period in periods:
                        self._reported[(uid, rea_period)] += 1
            self._base[uid] = (len(emp_ids), skp_counts, progress)
        self._done = {k: (v[0], v[1], v[2]) for k, v in done.items()}

    def overview(self, period: str = "TAHUNAN") -> InstansiOverview:
        """Every unit's figures for ``period`` and the instansi's totals (kept: asking again costs nothing)."""
        per = period_of(period)
        if per.code not in self._cache:
            self._cache[per.code] = self._derive(per.code, per.is_final)
        return self._cache[per.code]

    def _derive(self, code: str, final: bool) -> InstansiOverview:
        units = self._units
        out = {uid: UnitOverview(c, n, units[p][0] if p in units else "", uid) for uid, (c, n, p) in units.items()}
        # The counters are shared by the periods' views, not copied (read-only, like the whole overview):
        # 25,000 fewer objects for the collector to walk with every period of 2,500 units kept.
        for uid, (employees, skp_counts, progress) in self._base.items():
            u = out[uid]
            u.employees, u.skp, u.progress = employees, skp_counts, progress
            u.realised = self._reported_any[uid] if final else self._reported[(uid, code)]
            if (uid, code) in self._done:
                u.finalised, u.signed, u.predikat = self._done[(uid, code)]
        for uid, when in self._last_sync.items():
            if uid in out:
                out[uid].last_sync = when
        org = {uid: p for uid, p, _per in sorted(
            (row for row in self._org if row[2] in (code, "TAHUNAN")),
            key=lambda row: row[2] == code)}  # the period's own predikat wins over the annual one

        def subtree(uid: str) -> Counter[str]:
            counts = Counter(out[uid].predikat)
            for child in self._children.get(uid, []):
                counts.update(subtree(child))
            return counts

        for uid, predikat_org in org.items():
            if uid not in out:
                continue
            out[uid].org_predikat = predikat_org
            out[uid].violations = [v.message for v in check_distribution(
                PredikatOrganisasi(predikat_org), {Predikat(k): n for k, n in subtree(uid).items()})]
        total = UnitOverview("*", "Seluruh instansi")
        ordered = sorted(out.values(), key=lambda u: u.code)
        for u in ordered:
            _add(total, u)
        codes = list(self.codes)
        if code not in codes:
            codes.append(code)
        return InstansiOverview(self.year, code, codes, ordered, total)

    def people(self, unit_id: str, period: str = "TAHUNAN") -> list[PersonOverview]:
        """The unit's own ASN employees (by name) with their SKP, evaluation and realisation in ``period``."""
        per = period_of(period)
        rows = []
        for emp_id in self._by_unit.get(unit_id, []):
            _unit, nip, name = self._people[emp_id]
            status, predikat = (self._evaluations.get(emp_id) or {}).get(per.code, (None, None))
            periods = self._realised.get(emp_id) or ()
            rows.append(PersonOverview(emp_id, nip, name, unit_id, self._skp.get(emp_id), status,
                                       predikat if status in _DONE else None,
                                       bool(periods) and (per.is_final or per.code in periods)))
        return rows

    def sub_units(self, unit_id: str) -> list[str]:
        """Ids of the unit's direct sub-units, by code."""
        return sorted(self._children.get(unit_id, []), key=lambda uid: self._units[uid][0])


def load_instansi(db: Database, user: CurrentUser, year: int,
                  progress: Callable[[str, int, int], None] | None = None) -> InstansiYear:
    """Read the year once, in a few grouped queries over covering indexes (migration 0009). Admins only.

    ``progress(stage, done, total)`` is told each step (for a worker's progress bar and cancel button).
    """
    if not user.is_admin:
        raise PermissionDenied("Hanya admin kepegawaian yang dapat melihat ringkasan seluruh instansi.",
                               code="permission.overview")
    report = progress or (lambda _stage, _done, _total: None)
    steps = 7
    codes = [p.code for p in periods_in(get_setting(db, "periods"))]
    with db.engine.connect() as s:
        # Plain column rows on a Core connection (no ORM loading), read from covering indexes (migration 0009).
        report("Unit dan pegawai", 0, steps)
        units = {uid: (code, name, parent) for uid, code, name, parent in s.execute(
            select(Unit.id, Unit.code, Unit.name, Unit.parent_id).where(Unit.deleted.is_(False)))}
        people = {emp_id: (unit_id, nip or "", name or "") for emp_id, unit_id, nip, name in s.execute(
            select(Employee.id, Employee.unit_id, Employee.nip, Employee.name).where(
                Employee.deleted.is_(False), Employee.active.is_(True), Employee.asn_kind.in_(("PNS", "PPPK"))))
            if unit_id in units}
        report("SKP", 1, steps)
        skp = {emp_id: status for emp_id, status in s.execute(select(Plan.employee_id, Plan.status).where(
            Plan.year == year, Plan.deleted.is_(False), Plan.is_current.is_(True))) if emp_id in people}
        # Every evaluation of the year, any plan version: per employee and period the best one
        # (signed over final over draft; drafts never count as done).
        report("Evaluasi", 2, steps)
        evaluations: dict[str, dict[str, tuple[str, str | None]]] = {}
        for emp_id, ev_period, status, predikat in s.execute(
                select(Plan.employee_id, Evaluation.period, Evaluation.status, Evaluation.predikat)
                .join(Plan, Plan.id == Evaluation.plan_id)
                .where(Plan.year == year, Plan.deleted.is_(False), Evaluation.deleted.is_(False))):
            if emp_id not in people or status not in _RANK:
                continue
            mine = evaluations.setdefault(emp_id, {})
            seen = mine.get(ev_period)
            if seen is None or _RANK[status] > _RANK[seen[0]]:
                mine[ev_period] = (status, predikat)
        # Per employee, the periods with at least one realisation on an indicator of a plan of the year
        # (one grouped pass over the covering indexes; the final period counts any of them).
        report("Realisasi", 3, steps)
        realised: dict[str, set[str]] = defaultdict(set)
        for emp_id, rea_period in s.execute(
                select(Plan.employee_id, Realisation.period)
                .join(Rhk, Rhk.plan_id == Plan.id).join(Indicator, Indicator.rhk_id == Rhk.id)
                .join(Realisation, Realisation.indicator_id == Indicator.id)
                .where(Plan.year == year, Plan.deleted.is_(False), Realisation.deleted.is_(False))
                .group_by(Plan.employee_id, Realisation.period)):
            if emp_id in people:
                realised[emp_id].add(rea_period)
        report("Predikat organisasi", 4, steps)
        org = [(uid, p, per) for uid, p, per in s.execute(
            select(UnitPredikat.unit_id, UnitPredikat.predikat, UnitPredikat.period).where(
                UnitPredikat.year == year, UnitPredikat.deleted.is_(False)))]
        # Last sync: devices applied here, mapped to units through the accounts that wrote on them.
        report("Sinkronisasi terakhir", 5, steps)
        last_sync: dict[str, datetime] = {}
        peer_time = {d: t for d, t in s.execute(select(SyncPeer.device_id, SyncPeer.updated_at))}
        if peer_time:
            account_emp = {name: emp for name, emp in s.execute(select(UserAccount.username,
                                                                        UserAccount.employee_id))}
            users, newest = _device_users(db, s)
            for device, usernames in users.items():
                when = peer_time.get(device)
                if when is None:
                    continue
                if device in newest:  # when the PC made its newest change that arrived (not later than arrival)
                    when = min(when, newest[device])
                for username in usernames:
                    unit_id = people.get(account_emp.get(username) or "", ("",))[0]
                    if unit_id and (unit_id not in last_sync or when > last_sync[unit_id]):
                        last_sync[unit_id] = when
    report("Menyusun ringkasan", 6, steps)
    # Tuples, not sets: the collector stops tracking tuples of strings, 20,000 fewer objects for every full
    # collection to walk (a full collection paused the GUI thread for 80 ms of CPU with the year loaded).
    data = InstansiYear(year, codes, units, people, skp, evaluations,
                        {emp: tuple(sorted(periods)) for emp, periods in realised.items()}, org, last_sync)
    report("Selesai", steps, steps)
    return data


def instansi_overview(db: Database, user: CurrentUser, year: int, period: str = "TAHUNAN") -> InstansiOverview:
    """Every unit's figures for ``year`` and ``period`` and the instansi's totals (one load, one period)."""
    return load_instansi(db, user, year).overview(period)


def write_xlsx(ov: InstansiOverview, path: str | Path) -> Path:
    """The per-unit table (and the instansi's totals, code ``*``) as one neutralised sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Unit"
    predikat = ["SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"]
    head = ["kode_unit", "nama_unit", "kode_induk", "pegawai", "skp_draf", "skp_diajukan", "skp_disetujui",
            "realisasi", "evaluasi_final", "ditandatangani", "persen_selesai", *[p.lower() for p in predikat],
            *[f"final_{c.lower()}" for c in ov.periods], "predikat_organisasi", "kurva_dilanggar", "sinkron_terakhir"]
    ws.append(neutralise_row(head))
    for u in [*ov.units, ov.total]:
        ws.append(neutralise_row([
            u.code, u.name, u.parent_code, u.employees, u.skp.get("DRAFT", 0), u.skp.get("SUBMITTED", 0),
            u.skp.get("APPROVED", 0), u.realised, u.finalised, u.signed, round(100 * u.completion, 1),
            *[u.predikat.get(p, 0) for p in predikat], *[u.progress.get(c, 0) for c in ov.periods],
            u.org_predikat or "", "; ".join(u.violations), u.last_sync]))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    wb.save(path)
    return Path(path)
