"""The demo office's follow-up data: standards, assessed levels, development plans, marks, awards.

Drawn from its own random stream after everything else, so the rest of a demo office is the same
with or without it. It reads what the demo already stored (employees, final evaluations) and
writes through the change log like every demo row.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.penilaian import Predikat
from kinerja_desktop.domain.tindak_lanjut import PROPOSAL_PREDIKAT
from kinerja_desktop.services.competency_service import catalogue, default_level
from kinerja_desktop.store.blobs import BlobStore
from kinerja_desktop.store.changelog import bulk_insert
from kinerja_desktop.store.models import Employee, Evaluation, Plan, Rhk, RhkFeedback
from kinerja_desktop.store.models_tindak_lanjut import Award, CompetencyAssessment, CompetencyStandard, DevelopmentItem

__all__ = ["build_tindak_lanjut"]

#: Teknis competencies of a few demo jabatan (name, level).
TEKNIS = {
    "Pranata Komputer Ahli Muda": (("T1", "Pengelolaan Infrastruktur TI", 3), ("T2", "Keamanan Informasi", 2)),
    "Analis Kebijakan Ahli Pertama": (("T1", "Analisis Kebijakan Publik", 2), ("T2", "Penulisan Policy Brief", 2)),
    "Perencana Ahli Muda": (("T1", "Perencanaan Pembangunan Daerah", 3), ("T2", "Analisis Data Statistik", 2)),
    "Pengelola Keuangan": (("T1", "Penatausahaan Keuangan Daerah", 2),),
    "Pengolah Data": (("T1", "Pengolahan Data dengan Spreadsheet", 2),),
}
TOPICS = {
    "M1": ("Pelatihan Integritas dan Antikorupsi", "E_LEARNING", 10, "KPK - ACLC"),
    "M2": ("Coaching Kerja Sama Tim Lintas Bidang", "COACHING", 6, "Atasan langsung"),
    "M3": ("Pelatihan Public Speaking dan Komunikasi Efektif", "PELATIHAN", 24, "BPSDM Provinsi"),
    "M4": ("Pelatihan Manajemen Kinerja Berbasis Hasil", "PELATIHAN", 20, "BPSDM Provinsi"),
    "M5": ("Pelatihan Pelayanan Prima", "PELATIHAN", 16, "LAN RI"),
    "M6": ("Mentoring Pengembangan Diri", "MENTORING", 8, "Kepala Bidang"),
    "M7": ("Seminar Manajemen Perubahan Birokrasi", "SEMINAR", 4, "KemenPAN-RB"),
    "M8": ("Pelatihan Pengambilan Keputusan Berbasis Data", "E_LEARNING", 12, "LAN RI (ASN Unggul)"),
    "S1": ("Seminar Wawasan Kebangsaan", "SEMINAR", 4, "Kesbangpol"),
    "T1": ("Bimbingan Teknis Kompetensi Teknis Jabatan", "PELATIHAN", 24, "Instansi pembina jabatan"),
    "T2": ("Magang pada Unit Kerja Teladan", "MAGANG", 30, "Dinas Kominfo Provinsi"),
}
GENERAL = (("Webinar Transformasi Digital Pemerintahan", "SEMINAR", 3, "KemenPAN-RB"),
           ("E-learning Penulisan Naskah Dinas", "E_LEARNING", 8, "ANRI"),
           ("Pelatihan Penyusunan SKP dan Ekspektasi", "PELATIHAN", 12, "BKPSDM Kabupaten"),
           ("Magang Pelayanan Publik", "MAGANG", 16, "Mal Pelayanan Publik"))
MARK_REASONS = {
    "INOVASI": ("Membuat formulir layanan daring yang memangkas waktu layanan dari 3 hari menjadi 1 hari",
                "Merancang dasbor pemantauan capaian unit yang kini dipakai seluruh bidang",
                "Menggagas layanan jemput bola bagi warga lanjut usia"),
    "LUAR_BIASA": ("Realisasi 135% dari target dengan kualitas tanpa revisi",
                   "Menyelesaikan laporan tahunan dua minggu lebih awal dari tenggat",
                   "Menangani lonjakan permohonan saat penutupan tahun tanpa tunggakan"),
}


def build_tindak_lanjut(s: Session, seed: int, year: int, today: date, blobs: BlobStore, new_id: Callable[[], str],
                        author: str) -> dict[str, int]:
    """Add the follow-up data to a demo office; returns counts per kind."""
    rng = random.Random(seed * 31 + 15)
    emps = list(s.scalars(select(Employee).where(Employee.deleted.is_(False)).order_by(Employee.nip)))
    insert = {"user": author, "role": "ADMIN", "make_id": new_id}
    standards = [
        {"jabatan": jab, "kind": "TEKNIS", "code": code, "name": name, "level": level, "description": ""}
        for jab, rows in TEKNIS.items() for code, name, level in rows
    ]
    bulk_insert(s, CompetencyStandard, standards, **insert)
    teknis = {jab: rows for jab, rows in TEKNIS.items()}
    finals = s.execute(select(Plan.employee_id, Evaluation.id, Evaluation.period, Evaluation.predikat)
                       .join(Evaluation, Evaluation.plan_id == Plan.id)
                       .where(Plan.year == year, Evaluation.status.in_(("FINAL", "SIGNED")))
                       .order_by(Evaluation.period)).all()
    latest: dict[str, tuple[str, str, str]] = {}
    for emp_id, ev_id, per, predikat in finals:
        latest[emp_id] = (ev_id, per, predikat)
    assessments: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    year_start = date(year, 1, 1)
    for e in emps:
        if e.asn_kind == "LAINNYA":
            continue  # a pejabat negara (the Bupati) has no competency standard nor JP entitlement
        base = default_level(e.jenis_jabatan, e.jenjang)
        codes = [(c.code, base) for c in catalogue()] + [(code, lvl) for code, _n, lvl in teknis.get(e.jabatan, ())]
        gaps: list[str] = []
        if rng.random() < 0.7:
            structural = e.jenis_jabatan in ("JPT_PRATAMA", "JPT_MADYA", "ADMINISTRATOR", "PENGAWAS")
            source = "ASSESSMENT_CENTER" if structural else rng.choice(("PENILAI", "PENILAI", "UJI_KOMPETENSI"))
            day = year_start + timedelta(days=rng.randint(20, 150))
            for code, required in codes:
                drop = rng.choices((0, 0, 1, 2, 3), weights=(45, 20, 22, 10, 3))[0]
                level = max(1, min(5, required - drop + (1 if rng.random() < 0.1 else 0)))
                if required - level >= 2:
                    gaps.append(code)
                assessments.append({"employee_id": e.id, "code": code, "level": level, "source": source,
                                    "assessed_on": day, "note": ""})
        picks: list[tuple[str, str, float, str, str | None, str, str | None]] = []
        for code in gaps[:2]:
            topic, form, jp, org = TOPICS.get(code, TOPICS["T1"])
            picks.append((topic, form, jp, org, code, "Menutup kesenjangan kompetensi hasil penilaian.", None))
        last = latest.get(e.id)
        if last and Predikat(last[2]) in PROPOSAL_PREDIKAT and rng.random() < 0.8:
            form = PROPOSAL_PREDIKAT[Predikat(last[2])]
            picks.append((f"{'Coaching' if form == 'COACHING' else 'Mentoring' if form == 'MENTORING' else 'Pelatihan'}"
                          " peningkatan kinerja", form, 8.0, "Pejabat penilai", None,
                          f"Tindak lanjut predikat {Predikat(last[2]).label}.", last[0]))
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            topic, form, jp, org = rng.choice(GENERAL)
            picks.append((topic, form, jp, org, None, "", None))
        for topic, form, jp, org, code, reason, ev_id in picks:
            start = year_start + timedelta(days=rng.randint(30, 350))
            end = start + timedelta(days=max(1, int(jp // 6)))
            roll = rng.random()
            done = end < today and roll < 0.8
            status = "USULAN" if (ev_id is not None and roll > 0.9) else "DIRENCANAKAN"
            item: dict[str, Any] = {
                "employee_id": e.id, "year": year, "evaluation_id": ev_id, "form": form, "topic": topic,
                "competency_code": code, "jp": float(jp), "start_on": start, "end_on": end, "organiser": org,
                "status": status if not done else "DIRENCANAKAN",
                "source": "OTOMATIS" if (code or ev_id) else rng.choice(("PENILAI", "ADMIN")),
                "reason": reason, "completed_on": None, "sha256": None, "certificate_name": "",
                "completion_note": ""}
            if done:
                item["completed_on"] = min(today, end + timedelta(days=rng.randint(0, 5)))
                content = (f"SERTIFIKAT\n{topic}\n{e.name} NIP {e.nip or '-'}\n{jp:g} JP, {org}\n").encode()
                item["sha256"] = blobs.put_bytes(content)
                item["certificate_name"] = f"sertifikat_{form.lower()}.txt"
            items.append(item)
    bulk_insert(s, CompetencyAssessment, assessments, **insert)
    bulk_insert(s, DevelopmentItem, items, **insert)
    marks = _marks(s, rng, latest)
    awards = _awards(s, rng, latest, year, today)
    bulk_insert(s, Award, awards, **insert)
    return {"standards": len(standards), "assessments": len(assessments), "development_items": len(items),
            "marks": marks, "awards": len(awards)}


def _marks(s: Session, rng: random.Random, latest: dict[str, tuple[str, str, str]]) -> int:
    """Mark one RHK's feedback of some good evaluations as an innovation or an outstanding result."""
    good = [ev_id for ev_id, _per, predikat in latest.values() if predikat in ("SANGAT_BAIK", "BAIK")]
    chosen = [ev for ev in good if rng.random() < 0.12]
    n = 0
    for ev_id in chosen:
        fb = s.execute(select(RhkFeedback).join(Rhk, Rhk.id == RhkFeedback.rhk_id)
                       .where(RhkFeedback.evaluation_id == ev_id).order_by(Rhk.position).limit(1)).scalar()
        if fb is None:
            continue
        kind = rng.choice(("INOVASI", "LUAR_BIASA"))
        fb.mark, fb.mark_reason = kind, rng.choice(MARK_REASONS[kind])
        n += 1
    s.flush()
    return n


def _awards(s: Session, rng: random.Random, latest: dict[str, tuple[str, str, str]], year: int,
            today: date) -> list[dict[str, Any]]:
    best = sorted(emp for emp, (_ev, _per, predikat) in latest.items() if predikat == "SANGAT_BAIK")
    out = []
    for n, emp_id in enumerate(best[: max(1, len(best) // 3)], start=1):
        kind = ("PIAGAM", "PRIORITAS_PENGEMBANGAN", "PIAGAM", "USUL_KP_ISTIMEWA")[n % 4]
        out.append({"employee_id": emp_id, "year": year, "period": latest[emp_id][1], "kind": kind,
                    "given_on": today - timedelta(days=rng.randint(3, 40)),
                    "decree_no": f"800.1.5/{100 + n * 7:03d}/BKPSDM/{year}",
                    "reason": "Predikat Sangat Baik pada evaluasi kinerja periode berjalan."})
    return out
