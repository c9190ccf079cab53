"""Shared service helpers: text cleaning, tombstones, lookups."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.errors import NotFound, ValidationError
from kinerja_desktop.services.common import clean_text, get_live
from kinerja_desktop.store.models import Employee


def test_clean_text_length_message_keeps_its_comma():
    with pytest.raises(ValidationError) as info:
        clean_text("x" * 12_345, "Nama", max_len=200)
    assert str(info.value) == "Nama terlalu panjang: 12.345 karakter, paling banyak 200."
    assert info.value.field == "Nama"


def test_clean_text_strips_and_normalises_newlines_and_refuses_control_characters():
    assert clean_text("  a\r\nb \t", "Catatan") == "a\nb"
    with pytest.raises(ValidationError, match="wajib diisi"):
        clean_text("   ", "Nama", required=True)
    with pytest.raises(ValidationError, match="karakter kendali"):
        clean_text("bel\x07", "Nama")
    assert clean_text("Citra 🌸", "Nama") == "Citra 🌸"


def test_get_live_treats_tombstones_as_missing(demo_db, people):
    with demo_db.session(user="admin", role="ADMIN") as s:
        emp = s.get(Employee, people.staff.employee_id)
        emp.deleted = True
    with demo_db.reader() as s, pytest.raises(NotFound, match="Pegawai tidak ditemukan"):
        get_live(s, Employee, people.staff.employee_id, "Pegawai")
    with demo_db.reader() as s, pytest.raises(NotFound):
        get_live(s, Employee, None, "Pegawai")
