"""Every code the tindak lanjut services store fits its column (PostgreSQL enforces String lengths)."""

from __future__ import annotations

from sqlalchemy import String, inspect

from kinerja_desktop.domain.tindak_lanjut import STORED_CODES
from kinerja_desktop.store.models import MODEL_BY_TABLE


def test_every_stored_code_fits_its_column() -> None:
    for (table, field), codes in STORED_CODES.items():
        column = inspect(MODEL_BY_TABLE[table]).columns[field]
        if isinstance(column.type, String) and column.type.length:
            too_long = [c for c in codes if len(str(c)) > column.type.length]
            assert not too_long, f"{table}.{field} (String({column.type.length})): {too_long}"
