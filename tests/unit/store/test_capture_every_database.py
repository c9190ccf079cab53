"""Every opened database records its changes, however many were opened and collected before.

Regression: capture used to be attached per session factory behind an ``event.contains`` guard;
when a new factory class reused the ``id()`` of a garbage-collected one, SQLAlchemy still reported
the listener as present, and 1-2 of every 60 databases silently recorded nothing.
"""

from __future__ import annotations

import gc
from pathlib import Path

from sqlalchemy import func, select

from kinerja_desktop.store.db import open_database
from kinerja_desktop.store.models import ChangeLog, Unit


def test_capture_survives_many_databases_opened_and_collected(tmp_path: Path) -> None:
    for i in range(80):
        db = open_database(tmp_path / f"d{i}.sqlite")
        with db.session(user="admin") as s:
            s.add(Unit(code=f"U{i}", name="Unit"))
        with db.reader() as s:
            entries = s.execute(select(func.count()).select_from(ChangeLog)).scalar()
        assert entries == 1, f"database {i} recorded {entries} change(s)"
        db.dispose()
        del db
        gc.collect()
