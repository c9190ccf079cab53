"""Every opened database records its changes, however many were opened and collected before.

Regression: capture used to be attached per session factory behind an ``event.contains`` guard;
when a new factory class reused the ``id()`` of a garbage-collected one, SQLAlchemy still reported
the listener as present, and 1-2 of every 60 databases silently recorded nothing.

The databases are opened in a process of their own: a full garbage collection per database is the
point of the test, and in the test run's own process (with everything the suite has loaded) each
one took seconds; there, what was loaded before the first database is frozen out of collection.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

_RUN = textwrap.dedent("""
    import gc, shutil, sys
    from pathlib import Path
    from sqlalchemy import func, select
    from kinerja_desktop.store.db import open_database
    from kinerja_desktop.store.models import ChangeLog, Unit

    root = Path(sys.argv[1])
    template = root / "template.sqlite"
    open_database(template).dispose()  # migrated once; each database below is a copy of it
    gc.collect()
    gc.freeze()  # what is loaded by now stays: each collection below looks only at what came after
    for i in range(80):
        path = root / f"d{i}.sqlite"
        shutil.copyfile(template, path)
        db = open_database(path)
        with db.session(user="admin") as s:
            s.add(Unit(code=f"U{i}", name="Unit"))
        with db.reader() as s:
            entries = s.execute(select(func.count()).select_from(ChangeLog)).scalar()
        print(i, entries, flush=True)
        db.dispose()
        del db
        gc.collect()
""")


def test_capture_survives_many_databases_opened_and_collected(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", _RUN, str(tmp_path)], capture_output=True, text=True, timeout=600,
                         cwd=Path(__file__).resolve().parents[3])
    assert out.returncode == 0, out.stderr[-2000:]
    counts = [tuple(map(int, line.split())) for line in out.stdout.split("\n") if line.strip()]
    assert [i for i, _ in counts] == list(range(80))
    wrong = [(i, n) for i, n in counts if n != 1]
    assert not wrong, f"databases that did not record exactly one change: {wrong}"
