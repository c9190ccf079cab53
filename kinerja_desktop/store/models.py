"""Typed SQLAlchemy 2 models for everything a Kinerja Desktop replica keeps.

Every synced table derives from :class:`SyncedBase`: a UUID made on the device,
created/updated stamps with the acting user, and a ``deleted`` tombstone instead
of hard deletes. Changes to these rows are captured into :class:`ChangeLog` by
:mod:`kinerja_desktop.store.changelog`, which is both the audit trail and the
source for sync. Local-only tables (:class:`ChangeLog`, :class:`FieldVersion`,
:class:`LocalMeta`) derive from :class:`Base` directly.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def new_id() -> str:
    """A fresh UUID4 string: ids are made on the device, never by a server."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class SyncedBase(Base):
    """Columns every replicated row carries."""

    __abstract__ = True
    #: Columns that are bookkeeping, not user data: never reported as "changed fields".
    META_COLUMNS = frozenset({"created_at", "updated_at", "created_by", "updated_by"})

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(64))
    updated_by: Mapped[str | None] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


# --------------------------------------------------------------------------- roster


class Setting(SyncedBase):
    """Instansi-wide settings (name, address, city, logo, periods in use). ``id`` is the key."""

    __tablename__ = "setting"
    value: Mapped[Any] = mapped_column(JSON)


class Unit(SyncedBase):
    """A unit kerja; units form a tree (dinas -> bidang -> seksi)."""

    __tablename__ = "unit"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("unit.id"), index=True)
    level: Mapped[int] = mapped_column(Integer, default=0)

    parent: Mapped[Unit | None] = relationship(remote_side="Unit.id", lazy="raise_on_sql")


class Employee(SyncedBase):
    """A person on the roster. ``nip`` is the NIP / NI PPPK, or another identifier for non-ASN."""

    __tablename__ = "employee"
    nip: Mapped[str | None] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    asn_kind: Mapped[str] = mapped_column(String(16), default="PNS")
    golongan: Mapped[str | None] = mapped_column(String(16))
    jabatan: Mapped[str] = mapped_column(String(300), default="")
    jenis_jabatan: Mapped[str] = mapped_column(String(24), default="PELAKSANA")
    jenjang: Mapped[str | None] = mapped_column(String(24))
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("unit.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    unit: Mapped[Unit | None] = relationship(lazy="raise_on_sql")


class Supervision(SyncedBase):
    """Who is the pejabat penilai of whom, per year (from the roster)."""

    __tablename__ = "supervision"
    __table_args__ = (UniqueConstraint("employee_id", "year"),)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"))
    supervisor_id: Mapped[str | None] = mapped_column(ForeignKey("employee.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)


class UnitPredikat(SyncedBase):
    """The predikat kinerja organisasi of a unit for a year and period."""

    __tablename__ = "unit_predikat"
    __table_args__ = (UniqueConstraint("unit_id", "year", "period"),)
    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(12), default="TAHUNAN")
    predikat: Mapped[str] = mapped_column(String(24))


class UserAccount(SyncedBase):
    """A local sign-in. Roles beyond admin follow from the roster (own plan, subordinates)."""

    __tablename__ = "user_account"
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    employee_id: Mapped[str | None] = mapped_column(ForeignKey("employee.id"), index=True)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Ed25519 public key (hex) that signs this person's changes; the roster says which key counts.
    public_key: Mapped[str | None] = mapped_column(String(64))
    #: The private key, encrypted under a key derived from the password (see store.signing).
    key_wrap: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# --------------------------------------------------------------------------- plan (SKP)


class Plan(SyncedBase):
    """An SKP: one employee, one year, one version (a Revisi makes the next version)."""

    __tablename__ = "plan"
    __table_args__ = (UniqueConstraint("employee_id", "year", "version"),
                      # covering: a year's plans without reading the rows (the instansi overview)
                      Index("ix_plan_year_cover", "year", "deleted", "id", "employee_id", "status", "is_current"))
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(16), default="DRAFT")
    pendekatan: Mapped[str] = mapped_column(String(16), default="KUANTITATIF")
    variant: Mapped[str] = mapped_column(String(8), default="JA_JF")
    penilai_id: Mapped[str | None] = mapped_column(ForeignKey("employee.id"))
    atasan_penilai_id: Mapped[str | None] = mapped_column(ForeignKey("employee.id"))
    #: Snapshots of identity at plan time: {"pegawai": {...}, "penilai": {...}, "atasan": {...}}
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    review_note: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    frozen: Mapped[bool] = mapped_column(Boolean, default=False)

    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id], lazy="raise_on_sql")


class Rhk(SyncedBase):
    """A Rencana Hasil Kerja row; ``parent_rhk_id`` is the supervisor's RHK it supports (intervensi)."""

    __tablename__ = "rhk"
    __table_args__ = (Index("ix_rhk_plan_cover", "plan_id", "id"),)  # plan -> its RHK ids, index only
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12), default="UTAMA")
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    parent_rhk_id: Mapped[str | None] = mapped_column(ForeignKey("rhk.id"), index=True)
    perspektif: Mapped[str | None] = mapped_column(String(24))


