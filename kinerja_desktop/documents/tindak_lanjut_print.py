"""Print the follow-up sheets (A4/F4, same kop, fonts, QR footer and signature fields as the other sheets)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from kinerja_desktop.documents.loader import SheetLoader, _live_person
from kinerja_desktop.documents.page_setup import PageSetup
from kinerja_desktop.documents.render import render
from kinerja_desktop.documents.rendered import RenderedDocument
from kinerja_desktop.documents.sheet_data import Person
from kinerja_desktop.documents.tindak_lanjut_layout import (
    AwardListSheet,
    AwardRow,
    JpRecapSheet,
    JpRow,
    UsulanPenghargaanSheet,
)
from kinerja_desktop.domain.errors import NotFound, PermissionDenied
from kinerja_desktop.domain.penilaian import Predikat
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.tindak_lanjut import AWARD_KINDS, JP_PER_YEAR
from kinerja_desktop.services import development_service, recognition_service
from kinerja_desktop.services.common import CurrentUser, subject_for
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee

__all__ = ["award_list_sheet", "jp_recap_sheet", "letter_sheet", "pengelola_person", "print_award_list",
           "print_jp_recap", "print_letter"]


def _token(text: str) -> str:
    return re.sub(r"[^A-Z0-9.+/$%*]+", "-", text.upper()).strip("-") or "X"


def _predikat_label(code: str | None) -> str:
    return Predikat(code).label if code else "-"


def _given(a: recognition_service.AwardView) -> str:
    parts = [a.kind_label]
    if a.given_on:
        parts.append(f"{a.given_on.day:02d}-{a.given_on.month:02d}-{a.given_on.year}")
    if a.decree_no:
        parts.append(f"SK {a.decree_no}")
    return ", ".join(parts)


def pengelola_person(db: Database, user: CurrentUser) -> Person | None:
    """The pengelola kepegawaian named in the lists' signature box: the admin printing them, when the account
    belongs to an employee (an admin-only account prints an empty box, to be signed by hand)."""
    if not (user.is_admin and user.employee_id):
        return None
    loader = SheetLoader(db)
    units = loader.units()
    with db.reader() as s:
        return _live_person(s, s.get(Employee, user.employee_id), units)


def award_list_sheet(db: Database, user: CurrentUser, year: int, period: str, *, unit_code: str | None = None,
                     today: date | None = None) -> AwardListSheet:
    title, cands = recognition_service.candidates(db, user, year, period, unit_code=unit_code)
    instansi = SheetLoader(db).instansi()
    rows = tuple(AwardRow(f"{c.unit_name} ({c.unit_code})", c.nama, c.nip, c.jabatan, _predikat_label(c.predikat),
                          tuple((["Predikat Sangat Baik"] if c.predikat == "SANGAT_BAIK" else [])
                                + [f"{m.mark_label}: {m.rhk_text} — {m.reason}" for m in c.marks]),
                          tuple(_given(a) for a in c.awards)) for c in cands)
    code = period_of(period)
    return AwardListSheet(doc_id=f"PHG-{year}-{_token(code.code)}-{_token(unit_code or 'INSTANSI')}",
                          instansi=instansi, year=year, period_label=code.label, scope=title, rows=rows,
                          pengelola=pengelola_person(db, user), tempat=instansi.kota, tanggal=today or date.today())


def letter_sheet(db: Database, user: CurrentUser, employee_id: str, year: int, period: str, *, bentuk: str = "",
                 today: date | None = None) -> UsulanPenghargaanSheet:
    """The draft usulan penghargaan of one candidate, signed by their pejabat penilai."""
    title, cands = recognition_service.candidates(db, user, year, period)
    del title
    cand = next((c for c in cands if c.employee_id == employee_id), None)
    if cand is None:
        raise NotFound("Pegawai ini bukan calon penghargaan pada periode itu (predikat Sangat Baik atau hasil kerja "
                       "yang ditandai inovasi / capaian luar biasa pada evaluasi yang sudah final).")
    loader = SheetLoader(db)
    units = loader.units()
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        subject = subject_for(s, employee_id, year)
        if not (user.is_admin or user.employee_id == subject.penilai_id):
            raise PermissionDenied("Usulan penghargaan dibuat oleh pejabat penilai pegawai ini atau admin.")
        pegawai = _live_person(s, emp, units)
        penilai = _live_person(s, s.get(Employee, subject.penilai_id), units) if subject.penilai_id else None
    basis = (["Predikat kinerja Sangat Baik pada evaluasi yang sudah ditetapkan"] if cand.predikat == "SANGAT_BAIK"
             else [])
    basis += [f"{m.mark_label} pada hasil kerja “{m.rhk_text}”: {m.reason}" for m in cand.marks]
    default = AWARD_KINDS["PIAGAM"] if cand.predikat != "SANGAT_BAIK" else (
        f"{AWARD_KINDS['PIAGAM']} dan {AWARD_KINDS['PRIORITAS_PENGEMBANGAN'].lower()}")
    instansi = loader.instansi()
    code = period_of(period)
    assert pegawai is not None
    return UsulanPenghargaanSheet(
        doc_id=f"UPH-{year}-{_token(code.code)}-{_token(emp.nip or emp.id[:8])}", instansi=instansi, year=year,
        period_label=code.label, pegawai=pegawai, predikat=_predikat_label(cand.predikat), basis=tuple(basis),
        bentuk=bentuk.strip() or default, penilai=penilai, penilai_id=subject.penilai_id or "",
        tempat=instansi.kota, tanggal=today or date.today())


def jp_recap_sheet(db: Database, user: CurrentUser, rec: development_service.JpRecap, *,
                   today: date | None = None) -> JpRecapSheet:
    instansi = SheetLoader(db).instansi()
    rows = tuple(JpRow(f"{x.unit_name} ({x.unit_code})", x.nama, x.nip, x.jabatan, x.jp_done, x.jp_planned,
                       x.items_late, x.below) for x in rec.lines)
    units = tuple((f"{u.name} ({u.code})", u.people, u.below, f"{u.average:.1f}".replace(".", ","))
                  for u in rec.units())
    scope_token = _token(rec.scope.split("(")[-1].rstrip(")")) if "(" in rec.scope else "INSTANSI"
    return JpRecapSheet(doc_id=f"JP-{rec.year}-{scope_token}", instansi=instansi, year=rec.year, scope=rec.scope,
                        target=JP_PER_YEAR, rows=rows, units=units, pengelola=pengelola_person(db, user),
                        tempat=instansi.kota, tanggal=today or date.today())


def _write(sheet: object, out: str | Path, paper: str) -> RenderedDocument:
    doc = render(sheet, PageSetup(paper=paper))  # type: ignore[arg-type]
    Path(out).write_bytes(doc.pdf)
    return doc


def print_award_list(db: Database, user: CurrentUser, year: int, period: str, out: str | Path, *,
                     unit_code: str | None = None, paper: str = "A4", today: date | None = None) -> RenderedDocument:
    return _write(award_list_sheet(db, user, year, period, unit_code=unit_code, today=today), out, paper)


def print_letter(db: Database, user: CurrentUser, employee_id: str, year: int, period: str, out: str | Path, *,
                 bentuk: str = "", paper: str = "A4", today: date | None = None) -> RenderedDocument:
    return _write(letter_sheet(db, user, employee_id, year, period, bentuk=bentuk, today=today), out, paper)


def print_jp_recap(db: Database, user: CurrentUser, year: int, out: str | Path, *, unit_code: str | None = None,
                   paper: str = "A4", today: date | None = None) -> RenderedDocument:
    rec = development_service.jp_recap(db, user, year, unit_code=unit_code, today=today)
    return _write(jp_recap_sheet(db, user, rec, today=today), out, paper)
