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

import gc
import itertools
import json
import logging
import threading
import time
import uuid
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import func, insert, select, update

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.people_here import people_here
from kinerja_desktop.services.trust_service import (
    Roster,
    accept_cards,
    accept_roster,
    current_cards,
    current_roster,
    pinned_root,
    verify_card,
)
from kinerja_desktop.store import signing
from kinerja_desktop.store.changelog import device_id, freezes
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import MODEL_BY_TABLE, ChangeLog, LocalMeta, utcnow
from kinerja_desktop.store.partitions import Partitioner, valid_part
from kinerja_desktop.store.sync_models import (
    SyncOutbox,
    SyncPartOutbox,
    SyncPeer,
    SyncQuarantine,
    SyncStore,
    SyncStoreObject,
)
from kinerja_desktop.sync import heads as H
from kinerja_desktop.sync import part_spill, probe, trust
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync import scope as scoping
from kinerja_desktop.sync.ahead import DEPTH as AHEAD_DEPTH
from kinerja_desktop.sync.ahead import AheadChecker, Checked, decode_stream, stream_device, stream_part, stream_verdicts
from kinerja_desktop.sync.merge import APPLIED, CONFLICT, NOOP, REFUSED, WAIT, MergeMemo, Merger, log_high_water
from kinerja_desktop.sync.own_replay import finish_own_replay, own_replay_upto
from kinerja_desktop.sync.remote import Remote, RemoteAuthError, RemoteUnavailable
from kinerja_desktop.sync.replica import knowledge_at, record_knowledge, set_meta

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Tables whose rows name a file by its SHA-256 (column ``sha256``): evidence, signed sheets, certificates.
BLOB_TABLES = frozenset(t for t, m in MODEL_BY_TABLE.items() if "sha256" in m.__table__.c)
#: Change-log entries read at once when packing bundles (memory stays flat however long the log).
PACK_WINDOW = 20_000
#: A piece of a file should take about this long to send (see SyncEngine._piece_size).
PIECE_SECONDS = 2.0
#: ``local_meta``: {device: why its changes wait} after the last pull.
WAITING_KEY = "sync.waiting"
#: {device: number}: the receipts this central replica has written (see SyncEngine._write_receipts).
RECEIPTS_KEY = "sync.receipts_written"
#: Last sequence number of this device packed into partition bundles (see sync.scope), per device id.
PART_PACKED_KEY = "sync.part_packed"
#: Up to this many objects, ask the store about each (a small request, or a read that may find
#: nothing) instead of listing the folders they are in: a listing of ``chunks/`` or ``parts/``
#: grows with the whole office (180 KB of WebDAV XML for 256 chunk folders, 20 s at 64 kbit/s),
#: while a staff PC's daily sync touches one file and one or two partitions.
FEW_OBJECTS = 16
#: What a PC that holds a scope reads ahead of applying, at most (see SyncEngine._read_ahead).
READ_AHEAD_BYTES = 8 * 1024 * 1024
#: During a large pull Python's cycle collector makes a young-generation pass every this many new
#: objects instead of every 700 (see :func:`_fewer_collections`).
LARGE_PULL_GC_YOUNG = 50_000


class _LogRow(NamedTuple):
    """What a bundle carries of a change-log row (see SyncEngine._entry_of), read as a plain row: packing is
    most of a founding push's work, and ORM objects (or SQLAlchemy rows, by name) cost several times more."""

    id: int
    device_id: str
    seq: int
    table_name: str
    row_id: str
    op: str
    changes: dict[str, Any] | None
    base_versions: dict[str, Any] | None
    user: str | None
    role: str | None
    at: datetime | None
    clock: dict[str, Any] | None
    sig: dict[str, Any] | None
    part: str | None


_LOG_COLUMNS = tuple(ChangeLog.__table__.c[name] for name in _LogRow._fields)


def _log_rows(s: Any, *where: Any, limit: int | None = None) -> list[_LogRow]:
    """Change-log rows that match ``where``, in sequence order."""
    query = select(*_LOG_COLUMNS).where(*where).order_by(ChangeLog.seq)
    if limit is not None:
        query = query.limit(limit)
    return [_LogRow._make(r) for r in s.execute(query)]


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
    #: Tries of the first request of a run (the store's identity) before the run says it is unreachable.
    first_contact_tries: int = 3
    workers: int = 4
    push: bool = True
    pull: bool = True
    #: Entries applied per transaction.
    batch: int = 1000
    #: ... in a large pull: fewer commits (each waits for the disk); the write lock is still let go
    #: every few seconds.
    large_batch: int = 10_000
    #: Size of the pieces files are sent in; None: by the measured speed of the link (64 or 256 KiB).
    piece_size: int | None = None
    #: Read every device's full stream whatever the PC's people (the central office's replica).
    full_scope: bool = False
    #: New rows that need nothing but an insert are written together per transaction (see
    #: ``merge.Merger``); False applies every change in a flush of its own (the reference the
    #: equivalence test and the ingest benchmark compare against).
    batched_inserts: bool = True
    #: A pull of at least this many changes (a central replica catching up, a new PC's first sync of
    #: a large scope) is large: a second process checks the signatures of the bundles ahead of the
    #: one being applied (see :mod:`.ahead`) and ``large_batch`` entries go in one transaction.
    #: None: no pull is.
    large_pull: int | None = 50_000
    #: A PC that holds a scope lists every folder of it, whatever their heads say, when its last such
    #: full listing is older than this many seconds (see sync.heads: what bounds a missed head).
    full_listing_every: float = 24 * 3600.0


@dataclass
class SyncProgress:
    phase: str
    items_done: int = 0
    items_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0
    eta_seconds: float | None = None
    message: str = ""


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run a large pull with Python's cycle collector passing over young objects less often.

    A large pull keeps hundreds of thousands of objects alive (the merge's memo, the rows it holds)
    and makes millions more that die young; every tenth pass over the young reaches the middle
    generation, and those that reach the oldest walk every live object. With the default threshold
    (700 new objects) that was a third of the central replica's CPU: 400,000 changes into
    PostgreSQL took 69.4 s (49.1 s CPU), 55.1 s (34.2 s CPU) at 50,000, with peak memory 273 and
    276 MB (tests/bench/bench_ingest.py). The setting is the process's; it is put back when the pull
    ends, however it ends (in the desktop app the GUI thread's collector, ui/collector.py, reads the
    same thresholds, so it too passes over young objects less often meanwhile).
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], LARGE_PULL_GC_YOUNG), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@dataclass
class SyncReport:
    store: str = ""
    store_id: str = ""
    device: str = ""
    bundles_pushed: int = 0
    #: Partition bundles sent (the same changes once more, for PCs that hold a scope).
    part_bundles_pushed: int = 0
    entries_pushed: int = 0
    chunks_uploaded: int = 0
    chunks_skipped: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    bundles_pulled: int = 0
    #: Bundles whose signatures a second process checked ahead of applying them (see sync.ahead).
    checked_ahead: int = 0
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
    #: What this PC holds: {"full": bool, "partitions": n, "records": n} (sync.scope).
    scope: dict[str, Any] = field(default_factory=dict)
    #: Records removed because they left this PC's scope.
    purged: int = 0
    #: Long-term validation of signed documents before the push (documents/long_term_documents.LongTermRun).
    long_term: dict[str, Any] = field(default_factory=dict)

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
        if self.long_term.get("extended"):
            parts.append(f"keabsahan {self.long_term['extended']} dokumen bertanda tangan diperpanjang (LTV)")
        if self.long_term.get("failed"):
            parts.append(f"LTV gagal untuk {len(self.long_term['failed'])} dokumen")
        return "Sinkronisasi selesai: " + "; ".join(parts) + f" ({self.seconds:.1f} dtk)."


class _Listed(NamedTuple):
    """A bundle on the store, from its name."""

    last: int
    sha: str
    name: str
    #: Its size as listed (None: not told).
    size: int | None = None


@dataclass
class _PeerState:
    """What this replica applied of another device: up to ``applied``; its newest bundle taken."""

    applied: int = 0
    tip_seq: int = 0
    tip_sha: str | None = None


@dataclass
class _Chain:
    """One device's verified new bundles, applied one bundle at a time as they arrive.

    Every bundle taken is kept in the local cache (``<data>/sync/inbox``, named by its hash) until
    it is applied, so a cut pull keeps what it downloaded; only the bundle being applied is held
    in memory (``entries``, dropped again while the device waits), so memory does not grow with
    the number of devices or bundles.
    """

    #: The stream: another device's id (its full stream), or ``<partition>/<device>``.
    device: str
    #: Verified bundles waiting in the cache, in chain order (after ``current``).
    queued: deque[_Listed] = field(default_factory=deque)
    current: _Listed | None = None
    entries: list[P.Entry] | None = None
    pos: int = 0
    #: Sequence numbers processed ahead of the contiguous applied prefix (an FK made in one flush).
    done: set[int] = field(default_factory=set)
    #: Deletions per author in the bundles taken from the first one with a deletion on; such a
    #: device waits for the mass-deletion check, which needs every device's count first.
    deletes: Counter[str] = field(default_factory=Counter)
    deferred: bool = False
    waiting: str = ""

    def has_work(self) -> bool:
        return self.current is not None or bool(self.queued)

    @property
    def part(self) -> str | None:
        return stream_part(self.device)


