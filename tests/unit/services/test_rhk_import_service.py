"""RHK import (teachers, functional groups): row-level errors, drafts for an admin import, a pegawai's own file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from kinerja_desktop.services import plan_service
from kinerja_desktop.services import rhk_import_service as ri
from kinerja_desktop.services import role_matrix_service as rm
from kinerja_desktop.store.models import Employee, Plan, Rhk
from kinerja_desktop.store.models_peran import RhkImpor
from tests.helpers.fixtures import People

YEAR = 2027


def _nip(db, employee_id: str) -> str:
    with db.reader() as s:
        return s.get(Employee, employee_id).nip


def _head_rhk_text(db, people: People) -> str:
    plan = plan_service.create_plan(db, people.penilai, people.penilai.employee_id, YEAR)
    plan_service.add_rhk(db, people.penilai, plan, text="Meningkatnya mutu pembelajaran")
    return "Meningkatnya  MUTU pembelajaran"  # spacing and case differ in the other system's export


def _csv(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "rhk_guru.csv"
    path.write_text("Daftar RHK guru dari PMM\n" + "nip;tahun;jenis;rhk;rhk_pimpinan;aspek;indikator;target\n"
                    + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_bad_row_stops_the_admin_import_and_names_row_and_column(demo_db, people: People, tmp_path) -> None:
    nip = _nip(demo_db, people.staff.employee_id)
    path = _csv(tmp_path, [
        f"{nip};{YEAR};UTAMA;Terlaksananya pembelajaran;;KUANTITAS;Jam tatap muka;24 JP",
        f"{nip};{YEAR};UTAMA;Terlaksananya pembelajaran;;MUTU;Nilai rata-rata;80",
        f"199901012020011999;{YEAR};UTAMA;RHK lain;;KUANTITAS;Laporan;2 laporan",
        f"{nip};20xx;TAMBAHAN;Pembina ekstrakurikuler;;;Kegiatan;10 kegiatan",
    ])
    result = ri.import_rhk(demo_db, people.admin, path, YEAR)
    assert not result.imported and result.rows_read == 4
    described = [p.describe() for p in result.problems]
    assert described == [
        "Baris 4, kolom aspek: Aspek “MUTU” tidak dikenal; tulis KUANTITAS, KUALITAS, WAKTU atau BIAYA.",
        "Baris 5, kolom nip: NIP 199901012020011999 tidak ada di daftar pegawai.",
        "Baris 6, kolom tahun: Tahun “20xx” tidak sah; tulis empat angka, misalnya 2026.",
    ]
    assert "Tidak ada yang diimpor" in result.summary()
    with demo_db.reader() as s:
        assert s.scalars(select(RhkImpor).where(RhkImpor.year == YEAR)).first() is None


def test_admin_import_offers_drafts_that_the_teacher_accepts_with_the_intervensi(demo_db, people, tmp_path) -> None:
    nip = _nip(demo_db, people.staff.employee_id)
    parent = _head_rhk_text(demo_db, people)
    path = _csv(tmp_path, [
        f"{nip};{YEAR};UTAMA;Terlaksananya pembelajaran Matematika;{parent};KUANTITAS;Jam tatap muka;24 JP",
        f"{nip};{YEAR};UTAMA;Terlaksananya pembelajaran Matematika;{parent};KUALITAS;Ketuntasan belajar;85 %",
        f"{nip};;TAMBAHAN;Pembina OSIS;;KUANTITAS;Kegiatan dibina;6 kegiatan",
    ])
    result = ri.import_rhk(demo_db, people.admin, path, YEAR)
    assert result.imported and (result.rhk, result.created, result.employees) == (2, 2, 1)
    again = ri.import_rhk(demo_db, people.admin, path, YEAR)
    assert (again.created, again.updated) == (0, 0)
    plan = plan_service.create_plan(demo_db, people.staff, people.staff.employee_id, YEAR)
    drafts = rm.drafts_for_plan(demo_db, people.staff, plan)
    assert [(d.source, d.kind, len(d.indicators)) for d in drafts] == [("IMPOR", "UTAMA", 2), ("IMPOR", "TAMBAHAN", 1)]
    assert drafts[0].parent_text == "Meningkatnya mutu pembelajaran" and drafts[0].parent_rhk_id
    rhk_id = rm.accept_draft(demo_db, people.staff, plan, drafts[0].id)
    view = plan_service.get_plan(demo_db, people.staff, plan)
    assert [(r.text, r.parent_rhk_id, [i.target_display for i in r.indicators]) for r in view.rhk] == [
        ("Terlaksananya pembelajaran Matematika", drafts[0].parent_rhk_id, ["24 JP", "85 %"])]
    assert view.rhk[0].id == rhk_id


def test_a_pegawai_imports_only_their_own_rows_straight_into_their_skp(demo_db, people, tmp_path) -> None:
    mine, other = _nip(demo_db, people.staff.employee_id), _nip(demo_db, people.penilai.employee_id)
    path = _csv(tmp_path, [
        f"{mine};{YEAR};UTAMA;Terlaksananya bimbingan konseling;;KUANTITAS;Siswa dibimbing;150 siswa",
        f"{other};{YEAR};UTAMA;RHK atasan;;KUANTITAS;Laporan;2 laporan",
    ])
    refused = ri.import_rhk(demo_db, people.staff, path, YEAR)
    assert not refused.imported and "bukan NIP Anda" in refused.problems[0].message
    done = ri.import_rhk(demo_db, people.staff, path, YEAR, skip_bad=True)
    assert done.imported and done.created == 1 and done.skipped_rows == 1
    ri.import_rhk(demo_db, people.staff, path, YEAR, skip_bad=True)  # again: nothing doubles
    with demo_db.reader() as s:
        texts = s.scalars(select(Rhk.text).join(Plan, Plan.id == Rhk.plan_id).where(
            Plan.employee_id == people.staff.employee_id, Plan.year == YEAR)).all()
    assert texts == ["Terlaksananya bimbingan konseling"]


def test_templates_carry_the_documented_columns(tmp_path) -> None:
    xlsx = ri.write_template(tmp_path / "templat.xlsx")
    wb = load_workbook(xlsx)
    assert [c.value for c in wb["RHK"][1]] == [c[0] for c in ri.COLUMNS]
    assert wb["Petunjuk"].max_row == len(ri.COLUMNS) + 1
    csv_path = ri.write_template(tmp_path / "templat.csv")
    assert csv_path.read_text(encoding="utf-8-sig").splitlines()[0] == ";".join(c[0] for c in ri.COLUMNS)
