"""The layout of a sync store and the format of what is written there.

Everything on a store is written once and never changed afterwards::

    kinerja-store.json                             the store's identity (made by the first device)
    devices/<device>/bundles/<seq>-<sha256>.jsonl.gz
                                                   a device's changes; <seq> is the last sequence
                                                   number inside, <sha256> the hash of the file;
                                                   each bundle names the hash of the one before
    chunks/<aa>/<sha256>                           pieces (64 or 256 KiB) of files (signed PDFs, evidence)
    files/<sha256>.json                            the chunk list of a file of more than one chunk
                                                   (a one-chunk file is its own chunk)
    roster/<seq>-<sha256>.json.gz                  roster snapshots published by the central office
    parts/<partition>/<device>-<seq>-<sha256>.jsonl.gz
                                                   the same changes once more, per partition (whose
                                                   record they are, see store.partitions): a PC that
                                                   holds only its scope lists and reads only the
                                                   partitions of its scope; each names the hash of
                                                   the device's previous bundle in that partition

Every name that embeds a hash is verified against the bytes on reading, so a partial or
tampered object is recognised (and a partial upload can be completed under the same name:
the bytes that belong there are defined by the name).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kinerja_desktop.store import signing

FORMAT = 1
#: Format of a partition bundle (``parts/``): entries of one partition, not numbered contiguously.
PART_FORMAT = 2
PARTS_DIR = "parts"
#: Written once when a store starts keeping partitions (a new store, or an old one migrated).
PARTS_MARKER = f"{PARTS_DIR}/layout.json"
IDENTITY_PATH = "kinerja-store.json"
DEVICES_DIR = "devices"
CHUNKS_DIR = "chunks"
FILES_DIR = "files"
ROSTER_DIR = "roster"
#: Where each PC writes the small file that checks the store lists nested folders (sync.probe).
PROBE_DIR = "probe"
#: Files travel in content-addressed pieces. An upload cannot resume inside a piece (WebDAV has no
#: standard partial PUT, and S3 multipart parts must be at least 5 MB), so a PUT cut off starts again
#: from its first byte: on a slow link pieces are CHUNK_SIZE (32 KiB take about 4 s over 64 kbit/s, so
#: a link cut every 30 s still moves seven between cuts and a cut costs at most one of them), on a
#: fast one CHUNK_SIZE_MAX (fewer requests). A download resumes inside any piece (HTTP range
#: requests, see SyncEngine._read_resumable). A reader takes any piece sizes: a file's chunk list
#: names each piece and its size.
CHUNK_SIZE = 32 * 1024
CHUNK_SIZE_MAX = 256 * 1024
#: Entries per bundle, and compressed bytes per bundle (a bundle is split between signature
#: groups until it is this small; one signature group is never split): keeps a bundle small
#: enough that a cut transfer costs little to redo.
BUNDLE_MAX_ENTRIES = 4000
BUNDLE_MAX_BYTES = 64 * 1024

_BUNDLE_NAME = re.compile(r"^(\d{10})-([0-9a-f]{64})\.jsonl\.gz$")
_PART_BUNDLE_NAME = re.compile(r"^([0-9a-f-]{36})-(\d{10})-([0-9a-f]{64})\.jsonl\.gz$")
_ROSTER_NAME = re.compile(r"^(\d{10})-([0-9a-f]{64})\.json\.gz$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class BundleError(ValueError):
    """A bundle failed verification (hash, gzip, JSON, header or sequence)."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_sha256(text: str | None) -> bool:
    return bool(text) and bool(_HEX64.match(str(text)))


def bundles_dir(device: str) -> str:
    return f"{DEVICES_DIR}/{device}/bundles"


def bundle_name(last_seq: int, digest: str) -> str:
    return f"{last_seq:010d}-{digest}.jsonl.gz"


def parse_bundle_name(name: str) -> tuple[int, str] | None:
    m = _BUNDLE_NAME.match(name)
    return (int(m.group(1)), m.group(2)) if m else None


