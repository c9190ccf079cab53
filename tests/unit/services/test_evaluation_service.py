"""Evaluation by the pejabat penilai: feedback, ratings, the derived predikat, finalise, mark as read."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.store.models import Employee

OPEN = "TW4"  # the demo's today is 2026-11-22: TW1-TW3 are evaluated, TW4 is still open


def test_an_unstarted_evaluation_reads_as_belum(demo_db, people):
    view = es.get_evaluation(demo_db, people.staff, people.staff_plan_id, OPEN)
    assert (view.id, view.status, view.predikat) == (None, "BELUM", None)
    assert len(view.perilaku_feedback) == 7


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), [
    ("DI_ATAS", "DI_ATAS", "SANGAT_BAIK"), ("DI_ATAS", "SESUAI", "BAIK"), ("SESUAI", "DI_ATAS", "BAIK"),
    ("DI_ATAS", "DI_BAWAH", "KURANG"), ("DI_BAWAH", "DI_ATAS", "BUTUH_PERBAIKAN"),
    ("DI_BAWAH", "DI_BAWAH", "SANGAT_KURANG"),
])
def test_predikat_is_derived_from_the_two_ratings(demo_db, people, hasil, perilaku, predikat):
    assert es.set_ratings(demo_db, people.penilai, people.staff_plan_id, OPEN, hasil=hasil) is None
    assert es.set_ratings(demo_db, people.penilai, people.staff_plan_id, OPEN, perilaku=perilaku) == predikat
    assert es.get_evaluation(demo_db, people.staff, people.staff_plan_id, OPEN).predikat == predikat
    assert es.set_ratings(demo_db, people.penilai, people.staff_plan_id, OPEN, hasil="") is None  # cleared


def test_feedback_details_and_unknown_values(demo_db, people):
    pen, plan = people.penilai, people.staff_plan_id
    rhk = ps.get_plan(demo_db, pen, plan).rhk[0].id
    es.set_rhk_feedback(demo_db, pen, plan, OPEN, rhk, "Laporan tepat waktu")
    es.set_perilaku_feedback(demo_db, pen, plan, OPEN, "KOLABORATIF", "Aktif membantu rekan")
    es.set_details(demo_db, pen, plan, OPEN, capaian_organisasi="BAIK", catatan="Ikuti pelatihan")
    view = es.get_evaluation(demo_db, people.staff, plan, OPEN)
    assert view.rhk_feedback[rhk] == "Laporan tepat waktu" and view.perilaku_feedback["KOLABORATIF"]
    assert (view.capaian_organisasi, view.catatan, view.status) == ("BAIK", "Ikuti pelatihan", "DRAFT")
    with pytest.raises(ValidationError, match="Rating Hasil Kerja tidak dikenal"):
        es.set_ratings(demo_db, pen, plan, OPEN, hasil="LUAR_BIASA")
    with pytest.raises(ValidationError, match="Capaian kinerja organisasi tidak dikenal"):
        es.set_details(demo_db, pen, plan, OPEN, capaian_organisasi="HEBAT")
    other_rhk = ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).rhk[0].id
    with pytest.raises(ValidationError, match="bukan bagian dari SKP"):
        es.set_rhk_feedback(demo_db, pen, plan, OPEN, other_rhk, "x")


def test_finalise_requires_both_ratings_then_is_read_only(demo_db, people):
    pen, plan = people.penilai, people.staff_plan_id
    with pytest.raises(ValidationError, match="Rating Hasil Kerja dan Rating Perilaku Kerja belum diisi"):
        es.finalise(demo_db, pen, plan, OPEN)
    es.set_ratings(demo_db, pen, plan, OPEN, hasil="SESUAI")
    with pytest.raises(ValidationError, match="^Rating Perilaku Kerja belum diisi"):
        es.finalise(demo_db, pen, plan, OPEN)
    es.set_ratings(demo_db, pen, plan, OPEN, perilaku="SESUAI")
    es.finalise(demo_db, pen, plan, OPEN)
    view = es.get_evaluation(demo_db, people.staff, plan, OPEN)
    assert (view.status, view.predikat) == ("FINAL", "BAIK") and view.finalised_at is not None
    with pytest.raises(ValidationError, match="sudah difinalkan"):
        es.set_ratings(demo_db, pen, plan, OPEN, hasil="DI_ATAS")
    with pytest.raises(ValidationError, match="sudah difinalkan"):
        es.set_details(demo_db, pen, plan, OPEN, catatan="ubah")
    es.reopen(demo_db, pen, plan, OPEN)
    assert es.set_ratings(demo_db, pen, plan, OPEN, hasil="DI_ATAS") == "BAIK"


def test_only_the_penilai_rates(demo_db, people):
    plan = people.staff_plan_id
    with pytest.raises(PermissionDenied, match="untuk diri sendiri"):
        es.set_ratings(demo_db, people.staff, plan, OPEN, hasil="DI_ATAS")
    for outsider in (people.atasan, people.other_penilai, people.admin):
        with pytest.raises(PermissionDenied, match="bukan pejabat penilai"):
            es.set_ratings(demo_db, outsider, plan, OPEN, hasil="DI_ATAS")
        with pytest.raises(PermissionDenied):
            es.finalise(demo_db, outsider, plan, OPEN)
    assert es.get_evaluation(demo_db, people.atasan, plan, "TW1").status == "FINAL"  # atasan may read
    assert es.get_evaluation(demo_db, people.admin, plan, "TW1").predikat  # admin may read
    with pytest.raises(PermissionDenied):
        es.get_evaluation(demo_db, people.other_penilai, plan, "TW1")


def test_evaluation_needs_an_approved_plan(demo_db, people):
    drafter_penilai = ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).penilai_id
    with demo_db.reader() as s:
        penilai = user_by_username(demo_db, s.get(Employee, drafter_penilai).nip)
    with pytest.raises(ValidationError, match="sudah disetujui"):
        es.set_ratings(demo_db, penilai, people.drafter_plan_id, OPEN, hasil="SESUAI")


def test_mark_read_by_the_employee_after_finalising(demo_db, people):
    pen, plan = people.penilai, people.staff_plan_id
    es.set_ratings(demo_db, pen, plan, OPEN, hasil="SESUAI", perilaku="SESUAI")
    with pytest.raises(ValidationError, match="belum difinalkan"):
        es.mark_read(demo_db, people.staff, plan, OPEN)
    es.finalise(demo_db, pen, plan, OPEN)
    with pytest.raises(PermissionDenied):
        es.mark_read(demo_db, pen, plan, OPEN)
    es.mark_read(demo_db, people.staff, plan, OPEN)
    first = es.get_evaluation(demo_db, people.staff, plan, OPEN).read_at
    assert first is not None
    es.mark_read(demo_db, people.staff, plan, OPEN)
    assert es.get_evaluation(demo_db, people.staff, plan, OPEN).read_at == first  # the first reading counts
