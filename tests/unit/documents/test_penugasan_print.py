"""A Plt. SKP prints with its acting title; staff of an acting penilai print "Plt. <jabatan>" for their penilai;
the SKP closed by a mutation still prints with its old penilai."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from kinerja_desktop.documents.print_service import PrintJob, print_documents
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services import penugasan_service as ps
from kinerja_desktop.services import plan_service, roster_service
from kinerja_desktop.store.models import Employee
from tests.helpers.fixtures import People


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_plt_skp_prints_with_the_acting_title(demo_db, people: People, tmp_path) -> None:
    pid = ps.record_penugasan(demo_db, people.admin, people.staff.employee_id, "PLT", date(2026, 3, 2),
                              end_date=date(2026, 12, 31), jabatan="Kepala Seksi Pelayanan",
                              penilai_id=people.atasan.employee_id)
    plan = ps.open_plan(demo_db, people.staff, pid)
    rhk = plan_service.add_rhk(demo_db, people.staff, plan, text="Terkoordinasinya tugas seksi selama Plt.")
    plan_service.add_indicator(demo_db, people.staff, rhk, text="Laporan", target="10 laporan")
    out = tmp_path / "plt.pdf"
    result = print_documents(demo_db, people.staff, PrintJob(kind="skp", year=2026, out=out,
                                                             employee_ids=(people.staff.employee_id,), plan_id=plan))
    assert not result.failures
    text = _text(out)
    assert "Plt. Kepala Seksi Pelayanan" in text and "Terkoordinasinya tugas" in text
    with pytest.raises(ValidationError, match="satu pegawai"):
        print_documents(demo_db, people.staff, PrintJob(kind="skp", year=2026, out=out, unit_code="X", plan_id=plan))


def test_staff_of_an_acting_penilai_print_the_plt_title(demo_db, people: People, tmp_path) -> None:
    acting, colleague = people.staff, people.drafter or people.other_penilai
    with demo_db.reader() as s:
        unit_id = s.get(Employee, colleague.employee_id).unit_id
    ps.record_penugasan(demo_db, people.admin, acting.employee_id, "PLT", date(2027, 1, 1),
                        end_date=date(2027, 12, 31), jabatan="Kepala Seksi Pelayanan", unit_id=unit_id,
                        penilai_id=people.atasan.employee_id)
    roster_service.set_supervisor(demo_db, people.admin, colleague.employee_id, acting.employee_id, 2027)
    plan = plan_service.create_plan(demo_db, colleague, colleague.employee_id, 2027)
    view = plan_service.get_plan(demo_db, colleague, plan)
    assert view.snapshot["penilai"]["jabatan"] == "Plt. Kepala Seksi Pelayanan"
    out = tmp_path / "skp.pdf"
    assert not print_documents(demo_db, colleague, PrintJob(kind="skp", year=2027, out=out,
                                                            employee_ids=(colleague.employee_id,))).failures
    assert "Plt. Kepala Seksi Pelayanan" in _text(out)


def test_the_closed_skp_prints_with_its_old_penilai(demo_db, people: People, tmp_path) -> None:
    pid = ps.record_penugasan(demo_db, people.admin, people.staff.employee_id, "GANTI_PENILAI", date(2026, 10, 1),
                              penilai_id=people.other_penilai.employee_id)
    roster_service.set_supervisor(demo_db, people.admin, people.staff.employee_id, people.other_penilai.employee_id,
                                  2026)
    ps.open_plan(demo_db, people.staff, pid)
    with demo_db.reader() as s:
        old_name = s.get(Employee, people.penilai.employee_id).name
    out = tmp_path / "tw3.pdf"
    result = print_documents(demo_db, people.penilai, PrintJob(kind="evaluasi", year=2026, period="TW3", out=out,
                                                               employee_ids=(people.staff.employee_id,),
                                                               plan_id=people.staff_plan_id))
    assert not result.failures
    assert old_name.split(",")[0] in _text(out)
