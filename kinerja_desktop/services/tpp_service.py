"""The TPP recap for the finance office: per person and unit, monthly or for the year.

A month takes the predikat of the shortest final (or signed) periodic evaluation that covers it:
a monthly evaluation, else the quarter's, else the semester's. The instansi's table
(:class:`~kinerja_desktop.domain.tpp.TppRule`, setting ``tpp.aturan``) turns it into the percent
of the performance share and of the whole TPP. Only admins read the recap or change the table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.domain.penilaian import Predikat
from kinerja_desktop.domain.periods import MONTH_NAMES, PeriodKind, period
from kinerja_desktop.domain.tpp import TppRule, parse_rule
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.settings_service import get_setting, set_setting
from kinerja_desktop.services.spreadsheet_safety import neutralise_row
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation, Plan, Unit

__all__ = ["SETTING_KEY", "TppLine", "TppMonth", "TppRecap", "UnitSummary", "get_rule", "recap", "set_rule",
           "write_xlsx"]

SETTING_KEY = "tpp.aturan"
PREDIKAT_SHORT = {Predikat.SANGAT_BAIK: "SB", Predikat.BAIK: "B", Predikat.BUTUH_PERBAIKAN: "BP",
                  Predikat.KURANG: "K", Predikat.SANGAT_KURANG: "SK"}


def _require_admin(user: CurrentUser) -> None:
    if not user.is_admin:
        raise PermissionDenied("Hanya admin kepegawaian yang dapat membuat rekap TPP atau mengubah aturannya.",
                               code="permission.tpp")


def get_rule(db: Database) -> TppRule:
    """The instansi's TPP table (the example default until an admin sets one)."""
    return parse_rule(get_setting(db, SETTING_KEY))


def set_rule(db: Database, user: CurrentUser, data: dict[str, Any]) -> TppRule:
    """Validate and store the instansi's TPP table (synced like every setting)."""
    _require_admin(user)
    rule = parse_rule({**get_rule(db).to_json(), **data,
                       "persen": {**get_rule(db).to_json()["persen"], **(data.get("persen") or {})}})
    set_setting(db, user, SETTING_KEY, rule.to_json())
    return rule


@dataclass(frozen=True)
class TppMonth:
    month: int
    period: str  # evaluation period that gave the predikat, "" when none
    predikat: str | None
    share: Decimal  # percent of the performance share
    tpp: Decimal  # percent of the whole TPP


