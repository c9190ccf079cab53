"""Migrate a store written before scoped sync: add the partitions (``parts/``) to what it holds.

Run once by the central office on its full replica (``kinerja sync migrasi-penyimpanan``), which
holds every record and so can tell whose record each change is. Nothing on the store is changed
or removed: each device's full stream stays as it is, and its changes are written once more per
partition, in the same order, each bundle naming the previous one of that device and partition.
The partition bundles carry the changes exactly as their authors signed them (a signature group
that spans partitions travels whole, the other partitions' members as stubs), so every PC
verifies them as before. The ``parts/layout.json`` marker is written last: until it exists no PC
reads partitions, so a migration that is cut off is simply run again (what it wrote is written
again byte for byte, and skipped).

Folder heads (:mod:`kinerja_desktop.sync.heads`): the migration writes the head of every partition
and roster card folder, then says ``"heads": 1`` in the marker; a store partitioned before heads
existed gets only that (its bundles are not read again). From then on PCs rely on the heads every
writer of this app version keeps: run it once every PC of the office has this version (an older
one writes no heads, and what it sends then reaches scoped PCs only with their daily full listing).

Memory stays bounded whatever the store holds: entries are spilled into a temporary SQLite
file, then read back one partition at a time.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services.identity import CurrentUser
from kinerja_desktop.store.changelog import device_id
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import LocalMeta
from kinerja_desktop.store.partitions import Partitioner, valid_part
from kinerja_desktop.store.sync_models import SyncPartOutbox
from kinerja_desktop.sync import heads as H
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import BLOB_TABLES, PART_PACKED_KEY
from kinerja_desktop.sync.part_spill import Member, PartSpill, blob_of, encode
from kinerja_desktop.sync.remote import Remote


@dataclass
class MigrationReport:
    dry_run: bool
    devices: int = 0
    bundles_read: int = 0
    damaged: list[str] = field(default_factory=list)
    entries: int = 0
    #: Changes of rows this replica does not hold (refused or quarantined here): not placed.
    unplaced: int = 0
    partitions: int = 0
    bundles_written: int = 0
    bundles_present: int = 0
    bytes_written: int = 0
    already_migrated: bool = False
    #: The marker gets (or, in a dry run, would get) ``"heads": 1``: PCs may rely on folder heads.
    heads_enabled: bool = False
    #: Folder heads written (or to be written).
    heads_written: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        verb = "akan ditulis" if self.dry_run else "ditulis"
        text = (f"{self.devices} perangkat, {self.bundles_read} bundel dibaca, {self.entries} perubahan dalam "
                f"{self.partitions} bagian; {self.bundles_written} bundel bagian {verb} "
                f"({self.bytes_written / 1024:.0f} KB)")
        if self.bundles_present:
            text += f", {self.bundles_present} sudah ada"
        if self.unplaced:
            text += f"; {self.unplaced} perubahan atas data yang tidak ada di komputer ini tidak ditempatkan"
        if self.damaged:
            text += f"; {len(self.damaged)} bundel rusak dilewati"
        if self.already_migrated:
            text = "Penyimpanan ini sudah memakai bagian (parts/). " + text
        if self.heads_enabled:
            text += (f"; {self.heads_written} kepala folder (head.json) {verb}, agar komputer yang sudah "
                     "mutakhir cukup memeriksa kepala foldernya")
        return ("Uji coba migrasi: " if self.dry_run else "Migrasi selesai: ") + text + "."


def migrate_store(db: Database, remote: Remote, user: CurrentUser, *, dry_run: bool = True,
                  progress: Callable[[str, int, int], None] | None = None) -> MigrationReport:
    """Write the partition bundles of every device's stream on ``remote`` (see the module doc).

    Only an admin migrates (on the central office's full replica, which can place every change).
    """
    if not user.is_admin:
        raise PermissionDenied("Migrasi penyimpanan hanya dapat dijalankan admin kantor pusat.")
    report = MigrationReport(dry_run=dry_run)
    marker: bytes | None = None
    try:
        marker = remote.read(P.PARTS_MARKER)
        report.already_migrated = True
    except FileNotFoundError:
        pass
    report.heads_enabled = not H.keeps_heads(marker)
    me = _local_device(db)
    if report.already_migrated and report.heads_enabled:  # partitioned before heads: the heads, then the marker
        parts = sorted(p for p in remote.list_dirs(P.PARTS_DIR) if valid_part(p))
        report.partitions = len(parts)
        _write_heads(remote, [P.part_dir(p) for p in parts] + _card_folders(remote), me, dry_run, report, progress)
        if not dry_run:
            remote.write(P.PARTS_MARKER, _with_heads(marker))
        return report
    try:
        store_id = str(json.loads(remote.read(P.IDENTITY_PATH).decode("utf-8")).get("store_id") or "")
    except (FileNotFoundError, ValueError, UnicodeDecodeError, AttributeError):
        store_id = ""
    devices = sorted(d for d in remote.list_dirs(P.DEVICES_DIR) if _is_device(d))
    read_upto: dict[str, int] = {}
    report.devices = len(devices)
    with tempfile.TemporaryDirectory(prefix="kinerja-migrate-") as tmp:
        spill = PartSpill(Path(tmp) / "spill.sqlite")
        with db.reader() as s:
            parts = Partitioner(s)
            for n, device in enumerate(devices, 1):
                if progress:
                    progress("membaca", n, len(devices))
                read_upto[device] = _spill_device(remote, device, parts, spill, report)
        tips: list[tuple[str, int, str]] = []
        spill_parts = spill.parts()
        report.partitions = len(spill_parts)
        streams = [(part, device) for part in spill_parts for device in spill.devices(part)]
        for n, (part, device) in enumerate(streams, 1):
            if progress and n % 200 == 0:
                progress("menulis", n, len(streams))
            existing = None if dry_run else remote.list(P.part_dir(part))
            prev: str | None = None
            for batch in spill.batches(part, device):
                data, header = encode(part, device, batch, prev)
                last = header.last_seq
                digest = P.sha256(data)
                name = P.part_bundle_name(device, last, digest)
                if existing is not None and existing.get(name) == len(data):
                    report.bundles_present += 1
                else:
                    report.bundles_written += 1
                    report.bytes_written += len(data)
                    if not dry_run:
                        remote.write(f"{P.part_dir(part)}/{name}", data)
                prev = digest
                if device == me:
                    tips.append((part, last, digest))
        spill.close()
    if report.heads_enabled:
        _write_heads(remote, [P.part_dir(p) for p in spill_parts] + _card_folders(remote), me, dry_run, report,
                     progress)
    if not dry_run:
        if not report.already_migrated:
            remote.write(P.PARTS_MARKER, P.dumps({"layout": P.PART_FORMAT, "heads": H.HEADS_FORMAT,
                                                  "migrated_by": me}).encode())
        _remember_own_tips(db, me, tips, read_upto.get(me, 0), store_id)
    return report


def _card_folders(remote: Remote) -> list[str]:
    keys = [k for k in remote.list_dirs(P.ROSTER_CARDS_DIR) if k != "_names"]
    keys += [f"_names/{x}" for x in remote.list_dirs(f"{P.ROSTER_CARDS_DIR}/_names")]
    out = []
    for key in sorted(keys):
        try:
            out.append(P.card_dir(key))
        except ValueError:
            continue  # not a card folder of this app
    return out


def _write_heads(remote: Remote, folders: list[str], me: str, dry_run: bool, report: MigrationReport,
                 progress: Callable[[str, int, int], None] | None) -> None:
    """Give every folder a head: asking for a missing one costs an error page (twice an unchanged head's 304)."""
    report.heads_written += len(folders)
    if dry_run:
        return
    from concurrent.futures import ThreadPoolExecutor

    def write(folder: str) -> None:
        remote.write(H.head_path(folder), H.head_bytes(folder, me, 0))

    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="kinerja-heads") as pool:  # small writes: latency
        for n, _done in enumerate(pool.map(write, folders), 1):
            if progress and n % 500 == 0:
                progress("kepala folder", n, len(folders))


def _with_heads(marker: bytes | None) -> bytes:
    """The layout marker with ``"heads"`` added (what else it says is kept)."""
    try:
        doc = json.loads(marker or b"")
    except (ValueError, UnicodeDecodeError):
        doc = None
    doc = doc if isinstance(doc, dict) else {"layout": P.PART_FORMAT}
    return P.dumps({**doc, "heads": H.HEADS_FORMAT}).encode()


def _is_device(name: str) -> bool:
    return len(name) == 36 and name.count("-") == 4


def _local_device(db: Database) -> str:
    with db.reader() as s:
        return device_id(s)


def _spill_device(remote: Remote, device: str, parts: Partitioner, spill: PartSpill,
                  report: MigrationReport) -> int:
    """Read one device's bundles in chain order and put each entry (or stub) under its partitions.

    Returns the last sequence number read (the chain's intact prefix)."""
    listing = remote.list(P.bundles_dir(device))
    items = sorted((p[0], p[1], name) for name in listing if (p := P.parse_bundle_name(name)))
    prev_last, prev_sha = 0, None
    for last, sha, name in items:
        if last <= prev_last:
            continue  # a second bundle under one number: the chain took the first intact one
        try:
            data = remote.read(f"{P.bundles_dir(device)}/{name}")
            header, entries = P.decode_bundle(data, expected_sha=sha, device=device, last_seq=last)
        except (FileNotFoundError, P.BundleError) as exc:
            report.damaged.append(f"{device}/{name}: {exc}")
            continue
        if header.first_seq != prev_last + 1 or (header.prev or None) != prev_sha:
            report.damaged.append(f"{device}/{name}: rantai hash tidak cocok")
            break  # what follows cannot be placed in order; the next run (after repair) continues
        report.bundles_read += 1
        prev_last, prev_sha = last, sha
        # signature groups: consecutive entries, the last one carrying the signature of n entries
        groups: list[list[P.Entry]] = []
        pending: list[P.Entry] = []
        for e in entries:
            pending.append(e)
            if e.sig:
                k = max(1, min(int(e.sig.get("n") or 1), len(pending)))
                groups.extend([x] for x in pending[:-k])
                groups.append(pending[-k:])
                pending = []
        groups.extend([x] for x in pending)
        members = []
        for group in groups:
            placed = []
            for e in group:
                report.entries += 1
                part: str | None = e.part or parts.of(e.table, e.row, _insert_values(e))
                if not valid_part(part) or (part == "g" and e.table not in ("setting", "unit", "unit_predikat")
                                            and not _row_known(parts, e)):
                    report.unplaced += 1
                    part = None
                placed.append(Member(e.seq, part, P.dumps(e.to_json()), blob_of(e.table, e.changes, BLOB_TABLES),
                                     lambda e=e: P.Stub(device, e.seq, e.user, e.digest().hex(), e.sig)))
            members.append(placed)
        spill.add_groups(device, members, header.created_at)
    return prev_last


def _insert_values(e: P.Entry) -> dict[str, Any] | None:
    if e.op != "insert":
        return None
    return {f: pair[1] for f, pair in e.changes.items() if isinstance(pair, list) and len(pair) == 2}


def _row_known(parts: Partitioner, e: P.Entry) -> bool:
    from kinerja_desktop.store.models import MODEL_BY_TABLE

    model = MODEL_BY_TABLE.get(e.table)
    return model is not None and parts.s.get(model, e.row) is not None


def _remember_own_tips(db: Database, me: str, tips: list[tuple[str, int, str]], upto: int, store_id: str) -> None:
    """This replica's own history is now in the partitions: later pushes continue those chains."""
    if not upto:
        return
    with db.session() as s:
        for part, last, sha in tips:
            if s.get(SyncPartOutbox, (part, last)) is None:
                s.add(SyncPartOutbox(part=part, last_seq=last, first_seq=last, sha256=sha, prev_sha256=None,
                                     name=P.part_bundle_name(me, last, sha), size=0, count=0, sent_to=store_id))
        s.merge(LocalMeta(key=f"{PART_PACKED_KEY}.{me}", value=upto))


__all__ = ["MigrationReport", "migrate_store"]
