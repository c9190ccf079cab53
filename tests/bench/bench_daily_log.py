"""Progres harian on the 20,000-employee demo office with a year of daily logs (about 5 million entries).

Run: .venv/bin/python -m pytest tests/bench/bench_daily_log.py -s
(the first run builds the demo office and its year of logs: about 10 minutes on 2 busy cores).
Targets (issue 17): the Progres Harian list (a person's last 31 days), a person's month and the Progres
Harian page itself open in under 100 ms. Also measured: a penilai's team week, a seksi's monthly recap and
the whole instansi's month (the XLSX export for the tunjangan kinerja; a batch job, not a screen).
The baseline, measured in the same run, is plain sqlite3 reading the same person's rows with the same
index; the database size is reported against the demo office without the logs.

The year of logs is generated once per machine next to the demo cache (``tests/bench/demo_cache.py``)
with Core inserts marked ``uncaptured_ok``: generated bulk data, not changes anybody made, so it is not
in the change log (as a central office that ingested a year of bundles would hold it).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from kinerja_desktop.domain.working_days import WorkCalendar
from kinerja_desktop.services import daily_log_service as dl
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.services.demo_daily_work import daily_line
from kinerja_desktop.store.changelog import capture
from kinerja_desktop.store.db import head_revision, open_database
from kinerja_desktop.store.models import Employee, Supervision, Unit
from kinerja_desktop.store.models_harian import ProgresHarian, RencanaAksi
from tests.bench.demo_cache import CACHE, demo_database

YEAR = 2026
TODAY = date(2026, 12, 31)
TARGET_MS = 100.0
SAMPLES = 25


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def _fill_year(path: Path) -> tuple[int, float]:
    """A year of daily logs for everyone with an NIP: most working days one line, some two, some none."""
    db = open_database(path)
    try:
        tables = set(inspect(db.engine).get_table_names())
        if "progres_harian" not in tables:  # a demo cache made before migration 0008 was filled
            ProgresHarian.metadata.create_all(db.engine, tables=[RencanaAksi.__table__, ProgresHarian.__table__])
        with db.reader() as s:
            people = sorted(s.scalars(select(Employee.id).where(Employee.nip.is_not(None))))
        rng = random.Random(17)
        cal = WorkCalendar()
        days = list(cal.working_days(date(YEAR, 1, 1), date(YEAR, 12, 31)))
        now = datetime(YEAR, 12, 31, 16, 0)
        started, total = time.perf_counter(), 0
        with db.session(user="bench", role="ADMIN") as s:
            s.connection().exec_driver_sql("PRAGMA cache_size=-1000000")
            capture(s).uncaptured_ok = True  # generated bulk data (see the module docstring)
            batch: list[dict[str, object]] = []
            for emp in people:
                for day in days:
                    roll = rng.random()
                    if roll < 0.1:
                        continue
                    late = roll < 0.16
                    for _ in range(2 if rng.random() < 0.15 else 1):
                        batch.append({
                            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "employee_id": emp, "day": day,
                            "text": daily_line(rng), "rhk_id": None, "rencana_aksi_id": None,
                            "hours": float(rng.choice((1, 2, 3, 4))), "sha256": None, "filename": None, "size": None,
                            "mime": None, "written_on": day + timedelta(days=4 if late else 0), "late": late,
                            "umpan_balik": "", "umpan_balik_at": None, "created_at": now, "updated_at": now,
                            "created_by": "bench", "updated_by": "bench", "deleted": False})
                if len(batch) >= 100_000:
                    s.execute(ProgresHarian.__table__.insert(), batch)
                    total += len(batch)
                    batch.clear()
            if batch:
                s.execute(ProgresHarian.__table__.insert(), batch)
                total += len(batch)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return total, time.perf_counter() - started
    finally:
        db.dispose()


def daily_database() -> tuple[Path, int, dict[str, float]]:
    """(path, baseline size in bytes, build facts); built once per machine."""
    demo, _built = demo_database(20000)
    path = CACHE / f"daily-20000-s1-{head_revision()}.sqlite"
    facts: dict[str, float] = {}
    if not path.exists():
        tmp = path.with_name("building-" + path.name)
        shutil.copy2(demo, tmp)
        blobs = demo.with_name(demo.stem + ".files")
        target_blobs = tmp.with_name(tmp.stem + ".files")
        shutil.rmtree(target_blobs, ignore_errors=True)
        if blobs.exists():
            shutil.copytree(blobs, target_blobs)
        rows, seconds = _fill_year(tmp)
        facts = {"generated_rows": rows, "generate_s": seconds}
        shutil.rmtree(path.with_name(path.stem + ".files"), ignore_errors=True)
        target_blobs.rename(path.with_name(path.stem + ".files"))
        tmp.rename(path)
    return path, _size(demo), facts


def _ms(fn, n: int = SAMPLES) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples), max(samples)


def _page_open_ms(db, users) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The Progres Harian page built and shown for a person (today's entries, the month, the links)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.ui.harian.daily_log_page import DailyLogPage

    app = QApplication.instance() or QApplication([])
    pages = []

    def build() -> None:
        page = DailyLogPage(db, users[len(pages) % len(users)], today=date(YEAR, 11, 18))
        page.show()
        app.processEvents()
        pages.append(page)

    result = _ms(build, n=10)
    for page in pages:
        page.close()
        page.deleteLater()
    app.processEvents()
    return result


@pytest.mark.skipif(os.environ.get("KINERJA_SKIP_BIG_BENCH") == "1", reason="big benchmark skipped")
def test_bench_daily_log() -> None:
    path, baseline_size, facts = daily_database()
    size = _size(path)
    db = open_database(path)
    with db.reader() as s:
        entries = s.scalar(select(func.count()).select_from(ProgresHarian))
        # a penilai with a team, and people from all over the office
        penilai_id, team = s.execute(
            select(Supervision.supervisor_id, func.count()).where(Supervision.year == YEAR)
            .group_by(Supervision.supervisor_id).having(func.count() >= 8).order_by(Supervision.supervisor_id)
        ).first()
        people = list(s.scalars(select(Employee.nip).where(Employee.nip.is_not(None)).order_by(Employee.nip)))
        penilai_nip = s.get(Employee, penilai_id).nip
        unit_id = s.get(Employee, s.scalars(select(Supervision.employee_id).where(
            Supervision.supervisor_id == penilai_id)).first()).unit_id
    picks = random.Random(3).sample(people, 10)
    users = [user_by_username(db, nip) for nip in picks]
    penilai = user_by_username(db, penilai_nip)
    month_start = date(YEAR, 11, 1)
    last31 = TODAY - timedelta(days=30)

    rng = random.Random(5)
    results: dict[str, tuple[float, float]] = {}
    results["list (31 days)"] = _ms(lambda: dl.entries(db, rng.choice(users), None, last31, TODAY))
    results["person month"] = _ms(lambda: dl.person_month(db, rng.choice(users), None, YEAR, 11, today=TODAY))
    results["team week"] = _ms(lambda: dl.team_week(db, penilai, date(YEAR, 11, 18), today=TODAY))
    results["unit month"] = _ms(lambda: dl.unit_month(db, penilai, unit_id, YEAR, 11, today=TODAY), n=7)
    results["GUI page open"] = _page_open_ms(db, users)
    with db.reader() as s:
        root = s.scalars(select(Unit.id).where(Unit.level == 0)).first()
    admin = user_by_username(db, "admin")
    results["instansi month"] = _ms(lambda: dl.unit_month(db, admin, root, YEAR, 11, today=TODAY), n=1)
    db.dispose()

    # first open: a fresh Database (engine, connection, first query) as when the page opens after start-up
    t = time.perf_counter()
    db2 = open_database(path)
    dl.person_month(db2, user_by_username(db2, picks[0]), None, YEAR, 11, today=TODAY)
    first_open = (time.perf_counter() - t) * 1000
    db2.dispose()

    con = sqlite3.connect(path)
    emp_ids = [con.execute("SELECT id FROM employee WHERE nip = ?", (nip,)).fetchone()[0] for nip in picks]

    def raw_month() -> None:
        con.execute("SELECT * FROM progres_harian WHERE employee_id = ? AND day >= ? AND day <= ? AND deleted = 0 "
                    "ORDER BY day", (rng.choice(emp_ids), month_start.isoformat(), "2026-11-30")).fetchall()

    def raw_list() -> None:
        con.execute("SELECT * FROM progres_harian WHERE employee_id = ? AND day >= ? AND day <= ? AND deleted = 0 "
                    "ORDER BY day", (rng.choice(emp_ids), last31.isoformat(), TODAY.isoformat())).fetchall()

    raw = {"list (31 days)": _ms(raw_list), "person month": _ms(raw_month)}
    plan = con.execute("EXPLAIN QUERY PLAN SELECT * FROM progres_harian WHERE employee_id = ? AND day >= ? "
                       "AND day <= ?", ("x", "a", "b")).fetchall()
    con.close()

    print(f"\nProgres harian bench: {entries:,} entries, {len(people):,} people, penilai team of {team}")
    if facts:
        print(f"  generated {facts['generated_rows']:,.0f} rows in {facts['generate_s']:.0f} s")
    print(f"  database {size / 1e6:,.0f} MB; demo office without the logs {baseline_size / 1e6:,.0f} MB "
          f"(x{size / baseline_size:.2f}); {(size - baseline_size) / entries:.0f} bytes per entry")
    print(f"  query plan: {[row[-1] for row in plan]}")
    for name, (med, worst) in results.items():
        base = raw.get(name)
        ratio = f", plain sqlite3 {base[0]:.2f} ms (x{med / base[0]:.1f})" if base else ""
        print(f"  {name:<16} median {med:6.2f} ms, max {worst:6.2f} ms{ratio}")
    print(f"  first open (new Database + person month): {first_open:.0f} ms")
    assert any("ix_progres_harian_employee_day" in str(row[-1]) for row in plan)
    assert entries > 4_500_000
    assert results["list (31 days)"][0] < TARGET_MS
    assert results["person month"][0] < TARGET_MS
    assert results["team week"][0] < TARGET_MS
    assert results["GUI page open"][0] < TARGET_MS
