"""Sheets built from the demo database: content, identities, efficiency, permissions."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select

from kinerja_desktop.documents.hashing import data_sha256
from kinerja_desktop.documents.loader import LoadFailure, SheetLoader
from kinerja_desktop.documents.print_scope import authorize, resolve_employees, resolve_unit
from kinerja_desktop.documents.render import render
from kinerja_desktop.documents.sheet_builder import build_sheet
from kinerja_desktop.documents.sheet_data import BlankKind, EvaluasiSheet, SkpSheet
from kinerja_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from kinerja_desktop.store.models import Employee, Plan, Unit
from tests.helpers.fixtures import DEMO_YEAR
from tests.unit.documents.pdf_checks import flat, page_texts


def _count_queries(db):  # type: ignore[no-untyped-def]
    counter = {"n": 0}

    def before(*_args: object) -> None:
        counter["n"] += 1

    event.listen(db.engine, "before_cursor_execute", before)
    return counter


def test_evaluation_sheet_from_the_database(demo_db, people) -> None:  # type: ignore[no-untyped-def]
    staff = people.staff.employee_id
    (sheet,) = SheetLoader(demo_db).load("evaluasi", [staff], DEMO_YEAR, "TW1")
    assert isinstance(sheet, EvaluasiSheet)
    assert sheet.plan is not None and sheet.plan.rhk
    indicators = [i for r in sheet.plan.rhk for i in r.indicators]
    assert indicators and all(i.id in sheet.realisasi for i in indicators)
    assert set(sheet.umpan_balik_rhk) == {r.id for r in sheet.plan.rhk}
    assert sheet.rating_hasil and sheet.rating_perilaku and sheet.predikat
    assert sheet.penilai is not None and sheet.penilai.nama
    assert sheet.distribusi is not None and sum(sheet.distribusi.values()) >= 1
    assert sheet.capaian_organisasi is not None
    assert len(sheet.plan.perilaku) == 7
    with demo_db.reader() as s:
        emp = s.get(Employee, staff)
    assert sheet.pegawai.nip == emp.nip and sheet.doc_id == f"EVK-{DEMO_YEAR}-TW1-{emp.nip}"
    doc = render(sheet)
    text = flat("\n".join(page_texts(doc.pdf)))
    assert flat(sheet.plan.rhk[0].text) in text and flat(sheet.pegawai.nama) in text


def test_loading_is_deterministic_and_set_based(demo_db) -> None:  # type: ignore[no-untyped-def]
    targets = resolve_employees(demo_db, unit_code="PEMKAB", recursive=True)
    assert len(targets) == 60
    ids = [t.employee_id for t in targets]
    loader = SheetLoader(demo_db)
    loader.load("evaluasi", ids[:5], DEMO_YEAR, "TW2")  # settings and units cached
    counter = _count_queries(demo_db)
    first = loader.load("evaluasi", ids, DEMO_YEAR, "TW2")
    assert counter["n"] <= 25  # independent of the number of employees
    second = SheetLoader(demo_db).load("evaluasi", ids, DEMO_YEAR, "TW2")
    assert [data_sha256(a) for a in first] == [data_sha256(b) for b in second]
    assert not [x for x in first if isinstance(x, LoadFailure)]


def test_employee_without_plan_and_without_penilai(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.reader() as s:
        planned = set(s.scalars(select(Plan.employee_id)))
        bupati = s.scalars(select(Employee).where(Employee.id.not_in(planned))).first()
    (sheet,) = SheetLoader(demo_db).load("skp", [bupati.id], DEMO_YEAR)
    assert isinstance(sheet, SkpSheet) and sheet.plan is None and sheet.penilai is None
    assert sheet.doc_id.startswith(f"SKP-{DEMO_YEAR}-TAHUNAN-")  # no NIP: the employee id is the subject
    text = flat("".join(page_texts(render(sheet).pdf)))
    assert flat("(Rencana hasil kerja belum diisi)") in text


def test_unknown_employee_is_a_failure_not_a_crash(demo_db, people) -> None:  # type: ignore[no-untyped-def]
    out = SheetLoader(demo_db).load("evaluasi", ["tidak-ada", people.staff.employee_id], DEMO_YEAR, "TW1")
    assert isinstance(out[0], LoadFailure) and isinstance(out[1], EvaluasiSheet)
    with pytest.raises(ValidationError):
        SheetLoader(demo_db).load("rapor", [people.staff.employee_id], DEMO_YEAR)


def test_penetapan_for_a_unit(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.reader() as s:
        dinas = s.scalars(select(Unit).where(Unit.level == 1, Unit.code != "SETDA")).first()
    unit_id, code, _ = resolve_unit(demo_db, dinas.code.lower())
    loader = SheetLoader(demo_db)
    flat_sheet = loader.penetapan(unit_id, DEMO_YEAR, "TW1")
    deep = loader.penetapan(unit_id, DEMO_YEAR, "TW1", recursive=True)
    assert len(deep.rows) > len(flat_sheet.rows) >= 1
    assert deep.pimpinan is not None and deep.pimpinan.jabatan.startswith("Kepala Dinas")
    assert deep.predikat_organisasi is not None
    assert deep.doc_id == f"PPK-{DEMO_YEAR}-TW1-{code}+"
    doc = render(deep)
    assert doc.signature_box("pimpinan") is not None
    with pytest.raises(NotFound):
        resolve_unit(demo_db, "TIDAK-ADA")


def test_named_blank_form(demo_db, people) -> None:  # type: ignore[no-untyped-def]
    form = SheetLoader(demo_db).blank(BlankKind.DOKUMEN_EVALUASI, employee_id=people.staff.employee_id, year=DEMO_YEAR)
    assert form.pegawai is not None and form.penilai is not None and form.atasan is not None
    assert render(form).page_count == 1


def test_print_permission(demo_db, people) -> None:  # type: ignore[no-untyped-def]
    targets = resolve_employees(demo_db, employee_ids=[people.staff.employee_id])
    for user in (people.staff, people.penilai, people.admin):
        allowed, denied = authorize(demo_db, user, targets, DEMO_YEAR)
        assert allowed == targets and not denied
    allowed, denied = authorize(demo_db, people.other_penilai, targets, DEMO_YEAR)
    assert not allowed and "mencetak dokumen" in denied[0].message
    # the signing commands' entry point checks the same
    sheet = build_sheet(demo_db, people.penilai, "evaluasi", people.staff_plan_id, "TW1")
    assert sheet.pegawai.nama
    with pytest.raises(PermissionDenied):
        build_sheet(demo_db, people.other_penilai, "skp", people.staff_plan_id)
