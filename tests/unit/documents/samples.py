"""Hand-built sheets for layout tests (no database): normal, extreme and incomplete cases."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.documents.hashing import make_doc_id
from kinerja_desktop.documents.sheet_data import (
    BlankForm,
    BlankKind,
    DokumenEvaluasiSheet,
    EvaluasiSheet,
    Indicator,
    Instansi,
    PenetapanRow,
    PenetapanSheet,
    PerilakuItem,
    Person,
    Plan,
    Rhk,
    SkpSheet,
)
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.kepegawaian import (
    AsnKind,
    Aspek,
    JenisRhk,
    LampiranKind,
    Pendekatan,
    Perspektif,
    SkpVariant,
)
from kinerja_desktop.domain.penilaian import Predikat, PredikatOrganisasi, Rating, predikat_for
from kinerja_desktop.domain.periods import period

YEAR = 2024
INSTANSI = Instansi(
    nama="Dinas Komunikasi dan Informatika Kabupaten Contoh",
    alamat="Jalan Merdeka No. 17",
    kota="Kota Contoh",
    induk="Pemerintah Kabupaten Contoh",
    kontak="Telepon (0274) 555-0101 · diskominfo@contohkab.go.id",
)
PEGAWAI = Person(
    nama="Siti Rahmawati, S.Kom.",
    nip="198703122010012005",
    pangkat="Penata Tingkat I, III/d",
    jabatan="Pranata Komputer Ahli Muda",
    unit="Bidang Aplikasi Informatika",
)
PENILAI = Person(
    nama="Drs. Bambang Sutrisno, M.Si.",
    nip="196608011988031001",
    pangkat="Pembina Tingkat I, IV/b",
    jabatan="Kepala Bidang Aplikasi Informatika",
    unit="Dinas Komunikasi dan Informatika",
)
ATASAN = Person(
    nama="Ir. Hendra Wijaya, M.T.",
    nip="196901151994031003",
    pangkat="Pembina Utama Muda, IV/c",
    jabatan="Kepala Dinas Komunikasi dan Informatika",
    unit="Dinas Komunikasi dan Informatika",
)
LONG = (
    "Pegawai telah menyelesaikan penataan ulang layanan permohonan data secara daring, termasuk "
    "penyusunan standar operasional prosedur, pelatihan petugas loket, dan pendampingan perangkat daerah. "
)
FEEDBACK_2000 = (LONG * 12)[:1990] + " AKHIR."


def perilaku(ekspektasi: str = "Menyelesaikan layanan sesuai standar waktu.") -> tuple[PerilakuItem, ...]:
    return tuple(
        PerilakuItem(v.code, v.name, v.panduan, ekspektasi if i % 2 == 0 else "") for i, v in enumerate(BERAKHLAK)
    )


def plan(
    variant: SkpVariant = SkpVariant.JA_JF,
    pendekatan: Pendekatan = Pendekatan.KUANTITATIF,
    n_utama: int = 3,
    n_indicators: int = 3,
    n_tambahan: int = 1,
) -> Plan:
    rhk: list[Rhk] = []
    aspects = list(Aspek)
    perspectives = list(Perspektif)
    for jenis, count in ((JenisRhk.UTAMA, n_utama), (JenisRhk.TAMBAHAN, n_tambahan)):
        for i in range(count):
            rid = f"{jenis.value[0]}{i + 1}"
            indicators = tuple(
                Indicator(
                    id=f"{rid}-{j + 1}",
                    iki=f"Persentase permohonan layanan data yang diselesaikan tepat waktu (indikator {rid}.{j + 1})",
                    target=f"{90 + j}% permohonan",
                    aspek=aspects[j % len(aspects)] if variant is SkpVariant.JA_JF else None,
                )
                for j in range(n_indicators)
            )
            rhk.append(
                Rhk(
                    id=rid,
                    jenis=jenis,
                    text=f"Terlaksananya pengelolaan aplikasi layanan publik yang andal ({rid})",
                    indicators=indicators,
                    intervensi="Meningkatnya kualitas layanan informasi publik berbasis elektronik"
                    if variant is SkpVariant.JA_JF
                    else "",
                    perspektif=perspectives[i % 4] if variant is SkpVariant.JPT else None,
                )
            )
    return Plan(
        variant=variant,
        pendekatan=pendekatan,
        rhk=tuple(rhk),
        perilaku=perilaku(),
        lampiran={
            LampiranKind.DUKUNGAN_SUMBER_DAYA: ("Anggaran pemeliharaan server", "Dua orang tenaga pendukung"),
            LampiranKind.SKEMA_PERTANGGUNGJAWABAN: ("Laporan bulanan kepada Kepala Bidang",),
            LampiranKind.KONSEKUENSI: ("Penundaan layanan apabila server tidak tersedia",),
        },
        status="APPROVED",
    )


def skp(p: Plan | None = None, penilai: Person | None = PENILAI, **kw: object) -> SkpSheet:
    return SkpSheet(
        doc_id=make_doc_id("skp", YEAR, "TAHUNAN", PEGAWAI.nip),
        instansi=kw.pop("instansi", INSTANSI),  # type: ignore[arg-type]
        year=YEAR,
        pegawai=PEGAWAI,
        penilai=penilai,
        plan=p,
        tempat="Kota Contoh",
        tanggal=date(2024, 1, 15),
        **kw,  # type: ignore[arg-type]
    )


def evaluasi(
    p: Plan | None = None, code: str = "TW1", feedback: str = "Capaian sesuai target; pertahankan.", **kw: object
) -> EvaluasiSheet:
    pl = p if p is not None else plan()
    hasil, perilaku_rating = Rating.DI_ATAS, Rating.SESUAI
    return EvaluasiSheet(
        doc_id=make_doc_id("evaluasi", YEAR, code, PEGAWAI.nip),
        instansi=kw.pop("instansi", INSTANSI),  # type: ignore[arg-type]
        year=YEAR,
        period=period(code),
        pegawai=PEGAWAI,
        penilai=kw.pop("penilai", PENILAI),  # type: ignore[arg-type]
        plan=kw.pop("plan_override", pl),  # type: ignore[arg-type]
        capaian_organisasi=PredikatOrganisasi.BAIK,
        distribusi={Predikat.SANGAT_BAIK: 4, Predikat.BAIK: 12, Predikat.BUTUH_PERBAIKAN: 3, Predikat.KURANG: 1},
        realisasi={
            i.id: f"{88 + n}% permohonan selesai tepat waktu" for n, r in enumerate(pl.rhk) for i in r.indicators
        },
        umpan_balik_rhk={r.id: feedback for r in pl.rhk},
        umpan_balik_perilaku={v.code: "Menunjukkan sikap melayani yang konsisten." for v in BERAKHLAK},
        rating_hasil=hasil,
        rating_perilaku=perilaku_rating,
        predikat=predikat_for(hasil, perilaku_rating),
        tempat="Kota Contoh",
        tanggal=date(2024, 4, 5),
        **kw,  # type: ignore[arg-type]
    )


def dokumen(
    catatan: str = "Direkomendasikan mengikuti pelatihan manajemen proyek TI.", **kw: object
) -> DokumenEvaluasiSheet:
    return DokumenEvaluasiSheet(
        doc_id=make_doc_id("dokumen-evaluasi", YEAR, "TAHUNAN", PEGAWAI.nip),
        instansi=INSTANSI,
        year=YEAR,
        period=period("TAHUNAN"),
        pegawai=kw.pop("pegawai", PEGAWAI),  # type: ignore[arg-type]
        penilai=PENILAI,
        atasan=ATASAN,
        capaian_organisasi=PredikatOrganisasi.BAIK,
        predikat=Predikat.BAIK,
        catatan=catatan,
        tempat="Kota Contoh",
        tanggal=date(2025, 1, 10),
        **kw,  # type: ignore[arg-type]
    )


def penetapan(n: int = 12, org: PredikatOrganisasi | None = PredikatOrganisasi.BAIK) -> PenetapanSheet:
    ratings = list(Rating)
    rows = []
    for i in range(n):
        h, p = ratings[i % 3], ratings[(i // 3) % 3]
        rows.append(
            PenetapanRow(
                nama=f"Pegawai Contoh Nomor {i + 1}",
                nip=f"19900101201501{1 + i % 2}{i % 1000:03d}",
                jabatan="Pranata Komputer Ahli Pertama" if i % 2 else "Analis Kebijakan Ahli Muda",
                rating_hasil=h,
                rating_perilaku=p,
                predikat=predikat_for(h, p),
                unit="Bidang Aplikasi Informatika",
            )
        )
    return PenetapanSheet(
        doc_id=make_doc_id("penetapan", YEAR, "TAHUNAN", "DISKOMINFO"),
        instansi=INSTANSI,
        year=YEAR,
        period=period("TAHUNAN"),
        unit_nama="Dinas Komunikasi dan Informatika",
        unit_code="DISKOMINFO",
        predikat_organisasi=org,
        rows=tuple(rows),
        pimpinan=ATASAN,
        include_sub_units=True,
        tempat="Kota Contoh",
        tanggal=date(2025, 1, 20),
    )


def blank(form: BlankKind, named: bool = False, **kw: object) -> BlankForm:
    subject = f"{form.value}-{PEGAWAI.nip if named else 'KOSONG'}"
    return BlankForm(
        doc_id=make_doc_id("blank", YEAR if named else None, kw.get("period"), subject),  # type: ignore[arg-type]
        instansi=INSTANSI,
        form=form,
        year=YEAR if named else None,
        pegawai=PEGAWAI if named else None,
        penilai=PENILAI if named else None,
        atasan=ATASAN if named else None,
        **kw,  # type: ignore[arg-type]
    )


PPPK = Person(
    nama="Andi Pratama",
    nip="199105252023211031",
    pangkat="IX",
    jabatan="Penata Layanan Operasional",
    unit="Sekretariat",
    asn_kind=AsnKind.PPPK,
)
