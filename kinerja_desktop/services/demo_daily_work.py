"""Demo data for daily work: rencana aksi for the last two months (for every approved SKP) and the
progres harian of the last working days (everyone with an SKP).

Called by :mod:`kinerja_desktop.services.demo_service` after the plans are stored. It draws from its
own random generator (seeded from the demo's seed), so the rest of the demo office is generated
exactly as before. Rows go through :func:`kinerja_desktop.store.changelog.bulk_insert`, logged and
signed like every demo row.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.working_days import WorkCalendar
from kinerja_desktop.store.changelog import bulk_insert
from kinerja_desktop.store.models import Indicator, Plan, Rhk
from kinerja_desktop.store.models_harian import ProgresHarian, RencanaAksi

__all__ = ["ACTIVITIES", "add_daily_work", "daily_line"]

ACTIVITIES = ("Memverifikasi {n} berkas permohonan", "Menginput {n} data ke aplikasi", "Menyusun draf laporan",
              "Rapat koordinasi dengan bidang", "Melayani {n} pemohon di loket", "Mengarsipkan {n} dokumen",
              "Menyusun notulen rapat", "Memeriksa kelengkapan {n} dokumen", "Membalas {n} surat masuk",
              "Memperbarui basis data pegawai", "Mengikuti bimbingan teknis", "Menyiapkan bahan paparan pimpinan")
PLANNED = ("Verifikasi berkas permohonan", "Penyusunan laporan", "Pemutakhiran data", "Pelayanan pemohon",
           "Pengarsipan dokumen", "Rapat koordinasi")
FEEDBACK = ("Baik, lanjutkan.", "Lampirkan bukti dukungnya.", "Tolong percepat penyelesaiannya.",
            "Koordinasikan dengan seksi terkait.")


def daily_line(rng: random.Random) -> str:
    return rng.choice(ACTIVITIES).format(n=rng.randint(2, 25))


def _months_back(today: date, n: int) -> list[int]:
    months = [today.month]
    for _ in range(n - 1):
        if months[-1] > 1:
            months.append(months[-1] - 1)
    return sorted(months)


def add_daily_work(s: Session, *, seed: int, year: int, today: date, user: str, role: str = "ADMIN",
                   days: int = 10) -> tuple[int, int]:
    """Add rencana aksi and progres harian to a freshly built demo office; returns (rencana aksi, entries)."""
    if today.year != year:
        return 0, 0
    rng = random.Random(seed * 104729 + 17)
    id_rng = random.Random(seed * 104729 + 18)

    def new_id() -> str:  # deterministic, and independent of the ids of the rest of the demo
        return str(uuid.UUID(int=id_rng.getrandbits(128), version=4))

    status: dict[str, str] = {}
    plans: dict[str, str] = {}
    for plan_id, emp, st in s.execute(select(Plan.id, Plan.employee_id, Plan.status).where(
            Plan.year == year, Plan.deleted.is_(False))).all():
        plans[plan_id], status[plan_id] = emp, st
    rhks: dict[str, list[str]] = defaultdict(list)
    for rhk_id, plan_id in s.execute(select(Rhk.id, Rhk.plan_id).where(Rhk.plan_id.in_(list(plans)), Rhk.kind ==
                                                                       "UTAMA").order_by(Rhk.position)).all():
        rhks[plan_id].append(rhk_id)
    indicator: dict[str, tuple[str | None, float | None, str]] = {}
    for ind_id, rhk_id, target, unit in s.execute(select(Indicator.id, Indicator.rhk_id, Indicator.target_value,
                                                         Indicator.target_unit).order_by(Indicator.position)):
        indicator.setdefault(rhk_id, (ind_id, target, unit))
    cal = WorkCalendar()
    work_days: list[date] = []
    day = today
    while len(work_days) < days and day.year == year:
        if cal.is_working(day):
            work_days.append(day)
        day -= timedelta(days=1)
    work_days.reverse()
    actions: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    months = _months_back(today, 2)
    for plan_id in sorted(plans):
        emp = plans[plan_id]
        month_actions: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for rhk_id in rhks.get(plan_id, []) if status[plan_id] == "APPROVED" else ():  # planned once approved
            linked, target, unit = indicator.get(rhk_id, (None, None, ""))
            for month in months:
                aid = new_id()
                done = month < today.month
                monthly = max(1.0, round((target or 12) / 12)) if target else None
                value = round((monthly or 1) * rng.choice((0.8, 1.0, 1.0, 1.2)), 1) if done else None
                text = rng.choice(PLANNED)
                actions.append({"id": aid, "rhk_id": rhk_id, "indicator_id": linked, "period": f"B{month:02d}",
                                "position": 0, "text": text, "target_value": monthly, "target_unit": unit or "",
                                "realisation_value": value,
                                "realisation_text": (f"{value:g} {unit}".replace(".", ",").strip() if value else ""),
                                "note": ""})
                month_actions[month].append((aid, rhk_id))
        for day in work_days:
            roll = rng.random()
            if roll < 0.08:
                continue  # a gap
            late = roll < 0.15 and day + timedelta(days=3) <= today
            written = day + timedelta(days=3) if late else day
            for _ in range(1 if rng.random() < 0.7 else 2):
                link = rng.choice(month_actions[day.month]) if month_actions.get(day.month) else (None, None)
                stamp = datetime.combine(written, time(15, rng.randint(0, 59)))
                entries.append({"employee_id": emp, "day": day, "text": daily_line(rng), "rencana_aksi_id": link[0],
                                "rhk_id": link[1], "hours": float(rng.choice((1, 2, 2, 3, 4, 6))),
                                "written_on": written, "late": late,
                                "umpan_balik": rng.choice(FEEDBACK) if rng.random() < 0.05 else "",
                                "created_at": stamp, "updated_at": stamp})
    bulk_insert(s, RencanaAksi, actions, user=user, role=role, make_id=new_id)
    bulk_insert(s, ProgresHarian, entries, user=user, role=role, make_id=new_id)
    return len(actions), len(entries)