def part_dir(part: str) -> str:
    return f"{PARTS_DIR}/{part}"


def part_bundle_name(device: str, last_seq: int, digest: str) -> str:
    return f"{device}-{last_seq:010d}-{digest}.jsonl.gz"


def parse_part_bundle_name(name: str) -> tuple[str, int, str] | None:
    """(device, last seq, sha256) of a partition bundle's name."""
    m = _PART_BUNDLE_NAME.match(name)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else None


#: Receipts of the central office: "the changes of device D up to number N are in the central
#: replica", signed by the admin who ran its sync (written once per number, never overwritten).
RECEIPTS_DIR = "receipts"
_RECEIPT_NAME = re.compile(r"^(\d{12})-([0-9A-Za-z_-]{1,64})\.json$")


def receipt_dir(device: str) -> str:
    return f"{RECEIPTS_DIR}/{device}"


def receipt_name(applied: int, kid: str) -> str:
    return f"{applied:012d}-{kid}.json"


def parse_receipt_name(name: str) -> int | None:
    m = _RECEIPT_NAME.match(name)
    return int(m.group(1)) if m else None


#: Roster cards (central/roster.py): a person's part of the roster, signed, for PCs that hold a scope.
ROSTER_CARDS_DIR = "roster/cards"
_CARD_KEY = re.compile(r"^(_admins|_names/[0-9a-f]{2}|[0-9A-Za-z._-]{1,64})$")


def card_shard(name: str) -> str:
    """The name-index card a user name or NIP is listed in (``_names/<xx>``)."""
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:2]


def card_dir(key: str) -> str:
    if not _CARD_KEY.match(key):
        raise ValueError(f"bad card key {key!r}")
    return f"{ROSTER_CARDS_DIR}/{key}"


def roster_name(seq: int, digest: str) -> str:
    return f"{seq:010d}-{digest}.json.gz"


def parse_roster_name(name: str) -> tuple[int, str] | None:
    m = _ROSTER_NAME.match(name)
    return (int(m.group(1)), m.group(2)) if m else None


def chunk_path(digest: str) -> str:
    return f"{CHUNKS_DIR}/{digest[:2]}/{digest}"


def manifest_path(digest: str) -> str:
    return f"{FILES_DIR}/{digest}.json"


def gzip_bytes(data: bytes) -> bytes:
    """Deterministic gzip (no timestamp, no file name): equal input gives equal bytes."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=6, mtime=0, filename="") as gz:
        gz.write(data)
    return buf.getvalue()


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str)


# ------------------------------------------------------------------------------------------ bundles


@dataclass
class Entry:
    """One change of one row, as carried in a bundle."""

    device: str
    seq: int
    table: str
    row: str
    op: str
    changes: dict[str, list[Any]]
    base: dict[str, Any] = field(default_factory=dict)
    user: str | None = None
    role: str | None = None
    at: str | None = None
    #: For a change that freezes a record: {device: seq} of what its author had processed.
    clock: dict[str, int] | None = None
    #: On the last entry of a signed group: {"k": key id, "n": entries in the group, "s": signature}.
    sig: dict[str, Any] | None = None
    #: Whose record the row is (store.partitions), covered by the signature; None on older changes.
    part: str | None = None
    #: Set by the receiver: the signature that covers this entry is the instansi's root key.
    by_root: bool = field(default=False, compare=False)

    @property
    def version(self) -> str:
        return f"{self.device}:{self.seq}"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"seq": self.seq, "t": self.table, "r": self.row, "op": self.op, "c": self.changes}
        if self.base:
            out["b"] = self.base
        if self.user is not None:
            out["u"] = self.user
        if self.role is not None:
            out["ro"] = self.role
        if self.at is not None:
            out["at"] = self.at
        if self.clock is not None:
            out["k"] = self.clock
        if self.sig:
            out["sg"] = self.sig
        if self.part is not None:
            out["p"] = self.part
        return out

    @classmethod
    def from_json(cls, device: str, obj: dict[str, Any]) -> Entry:
        return cls(
            device=device, seq=int(obj["seq"]), table=str(obj["t"]), row=str(obj["r"]), op=str(obj["op"]),
            changes=dict(obj["c"]), base=dict(obj.get("b") or {}), user=obj.get("u"), role=obj.get("ro"),
            at=obj.get("at"), clock={str(k): int(v) for k, v in obj["k"].items()} if obj.get("k") is not None else None,
            sig=dict(obj["sg"]) if obj.get("sg") else None, part=str(obj["p"]) if obj.get("p") is not None else None,
        )

    def digest(self) -> bytes:
        """What the author's signature covers of this change (see store.signing)."""
        return signing.entry_digest(self.device, self.seq, self.table, self.row, self.op, self.changes, self.base,
                                    self.user, self.clock, self.part)