class Indicator(SyncedBase):
    """An indicator row of an RHK: aspek, IKI, and a target as number + unit or as narrative."""

    __tablename__ = "indicator"
    __table_args__ = (Index("ix_indicator_rhk_cover", "rhk_id", "id"),)  # RHK -> its indicator ids, index only
    rhk_id: Mapped[str] = mapped_column(ForeignKey("rhk.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    aspek: Mapped[str | None] = mapped_column(String(12))
    text: Mapped[str] = mapped_column(Text, default="")
    target_value: Mapped[float | None] = mapped_column(Float)
    target_unit: Mapped[str] = mapped_column(String(80), default="")
    target_text: Mapped[str] = mapped_column(Text, default="")


class LampiranItem(SyncedBase):
    __tablename__ = "lampiran_item"
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")


class PerilakuExpectation(SyncedBase):
    """Ekspektasi Khusus Pimpinan for one BerAKHLAK value of a plan."""

    __tablename__ = "perilaku_expectation"
    __table_args__ = (UniqueConstraint("plan_id", "value_code"),)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"))
    value_code: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------- realisation


class Realisation(SyncedBase):
    __tablename__ = "realisation"
    __table_args__ = (UniqueConstraint("indicator_id", "period"),
                      Index("ix_realisation_indicator", "indicator_id", "period", "deleted"))  # "reported?", index only
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"))
    period: Mapped[str] = mapped_column(String(12))
    value_text: Mapped[str] = mapped_column(Text, default="")
    value_number: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    reported_on: Mapped[date | None] = mapped_column(Date)


class Attachment(SyncedBase):
    """Evidence (bukti dukung): the file itself lives content-addressed in the blob store."""

    __tablename__ = "attachment"
    realisation_id: Mapped[str] = mapped_column(ForeignKey("realisation.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(120), default="application/octet-stream")


# --------------------------------------------------------------------------- evaluation


class Evaluation(SyncedBase):
    __tablename__ = "evaluation"
    __table_args__ = (UniqueConstraint("plan_id", "period"),
                      # covering: a year's evaluation statuses and predikat without reading the rows
                      Index("ix_evaluation_plan_cover", "plan_id", "period", "status", "predikat", "deleted"))
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"))
    period: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(16), default="DRAFT")
    rating_hasil: Mapped[str | None] = mapped_column(String(12))
    rating_perilaku: Mapped[str | None] = mapped_column(String(12))
    predikat: Mapped[str | None] = mapped_column(String(24))
    capaian_organisasi: Mapped[str | None] = mapped_column(String(24))
    catatan: Mapped[str] = mapped_column(Text, default="")
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)
    frozen: Mapped[bool] = mapped_column(Boolean, default=False)


class RhkFeedback(SyncedBase):
    """Umpan balik berkelanjutan on one RHK in one evaluation."""

    __tablename__ = "rhk_feedback"
    __table_args__ = (UniqueConstraint("evaluation_id", "rhk_id"),)
    evaluation_id: Mapped[str] = mapped_column(ForeignKey("evaluation.id"))
    rhk_id: Mapped[str] = mapped_column(ForeignKey("rhk.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    #: The penilai's mark for recognition: INOVASI or LUAR_BIASA (capaian luar biasa), with one line of reason.
    mark: Mapped[str | None] = mapped_column(String(12))
    mark_reason: Mapped[str] = mapped_column(String(300), default="", server_default="")


class PerilakuFeedback(SyncedBase):
    """Umpan balik on one BerAKHLAK value in one evaluation."""

    __tablename__ = "perilaku_feedback"
    __table_args__ = (UniqueConstraint("evaluation_id", "value_code"),)
    evaluation_id: Mapped[str] = mapped_column(ForeignKey("evaluation.id"))
    value_code: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------- documents


class Document(SyncedBase):
    """A produced (and possibly signed) PDF; the bytes live in the blob store under ``sha256``."""

    __tablename__ = "document"
    kind: Mapped[str] = mapped_column(String(24))
    employee_id: Mapped[str | None] = mapped_column(ForeignKey("employee.id"), index=True)
    plan_id: Mapped[str | None] = mapped_column(ForeignKey("plan.id"), index=True)
    evaluation_id: Mapped[str | None] = mapped_column(ForeignKey("evaluation.id"), index=True)
    year: Mapped[int | None] = mapped_column(Integer)
    period: Mapped[str | None] = mapped_column(String(12))
    sha256: Mapped[str] = mapped_column(String(64))
    data_sha256: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16), default="UNSIGNED")
    signers: Mapped[list[Any]] = mapped_column(JSON, default=list)
    certified_status: Mapped[str | None] = mapped_column(String(16))


# --------------------------------------------------------------------------- survei kepuasan masyarakat


class SkmSurvey(SyncedBase):
    """A Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017) of one service unit for a year and period."""

    __tablename__ = "skm_survey"
    __table_args__ = (UniqueConstraint("unit_id", "year", "period"),)
    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(12), default="TAHUNAN")
    #: Names of the services surveyed (jenis layanan), as the respondent picks them.
    services: Mapped[list[Any]] = mapped_column(JSON, default=list)
    #: Users of the service in the period (for the required sample size); None when unknown.
    population: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="OPEN")
    analysis: Mapped[str] = mapped_column(Text, default="")
    #: Rencana tindak lanjut: [{"action", "unsur", "employee_id", "deadline"}].
    follow_up: Mapped[list[Any]] = mapped_column(JSON, default=list)


