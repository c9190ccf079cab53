"""Rendered sheets hold the right fields in the right order (text extracted with pypdf)."""

from __future__ import annotations

import pytest

from kinerja_desktop.documents.render import render
from kinerja_desktop.domain.kepegawaian import Pendekatan, SkpVariant
from tests.unit.documents import samples as s
from tests.unit.documents.pdf_checks import assert_in_order, flat, page_texts

IDENTITY = ["NAMA", "NIP", "PANGKAT/GOL RUANG", "JABATAN", "UNIT KERJA"]


def test_skp_ja_jf_fields_in_order() -> None:
    doc = render(s.skp(s.plan()))
    texts = page_texts(doc.pdf)
    text = "\n".join(texts)
    assert_in_order(
        text,
        [
            "PEMERINTAH KABUPATEN CONTOH",
            "SASARAN KINERJA PEGAWAI",
            "PENDEKATAN HASIL KERJA KUANTITATIF",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2024",
            "PEGAWAI YANG DINILAI",
            "PEJABAT PENILAI KINERJA",
            "NAMA",
            s.PEGAWAI.nama,
            s.PENILAI.nama,
            s.PEGAWAI.nip,
            "HASIL KERJA",
            "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
            "ASPEK",
            "INDIKATOR KINERJA INDIVIDU",
            "TARGET",
            "A. KINERJA UTAMA",
            "(U1)",
            "Kuantitas",
            "indikator U1.1",
            "90% permohonan",
            "(U3)",
            "B. KINERJA TAMBAHAN",
            "(T1)",
            "PERILAKU KERJA",
            "EKSPEKTASI KHUSUS PIMPINAN",
            "Berorientasi Pelayanan",
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Kolaboratif",
            "Pegawai yang Dinilai",
            "Kota Contoh, 15 Januari 2024",
            "Pejabat Penilai Kinerja",
            s.PEGAWAI.nama,
            "LAMPIRAN SASARAN KINERJA PEGAWAI",
            "A. DUKUNGAN SUMBER DAYA",
            "Anggaran pemeliharaan server",
            "B. SKEMA PERTANGGUNGJAWABAN",
            "C. KONSEKUENSI",
        ],
    )
    assert "Halaman 1 dari 3" in texts[0] and "Halaman 3 dari 3" in texts[2]
    assert all(doc.doc_id in flat(t) for t in texts)


def test_skp_jpt_kualitatif_has_perspektif_and_narrative_target() -> None:
    doc = render(s.skp(s.plan(SkpVariant.JPT, Pendekatan.KUALITATIF)))
    text = "\n".join(page_texts(doc.pdf))
    assert_in_order(
        text,
        [
            "PENDEKATAN HASIL KERJA KUALITATIF",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
            "UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU DAN TARGET",
            "PERSPEKTIF",
            "(U1)",
            "indikator U1.1",
            "Target: 90% permohonan",
            "Penerima Layanan",
        ],
    )
    assert "ASPEK" not in flat(text)


def test_evaluasi_sections_in_order() -> None:
    doc = render(s.evaluasi(code="TW4"))
    text = "\n".join(page_texts(doc.pdf))
    assert_in_order(
        text,
        [
            "EVALUASI KINERJA PEGAWAI",
            "PERIODE: TRIWULAN IV-AKHIR",
            "PERIODE PENILAIAN: 1 OKTOBER SD 31 DESEMBER TAHUN 2024",
            "CAPAIAN KINERJA ORGANISASI",
            "BAIK",
            "POLA DISTRIBUSI",
            "Frekuensi Pegawai",
            "HASIL KERJA",
            "REALISASI BERDASARKAN BUKTI DUKUNG",
            "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
            "A. UTAMA",
            "indikator U1.1",
            "88% permohonan selesai tepat waktu",
            "Capaian sesuai target; pertahankan.",
            "RATING HASIL KERJA",
            "DI ATAS EKSPEKTASI",
            "PERILAKU KERJA",
            "Menunjukkan sikap melayani yang konsisten.",
            "RATING PERILAKU KERJA",
            "SESUAI EKSPEKTASI",
            "PREDIKAT KINERJA PEGAWAI",
            "BAIK",
            "Pegawai yang Dinilai",
        ],
    )


