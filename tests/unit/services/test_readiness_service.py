"""What is incomplete before Ajukan / Setujui / Kembalikan / Finalkan / Tanda tangani: one list for GUI and CLI."""

from __future__ import annotations

import re

from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import readiness_service as rd
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.store.models import Employee
from tests.helpers.fixtures import DEMO_YEAR


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


def _named_item(message: str) -> str:
    """The RHK or indicator a refusal names (its text in quotes, or "nomor N"); "" for the plan itself."""
    found = re.search(r"“(.+?)”|nomor (\d+)", message)
    return (found.group(1) or found.group(2)) if found else ""


def test_readiness_and_the_plan_service_agree_on_every_gap(demo_db, people) -> None:
    """GIVEN an SKP taken through each gap that stops Ajukan (on a real database) THEN at every step readiness
    blocks exactly when submit_plan refuses, and its blocking lines name the item the refusal names; when
    readiness says ready, the service submits (then the penilai returns it for the next step)."""
    user = people.drafter
    with demo_db.reader() as s:
        penilai_nip = s.get(Employee, ps.get_plan(demo_db, user, people.drafter_plan_id).penilai_id).nip
    penilai = user_by_username(demo_db, penilai_nip)
    seen: list[str] = []

    def check(plan_id: str) -> None:
        found = rd.before_submit(demo_db, user, plan_id)
        try:
            ps.submit_plan(demo_db, user, plan_id)
        except ValidationError as refused:
            assert not found.ready, f"readiness let through what the service refused: {refused}"
            blocking = "\n".join(g.text for g in found.blocking())
            assert _named_item(str(refused)) in blocking
            seen.append(re.sub(r"“.*?”|\d+", "…", str(refused)))
        else:
            assert found.ready, f"readiness blocked what the service accepted: {found.summary()}"
            seen.append("diajukan")
            ps.return_plan(demo_db, penilai, plan_id, "Lanjutkan pengujian.")

    empty = ps.create_plan(demo_db, user, user.employee_id, DEMO_YEAR + 1)
    check(empty)  # no RHK utama
    ps.add_rhk(demo_db, user, empty, kind="TAMBAHAN", text="Rapat koordinasi")
    check(empty)  # still no RHK utama, and a tambahan without indicator

    plan_id = people.drafter_plan_id
    check(plan_id)  # the demo's draft is complete
    rhk = ps.add_rhk(demo_db, user, plan_id, text="Arsip tertata")
    check(plan_id)  # an RHK without indicator
    ind = ps.add_indicator(demo_db, user, rhk, text="Jumlah berkas")
    check(plan_id)  # an indicator without target
    ps.update_indicator(demo_db, user, ind, target="10 berkas")
    check(plan_id)
    blank = ps.add_rhk(demo_db, user, plan_id, kind="TAMBAHAN")
    check(plan_id)  # an empty RHK
    ps.update_rhk(demo_db, user, blank, text="Notulen rapat")
    ps.add_indicator(demo_db, user, blank, target="4 dokumen")
    check(plan_id)  # an indicator without text
    assert seen == ["SKP belum memiliki Rencana Hasil Kerja utama.", "SKP belum memiliki Rencana Hasil Kerja utama.",
                    "diajukan", "RHK … belum memiliki indikator.", "Indikator … belum memiliki target.", "diajukan",
                    "RHK nomor … masih kosong.", "Ada indikator tanpa uraian pada RHK …."]
