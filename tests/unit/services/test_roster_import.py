"""Roster import/export: what a clerk's CSV or XLSX does to the roster, and every way it can be wrong."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services.auth_service import create_first_admin
from kinerja_desktop.services.roster_import import export_roster, import_roster, write_template
from kinerja_desktop.services.roster_io import EMPLOYEE_KEYS, read_roster_file
from kinerja_desktop.store.models import ChangeLog, Employee, Supervision, Unit
from tests.unit.services.roster_files import (
    PEOPLE,
    PPPK_NIP,
    UNITS,
    handmade_xlsx,
    nip,
    office_rows,
    patch_sheet_xml,
    rows_of,
    write_csv,
    write_xlsx,
)

UNIT_KEYS = ("kode_unit", "nama_unit", "kode_unit_induk")


@pytest.fixture
def admin(empty_db):
    return create_first_admin(empty_db, "admin", "rahasia-kantor")


def employees(db) -> dict[str, Employee]:
    with db.reader() as s:
        return {e.nip: e for e in s.scalars(select(Employee))}


def supervisor_nips(db, year: int = 2026) -> dict[str, str | None]:
    with db.reader() as s:
        nip_of = dict(s.execute(select(Employee.id, Employee.nip)).all())
        return {nip_of[e]: nip_of.get(sup) for e, sup in
                s.execute(select(Supervision.employee_id, Supervision.supervisor_id).where(Supervision.year == year))}


def count(db, model) -> int:
    with db.reader() as s:
        return s.execute(select(func.count()).select_from(model)).scalar()


def problem_texts(result) -> list[str]:
    return [p.describe() for p in result.problems]


# ----------------------------------------------------------------------------- happy paths


def test_csv_creates_units_employees_and_supervisors(empty_db, admin, tmp_path):
    path = write_csv(tmp_path / "roster.csv", office_rows())
    result = import_roster(empty_db, admin, path, year=2026)
    assert result.ok and result.imported, problem_texts(result)
    assert (result.units_created, result.employees_created, result.supervisors_set) == (3, 4, 3)
    with empty_db.reader() as s:
        units = {u.code: u for u in s.scalars(select(Unit))}
    assert units["BID"].parent_id == units["DINAS"].id and units["BID"].level == 2
    assert units["PEMDA"].parent_id is None and units["PEMDA"].level == 0
    emps = employees(empty_db)
    assert emps[nip(3, 2)].golongan == "III/a"  # "Penata Muda" read as III/a
    assert emps[PPPK_NIP].asn_kind == "PPPK" and emps[PPPK_NIP].golongan == "IX"
    assert emps[nip(3, 2)].unit_id == units["BID"].id
    assert supervisor_nips(empty_db) == {nip(2): nip(1), nip(3, 2): nip(2), PPPK_NIP: nip(2)}


def test_new_rows_are_in_the_change_log_with_user_and_role(empty_db, admin, tmp_path):
    import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", office_rows()), year=2026)
    with empty_db.reader() as s:
        logs = s.scalars(select(ChangeLog).where(ChangeLog.table_name == "employee")).all()
        seqs = [c.seq for c in s.scalars(select(ChangeLog).order_by(ChangeLog.seq))]
    assert len(logs) == 4 and {(c.op, c.user, c.role) for c in logs} == {("insert", "admin", "ADMIN")}
    assert any(c.changes["name"] == [None, "Citra Staf"] for c in logs)
    assert seqs == sorted(set(seqs))  # one sequence number per entry, no gaps reused


def test_reimport_updates_by_nip_without_duplicates(empty_db, admin, tmp_path):
    import_roster(empty_db, admin, write_csv(tmp_path / "a.csv", office_rows()), year=2026)
    rows = office_rows()
    rows[-1]["jabatan"] = "Pengelola Layanan Operasional"
    rows[-2]["nip_penilai"] = nip(1)  # Citra now rated by the kadis
    result = import_roster(empty_db, admin, write_csv(tmp_path / "b.csv", rows), year=2026)
    assert result.imported and result.employees_created == 0
    assert (result.employees_updated, result.employees_unchanged, result.supervisors_set) == (1, 3, 1)
    assert count(empty_db, Employee) == 4
    assert employees(empty_db)[PPPK_NIP].jabatan == "Pengelola Layanan Operasional"
    assert supervisor_nips(empty_db)[nip(3, 2)] == nip(1)
    with empty_db.reader() as s:
        update = s.scalars(select(ChangeLog).where(ChangeLog.table_name == "employee", ChangeLog.op == "update")).one()
    assert update.changes == {"jabatan": ["Pengolah Data", "Pengelola Layanan Operasional"]}


def test_absent_columns_leave_fields_alone(empty_db, admin, tmp_path):
    import_roster(empty_db, admin, write_csv(tmp_path / "a.csv", office_rows()), year=2026)
    slim = [{"nip": PPPK_NIP, "nama": "Dodi PPPK Baru"}]
    result = import_roster(empty_db, admin, write_csv(tmp_path / "b.csv", slim, keys=("nip", "nama")))
    assert result.imported and result.employees_updated == 1
    dodi = employees(empty_db)[PPPK_NIP]
    assert (dodi.name, dodi.golongan, dodi.jabatan) == ("Dodi PPPK Baru", "IX", "Pengolah Data")
    assert supervisor_nips(empty_db)[PPPK_NIP] == nip(2)


def test_dry_run_counts_but_stores_nothing(empty_db, admin, tmp_path):
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", office_rows()), dry_run=True)
    assert result.ok and not result.imported and result.employees_created == 4
    assert count(empty_db, Employee) == 0 and "tanpa menyimpan" in result.summary()


def test_only_admin_may_import_or_export(demo_db, people, tmp_path):
    path = write_csv(tmp_path / "r.csv", office_rows())
    with pytest.raises(PermissionDenied, match="Hanya admin"):
        import_roster(demo_db, people.staff, path)
    with pytest.raises(PermissionDenied):
        export_roster(demo_db, people.penilai, tmp_path / "out.csv")


# ----------------------------------------------------------------------------- bad rows


def test_one_bad_row_blocks_everything_and_names_row_and_field(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[4]["jenis_jabatan"] = "KEPALA"  # Budi, CSV line 6 (header, 3 units, kadis, Budi)
    rows[5]["nip"] = "196608011988033001"  # Citra: digit 15 = 3
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    assert not result.imported and count(empty_db, Employee) == 0 and count(empty_db, Unit) == 0
    texts = problem_texts(result)
    assert texts[0].startswith("Baris 6, kolom jenis_jabatan: Jenis jabatan tidak dikenal: KEPALA. Pilihan: JPT_UTAMA")
    assert texts[1] == "Baris 7, kolom nip: Digit ke-15 (jenis kelamin) harus 1 atau 2, tertulis 3"
    # Dodi names Budi (a bad row) as penilai: reported, pointing at line 6.
    assert texts[2] == (f"Baris 8, kolom nip_penilai: Pejabat penilai NIP {nip(2)} ada di baris 6, tetapi baris "
                        "itu bermasalah.")
    assert len(texts) == 3
    assert result.problems[2].depends_on == "baris 6" and len(result.dependent_problems) == 1
    assert result.summary().startswith("Tidak ada yang diimpor: 2 baris salah, dan 1 baris lain tertahan")
    assert "--skip-bad" in result.summary()


def test_skip_bad_imports_good_rows_and_lists_bad_ones(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[6]["golongan"] = "V/z"  # Dodi (PPPK) with an unknown golongan, line 8
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows), skip_bad=True, year=2026)
    assert result.imported and result.skipped_rows == 1 and result.employees_created == 3
    assert problem_texts(result) == [
        "Baris 8, kolom golongan: Golongan PPPK 'V/z' tidak dikenal; gunakan I sampai XVII"]
    assert PPPK_NIP not in employees(empty_db)


def test_skip_bad_still_uses_a_correct_unit_stated_on_a_bad_row(empty_db, admin, tmp_path):
    rows = [dict(PEOPLE[0], kode_unit="BARU", nama_unit="Unit Baru", golongan="Z/z"),  # bad golongan, line 2
            dict(PEOPLE[1], kode_unit="BARU", nip_penilai="")]
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows), skip_bad=True)
    assert [(p.row, p.field) for p in result.problems] == [(2, "golongan")]
    assert result.units_created == 1 and result.employees_created == 1


def test_skip_bad_skips_every_row_of_a_penilai_loop(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[3]["nip_penilai"] = nip(3, 2)
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows), skip_bad=True, year=2026)
    assert result.imported and result.skipped_rows == 4  # the three in the loop and Dodi, rated by one of them
    assert employees(empty_db) == {}
    assert count(empty_db, Unit) == 3


def test_unknown_pangkat_for_pns(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[5]["golongan"] = "Penata Muda Utama"
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    assert result.problems[0].row == 7 and result.problems[0].field == "golongan"
    assert "tidak dikenal" in result.problems[0].message


def test_missing_supervisor_names_the_row(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[3]["nip_penilai"] = nip(500)
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    texts = problem_texts(result)
    assert texts[0] == (f"Baris 5, kolom nip_penilai: Pejabat penilai dengan NIP {nip(500)} tidak ada di berkas ini "
                        "maupun di data pegawai. Tambahkan baris pejabat penilai itu ke berkas.")
    assert texts[1] == f"Baris 6, kolom nip_penilai: Pejabat penilai NIP {nip(1)} ada di baris 5, tetapi baris itu " \
                       "bermasalah."


def test_malformed_supervisor_nip_gives_the_parser_reason(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[5]["nip_penilai"] = "19700101199503100"  # 17 digits
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    assert result.problems[0].row == 7
    assert result.problems[0].message == ("NIP pejabat penilai tidak sah: NIP harus 18 digit angka (tertulis 17 "
                                          "digit)")


def test_supervisor_cycle_across_the_file_names_everyone_in_the_loop(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[3]["nip_penilai"] = nip(3, 2)  # kadis rated by Citra, who is rated by Budi, who is rated by the kadis
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    loops = [p for p in result.problems if "melingkar" in p.message]
    assert sorted(p.row for p in loops) == [5, 6, 7]
    message = loops[0].message
    for name in ("Agus Kadis, S.T. (baris 5)", "Budi Kabid (baris 6)", "Citra Staf (baris 7)"):
        assert name in message
    assert count(empty_db, Employee) == 0


def test_cycle_through_people_already_in_the_roster(empty_db, admin, tmp_path):
    import_roster(empty_db, admin, write_csv(tmp_path / "a.csv", office_rows()), year=2026)
    kadis = dict(PEOPLE[0], nip_penilai=PPPK_NIP)  # Dodi is rated by Budi, who is rated by the kadis
    result = import_roster(empty_db, admin, write_csv(tmp_path / "b.csv", [kadis]), year=2026)
    assert not result.imported
    assert "Dodi PPPK (data pegawai)" in result.problems[0].message
    assert "Budi Kabid (data pegawai)" in result.problems[0].message


def test_self_supervision_is_refused(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[4]["nip_penilai"] = rows[4]["nip"]
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    assert any("dirinya sendiri" in t and t.startswith("Baris 6") for t in problem_texts(result))


def test_duplicate_nips_name_both_rows(empty_db, admin, tmp_path):
    rows = office_rows() + [dict(PEOPLE[2], nama="Citra Kembar")]
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    dup = {p.row: p.message for p in result.problems if "juga tertulis" in p.message}
    assert dup == {7: f"NIP {nip(3, 2)} juga tertulis di baris 9; setiap pegawai hanya boleh satu baris.",
                   9: f"NIP {nip(3, 2)} juga tertulis di baris 7; setiap pegawai hanya boleh satu baris."}


def test_unit_given_two_names_names_both_rows(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[5]["nama_unit"] = "Bidang Aplikasi Informatika"
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    conflict = [p for p in result.problems if "nama berbeda" in p.message]
    assert {p.row for p in conflict} == {4, 7}
    assert "“Bidang Aplikasi” (baris 4)" in conflict[0].message


def test_unknown_unit_and_unknown_parent(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[2]["kode_unit_induk"] = "NOPE"
    rows[6]["kode_unit"] = "GHOST"
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    texts = problem_texts(result)
    assert "Baris 4, kolom kode_unit_induk: Unit induk NOPE tidak ditemukan di berkas maupun di data unit." in texts
    assert any(t.startswith("Baris 8, kolom kode_unit: Unit GHOST tidak ditemukan") for t in texts)


def test_unit_loop_is_reported(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[0]["kode_unit_induk"] = "BID"
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    assert any("Susunan unit melingkar" in p.message and p.row == 2 for p in result.problems)


def test_ten_thousand_character_texts_are_refused_with_the_limit(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[3]["nama"] = "A" * 10_000
    rows[4]["jabatan"] = "Kepala " * 1500
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    texts = problem_texts(result)
    assert "Baris 5, kolom nama: Nama terlalu panjang: 10.000 karakter, paling banyak 200." in texts
    assert any(t.startswith("Baris 6, kolom jabatan: Jabatan terlalu panjang") and "paling banyak 300" in t
               for t in texts)


def test_overlong_cells_in_any_column_get_a_short_message(empty_db, admin, tmp_path):
    rows = office_rows()
    for key in ("golongan", "jenis_jabatan", "nip_penilai", "nama_penilai"):
        rows[5][key] = "X" * 10_000
    rows[2]["nama_unit"] = "Bidang " * 2000
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    texts = problem_texts(result)
    assert "Baris 7, kolom golongan: Isi terlalu panjang: 10.000 karakter, paling banyak 60." in texts
    assert any(t.startswith("Baris 4, kolom nama_unit: Isi terlalu panjang") for t in texts)
    assert all(len(t) < 300 for t in texts)


def test_emoji_names_are_stored_as_written(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[5]["nama"] = "Citra 🌸 Lestari"
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    assert result.imported
    assert employees(empty_db)[nip(3, 2)].name == "Citra 🌸 Lestari"


def test_control_characters_are_refused(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[5]["nama"] = "Citra\x07"
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows))
    assert result.problems[0].row == 7 and "karakter kendali" in result.problems[0].message


def test_blank_lines_and_comments_are_ignored_but_row_numbers_stay_true(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[6]["golongan"] = "XX"
    rows.insert(3, {"kode_unit": "# catatan: pegawai di bawah ini"})
    path = write_csv(tmp_path / "r.csv", rows, blank_lines_after=(2,))
    result = import_roster(empty_db, admin, path)
    # header 1, PEMDA 2, DINAS 3, blank 4, BID 5, comment 6, kadis 7 ... Citra 9, Dodi 10 (the bad one)
    assert [(p.row, p.field) for p in result.problems] == [(10, "golongan")]
    assert result.rows_read == 7


def test_windows_1252_csv_with_commas(empty_db, admin, tmp_path):
    rows = office_rows()
    rows[5]["nama"] = "José Sitompul"
    path = write_csv(tmp_path / "r.csv", rows, delimiter=",", encoding="cp1252")
    raw = read_roster_file(path)
    assert (raw.encoding, raw.delimiter) == ("cp1252", ",")
    result = import_roster(empty_db, admin, path)
    assert result.imported and employees(empty_db)[nip(3, 2)].name == "José Sitompul"


def test_utf8_bom_semicolon_csv_with_friendly_headers(empty_db, admin, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("DAFTAR PEGAWAI;;\nNIP;Nama Pegawai;Pangkat/Golongan\n"
                    f"{nip(1)[:8]} {nip(1)[8:14]} {nip(1)[14]} {nip(1)[15:]};Agus;III/b\n", encoding="utf-8-sig")
    result = import_roster(empty_db, admin, path)
    assert result.imported, problem_texts(result)
    assert employees(empty_db)[nip(1)].golongan == "III/b"


def test_nip_in_scientific_notation_is_explained(empty_db, admin, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("nip;nama\n1,97001E+17;Agus\n", encoding="utf-8")
    result = import_roster(empty_db, admin, path)
    assert result.problems[0].row == 2 and "notasi ilmiah" in result.problems[0].message


def test_unreadable_files_raise(empty_db, admin, tmp_path):
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        import_roster(empty_db, admin, tmp_path / "missing.csv")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match="xlsx atau .csv"):
        import_roster(empty_db, admin, tmp_path / "old.xls")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ValidationError, match="bukan berkas XLSX"):
        import_roster(empty_db, admin, tmp_path / "broken.xlsx")


def test_header_not_found_is_a_problem(empty_db, admin, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    result = import_roster(empty_db, admin, path)
    assert not result.imported and "Baris judul kolom tidak ditemukan" in result.problems[0].message


# ----------------------------------------------------------------------------- XLSX


def office_workbook(path: Path) -> Path:
    return write_xlsx(path, {
        "Unit": [list(UNIT_KEYS), *rows_of(UNITS, UNIT_KEYS)],
        "Pegawai": [list(EMPLOYEE_KEYS), *rows_of(PEOPLE)],
    })


def test_xlsx_with_unit_and_pegawai_sheets(empty_db, admin, tmp_path):
    result = import_roster(empty_db, admin, office_workbook(tmp_path / "r.xlsx"), year=2026)
    assert result.imported and (result.units_created, result.employees_created) == (3, 4)
    assert supervisor_nips(empty_db)[PPPK_NIP] == nip(2)


def test_xlsx_errors_name_sheet_and_row(empty_db, admin, tmp_path):
    path = office_workbook(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Pegawai"]["B4"] = ""  # Citra without a name
    wb["Unit"]["C3"] = "NOPE"
    wb.save(path)
    texts = problem_texts(import_roster(empty_db, admin, path))
    assert "Lembar Pegawai, baris 4, kolom nama: Nama wajib diisi." in texts
    assert "Lembar Unit, baris 3, kolom kode_unit_induk: Unit induk NOPE tidak ditemukan di berkas maupun di data " \
           "unit." in texts


def test_xlsx_merged_title_and_merged_unit_cells(empty_db, admin, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar"
    ws.append(["DAFTAR PEGAWAI DINAS KOMINFO"])
    ws.merge_cells("A1:H1")
    ws.append(["nip", "nama", "golongan", "kode_unit", "nama_unit", "kode_unit_induk", "nip_penilai", "tahun"])
    ws.append([nip(1), "Agus", "IV/c", "DINAS", "Dinas Kominfo", "", "", 2026])
    ws.append([nip(2), "Budi", "IV/a", "BID", "Bidang Aplikasi", "DINAS", nip(1), 2026])
    ws.append([nip(3), "Citra", "III/a", None, None, None, nip(2), 2026])
    ws.append([nip(4), "Dewi", "III/b", None, None, None, nip(2), 2026])
    ws.merge_cells("D4:D6")  # the Bidang's code, name and parent merged down over its staff
    ws.merge_cells("E4:E6")
    ws.merge_cells("F4:F6")
    wb.save(tmp_path / "m.xlsx")
    result = import_roster(empty_db, admin, tmp_path / "m.xlsx")
    assert result.imported, problem_texts(result)
    with empty_db.reader() as s:
        bid = s.execute(select(Unit.id).where(Unit.code == "BID")).scalar()
    assert {e.name: e.unit_id == bid for e in employees(empty_db).values()} == {
        "Agus": False, "Budi": True, "Citra": True, "Dewi": True}


def test_xlsx_empty_sheets(empty_db, admin, tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"Unit": [], "Pegawai": [list(EMPLOYEE_KEYS), *rows_of(
        [dict(PEOPLE[0], kode_unit="")])]})
    result = import_roster(empty_db, admin, path)
    assert result.imported and result.employees_created == 1
    assert [w.describe() for w in result.warnings] == ["Lembar Unit: Lembar ini kosong dan dilewati."]
    empty = write_xlsx(tmp_path / "e.xlsx", {"Unit": [], "Pegawai": []})
    assert not import_roster(empty_db, admin, empty).imported


def test_xlsx_formula_with_cached_value_is_read(empty_db, admin, tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", {"Pegawai": [["nip", "nama", "golongan"],
                                                        [nip(1), '=CONCATENATE("Agus"," Salim")', "III/a"]]})
    patch_sheet_xml(path, "xl/worksheets/sheet1.xml", r'<c r="B2"><f>(.*?)</f><v\s*/?>(</v>)?',
                    r'<c r="B2" t="str"><f>\1</f><v>Agus Salim</v>')
    result = import_roster(empty_db, admin, path)
    assert result.imported, problem_texts(result)
    assert employees(empty_db)[nip(1)].name == "Agus Salim"


def test_xlsx_formula_without_cached_value_is_a_clear_error(empty_db, admin, tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", {"Pegawai": [["nip", "nama", "golongan"],
                                                        [nip(1), "Agus", "=IF(1,\"III/a\",\"\")"]]})
    result = import_roster(empty_db, admin, path)
    assert not result.imported
    problem = result.problems[0]
    assert (problem.sheet, problem.row, problem.field) == ("Pegawai", 2, "golongan")
    assert "rumus yang belum pernah dihitung" in problem.message


def test_xlsx_nip_stored_as_a_number(empty_db, admin, tmp_path):
    path = write_xlsx(tmp_path / "n.xlsx", {"Pegawai": [["nip", "nama"], [1.96608011988031e17, "Agus"],
                                                        [123456789, "Pejabat Lama"]]})
    result = import_roster(empty_db, admin, path)
    assert result.problems[0].row == 2 and "digit terakhirnya hilang" in result.problems[0].message
    assert len(result.problems) == 2 and result.problems[1].row == 3  # a 9-digit number is read as text "123456789"
    assert "NIP harus 18 digit" in result.problems[1].message


def test_streaming_reader_matches_openpyxl_on_an_excel_style_file(tmp_path):
    shared = ["<si><t>nip</t></si>", "<si><t>nama</t></si>", "<si><r><t>Budi </t></r><r><rPr><b/></rPr>"
              "<t>Santoso</t></r></si>", "<si><t xml:space=\"preserve\"> III/a </t></si>", "<si><t>golongan</t></si>"]
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>4</v></c>'
            '<c r="D1" t="b"><v>1</v></c></row>'
            f'<row r="3"><c r="A3" t="str"><f>A1</f><v>{nip(1)}</v></c><c r="B3" t="s"><v>2</v></c>'
            '<c r="C3" t="s"><v>3</v></c><c r="E3"><v>2026</v></c><c r="F3" t="e"><v>#REF!</v></c></row>')
    path = handmade_xlsx(tmp_path / "x.xlsx", shared, rows)
    ours = read_roster_file(path).tables[0]
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    theirs = list(wb["Pegawai"].iter_rows(values_only=True))
    wb.close()
    number, cells = ours.rows[0]
    assert number == 3
    assert cells[:5] == list(theirs[2][:5]) == [nip(1), "Budi Santoso", " III/a ", None, 2026]
    assert "#REF!" in cells[5].message


# ----------------------------------------------------------------------------- template and export


def test_templates_have_headers_notes_and_a_commented_example(empty_db, admin, tmp_path):
    write_template(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == ["Unit", "Pegawai", "Petunjuk"]
    header = [c.value for c in wb["Pegawai"][1]]
    assert header == list(EMPLOYEE_KEYS)
    assert "18 digit" in wb["Pegawai"]["A1"].comment.text
    assert str(wb["Pegawai"]["A2"].value).startswith("# ")
    write_template(tmp_path / "t.csv")
    lines = (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ";".join(EMPLOYEE_KEYS) and lines[1].startswith("# ")
    for name in ("t.xlsx", "t.csv"):  # importing an untouched template stores nothing and says why
        result = import_roster(empty_db, admin, tmp_path / name)
        assert not result.imported and "tanpa baris data" in result.problems[0].message
    with pytest.raises(ValidationError, match="xlsx atau .csv"):
        write_template(tmp_path / "t.ods")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_round_trips(demo_db, people, empty_db, admin, tmp_path, suffix):  # noqa: PLR0917 - fixtures
    first = tmp_path / f"roster{suffix}"
    exported = export_roster(demo_db, people.admin, first)
    assert exported.employees == 60 and exported.year == 2026
    again = import_roster(demo_db, people.admin, first)
    assert again.ok and (again.employees_unchanged, again.employees_updated, again.units_updated,
                         again.supervisors_set) == (60, 0, 0, 0)
    fresh = import_roster(empty_db, admin, first)
    assert fresh.ok, problem_texts(fresh)
    assert (fresh.employees_created, fresh.units_created, fresh.supervisors_set) == (60, exported.units, 59)
    second = tmp_path / f"again{suffix}"
    export_roster(empty_db, admin, second)
    if suffix == ".csv":
        assert first.read_bytes() == second.read_bytes()
    else:
        def values(path):
            wb = openpyxl.load_workbook(path, read_only=True)
            try:
                return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb}
            finally:
                wb.close()
        assert values(first) == values(second)


def test_penilai_without_nip_is_matched_by_name(empty_db, admin, tmp_path):
    rows = office_rows()
    rows.insert(3, {"nama": "H. Bupati Contoh", "jenis_asn": "LAINNYA", "jabatan": "Bupati",
                    "jenis_jabatan": "JPT_UTAMA", "kode_unit": "PEMDA"})
    rows[4]["nama_penilai"] = "h. bupati  contoh"
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows), year=2026)
    assert result.imported, problem_texts(result)
    with empty_db.reader() as s:
        bupati = s.execute(select(Employee.id).where(Employee.nip.is_(None))).scalar()
        kadis_sup = s.execute(select(Supervision.supervisor_id).join(Employee, Employee.id == Supervision.employee_id)
                              .where(Employee.nip == nip(1))).scalar()
    assert kadis_sup == bupati
    again = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows), year=2026)
    assert again.employees_created == 0 and again.employees_unchanged == 5  # the Bupati matched by name too


def test_tombstoned_employee_is_revived_not_duplicated(empty_db, admin, tmp_path):
    import_roster(empty_db, admin, write_csv(tmp_path / "a.csv", office_rows()))
    with empty_db.session(user="admin", role="ADMIN") as s:
        s.execute(select(Employee).where(Employee.nip == PPPK_NIP)).scalar().deleted = True
    result = import_roster(empty_db, admin, write_csv(tmp_path / "a.csv", office_rows()))
    assert result.employees_updated == 1 and count(empty_db, Employee) == 4
    assert not employees(empty_db)[PPPK_NIP].deleted


def test_many_rows_in_one_transaction(empty_db, admin, tmp_path):
    staff = [{"nip": nip(10 + i), "nama": f"Pegawai {i}", "golongan": "II/c", "kode_unit": "BID",
              "nip_penilai": nip(2)} for i in range(1500)]
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", office_rows() + staff), year=2026)
    assert result.imported and result.employees_created == 1504 and result.supervisors_set == 1503
    with empty_db.reader() as s:
        log = s.execute(select(func.count()).select_from(ChangeLog).where(ChangeLog.table_name == "employee")).scalar()
    assert log == 1504


# ----------------------------------------------------------------------------- NI PPPK digits 13-14


def _citra_with(**changes) -> list[dict]:
    """The office, with Citra (line 7, a PNS) changed."""
    rows = office_rows()
    rows[5].update(changes)
    return rows


MISTYPED = nip(3, 2)[:12] + "13" + nip(3, 2)[14:]  # TMT month 03 typed as 13


@pytest.mark.parametrize("jenis_asn, golongan", [("", "Penata Muda"), ("", ""), ("PNS", "III/a")])
def test_pns_nip_with_a_mistyped_month_is_reported_at_the_nip_column(empty_db, admin, tmp_path, jenis_asn, golongan):
    """GIVEN a PNS NIP whose TMT month reads 13 WHEN jenis_asn is blank or PNS THEN the row is refused at the nip
    column as a likely mistyped month (not silently made PPPK, and not blamed on the golongan)."""
    rows = _citra_with(nip=MISTYPED, jenis_asn=jenis_asn, golongan=golongan)
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows), year=2026)
    assert not result.imported
    assert len(result.direct_problems) == 1
    text = result.direct_problems[0].describe()
    assert text.startswith("Baris 7, kolom nip: Digit 13-14 NIP tertulis 13") and "salah ketik" in text, text
    assert MISTYPED not in employees(empty_db)


def test_explicit_pppk_with_an_unusual_code_is_imported_with_a_warning(empty_db, admin, tmp_path):
    """GIVEN jenis_asn PPPK and digits 13-14 = 13 WHEN imported THEN the clerk's word stands, with a warning at nip."""
    rows = _citra_with(nip=MISTYPED, jenis_asn="PPPK", golongan="IX")
    result = import_roster(empty_db, admin, write_csv(tmp_path / "r.csv", rows), year=2026)
    assert result.imported, problem_texts(result)
    assert employees(empty_db)[MISTYPED].asn_kind == "PPPK"
    assert any(w.describe().startswith("Baris 7, kolom nip: Digit 13-14 tertulis 13") for w in result.warnings)
