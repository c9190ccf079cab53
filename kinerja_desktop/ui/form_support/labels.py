"""English for the Indonesian labels that come from the domain and services (enums, periods, statuses).

The domain has no Qt, so its ``.label`` strings are Indonesian only. They are listed here as literal
``QT_TRANSLATE_NOOP`` markers so ``pyside6-lupdate`` collects them; :func:`tr_label` looks one up at display
time (an unknown text is returned unchanged). Add a line here when the domain gains a label.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KNOWN = (
    # Aspek, Perspektif, lampiran
    QT_TRANSLATE_NOOP("DomainLabels", "Kuantitas"),
    QT_TRANSLATE_NOOP("DomainLabels", "Kualitas"),
    QT_TRANSLATE_NOOP("DomainLabels", "Waktu"),
    QT_TRANSLATE_NOOP("DomainLabels", "Biaya"),
    QT_TRANSLATE_NOOP("DomainLabels", "Penerima Layanan"),
    QT_TRANSLATE_NOOP("DomainLabels", "Proses Bisnis"),
    QT_TRANSLATE_NOOP("DomainLabels", "Penguatan Internal"),
    QT_TRANSLATE_NOOP("DomainLabels", "Anggaran"),
    QT_TRANSLATE_NOOP("DomainLabels", "Dukungan Sumber Daya"),
    QT_TRANSLATE_NOOP("DomainLabels", "Skema Pertanggungjawaban"),
    QT_TRANSLATE_NOOP("DomainLabels", "Konsekuensi"),
    # Pendekatan
    QT_TRANSLATE_NOOP("DomainLabels", "Kuantitatif"),
    QT_TRANSLATE_NOOP("DomainLabels", "Kualitatif"),
    # Rating, predikat
    QT_TRANSLATE_NOOP("DomainLabels", "Di Atas Ekspektasi"),
    QT_TRANSLATE_NOOP("DomainLabels", "Sesuai Ekspektasi"),
    QT_TRANSLATE_NOOP("DomainLabels", "Di Bawah Ekspektasi"),
    QT_TRANSLATE_NOOP("DomainLabels", "Sangat Baik"),
    QT_TRANSLATE_NOOP("DomainLabels", "Baik"),
    QT_TRANSLATE_NOOP("DomainLabels", "Butuh Perbaikan"),
    QT_TRANSLATE_NOOP("DomainLabels", "Kurang/Misconduct"),
    QT_TRANSLATE_NOOP("DomainLabels", "Sangat Kurang"),
    QT_TRANSLATE_NOOP("DomainLabels", "Istimewa"),
    QT_TRANSLATE_NOOP("DomainLabels", "Kurang"),
    # SKP and evaluation status
    QT_TRANSLATE_NOOP("DomainLabels", "Draf"),
    QT_TRANSLATE_NOOP("DomainLabels", "Diajukan"),
    QT_TRANSLATE_NOOP("DomainLabels", "Dikembalikan"),
    QT_TRANSLATE_NOOP("DomainLabels", "Disetujui"),
    QT_TRANSLATE_NOOP("DomainLabels", "Belum"),
    QT_TRANSLATE_NOOP("DomainLabels", "Final"),
    QT_TRANSLATE_NOOP("DomainLabels", "Ditandatangani"),
    # Periods
    QT_TRANSLATE_NOOP("DomainLabels", "Triwulan I"),
    QT_TRANSLATE_NOOP("DomainLabels", "Triwulan II"),
    QT_TRANSLATE_NOOP("DomainLabels", "Triwulan III"),
    QT_TRANSLATE_NOOP("DomainLabels", "Triwulan IV"),
    QT_TRANSLATE_NOOP("DomainLabels", "Semester I"),
    QT_TRANSLATE_NOOP("DomainLabels", "Semester II"),
    QT_TRANSLATE_NOOP("DomainLabels", "Tahunan"),
    QT_TRANSLATE_NOOP("DomainLabels", "Januari"),
    QT_TRANSLATE_NOOP("DomainLabels", "Februari"),
    QT_TRANSLATE_NOOP("DomainLabels", "Maret"),
    QT_TRANSLATE_NOOP("DomainLabels", "April"),
    QT_TRANSLATE_NOOP("DomainLabels", "Mei"),
    QT_TRANSLATE_NOOP("DomainLabels", "Juni"),
    QT_TRANSLATE_NOOP("DomainLabels", "Juli"),
    QT_TRANSLATE_NOOP("DomainLabels", "Agustus"),
    QT_TRANSLATE_NOOP("DomainLabels", "September"),
    QT_TRANSLATE_NOOP("DomainLabels", "Oktober"),
    QT_TRANSLATE_NOOP("DomainLabels", "November"),
    QT_TRANSLATE_NOOP("DomainLabels", "Desember"),
    # BerAKHLAK panduan perilaku (the value names stay Indonesian)
    QT_TRANSLATE_NOOP("DomainLabels", "Memahami dan memenuhi kebutuhan masyarakat"),
    QT_TRANSLATE_NOOP("DomainLabels", "Ramah, cekatan, solutif, dan dapat diandalkan"),
    QT_TRANSLATE_NOOP("DomainLabels", "Melakukan perbaikan tiada henti"),
    QT_TRANSLATE_NOOP("DomainLabels", "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan "
                                      "berintegritas tinggi"),
    QT_TRANSLATE_NOOP("DomainLabels", "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, "
                                      "efektif, dan efisien"),
    QT_TRANSLATE_NOOP("DomainLabels", "Tidak menyalahgunakan kewenangan jabatan"),
    QT_TRANSLATE_NOOP("DomainLabels", "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah"),
    QT_TRANSLATE_NOOP("DomainLabels", "Membantu orang lain belajar"),
    QT_TRANSLATE_NOOP("DomainLabels", "Melaksanakan tugas dengan kualitas terbaik"),
    QT_TRANSLATE_NOOP("DomainLabels", "Menghargai setiap orang apapun latar belakangnya"),
    QT_TRANSLATE_NOOP("DomainLabels", "Suka menolong orang lain"),
    QT_TRANSLATE_NOOP("DomainLabels", "Membangun lingkungan kerja yang kondusif"),
    QT_TRANSLATE_NOOP("DomainLabels", "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik "
                                      "Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah"),
    QT_TRANSLATE_NOOP("DomainLabels", "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara"),
    QT_TRANSLATE_NOOP("DomainLabels", "Menjaga rahasia jabatan dan negara"),
    QT_TRANSLATE_NOOP("DomainLabels", "Cepat menyesuaikan diri menghadapi perubahan"),
    QT_TRANSLATE_NOOP("DomainLabels", "Terus berinovasi dan mengembangkan kreativitas"),
    QT_TRANSLATE_NOOP("DomainLabels", "Bertindak proaktif"),
    QT_TRANSLATE_NOOP("DomainLabels", "Memberi kesempatan kepada berbagai pihak untuk berkontribusi"),
    QT_TRANSLATE_NOOP("DomainLabels", "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah"),
    QT_TRANSLATE_NOOP("DomainLabels", "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama"),
    # Signed documents: kinds, statuses, signer roles
    QT_TRANSLATE_NOOP("DomainLabels", "SKP"),
    QT_TRANSLATE_NOOP("DomainLabels", "Evaluasi Kinerja"),
    QT_TRANSLATE_NOOP("DomainLabels", "Dokumen Evaluasi Kinerja"),
    QT_TRANSLATE_NOOP("DomainLabels", "Belum ditandatangani"),
    QT_TRANSLATE_NOOP("DomainLabels", "Sebagian ditandatangani"),
    QT_TRANSLATE_NOOP("DomainLabels", "Ditandatangani lengkap"),
    QT_TRANSLATE_NOOP("DomainLabels", "Pegawai yang Dinilai"),
    QT_TRANSLATE_NOOP("DomainLabels", "Pejabat Penilai Kinerja"),
    QT_TRANSLATE_NOOP("DomainLabels", "Atasan Pejabat Penilai Kinerja"),
    QT_TRANSLATE_NOOP("DomainLabels", "Pimpinan"),
    # the steps of loading the instansi overview (central/overview.load_instansi)
    QT_TRANSLATE_NOOP("DomainLabels", "Unit dan pegawai"),
    QT_TRANSLATE_NOOP("DomainLabels", "Evaluasi"),
    QT_TRANSLATE_NOOP("DomainLabels", "Realisasi"),
    QT_TRANSLATE_NOOP("DomainLabels", "Predikat organisasi"),
    QT_TRANSLATE_NOOP("DomainLabels", "Sinkronisasi terakhir"),
    QT_TRANSLATE_NOOP("DomainLabels", "Menyusun ringkasan"),
    QT_TRANSLATE_NOOP("DomainLabels", "Selesai"),
)


def tr_label(text: str) -> str:
    """``text`` (an Indonesian domain label) in the interface language."""
    return QCoreApplication.translate("DomainLabels", text) if text else text
