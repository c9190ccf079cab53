"""The start-up reads (stdlib sqlite3) answer exactly as the services do, on the demo office."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services import auth_service, query_service, settings_service
from kinerja_desktop.services.quick_session import QuickSource, QuickUnavailable, quick_file
from kinerja_desktop.store.location import sqlite_file
from kinerja_desktop.store.models import UserAccount
from tests.helpers.fixtures import DEMO_YEAR


def _source(db) -> QuickSource:  # type: ignore[no-untyped-def]
    path = sqlite_file(db.url)
    assert path is not None
    return QuickSource(path)


def _shape(nodes) -> list:  # type: ignore[no-untyped-def]
    return [(n.id, n.code, n.name, n.parent_id, n.level, _shape(n.children)) for n in nodes]


@pytest.mark.parametrize("period", ["TAHUNAN", "TW1", "TW3"])
def test_rows_equal_the_query_service_for_every_kind_of_user(demo_db, people, period: str) -> None:  # type: ignore[no-untyped-def]
    quick = _source(demo_db)
    for user in (people.admin, people.staff, people.penilai, people.atasan, people.other_penilai):
        for kw in ({}, {"limit": 25}, {"subordinates_of": user.employee_id}):
            expected = query_service.employee_rows(demo_db, user, DEMO_YEAR, period, **kw)
            assert quick.employee_rows(user, DEMO_YEAR, period, **kw) == expected, (user.username, kw)
    assert _shape(quick.unit_tree()) == _shape(query_service.unit_tree(demo_db))
    assert quick.settings() == settings_service.get_settings(demo_db)
    assert quick.has_accounts()


def test_sign_in_answers_as_auth_service(demo_db, people) -> None:  # type: ignore[no-untyped-def]
    quick = _source(demo_db)
    for user in (people.admin, people.staff):
        name = user.username
        assert quick.authenticate(name.upper(), name) == auth_service.authenticate(demo_db, name, name)
    for name, password in (("admin", "salah"), ("tidak-ada", "admin"), ("", "")):
        # a failure is left to auth_service, which counts it (the start-up path only reads)
        with pytest.raises(QuickUnavailable):
            quick.authenticate(name, password)
        with pytest.raises(PermissionDenied) as want:
            auth_service.authenticate(demo_db, name, password)
        assert str(want.value) == "Nama pengguna atau kata sandi salah."
    for _ in range(3):  # a waiting or locked account is refused on the start-up path too
        with pytest.raises(PermissionDenied):
            auth_service.authenticate(demo_db, "admin", "salah")
    with pytest.raises(PermissionDenied, match="Coba lagi"):
        quick.authenticate("admin", "admin")
    with demo_db.session() as s:
        s.scalars(select(UserAccount).where(UserAccount.username == people.staff.username)).one().active = False
    with pytest.raises(PermissionDenied, match="dinonaktifkan"):
        quick.authenticate(people.staff.username, people.staff.username)


def test_files_it_cannot_serve_are_refused_not_misread(tmp_path, demo_db) -> None:  # type: ignore[no-untyped-def]
    assert quick_file(str(tmp_path / "belum-ada.sqlite")) is None
    assert quick_file("postgresql://kantor/kinerja") is None
    junk = tmp_path / "bukan-database.sqlite"
    junk.write_bytes(b"ini bukan database" * 100)
    with pytest.raises(QuickUnavailable):
        QuickSource(junk).has_accounts()
    old = tmp_path / "lama.sqlite"
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    conn.commit()
    conn.close()
    with pytest.raises(QuickUnavailable, match="upgrade"):
        QuickSource(old).has_accounts()
    before = sqlite_file(demo_db.url).read_bytes()[:100]
    _source(demo_db).authenticate("admin", "admin")
    assert sqlite_file(demo_db.url).read_bytes()[:100] == before  # read-only
