"""Synced tables of the follow-up stage (tindak lanjut, PermenPAN-RB 6/2022 stage 4).

* :class:`CompetencyStandard`: the level (1-5) a jabatan requires of one competency
  (PermenPAN-RB 38/2017: 8 manajerial, 1 sosial kultural, teknis per jabatan). Instansi-wide
  configuration, written by an admin like the roster.
* :class:`CompetencyAssessment`: a person's assessed level of one competency (penilai's judgement,
  or imported from an assessment centre / uji kompetensi by an admin).
* :class:`DevelopmentItem`: one item of a person's rencana pengembangan kompetensi (form, topic,
  competency it closes, JP, dates, status, certificate).
* :class:`Award`: a penghargaan the admin recorded for a person.

Every row except the standards hangs off an employee through ``employee_id`` (the sync scope and
the authorizer derive "whose record" from it).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.store.models import SyncedBase


class CompetencyStandard(SyncedBase):
    """The level a jabatan requires of one competency (``jabatan`` as written on the roster)."""

    __tablename__ = "competency_standard"
    __table_args__ = (UniqueConstraint("jabatan", "code"),)
    jabatan: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="MANAJERIAL")
    code: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")


class CompetencyAssessment(SyncedBase):
    """One assessed level of one competency of one person (the latest per code counts)."""

    __tablename__ = "competency_assessment"
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"), index=True)
    code: Mapped[str] = mapped_column(String(24))
    level: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(24), default="PENILAI")
    assessed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class DevelopmentItem(SyncedBase):
    """One item of a rencana pengembangan kompetensi."""

    __tablename__ = "development_item"
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    #: The evaluation whose Catatan/Rekomendasi this item answers (None: from a gap or the admin).
    evaluation_id: Mapped[str | None] = mapped_column(ForeignKey("evaluation.id"), index=True)
    form: Mapped[str] = mapped_column(String(16), default="PELATIHAN")
    topic: Mapped[str] = mapped_column(String(300), default="")
    competency_code: Mapped[str | None] = mapped_column(String(24))
    jp: Mapped[float] = mapped_column(Float, default=0)
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    organiser: Mapped[str] = mapped_column(String(200), default="")
    #: USULAN (proposed, awaiting the penilai), DIRENCANAKAN (accepted), BATAL.
    status: Mapped[str] = mapped_column(String(16), default="USULAN")
    #: OTOMATIS (proposed by the app), PENILAI, ADMIN (organised training), PEGAWAI.
    source: Mapped[str] = mapped_column(String(12), default="PENILAI")
    reason: Mapped[str] = mapped_column(Text, default="")
    #: Reported by the pegawai (or recorded by the admin): the day it was done and the certificate,
    #: whose file lives in the blob store under ``sha256`` (the column name sync uploads blobs for).
    completed_on: Mapped[date | None] = mapped_column(Date)
    sha256: Mapped[str | None] = mapped_column(String(64))
    certificate_name: Mapped[str] = mapped_column(String(255), default="")
    completion_note: Mapped[str] = mapped_column(Text, default="")


class Award(SyncedBase):
    """A penghargaan given to a person, as the admin recorded it."""

    __tablename__ = "award"
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    period: Mapped[str] = mapped_column(String(12), default="TAHUNAN")
    kind: Mapped[str] = mapped_column(String(24))
    given_on: Mapped[date | None] = mapped_column(Date)
    decree_no: Mapped[str] = mapped_column(String(120), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


TINDAK_LANJUT_MODELS: tuple[type[SyncedBase], ...] = (CompetencyStandard, CompetencyAssessment, DevelopmentItem,
                                                       Award)