@dataclass
class _BlobPlan:
    """A file still to be sent."""

    sha: str
    size: int

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
                 cancel: threading.Event | None = None,
                 before_push: Callable[[Callable[[int, int, str], None]], dict[str, Any]] | None = None) -> None:
        """``before_push(progress)``: a step run once the store answered and before this PC's changes are
        sent, so what it changes goes out in the same run (the long-term validation of signed documents,
        documents/long_term_documents.py); it reports a dict (``report.long_term``) and must not raise."""
        self.db = db
        self._before_push = before_push
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
        self._rate: float | None = None
        # pull: per device, what is applied here and the chain being applied (see _Chain)
        self._applied_seq: dict[str, int] = {}
        self._chains: dict[str, _Chain] = {}
        self._applied_now = 0
        self._expected = 0
        self._part_now: str | None = None
        #: What the mergers of this run's transactions learn once (see merge.MergeMemo).
        self._memo = MergeMemo()
        #: Rows entries waited for in this pull (a scoped PC reads the roster entries they name).
        self._awaited: set[str] = set()
        self._partitioner: Partitioner | None = None
        self._partitioned: bool | None = None
        #: After a restore: this device's own stream is re-applied up to this number (sync.own_replay).
        self._replay_upto: int | None = None
        #: Bundles read ahead in parallel for a PC that holds a scope: (stream, name) -> bytes.
        self._ahead: dict[tuple[str, str], bytes] = {}
        #: Checks the signatures of the bundles ahead in a second process during a large pull.
        self._checker: AheadChecker | None = None
        self._batch = self.opt.batch
        #: The folder heads seen (sync.heads), on a store whose writers keep them; loaded by the pull.
        self._headbook: H.HeadBook | None = None
        self._keeps_heads: bool | None = None
        self._heads_lock = threading.Lock()  # the first reader threads of a pull load them once
        #: This device's bundles on the store as listed by the push's first step (its second one reuses it).
        self._own_listing: dict[str, int | None] | None = None

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

    def _retry(self, fn: Callable[[], T], what: str, tries: int | None = None) -> T:
        delay = self.opt.retry_base
        tries = tries or self.opt.retry_tries
        for attempt in range(tries):
            self._check_cancel()
            try:
                return fn()
            except RemoteAuthError:
                raise
            except RemoteUnavailable as exc:
                if attempt == tries - 1:
                    raise
                with self._lock:
                    self.report.retries += 1
                log.info("%s failed (%s); retrying in %.2fs", what, exc, delay)
                self._emit("menunggu", attempt + 1, tries, msg=f"Penyimpanan belum terjangkau; mencoba lagi dalam "
                                                              f"{max(1, round(delay))} detik (percobaan {attempt + 2} "
                                                              f"dari {tries})")
                if self.cancel.wait(delay):
                    self._check_cancel()
                delay = min(delay * 2, self.opt.retry_max)
        raise AssertionError("unreachable")  # pragma: no cover

    def _read(self, path: str, tries: int | None = None, *, sha: str | None = None) -> bytes | None:
        """An object's bytes (None: not on the store). With ``sha`` (an object whose name fixes its
        content) the download resumes where a cut left it: see :meth:`_read_resumable`."""
        if sha is not None:
            return self._read_resumable(path, sha, tries)

        def go() -> bytes | None:
            try:
                return self.remote.read(path)
            except FileNotFoundError:
                return None

        data = self._retry(go, f"read {path}", tries)
        if data is not None:
            with self._lock:
                self.report.bytes_down += len(data)
        return data

    def _read_resumable(self, path: str, sha: str, tries: int | None) -> bytes | None:
        """Download into ``<data>/sync/partial/<sha>``, each attempt (and each later run) asking only for
        the bytes not yet there (an HTTP range request; a server without ranges sends it all again).

        The bytes are checked against ``sha`` at the end: a copy pieced together wrongly is dropped
        and fetched whole once; a store copy that does not match its name is returned as it is, for
        the caller to refuse (quarantine, or "file missing").
        """
        partial = self.db.data_dir / "sync" / "partial" / f"{sha}.part"
        partial.parent.mkdir(parents=True, exist_ok=True)

        def go() -> bool:
            with open(partial, "ab") as sink:
                offset = sink.tell()
                try:
                    self.remote.read_into(path, sink, offset)
                except FileNotFoundError:
                    return False
                finally:
                    sink.flush()
                    got = sink.tell() - offset
                    if got > 0:
                        with self._lock:
                            self.report.bytes_down += got
            return True

        found: bool | None = None
        try:
            found = self._retry(go, f"read {path}", tries)
        finally:  # a cut keeps what arrived for the next attempt or run
            if found is False or (partial.is_file() and not partial.stat().st_size):
                partial.unlink(missing_ok=True)
        if not found:
            return None
        data = partial.read_bytes()
        partial.unlink(missing_ok=True)
        if P.sha256(data) != sha:
            log.warning("resumed download of %s does not match its hash; fetching it whole", path)
            return self._read(path, tries)
        return data

    def _write(self, path: str, data: bytes, tries: int | None = None) -> None:
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
            started = time.monotonic()
            self.remote.write(path, data)
            if len(data) >= 16 * 1024:
                self._measured(len(data), time.monotonic() - started)

        self._retry(go, f"write {path}", tries)
        with self._lock:
            self.report.bytes_up += len(data)

    def _measured(self, size: int, seconds: float) -> None:
        """Keep an estimate of how fast one request moves bytes (for the piece size of files)."""
        rate = size / max(seconds, 1e-6)
        with self._lock:
            self._rate = rate if self._rate is None else 0.7 * self._rate + 0.3 * rate

    def _piece_size(self) -> int:
        """Pieces a request sends in about PIECE_SECONDS: small on a slow link (a cut costs at most
        one piece), up to ``P.CHUNK_SIZE_MAX`` on a fast one (fewer requests); small until measured."""
        if self.opt.piece_size:
            return self.opt.piece_size
        with self._lock:
            rate = self._rate
        if rate is None:
            return P.CHUNK_SIZE
        return P.CHUNK_SIZE_MAX if rate * PIECE_SECONDS >= P.CHUNK_SIZE_MAX else P.CHUNK_SIZE

    # ------------------------------------------------------------------ run

    def run(self) -> SyncReport:
        self._started = time.monotonic()
        with self.db.session() as s:
            self.me = device_id(s)
        self.report.device = self.me
        try:
            self._check_identity()
            self._check_listing()
            if self._before_push is not None and self.opt.push:
                self._phase_started = time.monotonic()
                self.report.long_term = self._before_push(
                    lambda done, total, msg: self._emit("validasi jangka panjang", done, total, msg=msg))
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
        # the first contact gives up soon: a store that is not there is said in seconds, not minutes
        raw = self._read(P.IDENTITY_PATH, tries=self.opt.first_contact_tries)
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
            self._write(P.PARTS_MARKER, P.dumps({"layout": P.PART_FORMAT, "heads": H.HEADS_FORMAT,
                                                 "since": ident["created_at"]}).encode())
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

    def _check_listing(self) -> None:
        """Once per store on this PC: does the store list nested folders (see sync.probe)?"""
        key = probe.checked_key(self.store_id, self.remote.display)
        if self.db.meta(key) is True:
            return
        probe.check_listing(self.remote, self.me, self._retry, self._write)
        self.db.set_meta(key, True)

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
        try:
            self._push_full()
        finally:
            if self._store_is_partitioned():
                self._make_part_bundles()
                owed = self._owe_heads()
                self._push_parts()
                self._write_heads(owed)
            else:  # an old store: nobody reads partitions (once migrated, they are packed from the log)
                self._spill().remove()

    def _push_full(self) -> None:
        remote_names, self._own_listing = self._own_listing, None  # listed a moment ago by _check_device_clash
        if remote_names is None:
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
        may_exist = self._may_exist(sum(1 for p in plans.values() if p))
        try:
            for b in outbox:
                self._check_cancel()
                self._upload_blobs([plans.pop(sha) for sha in (b.blobs or []) if plans.get(sha)], may_exist)
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

    # ------------------------------------------------------------------ partitions (sync.scope)

    def _store_is_partitioned(self) -> bool:
        """Does the store keep changes per partition too (new stores; old ones once migrated)?"""
        if getattr(self, "_partitioned", None) is None:
            self._partitioned = self.db.meta(f"sync.parts.{self.store_id}") is True
            if not self._partitioned:
                raw = self._read(P.PARTS_MARKER, tries=2)
                self._partitioned = raw is not None
                if self._partitioned:
                    self.db.set_meta(f"sync.parts.{self.store_id}", True)
        return bool(self._partitioned)

    def _make_part_bundles(self) -> None:
        """Pack what was sent in full bundles once more, per partition, for PCs that hold a scope.

        The changes come from the spill file the outbox packing filled with the very JSON lines of the
        device's bundles (see sync.part_spill); only bundles it lacks (packed by an older version, or
        before a restore) are read from the log again. Entries go in the order of the device's stream;
        a signature group that spans partitions (history from before scoped sync) travels whole: the
        members of other partitions as stubs (their digest and signature only).
        """
        with self.db.session() as s:
            packed = int(self.db.meta(f"{PART_PACKED_KEY}.{self.me}") or 0)
            upto = s.execute(select(func.max(SyncOutbox.last_seq))).scalar() or 0
            if upto <= packed:
                return
            with self._spill() as spill:
                self._fill_spill(s, spill, packed, upto)
                touched = spill.parts(self.me)
                # what is already in each partition (a device's history the central office migrated)
                tips: dict[str, tuple[int, str | None]] = {}
                for part, last, sha in s.execute(select(SyncPartOutbox.part, SyncPartOutbox.last_seq,
                                                        SyncPartOutbox.sha256).order_by(SyncPartOutbox.last_seq)):
                    tips[part] = (last, sha)
                existing = None
                for part in touched:
                    if part in tips:
                        continue
                    if existing is None:  # which partitions exist at all: one listing when many are new here
                        existing = set(self._retry(lambda: self.remote.list_dirs(P.PARTS_DIR), "list partitions")) \
                            if len(touched) > FEW_OBJECTS else None
                    if existing is not None and part not in existing:
                        continue
                    mine = [parsed for n in self._retry(lambda p=part: self.remote.list(P.part_dir(p)),
                                                        "list partition")
                            if (parsed := P.parse_part_bundle_name(n)) and parsed[0] == self.me]
                    if mine:
                        _dev, last, sha = max(mine, key=lambda x: x[1])
                        tips[part] = (last, sha)
                created = datetime.now(UTC).isoformat(timespec="seconds")
                written: list[dict[str, Any]] = []
                for part in touched:
                    after, prev = tips.get(part, (0, None))
                    for batch in spill.batches(part, self.me, after_grp=after):
                        data, header = part_spill.encode(part, self.me, batch, prev, created)
                        written.append(self._write_part_bundle(data, header))
                        prev = written[-1]["sha256"]
                if written:
                    s.execute(insert(SyncPartOutbox), written)
                s.merge(LocalMeta(key=f"{PART_PACKED_KEY}.{self.me}", value=upto))
        spill = self._spill()  # packed for good: no longer needed
        spill.forget(self.me, 0, upto)
        if spill.empty(self.me):
            spill.remove()
        else:
            spill.close()

    def _spill(self) -> part_spill.PartSpill:
        path = self.db.data_dir / "sync" / "parts-spill.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        return part_spill.PartSpill(path)

    def _fill_spill(self, s: Any, spill: part_spill.PartSpill, packed: int, upto: int) -> None:
        """Make the spill hold exactly this device's entries in (packed, upto]: the outbox packing put
        them there; the outbox bundles it does not know are read from the log again."""
        spill.forget(self.me, 0, packed)
        spill.forget(self.me, upto)
        have = spill.bundles(self.me)
        parts = Partitioner(s)
        for sha, first_seq, last in s.execute(select(SyncOutbox.sha256, SyncOutbox.first_seq, SyncOutbox.last_seq)
                                              .where(SyncOutbox.last_seq > packed)
                                              .order_by(SyncOutbox.last_seq)).all():
            if sha in have:
                continue
            rows = _log_rows(s, ChangeLog.device_id == self.me, ChangeLog.seq.between(max(first_seq, packed + 1), last))
            if not rows:
                continue
            made = {r.seq: self._entry_of(s, r) for r in rows}
            lines = {seq: P.dumps(e.to_json()) for seq, e in made.items()}
            self._spill_bundle(spill, parts, rows, made, lines, sha)

    def _spill_bundle(self, spill: part_spill.PartSpill, parts: Partitioner, rows: list[_LogRow],
                      made: dict[int, P.Entry], lines: dict[int, str], sha: str) -> None:
        """Put the entries of one device bundle (its JSON lines) into the spill, under their partitions."""
        def member(r: Any) -> part_spill.Member:
            e = made[r.seq]
            return part_spill.Member(
                r.seq, r.part or parts.of(r.table_name, r.row_id), lines[r.seq],
                part_spill.blob_of(e.table, e.changes, BLOB_TABLES),
                lambda: P.Stub(self.me, e.seq, e.user, e.digest().hex(), dict(e.sig) if e.sig else None))

        spill.forget(self.me, rows[0].seq - 1, rows[-1].seq)
        spill.add_groups(self.me, ([member(r) for r in g] for g in _signed_groups(rows)), None)
        spill.record_bundle(self.me, sha, rows[0].seq, rows[-1].seq)

    def _write_part_bundle(self, data: bytes, header: P.PartHeader) -> dict[str, Any]:
        """Keep a partition bundle in the outbox; returns its ``sync_part_outbox`` row."""
        digest = P.sha256(data)
        name = P.part_bundle_name(self.me, header.last_seq, digest)
        folder = self._outbox_dir() / "parts" / header.part
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / (name + ".part")
        tmp.write_bytes(data)
        tmp.replace(folder / name)
        return {"part": header.part, "last_seq": header.last_seq, "first_seq": header.first_seq, "sha256": digest,
                "prev_sha256": header.prev, "name": name, "size": len(data), "count": header.count}

    def _push_parts(self) -> None:
        """Send the partition bundles not yet on this store, in order per partition, several at a time."""
        with self.db.reader() as s:
            todo = [(b.part, b.name, b.last_seq, b.size) for b in s.scalars(
                select(SyncPartOutbox).where((SyncPartOutbox.sent_to.is_(None))
                                             | (SyncPartOutbox.sent_to != self.store_id))
                .order_by(SyncPartOutbox.part, SyncPartOutbox.last_seq))]
        if not todo:
            return
        by_part: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for part, name, last, size in todo:
            by_part[part].append((name, last, size))

        # What was sent is noted a few seconds' worth at a time (one transaction, not one per bundle); a
        # run cut before a note sends those bundles again: same name, same bytes.
        sent: list[tuple[str, int]] = []
        noted = [time.monotonic()]

        def note(force: bool = False) -> None:
            with self._lock:
                if not sent or not (force or time.monotonic() - noted[0] >= 3.0):
                    return
                done = sent[:]
                sent.clear()
                noted[0] = time.monotonic()
            with self.db.session() as s:
                for part, last in done:
                    s.execute(update(SyncPartOutbox).where(SyncPartOutbox.part == part,
                                                           SyncPartOutbox.last_seq == last)
                              .values(sent_to=self.store_id))

        def send(part: str) -> None:
            for name, last, size in by_part[part]:
                self._check_cancel()
                local = self._outbox_dir() / "parts" / part / name
                if not local.is_file():  # a chain tip written by the store migration, not by this PC
                    continue
                data = local.read_bytes()
                self._write(f"{P.part_dir(part)}/{name}", data)
                with self._lock:
                    self._bytes_sent += size
                    self.report.part_bundles_pushed += 1
                    sent.append((part, last))
                note()

        workers = max(1, self.opt.workers)
        try:
            self._in_parallel(send, list(by_part), workers)
        finally:
            note(force=True)

    def _owe_heads(self) -> dict[str, int]:
        """The partitions this push writes into (and earlier pushes did without writing their head yet).

        Kept in ``local_meta`` before any bundle goes out, so a push cut between a bundle and its head
        writes the head in the next run (see sync.heads)."""
        key = f"sync.heads_owed.{self.store_id}"
        owed = {str(k): int(v) for k, v in (self.db.meta(key) or {}).items() if valid_part(str(k))}
        with self.db.reader() as s:
            for part, last, name in s.execute(select(SyncPartOutbox.part, SyncPartOutbox.last_seq, SyncPartOutbox.name)
                                              .where((SyncPartOutbox.sent_to.is_(None))
                                                     | (SyncPartOutbox.sent_to != self.store_id))):
                if (self._outbox_dir() / "parts" / part / name).is_file():  # (not a tip the migration wrote)
                    owed[part] = max(int(last), owed.get(part, 0))
        if owed:
            self.db.set_meta(key, owed)
        return owed

    def _write_heads(self, owed: dict[str, int]) -> None:
        """After the partition bundles went out: rewrite the head of each partition written into."""
        if not owed:
            return

        def write(part: str) -> None:
            folder = P.part_dir(part)
            data = H.head_bytes(folder, self.me, owed[part])
            # not _write: a head is rewritten in place, and an old head of the same size is not this one
            self._retry(lambda: self.remote.write(H.head_path(folder), data), f"write head of {part}")
            with self._lock:
                self.report.bytes_up += len(data)

        self._in_parallel(write, sorted(owed), max(1, self.opt.workers))
        self.db.set_meta(f"sync.heads_owed.{self.store_id}", None)

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
        names = self._own_listing = self._retry(lambda: self.remote.list(P.bundles_dir(self.me)), "list own bundles")
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
        """Pack this device's new signed changes into outbox bundles, PACK_WINDOW entries at a time
        (the log is never held in memory whole: a founding push packs millions of entries)."""
        with self.db.reader() as s:
            last = s.execute(select(func.max(SyncOutbox.last_seq))).scalar() or 0
            deletes = s.execute(select(func.count()).select_from(ChangeLog).where(
                ChangeLog.device_id == self.me, ChangeLog.seq > last, ChangeLog.op == "delete")).scalar() or 0
        if deletes > self.opt.mass_delete_threshold and not self.opt.allow_mass_delete:
            raise MassDeletionPending(
                f"{deletes} data akan dihapus sekaligus di semua komputer. Periksa dulu; jika memang "
                "disengaja, konfirmasi penghapusan massal.", code="sync.mass_delete")
        window: int | None = PACK_WINDOW
        with self._spill() as spill:
            while window:
                with spill.transaction():
                    window = self._pack_window(window, spill)

    def _pack_window(self, window: int, spill: part_spill.PartSpill) -> int | None:
        """Pack the next ``window`` entries at most; returns the window for the next call (None: done)."""
        with self.db.session() as s:
            last = s.execute(select(func.max(SyncOutbox.last_seq))).scalar() or 0
            prev = s.execute(select(SyncOutbox.sha256).where(SyncOutbox.last_seq == last)).scalar() if last else None
            rows = _log_rows(s, ChangeLog.device_id == self.me, ChangeLog.seq > last, limit=window)
            if not rows:
                return None
            # only a contiguous run can be sent (a gap would stall every receiver)
            run: list[_LogRow] = []
            for r in rows:
                if r.seq != last + len(run) + 1:
                    break
                run.append(r)
            more = len(rows) == window and len(run) == len(rows)
            if more:  # the window may end inside a signature group: its start waits for the next window
                end = max((i for i, r in enumerate(run) if r.sig), default=-1)
                if end < 0:
                    return window * 2  # one group longer than the window: read more at once
                run = run[:end + 1]
            # only signed changes are sent: no receiver applies an unsigned one, and it would
            # hold up everything after it (see changelog.sign_entries)
            signed = sum(len(g) for g in _signed_groups(run)[:_first_unsigned(run)])
            if signed < len(run):
                more = False
                self.report.unsigned = len(run) - signed
                log.warning("%d changes from seq %d on are not signed by their author; not sent",
                            len(run) - signed, run[signed].seq)
            run = run[:signed]
            if not run:
                return None
            self._outbox_dir().mkdir(parents=True, exist_ok=True)
            partitioner = Partitioner(s)
            made: dict[int, P.Entry] = {}
            lines: dict[int, str] = {}  # each entry is written as JSON once, however often its part is split
            parts = deque(_bundle_parts(run))
            while parts:
                part = parts.popleft()
                entries = [made.get(r.seq) or made.setdefault(r.seq, self._entry_of(s, r)) for r in part]
                for e in entries:
                    if e.seq not in lines:
                        lines[e.seq] = P.dumps(e.to_json())
                blobs: list[str] = []
                for e in entries:
                    if e.table in BLOB_TABLES:
                        sha = (e.changes.get("sha256") or [None, None])[1]
                        if P.is_sha256(sha) and sha not in blobs:
                            blobs.append(sha)
                header = P.BundleHeader(device=self.me, first_seq=part[0].seq, last_seq=part[-1].seq, prev=prev,
                                        count=len(part), blobs=blobs,
                                        created_at=datetime.now(UTC).isoformat(timespec="seconds"))
                data = P.encode_bundle_lines(header, (lines[e.seq] for e in entries))
                groups = _signed_groups(part)
                if len(groups) > 1 and self._split(parts, part, groups, len(data)):
                    continue
                digest = P.sha256(data)
                # the same lines, per partition, for the partition bundles (see _make_part_bundles)
                self._spill_bundle(spill, partitioner, part, made, lines, digest)
                for e in entries:
                    made.pop(e.seq, None)
                    lines.pop(e.seq, None)
                name = P.bundle_name(header.last_seq, digest)
                path = self._outbox_path(name)
                tmp = path.with_suffix(".part")
                tmp.write_bytes(data)
                tmp.replace(path)
                s.add(SyncOutbox(last_seq=header.last_seq, first_seq=header.first_seq, sha256=digest,
                                 prev_sha256=prev, name=name, size=len(data), count=len(part), blobs=blobs))
                prev = digest
        return PACK_WINDOW if more else None

    @staticmethod
    def _split(parts: deque[list[Any]], part: list[Any], groups: list[list[Any]], size: int) -> bool:
        """A bundle of ``size`` bytes is too big to cross a poor link between two cuts: split it (by signature
        groups) into as many parts as the size says, at once, rather than halving again and again."""
        if size <= P.BUNDLE_MAX_BYTES:
            return False
        pieces = min(len(groups), -(-size * 11 // (P.BUNDLE_MAX_BYTES * 10)))
        target = -(-len(part) // pieces)
        split: list[list[Any]] = [[]]
        for g in groups:
            if split[-1] and len(split[-1]) + len(g) > target:
                split.append([])
            split[-1].extend(g)
        parts.extendleft(reversed(split))
        return True

    def _entry_of(self, s: Any, r: _LogRow) -> P.Entry:
        """The bundle entry of a change-log row."""
        clock = r.clock
        if clock is None and freezes(r.table_name, r.changes or {}):
            clock = knowledge_at(s, r.id)  # an entry from before clocks were recorded at commit
        return P.Entry(device=r.device_id, seq=r.seq, table=r.table_name, row=r.row_id, op=r.op,
                       changes=dict(r.changes or {}), base=dict(r.base_versions or {}), user=r.user, role=r.role,
                       at=r.at.isoformat(timespec="seconds") if r.at else None, clock=clock, sig=r.sig,
                       part=r.part)

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
        if P.chunk_path(sha) in known or P.manifest_path(sha) in known:
            self.report.chunks_skipped += max(1, -(-size // P.CHUNK_SIZE))
            return None
        return _BlobPlan(sha, size)

    def _may_exist(self, files: int) -> Callable[[str], bool]:
        """May the store hold this object already (sent by another PC)? Asked once per push.

        Folders that did not exist when the push began hold nothing of another PC's: no need to ask the
        store about each file there (the chunk folders are at most 256; a first push, the slowest, then
        asks about none; what this push sent itself is in ``self._objects``). Up to FEW_OBJECTS files,
        each is asked about instead of listing folders.
        """
        if files <= FEW_OBJECTS:
            return lambda path: True
        top = set(self._retry(lambda: self.remote.list_dirs(""), "list store"))
        prefixes = set(self._retry(lambda: self.remote.list_dirs(P.CHUNKS_DIR), "list chunks")) \
            if P.CHUNKS_DIR in top else set()

        def may_exist(path: str) -> bool:
            folder = path.split("/", 2)
            if folder[0] == P.CHUNKS_DIR:
                return folder[1] in prefixes
            return folder[0] in top

        return may_exist

    def _upload_blobs(self, plans: list[_BlobPlan], may_exist: Callable[[str], bool]) -> None:
        """Upload files in pieces (several files in parallel), skipping what the store already has."""
        if not plans:
            return

        def upload_blob(plan: _BlobPlan) -> None:
            self._check_cancel()
            data = self.db.blobs.read_bytes(plan.sha)
            piece = self._piece_size()
            if piece > P.CHUNK_SIZE and self._objects.has(P.chunk_path(P.sha256(data[:P.CHUNK_SIZE]))):
                piece = P.CHUNK_SIZE  # begun in small pieces by a run before: finish it so
            try:
                send_blob(plan, data, piece)
            except RemoteUnavailable:
                if piece <= P.CHUNK_SIZE or len(data) <= P.CHUNK_SIZE:
                    raise
                # A big piece did not get through (a link cut more often than it takes): forget the
                # measured speed and send this file, and the next ones, in small pieces (an upload
                # cannot resume inside a piece: WebDAV has no standard partial PUT).
                log.info("piece of %d bytes for %s did not get through; small pieces now", piece, plan.sha)
                with self._lock:
                    self._rate = None
                send_blob(plan, data, P.CHUNK_SIZE)

        def send_blob(plan: _BlobPlan, data: bytes, piece: int) -> None:
            def tries(part: bytes) -> int | None:  # a big piece: once, then small pieces
                return 1 if len(part) > P.CHUNK_SIZE else None

            if len(data) <= piece:
                done_path = P.chunk_path(plan.sha)
                # one small request tells whether another PC sent the very same file already (no
                # listing of the chunk folders, whose size grows with the store)
                if not may_exist(done_path) or \
                        self._retry(lambda: self.remote.size(done_path), f"size {done_path}") != len(data):
                    self._write(done_path, data, tries(data))
                    self._sent_piece(len(data))
                else:
                    with self._lock:
                        self.report.chunks_skipped += 1
                self._objects.add(done_path)
                return
            done_path = P.manifest_path(plan.sha)
            if may_exist(done_path) and \
                    self._retry(lambda: self.remote.size(done_path), f"size {done_path}") is not None:
                with self._lock:  # complete (in whatever pieces its sender chose)
                    self.report.chunks_skipped += -(-len(data) // piece)
                self._objects.add(done_path)
                return
            chunks = []
            for i in range(0, len(data), piece):
                part = data[i:i + piece]
                csha = P.sha256(part)
                chunks.append((csha, len(part)))
                cpath = P.chunk_path(csha)
                if self._objects.has(cpath):
                    with self._lock:
                        self.report.chunks_skipped += 1
                    continue
                self._check_cancel()
                self._write(cpath, part, tries(part))
                self._objects.add(cpath)
                self._sent_piece(len(part))
            self._write(done_path, P.encode_manifest(plan.sha, len(data), chunks))
            self._objects.add(done_path)

        workers = max(1, self.opt.workers)
        if workers == 1 or len(plans) == 1:
            for plan in plans:
                upload_blob(plan)
            return
        self._in_parallel(upload_blob, plans, workers)

    def _in_parallel(self, fn: Callable[[Any], None], items: list[Any], workers: int) -> None:
        """Run ``fn`` over ``items`` on ``workers`` threads; the first failure stops the others and is raised."""
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kinerja-sync") as pool:
            futures = [pool.submit(fn, item) for item in items]
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
        """Fetch, verify and apply what other devices sent, bundle by bundle; then the files their rows refer to.

        Each verified bundle is kept in the local cache and applied as soon as it arrives (a
        device whose bundles carry deletions waits until every device was counted, see
        :meth:`_hold_mass_deletions`); what waits for another device is applied from the cache
        once that device has been read. A cut pull keeps everything it applied or cached.
        """
        self._phase_started = time.monotonic()
        self._emit("mengunduh", msg="Memeriksa kiriman perangkat lain")
        self.roster = current_roster(self.db)
        self._refresh_roster()
        self.roster = current_roster(self.db)
        self._replay_upto = own_replay_upto(self.db)
        for _round in range(3):
            scope = self._scope()
            self._pull_once(scope)
            # a record of the scope may name a person outside it (a plan made under a former
            # penilai): their roster entry is read too, and the records waiting for it then apply
            wanted = scoping.roster_entries_wanted(self.db, scope, self._awaited)
            if scope.full or (not wanted and self._scope().parts <= scope.parts):
                break
            self.report.waiting.clear()
            self._refresh_roster()  # the roster cards of the people newly in view (their keys, their line)
            self.roster = current_roster(self.db)
        self._save_heads()
        if self._replay_upto and finish_own_replay(self.db, self.me, self._replay_upto):
            self._replay_upto = None
        if not scope.full:
            self._purge(scope)
        elif scoping.is_central(self.db):
            self._write_receipts()
        self.report.scope = self._scope_report(scope)
        self._fetch_missing_files(scope)
        with self.db.session() as s:
            store = s.get(SyncStore, self.remote.display)
            if store is not None:
                store.last_pull_at = utcnow()
        # what waits, and why, for `kinerja sync status` and the app (until the next pull says otherwise)
        set_meta(self.db, WAITING_KEY, {**self.report.waiting, **self.report.held} or None)

    def _pull_once(self, scope: scoping.Scope) -> None:
        self._awaited = set()
        peers = self._peer_states()
        listings = self._new_bundles(peers) if scope.full else self._new_part_bundles(peers, scope)
        listings.update(self._own_bundles(peers))
        self._fetched, self._to_fetch = 0, sum(1 for d, items in listings.items() for it in items
                                              if it.last > peers[d].applied)
        self._applied_seq = {d: p.applied for d, p in peers.items()}
        self._chains = {}
        self._applied_now, self._expected = 0, sum(items[-1].last - peers[d].applied for d, items in listings.items())
        if self._expected > self.opt.backup_threshold and self.db.is_sqlite:
            backup = self.db.backup()
            self.report.backup = str(backup) if backup else None
        if not scope.full:
            self._read_ahead(listings, peers)
        large = self.opt.large_pull is not None and self._expected >= self.opt.large_pull
        self._batch = self.opt.large_batch if large else self.opt.batch
        self._checker = AheadChecker(self.roster) if large and AheadChecker.worth_it() else None
        with _fewer_collections() if large else nullcontext():
            try:
                for d, items in listings.items():
                    self._fetch_device(d, items, peers[d])
            finally:
                if self._checker is not None:
                    self._checker.close()
                self._checker = None
            self._hold_mass_deletions(self._chains)
            self._apply([c for c in self._chains.values() if c.has_work() and not c.deferred])
        for chain in self._chains.values():
            if chain.waiting and chain.has_work():
                self.report.waiting[chain.device] = chain.waiting
        self._chains = {}

    def _read_ahead(self, listings: dict[str, list[_Listed]], peers: dict[str, _PeerState]) -> None:
        """Read a scope's new bundles several at once (each is still checked when its turn comes).

        A scope is a few dozen small bundles: on a slow link with latency, one request at a time
        spends most of the time waiting. At most ``READ_AHEAD_BYTES`` (by the listed sizes) are
        held; the rest is read in turn.
        """
        todo: list[tuple[str, _Listed]] = []
        budget = READ_AHEAD_BYTES
        for stream, items in listings.items():
            for item in items:
                if item.last > peers[stream].applied and not self._inbox_path(stream, item.name).is_file():
                    size = item.size if item.size is not None else P.CHUNK_SIZE
                    if size > budget:
                        break
                    budget -= size
                    todo.append((stream, item))
        if len(todo) < 2 or self.opt.workers < 2:
            return

        def fetch(job: tuple[str, _Listed]) -> None:
            stream, item = job
            data = self._read(self._stream_path(stream, item.name))
            if data is not None:
                with self._lock:
                    self._ahead[(stream, item.name)] = data

        self._in_parallel(fetch, todo, self.opt.workers)

    def _peer_states(self) -> defaultdict[str, _PeerState]:
        with self.db.reader() as s:
            return defaultdict(_PeerState, {p.device_id: _PeerState(p.applied_seq, p.bundle_seq, p.bundle_sha256)
                                            for p in s.scalars(select(SyncPeer))})

    def _new_bundles(self, peers: dict[str, _PeerState]) -> dict[str, list[_Listed]]:
        """Per other device, its bundles on the store (sorted), when any is newer than what was applied."""
        devices = [d for d in self._retry(lambda: self.remote.list_dirs(P.DEVICES_DIR), "list devices")
                   if d != self.me and _looks_like_device(d)]
        listed: dict[str, list[str]] = {}

        def list_device(d: str) -> None:  # a store of many PCs: one listing each, several at once
            names = self._retry(lambda: self.remote.list(P.bundles_dir(d)), "list bundles")
            with self._lock:
                listed[d] = names

        self._in_parallel(list_device, sorted(devices), max(1, self.opt.workers))
        out: dict[str, list[_Listed]] = {}
        for d in sorted(devices):
            items = sorted(_Listed(*parsed, n) for n in listed[d] if (parsed := P.parse_bundle_name(n)))
            if items and items[-1].last > peers[d].applied:
                out[d] = items
        return out

    def _own_bundles(self, peers: dict[str, _PeerState]) -> dict[str, list[_Listed]]:
        """After a restore: this device's own bundles up to what it had sent, while not applied (sync.own_replay)."""
        if not self._replay_upto:
            return {}
        names = self._retry(lambda: self.remote.list(P.bundles_dir(self.me)), "list own bundles")
        upto = self._replay_upto
        items = sorted(_Listed(*parsed, n) for n in names if (parsed := P.parse_bundle_name(n)) and parsed[0] <= upto)
        return {self.me: items} if items and items[-1].last > peers[self.me].applied else {}

    def _scope(self) -> scoping.Scope:
        """What this PC holds: its people's scope on a partitioned store, else everything."""
        if self.opt.full_scope or not self._store_is_partitioned():
            return scoping.Scope(full=True)
        return scoping.scope_of(self.db)

    def _scope_report(self, scope: scoping.Scope) -> dict[str, Any]:
        out: dict[str, Any] = {"full": scope.full, "partitions": len(scope.parts),
                               "employees": len(scope.employees), "people": len(scope.people)}
        out["records"] = scoping.count_records(self.db)
        return out

    # ------------------------------------------------------------------ folder heads (sync.heads)

    def _store_keeps_heads(self) -> bool:
        """Do the store's writers keep folder heads (its layout marker says so; remembered once seen)?"""
        if self._keeps_heads is None:
            key = f"sync.heads_kept.{self.store_id}"
            self._keeps_heads = self.db.meta(key) is True
            if not self._keeps_heads:
                self._keeps_heads = H.keeps_heads(self._read(P.PARTS_MARKER, tries=2))
                if self._keeps_heads:
                    self.db.set_meta(key, True)
        return self._keeps_heads

    def _heads(self) -> H.HeadBook | None:
        """The heads this PC saw on this store, when the pull may rely on them."""
        with self._heads_lock:
            if self._headbook is None and not self.opt.full_scope and self._store_keeps_heads():
                self._headbook = H.HeadBook(self.db, self.store_id, self.opt.full_listing_every)
            return self._headbook

    def _read_head(self, path: str, etag: str | None) -> tuple[str | None, bytes | None, bool]:
        """(etag, content or None when unchanged, absent) of a folder's head."""
        def go() -> tuple[str | None, bytes | None, bool]:
            try:
                return (*self.remote.read_if_changed(path, etag), False)
            except FileNotFoundError:
                return None, None, True

        got = self._retry(go, f"read {path}")
        if got[1] is not None:
            with self._lock:
                self.report.bytes_down += len(got[1])
        return got

    def _unchanged(self, folders: list[str], settled: Callable[[str, Mapping[str, int]], bool]) -> set[str]:
        """Of ``folders``, those whose listing can be skipped: their head is the one seen at their last
        listing and all that listing showed is applied (``settled(folder, tips)``). Heads are read
        several at once."""
        if self._heads() is None:
            return set()
        same: set[str] = set()  # (on the periodic full listing the heads are read all the same, to be kept)

        def check(folder: str) -> None:
            if self._head_unchanged(folder, lambda tips: settled(folder, tips)):
                with self._lock:
                    same.add(folder)

        self._in_parallel(check, folders, max(1, self.opt.workers))
        return same

    def _head_unchanged(self, folder: str, settled: Callable[[Mapping[str, int]], bool]) -> bool:
        book = self._heads()
        return book is not None and book.read(folder, self._read_head, settled)

    def _listed(self, folder: str, tips: Mapping[str, int]) -> None:
        if self._headbook is not None:
            self._headbook.listed(folder, tips)

    def _save_heads(self) -> None:
        """Keep the heads read by this pull (its scope's partitions and roster cards) for the next one."""
        if self._headbook is not None:
            self._headbook.save()
            self._headbook = None

    def _new_part_bundles(self, peers: dict[str, _PeerState], scope: scoping.Scope) -> dict[str, list[_Listed]]:
        """Per stream (partition of another device) in this PC's scope, its bundles when any is new.

        A partition whose head says nothing was written since it was last listed here is not listed
        (sync.heads)."""
        out: dict[str, list[_Listed]] = {}
        listed: dict[str, dict[str, int | None]] = {}

        def list_part(part: str) -> None:  # several at once: on a slow link each costs a round trip
            names = self._retry(lambda: self.remote.list(P.part_dir(part)), "list partition")
            with self._lock:
                listed[part] = names

        def settled(folder: str, tips: Mapping[str, int]) -> bool:
            part = folder.rpartition("/")[2]
            return all(peers[f"{part}/{dev}"].applied >= last for dev, last in tips.items())

        same = self._unchanged([P.part_dir(p) for p in sorted(scope.parts)], settled)
        todo = [p for p in sorted(scope.parts) if P.part_dir(p) not in same]
        self._in_parallel(list_part, todo, max(1, self.opt.workers))
        for part in todo:
            names = listed[part]
            per_dev: dict[str, list[_Listed]] = defaultdict(list)
            for n in names:
                parsed = P.parse_part_bundle_name(n)
                if parsed and parsed[0] != self.me:
                    per_dev[parsed[0]].append(_Listed(parsed[1], parsed[2], n, names[n]))
            for dev, items in sorted(per_dev.items()):
                stream = f"{part}/{dev}"
                items.sort()
                if items[-1].last > peers[stream].applied:
                    out[stream] = items
            self._listed(P.part_dir(part), {dev: max(i.last for i in items) for dev, items in per_dev.items()})
        return out

    def _purge(self, scope: scoping.Scope) -> None:
        """Remove records that left this PC's scope (never what its own people wrote until the central
        office has it: its receipt says so, see :meth:`_write_receipts`)."""
        removed, kept = scoping.purge_outside(self.db, scope, received=self._received)
        self.report.purged = removed
        if kept:
            log.info("%d records outside the scope kept until what was written here about them is sent", kept)

    # ------------------------------------------------------------------ receipts of the central office

    def _write_receipts(self) -> None:
        """The central office says, per device, up to which change it holds that device's work.

        Signed by an admin signed in here (the roster makes admins the ones who speak for the office);
        written only for devices whose number moved, once per number. A PC lets a record that left its
        scope go only when the receipt covers what its own people wrote about it.
        """
        signer = next((self.db.keys.get(a) for a in self.db.keys.authors()
                       if self.roster is not None and (acc := self.roster.accounts.get(a)) is not None
                       and acc.is_admin and acc.active), None)
        if signer is None:
            return
        written = dict(self.db.meta(RECEIPTS_KEY) or {})
        with self.db.reader() as s:
            applied = {p.device_id: p.applied_seq for p in s.scalars(select(SyncPeer))
                       if "/" not in p.device_id and p.applied_seq}
        for device, seq in sorted(applied.items()):
            if int(written.get(device) or 0) >= seq or not _looks_like_device(device):
                continue
            body = {"kind": "receipt", "store": self.store_id, "device": device, "applied": seq, "by": self.me,
                    "u": signer.author, "k": signer.kid}
            data = json.dumps({"body": body, "sig": signing.sign_document(signer, body)}).encode("utf-8")
            self._write(f"{P.receipt_dir(device)}/{P.receipt_name(seq, signer.kid)}", data)
            written[device] = seq
            set_meta(self.db, RECEIPTS_KEY, written)

    def _received(self) -> int:
        """Up to which of this PC's changes the central office holds them (its newest valid receipt); 0: none."""
        if self.roster is None:
            return 0
        try:
            names = self._retry(lambda: self.remote.list(P.receipt_dir(self.me)), "list receipts")
        except RemoteUnavailable:
            return 0
        for name in sorted(names, reverse=True)[:8]:
            if P.parse_receipt_name(name) is None:
                continue
            raw = self._read(f"{P.receipt_dir(self.me)}/{name}")
            try:
                doc = json.loads(raw or b"")
                body, sig = doc["body"], str(doc["sig"])
                author, kid, seq = str(body["u"]), str(body["k"]), int(body["applied"])
            except (ValueError, KeyError, TypeError):
                continue
            acc = self.roster.accounts.get(author)
            public = self.roster.key_of(author, kid)
            if (acc is None or not acc.is_admin or public is None or body.get("device") != self.me
                    or body.get("store") != self.store_id or not signing.verify_document(public, body, sig)):
                log.warning("receipt %s ignored: not signed by an admin of the roster for this PC", name)
                continue
            return seq
        return 0

    def _stream_path(self, stream: str, name: str) -> str:
        part = stream_part(stream)
        return f"{P.part_dir(part)}/{name}" if part else f"{P.bundles_dir(stream)}/{name}"

    def _decode(self, stream: str, data: bytes, item: _Listed) -> tuple[Any, list[P.Entry], list[Any]]:
        """(header, entries, what the signatures cover: the entries and any stubs, in order)."""
        return decode_stream(stream, data, item.sha, item.last)

    def _read_bundle(self, stream: str, data: bytes, item: _Listed) -> Checked:
        """``data`` decoded, with each entry's trust verdict: the worker's when it read these very bytes
        ahead (see :mod:`.ahead`), else here. Raises ``BundleError``."""
        ahead = self._checker.take(stream, item.sha) if self._checker is not None else None
        if ahead is not None:
            self.report.checked_ahead += 1
            return ahead
        header, entries, covered = self._decode(stream, data, item)
        return header, entries, covered, self._verdicts(entries, covered)

    def _verdicts(self, entries: list[P.Entry], covered: list[Any]) -> Sequence[trust.Verdict]:
        """The trust verdict of each entry, checked here."""
        return stream_verdicts(entries, covered, self.roster)

    def _check_ahead(self, device: str, upcoming: list[_Listed]) -> None:
        """Hand the next bundles of ``device`` to the signature worker (see :mod:`.ahead`)."""
        checker = self._checker
        if checker is None:
            return
        for item in upcoming:
            if checker.in_flight() >= AHEAD_DEPTH:
                return
            if checker.submitted(device, item.sha):
                continue
            data = self._bundle_bytes(device, item)
            if data is None:
                return
            self._ahead[(device, item.name)] = data  # taken from there by _choose_bundle
            checker.submit(device, data, item.sha, item.last)

    def _fetch_device(self, device: str, items: list[_Listed], peer: _PeerState) -> _Chain:
        """Take one device's new bundles along its hash chain, applying each as it arrives.

        Stops at the first sequence number for which no bundle is intact, continues the chain and
        has every change signed by its author (``report.waiting`` says why).
        """
        chain = self._chains[device] = _Chain(device)
        self._inbox_cleanup(device, peer.applied)
        prev_last, prev_sha = 0, None
        by_last: dict[int, list[_Listed]] = defaultdict(list)
        for item in items:
            by_last[item.last].append(item)
        upcoming = deque(c for last in sorted(by_last) if last > peer.applied for c in by_last[last])
        for last in sorted(by_last):
            candidates = by_last[last]
            if last <= peer.applied:
                known = peer.tip_seq == last and any(c.sha == peer.tip_sha for c in candidates)
                prev_last, prev_sha = last, peer.tip_sha if known else candidates[0].sha
                continue
            while upcoming and upcoming[0].last <= last:
                upcoming.popleft()
            self._check_ahead(device, list(itertools.islice(upcoming, AHEAD_DEPTH)))
            chosen = self._choose_bundle(device, candidates, prev_last, prev_sha)
            if chosen is None:
                break
            entries, sha = chosen
            self.report.bundles_pulled += 1
            item = next(c for c in candidates if c.sha == sha)
            deletes = Counter(e.user or "" for e in entries if e.op == "delete" and e.seq > peer.applied)
            if deletes:
                chain.deferred = True
                chain.deletes.update(deletes)
            if chain.current is None and not chain.queued and not chain.deferred:
                chain.current, chain.entries, chain.pos = item, entries, 0
                self._apply([chain], final=False)
            else:
                chain.queued.append(item)  # in the cache; applied from there
            prev_last, prev_sha = last, sha
        for key in [k for k in self._ahead if k[0] == device]:  # read for the worker, not taken
            del self._ahead[key]
        if self._checker is not None:
            self._checker.forget(device)
        return chain

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
            data = self._bundle_bytes(device, item)
            self._fetched += 1
            self._emit("mengunduh", self._fetched, self._to_fetch, msg=f"Mengunduh kiriman {device[:8]}")
            if data is None:
                continue
            try:
                header, entries, _covered, verdicts = self._read_bundle(device, data, item)
            except P.BundleError as exc:
                self._quarantine(device, item.name, data, str(exc))
                continue
            foreign = next((e for e in entries if e.part is not None and e.part != stream_part(device)), None)
            if stream_part(device) is not None and foreign is not None:
                # whose record a change is, is part of what its author signed: it does not belong here
                self._quarantine(device, item.name, data, f"berisi perubahan bagian {foreign.part}, bukan bagian "
                                                          f"{stream_part(device)}")
                continue
            if stream_part(device) is None:
                if header.first_seq > prev_last + 1:
                    waiting = waiting or (f"menunggu bundel nomor {prev_last + 1} dan seterusnya dari perangkat "
                                          f"{device} yang belum ada di penyimpanan")
                    continue
                if header.first_seq != prev_last + 1 or (header.prev or None) != prev_sha:
                    self._quarantine(device, item.name, data, "rantai hash tidak cocok dengan bundel sebelumnya")
                    continue
            refused = next((v for v in verdicts if v.kind == trust.REFUSE), None)
            if refused is not None:
                self._quarantine(device, item.name, data, f"ditolak: {refused.reason}")
                continue
            if stream_part(device) is not None and (header.prev or None) != prev_sha:
                # a partition's bundles are not numbered contiguously: the hash chain alone says one is missing
                if header.first_seq <= prev_last:
                    self._quarantine(device, item.name, data, "rantai hash tidak cocok dengan bundel sebelumnya")
                else:
                    waiting = waiting or (f"menunggu bundel sebelumnya dari perangkat {stream_device(device)} "
                                          f"pada bagian {stream_part(device)} yang belum ada di penyimpanan")
                continue
            waits = next((v for v in verdicts if v.kind == trust.WAIT), None)
            if waits is not None:
                waiting = waits.reason
                continue
            for e, v in zip(entries, verdicts, strict=True):
                e.by_root = v.by_root
            self._inbox_keep(device, item.name, data)
            return entries, item.sha
        if waiting:
            self.report.waiting[device] = waiting
        return None

    def _refresh_roster(self) -> None:
        """Take the newest roster on the store that verifies under the pinned root key.

        A PC set up for its people reads their roster cards (a few kilobytes) instead of the
        snapshot of the whole office, when the store has cards and none of them is an admin.
        """
        root = pinned_root(self.db)
        if not root:
            return
        people = people_here(self.db)
        if people and not self.opt.full_scope and self._store_is_partitioned() \
                and self._store_has_cards() \
                and self._refresh_cards(root, people):
            return
        have = self.roster.seq if self.roster is not None else 0
        listing = self._retry(lambda: trust.roster_listing(self.remote), "list roster")
        if not listing or listing[-1][0] <= have:
            return  # nothing newer than the roster taken before: nothing is downloaded
        found = trust.latest_verified_roster(self.remote, root, listing, newer_than=have,
                                             read=lambda path, digest: self._read(path, sha=digest))
        if found is not None:
            seq, doc = found
            accept_roster(self.db, doc, seq)

    def _store_has_cards(self) -> bool:
        """Does the store hold roster cards (remembered once seen: the central office keeps writing them)?"""
        key = f"sync.cards.{self.store_id}"
        if self.db.meta(key) is True:
            return True
        has = "cards" in self._retry(lambda: self.remote.list_dirs(P.ROSTER_DIR), "list roster")
        if has:
            self.db.set_meta(key, True)
        return has

    def _newest_card(self, root: str, key: str, have: int) -> tuple[int, dict[str, Any]] | None:
        """(seq, document) of the newest card under ``key`` that verifies and is newer than ``have``.

        Not listed when the card folder's head says nothing was written since it was listed here."""
        folder = P.card_dir(key)
        if self._head_unchanged(folder, lambda tips: have >= tips.get("seq", 0)):
            return None
        listing = self._retry(lambda: self.remote.list(folder), "list roster card")
        self._listed(folder, {"seq": max((p[0] for n in listing if (p := P.parse_roster_name(n))), default=0)})
        for seq, digest, name in sorted(((*p, n) for n in listing if (p := P.parse_roster_name(n))),
                                        reverse=True):  # type: ignore[misc]
            if seq <= have:
                return None
            data = self._read(f"{P.card_dir(key)}/{name}", sha=digest)
            if data is None or P.sha256(data) != digest:
                continue
            try:
                lines = P.gunzip_lines(data, max_lines=1, max_line=4 * 1024 * 1024, max_bytes=4 * 1024 * 1024)
                doc = json.loads(lines[0].decode("utf-8")) if lines else None
            except (P.BundleError, ValueError, UnicodeDecodeError):
                continue
            if isinstance(doc, dict) and verify_card(doc, root, key, seq):
                return seq, doc
        return None

    def _refresh_cards(self, root: str, people: list[str]) -> bool:
        """Read the roster cards this PC's scope needs: its people, up their line, two levels below
        them, the ketua of their tim kerja, the people their records name, and the admins. False
        when one of its people is an admin (such a PC holds everything: it reads the snapshot).

        The cards of one level of that walk are read together (each is a listing and a read: on a
        slow link with latency, mostly waiting)."""
        have = current_cards(self.db)
        got: dict[str, tuple[int, dict[str, Any]]] = {}
        asked: set[str] = set()

        def fetch(key: str) -> None:
            found = self._newest_card(root, key, have.get(key, (0, {}))[0])
            with self._lock:
                asked.add(key)
                if found is not None:
                    got[key] = found

        def read_all(keys: Iterable[str]) -> None:
            self._in_parallel(fetch, sorted(set(keys) - asked), max(1, self.opt.workers))

        def card(key: str) -> dict[str, Any] | None:
            if key not in asked:
                fetch(key)
            if key in got:
                return got[key][1]
            return have[key][1] if key in have else None

        read_all(["_admins", *(f"_names/{P.card_shard(name)}" for name in people)])
        admins = {str(a.get("username")) for a in (card("_admins") or {}).get("admins") or []}
        if set(people) & admins:
            accept_cards(self.db, got)
            return False
        start: set[str] = set()
        for name in people:
            index = card(f"_names/{P.card_shard(name)}") or {}
            emp = (index.get("names") or {}).get(name)
            if isinstance(emp, str):
                start.add(emp)
        named = scoping.named_people(self.db, start)
        todo: deque[tuple[str, str, int]] = deque([(e, "self", 0) for e in sorted(start)]
                                                  + [(e, "up", 0) for e in sorted(named - start)])
        seen: set[str] = set()
        while todo and len(seen) < 5000:
            level: list[tuple[str, str, int]] = []  # breadth first: one level's cards are read together
            while todo:
                emp, kind, depth = todo.popleft()
                if emp not in seen and _looks_like_id(emp):
                    seen.add(emp)
                    level.append((emp, kind, depth))
            read_all(emp for emp, _kind, _depth in level)
            for emp, kind, depth in level:
                doc = card(emp)
                if doc is not None:
                    todo.extend(_card_links(doc, kind, depth))
        accept_cards(self.db, got)
        return True

    def _hold_mass_deletions(self, chains: dict[str, _Chain]) -> None:
        """Hold every device carrying deletions of an author who deletes too much at once.

        Counted per author over all devices (a person cannot split a mass deletion over several
        made-up devices), until a person confirms (``allow_mass_delete``). A device whose bundles
        carry deletions was only cached so far; it is released here unless held.
        """
        per_author: Counter[str] = Counter()
        for chain in chains.values():
            per_author.update(chain.deletes)
        over = {a: n for a, n in per_author.items() if n > self.opt.mass_delete_threshold}
        for d, chain in chains.items():
            if not chain.deferred:
                continue
            authors = sorted(set(chain.deletes) & set(over))
            if authors and not self.opt.allow_mass_delete:
                who = ", ".join(f"“{a}” ({over[a]} data)" for a in authors)
                reason = f"penghapusan massal oleh {who}; menunggu konfirmasi penghapusan massal"
                self.report.held[d] = reason
                with self.db.session() as s:
                    peer = s.get(SyncPeer, d) or SyncPeer(device_id=d, applied_seq=self._applied_seq.get(d, 0),
                                                          bundle_seq=0)
                    peer.held = reason
                    s.add(peer)
                continue
            chain.deferred = False

    def _quarantine(self, device: str, name: str, data: bytes, reason: str) -> None:
        path = self._stream_path(device, name)
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

    def _processed(self, version: str) -> bool:
        dev, _, seq_text = version.rpartition(":")
        if dev == self.me and not self._replay_upto:
            return True
        try:
            seq = int(seq_text)
        except ValueError:
            return False
        if dev == self.me and seq > (self._replay_upto or 0):
            return True  # made here since the restore (own versions up to there come back from the store)
        # A field's versions all lie in its row's partition: on a PC that reads partitions, the stream
        # of the partition being applied says whether that version was processed.
        stream = f"{self._part_now}/{dev}" if self._part_now and dev != self.me else dev
        if seq <= self._applied_seq.get(stream, 0):
            return True
        chain = self._chains.get(stream)
        return chain is not None and seq in chain.done

    def _apply(self, chains: list[_Chain], *, final: bool = True) -> None:
        """Apply the chains' bundles in transactions of ``opt.batch`` entries (``opt.large_batch`` in a large
        pull), round after round.

        An entry that waits for another device stops its device for the round; with ``final``
        the rounds go on while any device moves (what one applies may unblock another).
        """
        progress = True
        while progress:
            progress = False
            self._check_cancel()
            # what is applied here is applied again from the store when a power cut takes it (the
            # peer's applied number is in the same transaction): no need to wait for the disk
            with self.db.session(durable=False) as s:
                merger = Merger(s, processed=self._processed, log_high=lambda s=s: log_high_water(s),
                                roster=self.roster, shared=self._memo,
                                batched=self.opt.batched_inserts)
                budget = self._batch
                for chain in chains:
                    moved = self._apply_chain(s, merger, chain, budget)
                    budget -= moved
                    progress = progress or moved > 0
                    if budget <= 0:
                        break
                merger.write_pending()
                record_knowledge(s)
            self._emit("menerapkan", self._applied_now, self._expected, msg="Menerapkan perubahan")
            if not final and not any(c.has_work() and not c.waiting for c in chains):
                break
            if not progress and any(c.has_work() and not c.waiting for c in chains):
                progress = True  # a chain only loaded its next bundle

    def _apply_chain(self, s: Any, merger: Merger, chain: _Chain, budget: int) -> int:
        """Apply up to ``budget`` entries of one device; returns how many were processed."""
        moved = 0
        chain.waiting = ""
        while budget > moved:
            if chain.entries is None and not self._load(chain):
                break
            assert chain.entries is not None and chain.current is not None
            applied = self._applied_seq.get(chain.device, 0)
            self._part_now = chain.part
            merger.prefetch(chain.entries[chain.pos:chain.pos + budget - moved])
            while chain.pos < len(chain.entries) and budget > moved:
                e = chain.entries[chain.pos]
                if e.seq in chain.done or e.seq <= applied:
                    chain.pos += 1
                    continue
                if chain.part is not None and e.part is None:
                    merger.write_pending()  # an old change's partition is looked up in the database
                misplaced = self._misplaced(s, chain, e)
                if misplaced and not merger.seen_before(e):
                    out = merger.refuse(e, misplaced)
                else:
                    out = merger.apply(e, trusted=e.by_root)
                if out.kind == WAIT and out.row_id:
                    ahead = self._look_ahead(merger, chain, out.row_id)
                    if ahead:
                        moved += ahead
                        continue
                    if "(employee)" in out.reason:  # a person outside the scope (see scope.roster_entries_wanted)
                        self._awaited.add(out.row_id)
                if out.kind == WAIT:
                    chain.waiting = out.reason
                    break
                chain.done.add(e.seq)
                chain.pos += 1
                moved += 1
                self._applied_now += 1
                self._count(out.kind, out.conflicts)
            before = chain.current
            self._advance(s, chain)
            if chain.current is before and chain.entries is not None and chain.pos >= len(chain.entries):
                break  # pragma: no cover - a bundle whose entries end before its last number (verified away)
            if chain.waiting:
                chain.entries = None  # re-read from the cache when it can move again
                break
        return moved

    def _load(self, chain: _Chain) -> bool:
        """Read the chain's current (or next) bundle from the cache, verified again; False: nothing to apply."""
        if chain.current is None:
            if not chain.queued:
                return False
            chain.current, chain.pos = chain.queued.popleft(), 0
        item = chain.current
        path = self._inbox_path(chain.device, item.name)
        try:
            data = path.read_bytes()
            _header, entries, covered = self._decode(chain.device, data, item)
        except (OSError, P.BundleError) as exc:
            log.warning("cached bundle %s unusable (%s); fetched again next time", path, exc)
            path.unlink(missing_ok=True)
            chain.current, chain.entries = None, None
            chain.queued.clear()
            return False
        verdicts = self._verdicts(entries, covered)
        if any(v.kind != trust.OK for v in verdicts):  # it verified when it arrived: the cache was altered
            path.unlink(missing_ok=True)
            chain.current, chain.entries = None, None
            chain.queued.clear()
            return False
        for e, v in zip(entries, verdicts, strict=True):
            e.by_root = v.by_root
        chain.entries = entries
        return True

    def _misplaced(self, s: Any, chain: _Chain, e: P.Entry) -> str | None:
        """Why an entry read from a partition does not belong there (None when it does, or cannot be told yet).

        A PC that holds a scope takes from a partition only that partition's records: whatever a
        writer puts in another person's partition stays out.
        """
        part = chain.part
        if part is None:
            return None
        if e.part is not None:  # named by the change and covered by its author's signature
            return None if e.part == part else \
                f"perubahan {e.table} ini milik bagian {e.part}, bukan bagian {part} tempat ia dikirim"
        parts = self._partitioner
        if parts is None or parts.s is not s:
            parts = self._partitioner = Partitioner(s)
        values = {f: pair[1] for f, pair in e.changes.items() if isinstance(pair, list) and len(pair) == 2} \
            if e.op == "insert" else None
        actual = parts.of(e.table, e.row, values)
        if actual == part or (actual == "g" and e.table not in ("setting", "unit", "unit_predikat")):
            return None  # its own partition, or not decidable before the rows it hangs off arrive
        return f"perubahan {e.table} ini milik bagian {actual}, bukan bagian {part} tempat ia dikirim"

    def _look_ahead(self, merger: Merger, chain: _Chain, row_id: str) -> int:
        """Apply the same bundle's later insert of ``row_id`` first (an FK made in one flush)."""
        assert chain.entries is not None
        for i in range(chain.pos + 1, len(chain.entries)):
            e = chain.entries[i]
            if e.op == "insert" and e.row == row_id and e.seq not in chain.done:
                out = merger.apply(e, trusted=e.by_root)
                if out.kind == WAIT:
                    return 0
                chain.done.add(e.seq)
                self._applied_now += 1
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

    def _advance(self, s: Any, chain: _Chain) -> None:
        """Record how far the device is applied; a bundle applied to its end leaves the cache."""
        device = chain.device
        cur = self._applied_seq.get(device, 0)
        if chain.part is None:
            while cur + 1 in chain.done:
                cur += 1
        elif chain.entries is not None and chain.current is not None:
            # a partition's entries are not numbered contiguously: follow the bundle's own order
            finished = True
            for e in chain.entries:
                if e.seq <= cur:
                    continue
                if e.seq not in chain.done:
                    finished = False
                    break
                cur = e.seq
            if finished:
                cur = max(cur, chain.current.last)  # the last number may be another partition's (a stub)
        chain.done = {n for n in chain.done if n > cur}
        peer = s.get(SyncPeer, device)
        if peer is None:
            peer = SyncPeer(device_id=device, applied_seq=0, bundle_seq=0)
            s.add(peer)
        if cur != peer.applied_seq:
            peer.applied_seq = cur
            peer.held = None
        self._applied_seq[device] = cur
        item = chain.current
        if item is not None and chain.entries is not None and chain.pos >= len(chain.entries) and item.last <= cur:
            if item.last > (peer.bundle_seq or 0):
                peer.bundle_seq, peer.bundle_sha256 = item.last, item.sha
            self._inbox_path(device, item.name).unlink(missing_ok=True)
            chain.current, chain.entries, chain.pos = None, None, 0

    # ------------------------------------------------------------------ inbox (cache of bundles)

    def _inbox_path(self, device: str, name: str) -> Path:
        return self.db.data_dir / "sync" / "inbox" / device / name

    def _inbox_keep(self, device: str, name: str, data: bytes) -> None:
        path = self._inbox_path(device, name)
        if path.is_file():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{name}.{uuid.uuid4().hex[:8]}.part")
        tmp.write_bytes(data)
        tmp.replace(path)

    def _inbox_cleanup(self, device: str, applied: int) -> None:
        """Drop cached bundles of a device that were applied meanwhile."""
        folder = self.db.data_dir / "sync" / "inbox" / device
        if not folder.is_dir():
            return
        for f in folder.iterdir():
            if f.is_dir():
                continue
            last = _name_last(f.name)
            if last is None or last <= applied:
                f.unlink(missing_ok=True)

    def _bundle_bytes(self, device: str, item: _Listed) -> bytes | None:
        """A bundle's bytes: from the cache when a cut pull already fetched it (hash checked), else the store."""
        ahead = self._ahead.pop((device, item.name), None)
        if ahead is not None and P.sha256(ahead) == item.sha:
            return ahead
        path = self._inbox_path(device, item.name)
        if path.is_file():
            data = path.read_bytes()
            if P.sha256(data) == item.sha:
                return data
            path.unlink(missing_ok=True)
        return self._read(self._stream_path(device, item.name), sha=item.sha)

    # ------------------------------------------------------------------ files

    def missing_files(self, people: set[str] | None = None) -> list[str]:
        """Files the rows here refer to that are not here; with ``people``: only those of their own records."""
        with self.db.reader() as s:
            rows = []
            for table in sorted(BLOB_TABLES):
                model = MODEL_BY_TABLE[table]
                rows += [(table, i, sha) for i, sha in s.execute(
                    select(model.id, model.__table__.c.sha256).where(model.deleted.is_(False)))]
            rows = [r for r in rows if P.is_sha256(r[2]) and not self.db.blobs.exists(r[2])]
            if people is not None:
                own = {f"e-{p}" for p in people}
                parts = Partitioner(s)
                rows = [r for r in rows if parts.of(r[0], r[1]) in own]
        return sorted({sha for _t, _i, sha in rows})

    def _fetch_missing_files(self, scope: scoping.Scope | None = None) -> None:
        """Fetch the files rows here refer to. A PC that holds a scope fetches its own people's files;
        the others (a subordinate's evidence) when opened (:meth:`fetch_files`)."""
        people = None if scope is None or scope.full else scope.employees & scope.people
        self.fetch_files(self.missing_files(people))

    def fetch_files(self, missing: list[str]) -> int:
        """Fetch these files (by SHA-256) from the store into this PC's file store; returns how many arrived."""
        if not missing:
            return 0
        self._phase_started = time.monotonic()
        # many files: one listing per folder says which exist; a few: each is read (see FEW_OBJECTS)
        index = _RemoteIndex(self) if len(missing) > FEW_OBJECTS else None

        def on_store(path: str) -> bool:
            return index is None or index.size(path) is not None

        cache = self.db.data_dir / "sync" / "chunks"
        fetched = 0
        for n, sha in enumerate(missing, 1):
            self._check_cancel()
            self._emit("mengunduh", n, len(missing), msg="Mengunduh berkas")
            ok = False
            raw = self._read(P.manifest_path(sha)) if on_store(P.manifest_path(sha)) else None
            if raw is not None:
                try:
                    chunks = P.decode_manifest(raw, sha)
                except P.BundleError as exc:
                    log.warning("bad chunk list for %s: %s", sha, exc)
                    chunks = []
                parts: list[bytes] = []
                for csha, _size in chunks:
                    local = cache / csha
                    if local.is_file() and P.sha256(local.read_bytes()) == csha:
                        parts.append(local.read_bytes())
                        continue
                    piece = self._read(P.chunk_path(csha), sha=csha)
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
            elif on_store(P.chunk_path(sha)):
                data = self._read(P.chunk_path(sha), sha=sha)
                if data is not None and P.sha256(data) == sha:
                    self.db.blobs.put_bytes(data)
                    ok = True
            if ok:
                self.report.files_fetched += 1
                fetched += 1
            else:
                self.report.files_missing += 1
        return fetched


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


def _card_links(doc: dict[str, Any], kind: str, depth: int) -> list[tuple[str, str, int]]:
    """The cards one roster card leads to (see SyncEngine._refresh_cards): up the line from a person
    or someone above them; the ketua of the tim kerja of a person or someone below them; below."""
    out: list[tuple[str, str, int]] = []
    if kind in ("self", "up"):
        out += [(str(r["supervisor_id"]), "up", depth + 1) for r in doc.get("supervision") or []
                if isinstance(r, dict) and r.get("supervisor_id")]
    if kind in ("self", "down"):  # the drafts of a tim kerja's matrix hang from the ketua's RHK (sync.scope)
        out += [(str(t["head_id"]), "up", depth + 1) for t in doc.get("teams") or []
                if isinstance(t, dict) and t.get("head_id")]
    if kind == "self" or (kind == "down" and depth < 2):
        out += [(str(r.get("employee_id")), "down", depth + 1) for r in doc.get("below") or [] if isinstance(r, dict)]
    return out


def _signed_groups(rows: list[Any]) -> list[list[Any]]:
    """Split a run of entries into their signature groups (an unsigned entry is a group of its own)."""
    groups: list[list[Any]] = []
    pending: list[Any] = []
    for r in rows:
        pending.append(r)
        if r.sig:
            n = max(1, min(int(r.sig.get("n") or 1), len(pending)))
            groups.extend([x] for x in pending[:-n])
            groups.append(pending[-n:])
            pending = []
    groups.extend([x] for x in pending)
    return groups


def _first_unsigned(rows: list[Any]) -> int:
    """Index (in signature groups) of the first group that carries no signature."""
    for i, group in enumerate(_signed_groups(rows)):
        if not group[-1].sig:
            return i
    return len(_signed_groups(rows))


def _refers_to_file(group: list[Any]) -> bool:
    return any(r.table_name in BLOB_TABLES and P.is_sha256(((r.changes or {}).get("sha256") or [None, None])[1])
               for r in group)


def _bundle_parts(rows: list[Any]) -> list[list[Any]]:
    """Bundles of at most BUNDLE_MAX_ENTRIES entries that never split a signature group.

    A group that refers to a file (an attachment, a signed document) starts a bundle of its own,
    so changes made before it are sent without waiting for the file to be uploaded.
    """
    parts: list[list[Any]] = []
    part: list[Any] = []
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


def _looks_like_id(text: str) -> bool:
    return 1 <= len(text) <= 64 and all(c.isalnum() or c in "._-" for c in text)


def _name_last(name: str) -> int | None:
    """The last sequence number a bundle's name gives (full or partition bundle)."""
    parsed = P.parse_bundle_name(name)
    if parsed is not None:
        return parsed[0]
    part = P.parse_part_bundle_name(name)
    return part[1] if part is not None else None


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
