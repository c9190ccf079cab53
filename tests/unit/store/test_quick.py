"""The one read before SQLAlchemy loads: the instansi's name for the sign-in window (``store.quick``)."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.services import settings_service
from kinerja_desktop.store.location import sqlite_file
from kinerja_desktop.store.quick import instansi_name


def test_the_name_is_the_one_the_services_read(demo_db) -> None:  # type: ignore[no-untyped-def]
    path = sqlite_file(demo_db.url)
    assert path is not None
    expected = settings_service.get_settings(demo_db)["instansi.name"]
    assert expected and instansi_name(path) == expected


def test_a_file_that_cannot_serve_it_gives_no_name(tmp_path: Path, empty_db) -> None:  # type: ignore[no-untyped-def]
    garbage = tmp_path / "bukan.sqlite"
    garbage.write_bytes(b"not a database at all" * 100)
    assert instansi_name(garbage) == ""
    assert instansi_name(tmp_path / "hilang.sqlite") == ""
    empty = sqlite_file(empty_db.url)
    assert empty is not None and instansi_name(empty) == ""  # no name stored yet: the default is not shown
