"""Many rows of one table at once: the sync merge's batched inserts and look-ups.

On SQLite this is SQLAlchemy's ``executemany``. On PostgreSQL an ``executemany`` is still one
``INSERT`` executed per row by the server; a central replica taking in a whole office spent 42% of
its time there (tests/bench/bench_ingest.py). There the rows go in with ``COPY ... FROM STDIN``
(psycopg's ``Cursor.copy``, in the same transaction), each value converted as SQLAlchemy's insert
converts it (JSON columns serialised with the dialect's serializer, ``None`` as JSON ``null``;
scalar column defaults filled in). ``tests/unit/store/test_bulk.py`` proves both paths write what
SQLAlchemy's own insert writes, on SQLite and on a real PostgreSQL.

The merge's look-ups ask about hundreds of ids at once (:func:`among`). SQLAlchemy's ``IN`` sends
one parameter per id; on PostgreSQL such a statement is longer than psycopg's statement cache takes,
so it was converted anew for every look-up (8% of the central replica's ingest). There the list goes
as one array, ``= ANY(%s)``: a short statement, converted once and kept prepared by the server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import JSON, ColumnElement, Table, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

#: Per table and set of keys: the COPY statement and, per copied column, (row key or None, constant,
#: JSON serializer or None).
_COPY_PLANS: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[tuple[str | None, Any, Callable[[Any], str] | None],
                                                                 ...]]] = {}


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys: column names) into ``table``.

    A synced table only where the session may write without change capture (the sync merge, which
    logs what it writes itself): the rule SQLAlchemy's insert meets through the session's events
    (``changelog.refuse_uncaptured``), which COPY would not.
    """
    from kinerja_desktop.store.changelog import refuse_uncaptured  # changelog -> partitions -> here

    if not rows:
        return
    refuse_uncaptured(session, table)
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), list(rows))
        return
    keys = tuple(rows[0])
    sql, columns = _copy_plan(conn.dialect, table, keys)
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cur, cur.copy(sql) as copy:
        for row in rows:
            if len(row) != len(keys):
                raise ValueError(f"insert into {table.name}: rows do not all have the same columns")
            copy.write_row([(row[key] if key is not None else const) if dump is None
                            else dump(row[key] if key is not None else const)
                            for key, const, dump in columns])


def _copy_plan(dialect: Any, table: Table, keys: tuple[str, ...]) -> tuple[str, tuple[Any, ...]]:
    plan = _COPY_PLANS.get((table.name, keys))
    if plan is None:
        unknown = set(keys) - {c.key for c in table.columns}
        if unknown:
            raise ValueError(f"insert into {table.name}: no such columns {sorted(unknown)}")
        serializer = getattr(dialect, "_json_serializer", None) or json.dumps
        names, columns = [], []
        for column in table.columns:
            dump = serializer if isinstance(column.type, JSON) else None
            if column.key in keys:
                names.append(column.name)
                columns.append((column.key, None, dump))
            elif column.default is not None and column.default.is_scalar:  # what the insert fills in
                names.append(column.name)
                columns.append((None, column.default.arg, dump))
            elif column.default is not None:
                raise ValueError(f"insert into {table.name}: no value for {column.key}")
            # else: NULL, or the server's default (an id from its sequence)
        quoted = ", ".join(dialect.identifier_preparer.quote(n) for n in names)
        plan = _COPY_PLANS[(table.name, keys)] = (
            f"COPY {dialect.identifier_preparer.format_table(table)} ({quoted}) FROM STDIN", tuple(columns))
    return plan


def among(session: Session, column: Any, values: Sequence[Any]) -> ColumnElement[bool]:
    """``column IN values`` for a look-up of many values at once (see the module's docstring)."""
    if session.get_bind().dialect.name != "postgresql":
        return column.in_(values)  # type: ignore[no-any-return]
    return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))  # type: ignore[no-any-return]


__all__ = ["among", "insert_rows"]
