"""Records for the national system (SIASN, BKN): annual ``skp22`` and periodic ``kinerjaperiodik``.

The field names follow the request bodies of the open-source SIASN clients
(kanekescom/laravel-siasn-simpeg-api ``PostSkp22SaveCommand`` / ``PostKinerjaperiodikSaveCommand``,
black-coffee04/ws-siasn-php README): ``POST /apisiasn/1.0/skp22/save`` and
``POST /apisiasn/1.0/kinerjaperiodik/save``. Codes: rating 1 di atas, 2 sesuai, 3 di bawah
ekspektasi; kuadran 1 Sangat Baik ... 5 Sangat Kurang; periodikId 1 bulanan, 2 triwulan
(semester has no code, so semester evaluations cannot be sent).

Left to the sending side: SIASN's own person id (``pnsDinilaiOrang`` / ``pnsDinilaiId``, looked up
by NIP at send time) and the ``path`` of the signed evaluation documents, uploaded to SIASN
(``POST /upload-dok``) just before their record is saved.

Two SIASN reference ids are settings, because the public clients disagree or leave them open and the
real server could not be asked here (docs/central.md, "SIASN"): ``id_ref_dokumen`` of the uploaded
document (``siasn.dokumen_skp22``, ``siasn.dokumen_periodik``; default 890, "Riwayat Kinerja - Dokumen
Evaluasi Kinerja" in the reference table shipped by black-coffee04/ws-siasn-php) and ``koefisienId``
of a periodic record (``siasn.koefisien_id``: per jenjang of a jabatan fungsional, default the ids of that
table's ``koefisien`` reference, 12 Ahli Pertama ... 82 Penyelia; empty for other positions).
Only admins collect or export (the whole instansi).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.domain.penilaian import Predikat, Rating
from kinerja_desktop.domain.periods import PeriodKind, period
from kinerja_desktop.services.common import CurrentUser, supervisor_of
from kinerja_desktop.services.spreadsheet_safety import neutralise_row
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Employee, Evaluation, Plan, Unit

__all__ = [
    "KUADRAN_CODE",
    "RATING_CODE",
    "SiasnBatch",
    "SiasnProblem",
    "SiasnRecord",
    "collect_siasn",
    "dokumen_refs",
    "golongan_id",
    "koefisien_ids",
    "write_json",
    "write_xlsx",
]

RATING_CODE = {Rating.DI_ATAS: 1, Rating.SESUAI: 2, Rating.DI_BAWAH: 3}
KUADRAN_CODE = {
    Predikat.SANGAT_BAIK: 1, Predikat.BAIK: 2, Predikat.BUTUH_PERBAIKAN: 3,
    Predikat.KURANG: 4, Predikat.SANGAT_KURANG: 5,
}
#: periodikId of SIASN's ``periodik`` reference, per period kind; semester has none.
PERIODIK_ID = {PeriodKind.BULANAN: "1", PeriodKind.TRIWULAN: "2"}
SKP22, PERIODIK = "skp22", "kinerjaperiodik"
_STATUS_ORDER = {"SIGNED": 3, "FINAL": 2, "DRAFT": 1}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True)
class SiasnRecord:
    """One record ready to send: ``payload`` holds exactly SIASN's fields."""

    key: str
    kind: str
    nip: str
    nama: str
    unit: str
    year: int
    period: str
    payload: dict[str, Any]
    dokumen: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SiasnRecord:
        return cls(**data)


@dataclass(frozen=True)
class SiasnProblem:
    """An evaluation that cannot be sent, with every reason (Indonesian)."""

    nip: str
    nama: str
    unit: str
    period: str
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "reasons": list(self.reasons)}


@dataclass
class SiasnBatch:
    year: int
    records: list[SiasnRecord] = field(default_factory=list)
    problems: list[SiasnProblem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"tahun": self.year, "records": [r.to_dict() for r in self.records],
                "problems": [p.to_dict() for p in self.problems]}


class _Ev(NamedTuple):
    id: str
    period: str
    status: str
    rating_hasil: str | None
    rating_perilaku: str | None
    predikat: str | None


