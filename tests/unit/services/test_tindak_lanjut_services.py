"""Tindak lanjut services: competency standards and gaps, development plans and the 20 JP, recognition."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import competency_import as ci
from kinerja_desktop.services import competency_service as cs
from kinerja_desktop.services import development_service as ds
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import recognition_service as rs
from kinerja_desktop.store.models import Employee, Evaluation, Rhk, RhkFeedback
from kinerja_desktop.store.models_tindak_lanjut import DevelopmentItem
from tests.helpers.fixtures import DEMO_TODAY, DEMO_YEAR, People


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_the_38_2017_catalogue_has_8_managerial_and_1_sociocultural_competency_with_5_levels() -> None:
    cat = cs.catalogue()
    assert [c.kind for c in cat].count("MANAJERIAL") == 8 and [c.kind for c in cat].count("SOSIAL_KULTURAL") == 1
    assert {c.name for c in cat} >= {"Integritas", "Komunikasi", "Pengambilan Keputusan", "Perekat Bangsa"}
    assert all(len(c.levels) == 5 and all(c.levels) for c in cat)


def test_penilai_assesses_and_the_gap_follows_the_jabatan_standard(demo_db, people: People) -> None:
    staff_id = people.staff.employee_id
    with demo_db.reader() as s:
        jabatan = s.get(Employee, staff_id).jabatan
    cs.set_standard(demo_db, people.admin, jabatan, "M3", 4)
    cs.assess(demo_db, people.penilai, staff_id, "M3", 1, assessed_on=date(2026, 11, 1))
    gap = next(g for g in cs.profile(demo_db, people.staff, staff_id).gaps if g.code == "M3")
    assert (gap.required, gap.assessed, gap.gap, gap.large) == (4, 1, 3, True)
    with pytest.raises(PermissionDenied):
        cs.assess(demo_db, people.staff, staff_id, "M3", 5)  # nobody rates themself
    with pytest.raises(PermissionDenied):
        cs.assess(demo_db, people.other_penilai, staff_id, "M3", 5)
    with pytest.raises(PermissionDenied):
        cs.set_standard(demo_db, people.penilai, jabatan, "M3", 1)
    with pytest.raises(ValidationError, match="1 sampai 5"):
        cs.assess(demo_db, people.penilai, staff_id, "M3", 7)
    # an admin records an assessment centre's result; the latest counts
    cs.assess(demo_db, people.admin, staff_id, "M3", 3, source="ASSESSMENT_CENTER", assessed_on=date(2026, 11, 20))
    gap = next(g for g in cs.profile(demo_db, people.penilai, staff_id).gaps if g.code == "M3")
    assert (gap.assessed, gap.gap) == (3, 1)


def test_standards_import_reports_every_bad_row_and_stores_nothing_until_fixed(demo_db, people: People,
                                                                               tmp_path: Path) -> None:
    rows = [["Jabatan", "Jenis", "Kode", "Nama", "Level", "Deskripsi"],
            ["Pranata Komputer Ahli Muda", "MANAJERIAL", "M3", "", 3, ""],
            ["Pranata Komputer Ahli Muda", "TEKNIS", "T9", "Jaringan Komputer", 6, ""],
            ["Pranata Komputer Ahli Muda", "MANAJERIAL", "X1", "Tidak ada", 2, ""],
            ["Pranata Komputer Ahli Muda", "TEKNIS", "T8", "", 2, ""]]
    res = ci.import_standards(demo_db, people.admin, _xlsx(tmp_path / "std.xlsx", rows))
    assert not res.stored and [p.row for p in res.problems] == [3, 4, 5]
    assert [p.field for p in res.problems] == ["level", "kode", "nama"]
    with pytest.raises(PermissionDenied):
        ci.import_standards(demo_db, people.penilai, tmp_path / "std.xlsx")
    rows[2][4], rows[4][3] = 4, "Basis Data"
    rows[3][1:4] = ["TEKNIS", "T7", "Keamanan Siber"]
    res = ci.import_standards(demo_db, people.admin, _xlsx(tmp_path / "std2.xlsx", rows))
    assert res.stored and res.created == 4, res.summary()
    with demo_db.reader() as s:
        std = {r.code: r for r in cs.standards_for(s, "Pranata Komputer Ahli Muda", "FUNGSIONAL", "AHLI_MUDA")}
    assert std["M3"].recorded and std["M3"].level == 3 and std["T9"].level == 4
    assert not std["M1"].recorded and std["M1"].level == cs.default_level("FUNGSIONAL", "AHLI_MUDA")


def test_assessment_centre_results_import_by_nip(demo_db, people: People, tmp_path: Path) -> None:
    with demo_db.reader() as s:
        nip = s.get(Employee, people.staff.employee_id).nip
    path = _xlsx(tmp_path / "ac.xlsx", [["NIP", "Kode", "Level", "Tanggal", "Sumber"],
                                        [nip, "M4", 2, "01-10-2026", "ASSESSMENT_CENTER"],
                                        ["199999999999999999", "M4", 2, "", ""]])
    res = ci.import_assessments(demo_db, people.admin, path)
    assert not res.stored and res.problems[0].row == 3 and "tidak ada di daftar pegawai" in res.problems[0].message
    res = ci.import_assessments(demo_db, people.admin, path, skip_bad=True)
    assert res.stored and res.created == 1
    prof = cs.profile(demo_db, people.staff, people.staff.employee_id)
    assert next(g for g in prof.gaps if g.code == "M4").assessed == 2
    assert prof.sources["M4"] == "Assessment center"


def test_a_weak_predikat_gives_a_proposal_that_the_penilai_accepts_edited(demo_db, people: People) -> None:
    emp_id, penilai, me = people.staff.employee_id, people.penilai, people.staff
    es.set_ratings(demo_db, penilai, people.staff_plan_id, "TW4", hasil="DI_BAWAH", perilaku="SESUAI")
    es.set_details(demo_db, penilai, people.staff_plan_id, "TW4", catatan="Perlu melatih komunikasi di depan umum")
    es.finalise(demo_db, penilai, people.staff_plan_id, "TW4")
    with demo_db.reader() as s:
        ev_id = s.execute(select(Evaluation.id).where(Evaluation.plan_id == people.staff_plan_id,
                                                      Evaluation.period == "TW4")).scalar_one()
        before = s.query(DevelopmentItem).filter_by(employee_id=emp_id).count()
    prop = next(p for p in ds.proposals(demo_db, penilai, emp_id, DEMO_YEAR) if p.evaluation_id == ev_id)
    assert prop.form == "COACHING" and "Butuh Perbaikan" in prop.reason and "komunikasi" in prop.reason
    with demo_db.reader() as s:
        assert s.query(DevelopmentItem).filter_by(employee_id=emp_id).count() == before  # never a silent decision
    with pytest.raises(PermissionDenied):
        ds.add_item(demo_db, me, emp_id, DEMO_YEAR, form=prop.form, topic=prop.topic)
    item_id = ds.add_item(demo_db, penilai, emp_id, DEMO_YEAR, form="PELATIHAN", topic="Pelatihan public speaking",
                          jp=24, start_on=date(2026, 12, 1), end_on=date(2026, 12, 4), reason=prop.reason,
                          evaluation_id=ev_id, source="OTOMATIS")
    assert not [p for p in ds.proposals(demo_db, penilai, emp_id, DEMO_YEAR) if p.evaluation_id == ev_id]
    view = next(i for i in ds.items_of(demo_db, me, emp_id, DEMO_YEAR, today=DEMO_TODAY) if i.id == item_id)
    assert view.evaluation_label == "Evaluasi Triwulan IV 2026" and view.state == "BERJALAN"
    # late once its end date passed without a report
    assert next(i for i in ds.items_of(demo_db, me, emp_id, DEMO_YEAR, today=date(2026, 12, 20))
                if i.id == item_id).state == "TERLAMBAT"
    ds.update_item(demo_db, penilai, item_id, jp=30)
    ds.cancel_item(demo_db, penilai, item_id, "Diganti coaching")
    view = ds.item_by_id(demo_db, me, item_id)
    assert (view.jp, view.state) == (30.0, "BATAL") and "Diganti coaching" in view.reason


def test_the_pegawai_reports_completion_with_certificate_and_the_jp_recap_counts_it(demo_db, people: People,
                                                                                    tmp_path: Path) -> None:
    staff_id = people.staff.employee_id
    before = next(x for x in ds.jp_recap(demo_db, people.admin, DEMO_YEAR).lines if x.employee_id == staff_id)
    item_id = ds.add_item(demo_db, people.penilai, staff_id, DEMO_YEAR, form="E_LEARNING", topic="Naskah dinas",
                          jp=12, start_on=date(2026, 3, 1), end_on=date(2026, 3, 5))
    cert = tmp_path / "sertifikat.pdf"
    cert.write_bytes(b"%PDF-1.4 sertifikat")
    with pytest.raises(PermissionDenied):
        ds.report_done(demo_db, people.penilai, item_id, date(2026, 3, 5), certificate=cert)
    ds.report_done(demo_db, people.staff, item_id, date(2026, 3, 5), certificate=cert, note="Lulus")
    view = ds.item_by_id(demo_db, people.staff, item_id)
    assert view.state == "SELESAI" and view.certificate_name == "sertifikat.pdf"
    assert demo_db.blobs.read_bytes(view.sha256) == cert.read_bytes()
    # the admin records organised training already done
    ds.add_item(demo_db, people.admin, staff_id, DEMO_YEAR, form="PELATIHAN", topic="Pelayanan prima", jp=16,
                source="ADMIN", completed_on=date(2026, 6, 10), organiser="BKPSDM")
    after = next(x for x in ds.jp_recap(demo_db, people.admin, DEMO_YEAR).lines if x.employee_id == staff_id)
    assert after.jp_done == before.jp_done + 28
    assert after.below == (after.jp_done < 20)
    # a penilai's recap lists their people only; the staff member's their own
    own = ds.jp_recap(demo_db, people.staff, DEMO_YEAR)
    assert [x.employee_id for x in own.lines] == [staff_id]
    with pytest.raises(ValidationError):
        ds.report_done(demo_db, people.staff, item_id, date(2099, 1, 1))
    path = ds.export_recap(ds.jp_recap(demo_db, people.admin, DEMO_YEAR), tmp_path / "jp.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Per Pegawai", "Per Unit"] and wb["Per Pegawai"].max_row > 10


def _open_evaluation(db, people: People) -> tuple[str, str]:
    es.set_ratings(db, people.penilai, people.staff_plan_id, "TW4", hasil="DI_ATAS", perilaku="DI_ATAS")
    with db.reader() as s:
        rhk = s.execute(select(Rhk.id).where(Rhk.plan_id == people.staff_plan_id, Rhk.deleted.is_(False))
                        .order_by(Rhk.position)).scalars().first()
    return people.staff_plan_id, rhk


def test_the_penilai_marks_an_innovation_and_the_person_becomes_a_candidate(demo_db, people: People) -> None:
    plan_id, rhk = _open_evaluation(demo_db, people)
    with pytest.raises(ValidationError, match="Alasan"):
        rs.mark_feedback(demo_db, people.penilai, plan_id, "TW4", rhk, "INOVASI", "")
    with pytest.raises(PermissionDenied):
        rs.mark_feedback(demo_db, people.staff, plan_id, "TW4", rhk, "INOVASI", "Saya sendiri")
    rs.mark_feedback(demo_db, people.penilai, plan_id, "TW4", rhk, "INOVASI", "Layanan daring satu hari")
    assert rs.marks_of(demo_db, people.staff, plan_id, "TW4") == {rhk: ("INOVASI", "Layanan daring satu hari")}
    _title, before = rs.candidates(demo_db, people.penilai, DEMO_YEAR, "TW4")
    assert people.staff.employee_id not in {c.employee_id for c in before}  # the evaluation is not final yet
    es.finalise(demo_db, people.penilai, plan_id, "TW4")
    _title, cands = rs.candidates(demo_db, people.penilai, DEMO_YEAR, "TW4")
    me = next(c for c in cands if c.employee_id == people.staff.employee_id)
    assert me.predikat == "SANGAT_BAIK" and me.marks[0].reason == "Layanan daring satu hari"
    assert "Inovasi" in me.basis and "Sangat Baik" in me.basis
    _t, other = rs.candidates(demo_db, people.other_penilai, DEMO_YEAR, "TW4")
    assert people.staff.employee_id not in {c.employee_id for c in other}


def test_only_the_admin_records_awards_and_the_person_sees_them(demo_db, people: People) -> None:
    staff_id = people.staff.employee_id
    with pytest.raises(PermissionDenied):
        rs.record_award(demo_db, people.penilai, staff_id, DEMO_YEAR, "PIAGAM")
    with pytest.raises(ValidationError):
        rs.record_award(demo_db, people.admin, staff_id, DEMO_YEAR, "MEDALI")
    rs.record_award(demo_db, people.admin, staff_id, DEMO_YEAR, "PIAGAM", period="TW3", given_on=date(2026, 11, 2),
                    decree_no="800/12/BKPSDM/2026")
    awards = rs.awards_of(demo_db, people.staff, staff_id)
    assert awards[0].kind_label == "Piagam penghargaan" and awards[0].decree_no == "800/12/BKPSDM/2026"
    with pytest.raises(PermissionDenied):
        rs.awards_of(demo_db, people.other_penilai, staff_id)


def test_the_demo_office_has_candidates_plans_done_and_late_gaps_and_awards(demo_db, people: People) -> None:
    rec = ds.jp_recap(demo_db, people.admin, DEMO_YEAR, today=DEMO_TODAY)
    assert rec.below and len(rec.below) < len(rec.lines)
    with demo_db.reader() as s:
        items = list(s.scalars(select(DevelopmentItem)))
        marked = s.execute(select(RhkFeedback.id).where(RhkFeedback.mark.is_not(None))).all()
    from kinerja_desktop.domain.tindak_lanjut import item_state

    states = {item_state(i.status, i.completed_on, i.end_on, DEMO_TODAY) for i in items}
    assert {"SELESAI", "TERLAMBAT", "BERJALAN"} <= states and marked
    _t, cands = rs.candidates(demo_db, people.admin, DEMO_YEAR, "TW3")
    assert any(c.marks for c in cands) and any(c.predikat == "SANGAT_BAIK" for c in cands)
    assert any(c.awards for c in cands)
    assert any(cs.profile(demo_db, people.admin, x.employee_id).large_gaps() for x in rec.lines)
