"""The shell's calls into the services, written as worker-thread tasks (see ``workers.py``).

Nothing here touches widgets. Services (and with them SQLAlchemy) are imported inside the
functions, so importing this module costs nothing before the first paint.
"""

# ruff: noqa: PLR0917  (task functions take their arguments positionally, through run_task)

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

from kinerja_desktop.ui.models.employee_table_model import EmployeeTable, prepare_table
from kinerja_desktop.ui.models.unit_tree_model import UnitIndex
from kinerja_desktop.ui.workers import TaskContext

#: List scopes: everyone the user may see, their direct subordinates, or only themself.
SCOPE_ALL = "all"
SCOPE_SUBORDINATES = "subordinates"
SCOPE_SELF = "self"

#: Rows loaded before the main window is shown (a first screen); the rest follows in a worker
#: (``load_rest_task``). 0 or None loads everything at once.
FIRST_SCREEN_ROWS = 200


@dataclass
class OpenedDatabase:
    db: Any  # store.db.Database
    has_accounts: bool
    instansi: str
    description: str


def open_database_task(ctx: TaskContext, location: str | None, db: Any = None) -> OpenedDatabase:
    """Open (create, migrate) the database and read what the sign-in window shows."""
    ctx.progress(0, 0, "Membuka database")
    from kinerja_desktop.store.db import open_database

    if db is None:
        try:
            db = open_database(location)
        except Exception as exc:  # a file that is not a database, no permission, server down, ...
            from kinerja_desktop.domain.errors import KinerjaError

            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            where = location or "bawaan"
            raise KinerjaError(f"Database {where} tidak dapat dibuka: {reason}. Periksa berkas atau alamatnya, "
                               "atau pilih database lain dengan: kinerja --db BERKAS") from exc
    from kinerja_desktop.services import auth_service, settings_service

    has_accounts = auth_service.has_accounts(db)
    instansi = str(settings_service.get_settings(db).get("instansi.name") or "") if has_accounts else ""
    # Import what signing in needs while the user is still typing.
    from kinerja_desktop.services import query_service  # noqa: F401
    return OpenedDatabase(db, has_accounts, instansi, db.describe())


def instansi_name_task(_ctx: TaskContext, location: str | None) -> str:
    """The instansi's name read from a SQLite file before SQLAlchemy loads ("" when it cannot be read)."""
    from kinerja_desktop.store.location import resolve_url, sqlite_file
    from kinerja_desktop.store.quick import instansi_name

    path = sqlite_file(resolve_url(location))
    return instansi_name(path) if path is not None and path.is_file() else ""


@dataclass
class SessionData:
    """What the main window needs when it opens (loaded in one worker task)."""

    user: Any  # services.common.CurrentUser
    is_admin: bool
    is_penilai: bool
    periods: list[tuple[str, str]]  # (code, screen label)
    year: int
    period: str
    scope: str
    table: EmployeeTable
    units: UnitIndex | None = None  # the unit tree with employee counts (admins; none yet when partial)
    instansi: str = ""
    complete: bool = True  # False: ``table`` holds only a first screen; load the rest with load_rest_task


def default_period(codes: list[str], year: int, today: date) -> str:
    """The most recent configured period that has ended (evaluations follow a period), else the current one."""
    from kinerja_desktop.domain.periods import period as period_of

    periods = [period_of(c) for c in codes] or [period_of("TAHUNAN")]
    ended = [p for p in periods if p.end(year) < today]
    if ended:
        latest = max(p.end(year) for p in ended)
        candidates = [p for p in ended if p.end(year) == latest]
        # At year end TW4 and TAHUNAN end together: the annual evaluation is what matters then.
        return next((p.code for p in candidates if p.code == "TAHUNAN"), candidates[0].code)
    current = [p for p in periods if p.start(year) <= today <= p.end(year) and p.code != "TAHUNAN"]
    return (current or periods)[0].code


def period_choices(codes: list[str]) -> list[tuple[str, str]]:
    from kinerja_desktop.domain.periods import period as period_of

    return [(p.code, p.label) for p in (period_of(c) for c in codes)]


