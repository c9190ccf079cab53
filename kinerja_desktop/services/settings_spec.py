"""The instansi settings and their defaults (no database imports: start-up reads them too)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kinerja_desktop.domain.periods import DEFAULT_PERIOD_CODES

__all__ = ["SPECS", "SettingSpec"]


@dataclass(frozen=True)
class SettingSpec:
    key: str
    title: str
    default: Any


SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("instansi.name", "Nama instansi", "PEMERINTAH KABUPATEN CONTOH"),
        SettingSpec("instansi.address", "Alamat", ""),
        SettingSpec("instansi.city", "Kota", "Kota Contoh"),
        SettingSpec("instansi.logo_sha256", "Logo (berkas di penyimpanan)", ""),
        SettingSpec("periods", "Periode evaluasi yang dipakai", list(DEFAULT_PERIOD_CODES)),
        SettingSpec("evidence.max_mb", "Batas ukuran bukti dukung (MB)", 20),
        SettingSpec("timezone", "Zona waktu", "Asia/Jakarta"),
        SettingSpec("signing.tsa_url", "Server cap waktu (TSA)", ""),
        SettingSpec("tte.url", "Server TTE instansi (BSrE)", ""),
        SettingSpec("tpp.aturan", "Aturan TPP: porsi kinerja dan persen per predikat", {}),
        # A year with changes (issue 17): how the SKP of one year combine (domain.peran; 6/2022 gives no formula).
        SettingSpec("penugasan.aturan_tahunan", "Evaluasi tahunan bila SKP berganti di tengah tahun "
                    "(PROPORSIONAL atau TERAKHIR)", "PROPORSIONAL"),
        # Daily work (issue 17): the instansi calendar and the progres harian window.
        SettingSpec("kalender.hari_kerja", "Hari kerja dalam seminggu (1 = Senin .. 7 = Minggu)", [1, 2, 3, 4, 5]),
        SettingSpec("kalender.libur", "Hari libur nasional dan cuti bersama", []),
        SettingSpec("harian.batas_hari", "Batas pengisian progres harian (hari kerja setelah harinya)", 1),
        SettingSpec("rencana_aksi.periode", "Periode rencana aksi (BULANAN atau TRIWULAN)", "BULANAN"),
        # SIASN reference ids that the public clients disagree on or leave open (issue 18; docs/central.md).
        SettingSpec("siasn.dokumen_skp22", "SIASN: id_ref_dokumen dokumen evaluasi tahunan (skp22)", "890"),
        SettingSpec("siasn.dokumen_periodik", "SIASN: id_ref_dokumen dokumen evaluasi periodik", "890"),
        SettingSpec("siasn.koefisien_id", "SIASN: koefisienId per jenjang jabatan fungsional (JENJANG=id)",
                    ["AHLI_PERTAMA=12", "AHLI_MUDA=22", "AHLI_MADYA=32", "AHLI_UTAMA=42", "PEMULA=52",
                     "TERAMPIL=62", "MAHIR=72", "PENYELIA=82"]),
    )
}
