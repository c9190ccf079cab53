"""Where the PermenPAN-RB 6/2022 annex speaks, the sheets follow it (REFERENCE.md, 'The printed documents')."""

from __future__ import annotations

import dataclasses

from kinerja_desktop.documents.render import render
from kinerja_desktop.documents.sheet_data import BlankKind
from kinerja_desktop.domain.kepegawaian import SkpVariant
from tests.unit.documents import samples as s
from tests.unit.documents.pdf_checks import assert_in_order, flat, page_texts


def _text(sheet: object) -> str:
    return "\n".join(page_texts(render(sheet).pdf))


def test_evaluasi_groups_rows_as_a_utama_b_tambahan_under_a_column_number_row() -> None:
    text = _text(s.evaluasi())
    assert "A. UTAMA" in text and "B. TAMBAHAN" in text
    assert "KINERJA UTAMA" not in text and "KINERJA TAMBAHAN" not in text
    # JA/JF evaluation: NO, intervensi, RHK, aspek, IKI, target, realisasi, umpan balik
    assert_in_order(text, ["HASIL KERJA", "UMPAN BALIK", *[f"({n})" for n in range(1, 9)], "A. UTAMA"])


def test_skp_keeps_a_kinerja_utama_and_numbers_its_columns() -> None:
    text = _text(s.skp(s.plan()))
    assert_in_order(text, ["TARGET", *[f"({n})" for n in range(1, 7)], "A. KINERJA UTAMA", "B. KINERJA TAMBAHAN"])


def test_the_annual_evaluation_is_akhir_never_tahunan() -> None:
    for sheet in (s.evaluasi(code="TAHUNAN"), dataclasses.replace(s.dokumen(), period=s.period("TAHUNAN")),
                  s.blank(BlankKind.EVALUASI, period=s.period("TAHUNAN"))):
        text = _text(sheet)
        assert "PERIODE: AKHIR" in text and "PERIODE: TAHUNAN" not in text, type(sheet).__name__
    assert "PERIODE: TRIWULAN IV-AKHIR" in _text(s.evaluasi(code="TW4"))


def test_the_curve_has_its_caption_and_axis_titles() -> None:
    text = _text(s.evaluasi())
    assert "Predikat Kinerja Pegawai" in text and "Frekuensi Pegawai" in text
    unit = s.PEGAWAI.unit.upper()
    caption = f"KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI {unit} DENGAN CAPAIAN KINERJA ORGANISASI BAIK"
    assert flat(caption) in flat(text)
    assert "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI" in _text(s.blank(BlankKind.EVALUASI))


def test_jpt_sheets_name_the_penilai_instansi_and_an_optional_nip() -> None:
    bupati = dataclasses.replace(s.PENILAI, nama="Drs. H. Bupati Contoh", nip="", jabatan="Bupati Contoh")
    jpt = s.plan(SkpVariant.JPT)
    for sheet in (s.evaluasi(jpt, penilai=bupati), s.skp(jpt, penilai=bupati)):
        text = _text(sheet)
        assert_in_order(text, ["PEJABAT PENILAI KINERJA", "NIP (*opsional)", "INSTANSI", s.INSTANSI.nama.upper()])
    with_nip = _text(s.evaluasi(jpt))
    assert "INSTANSI" in with_nip and "(*opsional)" not in with_nip
    ja = _text(s.evaluasi())  # JA/JF sheets keep UNIT KERJA for the penilai
    assert "INSTANSI" not in ja.split("PEJABAT PENILAI KINERJA")[1].split("CAPAIAN")[0]


def test_dokumen_evaluasi_prints_the_place_and_date_above_both_signatures() -> None:
    sheet = s.dokumen()
    text = _text(sheet)
    assert flat(text).count(flat("Kota Contoh,")) == 2
    assert_in_order(text, ["Kota Contoh,", "Pegawai yang Dinilai"])