class DatabaseSource:
    """The reads a session starts with, through the services (the normal path)."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def settings(self) -> dict[str, Any]:
        from kinerja_desktop.services import settings_service

        return settings_service.get_settings(self.db)

    def unit_tree(self) -> list[Any]:
        from kinerja_desktop.services import query_service

        return query_service.unit_tree(self.db)

    def employee_rows(self, user: Any, year: int, period: str, **kw: Any) -> list[Any]:
        from kinerja_desktop.services import query_service

        return query_service.employee_rows(self.db, user, year, period, **kw)


def load_session_task(ctx: TaskContext, db: Any, user: Any, labels: dict[str, Any], year: int | None = None,
                      period: str | None = None, scope: str | None = None, *,
                      limit: int | None = None) -> SessionData:
    """What the main window shows first. With ``limit``, the "all employees" list holds only its
    first ``limit`` rows by name (``complete`` False; unit counts then come with the rest)."""
    source = DatabaseSource(db)
    today = date.today()
    settings = source.settings()
    codes = list(settings.get("periods") or ["TAHUNAN"])
    year = year or today.year
    if period not in codes:
        period = default_period(codes, year, today)
    # The unit tree (admins) is read on a second connection while the list query runs: both wait
    # on SQLite, not on Python, so this takes the longer of the two instead of their sum.
    with ThreadPoolExecutor(max_workers=1) as pool:
        tree = pool.submit(source.unit_tree) if user.is_admin else None
        subordinates = (source.employee_rows(user, year, period, subordinates_of=user.employee_id)
                        if user.employee_id else [])
        ctx.check_cancelled()
        is_penilai = bool(subordinates)
        if scope is None:
            scope = SCOPE_ALL if user.is_admin else SCOPE_SUBORDINATES if is_penilai else SCOPE_SELF
        limit = limit if limit and scope == SCOPE_ALL else None
        rows, complete = ((subordinates, True) if scope == SCOPE_SUBORDINATES
                          else _first_rows_for_scope(source, user, year, period, scope, limit))
        table = prepare_table(rows, labels)
        units = (UnitIndex(tree.result(), Counter(table.unit_ids) if complete else None)
                 if tree is not None else None)
    return SessionData(user, user.is_admin, is_penilai, period_choices(codes), year, period, scope, table, units,
                       str(settings.get("instansi.name") or ""), complete)


def authenticate_task(ctx: TaskContext, db: Any, username: str, password: str) -> Any:
    """Check a password; the CurrentUser, or the service's PermissionDenied."""
    from kinerja_desktop.services.auth_service import authenticate

    return authenticate(db, username, password)


def prefetch_session_task(ctx: TaskContext, db: Any, username: str, labels: dict[str, Any], year: int | None,
                          period: str | None, limit: int | None = None) -> SessionData:
    """Load the main window's data for the user who signed in last, while they type their password.

    The result is used only when that same account then signs in successfully (see
    ``AppController``); it is never shown otherwise. It turns the wait after "Masuk" from
    "check password, then query" into "check password".
    """
    from kinerja_desktop.services.auth_service import user_by_username

    return load_session_task(ctx, db, user_by_username(db, username), labels, year, period, limit=limit)


def _rows_for_scope(db: Any, user: Any, year: int, period: str, scope: str) -> list[Any]:
    return _first_rows_for_scope(DatabaseSource(db), user, year, period, scope)[0]


def _first_rows_for_scope(source: Any, user: Any, year: int, period: str, scope: str,
                          limit: int | None = None) -> tuple[list[Any], bool]:
    """(rows, complete): with ``limit`` only the first rows by name; complete says nothing was left out."""
    if scope == SCOPE_SUBORDINATES:
        return source.employee_rows(user, year, period, subordinates_of=user.employee_id), True
    rows = source.employee_rows(user, year, period, limit=limit)
    complete = limit is None or len(rows) < limit
    if scope == SCOPE_SELF:
        return [r for r in rows if r.id == user.employee_id], complete
    if not user.is_admin:  # "Semua Bawahan": everyone below, without oneself
        return [r for r in rows if r.id != user.employee_id], complete
    return rows, complete


@dataclass
class LoadedList:
    scope: str
    year: int
    period: str
    table: EmployeeTable
    units: UnitIndex | None


def load_list_task(ctx: TaskContext, db: Any, user: Any, year: int, period: str, scope: str,
                   labels: dict[str, Any], units: UnitIndex | None = None) -> LoadedList:
    """Reload the employee list for a scope, year and period (and the unit counts, when a tree is shown)."""
    rows = _rows_for_scope(db, user, year, period, scope)
    ctx.check_cancelled()
    table = prepare_table(rows, labels)
    if units is not None and scope == SCOPE_ALL:
        units = units.with_counts(Counter(table.unit_ids))
    return LoadedList(scope, year, period, table, units)


