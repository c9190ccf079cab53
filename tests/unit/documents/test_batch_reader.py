"""A batch printed for the GUI: the caller reads every sheet, worker processes never open the database."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.documents.batch import BatchSpec, Person, run_batch
from kinerja_desktop.documents.loader import SheetLoader
from kinerja_desktop.documents.print_scope import resolve_employees
from tests.helpers.fixtures import DEMO_YEAR


def test_workers_render_what_the_caller_read_without_opening_the_database(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a database URL no process can open, WHEN a unit is printed on two workers with the caller's
    reader, THEN every sheet is printed: the workers never tried to open the database."""
    people = [Person(t.employee_id, t.nip, t.nama) for t in resolve_employees(demo_db, unit_code="PEMKAB",
                                                                               recursive=True)[:12]]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    unopenable = f"sqlite:///{blocker}/kinerja.sqlite"
    out = tmp_path / "unit.pdf"
    result = run_batch(unopenable, BatchSpec("skp", DEMO_YEAR), people, out, split=False, workers=2,
                       reader=SheetLoader(demo_db))
    assert not result.failures
    assert len(result.documents) == len(people) and out.exists()
