"""Survei Kepuasan Masyarakat: surveys, kiosk responses, import, results, report, and the IKM as realisation."""

from __future__ import annotations

import csv
import random
import subprocess
import zipfile
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from sqlalchemy import select

from kinerja_desktop.documents import skm_print
from kinerja_desktop.domain import skm
from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import realisation_service as rs
from kinerja_desktop.services import skm_import, skm_link
from kinerja_desktop.services import skm_service as svc
from kinerja_desktop.store.models import ChangeLog, Employee, SkmResponse, Unit
from kinerja_desktop.sync.authz import Authorizer

YEAR = 2026
HEADER = [*skm.UNSUR_CODES, "tanggal", "usia", "jenis_kelamin", "pendidikan", "pekerjaan", "layanan"]


def _unit_code(db, employee_id: str | None = None) -> str:
    with db.reader() as s:
        if employee_id:
            return s.get(Unit, s.get(Employee, employee_id).unit_id).code
        return s.scalars(select(Unit.code).order_by(Unit.code)).all()[1]


def _write_csv(path, n: int, seed: int = 1) -> list[list[int]]:
    rng = random.Random(seed)
    answers = []
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(HEADER)
        for _ in range(n):
            row = [rng.choice([1, 2, 3, 3, 4, 4]) for _ in range(9)]
            answers.append(row)
            w.writerow([*row, f"{rng.randint(1, 28):02d}-0{rng.randint(1, 9)}-{YEAR}", rng.randint(17, 80),
                        rng.choice("LP"), "SMA", "swasta" if rng.random() < .5 else "Wirausaha", "Perizinan"])
    return answers


def test_200_imported_responses_give_the_ikm_of_a_hand_computation(demo_db, people, tmp_path):
    code = _unit_code(demo_db)
    answers = _write_csv(tmp_path / "r.csv", 200)
    result = skm_import.import_responses(demo_db, people.admin, tmp_path / "r.csv", code, YEAR)
    assert (result.imported, result.problems) == (200, [])
    res = svc.results(demo_db, people.staff, code, YEAR)  # the IKM is for everyone to read
    # by hand, per the regulation: NRR_i = sum_i / 200; IKM = sum(NRR_i x 1/9) x 25
    nrr = [Fraction(sum(r[i] for r in answers), 200) for i in range(9)]
    by_hand = sum(n / 9 for n in nrr) * 25
    assert res.result.exact == by_hand
    assert res.ikm == skm.round2(by_hand) and res.mutu is skm.mutu_for(by_hand)
    assert res.as_dict()["respondents"] == 200
    assert res.profile["pekerjaan"]["SWASTA"] + res.profile["pekerjaan"]["WIRAUSAHA"] == 200


def test_reimporting_the_same_file_stores_nothing_twice_and_a_longer_file_only_its_new_rows(demo_db, people, tmp_path):
    code = _unit_code(demo_db)
    _write_csv(tmp_path / "r.csv", 30)
    skm_import.import_responses(demo_db, people.admin, tmp_path / "r.csv", code, YEAR)
    again = skm_import.import_responses(demo_db, people.admin, tmp_path / "r.csv", code, YEAR)
    assert (again.imported, len(again.duplicates)) == (0, 30)
    _write_csv(tmp_path / "more.csv", 40)  # same seed: the first 30 rows are the same
    more = skm_import.import_responses(demo_db, people.admin, tmp_path / "more.csv", code, YEAR)
    assert (more.imported, len(more.duplicates)) == (10, 30)
    assert svc.results(demo_db, people.admin, code, YEAR).result.respondents == 40


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_stored(demo_db, people, tmp_path):
    code = _unit_code(demo_db)
    path = tmp_path / "bad.csv"
    path.write_text("Judul survei\n" + ";".join(HEADER) + "\n"
                    "4;4;4;4;4;4;4;4;4;;;;;;\n"
                    "4;5;4;4;4;4;4;4;4;;;;;;\n"
                    "4;4;4;4;4;4;4;4;4;01-01-2025;;;;;\n"
                    "4;4;4;4;4;4;4;4;4;;30;X;;;\n", encoding="utf-8")
    result = skm_import.import_responses(demo_db, people.admin, path, code, YEAR)
    assert result.imported == 0
    assert [(p.row, p.field) for p in result.problems] == [(4, "U2"), (5, None), (6, None)]
    assert "Jenis kelamin" in result.problems[2].message
    skipped = skm_import.import_responses(demo_db, people.admin, path, code, YEAR, skip_bad=True)
    assert skipped.imported == 1


