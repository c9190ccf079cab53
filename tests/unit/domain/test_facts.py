"""Every fact in /work/shared/domain/facts.json is checked against the domain code.

The file lives outside the repository; when it is missing these tests skip (the other
domain test modules embed the key facts, so the rules stay pinned).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.kepegawaian import (
    GOLONGAN_PPPK,
    PANGKAT_PNS,
    Aspek,
    JenisRhk,
    LampiranKind,
    Pendekatan,
    Perspektif,
)
from kinerja_desktop.domain.nip import NipError, parse_nip
from kinerja_desktop.domain.penilaian import (
    ANGKA_KREDIT_PERCENT,
    DEFAULT_CURVE_RULES,
    Predikat,
    PredikatOrganisasi,
    Rating,
    angka_kredit,
    predikat_for,
)
from kinerja_desktop.domain.periods import period

FACTS_PATH = Path(__file__).parents[3].parent / "shared/domain/facts.json"
TODAY = date(2026, 1, 1)

# Every top-level key of facts.json must be covered by a test below.
COVERED_KEYS = {
    "source",
    "ratings",
    "rating_labels",
    "predikat_pegawai",
    "predikat_labels",
    "predikat_print_labels",
    "kuadran",
    "predikat_organisasi",
    "kurva_distribusi",
    "angka_kredit_percent",
    "angka_kredit_examples",
    "aspek",
    "perspektif_jpt",
    "pendekatan",
    "jenis_rhk",
    "lampiran_skp",
    "periode_evaluasi",
    "berakhlak",
    "pangkat_pns",
    "golongan_pppk",
    "nip_examples",
}


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    if not FACTS_PATH.is_file():
        pytest.skip(f"facts.json not found at {FACTS_PATH} (shared reference data outside the repository)")
    data: dict[str, Any] = json.loads(FACTS_PATH.read_text(encoding="utf-8"))
    return data


def test_every_fact_key_is_covered(facts: dict[str, Any]) -> None:
    """A new key in facts.json must get a test here."""
    assert set(facts) == COVERED_KEYS


def test_ratings_and_labels(facts: dict[str, Any]) -> None:
    assert [r.value for r in Rating] == facts["ratings"]
    assert {r.value: r.label for r in Rating} == facts["rating_labels"]


def test_predikat_pegawai_codes_and_labels(facts: dict[str, Any]) -> None:
    assert [p.value for p in Predikat] == facts["predikat_pegawai"]
    assert {p.value: p.label for p in Predikat} == facts["predikat_labels"]
    assert {p.value: p.print_label for p in Predikat} == facts["predikat_print_labels"]


def test_kuadran_every_cell(facts: dict[str, Any]) -> None:
    cells = {k: v for k, v in facts["kuadran"].items() if not k.startswith("_")}
    assert facts["kuadran"]["_keys"] == "hasil_kerja/perilaku_kerja"
    assert len(cells) == 9
    for key, expected in cells.items():
        hasil, perilaku = key.split("/")
        assert predikat_for(hasil, perilaku) == expected, key


def test_predikat_organisasi(facts: dict[str, Any]) -> None:
    assert [p.value for p in PredikatOrganisasi] == facts["predikat_organisasi"]


def test_curve_rules_identical_to_facts(facts: dict[str, Any]) -> None:
    assert dict(DEFAULT_CURVE_RULES) == facts["kurva_distribusi"]


def test_angka_kredit_percent_and_examples(facts: dict[str, Any]) -> None:
    assert {p.value: pct for p, pct in ANGKA_KREDIT_PERCENT.items()} == facts["angka_kredit_percent"]
    for example in facts["angka_kredit_examples"]:
        result = angka_kredit(example["koefisien"], example["predikat"], example["months"])
        assert result == Decimal(str(example["ak"])), example


def test_plan_vocabulary(facts: dict[str, Any]) -> None:
    assert [a.label for a in Aspek] == facts["aspek"]
    assert [p.label for p in Perspektif] == facts["perspektif_jpt"]
    assert [p.value for p in Pendekatan] == facts["pendekatan"]
    assert [j.value for j in JenisRhk] == facts["jenis_rhk"]
    assert [k.label for k in LampiranKind] == facts["lampiran_skp"]


def test_periode_evaluasi_print_labels(facts: dict[str, Any]) -> None:
    assert [period(f"TW{i}").print_label for i in range(1, 5)] == facts["periode_evaluasi"]


def test_berakhlak(facts: dict[str, Any]) -> None:
    assert [(v.code, v.name, list(v.panduan)) for v in BERAKHLAK] == [
        (f["code"], f["name"], f["panduan"]) for f in facts["berakhlak"]
    ]


def test_pangkat_and_golongan(facts: dict[str, Any]) -> None:
    assert [[p.golongan, p.name] for p in PANGKAT_PNS] == facts["pangkat_pns"]
    assert list(GOLONGAN_PPPK) == facts["golongan_pppk"]


def test_nip_examples(facts: dict[str, Any]) -> None:
    examples = facts["nip_examples"]
    for ex in examples["valid_pns"]:
        info = parse_nip(ex["nip"], today=TODAY)
        assert info.kind == "PNS"
        assert info.birth_date.isoformat() == ex["birth"]
        assert f"{info.tmt_year:04d}-{info.tmt_month:02d}" == ex["tmt_cpns"]
        assert info.sex == ex["sex"]
        assert info.sequence == ex["seq"]
    for nip in examples["valid_pppk"]:
        info = parse_nip(nip, today=TODAY)
        assert info.kind == "PPPK"
        assert info.tmt_month is None
        assert info.pppk_code == nip[12:14]
    for nip in examples["invalid"]:
        with pytest.raises(NipError):
            parse_nip(nip, today=TODAY)
