"""Foundation benchmarks: demo build, loading a big plan, listing 20,000 employees.

Run: .venv/bin/python -m pytest tests/bench/bench_foundation.py -s
Each figure is reported with a baseline measured in the same run (plain sqlite3 reading the
same rows), so the ratio says what the ORM/service layer costs on top of the raw data.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import time
from pathlib import Path

from sqlalchemy import select

from kinerja_desktop.services import plan_service, query_service
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.store.db import open_database
from kinerja_desktop.store.models import Employee, Plan
from tests.bench.demo_cache import demo_database


def _median_ms(fn, repeat: int = 15) -> float:
    fn()  # warm caches
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def test_bench_foundation(tmp_path: Path) -> None:
    path, built = demo_database(20000)
    size_mb = (path.stat().st_size + sum(f.stat().st_size for f in path.with_name(path.stem + ".files").rglob("*")
                                         if f.is_file())) / 1e6
    print(f"\ndemo 20,000: build {'cached' if built is None else f'{built:.1f} s'}, "
          f"database {path.stat().st_size / 1e6:.0f} MB, with evidence files {size_mb:.0f} MB")
    work = tmp_path / "bench.sqlite"
    shutil.copy2(path, work)
    db = open_database(work)
    admin = user_by_username(db, "admin")

    # A plan with 15 RHK and 40 indicators, written through the services.
    with db.reader() as s:
        emp_id, nip = s.execute(
            select(Employee.id, Employee.nip).join(Plan, Plan.employee_id == Employee.id)
            .where(Plan.status == "DRAFT", Employee.jenis_jabatan == "PELAKSANA").limit(1)
        ).one()
    staff = user_by_username(db, nip)
    plan_id = plan_service.current_plan_id(db, emp_id, 2026)
    for rhk in plan_service.get_plan(db, staff, plan_id).rhk:
        plan_service.remove_rhk(db, staff, rhk.id)
    made = 0
    for r in range(15):
        rid = plan_service.add_rhk(db, staff, plan_id, text=f"RHK {r + 1} " + "uraian " * 12)
        for _ in range(3 if r < 10 else 2):
            plan_service.add_indicator(db, staff, rid, text="Jumlah laporan " * 4, aspek="KUANTITAS",
                                       target="12 laporan")
            made += 1
    view = plan_service.get_plan(db, staff, plan_id)
    assert len(view.rhk) == 15 and sum(len(r.indicators) for r in view.rhk) == made == 40

    raw = sqlite3.connect(work)

    def raw_plan() -> None:
        rids = [r[0] for r in raw.execute("select id from rhk where plan_id=? and deleted=0", (plan_id,))]
        raw.execute(f"select * from indicator where rhk_id in ({','.join('?' * len(rids))})", rids).fetchall()
        raw.execute("select * from lampiran_item where plan_id=?", (plan_id,)).fetchall()
        raw.execute("select * from perilaku_expectation where plan_id=?", (plan_id,)).fetchall()

    plan_ms = _median_ms(lambda: plan_service.get_plan(db, staff, plan_id))
    raw_plan_ms = _median_ms(raw_plan)
    print(f"load plan (15 RHK, 40 indicators): {plan_ms:.2f} ms median; raw sqlite3 {raw_plan_ms:.2f} ms "
          f"(x{plan_ms / raw_plan_ms:.1f})")

    rows = query_service.employee_rows(db, admin, 2026, "TW3")
    assert len(rows) == 20000
    list_ms = _median_ms(lambda: query_service.employee_rows(db, admin, 2026, "TW3"), repeat=7)

    def raw_list() -> None:
        raw.execute(
            "select e.id, e.nip, e.name, e.jabatan, e.unit_id, u.name, p.id, p.status, ev.status, ev.predikat "
            "from employee e left join unit u on u.id=e.unit_id "
            "left join plan p on p.employee_id=e.id and p.year=2026 and p.is_current=1 "
            "left join evaluation ev on ev.plan_id=p.id and ev.period='TW3' order by e.name"
        ).fetchall()

    raw_list_ms = _median_ms(raw_list, repeat=7)
    print(f"list 20,000 employees with plan and evaluation status: {list_ms:.1f} ms median; "
          f"raw sqlite3 {raw_list_ms:.1f} ms (x{list_ms / raw_list_ms:.1f})")
    db.dispose()
