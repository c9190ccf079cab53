"""Progres harian on a real demo database: own entries, late marks, umpan balik, recaps and permissions."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import calendar_service
from kinerja_desktop.services import daily_log_service as dl
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import ChangeLog, Employee, Plan, Rhk
from kinerja_desktop.store.models_harian import ProgresHarian
from tests.helpers.fixtures import People

FRIDAY = date(2026, 11, 6)  # the demo office logs 9-20 November; this week is empty


def _staff_rhk(db: Database, people: People) -> str:
    with db.reader() as s:
        return s.scalars(select(Rhk.id).where(Rhk.plan_id == people.staff_plan_id)).first()


def test_staff_logs_their_own_day_in_one_line(demo_db: Database, people: People) -> None:
    rhk = _staff_rhk(demo_db, people)
    eid = dl.add_entry(demo_db, people.staff, FRIDAY, "Memverifikasi 12 berkas\n  permohonan", rhk_id=rhk,
                       hours="2,5", today=FRIDAY)
    [entry] = dl.entries(demo_db, people.staff, None, FRIDAY)
    assert (entry.id, entry.text, entry.hours, entry.rhk_id, entry.late) == (
        eid, "Memverifikasi 12 berkas permohonan", 2.5, rhk, False)
    assert entry.link_text  # the RHK's text is shown with the entry
    with demo_db.reader() as s:
        log = s.scalars(select(ChangeLog).where(ChangeLog.row_id == eid)).one()
    assert (log.table_name, log.op, log.role) == ("progres_harian", "insert", "PEGAWAI")


def test_bad_input_gives_indonesian_errors(demo_db: Database, people: People) -> None:
    with pytest.raises(ValidationError, match="wajib diisi"):
        dl.add_entry(demo_db, people.staff, FRIDAY, "   ", today=FRIDAY)
    with pytest.raises(ValidationError, match="belum tiba"):
        dl.add_entry(demo_db, people.staff, date(2026, 11, 7), "besok", today=FRIDAY)
    with pytest.raises(ValidationError, match="paling banyak 24"):
        dl.add_entry(demo_db, people.staff, FRIDAY, "lembur", hours=25, today=FRIDAY)
    with pytest.raises(ValidationError, match="bukan angka"):
        dl.add_entry(demo_db, people.staff, FRIDAY, "rapat", hours="dua", today=FRIDAY)
    with demo_db.reader() as s:  # someone else's RHK cannot be linked
        other_rhk = s.scalars(select(Rhk.id).join(Plan, Plan.id == Rhk.plan_id)
                              .where(Plan.employee_id != people.staff.employee_id)).first()
    with pytest.raises(ValidationError, match="bukan milik Anda"):
        dl.add_entry(demo_db, people.staff, FRIDAY, "rapat", rhk_id=other_rhk, today=FRIDAY)


def test_late_entries_are_marked_not_refused_and_the_window_is_an_instansi_setting(demo_db: Database,
                                                                                    people: People) -> None:
    monday, thursday = date(2026, 11, 2), date(2026, 11, 5)
    late = dl.add_entry(demo_db, people.staff, monday, "rekap mingguan", today=FRIDAY)
    on_time = dl.add_entry(demo_db, people.staff, thursday, "input data", today=FRIDAY)
    marks = {e.id: e.late for e in dl.entries(demo_db, people.staff, None, monday, FRIDAY)}
    assert marks == {late: True, on_time: False}
    with pytest.raises(PermissionDenied):
        calendar_service.set_late_window(demo_db, people.staff, 5)
    calendar_service.set_late_window(demo_db, people.admin, 5)
    again = dl.add_entry(demo_db, people.staff, monday, "arsip", today=FRIDAY)
    assert not {e.id: e.late for e in dl.entries(demo_db, people.staff, None, monday)}[again]


def test_only_the_penilai_leaves_umpan_balik_and_only_the_owner_edits(demo_db: Database, people: People) -> None:
    eid = dl.add_entry(demo_db, people.staff, FRIDAY, "menyusun laporan", today=FRIDAY)
    with pytest.raises(PermissionDenied):
        dl.set_feedback(demo_db, people.staff, eid, "bagus")
    with pytest.raises(PermissionDenied):
        dl.set_feedback(demo_db, people.other_penilai, eid, "bagus")
    with pytest.raises(PermissionDenied):
        dl.update_entry(demo_db, people.penilai, eid, text="diubah penilai")
    with pytest.raises(PermissionDenied):
        dl.entries(demo_db, people.other_penilai, people.staff.employee_id, FRIDAY)
    dl.set_feedback(demo_db, people.penilai, eid, "Lampirkan draf laporannya.")
    [entry] = dl.entries(demo_db, people.penilai, people.staff.employee_id, FRIDAY)
    assert entry.umpan_balik == "Lampirkan draf laporannya."
    dl.update_entry(demo_db, people.staff, eid, text="menyusun laporan triwulan", hours=1)
    dl.delete_entry(demo_db, people.staff, eid)
    assert dl.entries(demo_db, people.atasan, people.staff.employee_id, FRIDAY) == []
    with demo_db.reader() as s:
        roles = {log.role for log in s.scalars(select(ChangeLog).where(ChangeLog.row_id == eid))}
    assert roles == {"PEGAWAI", "PENILAI"}


def test_evidence_is_copied_to_the_blob_store(demo_db: Database, people: People, tmp_path: Path) -> None:
    eid = dl.add_entry(demo_db, people.staff, FRIDAY, "foto kegiatan", today=FRIDAY)
    src = tmp_path / "foto.pdf"
    src.write_bytes(b"%PDF-1.4 bukti")
    sha = dl.attach_evidence(demo_db, people.staff, eid, src)
    assert demo_db.blobs.exists(sha)
    assert dl.entries(demo_db, people.staff, None, FRIDAY)[0].filename == "foto.pdf"
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        dl.attach_evidence(demo_db, people.staff, eid, tmp_path / "hilang.pdf")


def test_month_recap_counts_logged_late_and_missing_working_days(demo_db: Database, people: People,
                                                                 tmp_path: Path) -> None:
    csv = tmp_path / "libur.csv"
    csv.write_text("tanggal;keterangan\n2026-10-02;Cuti bersama\n", encoding="utf-8")
    calendar_service.import_holidays(demo_db, people.admin, csv)
    dl.add_entry(demo_db, people.staff, date(2026, 10, 5), "a", today=date(2026, 10, 5))
    dl.add_entry(demo_db, people.staff, date(2026, 10, 5), "b", today=date(2026, 10, 5))
    dl.add_entry(demo_db, people.staff, date(2026, 10, 6), "c", today=date(2026, 10, 12))  # late
    dl.add_entry(demo_db, people.staff, date(2026, 10, 3), "Sabtu lembur", today=date(2026, 10, 3))
    month = dl.person_month(demo_db, people.penilai, people.staff.employee_id, 2026, 10, today=date(2026, 10, 8))
    assert month.working_days == 21  # 22 weekdays in October 2026, one of them cuti bersama
    assert (month.logged, month.late, month.missing, month.on_time) == (2, 1, 3, 1)  # 1, 7 and 8 Oct missing
    oct2 = month.days[1]
    assert not oct2.working and oct2.reason == "Cuti bersama"
    assert month.days[2].entries == 1 and not month.days[2].working  # Saturday work is shown, not required
    with pytest.raises(PermissionDenied):
        dl.person_month(demo_db, people.other_penilai, people.staff.employee_id, 2026, 10)


def test_team_week_shows_who_logged_what_and_the_gaps(demo_db: Database, people: People) -> None:
    dl.add_entry(demo_db, people.staff, FRIDAY, "pelayanan loket", today=FRIDAY)
    week = dl.team_week(demo_db, people.penilai, FRIDAY, today=FRIDAY)
    assert week.monday == date(2026, 11, 2) and week.working == [True] * 5 + [False] * 2
    ids = [m.employee_id for m in week.members]
    assert people.staff.employee_id in ids
    assert [e.text for e in week.entries[people.staff.employee_id]] == ["pelayanan loket"]
    gaps = week.gaps()
    assert len(gaps[people.staff.employee_id]) == 4
    assert all(len(days) == 5 for emp, days in gaps.items() if emp != people.staff.employee_id)
    with pytest.raises(PermissionDenied):
        dl.team_week(demo_db, people.staff, FRIDAY)


def test_unit_recap_is_for_admins_and_the_units_penilai(demo_db: Database, people: People) -> None:
    with demo_db.reader() as s:
        unit_id = s.get(Employee, people.staff.employee_id).unit_id
    dl.add_entry(demo_db, people.staff, FRIDAY, "pelayanan loket", today=FRIDAY)
    rows = dl.unit_month(demo_db, people.admin, unit_id, 2026, 11, today=FRIDAY)
    staff_row = next(r for r in rows if r.employee_id == people.staff.employee_id)
    assert (staff_row.working_days, staff_row.missing) == (21, 4)  # missing: up to today (2-5 November)
    assert staff_row.totals().due == 5  # 2-6 November
    # the unit's numbers (one grouped query) are each person's month counted day by day, late days included
    for today in (FRIDAY, date(2026, 11, 22)):
        counted = dl.unit_month(demo_db, people.admin, unit_id, 2026, 11, today=today)
        by_day = [dl.person_month(demo_db, people.admin, r.employee_id, 2026, 11, today=today) for r in counted]
        assert [r.totals() for r in counted] == [m.totals() for m in by_day]
        assert [r.employee_id for r in counted] == [m.employee_id for m in by_day]
    assert any(m.late for m in by_day) and any(m.logged > m.late for m in by_day)
    mine = dl.unit_month(demo_db, people.penilai, unit_id, 2026, 11, today=FRIDAY)
    assert people.staff.employee_id in {r.employee_id for r in mine} and len(mine) <= len(rows)
    with pytest.raises(PermissionDenied):
        dl.unit_month(demo_db, people.other_penilai, unit_id, 2026, 11)


def test_the_demo_office_has_a_realistic_fortnight(demo_db: Database, people: People) -> None:
    week = dl.team_week(demo_db, people.penilai, date(2026, 11, 16), today=date(2026, 11, 22))
    logged = sum(m.logged for m in week.members)
    assert logged >= 0.8 * 5 * len(week.members)  # most people log most days, a few gaps
    assert any(e.link_text for es in week.entries.values() for e in es)
    with demo_db.reader() as s:
        rows = list(s.scalars(select(ProgresHarian)))
    assert any(r.late for r in rows) and any(r.umpan_balik for r in rows)
    assert {r.day.month for r in rows} == {11}


def test_the_recap_xlsx_reports_progress_and_a_cancelled_export_keeps_the_old_file(demo_db: Database, people: People,
                                                                                   tmp_path) -> None:
    """Streamed export: progress reaches the row count; cancelled, it returns None and the file there is kept."""
    from dataclasses import replace

    from openpyxl import load_workbook

    with demo_db.reader() as s:
        unit_id = s.get(Employee, people.staff.employee_id).unit_id
    rec = dl.month_recap(demo_db, people.admin, 2026, 11, unit_id=unit_id, today=date(2026, 11, 22))
    rec = replace(rec, people=rec.people * 300)
    seen: list[tuple[int, int]] = []
    folder = tmp_path / "ekspor"
    folder.mkdir()
    out = dl.write_recap_xlsx(rec, folder / "rekap.xlsx", progress=lambda d, t: seen.append((d, t)))
    rows = list(load_workbook(out)["Rekap"].iter_rows(values_only=True))
    assert len(rows) == len(rec.people) + 1 and seen[-1] == (len(rec.people), len(rec.people))
    first = rec.people[0]
    assert rows[1][:3] == (first.unit, first.nip, first.nama) and rows[1][6:] == (
        first.logged, first.on_time, first.late, first.missing)
    before = out.read_bytes()
    assert dl.write_recap_xlsx(rec, out, cancelled=lambda: True) is None
    assert out.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["rekap.xlsx"]


def test_a_pc_clock_set_back_does_not_make_a_late_entry_on_time(demo_db: Database, people: People, tmp_path) -> None:
    """GIVEN Wednesday's line written on Wednesday WHEN the same PC, its clock set back to Monday, writes Monday's
    line THEN the PC's own order of changes contradicts the date: the entry is doubted and counted late, in the
    list, the person's month recap and its XLSX; another person's entries are untouched."""
    from openpyxl import load_workbook

    monday, wednesday = date(2026, 11, 2), date(2026, 11, 4)  # before the demo's fortnight of logs
    dl.add_entry(demo_db, people.staff, wednesday, "rapat koordinasi layanan", today=wednesday)
    cheat = dl.add_entry(demo_db, people.staff, monday, "verifikasi berkas (susulan)", today=monday)  # clock set back
    honest = dl.add_entry(demo_db, people.staff, date(2026, 11, 5), "pelayanan loket", today=date(2026, 11, 5))
    by_id = {e.id: e for e in dl.entries(demo_db, people.penilai, people.staff.employee_id, monday, wednesday + 
                                         timedelta(days=1))}
    assert by_id[cheat].written_on == monday and by_id[cheat].late
    assert "jam PC diragukan" in by_id[cheat].doubt and "04-11-2026" in by_id[cheat].doubt
    assert not by_id[honest].doubt and not by_id[honest].late
    rec = dl.month_recap(demo_db, people.penilai, 2026, 11, employee_id=people.staff.employee_id,
                         today=date(2026, 11, 20))
    assert next(d for d in rec.people[0].days if d.day == monday).late
    out = dl.write_recap_xlsx(rec, tmp_path / "harian.xlsx")
    rows = list(load_workbook(out)["Harian"].iter_rows(values_only=True))
    assert rows[0][-1] == "waktu_diragukan"
    flagged = [r for r in rows[1:] if r[-1]]
    assert [r[3] for r in flagged] == ["verifikasi berkas (susulan)"] and flagged[0][5] == "ya"
    other = dl.entries(demo_db, people.admin, people.penilai.employee_id, date(2026, 11, 1), date(2026, 11, 30))
    assert not any(e.doubt for e in other)  # the demo's own history is in order
