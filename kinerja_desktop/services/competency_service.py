"""Competency standards per jabatan (PermenPAN-RB 38/2017), assessed levels and the gap.

The managerial (8) and sosial kultural (1) catalogue with its level descriptions ships as data
(``data/kompetensi/manajerial_38_2017.json``). A jabatan's standard is what the admin recorded
(typed in or imported, :mod:`competency_import`); a managerial or sosial kultural competency the
admin did not record falls back to the level the catalogue gives the jenis jabatan, shown as
"bawaan". Teknis competencies exist only when recorded. Assessed levels are entered by the
penilai or imported by the admin (assessment centre, uji kompetensi); the latest per competency
counts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.domain.tindak_lanjut import ASSESSMENT_SOURCES, COMPETENCY_KINDS, Gap
from kinerja_desktop.resources import resource_path
from kinerja_desktop.services.common import CurrentUser, clean_text, get_live, subject_for
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee
from kinerja_desktop.store.models_tindak_lanjut import CompetencyAssessment, CompetencyStandard

__all__ = [
    "CatalogueEntry",
    "CompetencyProfile",
    "assess",
    "catalogue",
    "default_level",
    "profile",
    "set_standard",
    "standards_for",
]


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    code: str
    kind: str
    name: str
    definition: str
    levels: tuple[str, ...]

    def level_text(self, level: int) -> str:
        return self.levels[level - 1] if 1 <= level <= len(self.levels) else ""


@cache
def _catalogue_data() -> dict[str, Any]:
    with open(resource_path("kompetensi", "manajerial_38_2017.json"), encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def catalogue() -> tuple[CatalogueEntry, ...]:
    """The managerial and sosial kultural competencies of PermenPAN-RB 38/2017."""
    return tuple(CatalogueEntry(c["code"], c["kind"], c["name"], c["definition"], tuple(c["levels"]))
                 for c in _catalogue_data()["competencies"])


def catalogue_source() -> str:
    return str(_catalogue_data()["source"])


def default_level(jenis_jabatan: str, jenjang: str | None = None) -> int:
    """The managerial level the catalogue gives a jenis jabatan (and jenjang for a fungsional)."""
    table: dict[str, int] = _catalogue_data()["standard_levels"]
    if jenis_jabatan == "FUNGSIONAL" and jenjang:
        key = f"FUNGSIONAL_{jenjang.upper().replace('_', ' ').replace('AHLI ', '').split()[-1]}"
        if key in table:
            return table[key]
    return table.get(jenis_jabatan, 1)


@dataclass(frozen=True, slots=True)
class StandardRow:
    code: str
    kind: str
    name: str
    level: int
    description: str
    recorded: bool  # False: the catalogue's level for the jenis jabatan ("bawaan")


def standards_for(session: Session, jabatan: str, jenis_jabatan: str = "PELAKSANA",
                  jenjang: str | None = None) -> list[StandardRow]:
    """The standard of a jabatan: recorded rows, then the catalogue's defaults for what is missing."""
    recorded = {r.code: r for r in session.scalars(
        select(CompetencyStandard).where(CompetencyStandard.jabatan == jabatan.strip(),
                                         CompetencyStandard.deleted.is_(False)))}
    rows: list[StandardRow] = []
    fallback = default_level(jenis_jabatan, jenjang)
    for entry in catalogue():
        rec = recorded.pop(entry.code, None)
        level = rec.level if rec else fallback
        description = rec.description if rec and rec.description else entry.level_text(level)
        rows.append(StandardRow(entry.code, entry.kind, entry.name, level, description, rec is not None))
    for rec in sorted(recorded.values(), key=lambda r: r.code):
        rows.append(StandardRow(rec.code, rec.kind, rec.name, rec.level, rec.description, True))
    return rows


def check_level(value: Any, what: str = "Level") -> int:
    try:
        level = int(str(value).strip())
    except (TypeError, ValueError):
        level = 0
    if not 1 <= level <= 5 or str(value).strip() not in {str(level), f"{level}.0"}:
        raise ValidationError(f"{what} harus angka 1 sampai 5, bukan “{value}”.", field=what)
    return level


def check_code(code: str) -> str:
    text = (code or "").strip().upper()
    if not text or len(text) > 24 or not all(ch.isalnum() or ch in "-_." for ch in text):
        raise ValidationError(f"Kode kompetensi “{code}” tidak sah (huruf/angka, paling banyak 24 karakter).",
                              field="Kode")
    return text