@dataclass(frozen=True)
class TppLine:
    nip: str
    nama: str
    jabatan: str
    golongan: str
    unit_code: str
    unit_name: str
    months: tuple[TppMonth, ...]
    annual_predikat: str | None = None

    @property
    def average_tpp(self) -> Decimal:
        return (sum((m.tpp for m in self.months), Decimal(0)) / len(self.months)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class UnitSummary:
    code: str
    name: str
    people: int
    average_tpp: Decimal
    predikat_counts: tuple[tuple[str, int], ...]
    without_evaluation: int


@dataclass
class TppRecap:
    year: int
    month: int | None  # None: the whole year
    rule: TppRule
    scope: str
    lines: list[TppLine] = field(default_factory=list)

    @property
    def months(self) -> list[int]:
        return [self.month] if self.month else list(range(1, 13))

    @property
    def title_period(self) -> str:
        return f"BULAN {MONTH_NAMES[self.month - 1].upper()} {self.year}" if self.month else f"TAHUN {self.year}"

    def units(self) -> list[UnitSummary]:
        groups: dict[tuple[str, str], list[TppLine]] = {}
        for line in self.lines:
            groups.setdefault((line.unit_code, line.unit_name), []).append(line)
        out = []
        for (code, name), lines in groups.items():
            months = [m for line in lines for m in line.months]
            counts = Counter(m.predikat for m in months if m.predikat)
            avg = sum((m.tpp for m in months), Decimal(0)) / max(len(months), 1)
            out.append(UnitSummary(code, name, len(lines), avg.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
                                   tuple((PREDIKAT_SHORT[p], counts.get(p.value, 0)) for p in PREDIKAT_SHORT),
                                   sum(1 for m in months if not m.predikat)))
        return out


_RANK = {"SIGNED": 2, "FINAL": 1}


def recap(db: Database, user: CurrentUser, year: int, *, month: int | None = None,
          unit_code: str | None = None) -> TppRecap:
    """The recap of ``year`` (one ``month`` or all twelve) for the instansi or one unit with its sub-units."""
    _require_admin(user)
    if month is not None and not 1 <= month <= 12:
        raise ValidationError("Bulan harus 1 sampai 12.", field="bulan")
    rule = get_rule(db)
    with db.reader() as s:
        units = {u.id: u for u in s.scalars(select(Unit).where(Unit.deleted.is_(False)))}
        scope_ids: set[str] | None = None
        scope = "Seluruh instansi"
        if unit_code:
            root = next((u for u in units.values() if u.code == unit_code.strip()), None)
            if root is None:
                raise ValidationError(f"Unit {unit_code} tidak ditemukan.", field="unit")
            scope, scope_ids = f"{root.name} ({root.code})", {root.id}
            grew = True
            while grew:
                more = {u.id for u in units.values() if u.parent_id in scope_ids} - scope_ids
                scope_ids |= more
                grew = bool(more)
        emps = [e for e in s.scalars(select(Employee).where(Employee.deleted.is_(False), Employee.active.is_(True),
                                                           Employee.asn_kind.in_(("PNS", "PPPK"))))
                if scope_ids is None or e.unit_id in scope_ids]
        evals: dict[str, dict[str, tuple[int, str]]] = {}
        for emp_id, code, status, predikat in s.execute(
                select(Plan.employee_id, Evaluation.period, Evaluation.status, Evaluation.predikat)
                .join(Plan, Plan.id == Evaluation.plan_id)
                .where(Plan.year == year, Plan.deleted.is_(False), Evaluation.deleted.is_(False),
                       Evaluation.status.in_(("FINAL", "SIGNED")), Evaluation.predikat.is_not(None))):
            mine = evals.setdefault(emp_id, {})
            if code not in mine or _RANK[status] > mine[code][0]:
                mine[code] = (_RANK[status], predikat)
    result = TppRecap(year=year, month=month, rule=rule, scope=scope)
    for emp in sorted(emps, key=lambda e: (units[e.unit_id].code if e.unit_id in units else "", e.nip or e.name)):
        mine = evals.get(emp.id, {})
        periodic = sorted(((period(c), p) for c, (_r, p) in mine.items() if period(c).kind is not PeriodKind.TAHUNAN),
                          key=lambda cp: cp[0].months)
        months = []
        for m in result.months:
            hit = next(((per.code, pred) for per, pred in periodic if per.first_month <= m <= per.last_month), None)
            pred = hit[1] if hit else None
            months.append(TppMonth(m, hit[0] if hit else "", pred, rule.share_for(pred), rule.tpp_percent(pred)))
        unit = units.get(emp.unit_id or "")
        annual = mine.get("TAHUNAN")
        result.lines.append(TppLine(emp.nip or "", emp.name, emp.jabatan, emp.golongan or "",
                                    unit.code if unit else "", unit.name if unit else "", tuple(months),
                                    annual[1] if annual else None))
    return result


def _pct(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def write_xlsx(rec: TppRecap, path: str | Path) -> Path:
    """Sheets ``Pegawai`` (one row per person), ``Unit`` (per-unit summary) and ``Aturan`` (the rule used)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Pegawai"
    if rec.month:
        head = ["kode_unit", "unit", "nip", "nama", "jabatan", "golongan", "periode_evaluasi", "predikat",
                "persen_porsi_kinerja", "persen_tpp"]
    else:
        head = ["kode_unit", "unit", "nip", "nama", "jabatan", "golongan",
                *[f"tpp_{MONTH_NAMES[m - 1][:3].lower()}" for m in range(1, 13)], "rata_rata_persen_tpp",
                "predikat_tahunan"]
    ws.append(neutralise_row(head))
    for line in rec.lines:
        base = [line.unit_code, line.unit_name, line.nip, line.nama, line.jabatan, line.golongan]
        if rec.month:
            m = line.months[0]
            row = [*base, m.period, Predikat(m.predikat).label if m.predikat else "belum ada evaluasi final",
                   _pct(m.share), _pct(m.tpp)]
        else:
            row = [*base, *[_pct(m.tpp) for m in line.months], _pct(line.average_tpp),
                   Predikat(line.annual_predikat).label if line.annual_predikat else ""]
        ws.append(neutralise_row(row))
    ws2 = wb.create_sheet("Unit")
    ws2.append(neutralise_row(["kode_unit", "unit", "pegawai", "rata_rata_persen_tpp",
                               *PREDIKAT_SHORT.values(), "bulan_tanpa_evaluasi"]))
    for u in rec.units():
        ws2.append(neutralise_row([u.code, u.name, u.people, _pct(u.average_tpp), *[n for _p, n in u.predikat_counts],
                                   u.without_evaluation]))
    ws3 = wb.create_sheet("Aturan")
    ws3.append(neutralise_row([f"Rekap TPP {rec.title_period.lower()} — {rec.scope}"]))
    ws3.append(neutralise_row([f"Dasar: {rec.rule.dasar or '-'}"]))
    for line in rec.rule.lines():
        ws3.append(neutralise_row([line]))
    for sheet in (ws, ws2):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    out = Path(path)
    wb.save(out)
    return out

