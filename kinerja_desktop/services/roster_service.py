"""Roster: units, employees and supervisor links (admin kepegawaian).

Import from CSV/XLSX lives in :mod:`kinerja_desktop.services.roster_import`; both
use the validators here so a row is judged the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.domain.kepegawaian import AsnKind, JenisJabatan, JenjangFungsional, parse_golongan
from kinerja_desktop.domain.nip import PPPK_CODES, normalize_nip, parse_nip, parse_penilai_identifier
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.services.common import CurrentUser, clean_text, get_live
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Supervision, Unit, UnitPredikat


@dataclass
class EmployeeInput:
    """One employee as typed in a form or read from a roster file (raw text, validated later)."""

    nip: str
    name: str
    unit_code: str = ""
    jabatan: str = ""
    jenis_jabatan: str = "PELAKSANA"
    golongan: str = ""
    asn_kind: str = ""
    jenjang: str = ""
    penilai_nip: str = ""


@dataclass
class CleanEmployee:
    nip: str | None
    name: str
    asn_kind: str
    golongan: str | None
    jabatan: str
    jenis_jabatan: str
    jenjang: str | None


def validate_employee(data: EmployeeInput) -> CleanEmployee:
    """Check one employee's fields; raises ValidationError naming the field."""
    name = clean_text(data.name, "Nama", required=True, max_len=200)
    kind_text = (data.asn_kind or "").strip().upper()
    nip_text = normalize_nip(data.nip or "")
    nip: str | None
    if kind_text in ("", "PNS", "PPPK"):
        if not nip_text:
            raise ValidationError("NIP wajib diisi untuk PNS dan PPPK.", field="NIP")
        info = parse_nip(nip_text)
        nip = info.nip
        kind = AsnKind(kind_text or info.kind)
        code = nip[12:14]
        if info.kind == "PPPK" and int(code) not in PPPK_CODES and kind_text != "PPPK":
            # Blank or PNS: a mistyped TMT month is likelier than a PPPK code nobody has seen.
            raise ValidationError(
                f"Digit 13-14 NIP tertulis {code}: bukan bulan TMT CPNS (01-12) dan bukan kode NI PPPK yang dikenal "
                f"({PPPK_CODES.start}-{PPPK_CODES.stop - 1}); kemungkinan bulan TMT CPNS salah ketik. "
                "Perbaiki NIP-nya, atau isi jenis ASN dengan PPPK bila nomor ini memang NI PPPK.", field="NIP"
            )
        if kind_text == "PNS" and info.kind == "PPPK":
            raise ValidationError(
                f"Digit 13-14 NIP (bulan TMT CPNS) tertulis {code}, padahal bulan harus 01-12; ini bentuk NI PPPK. "
                "Perbaiki NIP-nya, atau isi jenis ASN dengan PPPK bila pegawai ini PPPK.", field="NIP"
            )
        if kind_text and kind_text != info.kind:
            raise ValidationError(
                f"NIP {nip} adalah nomor {info.kind}, tetapi jenis pegawai tertulis {kind_text}.", field="Jenis ASN"
            )
    else:
        try:
            kind = AsnKind(kind_text)
        except ValueError as exc:
            raise ValidationError(f"Jenis pegawai tidak dikenal: {data.asn_kind}.", field="Jenis ASN") from exc
        ident = parse_penilai_identifier(nip_text)
        nip = ident.value or None
    golongan = parse_golongan(data.golongan, kind) if (data.golongan or "").strip() else None
    try:
        jenis = JenisJabatan((data.jenis_jabatan or "PELAKSANA").strip().upper().replace(" ", "_")).value
    except ValueError as exc:
        choices = ", ".join(j.value for j in JenisJabatan)
        raise ValidationError(f"Jenis jabatan tidak dikenal: {data.jenis_jabatan}. Pilihan: {choices}.",
                              field="Jenis jabatan") from exc
    jenjang: str | None = None
    if (data.jenjang or "").strip():
        try:
            jenjang = JenjangFungsional((data.jenjang or "").strip().upper().replace(" ", "_")).value
        except ValueError as exc:
            raise ValidationError(f"Jenjang jabatan fungsional tidak dikenal: {data.jenjang}.",
                                  field="Jenjang") from exc
    jabatan = clean_text(data.jabatan, "Jabatan", max_len=300)
    return CleanEmployee(nip, name, kind.value, golongan, jabatan, jenis, jenjang)


def _unit_by_code(session: Session, code: str) -> Unit | None:
    return session.execute(select(Unit).where(Unit.code == code, Unit.deleted.is_(False))).scalar()