def standard_values(jabatan: str, code: str, level: Any, *, name: str = "", kind: str = "",
                    description: str = "") -> dict[str, Any]:
    """Checked values of one standard row (for the form, the CLI and the import)."""
    jab = clean_text(jabatan, "Jabatan", required=True, max_len=300)
    code = check_code(code)
    known = {e.code: e for e in catalogue()}
    entry = known.get(code)
    kind = (kind or (entry.kind if entry else "TEKNIS")).strip().upper().replace(" ", "_")
    if kind not in COMPETENCY_KINDS:
        raise ValidationError(f"Jenis kompetensi “{kind}” tidak dikenal; gunakan {', '.join(COMPETENCY_KINDS)}.",
                              field="Jenis")
    if entry is not None and kind != entry.kind:
        raise ValidationError(f"Kode {code} adalah kompetensi {COMPETENCY_KINDS[entry.kind].lower()} "
                              "menurut PermenPAN-RB 38/2017.", field="Jenis")
    if entry is None and kind != "TEKNIS":
        raise ValidationError(f"Kode {code} tidak ada di katalog PermenPAN-RB 38/2017 (M1-M8, S1); "
                              "kompetensi lain dicatat sebagai TEKNIS.", field="Kode")
    name = clean_text(name, "Nama kompetensi", max_len=200) or (entry.name if entry else "")
    if not name:
        raise ValidationError("Nama kompetensi teknis wajib diisi.", field="Nama kompetensi")
    lvl = check_level(level)
    desc = clean_text(description, "Deskripsi") or (entry.level_text(lvl) if entry else "")
    return {"jabatan": jab, "code": code, "kind": kind, "name": name, "level": lvl, "description": desc}


def upsert_standard(session: Session, values: dict[str, Any]) -> bool:
    """Store one checked standard row; True when it was new."""
    row = session.execute(select(CompetencyStandard).where(
        CompetencyStandard.jabatan == values["jabatan"], CompetencyStandard.code == values["code"])).scalar()
    if row is None:
        session.add(CompetencyStandard(**values))
        return True
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
    row.deleted = False
    return False


def set_standard(db: Database, user: CurrentUser, jabatan: str, code: str, level: Any, *, name: str = "",
                 kind: str = "", description: str = "") -> None:
    """Record the level a jabatan requires of one competency (admins)."""
    require(user.actor, Action.MANAGE_AWARDS)
    values = standard_values(jabatan, code, level, name=name, kind=kind, description=description)
    with db.session(user=user.username) as s:
        upsert_standard(s, values)


def assess(db: Database, user: CurrentUser, employee_id: str, code: str, level: Any, *, source: str = "PENILAI",
           assessed_on: date | None = None, note: str = "", year: int | None = None) -> str:
    """Record an assessed level: the penilai's judgement, or (admins) an assessment centre's result."""
    code = check_code(code)
    lvl = check_level(level)
    if source not in ASSESSMENT_SOURCES:
        raise ValidationError(f"Sumber penilaian “{source}” tidak dikenal; gunakan {', '.join(ASSESSMENT_SOURCES)}.",
                              field="Sumber")
    note = clean_text(note, "Catatan", max_len=1000)
    day = assessed_on or date.today()
    with db.session(user=user.username) as s:
        emp = get_live(s, Employee, employee_id, "Pegawai")
        subject = subject_for(s, emp.id, year or day.year)
        require(user.actor, Action.ASSESS_COMPETENCY if source == "PENILAI" else Action.RECORD_TRAINING, subject)
        row = CompetencyAssessment(employee_id=emp.id, code=code, level=lvl, source=source, assessed_on=day,
                                   note=note)
        s.add(row)
        s.flush()
        return row.id


@dataclass(frozen=True, slots=True)
class CompetencyProfile:
    employee_id: str
    name: str
    jabatan: str
    gaps: tuple[Gap, ...]
    sources: dict[str, str]  # code -> how the latest level was assessed

    @property
    def assessed(self) -> bool:
        return any(g.assessed is not None for g in self.gaps)

    def large_gaps(self) -> list[Gap]:
        return [g for g in self.gaps if g.large]


def latest_levels(session: Session, employee_ids: list[str]) -> dict[str, dict[str, CompetencyAssessment]]:
    out: dict[str, dict[str, CompetencyAssessment]] = {}
    for i in range(0, len(employee_ids), 500):
        for row in session.scalars(select(CompetencyAssessment).where(
                CompetencyAssessment.employee_id.in_(employee_ids[i:i + 500]),
                CompetencyAssessment.deleted.is_(False))
                .order_by(CompetencyAssessment.assessed_on, CompetencyAssessment.created_at)):
            out.setdefault(row.employee_id, {})[row.code] = row
    return out


def profile_in(session: Session, emp: Employee) -> CompetencyProfile:
    levels = latest_levels(session, [emp.id]).get(emp.id, {})
    gaps = tuple(Gap(r.code, r.name, r.kind, r.level, levels[r.code].level if r.code in levels else None)
                 for r in standards_for(session, emp.jabatan, emp.jenis_jabatan, emp.jenjang))
    return CompetencyProfile(emp.id, emp.name, emp.jabatan, gaps,
                             {c: ASSESSMENT_SOURCES.get(a.source, a.source) for c, a in levels.items()})


def profile(db: Database, user: CurrentUser, employee_id: str, year: int | None = None) -> CompetencyProfile:
    """Standard, assessed level and gap per competency of one person (whoever may see their evaluation)."""
    with db.reader() as s:
        emp = get_live(s, Employee, employee_id, "Pegawai")
        require(user.actor, Action.VIEW_EVALUATION, subject_for(s, emp.id, year or date.today().year))
        return profile_in(s, emp)
