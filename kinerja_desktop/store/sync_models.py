"""Local-only tables of the sync engine (never synced themselves).

* :class:`SyncPeer`: per other device, how far its change stream has been processed here
  (applied, kept as a conflict, or refused) and the tip of its verified bundle chain.
* :class:`SyncOutbox`: the immutable bundles this device has made from its own changes.
* :class:`SyncStore`: each shared store this replica syncs with: its identity and how far
  this device's bundles have been uploaded there.
* :class:`SyncStoreObject`: content-addressed objects known to be complete on a store, so
  an interrupted push never sends a finished chunk again.
* :class:`SyncConflict`: values kept beside the current one (concurrent edits of one field,
  or a change that arrived for a field frozen by a signature) until a person chooses.
* :class:`SyncRefused`: changes whose author may not make them (listed, never applied).
* :class:`SyncQuarantine`: bundles that failed verification (kept aside, never applied).
* :class:`SyncAlias`: rows made twice for one natural key on two devices, merged into one.
* :class:`SyncKnowledge`: what this replica had processed at a point of its change log
  (a vector clock), so a signature made here says which changes its signer had seen.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.store.models import Base, utcnow

#: ``local_meta`` key set by a restore (store.backups): the last change number this device had sent
#: when the backup it restored was older; its own stream is re-applied from the store up to there.
OWN_REPLAY_KEY = "sync.own_replay_upto"


class SyncPeer(Base):
    """How far one stream of changes has been processed here.

    A stream is another device's full stream (``device_id`` is the device) or, on a PC that holds
    only its scope, one partition of a device (``<partition>/<device>``; see sync.scope).
    """

    __tablename__ = "sync_peer"
    device_id: Mapped[str] = mapped_column(String(140), primary_key=True)
    #: Every entry of this device with ``seq <= applied_seq`` has been processed here.
    applied_seq: Mapped[int] = mapped_column(Integer, default=0)
    #: Last sequence number and SHA-256 of the last bundle verified and fully processed.
    bundle_seq: Mapped[int] = mapped_column(Integer, default=0)
    bundle_sha256: Mapped[str | None] = mapped_column(String(64))
    #: Why the stream waits (e.g. a mass deletion awaiting confirmation); None when flowing.
    held: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class SyncOutbox(Base):
    __tablename__ = "sync_outbox"
    last_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_seq: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    prev_sha256: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
    #: SHA-256 of the files (evidence, signed PDFs) the bundle's rows refer to.
    blobs: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncPartOutbox(Base):
    """The bundles this device made of its changes per partition (sync.scope), for scoped readers."""

    __tablename__ = "sync_part_outbox"
    part: Mapped[str] = mapped_column(String(80), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_seq: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    prev_sha256: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
    #: On the store (of the store identity it was sent to).
    sent_to: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncStore(Base):
    __tablename__ = "sync_store"
    #: The store's location without credentials (e.g. ``webdavs://ana@dav.example.go.id/kinerja``).
    url: Mapped[str] = mapped_column(String(500), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(36))
    #: Last sequence number of this device's bundles known to be on the store.
    pushed_seq: Mapped[int] = mapped_column(Integer, default=0)
    confirmed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_push_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_pull_at: Mapped[datetime | None] = mapped_column(DateTime)


class SyncStoreObject(Base):
    __tablename__ = "sync_store_object"
    store_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    path: Mapped[str] = mapped_column(String(200), primary_key=True)


class SyncConflict(Base):
    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_row", "table_name", "row_id", "field"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(64))
    #: The version ("device:seq") of the value kept here, and the value itself (JSON-safe).
    version: Mapped[str] = mapped_column(String(80))
    value: Mapped[Any] = mapped_column(JSON)
    #: ``concurrent`` (two edits of one field) or ``frozen`` (arrived for a signed record).
    kind: Mapped[str] = mapped_column(String(16), default="concurrent")
    #: ``open``, ``resolved`` (a person, here or elsewhere, chose) or ``dismissed``.
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    author: Mapped[str | None] = mapped_column(String(64))
    device_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    #: ``change_log.id`` high-water mark when the conflict opened (orders it against local edits).
    opened_log_id: Mapped[int] = mapped_column(Integer, default=0)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolved_version: Mapped[str | None] = mapped_column(String(80))


class SyncRefused(Base):
    __tablename__ = "sync_refused"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    user: Mapped[str | None] = mapped_column(String(64))
    role: Mapped[str | None] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncQuarantine(Base):
    __tablename__ = "sync_quarantine"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    store_url: Mapped[str] = mapped_column(String(500))
    path: Mapped[str] = mapped_column(String(300))
    device_id: Mapped[str | None] = mapped_column(String(36))
    sha256: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    local_path: Mapped[str] = mapped_column(String(500))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncAlias(Base):
    __tablename__ = "sync_alias"
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    canonical_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncKnowledge(Base):
    __tablename__ = "sync_knowledge"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    #: ``change_log.id`` high-water mark at the moment ``clock`` became true.
    log_id: Mapped[int] = mapped_column(Integer, index=True)
    #: {device: applied_seq} of every other device.
    clock: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


SYNC_MODELS = (SyncPeer, SyncOutbox, SyncStore, SyncStoreObject, SyncConflict, SyncRefused, SyncQuarantine,
               SyncAlias, SyncKnowledge)
