"""Build sheet data from the database, many employees at a time.

:class:`SheetLoader` reads with a handful of set-based queries per call (employees, plans,
RHK, indicators, lampiran, expectations, evaluations, feedback, realisations, unit
predikat counts), so a unit of 1,000 loads in well under a second. It does no permission
checks: :func:`authorize` (or the caller's own service) decides who may print what first,
because batch workers load on the main process's behalf.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.documents.hashing import blank_doc_id, make_doc_id
from kinerja_desktop.documents.sheet_data import (
    BlankForm,
    BlankKind,
    DokumenEvaluasiSheet,
    EvaluasiSheet,
    Indicator,
    Instansi,
    PenetapanRow,
    PenetapanSheet,
    PerilakuItem,
    Person,
    Plan,
    Rhk,
    Sheet,
    SkpSheet,
)
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import NotFound, ValidationError
from kinerja_desktop.domain.kepegawaian import (
    AsnKind,
    Aspek,
    JenisRhk,
    LampiranKind,
    Pendekatan,
    Perspektif,
    SkpVariant,
    pangkat_label,
    skp_variant_for,
)
from kinerja_desktop.domain.penilaian import Predikat, PredikatOrganisasi, Rating
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.services.plan_spans import clip, plan_spans
from kinerja_desktop.services.plan_versions import current_plans, plans_for_period
from kinerja_desktop.services.query_service import capaian_by_unit
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import (
    Employee,
    Evaluation,
    LampiranItem,
    PerilakuExpectation,
    PerilakuFeedback,
    Realisation,
    RhkFeedback,
    Setting,
    Supervision,
    Unit,
)
from kinerja_desktop.store.models import Indicator as IndicatorRow
from kinerja_desktop.store.models import Plan as PlanRow
from kinerja_desktop.store.models import Rhk as RhkRow

__all__ = ["SHEET_KINDS", "LoadFailure", "SheetLoader"]

SHEET_KINDS = ("skp", "evaluasi", "dokumen-evaluasi")
_CHUNK = 500  # ids per IN (...) query
_NUMBER = re.compile(r"[+-]?\d[\d.]*(,\d+)?")


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """An employee whose sheet could not be built (the batch prints the others)."""

    employee_id: str
    doc_id: str
    message: str


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _day(value: datetime | date | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def _enum(cls: Any, value: str | None) -> Any:
    if not value:
        return None
    try:
        return cls(value)
    except ValueError:
        return None


def format_target(value: float | None, unit: str, text: str) -> str:
    """``'12 laporan'``, ``'95,5 %'``, or the narrative target."""
    if value is None:
        return text
    number = str(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")
    return f"{number} {unit}".strip()


class SheetLoader:
    """Reads sheets for one database. Not thread-safe; one per thread or worker process."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._instansi: Instansi | None = None
        self._units: dict[str, tuple[str, str, str | None]] | None = None  # id -> (code, name, parent)

    # ------------------------------------------------------------------ shared lookups
    def instansi(self) -> Instansi:
        """The instansi from settings; the logo is the blob named by ``instansi.logo_sha256``."""
        if self._instansi is None:
            with self.db.reader() as s:
                values = {r.id: r.value for r in s.scalars(select(Setting).where(Setting.deleted.is_(False)))}
            logo_sha = str(values.get("instansi.logo_sha256") or "")
            logo = str(self.db.blobs.path(logo_sha)) if logo_sha else None
            self._instansi = Instansi(
                nama=str(values.get("instansi.name") or "PEMERINTAH KABUPATEN CONTOH"),
                alamat=str(values.get("instansi.address") or ""),
                kota=str(values.get("instansi.city") or ""),
                logo_path=logo,
            )
        return self._instansi

    def units(self) -> dict[str, tuple[str, str, str | None]]:
        if self._units is None:
            with self.db.reader() as s:
                rows = s.execute(
                    select(Unit.id, Unit.code, Unit.name, Unit.parent_id).where(Unit.deleted.is_(False))
                ).all()
            self._units = {r[0]: (r[1], r[2], r[3]) for r in rows}
        return self._units

    def unit_subtree(self, unit_id: str) -> list[str]:
        children: dict[str | None, list[str]] = defaultdict(list)
        for uid, (_code, _name, parent) in self.units().items():
            children[parent].append(uid)
        out, stack = [], [unit_id]
        while stack:
            uid = stack.pop()
            out.append(uid)
            stack.extend(children.get(uid, []))
        return out

    def ancestors(self, unit_id: str | None) -> list[str]:
        """The unit and its parents up to the root."""
        out: list[str] = []
        units = self.units()
        while unit_id and unit_id in units and unit_id not in out:
            out.append(unit_id)
            unit_id = units[unit_id][2]
        return out

    # ------------------------------------------------------------------ per-employee sheets
    def load(
        self,
        kind: str,
        employee_ids: Sequence[str],
        year: int,
        period: str | Period = "TAHUNAN",
        *,
        plan_ids: dict[str, str] | None = None,
    ) -> list[Sheet | LoadFailure]:
        """Sheets of ``kind`` for the employees, in the order given (a LoadFailure where one cannot be built).

        ``plan_ids`` (employee id -> plan id) picks a plan version other than the current one.
        """
        if kind not in SHEET_KINDS:
            raise ValidationError(f"Jenis dokumen '{kind}' tidak dikenal; gunakan {', '.join(SHEET_KINDS)}.")
        per = period_of("TAHUNAN" if kind == "skp" else period)
        with self.db.reader() as s:
            data = _Bulk(s, self, list(employee_ids), year, per, need_eval=kind != "skp", plan_ids=plan_ids)
            out: list[Sheet | LoadFailure] = []
            for eid in employee_ids:
                emp = data.employees.get(eid)
                if emp is None:
                    out.append(LoadFailure(eid, make_doc_id(kind, year, per, eid), "Pegawai tidak ditemukan."))
                    continue
                try:
                    out.append(data.sheet(kind, emp))
                except Exception as exc:  # noqa: BLE001 - one bad record must not stop the batch
                    doc_id = make_doc_id(kind, year, per, emp.nip or emp.id)
                    out.append(LoadFailure(eid, doc_id, f"Data {emp.name} tidak dapat dibaca: {exc}"))
            return out

    # ------------------------------------------------------------------ unit sheets
    def penetapan(
        self, unit_id: str, year: int, period: str | Period = "TAHUNAN", *, recursive: bool = False
    ) -> PenetapanSheet:
        per = period_of(period)
        units = self.units()
        if unit_id not in units:
            raise NotFound("Unit kerja tidak ditemukan.")
        code, name, _parent = units[unit_id]
        scope = self.unit_subtree(unit_id) if recursive else [unit_id]
        with self.db.reader() as s:
            emps = _employees_in_units(s, scope)
            ids = [e.id for e in emps]
            plans = plans_for_period(s, ids, year, per.code)
            evals = _evaluations(s, [p.id for p in plans.values()], per.code)
            org = capaian_by_unit(s, [unit_id], year, per.code).get(unit_id)
            sup = _supervisors(s, ids, year)
            head = _unit_head(emps, sup, unit_id)
            head_person = _live_person(s, head, units) if head else None
        order = {uid: i for i, uid in enumerate(sorted(scope, key=lambda u: units[u][0]))}
        emps.sort(key=lambda e: (order.get(e.unit_id or "", 0), e.name))
        rows = []
        draft = False
        finalised: list[date] = []
        for e in emps:
            plan = plans.get(e.id)
            ev = evals.get(plan.id) if plan else None
            draft = draft or (plan is not None and not _is_final(ev))
            day = _day(ev.finalised_at) if ev is not None and _is_final(ev) else None
            if day is not None:
                finalised.append(day)
            rows.append(
                PenetapanRow(
                    nama=e.name,
                    nip=e.nip or "",
                    jabatan=e.jabatan,
                    rating_hasil=_enum(Rating, ev.rating_hasil) if ev else None,
                    rating_perilaku=_enum(Rating, ev.rating_perilaku) if ev else None,
                    predikat=_enum(Predikat, ev.predikat) if ev else None,
                    unit=units.get(e.unit_id or "", ("", "", None))[1],
                )
            )
        return PenetapanSheet(
            doc_id=make_doc_id("penetapan", year, per, code + ("+" if recursive else "")),
            instansi=self.instansi(),
            year=year,
            period=per,
            unit_nama=name,
            unit_code=code,
            predikat_organisasi=_enum(PredikatOrganisasi, org),
            rows=tuple(rows),
            pimpinan=head_person,
            pimpinan_id=head.id if head_person is not None and head is not None else "",
            include_sub_units=recursive,
            tempat=self.instansi().kota,
            # dated the day its last evaluation became final: the day the predikat could be set
            tanggal=max(finalised) if finalised and not draft else None,
            draft=draft,
        )

    # ------------------------------------------------------------------ blank forms
    def blank(
        self,
        form: BlankKind,
        *,
        employee_id: str | None = None,
        year: int | None = None,
        period: str | Period | None = None,
        variant: SkpVariant | None = None,
        pendekatan: Pendekatan = Pendekatan.KUANTITATIF,
    ) -> BlankForm:
        """A blank form, with the identity of ``employee_id`` (and their penilai/atasan) when given.

        An SKP is for the year: a blank SKP form ignores ``period`` (the form prints the whole year).
        """
        per = period_of(period) if period is not None and form is not BlankKind.SKP else None
        pegawai = penilai = atasan = None
        subject: str | None = None
        if employee_id is not None:
            with self.db.reader() as s:
                emp = s.get(Employee, employee_id)
                if emp is None or emp.deleted:
                    raise NotFound("Pegawai tidak ditemukan.")
                units = self.units()
                sup = _supervisors(s, [emp.id], year or date.today().year)
                pen_id = sup.get(emp.id)
                atas_id = _supervisors(s, [pen_id], year or date.today().year).get(pen_id) if pen_id else None
                pegawai = _live_person(s, emp, units)
                penilai = _live_person(s, s.get(Employee, pen_id), units) if pen_id else None
                atasan = _live_person(s, s.get(Employee, atas_id), units) if atas_id else None
                variant = variant or skp_variant_for(emp.jenis_jabatan)
                subject = emp.nip or emp.id
        variant = variant or SkpVariant.JA_JF
        return BlankForm(
            doc_id=blank_doc_id(form.value, variant.value, pendekatan.value, year, per, subject),
            instansi=self.instansi(),
            form=form,
            variant=variant,
            pendekatan=pendekatan,
            year=year,
            period=per,
            pegawai=pegawai,
            penilai=penilai,
            atasan=atasan,
            perilaku=tuple(PerilakuItem(v.code, v.name, v.panduan) for v in BERAKHLAK),
        )


