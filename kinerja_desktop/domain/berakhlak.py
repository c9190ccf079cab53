"""The seven BerAKHLAK core values of ASN with their panduan perilaku (used in every SKP)."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.domain.errors import NotFound

__all__ = ["BERAKHLAK", "CoreValue", "by_code"]


@dataclass(frozen=True, slots=True)
class CoreValue:
    """One core value: stored ``code``, printed ``name`` and three ``panduan`` perilaku."""

    code: str
    name: str
    panduan: tuple[str, str, str]


BERAKHLAK: tuple[CoreValue, ...] = (
    CoreValue(
        "BERORIENTASI_PELAYANAN",
        "Berorientasi Pelayanan",
        (
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ),
    ),
    CoreValue(
        "AKUNTABEL",
        "Akuntabel",
        (
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ),
    ),
    CoreValue(
        "KOMPETEN",
        "Kompeten",
        (
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ),
    ),
    CoreValue(
        "HARMONIS",
        "Harmonis",
        (
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ),
    ),
    CoreValue(
        "LOYAL",
        "Loyal",
        (
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, "
            "setia kepada NKRI serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
            "Menjaga rahasia jabatan dan negara",
        ),
    ),
    CoreValue(
        "ADAPTIF",
        "Adaptif",
        (
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ),
    ),
    CoreValue(
        "KOLABORATIF",
        "Kolaboratif",
        (
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
        ),
    ),
)

_BY_CODE = {value.code: value for value in BERAKHLAK}


def by_code(code: str) -> CoreValue:
    """The core value with this code (case-insensitive; spaces and underscores are equivalent).

    Raises:
        NotFound: unknown code.
    """
    key = "_".join(code.strip().upper().replace("_", " ").split())
    try:
        return _BY_CODE[key]
    except KeyError:
        raise NotFound(f"Nilai dasar BerAKHLAK '{code}' tidak dikenal", code="berakhlak.unknown") from None
