"""Synced tables of issue 17 items 3 and 4: matriks peran hasil, tim kerja, assignments, imported RHK.

Every row hangs off one employee, so the sync authoriser (``sync.authz.Authorizer.subject``)
knows whose record it is:

* :class:`TimKerja` — ``employee_id`` is the team's ketua (the unit head who made it); members
  are a JSON list, so a team can take people from other units without their rows.
* :class:`PeranHasil` — one cell of the matrix: the unit head's RHK (``rhk_id``, whose plan says
  whose record it is) given to a staff member (``employee_id``) with the draft RHK they receive.
* :class:`UsulanTanggapan` — the staff member's answer to a draft RHK (accepted into their SKP,
  or declined); ``plan_id`` is the staff member's SKP.
* :class:`Penugasan` — a mid-year change (mutasi, promosi, ganti penilai) or a temporary second
  position (Plt./Plh.) recorded by the admin from the SK; ``employee_id`` is the person. The
  pegawai fills ``plan_id`` when they open the SKP for it.
* :class:`RhkImpor` — an RHK imported by the admin from another system (teachers, other
  functional groups) waiting in a pegawai's (``employee_id``) SKP to be accepted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.store.models import SyncedBase


class TimKerja(SyncedBase):
    """A tim kerja led by ``employee_id`` for a year; members may come from any unit."""

    __tablename__ = "tim_kerja"
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    #: [{"employee_id": ..., "peran": "Anggota"}], in the order the ketua listed them.
    members: Mapped[list[Any]] = mapped_column(JSON, default=list)


class PeranHasil(SyncedBase):
    """One cell of a matriks peran hasil: who contributes what to one RHK of the unit head."""

    __tablename__ = "peran_hasil"
    rhk_id: Mapped[str] = mapped_column(ForeignKey("rhk.id"), index=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"), index=True)
    tim_kerja_id: Mapped[str | None] = mapped_column(ForeignKey("tim_kerja.id"))
    #: The part this person plays ("Koordinator", "Pelaksana", ...).
    peran: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(12), default="UTAMA")
    #: The draft RHK offered to the staff member (intervening in ``rhk_id``).
    text: Mapped[str] = mapped_column(Text, default="")
    #: Draft indicators: [{"aspek": "Kuantitas", "text": ..., "target": "12 laporan"}].
    indicators: Mapped[list[Any]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)


class UsulanTanggapan(SyncedBase):
    """A staff member's answer to a draft RHK (from the matrix or an import) in their SKP."""

    __tablename__ = "usulan_tanggapan"
    __table_args__ = (UniqueConstraint("plan_id", "usulan_id"),)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"), index=True)
    #: Id of a :class:`PeranHasil` or :class:`RhkImpor` row (``source`` says which).
    usulan_id: Mapped[str] = mapped_column(String(36))
    source: Mapped[str] = mapped_column(String(12), default="MATRIKS")
    #: ACCEPTED (an RHK was made from it) or DECLINED.
    status: Mapped[str] = mapped_column(String(12), default="ACCEPTED")
    rhk_id: Mapped[str | None] = mapped_column(ForeignKey("rhk.id"))


class Penugasan(SyncedBase):
    """A change within the year or a second position, from the SK (recorded by the admin)."""

    __tablename__ = "penugasan"
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    #: MUTASI, PROMOSI, GANTI_PENILAI (the SKP changes) or PLT, PLH (a second SKP beside it).
    kind: Mapped[str] = mapped_column(String(16))
    tmt: Mapped[date] = mapped_column(Date)
    #: Last day of a Plt./Plh. (None: to the end of the year).
    end_date: Mapped[date | None] = mapped_column(Date)
    jabatan: Mapped[str] = mapped_column(String(300), default="")
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("unit.id"))
    penilai_id: Mapped[str | None] = mapped_column(ForeignKey("employee.id"))
    nomor_sk: Mapped[str] = mapped_column(String(120), default="")
    #: The SKP the pegawai opened for this assignment (set by the pegawai).
    plan_id: Mapped[str | None] = mapped_column(ForeignKey("plan.id"))
    #: The SKP it closed (mutasi, promosi, ganti penilai), set with ``plan_id``.
    closed_plan_id: Mapped[str | None] = mapped_column(ForeignKey("plan.id"))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)


class RhkImpor(SyncedBase):
    """An RHK imported from another system, offered to ``employee_id`` for their SKP of ``year``."""

    __tablename__ = "rhk_impor"
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12), default="UTAMA")
    text: Mapped[str] = mapped_column(Text, default="")
    #: The leader's RHK it intervenes in, as written in the file (matched on acceptance).
    parent_text: Mapped[str] = mapped_column(Text, default="")
    perspektif: Mapped[str | None] = mapped_column(String(24))
    indicators: Mapped[list[Any]] = mapped_column(JSON, default=list)
    source_file: Mapped[str] = mapped_column(String(255), default="")
    source_row: Mapped[int] = mapped_column(Integer, default=0)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)


PERAN_MODELS: tuple[type[SyncedBase], ...] = (TimKerja, PeranHasil, UsulanTanggapan, Penugasan, RhkImpor)
