"""Sync depends on change capture: a database whose session factory lost it gets it back."""

from __future__ import annotations

from sqlalchemy import event, func, select

from kinerja_desktop.store import changelog
from kinerja_desktop.store.models import ChangeLog, Unit
from kinerja_desktop.sync.replica import ensure_change_capture


def _logged(db) -> int:
    with db.reader() as s:
        return s.execute(select(func.count()).select_from(ChangeLog)).scalar()


def test_missing_capture_is_detected_and_attached(empty_db) -> None:
    assert ensure_change_capture(empty_db) is False  # normally present
    event.remove(empty_db._factory, "before_flush", changelog._before_flush)
    with empty_db.session(user="admin") as s:
        s.add(Unit(code="A", name="Tanpa catatan"))
    assert _logged(empty_db) == 0  # what happens when capture is missing: nothing to sync
    assert ensure_change_capture(empty_db) is True
    with empty_db.session(user="admin") as s:
        s.add(Unit(code="B", name="Dicatat"))
    assert _logged(empty_db) == 1
    assert ensure_change_capture(empty_db) is False
