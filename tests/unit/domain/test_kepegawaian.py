"""Staffing vocabulary: enums, SKP variant, pangkat/golongan, jenjang coefficients."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.kepegawaian import (
    GOLONGAN_PPPK,
    KOEFISIEN_DEFAULT,
    PANGKAT_PNS,
    AsnKind,
    Aspek,
    JenisJabatan,
    JenisRhk,
    JenjangFungsional,
    LampiranKind,
    Pendekatan,
    Perspektif,
    SkpVariant,
    koefisien_for,
    pangkat_by_golongan,
    pangkat_label,
    parse_golongan,
    skp_variant_for,
)

ENUMS = [AsnKind, JenisJabatan, SkpVariant, Pendekatan, Aspek, Perspektif, JenisRhk, LampiranKind, JenjangFungsional]


@pytest.mark.parametrize("enum", ENUMS)
def test_enum_values_equal_names_and_have_labels(enum: type) -> None:
    for member in enum:  # type: ignore[attr-defined]
        assert member.value == member.name
        assert member.label


def test_labels() -> None:
    assert [a.label for a in Aspek] == ["Kuantitas", "Kualitas", "Waktu", "Biaya"]
    assert [p.label for p in Perspektif] == ["Penerima Layanan", "Proses Bisnis", "Penguatan Internal", "Anggaran"]
    assert [k.label for k in LampiranKind] == ["Dukungan Sumber Daya", "Skema Pertanggungjawaban", "Konsekuensi"]
    assert JenisRhk.UTAMA.label == "Kinerja Utama"
    assert Pendekatan.KUALITATIF.label == "Kualitatif"
    assert JenjangFungsional.AHLI_PERTAMA.label == "Ahli Pertama"
    assert AsnKind.LAINNYA.label == "Non-ASN"


@pytest.mark.parametrize(
    ("jenis", "variant"),
    [
        ("JPT_UTAMA", SkpVariant.JPT),
        ("JPT_MADYA", SkpVariant.JPT),
        ("JPT_PRATAMA", SkpVariant.JPT),
        ("ADMINISTRATOR", SkpVariant.JA_JF),
        ("PENGAWAS", SkpVariant.JA_JF),
        ("FUNGSIONAL", SkpVariant.JA_JF),
        ("PELAKSANA", SkpVariant.JA_JF),
    ],
)
def test_skp_variant_for(jenis: str, variant: SkpVariant) -> None:
    assert skp_variant_for(jenis) is variant
    assert skp_variant_for(JenisJabatan(jenis)) is variant


def test_pangkat_tables() -> None:
    assert len(PANGKAT_PNS) == 17
    assert PANGKAT_PNS[8].label == "Penata Muda, III/a"
    assert GOLONGAN_PPPK[0] == "I" and GOLONGAN_PPPK[-1] == "XVII" and len(GOLONGAN_PPPK) == 17


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("III/a", "III/a"),
        ("iii/A", "III/a"),
        ("III a", "III/a"),
        ("3a", "III/a"),
        ("3/a", "III/a"),
        ("III-a", "III/a"),
        ("Penata Muda", "III/a"),
        ("penata muda", "III/a"),
        ("Penata Muda, III/a", "III/a"),
        ("Penata Muda (III/a)", "III/a"),
        ("Penata Muda Tk. I", "III/b"),
        ("Juru Tingkat 1", "I/d"),
        ("Pembina Utama", "IV/e"),
        ("IV/e", "IV/e"),
        ("1a", "I/a"),
    ],
)
def test_parse_golongan_pns_is_tolerant(text: str, expected: str) -> None:
    assert parse_golongan(text, AsnKind.PNS) == expected


@pytest.mark.parametrize(
    "text", ["", "  ", "V/a", "IV/f", "I/e", "4f", "III", "Penata, III/a", "Penata Muda Tingkat II", "x"]
)
def test_parse_golongan_pns_rejects(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_golongan(text, "PNS")


@pytest.mark.parametrize(("text", "expected"), [("IX", "IX"), ("ix", "IX"), ("9", "IX"), ("Golongan XVII", "XVII")])
def test_parse_golongan_pppk(text: str, expected: str) -> None:
    assert parse_golongan(text, AsnKind.PPPK) == expected


@pytest.mark.parametrize("text", ["XVIII", "0", "18", "III/a"])
def test_parse_golongan_pppk_rejects(text: str) -> None:
    with pytest.raises(ValidationError, match="PPPK"):
        parse_golongan(text, AsnKind.PPPK)


def test_non_asn_has_no_golongan() -> None:
    with pytest.raises(ValidationError, match="non-ASN"):
        parse_golongan("III/a", AsnKind.LAINNYA)


def test_pangkat_label() -> None:
    assert pangkat_label("III/a") == "Penata Muda, III/a"
    assert pangkat_label("3a", AsnKind.PNS) == "Penata Muda, III/a"
    assert pangkat_label("IX") == "IX"
    assert pangkat_label("ix", "PPPK") == "IX"
    assert pangkat_label("") == ""
    assert pangkat_label(None, "PNS") == ""
    assert pangkat_by_golongan("4e").name == "Pembina Utama"
    with pytest.raises(ValidationError):
        pangkat_label("Z/z")


def test_koefisien_defaults_and_override() -> None:
    assert KOEFISIEN_DEFAULT[JenjangFungsional.AHLI_PERTAMA] == Decimal("12.5")
    assert [str(koefisien_for(j)) for j in JenjangFungsional] == [
        "12.5",
        "25",
        "37.5",
        "50",
        "3.75",
        "5",
        "12.5",
        "25",
    ]
    custom = {JenjangFungsional.MAHIR: Decimal("12")}
    assert koefisien_for("MAHIR", custom) == Decimal("12")
    with pytest.raises(ValidationError, match="belum diatur"):
        koefisien_for("PENYELIA", custom)
    assert JenjangFungsional.AHLI_MUDA.is_keahlian and not JenjangFungsional.MAHIR.is_keahlian