def save_unit(db: Database, user: CurrentUser, code: str, name: str, parent_code: str | None = None) -> str:
    """Create or update a unit by code."""
    require(user.actor, Action.MANAGE_ROSTER)
    code = clean_text(code, "Kode unit", required=True, max_len=40)
    name = clean_text(name, "Nama unit", required=True, max_len=300)
    with db.session(user=user.username, role="ADMIN") as s:
        parent = None
        if parent_code:
            parent = _unit_by_code(s, parent_code)
            if parent is None:
                raise ValidationError(f"Unit induk {parent_code} tidak ditemukan.", field="Unit induk")
        # Codes are unique across tombstones too: a removed unit's code brings that unit back.
        unit = s.execute(select(Unit).where(Unit.code == code)).scalar()
        if unit is None:
            unit = Unit(code=code, name=name)
            s.add(unit)
        unit.name = name
        unit.deleted = False
        if parent is not None:
            cursor: Unit | None = parent
            while cursor is not None:
                if cursor.id == unit.id:
                    raise ValidationError(f"Unit {code} tidak dapat menjadi bawahan unitnya sendiri.",
                                          field="Unit induk")
                cursor = s.get(Unit, cursor.parent_id) if cursor.parent_id else None
        unit.parent_id = parent.id if parent else None
        unit.level = parent.level + 1 if parent else 0
        s.flush()
        return unit.id


def save_employee(db: Database, user: CurrentUser, data: EmployeeInput) -> str:
    """Create or update (by NIP) one employee."""
    require(user.actor, Action.MANAGE_ROSTER)
    clean = validate_employee(data)
    with db.session(user=user.username, role="ADMIN") as s:
        unit = None
        if data.unit_code:
            unit = _unit_by_code(s, data.unit_code.strip())
            if unit is None:
                raise ValidationError(f"Unit {data.unit_code} tidak ditemukan.", field="Unit")
        emp = s.execute(select(Employee).where(Employee.nip == clean.nip)).scalar() if clean.nip else None
        if emp is None:
            emp = Employee(nip=clean.nip, name=clean.name)
            s.add(emp)
        emp.deleted = False
        emp.name, emp.asn_kind, emp.golongan = clean.name, clean.asn_kind, clean.golongan
        emp.jabatan, emp.jenis_jabatan, emp.jenjang = clean.jabatan, clean.jenis_jabatan, clean.jenjang
        if unit is not None:
            emp.unit_id = unit.id
        s.flush()
        return emp.id


def would_cycle(session: Session, employee_id: str, supervisor_id: str, year: int) -> bool:
    """True when making ``supervisor_id`` the penilai of ``employee_id`` closes a loop."""
    seen = {employee_id}
    cursor: str | None = supervisor_id
    while cursor is not None:
        if cursor in seen:
            return True
        seen.add(cursor)
        cursor = session.execute(
            select(Supervision.supervisor_id).where(
                Supervision.employee_id == cursor, Supervision.year == year, Supervision.deleted.is_(False)
            )
        ).scalar()
    return False


def set_supervisor(db: Database, user: CurrentUser, employee_id: str, supervisor_id: str | None, year: int) -> None:
    """Record who the pejabat penilai of an employee is for a year."""
    require(user.actor, Action.MANAGE_ROSTER)
    with db.session(user=user.username, role="ADMIN") as s:
        get_live(s, Employee, employee_id, "Pegawai")
        if supervisor_id:
            get_live(s, Employee, supervisor_id, "Pejabat penilai")
            if supervisor_id == employee_id:
                raise ValidationError("Pegawai tidak dapat menjadi pejabat penilai dirinya sendiri.",
                                      field="Pejabat penilai")
            if would_cycle(s, employee_id, supervisor_id, year):
                raise ConflictError("Rantai atasan menjadi melingkar (A menilai B dan B menilai A).",
                                    field="Pejabat penilai")
        link = s.execute(
            select(Supervision).where(Supervision.employee_id == employee_id, Supervision.year == year)
        ).scalar()
        if link is None:
            s.add(Supervision(employee_id=employee_id, supervisor_id=supervisor_id, year=year))
        else:
            link.supervisor_id = supervisor_id
            link.deleted = False


def set_unit_predikat(db: Database, user: CurrentUser, unit_id: str, year: int, predikat: str,
                      period: str = "TAHUNAN") -> None:
    """The predikat kinerja organisasi of a unit (set by the leader one level up; entered by admin)."""
    from kinerja_desktop.domain.penilaian import PredikatOrganisasi

    require(user.actor, Action.MANAGE_ROSTER)
    try:
        predikat = PredikatOrganisasi(predikat).value
    except ValueError as exc:
        raise ValidationError(f"Predikat organisasi tidak dikenal: {predikat}.", field="Predikat") from exc
    with db.session(user=user.username, role="ADMIN") as s:
        get_live(s, Unit, unit_id, "Unit")
        row = s.execute(select(UnitPredikat).where(UnitPredikat.unit_id == unit_id, UnitPredikat.year == year,
                                                   UnitPredikat.period == period)).scalar()
        if row is None:
            s.add(UnitPredikat(unit_id=unit_id, year=year, period=period, predikat=predikat))
        else:
            row.predikat = predikat
            row.deleted = False