def test_kiosk_responses_are_saved_at_once_never_edited_and_voided_with_a_reason(demo_db, people):
    code = _unit_code(demo_db)
    sid = svc.open_survey(demo_db, people.admin, code, YEAR, services=["KTP"])
    answers = dict.fromkeys(skm.UNSUR_CODES, 3)
    with pytest.raises(PermissionDenied):
        svc.record_response(demo_db, people.staff, sid, answers, day=date(YEAR, 5, 2))
    with pytest.raises(ValidationError, match="di luar periode"):
        svc.record_response(demo_db, people.admin, sid, answers, day=date(YEAR + 1, 1, 2))
    with pytest.raises(ValidationError, match="tidak termasuk"):
        svc.record_response(demo_db, people.admin, sid, answers, svc.Profile(layanan="SIM"), day=date(YEAR, 5, 2))
    rid = svc.record_response(demo_db, people.admin, sid, answers, svc.Profile("25-34", "P", "S1", "PNS", "KTP"),
                              day=date(YEAR, 5, 2))
    svc.record_response(demo_db, people.admin, sid, dict.fromkeys(skm.UNSUR_CODES, 1), day=date(YEAR, 5, 2))
    assert svc.results(demo_db, people.admin, code, YEAR).ikm == Decimal("50.00")
    with pytest.raises(ValidationError):
        svc.void_response(demo_db, people.admin, rid, "  ")
    svc.void_response(demo_db, people.admin, rid, "diisi petugas untuk uji coba")
    res = svc.results(demo_db, people.admin, code, YEAR)
    assert (res.result.respondents, res.voided, res.ikm) == (1, 1, Decimal("25.00"))
    with demo_db.reader() as s:
        log = s.scalars(select(ChangeLog).where(ChangeLog.row_id == rid).order_by(ChangeLog.id)).all()
    assert [e.op for e in log] == ["insert", "update"] and log[0].user == "admin"
    assert log[1].changes["void_reason"][1] == "diisi petugas untuk uji coba"


def test_a_receiver_refuses_edits_of_saved_answers_and_responses_from_non_admins(demo_db, people):
    code = _unit_code(demo_db)
    sid = svc.open_survey(demo_db, people.admin, code, YEAR)
    rid = svc.record_response(demo_db, people.admin, sid, dict.fromkeys(skm.UNSUR_CODES, 4), day=date(YEAR, 3, 1))
    with demo_db.reader() as s:
        authz = Authorizer(s)
        row = {"id": rid, "survey_id": sid}
        assert "tidak dapat diubah" in authz.check("skm_response", "update", {"u1": 1}, row, "admin")
        assert authz.check("skm_response", "update", {"voided": True, "void_reason": "x"}, row, "admin") is None
        assert "bukan admin" in authz.check("skm_response", "insert", {"u1": 4}, row, people.staff.username)


def test_the_previous_period_is_compared(demo_db, people):
    code = _unit_code(demo_db)
    old = svc.open_survey(demo_db, people.admin, code, YEAR - 1)
    svc.record_response(demo_db, people.admin, old, dict.fromkeys(skm.UNSUR_CODES, 2), day=date(YEAR - 1, 6, 1))
    new = svc.open_survey(demo_db, people.admin, code, YEAR)
    svc.record_response(demo_db, people.admin, new, dict.fromkeys(skm.UNSUR_CODES, 3), day=date(YEAR, 6, 1))
    res = svc.results(demo_db, people.admin, code, YEAR)
    assert res.previous is not None and res.previous[0].year == YEAR - 1
    assert res.change() == Decimal("25.00")


def test_export_neutralises_formula_cells(demo_db, people, tmp_path):
    code = _unit_code(demo_db)
    path = tmp_path / "r.csv"
    path.write_text(";".join(HEADER) + "\n" + "4;4;4;4;4;4;4;4;4;;;;;;=HYPERLINK(\"http://x\")\n", encoding="utf-8")
    assert skm_import.import_responses(demo_db, people.admin, path, code, YEAR).imported == 1
    sid = svc.find_survey(demo_db, code, YEAR).id
    out = skm_import.export_survey(demo_db, people.admin, sid, tmp_path / "hasil.xlsx")
    from openpyxl import load_workbook

    ws = load_workbook(out)["Responden"]
    assert ws.cell(row=2, column=16).value.startswith("'=HYPERLINK")
    with zipfile.ZipFile(out) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet2.xml")
    with pytest.raises(PermissionDenied):
        skm_import.export_survey(demo_db, people.staff, sid, tmp_path / "x.xlsx")