class _Plan(NamedTuple):
    id: str
    version: int
    penilai_id: str | None


class _Emp(NamedTuple):
    id: str
    nip: str | None
    name: str
    asn_kind: str
    unit_id: str | None
    jenis_jabatan: str | None
    jenjang: str | None


def golongan_id(golongan: str | None) -> str:
    """BKN's golongan reference id for a PNS golongan (``'III/a'`` -> ``'31'``); PPPK and others as written."""
    text = (golongan or "").strip()
    roman, _, letter = text.partition("/")
    if roman in _ROMAN and len(letter) == 1 and letter.lower() in "abcde":
        return f"{_ROMAN[roman]}{'abcde'.index(letter.lower()) + 1}"
    return text


def koefisien_ids(db: Database) -> dict[str, str]:
    """``siasn.koefisien_id`` as {jenjang: SIASN koefisienId}; a malformed entry is refused in words."""
    from kinerja_desktop.domain.kepegawaian import JenjangFungsional
    from kinerja_desktop.services.settings_service import get_setting

    raw = get_setting(db, "siasn.koefisien_id")
    entries = raw.split(",") if isinstance(raw, str) else raw if isinstance(raw, list) else None
    if entries is None:
        raise ValidationError("Pengaturan siasn.koefisien_id harus daftar JENJANG=id, mis. AHLI_PERTAMA=12.",
                              field="siasn.koefisien_id")
    out: dict[str, str] = {}
    for entry in entries:
        jenjang, sep, ref = str(entry).partition("=")
        jenjang, ref = jenjang.strip().upper(), ref.strip()
        if not sep or jenjang not in JenjangFungsional.__members__ or not ref.isdigit():
            raise ValidationError(
                f"Isian siasn.koefisien_id tidak sah: {str(entry)[:40]!r}. Bentuknya JENJANG=id, jenjang salah satu "
                f"dari {', '.join(JenjangFungsional.__members__)}.", field="siasn.koefisien_id")
        out[jenjang] = ref
    return out


def dokumen_refs(db: Database) -> dict[str, str]:
    """The ``id_ref_dokumen`` under which each kind's signed document is uploaded (settings)."""
    from kinerja_desktop.services.settings_service import get_setting

    out = {}
    for kind, key in ((SKP22, "siasn.dokumen_skp22"), (PERIODIK, "siasn.dokumen_periodik")):
        ref = str(get_setting(db, key) or "").strip()
        if not ref.isdigit():
            raise ValidationError(f"Pengaturan {key} harus kode angka referensi dokumen SIASN (mis. 890).",
                                  field=key)
        out[kind] = ref
    return out


def _require_admin(user: CurrentUser) -> None:
    if not user.is_admin:
        raise PermissionDenied("Hanya admin kepegawaian yang dapat menyiapkan data untuk SIASN.",
                               code="permission.siasn")


def _is_asn(emp: Employee | _Emp | None) -> bool:
    return emp is not None and emp.asn_kind in ("PNS", "PPPK") and bool(emp.nip)


