"""Batched inserts in the merge (``SyncOptions.batched_inserts``) give exactly what one flush per change gives.

A pull holds new rows that need nothing but an insert and writes them together (the central
office's ingest of a whole instansi depends on it, see tests/bench/bench_ingest.py). Everything
else a pull does — natural keys met twice, frozen records, refusals, conflicts, updates between
inserts — must come out the same, down to the order of the change log. Two new PCs pull the
same store, one each way, and their databases are compared table by table.
"""

from __future__ import annotations

import gc
from typing import Any

from sqlalchemy import select

from kinerja_desktop.services import plan_service, realisation_service
from kinerja_desktop.store.changelog import json_value
from kinerja_desktop.store.models import SYNCED_MODELS, ChangeLog, Employee, FieldVersion, Indicator, Plan, Rhk
from kinerja_desktop.store.sync_models import SyncAlias, SyncConflict, SyncRefused
from kinerja_desktop.sync.engine import LARGE_PULL_GC_YOUNG, SyncEngine, SyncOptions, SyncProgress, SyncReport
from kinerja_desktop.sync.remote import open_remote
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office

_BOOKKEEPING = {"created_at", "updated_at"}  # when the row was written here: differs between any two runs


def _dump(db: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with db.reader() as s:
        for model in SYNCED_MODELS:
            cols = [c.key for c in model.__mapper__.column_attrs if c.key not in _BOOKKEEPING]
            out[model.__tablename__] = {o.id: tuple(json_value(getattr(o, c)) for c in cols)
                                        for o in s.scalars(select(model))}
        out["change_log"] = [
            (r.device_id, r.seq, r.table_name, r.row_id, r.op, r.changes, r.base_versions, r.user, r.role, r.local,
             r.part, r.clock, r.sig)
            for r in s.scalars(select(ChangeLog).order_by(ChangeLog.id))]
        out["field_version"] = sorted((v.table_name, v.row_id, v.field, v.version)
                                      for v in s.scalars(select(FieldVersion)))
        out["conflicts"] = sorted(((c.table_name, c.row_id, c.field, c.version, repr(c.value), c.kind, c.status,
                                   c.author, c.device_id, c.resolved_version)
                                  for c in s.scalars(select(SyncConflict))), key=repr)
        out["refused"] = sorted((r.device_id, r.seq, r.table_name, r.reason) for r in s.scalars(select(SyncRefused)))
        out["aliases"] = sorted((a.row_id, a.table_name, a.canonical_id) for a in s.scalars(select(SyncAlias)))
    return out


def test_batched_inserts_apply_exactly_what_one_flush_per_change_applies(office: Office, people: People) -> None:
    staff_pc, laptop = office.dbs["staff"], office.dbs["reader"]
    with staff_pc.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id, Indicator.target_value.is_not(None))
                        ).scalars().first()
        other_emp = s.execute(select(Employee.id).where(Employee.id != people.staff.employee_id)).scalars().first()
    # the same realisation typed on two PCs: one natural key, two rows (merged into one, a conflict)
    realisation_service.set_realisation(staff_pc, people.staff, ind, "TW4", value="13 kegiatan")
    realisation_service.set_realisation(laptop, people.staff, ind, "TW4", value="14 kegiatan")
    # a new RHK with its indicator (children held right after their parents) on the drafter's plan,
    # edited on a laptop while the plan gets signed on the drafter's PC (a frozen conflict)
    assert people.drafter is not None and people.drafter_plan_id is not None
    rhk_id = plan_service.add_rhk(staff_pc, people.drafter, people.drafter_plan_id, text="RHK baru dari dua PC")
    with laptop.reader() as s:
        first = s.execute(select(Rhk.id).where(Rhk.plan_id == people.drafter_plan_id)
                          .order_by(Rhk.position)).scalars().first()
    plan_service.update_rhk(laptop, people.drafter, first, text="Diubah setelah dicetak")
    office.sync("staff")
    with staff_pc.session(user=people.drafter.username, role="PEGAWAI") as s:
        s.get(Plan, people.drafter_plan_id).frozen = True
    # a change the author may not make (a staff member renaming someone in the roster): refused
    with staff_pc.session(user=people.staff.username, role="PEGAWAI") as s:
        s.get(Employee, other_emp).name = "Nama Palsu"
    for _ in range(2):
        for name in ("staff", "reader", "penilai"):
            office.sync(name)

    batched = office.add_device("batched", fresh=True)
    plain = office.add_device("plain", fresh=True)
    rb = office.sync("batched", SyncOptions(**{**FAST.__dict__, "batched_inserts": True}))
    rp = office.sync("plain", SyncOptions(**{**FAST.__dict__, "batched_inserts": False}))
    assert (rb.applied, rb.refused, rb.conflicts) == (rp.applied, rp.refused, rp.conflicts)
    assert rb.refused >= 1 and rb.applied > 1000
    a, b = _dump(batched), _dump(plain)
    for key in b:
        assert a[key] == b[key], f"{key} differs"
    # the scenario reached what it is about
    assert a["aliases"], "the realisation typed twice was merged into one row"
    assert any(c[5] == "frozen" for c in a["conflicts"]), "the edit after the signature is kept as a conflict"
    assert any(c[5] == "concurrent" and c[6] == "open" for c in a["conflicts"])
    assert any(r[2] == "employee" for r in a["refused"])
    assert rhk_id in a["rhk"]


def test_signatures_checked_ahead_in_a_second_process_apply_exactly_the_same(office: Office, people: People) -> None:
    """A large pull has a worker process verify the bundles ahead (sync.ahead): same result as inline."""
    staff_pc = office.dbs["staff"]
    with staff_pc.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    for i in range(3):  # a few more bundles from the same device, so several are checked ahead
        realisation_service.set_realisation(staff_pc, people.staff, ind, "TW4", value=f"{i + 10} kegiatan")
        office.sync("staff")
    for name in ("reader", "penilai"):
        office.sync(name)
    ahead = office.add_device("ahead", fresh=True)
    inline = office.add_device("inline", fresh=True)
    before = gc.get_threshold()
    seen: dict[str, set[int]] = {"ahead": set(), "inline": set()}

    def run(name: str, large_pull: int | None) -> SyncReport:
        remote = open_remote(str(office.store))
        try:
            def watch(p: SyncProgress) -> None:
                if p.phase == "menerapkan":
                    seen[name].add(gc.get_threshold()[0])
            return SyncEngine(office.dbs[name], remote, SyncOptions(**{**FAST.__dict__, "large_pull": large_pull}),
                              progress=watch).run()
        finally:
            remote.close()

    ra, ri = run("ahead", 0), run("inline", None)
    # a large pull collects young objects less often while it applies, and puts the setting back
    assert seen == {"ahead": {LARGE_PULL_GC_YOUNG}, "inline": {before[0]}} and gc.get_threshold() == before
    assert ra.checked_ahead >= 3 and ri.checked_ahead == 0
    assert (ra.applied, ra.refused, ra.conflicts, ra.quarantined) == (ri.applied, ri.refused, ri.conflicts,
                                                                      ri.quarantined)
    a, b = _dump(ahead), _dump(inline)
    for key in b:
        assert a[key] == b[key], f"{key} differs"
