"""What is incomplete before Ajukan / Setujui / Kembalikan / Finalkan / Tanda tangani: one list for GUI and CLI."""

from __future__ import annotations

from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import readiness_service as rd
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.store.models import Employee


def test_submit_lists_an_rhk_without_indicator_as_blocking(demo_db, people) -> None:
    """An RHK without indicator stops Ajukan (as the plan service does); the list says which."""
    user = people.drafter
    ps.add_rhk(demo_db, user, people.drafter_plan_id, text="Tersusunnya laporan keuangan bulanan")
    found = rd.before_submit(demo_db, user, people.drafter_plan_id)
    assert not found.ready
    assert any(g.blocking and "Tersusunnya laporan keuangan bulanan" in g.text for g in found.gaps)
    assert "belum dapat dilakukan" in found.summary()


def test_a_complete_draft_is_ready_with_warnings_only(demo_db, people) -> None:
    found = rd.before_submit(demo_db, people.drafter, people.drafter_plan_id)
    assert found.ready  # the demo's draft can be submitted
    assert all(not g.blocking for g in found.gaps)


def test_finalise_names_missing_realisations_and_feedback(demo_db, people) -> None:
    """Finalkan in an open period: ratings missing (blocking), indicators without realisation, silent values."""
    found = rd.before_finalise(demo_db, people.penilai, people.staff_plan_id, "TW4")
    texts = [g.text for g in found.gaps]
    assert not found.ready
    assert "Rating Hasil Kerja belum dipilih." in texts
    assert any("indikator belum memiliki realisasi" in t for t in texts)
    assert any(f"{len(BERAKHLAK)} dari {len(BERAKHLAK)} perilaku BerAKHLAK belum diberi umpan balik" in t
               for t in texts)
    es.set_ratings(demo_db, people.penilai, people.staff_plan_id, "TW4", hasil="SESUAI", perilaku="SESUAI")
    es.set_perilaku_feedback(demo_db, people.penilai, people.staff_plan_id, "TW4", BERAKHLAK[0].code, "Sigap.")
    again = rd.before_finalise(demo_db, people.penilai, people.staff_plan_id, "TW4")
    assert again.ready and again.gaps
    assert any(f"{len(BERAKHLAK) - 1} dari {len(BERAKHLAK)} perilaku" in g.text for g in again.gaps)


def test_signing_a_draft_skp_or_an_open_evaluation_is_refused(demo_db, people) -> None:
    assert not rd.before_signing(demo_db, people.drafter, "skp", people.drafter_plan_id).ready
    assert rd.before_signing(demo_db, people.staff, "skp", people.staff_plan_id).ready
    open_ev = rd.before_signing(demo_db, people.penilai, "evaluasi", people.staff_plan_id, "TW4", role="penilai")
    assert not open_ev.ready and "belum difinalkan" in open_ev.gaps[0].text


def test_approve_says_when_no_ekspektasi_was_written(demo_db, people) -> None:
    ps.submit_plan(demo_db, people.drafter, people.drafter_plan_id)
    penilai_id = ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).penilai_id
    with demo_db.reader() as s:
        penilai = user_by_username(demo_db, s.get(Employee, penilai_id).nip)
    found = rd.before_approve(demo_db, penilai, people.drafter_plan_id)
    assert found.ready
    assert any("Ekspektasi Khusus Pimpinan" in g.text for g in found.gaps)
