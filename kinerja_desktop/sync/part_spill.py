"""Partition bundles written from a spill file: each change once as JSON, read back one partition at a time.

A device's changes go to the store twice: in its own stream (``devices/<id>/bundles``) and once more per
partition (``parts/<part>/``, read by PCs that hold a scope, see sync.scope). Both carry each change as
the same JSON line. The line made for the device's bundle is put here (a small SQLite file) under the
partition it belongs to; the partition bundles are then cut from this file partition by partition,
in the stream's order. Memory stays bounded however long the log: nothing is held but one partition's
batch at a time.

A signature group that spans partitions (history from before scoped sync) travels whole: under each
partition it touches, the members of other partitions are stubs (their digest and signature only),
so every receiver verifies the group's signature as its author made it.

Used by the push (sync.engine, this device's own changes) and by the store migration
(sync.migrate_store, every device's stream on an old store).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from kinerja_desktop.store.partitions import valid_part
from kinerja_desktop.sync import protocol as P

# Rows are added in the stream's order (the index by sequence number grows at its end); the index by
# partition, which inserts in that order would scatter, is made when the partitions are read.
_SCHEMA = ("CREATE TABLE IF NOT EXISTS e (part TEXT NOT NULL, device TEXT NOT NULL, seq INTEGER NOT NULL, "
           "grp INTEGER NOT NULL, created TEXT, line TEXT, stub TEXT, blob TEXT)",
           "CREATE INDEX IF NOT EXISTS e_seq ON e (device, seq)",
           # the device bundles whose entries are here (see SyncEngine._fill_spill)
           "CREATE TABLE IF NOT EXISTS b (device TEXT NOT NULL, sha TEXT NOT NULL, first INTEGER NOT NULL, "
           "last INTEGER NOT NULL, PRIMARY KEY (device, sha))")


class Member(NamedTuple):
    """One change of a signature group, as the spill needs it."""

    seq: int
    part: str | None
    #: ``P.dumps(entry.to_json())``: the very line of the device's bundle.
    line: str
    #: The file this change names (a row of a table with ``sha256``), else None.
    blob: str | None
    #: Only asked for when the group spans partitions: () -> P.Stub.
    stub: Any


class Row(NamedTuple):
    seq: int
    grp: int
    created: str | None
    line: str | None
    stub: str | None
    blob: str | None


class PartSpill:
    """The spill file: changes (as JSON lines) and stubs per partition and device stream.

    Only a cache of what the log holds: a file that is not a readable spill (damaged, cut off, from
    another program) is started anew, and whoever uses it fills in what is missing from the log.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self._open()
        except sqlite3.DatabaseError:
            self.remove()
            self._open()

    def _open(self) -> None:
        self.con = sqlite3.connect(str(self.path), isolation_level=None)
        try:
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA synchronous=NORMAL")
            for statement in _SCHEMA:
                self.con.execute(statement)
            self.con.execute("SELECT device, seq, part, grp, created, line, stub, blob FROM e LIMIT 1").fetchall()
            self.con.execute("SELECT device, sha, first, last FROM b LIMIT 1").fetchall()
        except sqlite3.DatabaseError:
            self.con.close()
            raise

    def close(self) -> None:
        self.con.close()

    def remove(self) -> None:
        """Close and delete the file (everything in it is packed)."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def __enter__(self) -> PartSpill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything written inside in one transaction (else each call is one)."""
        self.con.execute("BEGIN")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    @contextmanager
    def _writing(self) -> Iterator[None]:
        if self.con.in_transaction:
            yield
        else:
            with self.transaction():
                yield

    # ------------------------------------------------------------------ writing

    def add_groups(self, device: str, groups: Iterable[Sequence[Member]], created: str | None) -> None:
        """Put each change under its partition; a group's id is its last sequence number. The caller
        adds each sequence number once (:meth:`forget` first what may be there)."""
        rows: list[tuple[Any, ...]] = []
        for group in groups:
            grp = group[-1].seq
            placed = {m.part for m in group if m.part and valid_part(m.part)}
            for part in sorted(placed):
                for m in group:
                    if m.part == part:
                        rows.append((part, device, m.seq, grp, created, m.line, None, m.blob))
                    else:
                        rows.append((part, device, m.seq, grp, created, None, P.dumps(m.stub().to_json()), None))
        with self._writing():
            self.con.executemany("INSERT INTO e VALUES (?,?,?,?,?,?,?,?)", rows)

    def record_bundle(self, device: str, sha: str, first: int, last: int) -> None:
        """The entries of this device bundle are all here (added by the caller before)."""
        self.con.execute("INSERT OR REPLACE INTO b VALUES (?,?,?,?)", (device, sha, first, last))

    def bundles(self, device: str) -> set[str]:
        return {sha for (sha,) in self.con.execute("SELECT sha FROM b WHERE device=?", (device,))}

    def forget(self, device: str, after: int = 0, upto: int | None = None) -> None:
        """Drop what is here of ``device`` with sequence numbers in (after, upto] (upto None: all after)."""
        hi = upto if upto is not None else 2**62
        with self._writing():
            self.con.execute("DELETE FROM e WHERE device=? AND seq>? AND seq<=?", (device, after, hi))
            self.con.execute("DELETE FROM b WHERE device=? AND last>? AND first<=?", (device, after, hi))

    # ------------------------------------------------------------------ reading

    def _by_part(self) -> None:
        self.con.execute("CREATE INDEX IF NOT EXISTS e_part ON e (part, device, seq)")

    def empty(self, device: str) -> bool:
        return self.con.execute("SELECT 1 FROM e WHERE device=? LIMIT 1", (device,)).fetchone() is None

    def parts(self, device: str | None = None) -> list[str]:
        self._by_part()
        if device is None:
            return [p for (p,) in self.con.execute("SELECT DISTINCT part FROM e ORDER BY part")]
        return [p for (p,) in self.con.execute("SELECT DISTINCT part FROM e WHERE device=? ORDER BY part",
                                               (device,))]

    def devices(self, part: str) -> list[str]:
        return [d for (d,) in self.con.execute("SELECT DISTINCT device FROM e WHERE part=? ORDER BY device",
                                               (part,))]

    def batches(self, part: str, device: str, after_grp: int = 0) -> Iterator[list[Row]]:
        """The stream's rows of groups after ``after_grp`` in order, cut between signature groups into
        bundles of at most BUNDLE_MAX_ENTRIES changes (a longer group alone travels whole)."""
        batch: list[Row] = []
        count = 0
        group: list[Row] = []

        def close_group() -> None:
            nonlocal batch, count, group
            n = sum(1 for r in group if r.line)
            if batch and count + n > P.BUNDLE_MAX_ENTRIES:
                finished.append(batch)
                batch, count = [], 0
            batch.extend(group)
            count += n
            group = []

        finished: list[list[Row]] = []
        self._by_part()
        for row in self.con.execute("SELECT seq, grp, created, line, stub, blob FROM e WHERE part=? AND device=? "
                                    "AND grp>? ORDER BY seq", (part, device, after_grp)):
            r = Row(*row)
            if group and r.grp != group[-1].grp:
                close_group()
                yield from finished
                finished.clear()
            group.append(r)
        if group:
            close_group()
            yield from finished
        if batch:
            yield batch