@dataclass
class LoadedRest:
    """The rows a first-screen session did not have yet (``load_rest_task``)."""

    table: EmployeeTable
    units: UnitIndex | None
    total: int  # rows of the whole list


def load_rest_task(ctx: TaskContext, db: Any, user: Any, year: int, period: str, scope: str,
                   labels: dict[str, Any], loaded_ids: frozenset[str], units: UnitIndex | None = None) -> LoadedRest:
    """The whole list minus the rows already shown (``loaded_ids``), with the unit counts of the whole list."""
    rows = _rows_for_scope(db, user, year, period, scope)
    ctx.check_cancelled()
    if units is not None and scope == SCOPE_ALL:
        units = units.with_counts(Counter(r.unit_id for r in rows))
    rest = prepare_table([r for r in rows if r.id not in loaded_ids], labels)
    return LoadedRest(rest, units, len(rows))


#: Libraries that an employee page's signing tab pulls in, each imported as a step of its own so a
#: paused warm-up resumes soon.
WARM_UP_LIBRARIES = ("reportlab.pdfgen.canvas", "fontTools.subset", "aiohttp", "pyhanko.sign")


class WarmUpGate:
    """Lets the warm-up run while nothing else waits for the GIL. Paused from "Masuk": the light
    steps (the pages' modules) go on once the list's first screen is painted (``resume``), the
    heavy ones (signing's libraries) once the person has read a while (``release_later``), so they
    do not slow signing in or the first pages opened."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self._later = threading.Event()
        self._open.set()
        self._later.set()

    def pause(self) -> None:
        self._open.clear()
        self._later.clear()

    def resume(self) -> None:
        self._open.set()

    def release_later(self) -> None:
        self._later.set()

    def wait(self, ctx: TaskContext, *, later: bool = False) -> None:
        while not (self._open.wait(0.1) and (not later or self._later.wait(0.1))):
            ctx.check_cancelled()


def warm_up_task(ctx: TaskContext, gate: WarmUpGate) -> int:
    """Import, while the password is typed, what opening the first employee would otherwise import
    on the GUI thread (issue 14: the first open paid ~1 s for pyhanko, reportlab and the tabs that
    signing and follow-up add); the heavy part waits for ``gate.release_later`` once signed in.
    Returns the number of modules imported here."""
    import importlib
    import sys

    from kinerja_desktop.ui.main_window import INTEGRATIONS, PRELOAD, PRELOAD_LATER

    steps = [(name, False) for name in (*PRELOAD, *(name for name, _function in INTEGRATIONS))]
    steps += [(name, True) for name in (*WARM_UP_LIBRARIES, *PRELOAD_LATER)]
    imported = 0
    for name, later in steps:
        gate.wait(ctx, later=later)
        ctx.check_cancelled()
        if name in sys.modules:
            continue
        try:
            importlib.import_module(name)
        except ImportError:  # a part not in this build: opening the page reports what matters
            continue
        imported += 1
    return imported


def read_ahead_task(_ctx: TaskContext, db: Any, user: Any, employee_id: str, year: int) -> None:
    """Worker, once the list is painted: an employee page's reads (``employee_page.read_ahead``), so the
    first employee opened in the session does not compile its queries on the GUI thread."""
    from kinerja_desktop.domain.errors import KinerjaError
    from kinerja_desktop.ui.employee_page import read_ahead

    try:
        read_ahead(db, user, employee_id, year)
    except KinerjaError:  # not visible to this user, say: only a warm-up, opening says what matters
        pass


def unlock_task(ctx: TaskContext, db: Any, username: str, password: str) -> Any:
    """Re-check the password of the signed-in user (idle lock)."""
    from kinerja_desktop.services.auth_service import authenticate

    return authenticate(db, username, password)


def load_inbox_task(_ctx: TaskContext, db: Any, user: Any, year: int, period: str) -> list[Any]:
    """Worker: the signed-in person's tasks (services.task_inbox_service)."""
    from kinerja_desktop.services.task_inbox_service import inbox

    return inbox(db, user, year, period)
