"""Sign-in and the main window's first reads straight from a SQLite file, while SQLAlchemy loads.

The same answers as ``auth_service.authenticate``, ``settings_service.get_settings``,
``query_service.unit_tree`` and ``query_service.employee_rows`` (same permission rule: an admin
sees everyone, anyone else themself and the two levels below), read with the standard library
(``store.quick``). Only reads: the definitive sign-in (which may upgrade an old password hash)
runs through ``auth_service`` once the database is open, and may still refuse.

No SQLAlchemy here or in what this imports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Actor
from kinerja_desktop.services.identity import CurrentUser
from kinerja_desktop.services.passwords import check_password, no_such_account
from kinerja_desktop.services.rows import EmployeeRow, UnitNode, unit_forest
from kinerja_desktop.services.settings_spec import SPECS
from kinerja_desktop.store.location import resolve_url, sqlite_file
from kinerja_desktop.store.quick import QuickReader, QuickUnavailable

__all__ = ["QuickSource", "QuickUnavailable", "quick_file"]


def quick_file(location: str | None) -> Path | None:
    """The SQLite file behind a database location, when it exists (else None: no quick path)."""
    path = sqlite_file(resolve_url(location))
    return path if path is not None and path.is_file() else None


class QuickSource:
    """Reads for the start-up path; raises QuickUnavailable when the file cannot serve them."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _reader(self) -> QuickReader:
        return QuickReader(self.path)

    def has_accounts(self) -> bool:
        with self._reader() as r:
            return r.has_accounts()

    def authenticate(self, username: str, password: str) -> CurrentUser:
        """As ``auth_service.authenticate`` (same messages), without its hash upgrade."""
        with self._reader() as r:
            acc = r.account(username)
        if acc is None:
            raise no_such_account(password)
        check_password(acc["password_hash"], bool(acc["active"]), password)
        actor = Actor(user_id=acc["id"], employee_id=acc["employee_id"], is_admin=bool(acc["is_admin"]))
        return CurrentUser(acc["username"], actor, acc["employee_name"] or acc["username"])

    def settings(self) -> dict[str, Any]:
        values = {key: spec.default for key, spec in SPECS.items()}
        with self._reader() as r:
            values.update(r.settings())
        return values

    def unit_tree(self) -> list[UnitNode]:
        with self._reader() as r:
            return unit_forest(tuple(row) for row in r.unit_rows())

    def employee_rows(self, user: CurrentUser, year: int, period: str = "TAHUNAN", *,
                      subordinates_of: str | None = None, limit: int | None = None) -> list[EmployeeRow]:
        code = period_of(period).code
        with self._reader() as r:
            ids = None
            if not user.is_admin:
                me = user.employee_id
                if me is None:
                    return []
                ids = {me, *r.subordinate_ids(me, year, depth=2)}
            rows = r.employee_rows(year, code, ids=ids, subordinates_of=subordinates_of, limit=limit)
        return [EmployeeRow(*row) for row in rows]
