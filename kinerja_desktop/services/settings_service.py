"""Instansi settings kept in the database (synced), declared once with defaults."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.periods import periods_in
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.services.common import CurrentUser, clean_text
from kinerja_desktop.services.settings_spec import SPECS
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Setting


def get_settings(db: Database) -> dict[str, Any]:
    """Every declared setting with its stored value or default."""
    values = {key: spec.default for key, spec in SPECS.items()}
    with db.reader() as s:
        for row in s.scalars(select(Setting).where(Setting.deleted.is_(False))):
            values[row.id] = row.value
    return values


def get_setting(db: Database, key: str) -> Any:
    return get_settings(db).get(key, SPECS[key].default if key in SPECS else None)


def set_setting(db: Database, user: CurrentUser, key: str, value: Any) -> None:
    require(user.actor, Action.MANAGE_SETTINGS)
    if key not in SPECS:
        raise KeyError(key)
    if key == "periods":
        value = [p.code for p in periods_in(value)]
    elif isinstance(value, str):
        value = clean_text(value, SPECS[key].title, max_len=500)
    with db.session(user=user.username, role="ADMIN") as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(id=key, value=value))
        else:
            row.value = value
            row.deleted = False


def set_logo(db: Database, user: CurrentUser, path: str) -> str:
    """Store the instansi logo in the blob store; the document layer reads it from there."""
    from pathlib import Path

    from kinerja_desktop.domain.errors import ValidationError

    require(user.actor, Action.MANAGE_SETTINGS)
    src = Path(path)
    if not src.is_file():
        raise ValidationError(f"Berkas logo {src.name} tidak ditemukan.", field="Logo")
    head = src.read_bytes()[:8]
    if not (head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8")):
        raise ValidationError("Logo harus gambar PNG atau JPEG.", field="Logo")
    sha, _size = db.blobs.put_file(src, max_size=5 * 1024 * 1024)
    set_setting(db, user, "instansi.logo_sha256", sha)
    return sha
