"""sync.merge.SeqRuns holds exactly the numbers added, and logged_runs reads a device's change numbers
from the change log as runs, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_desktop.store.bulk import insert_rows
from kinerja_desktop.store.db import Database, open_database
from kinerja_desktop.store.models import ChangeLog
from kinerja_desktop.sync.merge import SeqRuns, logged_runs
from tests.helpers.postgres import throwaway_postgres


@given(st.lists(st.integers(min_value=1, max_value=200), max_size=300))
def test_seq_runs_hold_what_a_set_holds(numbers: list[int]) -> None:
    runs, reference = SeqRuns(), set()
    for n in numbers:
        runs.add(n)
        reference.add(n)
    assert all((n in runs) == (n in reference) for n in range(0, 203))
    assert len(runs) == len(reference)
    pairs = runs.runs()  # sorted, neither overlapping nor touching
    assert all(a[1] + 1 < b[0] for a, b in zip(pairs, pairs[1:], strict=False))
    assert "1" not in runs and None not in runs


def test_a_whole_founding_push_in_order_is_one_run() -> None:
    runs = SeqRuns()
    for n in range(1, 1_600_001):
        runs.add(n)
    assert runs.runs() == [(1, 1_600_000)] and 1_600_000 in runs and 1_600_001 not in runs


def _check_logged_runs(db: Database) -> None:
    numbers = [1, 2, 3, 7, 8, 10, 11, 12, 13, 40]
    at = datetime(2026, 1, 2, 3, 4, 5)
    rows = [{"device_id": dev, "seq": n, "table_name": "unit", "row_id": f"u-{dev}-{n}", "op": "insert",
             "changes": {}, "base_versions": {}, "user": None, "role": None, "at": at, "local": False, "part": "g"}
            for dev, ns in (("dev-a", numbers), ("dev-b", [5, 6])) for n in ns]
    with db.session() as s:
        insert_rows(s, ChangeLog.__table__, rows)
    with db.reader() as s:
        assert logged_runs(s, "dev-a").runs() == [(1, 3), (7, 8), (10, 13), (40, 40)]
        assert logged_runs(s, "dev-b").runs() == [(5, 6)]
        assert logged_runs(s, "dev-none").runs() == []


def test_logged_runs_on_sqlite(tmp_path: Path) -> None:
    db = open_database(tmp_path / "runs.sqlite")
    try:
        _check_logged_runs(db)
    finally:
        db.dispose()


@pytest.mark.postgres
def test_logged_runs_on_postgresql() -> None:
    with throwaway_postgres() as server:
        db = open_database(f"{server}/postgres")
        try:
            _check_logged_runs(db)
        finally:
            db.dispose()
