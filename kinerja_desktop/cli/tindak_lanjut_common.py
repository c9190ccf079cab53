"""What the `kinerja penghargaan`, `kompetensi` and `pengembangan` commands share."""

from __future__ import annotations

import argparse
from datetime import date

from sqlalchemy import select

from kinerja_desktop.domain.errors import NotFound, ValidationError
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee

MAX_LINES = 300


def employee_id(db: Database, nip: str) -> str:
    """The employee with this NIP (spaces ignored)."""
    key = "".join((nip or "").split())
    with db.reader() as s:
        emp = s.execute(select(Employee.id).where(Employee.nip == key, Employee.deleted.is_(False))).scalar()
    if emp is None:
        raise NotFound(f"Pegawai dengan NIP {key or '(kosong)'} tidak ditemukan.")
    return emp


def day(text: str | None, what: str = "Tanggal") -> date | None:
    if not text:
        return None
    for fmt in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            from datetime import datetime

            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValidationError(f"{what} “{text}” tidak dikenal; tulis seperti 31-12-2026.", field=what)


def year_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, default=date.today().year, metavar="Y", help="tahun (bawaan: tahun ini)")


def jp(value: float) -> str:
    return f"{value:g}".replace(".", ",")