class SkmResponse(SyncedBase):
    """One respondent's answers (1-4 per unsur) and profile. Never edited: only voided with a reason."""

    __tablename__ = "skm_response"
    survey_id: Mapped[str] = mapped_column(ForeignKey("skm_survey.id"), index=True)
    u1: Mapped[int] = mapped_column(Integer)
    u2: Mapped[int] = mapped_column(Integer)
    u3: Mapped[int] = mapped_column(Integer)
    u4: Mapped[int] = mapped_column(Integer)
    u5: Mapped[int] = mapped_column(Integer)
    u6: Mapped[int] = mapped_column(Integer)
    u7: Mapped[int] = mapped_column(Integer)
    u8: Mapped[int] = mapped_column(Integer)
    u9: Mapped[int] = mapped_column(Integer)
    answered_on: Mapped[date | None] = mapped_column(Date)
    usia: Mapped[str | None] = mapped_column(String(8))
    jenis_kelamin: Mapped[str | None] = mapped_column(String(1))
    pendidikan: Mapped[str | None] = mapped_column(String(12))
    pekerjaan: Mapped[str | None] = mapped_column(String(12))
    layanan: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(8), default="KIOSK")
    #: Imported rows: a hash of the row's content and its occurrence in the file (re-imports are found).
    fingerprint: Mapped[str | None] = mapped_column(String(64), index=True)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(Text, default="")


class SkmIndicatorLink(SyncedBase):
    """An indicator whose realisation is the IKM of a unit (e.g. a unit head's IKI)."""

    __tablename__ = "skm_indicator_link"
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"), unique=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"))


# --------------------------------------------------------------------------- local only


class ChangeLog(Base):
    """One committed change of one synced row: the audit trail and the source for sync."""

    __tablename__ = "change_log"
    __table_args__ = (
        UniqueConstraint("device_id", "seq"),
        Index("ix_change_log_row", "table_name", "row_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(8))  # insert | update | delete
    #: {field: [old, new]} for every changed user field (JSON-safe values).
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: {field: "device:seq" or None}: the field version each change was made on.
    base_versions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    user: Mapped[str | None] = mapped_column(String(64))
    role: Mapped[str | None] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    #: True when this entry was made here (to be pushed), False when applied from another device.
    local: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    pushed: Mapped[bool] = mapped_column(Boolean, default=False)
    #: For a change that freezes a record: {device: seq} of what its author had processed.
    clock: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: On the last entry of a signed group: {"k": key id, "n": entries, "s": signature}.
    sig: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: Whose record the row is (store.partitions); None on entries logged before scoped sync.
    part: Mapped[str | None] = mapped_column(String(80))


class FieldVersion(Base):
    """Current version ("device:seq") of each field of each synced row."""

    __tablename__ = "field_version"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(80))


class LocalMeta(Base):
    """Per-replica facts that never sync: device id, next sequence number, sync cursors."""

    __tablename__ = "local_meta"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


from kinerja_desktop.store.models_harian import ProgresHarian, RencanaAksi  # noqa: E402  (daily work, issue 17)

SYNCED_MODELS: tuple[type[SyncedBase], ...] = (
    Setting,
    Unit,
    Employee,
    Supervision,
    UnitPredikat,
    UserAccount,
    Plan,
    Rhk,
    Indicator,
    LampiranItem,
    PerilakuExpectation,
    Realisation,
    Attachment,
    Evaluation,
    RhkFeedback,
    PerilakuFeedback,
    Document,
    SkmSurvey,
    SkmResponse,
    SkmIndicatorLink,
    RencanaAksi, ProgresHarian,
)
from kinerja_desktop.store.models_peran import PERAN_MODELS  # noqa: E402  (matriks peran hasil, issue 17)

SYNCED_MODELS += PERAN_MODELS
from kinerja_desktop.store.models_tindak_lanjut import TINDAK_LANJUT_MODELS  # noqa: E402  (tindak lanjut, issue 15)

SYNCED_MODELS += TINDAK_LANJUT_MODELS
MODEL_BY_TABLE: dict[str, type[SyncedBase]] = {m.__tablename__: m for m in SYNCED_MODELS}

# Local-only sync tables live in their own module; importing it here puts them in Base.metadata
# whenever the models are loaded (it needs Base, defined above).
from kinerja_desktop.store import sync_models as _sync_models  # noqa: E402, F401
