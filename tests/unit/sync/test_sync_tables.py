"""The sync tables exist in new databases and arrive in old ones through migration 0002."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect

from kinerja_desktop.store.db import _alembic_config, head_revision, open_database
from kinerja_desktop.store.sync_models import SYNC_MODELS

SYNC_TABLES = {m.__tablename__ for m in SYNC_MODELS}


def test_new_database_has_sync_tables(empty_db) -> None:
    assert SYNC_TABLES <= set(inspect(empty_db.engine).get_table_names())


def test_database_at_0001_upgrades_with_a_backup(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "old.sqlite"
    url = f"sqlite:///{path}"
    command.upgrade(_alembic_config(url), "0001")
    engine = create_engine(url)
    assert not SYNC_TABLES & set(inspect(engine).get_table_names())
    engine.dispose()
    db = open_database(path)
    try:
        assert SYNC_TABLES <= set(inspect(db.engine).get_table_names())
        with db.engine.connect() as conn:
            rev = conn.exec_driver_sql("select version_num from alembic_version").scalar()
        assert rev == head_revision()
        assert list(tmp_path.glob("old.backup-*.sqlite"))
    finally:
        db.dispose()
