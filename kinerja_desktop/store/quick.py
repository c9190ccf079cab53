"""Small keys of ``local_meta``, and the one read made before SQLAlchemy has loaded.

Importing SQLAlchemy and the models takes ~0.45 s, so at start-up the sign-in window is shown
first and the database opened after its first paint. A PC that has not remembered its instansi's
name yet (``preferences``) reads it here from the SQLite file with the standard library, read
only, so the sign-in window can name the office at once. Everything else goes through the services.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

#: Set while a PC is joining an office (sync.join); until the first sync succeeds the PC counts as new.
JOIN_PENDING_KEY = "join.pending"

#: The setting that names the instansi (``settings_spec``).
INSTANSI_NAME_KEY = "instansi.name"

__all__ = ["INSTANSI_NAME_KEY", "JOIN_PENDING_KEY", "instansi_name"]


def instansi_name(path: Path) -> str:
    """The instansi's name stored in the database file at ``path``; "" when it cannot be read
    (not our schema, locked, not SQLite, no name yet): the database opens as usual anyway."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return ""
    try:
        conn.execute("PRAGMA query_only=ON")
        row = conn.execute("SELECT value FROM setting WHERE id = ? AND deleted = 0", (INSTANSI_NAME_KEY,)).fetchone()
        value = json.loads(row[0]) if row is not None and row[0] is not None else None
    except (sqlite3.Error, ValueError):
        return ""
    finally:
        conn.close()
    return value.strip()[:200] if isinstance(value, str) else ""
