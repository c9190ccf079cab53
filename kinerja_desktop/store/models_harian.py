"""Daily work (issue 17): rencana aksi per RHK and period, and the progres harian (daily log).

Both are synced tables. A rencana aksi hangs off an RHK (so off a plan and its employee); a
progres harian entry names its employee directly. Evidence files live in the blob store under
``sha256`` (the same column name as :class:`Attachment`, so a push uploads them with the row).
The working-day calendar (weekdays and holidays) is an instansi setting, not a table.

:mod:`kinerja_desktop.store.models` imports this module (its tables are in ``SYNCED_MODELS``); import
``models`` first (any import of the store does), since this module needs ``SyncedBase`` from it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.store.models import SyncedBase

__all__ = ["ProgresHarian", "RencanaAksi"]


class RencanaAksi(SyncedBase):
    """A planned action of one RHK in one period (monthly ``B01``.. or quarterly ``TW1``..), with its own
    target and, later, its realisation and one evidence file. ``indicator_id`` names the indicator whose
    realisation it counts towards (None: it only describes the work)."""

    __tablename__ = "rencana_aksi"
    __table_args__ = (Index("ix_rencana_aksi_rhk_period", "rhk_id", "period"),)
    rhk_id: Mapped[str] = mapped_column(ForeignKey("rhk.id"))
    indicator_id: Mapped[str | None] = mapped_column(ForeignKey("indicator.id"))
    period: Mapped[str] = mapped_column(String(12))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    target_value: Mapped[float | None] = mapped_column(Float)
    target_unit: Mapped[str] = mapped_column(String(80), default="")
    realisation_value: Mapped[float | None] = mapped_column(Float)
    realisation_text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str | None] = mapped_column(String(64))
    filename: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int | None] = mapped_column(Integer)
    mime: Mapped[str | None] = mapped_column(String(120))


class ProgresHarian(SyncedBase):
    """One line of an employee's daily log: what was done on ``day``, optionally linked to a rencana aksi
    or an RHK, with optional hours and evidence. ``late`` is set when it was written after the instansi's
    window (``written_on`` is the writer's date); ``umpan_balik`` is the penilai's short feedback."""

    __tablename__ = "progres_harian"
    __table_args__ = (Index("ix_progres_harian_employee_day", "employee_id", "day"),)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"))
    day: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(String(500), default="")
    rhk_id: Mapped[str | None] = mapped_column(ForeignKey("rhk.id"))
    rencana_aksi_id: Mapped[str | None] = mapped_column(ForeignKey("rencana_aksi.id"))
    hours: Mapped[float | None] = mapped_column(Float)
    sha256: Mapped[str | None] = mapped_column(String(64))
    filename: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int | None] = mapped_column(Integer)
    mime: Mapped[str | None] = mapped_column(String(120))
    written_on: Mapped[date | None] = mapped_column(Date)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    umpan_balik: Mapped[str] = mapped_column(Text, default="")
    umpan_balik_at: Mapped[datetime | None] = mapped_column(DateTime)