def test_report_prints_with_the_unit_heads_signature_field_and_the_form_on_f4(demo_db, people, tmp_path):
    code = _unit_code(demo_db)
    _write_csv(tmp_path / "r.csv", 50)
    skm_import.import_responses(demo_db, people.admin, tmp_path / "r.csv", code, YEAR)
    doc = skm_print.print_report(demo_db, people.admin, code, YEAR, "TAHUNAN", tmp_path / "lap.pdf")
    assert [f.role for f in doc.signature_fields] == ["pimpinan"] and doc.signature_fields[0].signer_name
    assert doc.doc_id == f"SKM-{YEAR}-TAHUNAN-{code}"
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "lap.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    res = svc.results(demo_db, people.admin, code, YEAR)
    assert f"{res.ikm:.2f}".replace(".", ",") in text and "UNSUR TERLEMAH" in text
    form = skm_print.print_form(demo_db, code, YEAR, "TAHUNAN", tmp_path / "form.pdf", paper="F4")
    assert form.page_count == 1


def test_an_iki_of_a_unit_head_takes_the_ikm_as_its_realisation_with_the_report_as_evidence(demo_db, people, tmp_path):
    code = _unit_code(demo_db, people.staff.employee_id)
    _write_csv(tmp_path / "r.csv", 60)
    skm_import.import_responses(demo_db, people.admin, tmp_path / "r.csv", code, YEAR)
    skm_print.print_report(demo_db, people.admin, code, YEAR, "TAHUNAN", tmp_path / "laporan.pdf")
    ind = ps.get_plan(demo_db, people.staff, people.staff_plan_id).rhk[0].indicators[0].id
    with pytest.raises(PermissionDenied):
        skm_link.link_indicator(demo_db, people.other_penilai, ind, code)
    skm_link.link_indicator(demo_db, people.staff, ind, code)
    summary = skm_link.apply_ikm(demo_db, people.staff, ind, "TW4", evidence=tmp_path / "laporan.pdf")
    real = rs.realisations_for(demo_db, people.staff, people.staff_plan_id, "TW4")[ind]
    assert real.value_text.startswith(f"{summary.ikm:.2f}".replace(".", ","))
    assert "unsur terlemah" in real.note and [a.filename for a in real.attachments] == ["laporan.pdf"]
    with demo_db.reader() as s:
        unit_id = s.scalars(select(Unit.id).where(Unit.code == code)).one()
    assert skm_link.unit_ikm(demo_db, unit_id, YEAR, "TW3").ikm == summary.ikm


def test_a_follow_up_action_becomes_an_rhk_of_the_responsible_staff(demo_db, people):
    if people.drafter is None:
        pytest.skip("no draft plan in the demo")
    code = _unit_code(demo_db)
    sid = svc.open_survey(demo_db, people.admin, code, YEAR)
    with demo_db.reader() as s:
        nip = s.get(Employee, people.drafter.employee_id).nip
    svc.set_follow_up(demo_db, people.admin, sid, analysis="Waktu layanan lama.",
                      actions=[{"action": "Menyederhanakan alur layanan", "unsur": "U3", "nip": nip}])
    with pytest.raises(PermissionDenied):
        skm_link.follow_up_to_rhk(demo_db, people.staff, sid, 1, people.staff_plan_id)
    rhk_id = skm_link.follow_up_to_rhk(demo_db, people.drafter, sid, 1, people.drafter_plan_id)
    texts = [r.text for r in ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).rhk if r.id == rhk_id]
    assert texts == ["Menyederhanakan alur layanan"]


def test_responses_are_stored_in_rows_of_the_synced_table(demo_db, people):
    code = _unit_code(demo_db)
    sid = svc.open_survey(demo_db, people.admin, code, YEAR)
    svc.record_response(demo_db, people.admin, sid, dict.fromkeys(skm.UNSUR_CODES, 4), day=date(YEAR, 2, 2))
    with demo_db.reader() as s:
        assert s.scalars(select(SkmResponse.source).where(SkmResponse.survey_id == sid)).all() == ["KIOSK"]
