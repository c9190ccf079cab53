"""A realistic demo office, deterministic for a seed, practical up to 20,000 employees.

Structure: Sekretaris Daerah (JPT madya, penilai: the Bupati, a pejabat negara without
NIP) -> Kepala Dinas (JPT pratama) -> Kepala Bidang (administrator) -> Kepala Seksi
(pengawas) -> pelaksana and fungsional staff. Plans cascade from the head down
(each RHK intervenes in one of the supervisor's), realisations exist for the periods
already over, with small evidence files, and evaluations cover all five predikat.

Rows are written through :func:`kinerja_desktop.store.changelog.bulk_insert`, so the
change log is complete exactly as if every row had been entered by hand.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import select

from kinerja_desktop.domain import skm
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.domain.kepegawaian import pangkat_label
from kinerja_desktop.domain.penilaian import Rating, predikat_for
from kinerja_desktop.domain.periods import DEFAULT_PERIOD_CODES
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.services.auth_service import DEMO_OFFICE_KEY, new_key_fields
from kinerja_desktop.services.trust_service import store_root_key
from kinerja_desktop.store import signing
from kinerja_desktop.store.blobs import BlobStore
from kinerja_desktop.store.changelog import bulk_insert
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import (
    Attachment,
    Employee,
    Evaluation,
    Indicator,
    LampiranItem,
    PerilakuExpectation,
    PerilakuFeedback,
    Plan,
    Realisation,
    Rhk,
    RhkFeedback,
    Setting,
    SkmResponse,
    SkmSurvey,
    Supervision,
    Unit,
    UnitPredikat,
    UserAccount,
)
from kinerja_desktop.store.signing import ROOT_AUTHOR

DEMO_ADMIN = ("admin", "admin")
# Cheap argon2 parameters for the demo's thousands of accounts; the hash is upgraded to the
# full parameters at the first sign-in (auth_service rehashes), so no weak hash stays in use.
_DEMO_HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)

FIRST = ("Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Sri", "Hendra", "Nur", "Yanti", "Joko", "Wahyu", "Ratna",
         "Eko", "Fitri", "Rudi", "Indah", "Bambang", "Lestari", "Dian", "Arif", "Wulan", "Teguh", "Maya", "Putu",
         "Made", "Ketut", "Ayu", "Rizky", "Fajar", "Intan", "Hadi", "Nining", "Yusuf", "Laila", "Asep", "Euis",
         "Dedi", "Yohanes", "Maria", "Fransiska", "Ahmad", "Muhammad", "Kurniawati", "Samsul", "Ni Luh")
LAST = ("Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Pratama", "Kusuma", "Nugroho", "Siregar", "Nasution",
        "Harahap", "Simanjuntak", "Wibowo", "Setiawan", "Rahmawati", "Purnomo", "Suryani", "Hakim", "Gunawan",
        "Sembiring", "Manurung", "Tanjung", "Permata", "Utami", "Firmansyah", "Maharani", "Susanto", "Ramadhan")
GELAR = ("", "", "", "S.Kom.", "S.E.", "S.H.", "S.Sos.", "A.Md.", "M.Si.", "S.T.", "S.Pd.", "M.M.")
DINAS = ("Pendidikan", "Kesehatan", "Pekerjaan Umum dan Penataan Ruang", "Sosial", "Perhubungan",
         "Lingkungan Hidup", "Kependudukan dan Pencatatan Sipil", "Komunikasi dan Informatika", "Pertanian",
         "Pariwisata", "Koperasi dan UKM", "Perpustakaan dan Kearsipan", "Penanaman Modal dan PTSP",
         "Ketenagakerjaan", "Perikanan", "Perumahan dan Kawasan Permukiman")
BIDANG = ("Sekretariat", "Pelayanan", "Perencanaan dan Evaluasi", "Pengembangan", "Pengendalian", "Data dan Informasi")
TOPIK = ("pelayanan administrasi", "pengelolaan arsip", "penyusunan laporan", "verifikasi dokumen",
         "pendataan penerima layanan", "pembinaan teknis", "pengelolaan anggaran", "sistem informasi",
         "pengaduan masyarakat", "monitoring program", "pengadaan barang dan jasa", "survei kepuasan masyarakat")
SATUAN = ("laporan", "dokumen", "kegiatan", "berkas", "%", "hari", "data")
FUNGSIONAL = (("Analis Kebijakan Ahli Pertama", "AHLI_PERTAMA"), ("Pranata Komputer Ahli Muda", "AHLI_MUDA"),
              ("Arsiparis Terampil", "TERAMPIL"), ("Analis SDM Aparatur Ahli Pertama", "AHLI_PERTAMA"),
              ("Perencana Ahli Muda", "AHLI_MUDA"), ("Pranata Keuangan APBN Mahir", "MAHIR"))
PELAKSANA = ("Pengadministrasi Umum", "Pengolah Data", "Pengelola Keuangan", "Pengelola Layanan Operasional",
             "Pengadministrasi Perkantoran", "Penata Layanan Operasional")
PERSPEKTIF = ("PENERIMA_LAYANAN", "PROSES_BISNIS", "PENGUATAN_INTERNAL", "ANGGARAN")
LAMPIRAN = {
    "DUKUNGAN_SUMBER_DAYA": ("Anggaran kegiatan sesuai DPA", "Dukungan aplikasi dan perangkat komputer"),
    "SKEMA_PERTANGGUNGJAWABAN": ("Laporan bulanan kepada pimpinan", "Rapat evaluasi triwulanan"),
    "KONSEKUENSI": ("Realisasi di bawah target menjadi bahan pembinaan",),
}
# Ratings per employee: chosen so every predikat occurs (weights: mostly Baik).
RATING_MIX = (
    (("SESUAI", "SESUAI"), 50), (("DI_ATAS", "DI_ATAS"), 14), (("DI_ATAS", "SESUAI"), 10),
    (("SESUAI", "DI_ATAS"), 8), (("DI_BAWAH", "SESUAI"), 9), (("SESUAI", "DI_BAWAH"), 4),
    (("DI_BAWAH", "DI_BAWAH"), 3), (("DI_ATAS", "DI_BAWAH"), 1), (("DI_BAWAH", "DI_ATAS"), 1),
)


@dataclass
class _Person:
    id: str
    nip: str | None
    name: str
    kind: str
    golongan: str | None
    jabatan: str
    jenis: str
    jenjang: str | None
    unit_id: str
    unit_name: str
    supervisor: _Person | None = None
    rhk_ids: list[str] = field(default_factory=list)


@dataclass
class DemoSummary:
    employees: int
    units: int
    plans: int
    rhk: int
    indicators: int
    realisations: int
    evaluations: int
    attachments: int
    year: int
    periods_evaluated: list[str]
    surveys: int = 0
    survey_responses: int = 0
    tindak_lanjut: dict[str, int] = field(default_factory=dict)
    peran: dict[str, int] = field(default_factory=dict)
    rencana_aksi: int = 0
    progres_harian: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class _NipMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def pns(self, sex: int) -> str:
        while True:
            born = date(1965, 1, 1) + timedelta(days=self.rng.randrange(0, 35 * 365))
            tmt_year = min(born.year + self.rng.randint(22, 32), 2024)
            tmt_month = self.rng.choice((1, 2, 3, 4, 12))
            nip = f"{born:%Y%m%d}{tmt_year:04d}{tmt_month:02d}{sex}{self.rng.randint(1, 999):03d}"
            if nip not in self.used:
                self.used.add(nip)
                return nip

    def pppk(self, sex: int) -> str:
        while True:
            born = date(1975, 1, 1) + timedelta(days=self.rng.randrange(0, 25 * 365))
            nip = f"{born:%Y%m%d}{self.rng.choice((2021, 2022, 2023, 2024))}21{sex}{self.rng.randint(1, 999):03d}"
            if nip not in self.used:
                self.used.add(nip)
                return nip


def _name(rng: random.Random) -> tuple[str, int]:
    first = rng.choice(FIRST)
    sex = 2 if first in {"Siti", "Dewi", "Rina", "Sri", "Nur", "Yanti", "Ratna", "Fitri", "Indah", "Lestari", "Dian",
                         "Wulan", "Maya", "Ayu", "Intan", "Nining", "Laila", "Euis", "Maria", "Fransiska",
                         "Kurniawati", "Ni Luh"} else 1
    gelar = rng.choice(GELAR)
    full = f"{first} {rng.choice(LAST)}" + (f", {gelar}" if gelar else "")
    return full, sex


def has_employees(db: Database) -> bool:
    with db.reader() as s:
        return s.execute(select(Employee.id).limit(1)).first() is not None


def periods_over(year: int, today: date, configured: tuple[str, ...] = DEFAULT_PERIOD_CODES) -> list[str]:
    """The configured periods of ``year`` that have ended by ``today``."""
    return [c for c in configured if period_of(c).end(year) < today]


def build_demo(
    db: Database, *, employees: int = 200, seed: int = 1, year: int | None = None, today: date | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with a demo office of ``employees`` people."""
    if employees < 5:
        raise ValidationError("Kantor demo memerlukan paling sedikit 5 pegawai.", field="--employees")
    if employees > 200_000:
        raise ValidationError("Paling banyak 200.000 pegawai untuk kantor demo.", field="--employees")
    # The demo office is founded by the instansi itself: every row is signed with its root key
    # (kept here wrapped under the demo admin's password, and pinned), like an office's first import.
    with db.reader() as s:
        if s.execute(select(Employee.id).limit(1)).first():
            raise ConflictError("Database ini sudah berisi pegawai; kantor demo hanya dibuat di database kosong.")
    root = signing.new_private_key()
    store_root_key(db, root, DEMO_ADMIN[1], weak=True)
    db.set_meta(DEMO_OFFICE_KEY, True)  # demo accounts keep their NIP passwords here
    db.keys.add(signing.Signer(ROOT_AUTHOR, root))
    try:
        return _build(db, employees, seed, year, today, progress)
    finally:
        db.keys.discard(ROOT_AUTHOR)


