"""Error types: Indonesian message as str(), location only via describe()."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.errors import (
    ConflictError,
    FrozenError,
    KinerjaError,
    NipError,
    NotFound,
    PermissionDenied,
    ValidationError,
)


def test_str_is_the_message_and_attributes_are_kept() -> None:
    err = ValidationError("NIP kosong", code="nip.empty", field="NIP", row=3)
    assert str(err) == "NIP kosong"
    assert (err.message, err.code, err.field, err.row) == ("NIP kosong", "nip.empty", "NIP", 3)


@pytest.mark.parametrize(
    ("field", "row", "expected"),
    [
        ("NIP", 3, "Baris 3, kolom NIP: salah"),
        (None, 3, "Baris 3: salah"),
        ("NIP", None, "kolom NIP: salah"),
        (None, None, "salah"),
    ],
)
def test_describe_adds_location(field: str | None, row: int | None, expected: str) -> None:
    assert KinerjaError("salah", field=field, row=row).describe() == expected


def test_with_location_fills_only_missing_parts() -> None:
    err = ValidationError("x", field="NIP")
    assert err.with_location(field="Nama", row=7) is err
    assert (err.field, err.row) == ("NIP", 7)


@pytest.mark.parametrize("cls", [ValidationError, PermissionDenied, NotFound, ConflictError, FrozenError, NipError])
def test_hierarchy(cls: type[KinerjaError]) -> None:
    assert issubclass(cls, KinerjaError)
    with pytest.raises(KinerjaError):
        raise cls("pesan")


def test_nip_error_is_a_validation_error() -> None:
    assert issubclass(NipError, ValidationError)
    assert "NipError('x', code='c')" == repr(NipError("x", code="c"))