@dataclass
class BundleHeader:
    device: str
    first_seq: int
    last_seq: int
    prev: str | None
    count: int
    blobs: list[str] = field(default_factory=list)
    created_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"kinerja_bundle": FORMAT, "device": self.device, "first_seq": self.first_seq,
                "last_seq": self.last_seq, "prev": self.prev, "count": self.count, "blobs": self.blobs,
                "created_at": self.created_at}


#: Limits on what one bundle may decompress to (a bundle holds at most BUNDLE_MAX_ENTRIES entries).
MAX_BUNDLE_BYTES = 64 * 1024 * 1024
MAX_LINE_BYTES = 4 * 1024 * 1024
MAX_LINES = BUNDLE_MAX_ENTRIES + 1
_EMPTY_LINES = re.compile(rb"\n{2,}")


def gunzip_lines(data: bytes, *, max_bytes: int = MAX_BUNDLE_BYTES, max_line: int = MAX_LINE_BYTES,
                 max_lines: int = MAX_LINES) -> list[bytes]:
    """Decompress gzip ``data`` into its non-empty lines, streamed, within the given bounds.

    Raises :class:`BundleError` (instead of running out of memory) when the data decompresses
    to more than ``max_bytes``, holds a line longer than ``max_line`` or more than
    ``max_lines`` lines, is not one whole gzip member, or is not UTF-8.
    """
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    lines: list[bytes] = []
    total = 0
    tail = b""
    pos = 0
    step = 256 * 1024
    try:
        while not inflater.eof:
            if inflater.unconsumed_tail:
                src = inflater.unconsumed_tail
            elif pos < len(data):
                src, pos = data[pos:pos + step], pos + step
            else:
                raise BundleError("berkas gzip terpotong")
            piece = inflater.decompress(src, 1024 * 1024)
            total += len(piece)
            if total > max_bytes:
                raise BundleError(f"isi bundel lebih dari {max_bytes // (1024 * 1024)} MB setelah dibuka")
            # empty lines collapsed first: a megabyte of them costs milliseconds, not a million list items
            parts = _EMPTY_LINES.sub(b"\n", tail + piece).split(b"\n")
            tail = parts.pop()
            lines.extend(filter(None, parts))
            if len(tail) > max_line or max(map(len, parts), default=0) > max_line:
                raise BundleError(f"satu baris bundel lebih dari {max_line // (1024 * 1024)} MB")
            if len(lines) > max_lines:
                raise BundleError("bundel berisi terlalu banyak baris")
    except zlib.error as exc:
        raise BundleError(f"berkas bukan gzip yang utuh ({exc})") from exc
    if inflater.unused_data or pos < len(data):
        raise BundleError("ada data tambahan setelah akhir gzip")
    if tail:
        lines.append(tail)
    return lines


def encode_bundle(header: BundleHeader, entries: Iterable[Entry]) -> bytes:
    return encode_bundle_lines(header, [dumps(e.to_json()) for e in entries])