def collect_siasn(db: Database, user: CurrentUser, year: int, *, unit_code: str | None = None,
                  periods: list[str] | None = None) -> SiasnBatch:
    """Every evaluation of ``year`` as a SIASN record, or as a problem saying why it cannot be sent."""
    _require_admin(user)
    wanted = {period(p).code for p in periods} if periods else None
    batch = SiasnBatch(year=year)
    koefisien = koefisien_ids(db)
    with db.reader() as s:
        units = {u.id: u for u in s.scalars(select(Unit))}
        unit_ids: set[str] | None = None
        if unit_code:
            root = next((u for u in units.values() if u.code == unit_code.strip() and not u.deleted), None)
            if root is None:
                raise ValidationError(f"Unit {unit_code} tidak ditemukan.", field="unit")
            unit_ids = {root.id}
            grew = True
            while grew:
                more = {u.id for u in units.values() if u.parent_id in unit_ids} - unit_ids
                unit_ids |= more
                grew = bool(more)
        # Columns only: whole Plan rows carry the plan snapshot (JSON), ten times the work on 20,000 people.
        rows = [
            (row[:6], row[6:9], row[9:])
            for row in s.execute(
                select(Evaluation.id, Evaluation.period, Evaluation.status, Evaluation.rating_hasil,
                       Evaluation.rating_perilaku, Evaluation.predikat, Plan.id, Plan.version, Plan.penilai_id,
                       Employee.id, Employee.nip, Employee.name, Employee.asn_kind, Employee.unit_id,
                       Employee.jenis_jabatan, Employee.jenjang)
                .join(Plan, Plan.id == Evaluation.plan_id)
                .join(Employee, Employee.id == Plan.employee_id)
                .where(Plan.year == year, Plan.deleted.is_(False), Evaluation.deleted.is_(False),
                       Employee.deleted.is_(False))
            )
        ]
        best: dict[tuple[str, str], tuple[Any, Any, Any]] = {}
        for ev_t, plan_t, emp_t in rows:
            ev, plan, emp = _Ev(*ev_t), _Plan(*plan_t), _Emp(*emp_t)
            if wanted is not None and ev.period not in wanted:
                continue
            if unit_ids is not None and emp.unit_id not in unit_ids:
                continue
            k = (emp.id, ev.period)
            rank = (_STATUS_ORDER.get(ev.status, 0), plan.version)
            old = best.get(k)
            if old is None or rank > (_STATUS_ORDER.get(old[0].status, 0), old[1].version):
                best[k] = (ev, plan, emp)
        docs: dict[str, list[str]] = {}
        ev_ids = [ev.id for ev, _p, _e in best.values()]
        for i in range(0, len(ev_ids), 500):
            for doc in s.scalars(select(Document).where(Document.evaluation_id.in_(ev_ids[i:i + 500]),
                                                        Document.deleted.is_(False), Document.status == "SIGNED")):
                docs.setdefault(doc.evaluation_id or "", []).append(doc.id)
        penilai_cache: dict[str, Employee | None] = {}
        for (_emp_id, _code), (ev, plan, emp) in sorted(
                best.items(), key=lambda kv: (kv[1][2].nip or kv[1][2].name, _period_order(kv[0][1]))):
            pid = plan.penilai_id or supervisor_of(s, emp.id, year)
            if pid and pid not in penilai_cache:
                penilai_cache[pid] = s.get(Employee, pid)
            penilai = penilai_cache.get(pid) if pid else None
            record_or_problem = _build(ev, emp, penilai, units, year, docs.get(ev.id, []), koefisien)
            if isinstance(record_or_problem, SiasnRecord):
                batch.records.append(record_or_problem)
            else:
                batch.problems.append(record_or_problem)
    return batch


def _period_order(code: str) -> tuple[int, int]:
    per = period(code)
    return (per.kind is PeriodKind.TAHUNAN, per.first_month * 100 - per.months)