# ---------------------------------------------------------------------- bulk reading


FINAL_EVALUATION = frozenset({"FINAL", "SIGNED"})


def _is_final(ev: Evaluation | None) -> bool:
    return ev is not None and ev.status in FINAL_EVALUATION


def _employees_in_units(s: Session, unit_ids: Sequence[str]) -> list[Employee]:
    out: list[Employee] = []
    for chunk in _chunks(list(unit_ids)):
        out += s.scalars(select(Employee).where(Employee.unit_id.in_(chunk), Employee.deleted.is_(False))).all()
    return out


def _current_plans(s: Session, employee_ids: Sequence[str], year: int) -> dict[str, PlanRow]:
    return current_plans(s, employee_ids, year)


def _evaluations(s: Session, plan_ids: Sequence[str], period: str) -> dict[str, Evaluation]:
    out: dict[str, Evaluation] = {}
    for chunk in _chunks(list(plan_ids)):
        q = select(Evaluation).where(
            Evaluation.plan_id.in_(chunk), Evaluation.period == period, Evaluation.deleted.is_(False)
        )
        for ev in s.scalars(q):
            out[ev.plan_id] = ev
    return out


def _supervisors(s: Session, employee_ids: Iterable[str | None], year: int) -> dict[str, str | None]:
    """employee -> supervisor for the year (latest earlier year as fallback)."""
    ids = [i for i in employee_ids if i]
    out: dict[str, str | None] = {}
    for chunk in _chunks(ids):
        rows = s.execute(
            select(Supervision.employee_id, Supervision.supervisor_id, Supervision.year)
            .where(Supervision.employee_id.in_(chunk), Supervision.deleted.is_(False), Supervision.year <= year)
            .order_by(Supervision.year)
        ).all()
        for emp, sup, _y in rows:  # ascending years: the latest wins
            out[emp] = sup
    return out


