"""Demo data for the matriks peran hasil and a year with changes (issue 17 items 3-4).

* Three unit heads (pengawas with staff) fill their matriks peran hasil: every subordinate gets a
  cell on one of the head's RHK; where the staff member's SKP already has an RHK intervening in
  that RHK the draft is shown as accepted, otherwise it waits. Each of them leads a tim kerja with
  one member from another unit, who gets a cell too.
* One pelaksana is moved to another unit on 1 October (MUTASI): the first SKP (January to
  September, evaluated TW1-TW3 by the old penilai) is closed, the second SKP (approved by the new
  penilai) runs to December; the annual evaluation waits for its TW4.
* One pelaksana is Plt. of a seksi from 2 March (a second SKP, submitted to the acting position's
  penilai).
* Two fungsional staff find RHK imported from another system waiting in their SKP.

Called by :mod:`kinerja_desktop.services.demo_service` last, with its own random stream and ids,
so the rest of the office is generated exactly as before. Rows are stored through the session
(captured and signed like every demo row).
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.store.models import Employee, Evaluation, Indicator, Plan, Rhk, Supervision, Unit
from kinerja_desktop.store.models_peran import Penugasan, PeranHasil, RhkImpor, TimKerja, UsulanTanggapan

__all__ = ["add_peran_demo"]

PERAN = ("Pelaksana", "Koordinator", "Verifikator", "Penyusun bahan", "Pengolah data", "Operator aplikasi")
DRAFTS = ("Terverifikasinya {t} sesuai standar", "Tersusunnya bahan {t} tepat waktu", "Terolahnya data {t} secara akurat",
          "Terlaksananya dukungan administrasi {t}")
TOPICS = ("berkas permohonan", "laporan bulanan", "data kepegawaian", "arsip dinamis", "kegiatan pelayanan")
IMPORTED = (("Terlaksananya pembelajaran sesuai kurikulum", "Jumlah jam tatap muka", "24 JP per minggu"),
            ("Terlaksananya penilaian hasil belajar", "Persentase nilai yang diolah tepat waktu", "100 %"),
            ("Terbimbingnya peserta didik dalam ekstrakurikuler", "Jumlah kegiatan pembinaan", "12 kegiatan"))


def add_peran_demo(s: Session, *, seed: int, year: int, today: date, user: str) -> dict[str, int]:
    """Add the demo's matrices, teams, penugasan and imported RHK; returns counts per kind."""
    rng = random.Random(seed * 15485863 + 3)
    id_rng = random.Random(seed * 15485863 + 4)

    def new_id() -> str:  # deterministic, and independent of the ids of the rest of the demo
        return str(uuid.UUID(int=id_rng.getrandbits(128), version=4))

    counts = {"matriks_isian": 0, "tim_kerja": 0, "penugasan": 0, "rhk_impor": 0}
    current = {p.employee_id: p for p in s.scalars(select(Plan).where(Plan.year == year, Plan.is_current.is_(True),
                                                                      Plan.deleted.is_(False)))}
    employees = {e.id: e for e in s.scalars(select(Employee).where(Employee.deleted.is_(False)))}
    sups = {r.employee_id: r.supervisor_id for r in s.scalars(select(Supervision).where(Supervision.year == year))}
    staff_of: dict[str, list[str]] = {}
    for emp_id, sup_id in sups.items():
        if sup_id:
            staff_of.setdefault(sup_id, []).append(emp_id)
    by_nip = sorted((e for e in employees.values() if e.nip), key=lambda e: e.nip or "")
    _matrices(s, rng, new_id, year, current, employees, sups, staff_of, by_nip, counts)
    if today.year == year and today >= date(year, 10, 1):
        _mutation(s, rng, new_id, year, today, current, employees, sups, staff_of, by_nip, counts)
    if today.year == year and today >= date(year, 3, 2):
        _acting(s, new_id, year, current, employees, sups, staff_of, by_nip, counts)
    _imports(s, new_id, year, current, employees, by_nip, counts)
    s.flush()
    return counts


def _rhk_of(s: Session, plan_id: str, kind: str = "UTAMA") -> list[Rhk]:
    return list(s.scalars(select(Rhk).where(Rhk.plan_id == plan_id, Rhk.kind == kind, Rhk.deleted.is_(False))
                          .order_by(Rhk.position)))


