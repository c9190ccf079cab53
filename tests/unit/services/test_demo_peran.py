"""The demo office carries the matriks peran hasil, tim kerja, a mid-year mutation, a Plt. and imported RHK."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kinerja_desktop.services import penugasan_service as ps
from kinerja_desktop.services import plan_service
from kinerja_desktop.services import role_matrix_service as rm
from kinerja_desktop.store.models import Plan
from kinerja_desktop.store.models_peran import Penugasan, PeranHasil, RhkImpor, TimKerja
from tests.helpers.fixtures import DEMO_YEAR, People


def test_demo_heads_have_matrices_with_accepted_and_waiting_drafts(demo_db, people: People) -> None:
    with demo_db.reader() as s:
        cells = s.scalars(select(PeranHasil)).all()
        teams = s.scalars(select(TimKerja)).all()
    assert len(cells) >= 12 and len(teams) == 3
    head = teams[0].employee_id
    from kinerja_desktop.services.auth_service import user_by_username
    from kinerja_desktop.store.models import Employee
    with demo_db.reader() as s:
        user = user_by_username(demo_db, s.get(Employee, head).nip)
    m = rm.matrix(demo_db, user, DEMO_YEAR)
    statuses = {c.status for r in m.rows for c in r.cells.values()}
    assert "ACCEPTED" in statuses and "PENDING" in statuses
    assert any(p.via.startswith("Tim") for p in m.people)


def test_demo_mutation_has_two_skp_and_waits_for_the_new_one(demo_db, people: People) -> None:
    with demo_db.reader() as s:
        moves = {p.kind: p for p in s.scalars(select(Penugasan))}
        mut, plt = moves["MUTASI"], moves["PLT"]
        assert s.get(Plan, mut.closed_plan_id).is_current is False
        assert (s.get(Plan, mut.plan_id).is_current, s.get(Plan, mut.plan_id).status) == (True, "APPROVED")
        assert (s.get(Plan, plt.plan_id).version, s.get(Plan, plt.plan_id).is_current) == (100, False)
    view = ps.year_overview(demo_db, people.admin, mut.employee_id, DEMO_YEAR)
    assert [(g.end, g.closing_period, g.evaluation_status) for g in view.segments] == [
        (date(DEMO_YEAR, 9, 30), "TW3", "FINAL"), (date(DEMO_YEAR, 12, 31), "TW4", "BELUM")]
    assert view.notes and "menunggu evaluasi penutup" in view.notes[0]
    assert plan_service.get_plan(demo_db, people.admin, plt.plan_id).snapshot["pegawai"]["jabatan"].startswith("Plt.")


def test_demo_imported_rhk_wait_in_two_fungsional_skp(demo_db) -> None:
    with demo_db.reader() as s:
        owners = set(s.scalars(select(RhkImpor.employee_id)))
    assert len(owners) == 2