def _unit_head(emps: Sequence[Employee], sup: dict[str, str | None], unit_id: str) -> Employee | None:
    """The head of a unit: someone placed in it whose own penilai is outside it."""
    inside = {e.id for e in emps}
    direct = [e for e in emps if e.unit_id == unit_id]
    heads = [e for e in direct if sup.get(e.id) not in inside]
    reports = Counter(v for v in sup.values() if v)
    heads.sort(key=lambda e: -reports.get(e.id, 0))
    return heads[0] if heads else None


def _live_person(s: Session, emp: Employee | None, units: dict[str, tuple[str, str, str | None]]) -> Person | None:
    if emp is None or emp.deleted:
        return None
    pangkat = ""
    if emp.golongan:
        try:
            pangkat = pangkat_label(emp.golongan, emp.asn_kind)
        except Exception:  # noqa: BLE001 - an odd legacy value is printed as written
            pangkat = emp.golongan
    unit = units.get(emp.unit_id or "", ("", "", None))[1]
    return Person(emp.name, emp.nip or "", pangkat, emp.jabatan, unit, _enum(AsnKind, emp.asn_kind) or AsnKind.PNS)


def _snapshot_person(snap: dict[str, Any] | None, kind: AsnKind) -> Person | None:
    if not snap or not snap.get("nama"):
        return None
    return Person(
        nama=str(snap.get("nama", "")),
        nip=str(snap.get("nip", "") or ""),
        pangkat=str(snap.get("pangkat", "") or ""),
        jabatan=str(snap.get("jabatan", "") or ""),
        unit=str(snap.get("unit", "") or ""),
        asn_kind=kind,
    )