def _matrices(s: Session, rng: random.Random, new_id: Any, year: int, current: dict[str, Plan],
              employees: dict[str, Employee], sups: dict[str, str | None], staff_of: dict[str, list[str]],
              by_nip: list[Employee], counts: dict[str, int]) -> None:
    heads = [e for e in by_nip if e.jenis_jabatan == "PENGAWAS" and len(staff_of.get(e.id, [])) >= 2
             and e.id in current][:3]
    for head in heads:
        head_rhk = _rhk_of(s, current[head.id].id)
        if not head_rhk:
            continue
        staff = sorted(staff_of[head.id], key=lambda i: employees[i].nip or "")[:6]
        for n, sid in enumerate(staff):
            target = head_rhk[n % len(head_rhk)]
            plan = current.get(sid)
            taken = next((r for r in _rhk_of(s, plan.id) if r.parent_rhk_id == target.id), None) if plan else None
            text = taken.text if taken else rng.choice(DRAFTS).format(t=rng.choice(TOPICS))
            cell = PeranHasil(id=new_id(), rhk_id=target.id, employee_id=sid, peran=rng.choice(PERAN), kind="UTAMA",
                              text=text, position=n, indicators=[
                                  {"aspek": "KUANTITAS", "text": f"Jumlah {rng.choice(TOPICS)}",
                                   "target": f"{rng.randint(4, 60)} dokumen"},
                                  {"aspek": "WAKTU", "text": "Ketepatan waktu penyelesaian", "target": "12 bulan"}])
            s.add(cell)
            counts["matriks_isian"] += 1
            if taken is not None and plan is not None:
                s.add(UsulanTanggapan(id=new_id(), plan_id=plan.id, usulan_id=cell.id, source="MATRIKS",
                                      status="ACCEPTED", rhk_id=taken.id))
        outsider = next((e for e in by_nip if e.jenis_jabatan == "PELAKSANA" and e.unit_id != head.unit_id
                         and sups.get(e.id) != head.id and e.id != head.id), None)
        if outsider is None:
            continue
        team = TimKerja(id=new_id(), employee_id=head.id, year=year,
                        name=f"Tim Percepatan Layanan {employees[head.id].name.split(',')[0].split()[-1]}",
                        description="Tim lintas unit untuk memangkas waktu layanan",
                        members=[{"employee_id": outsider.id, "peran": "Anggota"}])
        s.add(team)
        s.flush()
        s.add(PeranHasil(id=new_id(), rhk_id=head_rhk[0].id, employee_id=outsider.id, tim_kerja_id=team.id,
                         peran="Anggota tim", kind="TAMBAHAN", text="Terdukungnya percepatan layanan lintas unit",
                         position=99, indicators=[{"aspek": "KUANTITAS", "text": "Rapat tim yang diikuti",
                                                   "target": "6 kali"}]))
        counts["tim_kerja"] += 1
        counts["matriks_isian"] += 1


def _eligible(by_nip: list[Employee], current: dict[str, Plan], staff_of: dict[str, list[str]]) -> list[Employee]:
    return [e for e in by_nip if e.jenis_jabatan == "PELAKSANA" and e.id in current
            and current[e.id].status == "APPROVED" and not staff_of.get(e.id)]


def _mutation(s: Session, rng: random.Random, new_id: Any, year: int, today: date, current: dict[str, Plan],
              employees: dict[str, Employee], sups: dict[str, str | None], staff_of: dict[str, list[str]],
              by_nip: list[Employee], counts: dict[str, int]) -> None:
    candidates = _eligible(by_nip, current, staff_of)
    if len(candidates) < 3:
        return
    emp = candidates[-1]  # the last by NIP: the test fixtures pick the first
    old_sup = sups.get(emp.id)
    new_sup = next((e for e in by_nip if e.jenis_jabatan == "PENGAWAS" and e.id != old_sup and e.id in current
                    and e.unit_id != emp.unit_id), None)
    if new_sup is None:
        return
    old = current[emp.id]
    tmt = date(year, 10, 1)
    unit = s.get(Unit, new_sup.unit_id) if new_sup.unit_id else None
    # the roster after the SK: new unit and new penilai for the year
    emp.unit_id = new_sup.unit_id
    row = s.scalars(select(Supervision).where(Supervision.employee_id == emp.id, Supervision.year == year)).first()
    if row is not None:
        row.supervisor_id = new_sup.id
    old.is_current = False
    atasan = sups.get(new_sup.id)
    snapshot = dict(old.snapshot or {})
    snapshot["pegawai"] = {**snapshot.get("pegawai", {}), "unit": unit.name if unit else ""}
    snapshot["penilai"] = _identity(employees[new_sup.id], s)
    snapshot["atasan"] = _identity(employees[atasan], s) if atasan else {}
    new = Plan(id=new_id(), employee_id=emp.id, year=year, version=old.version + 1, is_current=True,
               status="APPROVED", pendekatan=old.pendekatan, variant=old.variant, penilai_id=new_sup.id,
               atasan_penilai_id=atasan, snapshot=snapshot, review_note="", frozen=False,
               submitted_at=datetime.combine(date(year, 10, 6), time(9, 12)),
               approved_at=datetime.combine(date(year, 10, 8), time(10, 40)))
    s.add(new)
    s.flush()
    for k, parent in enumerate(_rhk_of(s, current[new_sup.id].id)[:2]):
        rhk = Rhk(id=new_id(), plan_id=new.id, kind="UTAMA", position=k, parent_rhk_id=parent.id,
                  text=rng.choice(DRAFTS).format(t=rng.choice(TOPICS)))
        s.add(rhk)
        s.flush()
        s.add(Indicator(id=new_id(), rhk_id=rhk.id, position=0, aspek="KUANTITAS", text="Jumlah dokumen diselesaikan",
                        target_value=float(rng.randint(6, 30)), target_unit="dokumen", target_text=""))
        s.add(Indicator(id=new_id(), rhk_id=rhk.id, position=1, aspek="WAKTU", text="Ketepatan waktu",
                        target_value=3.0, target_unit="bulan", target_text=""))
    s.add(Penugasan(id=new_id(), employee_id=emp.id, year=year, kind="MUTASI", tmt=tmt, end_date=None,
                    jabatan=emp.jabatan, unit_id=new_sup.unit_id, penilai_id=new_sup.id,
                    nomor_sk=f"821.2/{rng.randint(100, 999)}/BKPSDM/{year}", plan_id=new.id, closed_plan_id=old.id,
                    closed_at=datetime.combine(date(year, 10, 5), time(8, 30))))
    # the old SKP keeps its evaluations up to TW3 (the quarter of 30 September): nothing after the TMT
    for ev in s.scalars(select(Evaluation).where(Evaluation.plan_id == old.id, Evaluation.period.in_(("TW4",)))):
        ev.deleted = True
    counts["penugasan"] += 1