def encode_bundle_lines(header: BundleHeader, lines: Iterable[str]) -> bytes:
    """A bundle from entries already written as JSON lines (``dumps(entry.to_json())``)."""
    return gzip_bytes(("\n".join([dumps(header.to_json()), *lines]) + "\n").encode("utf-8"))


def _bundle_lines(data: bytes, expected_sha: str) -> list[str]:
    """The lines of a bundle whose bytes match the hash in its name (bounded, see :func:`gunzip_lines`)."""
    if sha256(data) != expected_sha:
        raise BundleError("isi berkas tidak cocok dengan hash pada namanya (rusak, terpotong, atau diubah)")
    try:
        lines = [ln.decode("utf-8") for ln in gunzip_lines(data)]
    except UnicodeDecodeError as exc:
        raise BundleError(f"isi bundel bukan UTF-8 ({exc})") from exc
    if not lines:
        raise BundleError("berkas kosong")
    return lines


def decode_bundle(data: bytes, *, expected_sha: str, device: str, last_seq: int) -> tuple[BundleHeader, list[Entry]]:
    """Verify and parse a bundle; raises :class:`BundleError` with an Indonesian reason."""
    lines = _bundle_lines(data, expected_sha)
    try:
        head = json.loads(lines[0])
        if head.get("kinerja_bundle") != FORMAT:
            raise BundleError(f"format bundel tidak dikenal: {head.get('kinerja_bundle')!r}")
        header = BundleHeader(
            device=str(head["device"]), first_seq=int(head["first_seq"]), last_seq=int(head["last_seq"]),
            prev=head.get("prev"), count=int(head["count"]), blobs=[str(b) for b in head.get("blobs") or []],
            created_at=str(head.get("created_at") or ""),
        )
        entries = [Entry.from_json(header.device, json.loads(ln)) for ln in lines[1:]]
    except BundleError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BundleError(f"isi bundel tidak dapat dibaca ({exc})") from exc
    if header.device != device:
        raise BundleError("bundel menyebut perangkat lain daripada foldernya")
    if header.last_seq != last_seq:
        raise BundleError("nomor urut pada nama tidak cocok dengan isi")
    if header.count != len(entries) or header.last_seq - header.first_seq + 1 != len(entries):
        raise BundleError("jumlah perubahan tidak cocok dengan kepala bundel")
    for offset, e in enumerate(entries):
        if e.seq != header.first_seq + offset:
            raise BundleError("nomor urut perubahan di dalam bundel tidak berurutan")
    for b in header.blobs:
        if not is_sha256(b):
            raise BundleError("daftar berkas berisi hash yang tidak sah")
    return header, entries


@dataclass
class Stub:
    """A member of a signature group that belongs to another partition: only what its signature needs.

    Groups made since scoped sync never span partitions; older history may (see store.partitions).
    """

    device: str
    seq: int
    user: str | None
    digest_hex: str
    sig: dict[str, Any] | None = None

    def digest(self) -> bytes:
        return bytes.fromhex(self.digest_hex)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"seq": self.seq, "u": self.user, "d": self.digest_hex}
        if self.sig:
            out["sg"] = self.sig
        return out


@dataclass
class PartHeader:
    device: str
    part: str
    first_seq: int
    last_seq: int
    prev: str | None
    count: int
    blobs: list[str] = field(default_factory=list)
    stubs: list[Stub] = field(default_factory=list)
    created_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"kinerja_bundle": PART_FORMAT, "device": self.device, "part": self.part,
                "first_seq": self.first_seq, "last_seq": self.last_seq, "prev": self.prev, "count": self.count,
                "blobs": self.blobs, "stubs": [s.to_json() for s in self.stubs], "created_at": self.created_at}


def encode_part_bundle(header: PartHeader, lines: Iterable[str]) -> bytes:
    return gzip_bytes(("\n".join([dumps(header.to_json()), *lines]) + "\n").encode("utf-8"))