def _build(db: Database, employees: int, seed: int, year: int | None, today: date | None,
           progress: Callable[[str, int, int], None] | None) -> DemoSummary:
    today = today or date.today()
    year = year or today.year
    rng = random.Random(seed)
    id_rng = random.Random(seed * 7919 + 1)

    def new_id() -> str:  # deterministic ids: the same seed gives the same database
        return str(uuid.UUID(int=id_rng.getrandbits(128), version=4))

    nips = _NipMaker(rng)
    report = progress or (lambda _stage, _done, _total: None)
    with db.session(user=ROOT_AUTHOR, role="ADMIN") as s:
        if s.execute(select(Employee.id).limit(1)).first():
            raise ConflictError("Database ini sudah berisi pegawai; kantor demo hanya dibuat di database kosong.")
        units: list[dict[str, Any]] = []
        people: list[_Person] = []

        def unit(code: str, name: str, parent: str | None, level: int) -> str:
            uid = new_id()
            units.append({"id": uid, "code": code, "name": name, "parent_id": parent, "level": level})
            return uid

        def person(kind: str, jabatan: str, jenis: str, unit_id: str, unit_name: str, sup: _Person | None,
                   golongan: str | None, jenjang: str | None = None) -> _Person:
            name, sex = _name(rng)
            nip = None if kind == "LAINNYA" else (nips.pppk(sex) if kind == "PPPK" else nips.pns(sex))
            p = _Person(new_id(), nip, name, kind, golongan, jabatan, jenis, jenjang, unit_id, unit_name, sup)
            people.append(p)
            return p

        root = unit("PEMKAB", "Pemerintah Kabupaten Contoh", None, 0)
        setda = unit("SETDA", "Sekretariat Daerah", root, 1)
        bupati = person("LAINNYA", "Bupati", "JPT_UTAMA", root, "Pemerintah Kabupaten Contoh", None, None)
        bupati.name = "H. " + bupati.name.split(",")[0]
        sekda = person("PNS", "Sekretaris Daerah", "JPT_MADYA", setda, "Sekretariat Daerah", bupati, "IV/d")
        remaining = employees - 2
        per_dinas = 137
        n_dinas = max(1, -(-remaining // per_dinas))
        base, extra = divmod(remaining, n_dinas)
        for d in range(n_dinas):
            quota = base + (1 if d < extra else 0)
            dname = DINAS[d % len(DINAS)] + (f" {d // len(DINAS) + 1}" if d >= len(DINAS) else "")
            dcode = f"D{d + 1:03d}"
            did = unit(dcode, f"Dinas {dname}", root, 1)
            kadis = person("PNS", f"Kepala Dinas {dname}", "JPT_PRATAMA", did, f"Dinas {dname}", sekda,
                           rng.choice(("IV/b", "IV/c")))
            quota -= 1
            n_bidang = max(1, min(4, quota // 30))
            for b in range(n_bidang):
                if quota <= 0:
                    break
                bname = BIDANG[b % len(BIDANG)]
                bid = unit(f"{dcode}.{b + 1}", f"Bidang {bname}", did, 2)
                kabid = person("PNS", f"Kepala Bidang {bname}", "ADMINISTRATOR", bid, f"Bidang {bname}", kadis,
                               rng.choice(("IV/a", "IV/b", "III/d")))
                quota -= 1
                share = quota // (n_bidang - b) if n_bidang - b > 0 else quota
                n_seksi = max(1, min(3, share // 8))
                for k in range(n_seksi):
                    if share <= 0:
                        break
                    sname = f"{TOPIK[(b * 3 + k) % len(TOPIK)].title()}"
                    sid = unit(f"{dcode}.{b + 1}.{k + 1}", f"Seksi {sname}", bid, 3)
                    kasi = person("PNS", f"Kepala Seksi {sname}", "PENGAWAS", sid, f"Seksi {sname}", kabid,
                                  rng.choice(("III/c", "III/d", "IV/a")))
                    quota -= 1
                    share -= 1
                    staff = share // (n_seksi - k)
                    for _ in range(staff):
                        roll = rng.random()
                        if roll < 0.3:
                            jab, jenjang = rng.choice(FUNGSIONAL)
                            person("PNS", jab, "FUNGSIONAL", sid, f"Seksi {sname}", kasi,
                                   rng.choice(("III/a", "III/b", "III/c")), jenjang)
                        elif roll < 0.42:
                            person("PPPK", rng.choice(PELAKSANA), "PELAKSANA", sid, f"Seksi {sname}", kasi,
                                   rng.choice(("V", "VII", "IX")))
                        else:
                            person("PNS", rng.choice(PELAKSANA), "PELAKSANA", sid, f"Seksi {sname}", kasi,
                                   rng.choice(("II/c", "II/d", "III/a", "III/b")))
                    quota -= staff
                    share -= staff
            # Any rounding rest goes to the first seksi of the dinas as pelaksana.
            first_kasi = next((p for p in people if p.unit_id and p.jenis == "PENGAWAS" and
                               p.supervisor and p.supervisor.supervisor is kadis), kadis)
            for _ in range(max(0, quota)):
                person("PNS", rng.choice(PELAKSANA), "PELAKSANA", first_kasi.unit_id, first_kasi.unit_name,
                       first_kasi, "III/a")
        report("Unit dan pegawai", 0, len(people))
        bulk_insert(s, Unit, units, user=ROOT_AUTHOR, role="ADMIN", make_id=new_id)
        bulk_insert(s, Employee, [
            {"id": p.id, "nip": p.nip, "name": p.name, "asn_kind": p.kind, "golongan": p.golongan,
             "jabatan": p.jabatan, "jenis_jabatan": p.jenis, "jenjang": p.jenjang, "unit_id": p.unit_id,
             "active": True}
            for p in people
        ], user=ROOT_AUTHOR, role="ADMIN", make_id=new_id)
        bulk_insert(s, Supervision, [
            {"employee_id": p.id, "supervisor_id": p.supervisor.id if p.supervisor else None, "year": year}
            for p in people
        ], user=ROOT_AUTHOR, role="ADMIN", make_id=new_id)
        bulk_insert(s, Setting, [
            {"id": "instansi.name", "value": "PEMERINTAH KABUPATEN CONTOH"},
            {"id": "instansi.address", "value": "Jl. Merdeka No. 1"},
            {"id": "instansi.city", "value": "Kota Contoh"},
        ], user=ROOT_AUTHOR, role="ADMIN", make_id=new_id)
        report("Unit dan pegawai", len(people), len(people))
        accounts = [{"username": DEMO_ADMIN[0], "password_hash": _DEMO_HASHER.hash(DEMO_ADMIN[1]), "is_admin": True,
                     "active": True, **new_key_fields(DEMO_ADMIN[1], weak=True)}]
        accounts += [{"username": p.nip, "password_hash": _DEMO_HASHER.hash(p.nip), "employee_id": p.id,
                      **new_key_fields(p.nip, weak=True),
                      "is_admin": False, "active": True} for p in people if p.nip]
        bulk_insert(s, UserAccount, accounts, user=ROOT_AUTHOR, role="ADMIN", make_id=new_id)
        report("Akun", len(accounts), len(accounts))
        summary = _plans(s, rng, people, year, today, report, db.blobs, new_id)
        bulk_insert(s, UnitPredikat, [
            {"unit_id": u["id"], "year": year, "period": "TAHUNAN", "predikat": rng.choice(("BAIK", "BAIK", "ISTIMEWA",
                                                                                            "BUTUH_PERBAIKAN"))}
            for u in units if u["level"] == 1
        ], user=ROOT_AUTHOR, role="ADMIN", make_id=new_id)
        # Surveys come last and draw from their own random stream, so every row above is the same
        # as in an office generated without them (same seed, same ids).
        summary.surveys, summary.survey_responses = _surveys(s, seed, units, people, year, today, new_id)
        report("Survei kepuasan masyarakat", summary.survey_responses, summary.survey_responses)
        # Follow-up (issue 15): its own random stream, after everything else.
        from kinerja_desktop.services.demo_tindak_lanjut import build_tindak_lanjut

        summary.tindak_lanjut = build_tindak_lanjut(s, seed, year, today, db.blobs, new_id, ROOT_AUTHOR)
        # Daily work (issue 17): its own random stream and ids too.
        from kinerja_desktop.services.demo_daily_work import add_daily_work

        summary.rencana_aksi, summary.progres_harian = add_daily_work(s, seed=seed, year=year, today=today,
                                                                      user=ROOT_AUTHOR)
        report("Rencana aksi dan progres harian", summary.progres_harian, summary.progres_harian)
        # Matriks peran hasil and a year with changes (issue 17 items 3-4): its own random stream and ids.
        from kinerja_desktop.services.demo_peran import add_peran_demo

        summary.peran = add_peran_demo(s, seed=seed, year=year, today=today, user=ROOT_AUTHOR)
        summary.units = len(units)
        summary.employees = len(people)
        return summary


def _identity(p: _Person | None) -> dict[str, str]:
    if p is None:
        return {"nama": "", "nip": "", "pangkat": "", "jabatan": "", "unit": ""}
    return {"nama": p.name, "nip": p.nip or "", "pangkat": pangkat_label(p.golongan, p.kind) if p.golongan else "",
            "jabatan": p.jabatan, "unit": p.unit_name}


def _plans(s: Any, rng: random.Random, people: list[_Person], year: int, today: date,
           report: Callable[[str, int, int], None], evidence_blob: BlobStore,
           new_id: Callable[[], str]) -> DemoSummary:
    plans, rhks, inds, lamps, exps = [], [], [], [], []
    reals, atts, evals, rfbs, pfbs = [], [], [], [], []
    evaluated = periods_over(year, today)
    plan_of: dict[str, tuple[str, str, list[tuple[str, list[tuple[str, float | None]]]]]] = {}
    staff_people = [p for p in people if p.kind != "LAINNYA"]
    for n, p in enumerate(staff_people):  # people are ordered top-down, so supervisors come first
        jpt = p.jenis.startswith("JPT")
        pendekatan = "KUALITATIF" if (p.jenis == "FUNGSIONAL" and rng.random() < 0.15) else "KUANTITATIF"
        status = "APPROVED" if rng.random() < 0.9 else rng.choice(("DRAFT", "SUBMITTED"))
        sup = p.supervisor
        pid = new_id()
        plans.append({
            "id": pid, "employee_id": p.id, "year": year, "version": 1, "is_current": True, "status": status,
            "pendekatan": pendekatan, "variant": "JPT" if jpt else "JA_JF",
            "penilai_id": sup.id if sup else None,
            "atasan_penilai_id": sup.supervisor.id if sup and sup.supervisor else None,
            "snapshot": {"pegawai": _identity(p), "penilai": _identity(sup),
                         "atasan": _identity(sup.supervisor if sup else None)},
            "review_note": "", "frozen": False,
            **_plan_dates(status, year, today, n),
        })
        rhk_list: list[tuple[str, list[tuple[str, float | None]]]] = []
        n_utama = 3
        for k in range(n_utama + (1 if rng.random() < 0.4 else 0)):
            kind = "UTAMA" if k < n_utama else "TAMBAHAN"
            topic = rng.choice(TOPIK)
            rid = new_id()
            parent = rng.choice(sup.rhk_ids) if sup and sup.rhk_ids else None
            text = (f"Meningkatnya kualitas {topic} di {p.unit_name}" if jpt or p.jenis == "ADMINISTRATOR"
                    else f"Terlaksananya {topic} secara tepat waktu dan akurat")
            rhks.append({"id": rid, "plan_id": pid, "kind": kind, "position": k if kind == "UTAMA" else 0,
                         "text": text, "parent_rhk_id": parent,
                         "perspektif": rng.choice(PERSPEKTIF) if jpt else None})
            if kind == "UTAMA":
                p.rhk_ids.append(rid)
            ind_list: list[tuple[str, float | None]] = []
            aspects = (None,) if jpt else ("KUANTITAS", rng.choice(("KUALITAS", "WAKTU")))
            for j, aspek in enumerate(aspects):
                iid = new_id()
                if pendekatan == "KUALITATIF":
                    value, unit, narrative = None, "", f"{topic.capitalize()} selesai dan diterima pimpinan"
                elif aspek == "WAKTU":
                    value, unit, narrative = 12.0, "bulan", ""
                elif aspek == "KUALITAS":
                    value, unit, narrative = float(rng.choice((90, 95, 100))), "%", ""
                else:
                    value, unit, narrative = float(rng.randint(4, 48)), rng.choice(SATUAN[:4]), ""
                label = {"KUANTITAS": "Jumlah", "KUALITAS": "Persentase kesesuaian", "WAKTU": "Waktu penyelesaian",
                         None: "Indeks capaian"}[aspek]
                inds.append({"id": iid, "rhk_id": rid, "position": j, "aspek": aspek,
                             "text": f"{label} {topic} yang diselesaikan", "target_value": value,
                             "target_unit": unit, "target_text": narrative})
                ind_list.append((iid, value))
            rhk_list.append((rid, ind_list))
        for kind, items in LAMPIRAN.items():
            for j, text in enumerate(items):
                lamps.append({"plan_id": pid, "kind": kind, "position": j, "text": text})
        if sup is not None and rng.random() < 0.3:
            value = rng.choice(BERAKHLAK)
            exps.append({"plan_id": pid, "value_code": value.code,
                         "text": "Menjadi teladan dalam " + value.name.lower() + " di lingkungan unit"})
        plan_of[p.id] = (pid, status, rhk_list)
        if status != "APPROVED":
            continue
        (hasil, perilaku) = rng.choices([m for m, _ in RATING_MIX], weights=[w for _, w in RATING_MIX])[0]
        for per_code in evaluated:
            per = period_of(per_code)
            months_done = per.last_month
            for _rid, ind_list in rhk_list:
                for iid, target in ind_list:
                    if target is None:
                        value_text = "Telah dilaksanakan sesuai rencana"
                        number = None
                    else:
                        factor = {"DI_ATAS": 1.1, "SESUAI": 1.0, "DI_BAWAH": 0.7}[hasil]
                        number = round(target * factor * months_done / 12, 1)
                        value_text = f"{number:g}".replace(".", ",")
                    real_id = new_id()
                    reals.append({"id": real_id, "indicator_id": iid, "period": per_code, "value_text": value_text,
                                  "value_number": number, "note": "", "reported_on": None})
                    if iid == rhk_list[0][1][0][0] and per_code == evaluated[-1]:
                        content = (f"Bukti dukung {p.name} - {per.label} {year}\n"
                                   f"Laporan {rng.choice(TOPIK)}: {value_text}\n").encode()
                        sha = evidence_blob.put_bytes(content)
                        atts.append({"realisation_id": real_id, "sha256": sha,
                                     "filename": f"laporan_{per_code.lower()}.txt", "size": len(content),
                                     "mime": "text/plain"})
            ev_id = new_id()
            predikat = predikat_for(Rating(hasil), Rating(perilaku)).value
            evals.append({"id": ev_id, "plan_id": pid, "period": per_code, "status": "FINAL", "rating_hasil": hasil,
                          "rating_perilaku": perilaku, "predikat": predikat,
                          "capaian_organisasi": "BAIK", "frozen": False,
                          "catatan": _recommendation(hasil, perilaku),
                          "finalised_at": _finalised_at(per_code, year, today, n), "read_at": None})
            for rid, _inds in rhk_list:
                rfbs.append({"evaluation_id": ev_id, "rhk_id": rid, "text": _feedback(rng, hasil)})
            weak = rng.choice(BERAKHLAK)
            pfbs.append({"evaluation_id": ev_id, "value_code": weak.code,
                         "text": f"Perlu meningkatkan sikap {weak.name.lower()} dalam pekerjaan sehari-hari"
                         if perilaku == "DI_BAWAH" else f"Sudah menunjukkan sikap {weak.name.lower()} yang baik"})
        if n % 500 == 0:
            report("SKP, realisasi dan evaluasi", n, len(staff_people))
    _cover_all_predikat(evals, rfbs)
    report("Menyimpan", 0, 1)
    for model, rows in ((Plan, plans), (Rhk, rhks), (Indicator, inds), (LampiranItem, lamps),
                        (PerilakuExpectation, exps), (Realisation, reals), (Attachment, atts), (Evaluation, evals),
                        (RhkFeedback, rfbs), (PerilakuFeedback, pfbs)):
        bulk_insert(s, model, rows, user=ROOT_AUTHOR, role="ADMIN", make_id=new_id)
    report("Menyimpan", 1, 1)
    return DemoSummary(0, 0, len(plans), len(rhks), len(inds), len(reals), len(evals), len(atts), year, evaluated)


#: One rating pair per predikat, used to make sure a small office shows every predikat.
_RATINGS_FOR = {"SANGAT_BAIK": ("DI_ATAS", "DI_ATAS"), "BAIK": ("SESUAI", "SESUAI"),
                "BUTUH_PERBAIKAN": ("DI_BAWAH", "SESUAI"), "KURANG": ("SESUAI", "DI_BAWAH"),
                "SANGAT_KURANG": ("DI_BAWAH", "DI_BAWAH")}


def _cover_all_predikat(evals: list[dict[str, Any]], rfbs: list[dict[str, Any]]) -> None:
    """Re-rate a few employees of the most common predikat so that all five predikat occur.

    Small offices can miss one by chance. Uses no random numbers, so an office that already
    shows all five (every office from about 60 people up) is generated exactly as before.
    """
    by_plan: dict[str, list[dict[str, Any]]] = {}
    for ev in evals:
        by_plan.setdefault(ev["plan_id"], []).append(ev)
    present = Counter(evs[0]["predikat"] for evs in by_plan.values())
    missing = [p for p in _RATINGS_FOR if p not in present]
    if not missing or not present:
        return
    common = present.most_common(1)[0][0]
    donors = [pid for pid, evs in reversed(by_plan.items()) if evs[0]["predikat"] == common][:-1]
    feedback_of = {}
    for fb in rfbs:
        feedback_of.setdefault(fb["evaluation_id"], []).append(fb)
    for predikat, pid in zip(missing, donors, strict=False):
        hasil, perilaku = _RATINGS_FOR[predikat]
        for ev in by_plan[pid]:
            ev.update(rating_hasil=hasil, rating_perilaku=perilaku, predikat=predikat,
                      catatan=_recommendation(hasil, perilaku))
            for fb in feedback_of.get(ev["id"], []):
                fb["text"] = _FEEDBACK[hasil]


def _recommendation(hasil: str, perilaku: str) -> str:
    if hasil == "DI_BAWAH":
        return "Disarankan mengikuti pelatihan teknis sesuai bidang tugas dan pendampingan oleh atasan langsung."
    if perilaku == "DI_BAWAH":
        return "Disarankan mengikuti pelatihan komunikasi efektif dan pembinaan perilaku kerja."
    if hasil == "DI_ATAS" and perilaku == "DI_ATAS":
        return "Layak dipertimbangkan untuk penghargaan dan pengembangan karier."
    return "Pertahankan kinerja; ikuti pengembangan kompetensi sesuai rencana."


def _at(day: date, today: date, hour: int) -> datetime:
    """``day`` at ``hour`` o'clock UTC, never after ``today`` (the demo's clock)."""
    return datetime.combine(min(day, today), time(hour, (day.toordinal() * 7) % 60))


def _plan_dates(status: str, year: int, today: date, n: int) -> dict[str, datetime | None]:
    """Submitted and approved in the dialog kinerja of January (6/2022), spread over the days without the
    random stream (so every other generated value stays the same for a seed)."""
    submitted = _at(date(year, 1, 8 + n % 12), today, 8) if status in ("SUBMITTED", "APPROVED") else None
    approved = _at(date(year, 1, 21 + n % 10), today, 10) if status == "APPROVED" else None
    return {"submitted_at": submitted, "approved_at": approved}


def _finalised_at(per_code: str, year: int, today: date, n: int) -> datetime:
    """A FINAL evaluation is finalised within two weeks after its period ends (never after ``today``)."""
    return _at(period_of(per_code).end(year) + timedelta(days=3 + n % 11), today, 9)


_FEEDBACK = {
    "DI_ATAS": "Hasil kerja melampaui target dengan bukti dukung lengkap; pertahankan inovasinya.",
    "SESUAI": "Hasil kerja sesuai target; bukti dukung sudah memadai.",
    "DI_BAWAH": "Capaian masih di bawah target; perlu rencana tindak lanjut bersama atasan.",
}


def _feedback(rng: random.Random, hasil: str) -> str:
    return _FEEDBACK[hasil] + rng.choice(
        ("", " Dokumentasi agar dirapikan.", " Koordinasi dengan seksi lain sudah baik."))


# ----------------------------------------------------------------------------- Survei Kepuasan Masyarakat

#: Services surveyed per kind of dinas (matched on the unit name); the rest use the general pair.
_SKM_SERVICES = (
    ("Kependudukan", ("Kartu Tanda Penduduk Elektronik", "Kartu Keluarga", "Akta Kelahiran")),
    ("Kesehatan", ("Surat Izin Praktik Tenaga Kesehatan", "Rekomendasi Izin Apotek")),
    ("Pendidikan", ("Legalisir Ijazah", "Surat Keterangan Pindah Sekolah")),
    ("Penanaman Modal", ("Perizinan Berusaha", "Persetujuan Bangunan Gedung", "Konsultasi Perizinan")),
    ("Perhubungan", ("Uji Kendaraan Bermotor", "Izin Trayek")),
    ("Sosial", ("Rekomendasi Bantuan Sosial", "Surat Keterangan Tidak Mampu")),
    ("Ketenagakerjaan", ("Kartu Pencari Kerja", "Pelatihan Kerja")),
    ("Perpustakaan", ("Keanggotaan Perpustakaan", "Layanan Arsip")),
    ("Sekretariat Daerah", ("Layanan Informasi Publik", "Penerimaan Pengaduan")),
)
_SKM_GENERAL = ("Layanan Informasi", "Konsultasi dan Pengaduan")
#: Each surveyed unit has a character: its usual level and the unsur it struggles with.
_SKM_WEAK = ("U3", "U9", "U8", "U2", "U1", "U5")
_SKM_FOLLOW_UP = {
    "U1": "Memasang papan informasi persyaratan layanan di ruang tunggu dan di laman unit",
    "U2": "Menyederhanakan alur layanan dan menempelkan bagan alir di loket",
    "U3": "Menetapkan dan mengumumkan waktu penyelesaian layanan serta memantau antrean harian",
    "U4": "Mengumumkan bahwa layanan tidak dipungut biaya dan menyediakan kanal pengaduan pungutan",
    "U5": "Memeriksa kesesuaian produk layanan dengan standar pelayanan setiap bulan",
    "U6": "Mengikutsertakan petugas loket dalam pelatihan teknis layanan",
    "U7": "Melaksanakan pelatihan pelayanan prima bagi petugas garis depan",
    "U8": "Memperbaiki ruang tunggu, kursi antrean dan toilet pengguna layanan",
    "U9": "Menyediakan kotak saran dan nomor WhatsApp pengaduan yang dijawab paling lama 3 hari",
}
_SKM_PROFILE_WEIGHTS = {
    "usia": (("<25", 18), ("25-34", 30), ("35-44", 26), ("45-54", 17), ("55+", 9)),
    "jenis_kelamin": (("L", 52), ("P", 48)),
    "pendidikan": (("SD", 8), ("SMP", 14), ("SMA", 44), ("DIPLOMA", 10), ("S1", 21), ("S2", 3)),
    "pekerjaan": (("PNS", 9), ("TNI", 2), ("POLRI", 2), ("SWASTA", 30), ("WIRAUSAHA", 28), ("PELAJAR", 12),
                  ("LAINNYA", 17)),
}


def _skm_units(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The service units that survey their users: the dinas (and the Sekretariat Daerah), then the
    bidang pelayanan of each dinas when the office is small; at most six."""
    first = [u for u in units if u["level"] == 1]
    rest = [u for u in units if u["level"] == 2 and "Pelayanan" in u["name"]]
    return (first + rest)[:6]


def _skm_answer(rng: random.Random, mean: float) -> int:
    """One answer 1..4 around ``mean`` (most citizens answer 3, satisfied ones 4)."""
    value = round(rng.gauss(mean, 0.55))
    return min(4, max(1, value))


def _surveys(s: Any, seed: int, units: list[dict[str, Any]], people: list[_Person], year: int, today: date,
             new_id: Callable[[], str]) -> tuple[int, int]:
    """Surveys of several service units: last year's annual survey (closed, with analysis and follow-up),
    this year's first semester (closed) and the second semester (open, collecting) when it has begun."""
    rng = random.Random(seed * 104729 + 16)
    head_of = {}
    for p in people:
        if p.unit_id not in head_of and p.nip:
            head_of[p.unit_id] = p
    surveys: list[dict[str, Any]] = []
    responses: list[dict[str, Any]] = []
    for n, unit in enumerate(_skm_units(units)):
        services = next((svc for key, svc in _SKM_SERVICES if key in unit["name"]), _SKM_GENERAL)
        level = rng.uniform(3.05, 3.45)
        weak = _SKM_WEAK[n % len(_SKM_WEAK)]
        population = rng.choice((420, 650, 900, 1300, 2400, 4200))
        plan = [(year - 1, "TAHUNAN", -0.12, "CLOSED"), (year, "S1", 0.0, "CLOSED")]
        if period_of("S2").start(year) <= today:
            plan.append((year, "S2", 0.08, "OPEN" if today <= period_of("S2").end(year) else "CLOSED"))
        for sv_year, code, drift, status in plan:
            per = period_of(code)
            first, last = per.start(sv_year), min(per.end(sv_year), today)
            if first > last:
                continue
            share = (last - first).days / max(1, (per.end(sv_year) - per.start(sv_year)).days)
            users = population // (12 // per.months)  # users of the service within the period
            want = skm.sample_size(users)
            count = max(10, round(want * rng.uniform(1.0, 1.15) * min(1.0, share + 0.05)))
            sid = new_id()
            rows = []
            for _ in range(count):
                answers = {}
                for u in skm.UNSUR:
                    mean = level + drift + (-0.55 if u.code == weak else 0.0)
                    if u.code == "U4":
                        mean = 3.7  # most public services are free
                    answers[u.code.lower()] = _skm_answer(rng, mean)
                profile = {key: rng.choices([c for c, _ in opts], weights=[w for _, w in opts])[0]
                           for key, opts in _SKM_PROFILE_WEIGHTS.items()}
                if rng.random() < 0.06:
                    profile["usia"] = None  # a citizen may skip a profile question
                rows.append({"id": new_id(), "survey_id": sid, **answers,
                             "answered_on": first + timedelta(days=rng.randrange((last - first).days + 1)),
                             **profile, "layanan": rng.choice(services),
                             "source": rng.choices(("KIOSK", "PAPER", "IMPORT"), weights=(70, 20, 10))[0],
                             "fingerprint": None, "voided": False, "void_reason": ""})
            rows.sort(key=lambda r: r["answered_on"])
            if len(rows) > 40:  # a test entry by the officer, voided with its reason
                rows[3]["voided"], rows[3]["void_reason"] = True, "Uji coba kios oleh petugas, bukan pengguna layanan"
            analysis, follow_up = "", []
            if status == "CLOSED":
                result = skm.compute({c: r[c.lower()] for c in skm.UNSUR_CODES} for r in rows if not r["voided"])
                weakest = result.weakest()
                if weakest is not None and result.ikm is not None and result.mutu is not None:
                    ikm_text = f"{result.ikm:.2f}".replace(".", ",")
                    nrr_text = f"{float(weakest.nrr):.2f}".replace(".", ",")
                    analysis = (f"IKM {ikm_text} (mutu {result.mutu.value}, {result.mutu.label}) dari "
                                f"{result.respondents} responden. Unsur terendah {weakest.unsur.code} "
                                f"{weakest.unsur.name} (NRR {nrr_text}) diperbaiki lebih dahulu.")
                    head = head_of.get(unit["id"])
                    follow_up = [{"action": _SKM_FOLLOW_UP[weakest.unsur.code], "unsur": weakest.unsur.code,
                                  "employee_id": head.id if head else None,
                                  "deadline": f"{per.end(sv_year) + timedelta(days=90):%d-%m-%Y}"}]
            surveys.append({"id": sid, "unit_id": unit["id"], "year": sv_year, "period": code,
                            "services": list(services), "population": users, "status": status,
                            "analysis": analysis, "follow_up": follow_up})
            responses += rows
    bulk_insert(s, SkmSurvey, surveys, user=ROOT_AUTHOR, role="ADMIN", make_id=new_id)
    bulk_insert(s, SkmResponse, responses, user=ROOT_AUTHOR, role="ADMIN", make_id=new_id)
    return len(surveys), len(responses)