def encode(part: str, device: str, batch: list[Row], prev: str | None,
           created: str | None = None) -> tuple[bytes, P.PartHeader]:
    """The partition bundle of one batch (see :meth:`PartSpill.batches`) following ``prev``."""
    lines = [r.line for r in batch if r.line]
    stubs = []
    for r in batch:
        if r.stub:
            obj = json.loads(r.stub)
            stubs.append(P.Stub(device, int(obj["seq"]), obj.get("u"), str(obj["d"]), obj.get("sg")))
    blobs: list[str] = []
    for r in batch:
        if r.blob and r.blob not in blobs:
            blobs.append(r.blob)
    header = P.PartHeader(device=device, part=part, first_seq=batch[0].seq, last_seq=batch[-1].seq, prev=prev,
                          count=len(lines), blobs=blobs, stubs=stubs,
                          created_at=created if created is not None else (batch[-1].created or ""))
    return P.encode_part_bundle(header, lines), header


def blob_of(table: str, changes: dict[str, Any], blob_tables: Iterable[str]) -> str | None:
    """The file a change names: the new ``sha256`` of a row of a table that refers to files."""
    if table not in blob_tables:
        return None
    sha = (changes.get("sha256") or [None, None])[1]
    return sha if P.is_sha256(sha) else None


__all__ = ["Member", "PartSpill", "Row", "blob_of", "encode"]
