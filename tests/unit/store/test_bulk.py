"""store.bulk.insert_rows writes exactly what SQLAlchemy's own insert writes, on SQLite and PostgreSQL
(where it goes in with COPY); store.bulk.among finds what SQLAlchemy's IN finds (an array on PostgreSQL)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, select

from kinerja_desktop.store.bulk import among, insert_rows
from kinerja_desktop.store.changelog import capture
from kinerja_desktop.store.db import Database, open_database
from kinerja_desktop.store.models import ChangeLog, Setting, Unit
from tests.helpers.postgres import throwaway_postgres

AT = datetime(2026, 3, 4, 5, 6, 7, 123456)


def _log(seq: int, **over: Any) -> dict[str, Any]:
    row = {"device_id": "dev-1", "seq": seq, "table_name": "unit", "row_id": f"u-{seq}", "op": "insert",
           "changes": {"name": [None, "Bidang “Ä”\ttab\\garis"], "level": [None, 2]}, "base_versions": {},
           "user": "198001012006041001", "role": "pegawai", "at": AT, "local": False, "part": "g"}
    return {**row, **over}


def _unit(i: int) -> dict[str, Any]:
    return {"id": f"u-{i}", "code": f"U{i}", "name": f"Unit {i}\nbaris", "parent_id": None, "level": i,
            "created_at": AT, "updated_at": AT, "created_by": "a", "updated_by": None, "deleted": i == 2}


def _rows(db: Database, table: Table, order: Any) -> list[tuple[Any, ...]]:
    with db.reader() as s:
        return [tuple(r) for r in s.execute(select(table).order_by(order))]


def _check_same_as_sqlalchemy(db: Database) -> None:
    logs = [_log(1), _log(2, changes={"x": [None, {"a": [1, 2.5, None]}]}, user=None, role=None, part=None),
            _log(3, base_versions={"name": "dev-0:9"}, local=True)]
    units = [_unit(1), _unit(2)]
    meta = {k: v for k, v in _unit(0).items() if k not in ("id", "code", "name", "parent_id", "level")}
    settings = [{"id": "k1", "value": {"a": 1}, **meta}, {"id": "k2", "value": None, **meta},
                {"id": "k3", "value": [1, "dua"], **meta}]
    tables = [(ChangeLog.__table__, logs, ChangeLog.seq), (Unit.__table__, units, Unit.id),
              (Setting.__table__, settings, Setting.id)]
    with db.session() as s:
        capture(s).uncaptured_ok = True  # as the sync merge's session (it logs what it writes)
        for table, rows, _order in tables:
            insert_rows(s, table, rows)
    bulk = {table.name: _rows(db, table, order) for table, _rows_, order in tables}
    with db.session() as s:
        capture(s).uncaptured_ok = True
        for table, *_ in tables:
            s.execute(table.delete())
    with db.session() as s:
        capture(s).uncaptured_ok = True
        for table, rows, _order in tables:
            s.execute(table.insert(), rows)
    reference = {table.name: _rows(db, table, order) for table, _rows_, order in tables}
    assert [r[1:] for r in bulk["change_log"]] == [r[1:] for r in reference["change_log"]]  # ids: the sequence's
    assert bulk["unit"] == reference["unit"] and bulk["setting"] == reference["setting"]
    # what the reads give back: the types SQLAlchemy made of them
    row = bulk["change_log"][1]
    assert row[6] == {"x": [None, {"a": [1, 2.5, None]}]} and row[10] == AT and row[11] is False
    assert row[12] is False  # "pushed": the column's default, filled in as the insert would
    with db.reader() as s:
        assert s.get(Unit, "u-2").deleted is True and s.get(Unit, "u-1").name == "Unit 1\nbaris"
        assert s.get(Setting, "k2").value is None and s.get(Setting, "k3").value == [1, "dua"]
    # among(): the rows SQLAlchemy's IN finds, for text, number and date columns, and for no values
    with db.reader() as s:
        for column, values in ((Unit.id, ["u-2", "u-9", "u-1"]), (Unit.level, [2, 7]), (ChangeLog.at, [AT]),
                               (Unit.id, [])):
            assert sorted(s.scalars(select(Unit.id if column.table is Unit.__table__ else ChangeLog.seq)
                                    .where(among(s, column, values))).all()) == \
                sorted(s.scalars(select(Unit.id if column.table is Unit.__table__ else ChangeLog.seq)
                                 .where(column.in_(values))).all())
        assert s.scalars(select(Unit.id).where(among(s, Unit.id, ["u-1", "u-2"]))).all()


def test_insert_rows_on_sqlite(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bulk.sqlite")
    try:
        _check_same_as_sqlalchemy(db)
    finally:
        db.dispose()


@pytest.mark.postgres
def test_insert_rows_on_postgresql_with_copy() -> None:
    with throwaway_postgres() as server:
        db = open_database(f"{server}/postgres")
        try:
            _check_same_as_sqlalchemy(db)
            with pytest.raises(ValueError, match="same columns"), db.session() as s:
                capture(s).uncaptured_ok = True
                insert_rows(s, ChangeLog.__table__, [_log(7), {k: v for k, v in _log(8).items() if k != "part"}])
            with pytest.raises(ValueError, match="no such columns"), db.session() as s:
                capture(s).uncaptured_ok = True
                insert_rows(s, ChangeLog.__table__, [{**_log(9), "bogus": 1}])
            with db.reader() as s:  # nothing of the refused batches stayed
                assert s.scalars(select(ChangeLog.seq).where(ChangeLog.seq >= 7)).all() == []
        finally:
            db.dispose()


def test_synced_tables_need_capture_off(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bulk.sqlite")
    try:
        with pytest.raises(RuntimeError, match="not captured"), db.session() as s:  # what the ORM guard says
            insert_rows(s, Unit.__table__, [_unit(1)])
        with db.reader() as s:
            assert s.scalars(select(Unit.id)).all() == []
    finally:
        db.dispose()
