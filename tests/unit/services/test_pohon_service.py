"""Pohon kinerja: each level is the RHK that intervene in the level above, within what the user may read."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import plan_service, pohon_service
from kinerja_desktop.store.models import Plan, Rhk
from tests.helpers.fixtures import DEMO_YEAR, People


def _expected_children(db, parent_ids: list[str]) -> dict[str, set[str]]:
    """Straight from the tables: live RHK of current SKP of the year pointing at each parent."""
    with db.reader() as s:
        rows = s.execute(
            select(Rhk.parent_rhk_id, Rhk.id).join(Plan, Plan.id == Rhk.plan_id)
            .where(Rhk.parent_rhk_id.in_(parent_ids), Rhk.deleted.is_(False), Plan.deleted.is_(False),
                   Plan.is_current.is_(True), Plan.year == DEMO_YEAR)
        ).all()
    out: dict[str, set[str]] = {p: set() for p in parent_ids}
    for parent, rhk_id in rows:
        out[parent].add(rhk_id)
    return out


def test_admin_walks_the_whole_cascade_level_by_level(demo_db, people: People) -> None:
    top = pohon_service.roots(demo_db, people.admin, DEMO_YEAR)
    assert top and all(n.parent_rhk_id is None for n in top)
    level, depth = top, 0
    while level and depth < 6:
        ids = [n.rhk_id for n in level]
        below = pohon_service.children(demo_db, people.admin, DEMO_YEAR, ids)
        expected = _expected_children(demo_db, ids)
        for node in level:
            assert {c.rhk_id for c in below[node.rhk_id]} == expected[node.rhk_id]
            assert node.children == len(expected[node.rhk_id])
            assert all(c.parent_rhk_id == node.rhk_id for c in below[node.rhk_id])
        level = [c for n in level for c in below[n.rhk_id]]
        depth += 1
    assert depth >= 3, "the demo office cascades over at least three levels"


def test_a_penilai_sees_their_rhk_and_what_their_staff_wrote_into_it(demo_db, people: People) -> None:
    mine = pohon_service.roots(demo_db, people.penilai, DEMO_YEAR)
    assert mine and {n.owner_id for n in mine} == {people.penilai.employee_id}
    below = pohon_service.children(demo_db, people.penilai, DEMO_YEAR, [n.rhk_id for n in mine])
    owners = {c.owner_id for nodes in below.values() for c in nodes}
    assert people.staff.employee_id in owners
    staff_node = next(c for nodes in below.values() for c in nodes if c.owner_id == people.staff.employee_id)
    assert staff_node.plan_status == "APPROVED" and staff_node.owner_name and staff_node.indicators


def test_nobody_reads_beyond_their_scope(demo_db, people: People) -> None:
    # The staff member's supervisor's RHK: the staff may not start there, nor see colleagues under it.
    with pytest.raises(PermissionDenied):
        pohon_service.roots(demo_db, people.staff, DEMO_YEAR, employee_id=people.penilai.employee_id)
    penilai_rhk = pohon_service.roots(demo_db, people.penilai, DEMO_YEAR)[0]
    with pytest.raises(PermissionDenied):
        pohon_service.roots(demo_db, people.staff, DEMO_YEAR, rhk_id=penilai_rhk.rhk_id)
    seen = pohon_service.children(demo_db, people.staff, DEMO_YEAR, [penilai_rhk.rhk_id])[penilai_rhk.rhk_id]
    assert {n.owner_id for n in seen} <= {people.staff.employee_id}
    with pytest.raises(PermissionDenied):
        pohon_service.roots(demo_db, people.other_penilai, DEMO_YEAR, rhk_id=penilai_rhk.rhk_id)
    with pytest.raises(ValidationError):
        pohon_service.roots(demo_db, people.admin, DEMO_YEAR, rhk_id="tidak-ada")


def test_a_new_link_shows_at_once_and_a_deleted_rhk_leaves(demo_db, people: People) -> None:
    u = people.drafter
    assert u is not None
    options = plan_service.supervisor_rhk_options(demo_db, u, people.drafter_plan_id)
    parent = options[0][0]
    new = plan_service.add_rhk(demo_db, u, people.drafter_plan_id, text="Tersusunnya katalog arsip statis",
                               parent_rhk_id=parent)
    (start,) = pohon_service.roots(demo_db, people.admin, DEMO_YEAR, rhk_id=parent)
    below = pohon_service.children(demo_db, people.admin, DEMO_YEAR, [parent])[parent]
    assert new in {n.rhk_id for n in below} and start.children == len(below)
    assert pohon_service.node_path(demo_db, people.admin, DEMO_YEAR, new)[-2:] == (parent, new)
    plan_service.remove_rhk(demo_db, u, new)
    assert new not in {n.rhk_id for n in pohon_service.children(demo_db, people.admin, DEMO_YEAR, [parent])[parent]}


def test_search_finds_by_text_owner_and_indicator_with_the_path_to_each(demo_db, people: People) -> None:
    staff_rhk = pohon_service.roots(demo_db, people.admin, DEMO_YEAR, employee_id=people.staff.employee_id)[0]
    word = staff_rhk.text.split()[-1]
    paths = pohon_service.search(demo_db, people.admin, DEMO_YEAR, word.upper())
    assert any(p[-1] == staff_rhk.rhk_id for p in paths)
    for path in paths[:20]:  # each path is a chain of parent links ending at the hit
        for parent, child in zip(path, path[1:], strict=False):
            assert child in {n.rhk_id for n in pohon_service.children(demo_db, people.admin, DEMO_YEAR,
                                                                       [parent])[parent]}
    by_owner = pohon_service.search(demo_db, people.admin, DEMO_YEAR, staff_rhk.owner_nip)
    assert {p[-1] for p in by_owner} >= {staff_rhk.rhk_id}
    by_indicator = pohon_service.search(demo_db, people.admin, DEMO_YEAR, staff_rhk.indicators[0])
    assert staff_rhk.rhk_id in {p[-1] for p in by_indicator}
    # staff only find their own RHK; a pattern character is taken literally
    assert {pohon_service.roots(demo_db, people.staff, DEMO_YEAR)[0].owner_id} >= {
        people.staff.employee_id}
    own = pohon_service.search(demo_db, people.staff, DEMO_YEAR, word)
    with demo_db.reader() as s:
        owners = {s.execute(select(Plan.employee_id).join(Rhk, Rhk.plan_id == Plan.id)
                            .where(Rhk.id == p[-1])).scalar() for p in own}
    assert owners <= {people.staff.employee_id}
    assert pohon_service.search(demo_db, people.admin, DEMO_YEAR, "%") == []
    assert pohon_service.search(demo_db, people.admin, DEMO_YEAR, "   ") == []