def decode_part_bundle(data: bytes, *, expected_sha: str, device: str, part: str,
                       last_seq: int) -> tuple[PartHeader, list[Entry]]:
    """Verify and parse a partition bundle; raises :class:`BundleError` with an Indonesian reason."""
    lines = _bundle_lines(data, expected_sha)
    try:
        head = json.loads(lines[0])
        if head.get("kinerja_bundle") != PART_FORMAT:
            raise BundleError(f"format bundel tidak dikenal: {head.get('kinerja_bundle')!r}")
        dev = str(head["device"])
        stubs = [Stub(dev, int(x["seq"]), x.get("u"), str(x["d"]), dict(x["sg"]) if x.get("sg") else None)
                 for x in head.get("stubs") or []]
        header = PartHeader(
            device=dev, part=str(head["part"]), first_seq=int(head["first_seq"]), last_seq=int(head["last_seq"]),
            prev=head.get("prev"), count=int(head["count"]), blobs=[str(b) for b in head.get("blobs") or []],
            stubs=stubs, created_at=str(head.get("created_at") or ""))
        entries = [Entry.from_json(dev, json.loads(ln)) for ln in lines[1:]]
    except BundleError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BundleError(f"isi bundel tidak dapat dibaca ({exc})") from exc
    if header.device != device or header.part != part:
        raise BundleError("bundel menyebut perangkat atau bagian lain daripada namanya")
    if header.last_seq != last_seq:
        raise BundleError("nomor urut pada nama tidak cocok dengan isi")
    if header.count != len(entries) or not entries:
        raise BundleError("jumlah perubahan tidak cocok dengan kepala bundel")
    seqs = [e.seq for e in entries]
    if any(b <= a for a, b in zip(seqs, seqs[1:], strict=False)):
        raise BundleError("nomor urut perubahan di dalam bundel tidak berurutan")
    every = sorted([*seqs, *(s.seq for s in header.stubs)])
    if len(set(every)) != len(every) or every[0] != header.first_seq or every[-1] != header.last_seq:
        raise BundleError("nomor urut perubahan tidak cocok dengan kepala bundel")
    if any(not is_sha256(s.digest_hex) for s in header.stubs) or len(header.stubs) > 2 * signing.GROUP_MAX:
        raise BundleError("ringkasan perubahan bagian lain tidak sah")
    for b in header.blobs:
        if not is_sha256(b):
            raise BundleError("daftar berkas berisi hash yang tidak sah")
    return header, entries


def with_stubs(entries: list[Entry], stubs: list[Stub]) -> list[Any]:
    """Entries and stubs in sequence order: the signature groups as their author signed them."""
    return sorted([*entries, *stubs], key=lambda x: x.seq)


# ------------------------------------------------------------------------------------------ chunks


def split_chunks(data: bytes) -> Iterator[tuple[str, bytes]]:
    for start in range(0, max(len(data), 1), CHUNK_SIZE):
        piece = data[start:start + CHUNK_SIZE]
        yield sha256(piece), piece


def encode_manifest(digest: str, size: int, chunks: list[tuple[str, int]]) -> bytes:
    return dumps({"kinerja_file": FORMAT, "sha256": digest, "size": size,
                  "chunks": [[c, n] for c, n in chunks]}).encode("utf-8")


def decode_manifest(data: bytes, digest: str) -> list[tuple[str, int]]:
    try:
        obj = json.loads(data.decode("utf-8"))
        if obj.get("sha256") != digest:
            raise BundleError("daftar potongan berkas menyebut hash lain")
        chunks = [(str(c), int(n)) for c, n in obj["chunks"]]
    except BundleError:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise BundleError(f"daftar potongan berkas tidak dapat dibaca ({exc})") from exc
    if not all(is_sha256(c) for c, _ in chunks):
        raise BundleError("daftar potongan berkas berisi hash yang tidak sah")
    return chunks
