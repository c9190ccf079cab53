"""The matriks peran hasil prints as its own document kind (one signable PDF for the unit head)."""

from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import select

from kinerja_desktop.documents.print_service import PrintJob, print_documents
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services import role_matrix_service as rm
from kinerja_desktop.store.models import Plan, Rhk
from tests.helpers.fixtures import People

YEAR = 2026


def _fill(db, people: People) -> None:
    head = people.penilai
    with db.reader() as s:
        rhks = s.scalars(select(Rhk.id).join(Plan, Plan.id == Rhk.plan_id).where(
            Plan.employee_id == head.employee_id, Plan.year == YEAR, Plan.is_current.is_(True),
            Rhk.deleted.is_(False)).order_by(Rhk.kind.desc(), Rhk.position)).all()
    team = rm.save_team(db, head, YEAR, "Tim Pelayanan Prima", [(people.other_penilai.employee_id, "Narasumber")])
    rm.set_cell(db, head, rhks[0], people.staff.employee_id, peran="Pelaksana verifikasi",
                text="Terverifikasinya berkas permohonan izin",
                indicators=[{"aspek": "KUANTITAS", "text": "Berkas diverifikasi", "target": "240 berkas"}])
    rm.set_cell(db, head, rhks[0], people.other_penilai.employee_id, peran="Narasumber", tim_kerja_id=team,
                text="Tersusunnya kajian standar layanan")


def test_the_head_prints_the_matrix_with_grid_details_and_teams(demo_db, people: People, tmp_path) -> None:
    _fill(demo_db, people)
    out = tmp_path / "matriks.pdf"
    result = print_documents(demo_db, people.penilai, PrintJob(kind="matriks", year=YEAR, out=out))
    assert result.files == [out] and not result.failures and result.pages >= 1
    assert result.single is not None and result.single.doc_id.startswith("MATRIKS-2026-")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("MATRIKS PERAN HASIL", "PEMBAGIAN PERAN", "Terverifikasinya berkas",
                     "240 berkas", "Tim Pelayanan Prima", "Pimpinan Unit Kerja,", "Menunggu"):
        assert expected in text, expected


def test_staff_cannot_print_their_heads_matrix(demo_db, people: People, tmp_path) -> None:
    with pytest.raises(PermissionDenied):
        print_documents(demo_db, people.staff, PrintJob(kind="matriks", year=YEAR, out=tmp_path / "x.pdf",
                                                        employee_ids=(people.penilai.employee_id,)))