def _acting(s: Session, new_id: Any, year: int, current: dict[str, Plan], employees: dict[str, Employee],
            sups: dict[str, str | None], staff_of: dict[str, list[str]], by_nip: list[Employee],
            counts: dict[str, int]) -> None:
    candidates = _eligible(by_nip, current, staff_of)
    if len(candidates) < 3:
        return
    emp = candidates[-2]
    head = sups.get(emp.id)
    atasan = sups.get(head) if head else None
    if not head or not atasan:
        return
    unit = s.get(Unit, employees[head].unit_id) if employees[head].unit_id else None
    jabatan = f"Plt. {employees[head].jabatan}"
    versions = s.scalar(select(func.max(Plan.version)).where(Plan.employee_id == emp.id, Plan.year == year)) or 0
    base = current[emp.id]
    snapshot = dict(base.snapshot or {})
    snapshot["pegawai"] = {**snapshot.get("pegawai", {}), "jabatan": jabatan, "unit": unit.name if unit else ""}
    snapshot["penilai"] = _identity(employees[atasan], s)
    snapshot["atasan"] = _identity(employees[sups[atasan]], s) if sups.get(atasan) else {}
    plt = Plan(id=new_id(), employee_id=emp.id, year=year, version=max(100, (versions // 100 + 1) * 100),
               is_current=False, status="SUBMITTED", pendekatan="KUANTITATIF", variant="JA_JF", penilai_id=atasan,
               atasan_penilai_id=sups.get(atasan), snapshot=snapshot, review_note="", frozen=False,
               submitted_at=datetime.combine(date(year, 3, 9), time(14, 5)))
    s.add(plt)
    s.flush()
    for k, parent in enumerate(_rhk_of(s, current[atasan].id)[:2] if atasan in current else []):
        rhk = Rhk(id=new_id(), plan_id=plt.id, kind="UTAMA", position=k, parent_rhk_id=parent.id,
                  text=f"Terkoordinasinya pelaksanaan tugas {unit.name if unit else 'seksi'} selama Plt.")
        s.add(rhk)
        s.flush()
        s.add(Indicator(id=new_id(), rhk_id=rhk.id, position=0, aspek="KUANTITAS", text="Laporan pelaksanaan tugas",
                        target_value=10.0, target_unit="laporan", target_text=""))
    s.add(Penugasan(id=new_id(), employee_id=emp.id, year=year, kind="PLT", tmt=date(year, 3, 2),
                    end_date=date(year, 12, 31), jabatan=jabatan, unit_id=unit.id if unit else None, penilai_id=atasan,
                    nomor_sk=f"800/{year}/PLT-07", plan_id=plt.id))
    counts["penugasan"] += 1


def _imports(s: Session, new_id: Any, year: int, current: dict[str, Plan], employees: dict[str, Employee],
             by_nip: list[Employee], counts: dict[str, int]) -> None:
    fungsional = [e for e in by_nip if e.jenis_jabatan == "FUNGSIONAL" and e.id in current][-2:]
    for e in fungsional:
        for n, (text, iki, target) in enumerate(IMPORTED[:2]):
            s.add(RhkImpor(id=new_id(), employee_id=e.id, year=year, kind="UTAMA", text=text, parent_text="",
                           indicators=[{"aspek": "KUANTITAS", "text": iki, "target": target}],
                           source_file=f"rhk_fungsional_{year}.xlsx", source_row=2 + n, withdrawn=False))
            counts["rhk_impor"] += 1


def _identity(e: Employee, s: Session) -> dict[str, str]:
    from kinerja_desktop.services.plan_service import identity_of

    return identity_of(s, e.id)