class _Bulk:
    """Everything the sheets of a set of employees need, read set-wise."""

    def __init__(
        self,
        s: Session,
        loader: SheetLoader,
        employee_ids: list[str],
        year: int,
        per: Period,
        *,
        need_eval: bool,
        plan_ids: dict[str, str] | None = None,
    ) -> None:
        self.s, self.loader, self.year, self.per = s, loader, year, per
        self.units = loader.units()
        self.instansi = loader.instansi()
        self.employees: dict[str, Employee] = {}
        for chunk in _chunks(employee_ids):
            for e in s.scalars(select(Employee).where(Employee.id.in_(chunk), Employee.deleted.is_(False))):
                self.employees[e.id] = e
        ids = list(self.employees)
        # an evaluation sheet comes from the plan version its period was finalised or signed on
        self.plans = plans_for_period(s, ids, year, per.code) if need_eval else _current_plans(s, ids, year)
        for eid, pid in (plan_ids or {}).items():
            chosen = s.get(PlanRow, pid)
            if chosen is not None and chosen.employee_id == eid and not chosen.deleted:
                self.plans[eid] = chosen
        plan_ids = [p.id for p in self.plans.values()]
        self.spans = plan_spans(s, ids, year)  # only SKP that do not cover the whole year are in it
        # people named on plans (penilai/atasan) and, for employees without a plan, from the roster
        self.sup = _supervisors(s, ids, year)
        self.sup.update(_supervisors(s, [v for v in self.sup.values() if v], year))
        others = {p.penilai_id for p in self.plans.values()} | {p.atasan_penilai_id for p in self.plans.values()}
        others |= {v for v in self.sup.values() if v}
        missing = [i for i in others if i and i not in self.employees]
        self.people: dict[str, Employee] = dict(self.employees)
        for chunk in _chunks(missing):
            for e in s.scalars(select(Employee).where(Employee.id.in_(chunk))):
                self.people[e.id] = e
        self._load_plans(plan_ids)
        self.evals: dict[str, Evaluation] = {}
        self.rhk_feedback: dict[str, dict[str, str]] = defaultdict(dict)
        self.perilaku_feedback: dict[str, dict[str, str]] = defaultdict(dict)
        self.realisasi: dict[str, str] = {}
        self.actions: dict[str, str] = {}  # indicator -> its rencana aksi in the period (issue 17)
        self.distribution: dict[str, dict[Predikat, int]] = {}
        self.org_predikat: dict[str, str | None] = {}
        if need_eval:
            self._load_evaluations(plan_ids)
            self._load_org_predikat()

    # -- plan content
    def _load_plans(self, plan_ids: list[str]) -> None:
        s = self.s
        self.rhks: dict[str, list[RhkRow]] = defaultdict(list)
        self.indicators: dict[str, list[IndicatorRow]] = defaultdict(list)
        self.lampiran: dict[str, list[LampiranItem]] = defaultdict(list)
        self.expectations: dict[str, dict[str, str]] = defaultdict(dict)
        for chunk in _chunks(plan_ids):
            for r in s.scalars(select(RhkRow).where(RhkRow.plan_id.in_(chunk), RhkRow.deleted.is_(False))):
                self.rhks[r.plan_id].append(r)
            for li in s.scalars(
                select(LampiranItem).where(LampiranItem.plan_id.in_(chunk), LampiranItem.deleted.is_(False))
            ):
                self.lampiran[li.plan_id].append(li)
            for x in s.scalars(
                select(PerilakuExpectation).where(
                    PerilakuExpectation.plan_id.in_(chunk), PerilakuExpectation.deleted.is_(False)
                )
            ):
                self.expectations[x.plan_id][x.value_code] = x.text
        rhk_ids = [r.id for rows in self.rhks.values() for r in rows]
        for chunk in _chunks(rhk_ids):
            for ind in s.scalars(
                select(IndicatorRow).where(IndicatorRow.rhk_id.in_(chunk), IndicatorRow.deleted.is_(False))
            ):
                self.indicators[ind.rhk_id].append(ind)
        parents = list({r.parent_rhk_id for rows in self.rhks.values() for r in rows if r.parent_rhk_id})
        self.parent_text: dict[str, str] = {}
        for chunk in _chunks(parents):
            for rid, text in s.execute(select(RhkRow.id, RhkRow.text).where(RhkRow.id.in_(chunk))):
                self.parent_text[rid] = text

    # -- evaluation content
    def _load_evaluations(self, plan_ids: list[str]) -> None:
        s = self.s
        self.evals = _evaluations(s, plan_ids, self.per.code)
        ev_ids = [e.id for e in self.evals.values()]
        for chunk in _chunks(ev_ids):
            for fb in s.scalars(
                select(RhkFeedback).where(RhkFeedback.evaluation_id.in_(chunk), RhkFeedback.deleted.is_(False))
            ):
                self.rhk_feedback[fb.evaluation_id][fb.rhk_id] = fb.text
            for pf in s.scalars(
                select(PerilakuFeedback).where(
                    PerilakuFeedback.evaluation_id.in_(chunk), PerilakuFeedback.deleted.is_(False)
                )
            ):
                self.perilaku_feedback[pf.evaluation_id][pf.value_code] = pf.text
        ind_ids = [i.id for rows in self.indicators.values() for i in rows]
        for chunk in _chunks(ind_ids):
            for iid, text, number in s.execute(
                select(Realisation.indicator_id, Realisation.value_text, Realisation.value_number).where(
                    Realisation.indicator_id.in_(chunk),
                    Realisation.period == self.per.code,
                    Realisation.deleted.is_(False),
                )
            ):
                self.realisasi[iid] = text or (format_target(number, "", "") if number is not None else "")
            from kinerja_desktop.services.action_plan_service import actions_by_indicator

            for iid, found in actions_by_indicator(s, chunk, self.per.code).items():
                self.actions[iid] = found.summary()
        self._load_distribution()

    def _load_distribution(self) -> None:
        """Predikat counts per unit subtree (the POLA DISTRIBUSI of each employee's unit)."""
        wanted = {e.unit_id for e in self.employees.values() if e.unit_id}
        if not wanted:
            return
        scope: dict[str, list[str]] = {u: self.loader.unit_subtree(u) for u in wanted}
        all_units = sorted({u for units in scope.values() for u in units})
        per_unit: dict[str, Counter[str]] = defaultdict(Counter)
        unit_of: dict[str, str] = {}
        for chunk in _chunks(all_units):
            for eid, uid in self.s.execute(
                select(Employee.id, Employee.unit_id).where(Employee.unit_id.in_(chunk), Employee.deleted.is_(False))
            ):
                unit_of[eid] = uid
        plans = plans_for_period(self.s, list(unit_of), self.year, self.per.code)
        evals = _evaluations(self.s, [p.id for p in plans.values()], self.per.code)
        for eid, plan in plans.items():
            ev = evals.get(plan.id)
            if ev is not None and ev.predikat:
                per_unit[unit_of[eid]][ev.predikat] += 1
        for unit, units in scope.items():
            total: Counter[str] = Counter()
            for u in units:
                total.update(per_unit.get(u, Counter()))
            self.distribution[unit] = {p: total.get(p.value, 0) for p in Predikat}

    # -- assembling sheets
    def person(self, employee_id: str | None) -> Person | None:
        return _live_person(self.s, self.people.get(employee_id) if employee_id else None, self.units)

    def identities(self, emp: Employee, plan: PlanRow | None) -> tuple[Person, Person | None, Person | None]:
        if plan is not None and plan.snapshot:
            snap = plan.snapshot
            kinds = {
                key: _enum(AsnKind, self.people[i].asn_kind) if i and i in self.people else AsnKind.PNS
                for key, i in (("pegawai", emp.id), ("penilai", plan.penilai_id), ("atasan", plan.atasan_penilai_id))
            }
            pegawai = _snapshot_person(snap.get("pegawai"), kinds["pegawai"] or AsnKind.PNS) or self.person(emp.id)
            penilai = _snapshot_person(snap.get("penilai"), kinds["penilai"] or AsnKind.PNS)
            atasan = _snapshot_person(snap.get("atasan"), kinds["atasan"] or AsnKind.PNS)
            assert pegawai is not None
            return pegawai, penilai, atasan
        pegawai = self.person(emp.id)
        assert pegawai is not None
        pen_id = plan.penilai_id if plan is not None else self.sup.get(emp.id)
        atas_id = plan.atasan_penilai_id if plan is not None else (self.sup.get(pen_id) if pen_id else None)
        return pegawai, self.person(pen_id), self.person(atas_id)

    def plan_data(self, plan: PlanRow) -> Plan:
        variant = _enum(SkpVariant, plan.variant) or SkpVariant.JA_JF
        rhks = sorted(self.rhks.get(plan.id, []), key=lambda r: (r.kind != "UTAMA", r.position, r.created_at))
        items = []
        for r in rhks:
            inds = sorted(self.indicators.get(r.id, []), key=lambda i: (i.position, i.created_at))
            items.append(
                Rhk(
                    id=r.id,
                    jenis=_enum(JenisRhk, r.kind) or JenisRhk.UTAMA,
                    text=r.text,
                    indicators=tuple(
                        Indicator(
                            id=i.id,
                            iki=i.text,
                            target=format_target(i.target_value, i.target_unit, i.target_text),
                            aspek=_enum(Aspek, i.aspek),
                        )
                        for i in inds
                    ),
                    intervensi=self.parent_text.get(r.parent_rhk_id or "", ""),
                    perspektif=_enum(Perspektif, r.perspektif),
                )
            )
        lampiran: dict[LampiranKind, list[str]] = defaultdict(list)
        for li in sorted(self.lampiran.get(plan.id, []), key=lambda x: (x.kind, x.position, x.created_at)):
            kind = _enum(LampiranKind, li.kind)
            if kind is not None:
                lampiran[kind].append(li.text)
        expectations = self.expectations.get(plan.id, {})
        return Plan(
            variant=variant,
            pendekatan=_enum(Pendekatan, plan.pendekatan) or Pendekatan.KUANTITATIF,
            rhk=tuple(items),
            perilaku=tuple(PerilakuItem(v.code, v.name, v.panduan, expectations.get(v.code, "")) for v in BERAKHLAK),
            lampiran={k: tuple(v) for k, v in lampiran.items()},
            status=plan.status,
        )

    def _load_org_predikat(self) -> None:
        """Capaian Kinerja Organisasi of every employee's unit (the one rule: query_service.capaian_by_unit)."""
        units = {e.unit_id for e in self.employees.values() if e.unit_id}
        self.org_predikat = capaian_by_unit(self.s, units, self.year, self.per.code)

    def capaian(self, emp: Employee, ev: Evaluation | None) -> PredikatOrganisasi | None:
        """The unit's capaian; the evaluation's recorded value only where no unit up the tree has one
        (as query_service.capaian_organisasi, which the screens use)."""
        recorded = ev.capaian_organisasi if ev is not None else None
        return _enum(PredikatOrganisasi, self.org_predikat.get(emp.unit_id or "") or recorded)

    def realisasi_of(self, plan: PlanRow | None) -> dict[str, str]:
        """Realisasi per indicator; a bare number gets the target's unit ("16,5" -> "16,5 berkas")."""
        out: dict[str, str] = {}
        if plan is None:
            return out
        for r in self.rhks.get(plan.id, []):
            for i in self.indicators.get(r.id, []):
                text = self.realisasi.get(i.id)
                if text is None:
                    continue
                if i.target_unit and _NUMBER.fullmatch(text.strip()):
                    text = f"{text.strip()} {i.target_unit}"
                out[i.id] = text + (f"\n({self.actions[i.id]})" if i.id in self.actions else "")
        return out

    def sheet(self, kind: str, emp: Employee) -> Sheet:
        plan = self.plans.get(emp.id)
        pegawai, penilai, atasan = self.identities(emp, plan)
        plan_data = self.plan_data(plan) if plan is not None else None
        variant = plan_data.variant if plan_data else skp_variant_for(emp.jenis_jabatan)
        subject = emp.nip or emp.id
        # each SKP version is its own document: version 1 keeps the plain number, a Revisi gets V2, V3...
        version = plan.version if kind == "skp" and plan is not None else 1
        doc_id = make_doc_id(kind, self.year, self.per if version <= 1 else f"V{version}", subject)
        kota = self.instansi.kota
        span = self.spans.get(plan.id) if plan is not None else None
        if span is not None and kind != "skp":
            span = clip(span, self.per.start(self.year), self.per.end(self.year))
        if kind == "skp":
            return SkpSheet(
                doc_id=doc_id,
                instansi=self.instansi,
                year=self.year,
                pegawai=pegawai,
                penilai=penilai,
                plan=plan_data,
                tempat=kota,
                tanggal=_day(plan.approved_at) if plan else None,
                variant=variant,
                draft=plan is None or plan.status != "APPROVED",
                span=span,
            )
        ev = self.evals.get(plan.id) if plan else None
        if kind == "dokumen-evaluasi":
            return DokumenEvaluasiSheet(
                doc_id=doc_id,
                instansi=self.instansi,
                year=self.year,
                period=self.per,
                pegawai=pegawai,
                penilai=penilai,
                atasan=atasan,
                capaian_organisasi=self.capaian(emp, ev),
                predikat=_enum(Predikat, ev.predikat) if ev else None,
                catatan=ev.catatan if ev else "",
                tempat=kota,
                tanggal=_day(ev.finalised_at) if ev else None,
                draft=not _is_final(ev),
                span=span,
            )
        return EvaluasiSheet(
            doc_id=doc_id,
            instansi=self.instansi,
            year=self.year,
            period=self.per,
            pegawai=pegawai,
            penilai=penilai,
            plan=plan_data,
            capaian_organisasi=self.capaian(emp, ev),
            distribusi=self.distribution.get(emp.unit_id or "") if emp.unit_id else None,
            realisasi=self.realisasi_of(plan),
            umpan_balik_rhk=dict(self.rhk_feedback.get(ev.id, {})) if ev else {},
            umpan_balik_perilaku=dict(self.perilaku_feedback.get(ev.id, {})) if ev else {},
            rating_hasil=_enum(Rating, ev.rating_hasil) if ev else None,
            rating_perilaku=_enum(Rating, ev.rating_perilaku) if ev else None,
            predikat=_enum(Predikat, ev.predikat) if ev else None,
            tempat=kota,
            tanggal=_day(ev.finalised_at) if ev else None,
            variant=variant,
            draft=not _is_final(ev),
            span=span,
        )
