"""Push and pull: the sync of one replica with one shared store.

A sync run

1. checks the store's identity file against the one remembered here (a store that was
   emptied or swapped is refused until a person confirms);
2. **push**: packs this device's new changes into immutable bundles (kept in a local outbox,
   so an interrupted upload resumes with the very same files), uploads the files their rows
   refer to as content-addressed chunks (skipping chunks the store already has), then the
   bundles in order;
3. **pull**: lists every other device's bundles, verifies each (hash in the name, gzip,
   header, hash chain), quarantines what fails, and applies the entries with the field-level
   merge; entries wait while what they build on has not arrived; then fetches the files the
   new rows refer to.

Nothing on the store is ever deleted or overwritten by sync; nothing here is deleted because
the store lacks it. Network errors are retried with exponential back-off; a run can be
cancelled between any two steps and the next run continues where it stopped.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import func, select, update

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.trust_service import Roster, accept_roster, current_roster, pinned_root
from kinerja_desktop.store.changelog import device_id, freezes
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Attachment, ChangeLog, Document, utcnow
from kinerja_desktop.store.sync_models import (
    SyncOutbox,
    SyncPeer,
    SyncQuarantine,
    SyncStore,
    SyncStoreObject,
)
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync import trust
from kinerja_desktop.sync.merge import APPLIED, CONFLICT, NOOP, REFUSED, WAIT, Merger, log_high_water
from kinerja_desktop.sync.remote import Remote, RemoteAuthError, RemoteUnavailable
from kinerja_desktop.sync.replica import knowledge_at, record_knowledge, set_meta

log = logging.getLogger(__name__)
T = TypeVar("T")

BLOB_TABLES = {"attachment", "document"}
#: ``local_meta``: {device: why its changes wait} after the last pull.
WAITING_KEY = "sync.waiting"


class StoreIdentityChanged(KinerjaError):
    """The store is empty or is another store than the one this replica synced with."""


class MassDeletionPending(KinerjaError):
    """Many rows would be deleted at once: a person must confirm first."""


class DeviceClash(KinerjaError):
    """Another database writes under this device id (a copied database file)."""

    shared_upto: int = 0


class SyncCancelled(KinerjaError):
    """The person cancelled the run; what was finished stays finished."""


@dataclass
class SyncOptions:
    confirm_store: bool = False
    allow_mass_delete: bool = False
    mass_delete_threshold: int = 50
    #: Back up the local SQLite file before applying more entries than this in one pull.
    backup_threshold: int = 1000
    retry_base: float = 1.0
    retry_max: float = 60.0
    retry_tries: int = 8
    workers: int = 4
    push: bool = True
    pull: bool = True
    #: Entries applied per transaction.
    batch: int = 400


@dataclass
class SyncProgress:
    phase: str
    items_done: int = 0
    items_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0
    eta_seconds: float | None = None
    message: str = ""


@dataclass
class SyncReport:
    store: str = ""
    store_id: str = ""
    device: str = ""
    bundles_pushed: int = 0
    entries_pushed: int = 0
    chunks_uploaded: int = 0
    chunks_skipped: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    bundles_pulled: int = 0
    applied: int = 0
    conflicts: int = 0
    refused: int = 0
    waiting: dict[str, str] = field(default_factory=dict)
    held: dict[str, str] = field(default_factory=dict)
    quarantined: list[str] = field(default_factory=list)
    files_fetched: int = 0
    files_missing: int = 0
    backup: str | None = None
    retries: int = 0
    seconds: float = 0.0
    #: After the run: changes made here not yet on the store, and fields in conflict here.
    unsent: int = 0
    open_conflicts: int = 0
    #: Changes made here that are not signed by their author (they are not sent).
    unsigned: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        parts = [f"dikirim {self.entries_pushed} perubahan ({self.bundles_pushed} bundel, "
                 f"{self.chunks_uploaded} potongan berkas)",
                 f"diterima {self.applied} perubahan"]
        if self.conflicts:
            parts.append(f"{self.conflicts} konflik perlu dipilih")
        if self.refused:
            parts.append(f"{self.refused} perubahan ditolak")
        if self.waiting:
            parts.append(f"{len(self.waiting)} perangkat menunggu data sebelumnya")
        if self.held:
            parts.append(f"{len(self.held)} perangkat menunggu konfirmasi penghapusan massal")
        if self.quarantined:
            parts.append(f"{len(self.quarantined)} bundel rusak dikarantina")
        if self.files_missing:
            parts.append(f"{self.files_missing} berkas belum tersedia")
        if self.unsigned:
            parts.append(f"{self.unsigned} perubahan di komputer ini tanpa tanda tangan penulisnya tidak dikirim")
        return "Sinkronisasi selesai: " + "; ".join(parts) + f" ({self.seconds:.1f} dtk)."


class _Listed(NamedTuple):
    """A bundle on the store, from its name."""

    last: int
    sha: str
    name: str


@dataclass
class _PeerState:
    """What this replica applied of another device: up to ``applied``; its newest bundle taken."""

    applied: int = 0
    tip_seq: int = 0
    tip_sha: str | None = None


@dataclass
class _Fetched:
    """Verified new entries of one device and the (last_seq, sha256) of the bundles they came from."""

    applied: int
    entries: list[P.Entry] = field(default_factory=list)
    bundles: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Pending:
    """Verified, not yet processed entries of one device."""

    entries: list[P.Entry]
    #: (last_seq, sha256) of each bundle the entries came from, in order.
    bundles: list[tuple[int, str]]
    pos: int = 0
    done: set[int] = field(default_factory=set)


@dataclass
class _BlobPlan:
    """A file still to be sent: its hash, size and the object whose presence means it is complete."""

    sha: str
    size: int
    done_path: str

    @property
    def todo_bytes(self) -> int:
        return self.size


class _ObjectLog:
    """Objects known complete on the store, written to the database every few seconds.

    Pieces are remembered as they finish (not only when a run ends), so a run that is killed
    or loses the link resumes after the last piece that was complete.
    """

    def __init__(self, engine: SyncEngine, known: set[str], every: float = 3.0) -> None:
        self.engine = engine
        self.every = every
        self._new: list[str] = []
        self._seen = known
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._flushed = time.monotonic()

    def has(self, path: str) -> bool:
        with self._lock:
            return path in self._seen

    def add(self, path: str) -> None:
        with self._lock:
            if path in self._seen:
                return
            self._seen.add(path)
            self._new.append(path)
            due = time.monotonic() - self._flushed >= self.every
        if due:
            self.flush()

    def flush(self) -> None:
        with self._write_lock:
            with self._lock:
                new, self._new = self._new, []
                self._flushed = time.monotonic()
            if new:
                self.engine._remember_objects(new)


class SyncEngine:
    def __init__(self, db: Database, remote: Remote, options: SyncOptions | None = None, *,
                 progress: Callable[[SyncProgress], None] | None = None,
                 cancel: threading.Event | None = None) -> None:
        self.db = db
        self.remote = remote
        self.opt = options or SyncOptions()
        self._progress_cb = progress
        self.cancel = cancel or threading.Event()
        self.report = SyncReport(store=remote.display)
        self.roster: Roster | None = None
        self._fetched = 0  # bundles read in this pull, of _to_fetch (progress)
        self._to_fetch = 0
        self.store_id = ""
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._phase_started = self._started
        self._abort = threading.Event()
        self._bytes_sent = 0
        self._bytes_total = 0

    # ------------------------------------------------------------------ plumbing

    def _check_cancel(self) -> None:
        if self._abort.is_set() and not self.cancel.is_set():
            raise RemoteUnavailable("Pengiriman paralel dihentikan karena kesalahan lain.", code="sync.unavailable")
        if self.cancel.is_set():
            raise SyncCancelled("Sinkronisasi dibatalkan; yang sudah selesai tetap tersimpan.", code="sync.cancelled")

    def _emit(self, phase: str, done: int = 0, total: int = 0, bdone: int = 0, btotal: int = 0, msg: str = "") -> None:
        if self._progress_cb is None:
            return
        eta = None
        elapsed = time.monotonic() - self._phase_started
        frac = (bdone / btotal) if btotal else ((done / total) if total else 0.0)
        if 0 < frac < 1 and elapsed > 0.2:
            eta = elapsed / frac - elapsed
        self._progress_cb(SyncProgress(phase, done, total, bdone, btotal, eta, msg))

    def _retry(self, fn: Callable[[], T], what: str) -> T:
        delay = self.opt.retry_base
        for attempt in range(self.opt.retry_tries):
            self._check_cancel()
            try:
                return fn()
            except RemoteAuthError:
                raise
            except RemoteUnavailable as exc:
                if attempt == self.opt.retry_tries - 1:
                    raise
                with self._lock:
                    self.report.retries += 1
                log.info("%s failed (%s); retrying in %.2fs", what, exc, delay)
                if self.cancel.wait(delay):
                    self._check_cancel()
                delay = min(delay * 2, self.opt.retry_max)
        raise AssertionError("unreachable")  # pragma: no cover

    def _read(self, path: str) -> bytes | None:
        def go() -> bytes | None:
            try:
                return self.remote.read(path)
            except FileNotFoundError:
                return None

        data = self._retry(go, f"read {path}")
        if data is not None:
            with self._lock:
                self.report.bytes_down += len(data)
        return data

    def _write(self, path: str, data: bytes) -> None:
        """Write an object whose name fixes its content (chunk, chunk list, bundle).

        After a failed attempt the next one first asks whether the object is complete on the
        store (the upload may have finished with only the answer lost): it is never sent twice.
        """
        attempts = 0

        def go() -> None:
            nonlocal attempts
            attempts += 1
            if attempts > 1 and self.remote.size(path) == len(data):
                return
            self.remote.write(path, data)

        self._retry(go, f"write {path}")
        with self._lock:
            self.report.bytes_up += len(data)

    # ------------------------------------------------------------------ run

    def run(self) -> SyncReport:
        self._started = time.monotonic()
        with self.db.session() as s:
            self.me = device_id(s)
        self.report.device = self.me
        try:
            self._check_identity()
            if self.opt.push:
                self.push()
            if self.opt.pull:
                self.pull()
            self._final_counts()
        finally:
            self.report.seconds = round(time.monotonic() - self._started, 3)
        return self.report

    def _final_counts(self) -> None:
        from kinerja_desktop.services.sync_status import summary

        state = summary(self.db)
        self.report.unsent = state.unsent
        self.report.open_conflicts = state.conflicts

    # ------------------------------------------------------------------ identity

    def _check_identity(self) -> None:
        self._emit("menyiapkan", msg="Memeriksa identitas penyimpanan")
        raw = self._read(P.IDENTITY_PATH)
        ident: dict[str, Any] | None = None
        if raw is not None:
            try:
                ident = json.loads(raw.decode("utf-8"))
                if not isinstance(ident, dict) or not ident.get("store_id"):
                    raise ValueError("no store_id")
            except (ValueError, UnicodeDecodeError) as exc:
                raise StoreIdentityChanged(
                    f"Berkas identitas penyimpanan {self.remote.display} rusak; sinkronisasi dihentikan.",
                    code="sync.identity_corrupt") from exc
        with self.db.reader() as s:
            known = s.get(SyncStore, self.remote.display)
            known_id = known.store_id if known else None
        if ident is None:
            if known_id and not self.opt.confirm_store:
                raise StoreIdentityChanged(
                    f"Penyimpanan {self.remote.display} kosong atau identitasnya hilang, padahal komputer ini "
                    "pernah bersinkronisasi dengannya. Pastikan lokasinya benar; jika memang penyimpanan baru, "
                    "konfirmasi agar data dikirim ulang.", code="sync.store_empty")
            ident = {"kinerja_store": P.FORMAT, "store_id": str(uuid.uuid4()),
                     "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                     "created_by": self.me}
            self._write(P.IDENTITY_PATH, P.dumps(ident).encode("utf-8"))
            raw2 = self._read(P.IDENTITY_PATH)  # two founders at once: the file that stayed wins
            ident = json.loads(raw2.decode("utf-8")) if raw2 else ident
        elif known_id and known_id != ident["store_id"] and not self.opt.confirm_store:
            raise StoreIdentityChanged(
                f"Penyimpanan {self.remote.display} bukan penyimpanan yang dipakai sebelumnya (identitasnya "
                "berbeda). Periksa lokasinya; jika memang diganti, konfirmasi terlebih dulu.",
                code="sync.store_swapped")
        self.store_id = str(ident["store_id"])
        self.report.store_id = self.store_id
        with self.db.session() as s:
            row = s.get(SyncStore, self.remote.display)
            if row is None:
                s.add(SyncStore(url=self.remote.display, store_id=self.store_id, pushed_seq=0))
            elif row.store_id != self.store_id:
                row.store_id = self.store_id
                row.pushed_seq = 0
                row.confirmed_at = utcnow()

    # ------------------------------------------------------------------ push

    def push(self) -> None:
        """Send the outbox bundle by bundle: first the files a bundle refers to, then the bundle.

        The store never holds a bundle whose files are missing, and a bundle waits only for its
        own files (not for those of later bundles). Files go up in pieces of at most
        ``P.CHUNK_SIZE``, each remembered once complete, so a cut link costs at most the pieces
        in flight and the next run continues after the last complete one.
        """
        self._phase_started = time.monotonic()
        self._emit("menyiapkan", msg="Menyiapkan perubahan untuk dikirim")
        self._check_device_clash()
        self._make_bundles()
        remote_names = self._retry(lambda: self.remote.list(P.bundles_dir(self.me)), "list own bundles")
        with self.db.reader() as s:
            store = s.get(SyncStore, self.remote.display)
            pushed_seq = store.pushed_seq if store else 0
            # Bundles sent before but no longer on the store (deleted, or the store was restored
            # from an older copy) are sent again: receivers would otherwise wait for them forever.
            outbox = [b for b in s.scalars(select(SyncOutbox).order_by(SyncOutbox.last_seq))
                      if b.last_seq > pushed_seq or (remote_names.get(b.name) != b.size
                                                     and self._outbox_path(b.name).is_file())]
            known = {p for (p,) in s.execute(select(SyncStoreObject.path)
                                             .where(SyncStoreObject.store_id == self.store_id))}
        if not outbox:
            return
        plans: dict[str, _BlobPlan | None] = {}
        for b in outbox:
            for sha in b.blobs or []:
                if sha not in plans:
                    plans[sha] = self._blob_plan(sha, known)
        self._bytes_total = sum(p.todo_bytes for p in plans.values() if p) + sum(
            b.size for b in outbox if remote_names.get(b.name) != b.size)
        self._bytes_sent = 0
        self._objects = _ObjectLog(self, known)
        try:
            for b in outbox:
                self._check_cancel()
                self._upload_blobs([plans.pop(sha) for sha in (b.blobs or []) if plans.get(sha)])
                if remote_names.get(b.name) != b.size:
                    data = self._outbox_path(b.name).read_bytes()
                    if P.sha256(data) != b.sha256:
                        raise KinerjaError(f"Berkas kiriman {b.name} di komputer ini rusak; hubungi admin.")
                    self._write(f"{P.bundles_dir(self.me)}/{b.name}", data)
                    self._bytes_sent += len(data)
                    self._emit("mengunggah", self.report.bundles_pushed + 1, len(outbox), self._bytes_sent,
                               self._bytes_total, msg=f"Mengirim bundel {b.name[:10]}")
                with self.db.session() as s:
                    store = s.get(SyncStore, self.remote.display)
                    assert store is not None
                    store.pushed_seq = max(store.pushed_seq, b.last_seq)
                    store.last_push_at = utcnow()
                    s.execute(update(ChangeLog).where(ChangeLog.device_id == self.me,
                                                      ChangeLog.seq.between(b.first_seq, b.last_seq))
                              .values(pushed=True))
                self.report.bundles_pushed += 1
                self.report.entries_pushed += b.count
        finally:
            self._objects.flush()

    def pack(self) -> None:
        """Only pack this device's new changes into outbox bundles (no network)."""
        with self.db.session() as s:
            self.me = device_id(s)
        self._make_bundles()

    def _outbox_dir(self) -> Path:
        return self.db.data_dir / "sync" / "outbox"

    def _outbox_path(self, name: str) -> Path:
        return self._outbox_dir() / name

    def _check_device_clash(self) -> None:
        names = self._retry(lambda: self.remote.list(P.bundles_dir(self.me)), "list own bundles")
        if not names:
            return
        with self.db.reader() as s:
            mine = {b.name for b in s.scalars(select(SyncOutbox))}
        foreign = [n for n in names if P.parse_bundle_name(n) and n not in mine and self._genuine(n)]
        if foreign:
            raise DeviceClash(
                "Penyimpanan sudah berisi kiriman atas nama perangkat ini yang tidak dibuat oleh database ini. "
                "Database ini tampaknya salinan dari komputer lain: jalankan “kinerja sync perangkat-baru” "
                "agar komputer ini mendapat identitas sendiri.", code="sync.device_clash")

    def _genuine(self, name: str) -> bool:
        """Is this bundle under our device id signed by its authors (a copy of this database wrote it)?

        Anyone with access to the store can write into this device's folder; a bundle whose
        changes do not verify is somebody else's forgery, which receivers never apply, and it
        must not stop this device.
        """
        last, sha = P.parse_bundle_name(name) or (0, "")
        data = self._read(f"{P.bundles_dir(self.me)}/{name}")
        try:
            _header, entries = P.decode_bundle(data or b"", expected_sha=sha, device=self.me, last_seq=last)
        except P.BundleError:
            return False
        roster = current_roster(self.db)
        genuine = bool(entries) and all(v.kind == trust.OK for v in trust.check_bundle(entries, roster))
        if not genuine:
            log.warning("ignored a bundle under this device's id that is not signed by its authors: %s", name)
        return genuine

    def shared_prefix(self) -> int:
        """How far this database's own log equals what the store holds under its device id.

        For a copied database: everything up to that point is shared with the original, the rest
        was made here after the copy and is re-issued by :func:`fork_replica`.
        """
        with self.db.session() as s:
            self.me = device_id(s)
        names = self._retry(lambda: self.remote.list(P.bundles_dir(self.me)), "list own bundles")
        parsed = sorted((*P.parse_bundle_name(n), n) for n in names if P.parse_bundle_name(n))  # type: ignore[misc]
        upto = 0
        for last, sha, name in parsed:
            data = self._read(f"{P.bundles_dir(self.me)}/{name}")
            try:
                _header, entries = P.decode_bundle(data or b"", expected_sha=sha, device=self.me, last_seq=last)
            except P.BundleError:
                break
            with self.db.reader() as s:
                local = {r.seq: r for r in s.scalars(select(ChangeLog).where(
                    ChangeLog.device_id == self.me, ChangeLog.seq.between(entries[0].seq, last)))}
            for e in entries:
                r = local.get(e.seq)
                if r is None or (r.table_name, r.row_id, r.op, r.changes) != (e.table, e.row, e.op, e.changes):
                    return upto
                upto = e.seq
        return upto

    def _make_bundles(self) -> None:
        with self.db.session() as s:
            last = s.execute(select(func.max(SyncOutbox.last_seq))).scalar() or 0
            prev = s.execute(select(SyncOutbox.sha256).where(SyncOutbox.last_seq == last)).scalar() if last else None
            rows = list(s.scalars(select(ChangeLog).where(ChangeLog.device_id == self.me, ChangeLog.seq > last)
                                  .order_by(ChangeLog.seq)))
            if not rows:
                return
            # only a contiguous run can be sent (a gap would stall every receiver)
            run: list[ChangeLog] = []
            for r in rows:
                if r.seq != last + len(run) + 1:
                    break
                run.append(r)
            # only signed changes are sent: no receiver applies an unsigned one, and it would
            # hold up everything after it (see changelog.sign_entries)
            signed = sum(len(g) for g in _signed_groups(run)[:_first_unsigned(run)])
            if signed < len(run):
                self.report.unsigned = len(run) - signed
                log.warning("%d changes from seq %d on are not signed by their author; not sent",
                            len(run) - signed, run[signed].seq)
            run = run[:signed]
            if not run:
                return
            deletes = sum(1 for r in run if r.op == "delete")
            if deletes > self.opt.mass_delete_threshold and not self.opt.allow_mass_delete:
                raise MassDeletionPending(
                    f"{deletes} data akan dihapus sekaligus di semua komputer. Periksa dulu; jika memang "
                    "disengaja, konfirmasi penghapusan massal.", code="sync.mass_delete")
            self._outbox_dir().mkdir(parents=True, exist_ok=True)
            made: dict[int, P.Entry] = {}
            parts = deque(_bundle_parts(run))
            while parts:
                part = parts.popleft()
                entries = [made.get(r.seq) or made.setdefault(r.seq, self._entry_of(s, r)) for r in part]
                blobs: list[str] = []
                for e in entries:
                    if e.table in BLOB_TABLES:
                        sha = (e.changes.get("sha256") or [None, None])[1]
                        if P.is_sha256(sha) and sha not in blobs:
                            blobs.append(sha)
                header = P.BundleHeader(device=self.me, first_seq=part[0].seq, last_seq=part[-1].seq, prev=prev,
                                        count=len(part), blobs=blobs,
                                        created_at=datetime.now(UTC).isoformat(timespec="seconds"))
                data = P.encode_bundle(header, entries)
                groups = _signed_groups(part)
                if len(data) > P.BUNDLE_MAX_BYTES and len(groups) > 1:
                    # small enough to cross a poor link between two cuts: halve (by signature groups)
                    half, count = 0, 0
                    while half < len(groups) - 1 and count + len(groups[half]) <= len(part) // 2:
                        count += len(groups[half])
                        half += 1
                    half = max(half, 1)
                    parts.appendleft([r for g in groups[half:] for r in g])
                    parts.appendleft([r for g in groups[:half] for r in g])
                    continue
                for e in entries:
                    made.pop(e.seq, None)
                digest = P.sha256(data)
                name = P.bundle_name(header.last_seq, digest)
                path = self._outbox_path(name)
                tmp = path.with_suffix(".part")
                tmp.write_bytes(data)
                tmp.replace(path)
                s.add(SyncOutbox(last_seq=header.last_seq, first_seq=header.first_seq, sha256=digest,
                                 prev_sha256=prev, name=name, size=len(data), count=len(part), blobs=blobs))
                prev = digest

    def _entry_of(self, s: Any, r: ChangeLog) -> P.Entry:
        clock = r.clock
        if clock is None and freezes(r.table_name, r.changes or {}):
            clock = knowledge_at(s, r.id)  # an entry from before clocks were recorded at commit
        return P.Entry(device=r.device_id, seq=r.seq, table=r.table_name, row=r.row_id, op=r.op,
                       changes=dict(r.changes or {}), base=dict(r.base_versions or {}), user=r.user, role=r.role,
                       at=r.at.isoformat(timespec="seconds") if r.at else None, clock=clock, sig=r.sig)

    # ------------------------------------------------------------------ chunks

    def _blob_plan(self, sha: str, known: set[str]) -> _BlobPlan | None:
        """What is left to send of one file (None: nothing, or the file is missing here)."""
        path = self.db.blobs.path(sha)
        if not path.is_file():
            log.warning("file %s referred to by a local change is missing here; not uploaded", sha)
            return None
        size = path.stat().st_size
        # a file of one piece is its own chunk; a longer one is complete once its chunk list is
        # on the store (the list is written after its last chunk)
        done_path = P.chunk_path(sha) if size <= P.CHUNK_SIZE else P.manifest_path(sha)
        if done_path in known:
            self.report.chunks_skipped += max(1, -(-size // P.CHUNK_SIZE))
            return None
        return _BlobPlan(sha, size, done_path)

    def _upload_blobs(self, plans: list[_BlobPlan]) -> None:
        """Upload files in pieces (several files in parallel), skipping what the store already has."""
        if not plans:
            return

        def upload_blob(plan: _BlobPlan) -> None:
            self._check_cancel()
            # One small request tells whether the whole file is there already (sent by another PC):
            # no listing of the chunk folders, whose size grows with the store.
            done_size = self._retry(lambda: self.remote.size(plan.done_path), f"size {plan.done_path}")
            data = self.db.blobs.read_bytes(plan.sha)
            if len(data) <= P.CHUNK_SIZE:
                if done_size != len(data):
                    self._write(plan.done_path, data)
                    self._sent_piece(len(data))
                else:
                    with self._lock:
                        self.report.chunks_skipped += 1
                self._objects.add(plan.done_path)
                return
            chunks = []
            for i in range(0, len(data), P.CHUNK_SIZE):
                piece = data[i:i + P.CHUNK_SIZE]
                chunks.append((P.sha256(piece), len(piece)))
            manifest = P.encode_manifest(plan.sha, len(data), chunks)
            if done_size == len(manifest):
                with self._lock:
                    self.report.chunks_skipped += len(chunks)
                self._objects.add(plan.done_path)
                return
            for n, (csha, size) in enumerate(chunks):
                cpath = P.chunk_path(csha)
                if self._objects.has(cpath):
                    with self._lock:
                        self.report.chunks_skipped += 1
                    continue
                self._check_cancel()
                self._write(cpath, data[n * P.CHUNK_SIZE:n * P.CHUNK_SIZE + size])
                self._objects.add(cpath)
                self._sent_piece(size)
            self._write(plan.done_path, manifest)
            self._objects.add(plan.done_path)

        workers = max(1, self.opt.workers)
        if workers == 1 or len(plans) == 1:
            for plan in plans:
                upload_blob(plan)
            return
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kinerja-sync") as pool:
            futures = [pool.submit(upload_blob, plan) for plan in plans]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            failed = [f for f in done if f.exception() is not None]
            if failed:
                self._abort.set()
                for f in futures:
                    f.cancel()
                wait(futures)
                self._abort.clear()
                raise failed[0].exception()  # type: ignore[misc]

    def _sent_piece(self, size: int) -> None:
        with self._lock:
            self.report.chunks_uploaded += 1
            self._bytes_sent += size
            sent, total = self._bytes_sent, self._bytes_total
        self._emit("mengunggah", 0, 0, sent, total, msg="Mengirim berkas")

    def _remember_objects(self, paths: Iterable[str]) -> None:
        paths = sorted(set(paths))
        if not paths:
            return
        with self.db.session() as s:
            existing = {p for (p,) in s.execute(select(SyncStoreObject.path).where(
                SyncStoreObject.store_id == self.store_id, SyncStoreObject.path.in_(paths)))}
            for p in paths:
                if p not in existing:
                    s.add(SyncStoreObject(store_id=self.store_id, path=p))

    # ------------------------------------------------------------------ pull

    def pull(self) -> None:
        """Fetch, verify and apply what other devices sent; then the files their rows refer to."""
        self._phase_started = time.monotonic()
        self._emit("mengunduh", msg="Memeriksa kiriman perangkat lain")
        self._refresh_roster()
        self.roster = current_roster(self.db)
        peers = self._peer_states()
        listings = self._new_bundles(peers)
        self._fetched, self._to_fetch = 0, sum(1 for d, items in listings.items() for it in items
                                              if it.last > peers[d].applied)
        collected = {d: self._fetch_device(d, items, peers[d]) for d, items in listings.items()}
        pending = self._hold_mass_deletions({d: got for d, got in collected.items() if got.entries})
        total_entries = sum(len(p.entries) for p in pending.values())
        if total_entries:
            if total_entries > self.opt.backup_threshold and self.db.is_sqlite:
                backup = self.db.backup()
                self.report.backup = str(backup) if backup else None
            self._apply(pending, total_entries)
        self._fetch_missing_files()
        with self.db.session() as s:
            store = s.get(SyncStore, self.remote.display)
            if store is not None:
                store.last_pull_at = utcnow()
        # what waits, and why, for `kinerja sync status` and the app (until the next pull says otherwise)
        set_meta(self.db, WAITING_KEY, {**self.report.waiting, **self.report.held} or None)

    def _peer_states(self) -> defaultdict[str, _PeerState]:
        with self.db.reader() as s:
            return defaultdict(_PeerState, {p.device_id: _PeerState(p.applied_seq, p.bundle_seq, p.bundle_sha256)
                                            for p in s.scalars(select(SyncPeer))})

    def _new_bundles(self, peers: dict[str, _PeerState]) -> dict[str, list[_Listed]]:
        """Per other device, its bundles on the store (sorted), when any is newer than what was applied."""
        devices = [d for d in self._retry(lambda: self.remote.list_dirs(P.DEVICES_DIR), "list devices")
                   if d != self.me and _looks_like_device(d)]
        out: dict[str, list[_Listed]] = {}
        for d in sorted(devices):
            names = self._retry(lambda d=d: self.remote.list(P.bundles_dir(d)), "list bundles")
            items = sorted(_Listed(*parsed, n) for n in names if (parsed := P.parse_bundle_name(n)))
            if items and items[-1].last > peers[d].applied:
                out[d] = items
        return out

    def _fetch_device(self, device: str, items: list[_Listed], peer: _PeerState) -> _Fetched:
        """The verified new entries of one device, bundle after bundle along its hash chain.

        Stops at the first sequence number for which no bundle is intact, continues the chain and
        has every change signed by its author (``report.waiting`` says why).
        """
        got = _Fetched(applied=peer.applied)
        prev_last, prev_sha = 0, None
        by_last: dict[int, list[_Listed]] = defaultdict(list)
        for item in items:
            by_last[item.last].append(item)
        for last in sorted(by_last):
            candidates = by_last[last]
            if last <= peer.applied:
                known = peer.tip_seq == last and any(c.sha == peer.tip_sha for c in candidates)
                prev_last, prev_sha = last, peer.tip_sha if known else candidates[0].sha
                continue
            chosen = self._choose_bundle(device, candidates, prev_last, prev_sha)
            if chosen is None:
                break
            entries, sha = chosen
            self.report.bundles_pulled += 1
            got.entries.extend(e for e in entries if e.seq > peer.applied)
            got.bundles.append((last, sha))
            prev_last, prev_sha = last, sha
        return got

    def _choose_bundle(self, device: str, candidates: list[_Listed], prev_last: int,
                       prev_sha: str | None) -> tuple[list[P.Entry], str] | None:
        """(entries, sha) of the first candidate that is intact, continues the chain and verifies.

        A damaged or forged candidate is quarantined (it never uses up the sequence numbers, so a
        forger cannot displace a genuine bundle); None, with the reason in ``report.waiting``,
        when no candidate can be taken yet.
        """
        waiting = ""
        for item in candidates:
            self._check_cancel()
            data = self._read(f"{P.bundles_dir(device)}/{item.name}")
            self._fetched += 1
            self._emit("mengunduh", self._fetched, self._to_fetch, msg=f"Mengunduh kiriman {device[:8]}")
            if data is None:
                continue
            try:
                header, entries = P.decode_bundle(data, expected_sha=item.sha, device=device, last_seq=item.last)
            except P.BundleError as exc:
                self._quarantine(device, item.name, data, str(exc))
                continue
            if header.first_seq > prev_last + 1:
                waiting = waiting or (f"menunggu bundel nomor {prev_last + 1} dan seterusnya dari perangkat "
                                      f"{device} yang belum ada di penyimpanan")
                continue
            if header.first_seq != prev_last + 1 or (header.prev or None) != prev_sha:
                self._quarantine(device, item.name, data, "rantai hash tidak cocok dengan bundel sebelumnya")
                continue
            verdicts = trust.check_bundle(entries, self.roster)
            refused = next((v for v in verdicts if v.kind == trust.REFUSE), None)
            if refused is not None:
                self._quarantine(device, item.name, data, f"ditolak: {refused.reason}")
                continue
            waits = next((v for v in verdicts if v.kind == trust.WAIT), None)
            if waits is not None:
                waiting = waits.reason
                continue
            for e, v in zip(entries, verdicts, strict=True):
                e.by_root = v.by_root
            return entries, item.sha
        if waiting:
            self.report.waiting[device] = waiting
        return None

    def _refresh_roster(self) -> None:
        """Take the newest roster on the store that verifies under the pinned root key."""
        if not pinned_root(self.db):
            return
        root = pinned_root(self.db) or ""
        found = self._retry(lambda: trust.latest_verified_roster(self.remote, root), "read roster")
        if found is not None:
            seq, doc = found
            accept_roster(self.db, doc, seq)

    def _hold_mass_deletions(self, collected: dict[str, _Fetched]) -> dict[str, _Pending]:
        """Hold every device carrying deletions of an author who deletes too much at once.

        Counted per author over all devices (a person cannot split a mass deletion over several
        made-up devices), until a person confirms (``allow_mass_delete``).
        """
        per_author: dict[str, int] = defaultdict(int)
        for got in collected.values():
            for e in got.entries:
                if e.op == "delete":
                    per_author[e.user or ""] += 1
        over = {a: n for a, n in per_author.items() if n > self.opt.mass_delete_threshold}
        pending: dict[str, _Pending] = {}
        for d, got in collected.items():
            authors = sorted({e.user or "" for e in got.entries if e.op == "delete"} & set(over))
            if authors and not self.opt.allow_mass_delete:
                who = ", ".join(f"“{a}” ({over[a]} data)" for a in authors)
                reason = f"penghapusan massal oleh {who}; menunggu konfirmasi penghapusan massal"
                self.report.held[d] = reason
                with self.db.session() as s:
                    peer = s.get(SyncPeer, d) or SyncPeer(device_id=d, applied_seq=got.applied, bundle_seq=0)
                    peer.held = reason
                    s.add(peer)
                continue
            pending[d] = _Pending(got.entries, got.bundles)
        return pending

    def _quarantine(self, device: str, name: str, data: bytes, reason: str) -> None:
        path = f"{P.bundles_dir(device)}/{name}"
        folder = self.db.data_dir / "sync" / "quarantine" / device
        folder.mkdir(parents=True, exist_ok=True)
        local = folder / name
        local.write_bytes(data)
        self.report.quarantined.append(f"{path}: {reason}")
        self.report.waiting[device] = "kiriman rusak dikarantina; kiriman berikutnya menunggu"
        with self.db.session() as s:
            exists = s.execute(select(SyncQuarantine.id).where(
                SyncQuarantine.store_url == self.remote.display, SyncQuarantine.path == path,
                SyncQuarantine.sha256 == P.sha256(data))).first()
            if not exists:
                s.add(SyncQuarantine(store_url=self.remote.display, path=path, device_id=device,
                                     sha256=P.sha256(data), reason=reason, local_path=str(local)))
        log.warning("quarantined %s: %s", path, reason)

    def _apply(self, pending: dict[str, _Pending], total: int) -> None:
        self._phase_started = time.monotonic()
        applied_seq: dict[str, int] = {}
        with self.db.reader() as s:
            for p in s.scalars(select(SyncPeer)):
                applied_seq[p.device_id] = p.applied_seq
        me = self.me

        def processed(version: str) -> bool:
            dev, _, seq_text = version.rpartition(":")
            if dev == me:
                return True
            try:
                seq = int(seq_text)
            except ValueError:
                return False
            if seq <= applied_seq.get(dev, 0):
                return True
            pend = pending.get(dev)
            return pend is not None and seq in pend.done

        done_total = 0
        waiting: dict[str, str] = {}
        progress = True
        while progress:
            progress = False
            self._check_cancel()
            with self.db.session() as s:
                merger = Merger(s, processed=processed, log_high=lambda s=s: log_high_water(s), roster=self.roster)
                budget = self.opt.batch
                for d in sorted(pending):
                    pend = pending[d]
                    while pend.pos < len(pend.entries) and budget > 0:
                        e = pend.entries[pend.pos]
                        if e.seq in pend.done or e.seq <= applied_seq.get(d, 0):
                            pend.pos += 1
                            continue
                        out = merger.apply(e, trusted=e.by_root)
                        if out.kind == WAIT and out.row_id:
                            ahead = self._look_ahead(merger, pend, out.row_id)
                            if ahead:
                                progress = True
                                budget -= ahead
                                done_total += ahead
                                continue
                        if out.kind == WAIT:
                            waiting[d] = out.reason
                            break
                        waiting.pop(d, None)
                        pend.done.add(e.seq)
                        pend.pos += 1
                        budget -= 1
                        done_total += 1
                        progress = True
                        self._count(out.kind, out.conflicts)
                    self._advance(s, d, pend, applied_seq)
                record_knowledge(s)
            self._emit("menerapkan", done_total, total, msg="Menerapkan perubahan")
        for d, reason in waiting.items():
            self.report.waiting[d] = reason

    def _look_ahead(self, merger: Merger, pend: _Pending, row_id: str) -> int:
        """Apply the same device's later insert of ``row_id`` first (an FK made in one flush)."""
        for i in range(pend.pos + 1, len(pend.entries)):
            e = pend.entries[i]
            if e.op == "insert" and e.row == row_id and e.seq not in pend.done:
                out = merger.apply(e, trusted=e.by_root)
                if out.kind == WAIT:
                    return 0
                pend.done.add(e.seq)
                self._count(out.kind, out.conflicts)
                return 1
        return 0

    def _count(self, kind: str, conflicts: int) -> None:
        if kind in (APPLIED, NOOP):
            self.report.applied += 1 if kind == APPLIED else 0
        elif kind == CONFLICT:
            self.report.applied += 1
            self.report.conflicts += conflicts
        elif kind == REFUSED:
            self.report.refused += 1

    def _advance(self, s: Any, device: str, pend: _Pending, applied_seq: dict[str, int]) -> None:
        cur = applied_seq.get(device, 0)
        while cur + 1 in pend.done:
            cur += 1
        peer = s.get(SyncPeer, device)
        if peer is None:
            peer = SyncPeer(device_id=device, applied_seq=0, bundle_seq=0)
            s.add(peer)
        if cur != peer.applied_seq:
            peer.applied_seq = cur
            peer.held = None
        for last, sha in pend.bundles:
            if last <= cur and last > (peer.bundle_seq or 0):
                peer.bundle_seq, peer.bundle_sha256 = last, sha
        applied_seq[device] = cur

    # ------------------------------------------------------------------ files

    def missing_files(self) -> list[str]:
        with self.db.reader() as s:
            shas = {sha for (sha,) in s.execute(select(Attachment.sha256).where(Attachment.deleted.is_(False)))}
            shas |= {sha for (sha,) in s.execute(select(Document.sha256).where(Document.deleted.is_(False)))}
        return sorted(sha for sha in shas if P.is_sha256(sha) and not self.db.blobs.exists(sha))

    def _fetch_missing_files(self) -> None:
        missing = self.missing_files()
        if not missing:
            return
        self._phase_started = time.monotonic()
        index = _RemoteIndex(self)
        cache = self.db.data_dir / "sync" / "chunks"
        for n, sha in enumerate(missing, 1):
            self._check_cancel()
            self._emit("mengunduh", n, len(missing), msg="Mengunduh berkas")
            ok = False
            if index.size(P.manifest_path(sha)) is not None:
                raw = self._read(P.manifest_path(sha))
                try:
                    chunks = P.decode_manifest(raw or b"", sha)
                except P.BundleError as exc:
                    log.warning("bad chunk list for %s: %s", sha, exc)
                    chunks = []
                parts: list[bytes] = []
                for csha, _size in chunks:
                    local = cache / csha
                    if local.is_file() and P.sha256(local.read_bytes()) == csha:
                        parts.append(local.read_bytes())
                        continue
                    piece = self._read(P.chunk_path(csha))
                    if piece is None or P.sha256(piece) != csha:
                        parts = []
                        break
                    cache.mkdir(parents=True, exist_ok=True)
                    local.write_bytes(piece)
                    parts.append(piece)
                if chunks and len(parts) == len(chunks):
                    data = b"".join(parts)
                    if P.sha256(data) == sha:
                        self.db.blobs.put_bytes(data)
                        ok = True
                        for csha, _size in chunks:
                            (cache / csha).unlink(missing_ok=True)
            elif index.size(P.chunk_path(sha)) is not None:
                data = self._read(P.chunk_path(sha))
                if data is not None and P.sha256(data) == sha:
                    self.db.blobs.put_bytes(data)
                    ok = True
            if ok:
                self.report.files_fetched += 1
            else:
                self.report.files_missing += 1


class _RemoteIndex:
    """Sizes of objects in chunks/ and files/, from one listing per folder (cached for a run)."""

    def __init__(self, engine: SyncEngine) -> None:
        self.engine = engine
        self._dirs: dict[str, dict[str, int | None]] = {}
        self._top: set[str] | None = None
        self._lock = threading.Lock()

    def _listing(self, folder: str) -> dict[str, int | None]:
        with self._lock:
            if folder in self._dirs:
                return self._dirs[folder]
        if folder.startswith(P.CHUNKS_DIR + "/"):
            if self._top is None:
                top = set(self.engine._retry(lambda: self.engine.remote.list_dirs(P.CHUNKS_DIR), "list chunks"))
                with self._lock:
                    self._top = top
            if folder.rsplit("/", 1)[1] not in self._top:
                with self._lock:
                    self._dirs[folder] = {}
                return {}
        items = self.engine._retry(lambda: self.engine.remote.list(folder), f"list {folder}")
        with self._lock:
            self._dirs[folder] = items
        return items

    def size(self, path: str) -> int | None:
        folder, _, name = path.rpartition("/")
        return self._listing(folder).get(name)


def _signed_groups(rows: list[ChangeLog]) -> list[list[ChangeLog]]:
    """Split a run of entries into their signature groups (an unsigned entry is a group of its own)."""
    groups: list[list[ChangeLog]] = []
    pending: list[ChangeLog] = []
    for r in rows:
        pending.append(r)
        if r.sig:
            n = max(1, min(int(r.sig.get("n") or 1), len(pending)))
            groups.extend([x] for x in pending[:-n])
            groups.append(pending[-n:])
            pending = []
    groups.extend([x] for x in pending)
    return groups


def _first_unsigned(rows: list[ChangeLog]) -> int:
    """Index (in signature groups) of the first group that carries no signature."""
    for i, group in enumerate(_signed_groups(rows)):
        if not group[-1].sig:
            return i
    return len(_signed_groups(rows))


def _refers_to_file(group: list[ChangeLog]) -> bool:
    return any(r.table_name in BLOB_TABLES and P.is_sha256(((r.changes or {}).get("sha256") or [None, None])[1])
               for r in group)


def _bundle_parts(rows: list[ChangeLog]) -> list[list[ChangeLog]]:
    """Bundles of at most BUNDLE_MAX_ENTRIES entries that never split a signature group.

    A group that refers to a file (an attachment, a signed document) starts a bundle of its own,
    so changes made before it are sent without waiting for the file to be uploaded.
    """
    parts: list[list[ChangeLog]] = []
    part: list[ChangeLog] = []
    part_has_file = False
    for group in _signed_groups(rows):
        has_file = _refers_to_file(group)
        if part and (len(part) + len(group) > P.BUNDLE_MAX_ENTRIES or (has_file and not part_has_file)):
            parts.append(part)
            part, part_has_file = [], False
        part.extend(group)
        part_has_file = part_has_file or has_file
    if part:
        parts.append(part)
    return parts


def _looks_like_device(name: str) -> bool:
    try:
        uuid.UUID(name)
    except ValueError:
        return False
    return True


def sync_once(db: Database, remote: Remote, options: SyncOptions | None = None, **kwargs: Any) -> SyncReport:
    return SyncEngine(db, remote, options, **kwargs).run()


__all__ = [
    "DeviceClash",
    "MassDeletionPending",
    "StoreIdentityChanged",
    "SyncCancelled",
    "SyncEngine",
    "SyncOptions",
    "SyncProgress",
    "SyncReport",
    "sync_once",
]