def _build(ev: _Ev, emp: _Emp, penilai: Employee | None, units: dict[str, Unit], year: int,
           docs: list[str], koefisien: dict[str, str]) -> SiasnRecord | SiasnProblem:
    per = period(ev.period)
    unit = units.get(emp.unit_id or "")
    unit_code = unit.code if unit else ""
    reasons: list[str] = []
    if not _is_asn(emp):
        reasons.append("pegawai non-ASN atau tanpa NIP tidak dilaporkan ke SIASN")
    if ev.status == "DRAFT":
        reasons.append("evaluasi belum final")
    elif ev.status != "SIGNED":
        reasons.append("evaluasi belum ditandatangani")
    if not (ev.rating_hasil and ev.rating_perilaku and ev.predikat):
        reasons.append("rating hasil kerja, rating perilaku atau predikat belum diisi")
    if per.kind is PeriodKind.SEMESTER:
        reasons.append(f"periode {per.label} tidak punya kode periodikId di SIASN (hanya bulanan dan triwulan)")
    if penilai is None:
        reasons.append("tidak ada pejabat penilai")
    elif not (penilai.nip or "").strip():
        reasons.append(f"NIP/NRP pejabat penilai ({penilai.name}) kosong")
    if reasons:
        return SiasnProblem(emp.nip or "", emp.name, unit_code, per.code, tuple(reasons))
    assert penilai is not None
    penilai_unit = units.get(penilai.unit_id or "")
    hasil, perilaku = Rating(ev.rating_hasil), Rating(ev.rating_perilaku)
    common: dict[str, Any] = {
        "hasilKinerjaNilai": RATING_CODE[hasil],
        "perilakuKerjaNilai": RATING_CODE[perilaku],
        "kuadranKinerjaNilai": KUADRAN_CODE[Predikat(ev.predikat)],
        "penilaiGolongan": golongan_id(penilai.golongan),
        "penilaiNama": penilai.name,
        "penilaiNipNrp": (penilai.nip or "").strip(),
        "penilaiUnorNama": penilai_unit.name if penilai_unit else "",
        "statusPenilai": "ASN" if _is_asn(penilai) else "NON ASN",
        "tahun": year,
        "path": [],
    }
    if per.kind is PeriodKind.TAHUNAN:
        kind = SKP22
        payload = {**common, "id": None, "penilaiJabatan": penilai.jabatan, "pnsDinilaiOrang": None}
    else:
        kind = PERIODIK
        payload = {**common, "id": None, "penilaiJabatanNama": penilai.jabatan, "pnsDinilaiId": None,
                   "periodikId": PERIODIK_ID[per.kind], "bulanMulaiPenilaian": per.first_month,
                   "bulanSelesaiPenilaian": per.last_month, "tahunMulaiPenilaian": year,
                   "tahunSelesaiPenilaian": year,
                   "koefisienId": koefisien.get(emp.jenjang or "", "") if emp.jenis_jabatan == "FUNGSIONAL" else ""}
    nip = emp.nip or ""
    return SiasnRecord(key=f"{kind}:{nip}:{year}:{per.code}", kind=kind, nip=nip, nama=emp.name, unit=unit_code,
                       year=year, period=per.code, payload=dict(sorted(payload.items())), dokumen=docs)


def write_json(batch: SiasnBatch, path: str | Path) -> Path:
    """The batch as one UTF-8 JSON file (records and problems)."""
    out = Path(path)
    out.write_text(json.dumps(batch.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return out


_SKP22_COLUMNS = ("nip", "nama", "unit", "tahun", "hasilKinerjaNilai", "perilakuKerjaNilai", "kuadranKinerjaNilai",
                  "penilaiNipNrp", "penilaiNama", "penilaiGolongan", "penilaiJabatan", "penilaiUnorNama",
                  "statusPenilai")
_PERIODIK_COLUMNS = ("nip", "nama", "unit", "periode", "tahun", "periodikId", "bulanMulaiPenilaian",
                     "bulanSelesaiPenilaian", "hasilKinerjaNilai", "perilakuKerjaNilai", "kuadranKinerjaNilai",
                     "penilaiNipNrp", "penilaiNama", "penilaiGolongan", "penilaiJabatanNama", "penilaiUnorNama",
                     "statusPenilai", "koefisienId")


def _cell(record: SiasnRecord, column: str) -> Any:
    local = {"nip": record.nip, "nama": record.nama, "unit": record.unit, "periode": record.period}
    return local[column] if column in local else record.payload.get(column)


def write_xlsx(batch: SiasnBatch, path: str | Path) -> Path:
    """Sheets ``skp22``, ``kinerjaperiodik`` and ``tidak_dapat_dikirim``; every text cell neutralised."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    sheets = ((SKP22, _SKP22_COLUMNS), (PERIODIK, _PERIODIK_COLUMNS))
    first = True
    for kind, columns in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = kind
        ws.append(neutralise_row(columns))
        for record in batch.records:
            if record.kind == kind:
                ws.append(neutralise_row(_cell(record, c) for c in columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
    ws = wb.create_sheet("tidak_dapat_dikirim")
    ws.append(neutralise_row(("nip", "nama", "unit", "periode", "alasan")))
    for problem in batch.problems:
        ws.append(neutralise_row((problem.nip, problem.nama, problem.unit, problem.period,
                                  "; ".join(problem.reasons))))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    out = Path(path)
    wb.save(out)
    return out
