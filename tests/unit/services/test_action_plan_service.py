"""Rencana aksi on a real demo database: planning, realisation computed or typed, copying to the next period."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.documents.loader import SheetLoader
from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import action_plan_service as ap
from kinerja_desktop.services import realisation_service, settings_service
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Evaluation, Indicator, Rhk
from tests.helpers.fixtures import People


def _first_indicator(db: Database, plan_id: str) -> tuple[str, str, str]:
    with db.reader() as s:
        rhk_id, ind_id, unit = s.execute(
            select(Rhk.id, Indicator.id, Indicator.target_unit).join(Indicator, Indicator.rhk_id == Rhk.id)
            .where(Rhk.plan_id == plan_id, Indicator.target_value.is_not(None)).order_by(Rhk.position)).first()
    return rhk_id, ind_id, unit


def _without_demo_actions(db: Database, people: People) -> None:
    """The demo office planned October and November already; start from an empty plan (TW4, the current
    quarter, is still open: the demo finalised only the quarters that are over)."""
    with db.reader() as s:
        assert s.scalars(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                  Evaluation.period == "TW4")).first() is None
    for view in ap.list_actions(db, people.staff, people.staff_plan_id):
        ap.delete_action(db, people.staff, view.id)


def test_realisation_is_computed_from_rencana_aksi_through_the_realisation_service(demo_db: Database,
                                                                                    people: People) -> None:
    _without_demo_actions(demo_db, people)
    rhk, ind, unit = _first_indicator(demo_db, people.staff_plan_id)
    a = ap.add_action(demo_db, people.staff, rhk, "B10", "Verifikasi berkas Oktober", indicator_id=ind,
                      target_value="4", target_unit=unit)
    b = ap.add_action(demo_db, people.staff, rhk, "B11", "Verifikasi berkas November", indicator_id=ind,
                      target_value=4, target_unit=unit)
    ap.add_action(demo_db, people.staff, rhk, "B11", "Rapat koordinasi")  # not tied to the indicator
    ap.set_action_realisation(demo_db, people.staff, a, "5 berkas")
    ap.set_action_realisation(demo_db, people.staff, b, "3,5")
    text = realisation_service.realisation_from_actions(demo_db, people.staff, ind, "TW4")
    assert text == f"8,5 {unit}".strip()
    view = realisation_service.realisations_for(demo_db, people.staff, people.staff_plan_id, "TW4")[ind]
    assert (view.value_text, view.value_number) == (text, 8.5) and "2 rencana aksi" in view.note
    assert view.actions == "Rencana aksi: 2/2 terealisasi"  # what the penilai sees beside the realisation
    (sheet,) = SheetLoader(demo_db).load("evaluasi", [people.staff.employee_id], 2026, "TW4")
    assert sheet.realisasi[ind] == f"{text}\n(Rencana aksi: 2/2 terealisasi)"  # the Evaluasi sheet's column
    # typed instead: the same realisation row, replaced
    realisation_service.set_realisation(demo_db, people.staff, ind, "TW4", value="9")
    assert realisation_service.realisations_for(demo_db, people.staff, people.staff_plan_id, "TW4")[ind].value_number \
        == 9
    views = ap.list_actions(demo_db, people.penilai, people.staff_plan_id, "B11")
    assert [v.text for v in views] == ["Verifikasi berkas November", "Rapat koordinasi"]
    assert views[0].target_label == f"4 {unit}".strip() and views[0].realised and not views[1].realised


def test_a_frozen_period_or_no_numbers_refuse_the_computation(demo_db: Database, people: People) -> None:
    _without_demo_actions(demo_db, people)
    rhk, ind, _unit = _first_indicator(demo_db, people.staff_plan_id)
    with pytest.raises(ValidationError, match="Belum ada rencana aksi"):
        realisation_service.realisation_from_actions(demo_db, people.staff, ind, "TW4")
    a = ap.add_action(demo_db, people.staff, rhk, "B12", "Menyusun laporan akhir", indicator_id=ind)
    ap.set_action_realisation(demo_db, people.staff, a, "selesai")
    with pytest.raises(ValidationError, match="berupa angka"):
        realisation_service.realisation_from_actions(demo_db, people.staff, ind, "TW4")
    ap.add_action(demo_db, people.staff, rhk, "B02", "Februari", indicator_id=ind)
    with pytest.raises(Exception, match="difinalkan|berupa angka"):  # TW1 is final in the demo
        realisation_service.realisation_from_actions(demo_db, people.staff, ind, "TW1")


def test_copy_to_the_next_period_in_one_step(demo_db: Database, people: People) -> None:
    rhk, ind, unit = _first_indicator(demo_db, people.staff_plan_id)
    a = ap.add_action(demo_db, people.staff, rhk, "B03", "Rekap data", indicator_id=ind, target_value=2,
                      target_unit=unit)
    ap.add_action(demo_db, people.staff, rhk, "B03", "Laporan bulanan")
    ap.set_action_realisation(demo_db, people.staff, a, "2")
    assert ap.copy_to_next_period(demo_db, people.staff, people.staff_plan_id, "B03") == ("B04", 2)
    assert ap.copy_to_next_period(demo_db, people.staff, people.staff_plan_id, "Maret") == ("B04", 0)
    copied = ap.list_actions(demo_db, people.staff, people.staff_plan_id, "B04")
    assert [(c.text, c.indicator_id, c.target_value, c.realised) for c in copied] == [
        ("Rekap data", ind, 2.0, False), ("Laporan bulanan", None, None, False)]
    with pytest.raises(ValidationError, match="periode terakhir"):
        ap.copy_to_next_period(demo_db, people.staff, people.staff_plan_id, "B12")
    with pytest.raises(ValidationError, match="Belum ada rencana aksi"):
        ap.copy_to_next_period(demo_db, people.staff, people.staff_plan_id, "B07")


def test_only_the_pegawai_writes_and_inputs_are_checked(demo_db: Database, people: People) -> None:
    rhk, ind, _unit = _first_indicator(demo_db, people.staff_plan_id)
    with pytest.raises(PermissionDenied):
        ap.add_action(demo_db, people.penilai, rhk, "B05", "oleh penilai")
    with pytest.raises(PermissionDenied):
        ap.list_actions(demo_db, people.other_penilai, people.staff_plan_id)
    with pytest.raises(ValidationError, match="per bulan atau per triwulan"):
        ap.add_action(demo_db, people.staff, rhk, "S1", "semester")
    with pytest.raises(ValidationError, match="bukan angka"):
        ap.add_action(demo_db, people.staff, rhk, "B05", "x", target_value="banyak")
    with demo_db.reader() as s:
        other_ind = s.scalars(select(Indicator.id).where(Indicator.rhk_id != rhk)).first()
    with pytest.raises(ValidationError, match="bukan indikator RHK ini"):
        ap.add_action(demo_db, people.staff, rhk, "B05", "x", indicator_id=other_ind)
    a = ap.add_action(demo_db, people.staff, rhk, "B05", "x")
    with pytest.raises(PermissionDenied):
        ap.set_action_realisation(demo_db, people.penilai, a, "1")
    ap.delete_action(demo_db, people.staff, a)
    assert ap.list_actions(demo_db, people.staff, people.staff_plan_id, "B05") == []


def test_the_instansi_chooses_monthly_or_quarterly(demo_db: Database, people: People) -> None:
    assert ap.action_periods(demo_db)[0] == "B01"
    settings_service.set_setting(demo_db, people.admin, "rencana_aksi.periode", "TRIWULAN")
    assert ap.action_periods(demo_db) == ("TW1", "TW2", "TW3", "TW4")
    assert ap.next_period("TW3") == "TW4" and ap.next_period("TW4") is None


def test_a_revisi_takes_the_rencana_aksi_along(demo_db: Database, people: People) -> None:
    from kinerja_desktop.services import plan_service

    before = ap.list_actions(demo_db, people.staff, people.staff_plan_id)
    assert before  # the demo office planned October and November
    new_plan = plan_service.revise_plan(demo_db, people.staff, people.staff_plan_id)
    after = ap.list_actions(demo_db, people.staff, new_plan)
    assert [(a.period, a.text, a.realisation_text) for a in after] == [
        (b.period, b.text, b.realisation_text) for b in before]
    with demo_db.reader() as s:
        new_indicators = set(s.scalars(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                                        .where(Rhk.plan_id == new_plan)))
    assert {a.indicator_id for a in after if a.indicator_id} <= new_indicators
    assert ap.list_actions(demo_db, people.staff, people.staff_plan_id) == before  # the old version keeps its own