def test_dokumen_evaluasi_is_one_page_with_numbered_sections() -> None:
    doc = render(s.dokumen())
    texts = page_texts(doc.pdf)
    assert len(texts) == 1
    assert_in_order(
        texts[0],
        [
            "DOKUMEN EVALUASI KINERJA PEGAWAI",
            "PERIODE: AKHIR",
            "1",
            "PEGAWAI YANG DINILAI",
            *IDENTITY,
            "2",
            "PEJABAT PENILAI KINERJA",
            s.PENILAI.nama,
            "3",
            "ATASAN PEJABAT PENILAI KINERJA",
            s.ATASAN.nama,
            "4",
            "EVALUASI KINERJA",
            "CAPAIAN KINERJA ORGANISASI",
            "PREDIKAT KINERJA PEGAWAI",
            "5",
            "CATATAN/REKOMENDASI",
            "Direkomendasikan mengikuti pelatihan",
            "Pegawai yang Dinilai",
            "Pejabat Penilai Kinerja",
        ],
    )
    # the atasan does not sign
    assert [b.role for b in doc.signature_fields] == ["pegawai", "penilai"]


def test_dokumen_evaluasi_prints_the_ni_pppk_and_leaves_nip_blank_only_for_non_asn() -> None:
    """A PPPK's NI PPPK and golongan are printed (identity and signature); a non-ASN's lines stay blank."""
    import dataclasses

    from kinerja_desktop.domain.kepegawaian import AsnKind

    doc = render(s.dokumen(pegawai=s.PPPK))
    text = flat(page_texts(doc.pdf)[0])
    assert flat(s.PPPK.nama) in text
    assert text.count(s.PPPK.nip) == 2 and flat(f"NI PPPK {s.PPPK.nip}") in text
    other = dataclasses.replace(s.PPPK, nama="Honorer Contoh", asn_kind=AsnKind.LAINNYA)
    text = flat(page_texts(render(s.dokumen(pegawai=other)).pdf)[0])
    assert "HonorerContoh" in text and s.PPPK.nip not in text


def test_penetapan_roster_counts_and_check() -> None:
    sheet = s.penetapan(12)
    doc = render(sheet)
    text = "\n".join(page_texts(doc.pdf))
    assert_in_order(
        text,
        [
            "PENETAPAN PREDIKAT KINERJA PEGAWAI",
            "PERIODE: TAHUNAN TAHUN 2024",
            "UNIT KERJA",
            "Dinas Komunikasi dan Informatika (DISKOMINFO) beserta sub-unit",
            "PREDIKAT KINERJA ORGANISASI",
            "BAIK",
            "NAMA / NIP",
            "RATING HASIL KERJA",
            "RATING PERILAKU KERJA",
            "PREDIKAT KINERJA",
            *[r.nama for r in sheet.rows],
            "REKAPITULASI DAN POLA DISTRIBUSI",
            "HASIL PEMERIKSAAN KURVA DISTRIBUSI",
            "Sesuai dengan kurva distribusi",
            "Yang menetapkan,",
            s.ATASAN.nama,
        ],
    )
    assert [b.role for b in doc.signature_fields] == ["pimpinan"]


def test_penetapan_lists_distribution_violations() -> None:
    from dataclasses import replace

    from kinerja_desktop.domain.penilaian import Predikat, Rating

    rows = tuple(
        replace(r, rating_hasil=Rating.DI_ATAS, rating_perilaku=Rating.DI_ATAS, predikat=Predikat.SANGAT_BAIK)
        for r in s.penetapan(10).rows
    )
    doc = render(replace(s.penetapan(10), rows=rows))
    text = flat("\n".join(page_texts(doc.pdf)))
    assert flat("Tidak sesuai dengan kurva distribusi") in text
    assert flat("Harus ada paling sedikit satu pegawai berpredikat") in text


@pytest.mark.parametrize("code", ["TW1", "TW2", "TW3", "TAHUNAN", "S1", "B03"])
def test_evaluasi_period_label(code: str) -> None:
    from kinerja_desktop.domain.periods import period

    doc = render(s.evaluasi(code=code))
    label = "AKHIR" if code == "TAHUNAN" else period(code).print_label  # the annex: the annual one is AKHIR
    assert flat(f"PERIODE: {label}") in flat(page_texts(doc.pdf)[0])
