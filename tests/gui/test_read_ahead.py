"""The first employee page of a session does not compile its queries on the GUI thread (issue 14,
section 6): ``employee_page.read_ahead`` makes the page's reads once in a worker, and writes nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine.interfaces import CacheStats

from kinerja_desktop.store.db import open_database
from kinerja_desktop.ui.employee_page import EmployeePage, read_ahead
from kinerja_desktop.ui.session_tasks import read_ahead_task
from kinerja_desktop.ui.workers import run_task
from tests.gui.form_helpers import QT_LOG_IGNORE

pytestmark = QT_LOG_IGNORE
YEAR = 2026


class Statements:
    """Every statement a Database's engine runs, with whether SQLAlchemy had it compiled already."""

    def __init__(self, db: Any) -> None:
        self.seen: list[tuple[str, bool]] = []
        event.listen(db.engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, _params: Any, context: Any, _many: bool) -> None:
        if context is not None and getattr(context, "compiled", None) is not None:
            self.seen.append((statement, context.cache_hit is CacheStats.CACHE_HIT))

    def compiled(self) -> list[str]:
        return [s for s, hit in self.seen if not hit]


def _open_page(qtbot, db, user, employee_id) -> EmployeePage:
    page = EmployeePage(db, user, employee_id, YEAR, "TW1")
    qtbot.addWidget(page)
    return page


def test_after_read_ahead_the_first_page_compiles_nothing_and_read_ahead_writes_nothing(qtbot, demo_db, people):
    """GIVEN the database opened afresh WHEN the list's first employee was read ahead (in a worker, as the main
    window does after the list's first paint) THEN opening another employee's page runs only statements
    SQLAlchemy had compiled, while without the read-ahead the same page compiles its queries on opening."""
    path = demo_db.engine.url.database
    cold = open_database(path)
    try:
        cold_statements = Statements(cold)
        _open_page(qtbot, cold, people.admin, people.penilai.employee_id)
        assert len(cold_statements.compiled()) >= 5  # the page's queries, compiled on the GUI thread
    finally:
        cold.dispose()

    warm = open_database(path)
    try:
        statements = Statements(warm)
        task = run_task(read_ahead_task, warm, people.admin, people.staff.employee_id, YEAR, cancellable=False)
        with qtbot.waitSignal(task.finished, timeout=20_000):
            pass
        assert statements.seen and all(s.lstrip().upper().startswith(("SELECT", "PRAGMA", "WITH"))
                                       for s, _hit in statements.seen)  # reads only: no write lock taken
        statements.seen.clear()
        page = _open_page(qtbot, warm, people.admin, people.penilai.employee_id)
        assert page.plan_editor is not None and statements.seen
        assert statements.compiled() == []
    finally:
        warm.dispose()


def test_read_ahead_of_someone_out_of_sight_is_quietly_dropped(demo_db, people):
    """A penilai of another unit may not see the staff member: the read-ahead raises (the service's refusal),
    and the worker task swallows it; opening the page later says why."""
    from kinerja_desktop.domain.errors import PermissionDenied

    try:
        read_ahead(demo_db, people.other_penilai, people.staff.employee_id, YEAR)
    except PermissionDenied:
        pass
    else:
        raise AssertionError("read_ahead should go through the service's visibility rule")
    assert read_ahead_task(None, demo_db, people.other_penilai, people.staff.employee_id, YEAR) is None
