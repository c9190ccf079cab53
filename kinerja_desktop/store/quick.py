"""Read-only reads of a SQLite database file with the standard library, for the start-up path.

Importing SQLAlchemy and the models takes ~0.45 s, three times a bare window's start-up. The
sign-in and the main window's first screen need a handful of rows, so while SQLAlchemy loads in
the background the start-up path reads them here (``services.quick_session``). Everything is
read-only (``mode=ro``, ``query_only``); every write still goes through the services.

The queries mirror ``services.query_service`` and ``services.auth_service`` (a test compares
the rows on the demo office). Each result comes back as one JSON value, one row fetched: the
start-up path shares the GIL with the SQLAlchemy import, and every fetched row would be another
wait for it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kinerja_desktop.store.location import SCHEMA_HEAD

#: Set while a PC is joining an office (sync.join); until the first sync succeeds the PC counts as new.
JOIN_PENDING_KEY = "join.pending"

__all__ = ["QuickReader", "QuickUnavailable"]


class QuickUnavailable(Exception):
    """The file cannot be read this way (not our schema, locked, not SQLite): use the services."""


_ROW_COLUMNS = """
  e.id, e.nip, e.name, e.jabatan, e.unit_id, u.name,
  p.id, p.status, v.status, v.predikat, v.rating_hasil, v.rating_perilaku, s.supervisor_id
"""
_ROW_FROM = """
  FROM employee e
  LEFT JOIN unit u ON u.id = e.unit_id
  LEFT JOIN plan p ON p.employee_id = e.id AND p.year = :year AND p.is_current = 1 AND p.deleted = 0
  LEFT JOIN evaluation v ON v.plan_id = p.id AND v.period = :period AND v.deleted = 0
  LEFT JOIN supervision s ON s.employee_id = e.id AND s.year = :year AND s.deleted = 0
  WHERE e.deleted = 0
"""


class QuickReader:
    """One read-only connection to a database file; use as a context manager."""

    def __init__(self, path: Path) -> None:
        try:
            self.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2,
                                        check_same_thread=False)
            self.conn.execute("PRAGMA query_only=ON")
            version = self.conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error as exc:
            raise QuickUnavailable(str(exc)) from exc
        if version is None or version[0] != SCHEMA_HEAD:
            self.close()
            raise QuickUnavailable("the schema is not the current one (an upgrade is due)")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> QuickReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _value(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> Any:
        try:
            row = self.conn.execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise QuickUnavailable(str(exc)) from exc
        return row[0] if row is not None else None

    def _json(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> Any:
        value = self._value(sql, params)
        return json.loads(value) if value is not None else None

    def meta(self, key: str) -> Any:
        """A ``local_meta`` value (JSON), or None."""
        value = self._value("SELECT value FROM local_meta WHERE key = ?", (key,))
        if value is None:
            return None
        try:
            return json.loads(value)
        except ValueError:
            return None

    def has_accounts(self) -> bool:
        # a PC whose joining an office has not succeeded yet counts as new (see sync.join)
        return bool(self._value("SELECT EXISTS(SELECT 1 FROM user_account WHERE deleted = 0) AND NOT EXISTS("
                                f"SELECT 1 FROM local_meta WHERE key = '{JOIN_PENDING_KEY}')"))

    def account(self, username: str) -> dict[str, Any] | None:
        """The live account of a user name (any case): id, username, password_hash, employee_id,
        is_admin, active and employee_name (None without an employee)."""
        return self._json(
            """SELECT json_object('id', a.id, 'username', a.username, 'password_hash', a.password_hash,
                                  'employee_id', a.employee_id, 'is_admin', a.is_admin, 'active', a.active,
                                  'employee_name', e.name)
               FROM user_account a LEFT JOIN employee e ON e.id = a.employee_id
               WHERE lower(a.username) = ? AND a.deleted = 0 LIMIT 1""",
            ((username or "").strip().lower(),),
        )

    def settings(self) -> dict[str, Any]:
        pairs = self._json("SELECT json_group_array(json_array(id, value)) FROM setting WHERE deleted = 0") or []
        return {key: json.loads(value) if value is not None else None for key, value in pairs}

    def subordinate_ids(self, supervisor_id: str, year: int, *, depth: int = 1) -> list[str]:
        """As ``query_service.subordinate_ids``: direct subordinates, or the chain below."""
        found: list[str] = []
        frontier = [supervisor_id]
        for _ in range(depth):
            if not frontier:
                break
            marks = ",".join("?" * len(frontier))
            frontier = self._json(
                f"SELECT json_group_array(employee_id) FROM supervision "
                f"WHERE supervisor_id IN ({marks}) AND year = ? AND deleted = 0",
                (*frontier, year),
            ) or []
            found.extend(frontier)
        return found

    def employee_rows(self, year: int, period: str, *, ids: Iterable[str] | None = None,
                      subordinates_of: str | None = None, limit: int | None = None) -> list[list[Any]]:
        """Rows in ``EmployeeRow`` field order, by name (``query_service.employee_rows``)."""
        where = ""
        params: dict[str, Any] = {"year": year, "period": period}
        if subordinates_of is not None:
            where += " AND s.supervisor_id = :sup"
            params["sup"] = subordinates_of
        if ids is not None:
            names = []
            for i, value in enumerate(ids):
                params[f"id{i}"] = value
                names.append(f":id{i}")
            if not names:
                return []
            where += f" AND e.id IN ({','.join(names)})"
        tail = ""
        if limit is not None:
            tail = " LIMIT :limit"
            params["limit"] = limit
        return self._json(
            f"SELECT json_group_array(json(r)) FROM (SELECT json_array({_ROW_COLUMNS}) AS r {_ROW_FROM}{where} "
            f"ORDER BY e.name, e.rowid{tail})",
            params,
        ) or []

    def unit_rows(self) -> list[list[Any]]:
        """Units (id, code, name, parent id, level) by code."""
        return self._json(
            "SELECT json_group_array(json_array(id, code, name, parent_id, level)) FROM "
            "(SELECT * FROM unit WHERE deleted = 0 ORDER BY code)"
        ) or []
