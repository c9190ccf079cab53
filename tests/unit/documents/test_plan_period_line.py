"""An SKP that covers part of the year prints its real period (issue 13, "a year with changes"):
the SKP closed by a mutation ends the day before the TMT, the new one starts on it, a Plt. SKP covers
its penugasan, and every evaluation sheet prints the days of its period that its SKP covers."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from kinerja_desktop.documents.hashing import data_sha256
from kinerja_desktop.documents.print_service import PrintJob, print_documents
from kinerja_desktop.documents.sheet_data import SkpSheet
from kinerja_desktop.services import penugasan_service as ps
from kinerja_desktop.services import plan_service, roster_service
from kinerja_desktop.store.models import Employee
from tests.helpers.fixtures import People
from tests.unit.documents import samples

YEAR = 2026


def _print(db, user, tmp: Path, kind: str, employee_id: str, plan_id: str | None, period: str | None = None) -> str:
    out = tmp / f"{kind}-{period or 'skp'}-{(plan_id or 'current')[:8]}.pdf"
    result = print_documents(db, user, PrintJob(kind=kind, year=YEAR, period=period or "TAHUNAN", out=out,
                                                employee_ids=(employee_id,), plan_id=plan_id))
    assert not result.failures, result.failures
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)


def mutation_on_15_may(demo_db, people: People) -> tuple[str, str]:
    """The staff member moves on 15 May: the old SKP closes on 14 May, the new one opens."""
    staff, new_penilai = people.staff, people.other_penilai
    with demo_db.reader() as s:
        unit_id = s.get(Employee, new_penilai.employee_id).unit_id
    pid = ps.record_penugasan(demo_db, people.admin, staff.employee_id, "MUTASI", date(YEAR, 5, 15),
                              jabatan="Analis Perizinan", unit_id=unit_id, penilai_id=new_penilai.employee_id)
    roster_service.set_supervisor(demo_db, people.admin, staff.employee_id, new_penilai.employee_id, YEAR)
    return people.staff_plan_id, ps.open_plan(demo_db, staff, pid)


def test_a_mutation_prints_each_skp_and_evaluation_with_the_days_it_covers(demo_db, people: People, tmp_path) -> None:
    old_plan, new_plan = mutation_on_15_may(demo_db, people)
    staff, admin = people.staff.employee_id, people.admin

    old_skp = _print(demo_db, admin, tmp_path, "skp", staff, old_plan)
    new_skp = _print(demo_db, admin, tmp_path, "skp", staff, new_plan)
    assert "PERIODE PENILAIAN: 1 JANUARI SD 14 MEI TAHUN 2026" in old_skp
    assert "PERIODE PENILAIAN: 15 MEI SD 31 DESEMBER TAHUN 2026" in new_skp
    assert "1 JANUARI SD 31 DESEMBER" not in old_skp + new_skp  # neither the SKP nor its Lampiran page

    # the quarter of the TMT is split between the two SKP; the others are whole or not covered
    assert "1 APRIL SD 14 MEI TAHUN 2026" in _print(demo_db, admin, tmp_path, "evaluasi", staff, old_plan, "TW2")
    assert "15 MEI SD 30 JUNI TAHUN 2026" in _print(demo_db, admin, tmp_path, "evaluasi", staff, new_plan, "TW2")
    assert "1 JULI SD 30 SEPTEMBER TAHUN 2026" in _print(demo_db, admin, tmp_path, "evaluasi", staff, new_plan, "TW3")
    # the annual evaluation of the new SKP and its Dokumen Evaluasi name the new SKP's days
    annual = _print(demo_db, admin, tmp_path, "evaluasi", staff, new_plan, "TAHUNAN")
    assert "15 MEI SD 31 DESEMBER TAHUN 2026" in annual
    cover = _print(demo_db, admin, tmp_path, "dokumen-evaluasi", staff, new_plan, "TAHUNAN")
    assert "15 MEI SD 31 DESEMBER TAHUN 2026" in cover


def test_a_revisi_of_the_new_skp_keeps_its_span_and_a_plt_skp_prints_its_penugasan(
    demo_db, people: People, tmp_path
) -> None:
    _old, new_plan = mutation_on_15_may(demo_db, people)
    staff = people.staff
    rhk = plan_service.add_rhk(demo_db, staff, new_plan, text="Terselesaikannya kajian perizinan")
    plan_service.add_indicator(demo_db, staff, rhk, text="Jumlah kajian", target="3 dokumen")
    plan_service.submit_plan(demo_db, staff, new_plan)
    plan_service.approve_plan(demo_db, people.other_penilai, new_plan)
    revised = plan_service.revise_plan(demo_db, staff, new_plan)
    assert "15 MEI SD 31 DESEMBER TAHUN 2026" in _print(demo_db, people.admin, tmp_path, "skp", staff.employee_id,
                                                        revised)

    pid = ps.record_penugasan(demo_db, people.admin, people.drafter.employee_id, "PLT", date(YEAR, 3, 2),
                              end_date=date(YEAR, 8, 31), jabatan="Kepala Seksi Pelayanan",
                              penilai_id=people.atasan.employee_id)
    plt = ps.open_plan(demo_db, people.drafter, pid)
    text = _print(demo_db, people.admin, tmp_path, "skp", people.drafter.employee_id, plt)
    assert "PERIODE PENILAIAN: 2 MARET SD 31 AGUSTUS TAHUN 2026" in text


def test_a_whole_year_sheet_keeps_its_line_and_its_hash() -> None:
    """A sheet without a span prints the whole year and hashes as before the field existed (so the QR of
    every sheet printed before stays valid); a span changes the hash, because it is printed."""
    whole = samples.skp()
    assert isinstance(whole, SkpSheet) and whole.span is None
    assert whole.range_text == f"1 JANUARI SD 31 DESEMBER TAHUN {whole.year}"
    from dataclasses import replace

    part = replace(whole, span=(date(whole.year, 7, 1), date(whole.year, 12, 31)))
    assert part.range_text == f"1 JULI SD 31 DESEMBER TAHUN {whole.year}"
    assert data_sha256(part) != data_sha256(whole)
    from kinerja_desktop.documents.hashing import canonical_json

    assert b'"span"' not in canonical_json(whole)
