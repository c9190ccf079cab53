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

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Actor
from kinerja_desktop.services import sign_in_guard as guard
from kinerja_desktop.services.identity import CurrentUser
from kinerja_desktop.services.passwords import SIGN_IN_FAILED, check_password
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
        """As ``auth_service.authenticate`` for a right password (the same waits and locks), without
        its hash upgrade. A wrong password or unknown name raises QuickUnavailable: the caller then
        signs in through ``auth_service``, which counts the failure and gives the message."""
        with self._reader() as r:
            state = r.meta(guard.meta_key((username or "")[:64]))
            acc = r.account(username)
        guard.check_allowed(state)
        if acc is None:
            raise QuickUnavailable("no such account: the sign-in that counts failures decides")
        try:
            check_password(acc["password_hash"], bool(acc["active"]), password)
        except PermissionDenied as exc:
            if str(exc) == SIGN_IN_FAILED:  # counted by auth_service, which then says the same
                raise QuickUnavailable("wrong password: the sign-in that counts failures decides") from None
            raise
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
