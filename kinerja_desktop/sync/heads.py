"""Folder heads: how an up-to-date PC learns that nothing is new in its scope without listing it.

Listing a folder costs a request whose answer grows with the folder (a WebDAV PROPFIND of one
partition is about 2 KB of XML; a staff PC's scope is some 16 partitions and 8 roster cards).
So every writer, after it wrote into a partition folder (``parts/<part>/``) or a roster card
folder (``roster/cards/<key>/``), rewrites that folder's tiny head object ``head.json``. A reader
reads the head before it lists the folder; when the head is the one it saw when it last listed
the folder (a 304 answer to ``If-None-Match`` on WebDAV and S3: a few hundred bytes; the content
itself on a folder or SFTP store) and everything that listing showed is applied here, the
listing is skipped.

What a head says is never trusted: it holds its writer, the newest number written and a random
nonce, only so that every write changes it. It decides nothing but whether a folder is listed;
what is fetched and applied still comes from the listing and is verified as before (hash chains,
signatures). So a forged head costs at worst a listing, and a head that is not rewritten (a push
cut between the bundle and its head, an app version from before heads, a head put back by
someone with write access to the store) can only delay a bundle. The rule that bounds that
delay: a PC lists every folder of its scope, whatever the heads say, when its last such full
listing is older than ``SyncOptions.full_listing_every`` (24 hours), and a folder whose listing
named a bundle not yet applied here (waiting, quarantined) is listed on every pull.

A reader records the head it read *before* listing: a bundle written after that listing is
followed by a head write, which the next pull sees. A folder without a head is a state like any
other ("-"): the first writer that writes into it also writes its head. Readers rely on heads
only on stores whose ``parts/layout.json`` says ``"heads": 1`` (new stores; old ones once
``kinerja sync migrasi-penyimpanan`` ran), since older app versions do not write them.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kinerja_desktop.store.db import Database

HEAD_NAME = "head.json"
#: ``parts/layout.json`` key: the store's writers keep heads (value: the heads format).
HEADS_FORMAT = 1
#: What a folder without a head is recorded as.
ABSENT = "-"


def head_path(folder: str) -> str:
    return f"{folder.rstrip('/')}/{HEAD_NAME}"


def head_bytes(folder: str, by: str, last: int) -> bytes:
    """A new head for ``folder`` written by ``by`` after writing its object numbered ``last``."""
    doc = {"kinerja_head": HEADS_FORMAT, "folder": folder, "by": by, "last": int(last),
           "at": datetime.now(UTC).isoformat(timespec="seconds"), "nonce": uuid.uuid4().hex}
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8")


def keeps_heads(marker: bytes | None) -> bool:
    """Does the store's layout marker say its writers keep heads?"""
    try:
        doc = json.loads(marker or b"")
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(doc, dict) and doc.get("heads") == HEADS_FORMAT


@dataclass
class Seen:
    """A folder's head as read just before its last listing, and what that listing showed."""

    etag: str | None
    digest: str
    #: stream or key -> the newest number the listing showed (all must be applied to skip a listing).
    tips: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> list[Any]:
        return [self.etag, self.digest, self.tips]

    @classmethod
    def from_json(cls, raw: Any) -> Seen | None:
        if not (isinstance(raw, list) and len(raw) == 3 and isinstance(raw[1], str) and isinstance(raw[2], dict)):
            return None
        tips = {str(k): int(v) for k, v in raw[2].items() if isinstance(v, int)}
        return cls(raw[0] if isinstance(raw[0], str) else None, raw[1], tips)


class HeadBook:
    """The heads this PC saw, per folder of one store (``local_meta``), and this pull's readings."""

    def __init__(self, db: Database, store_id: str, full_every: float, now: Callable[[], float] = time.time) -> None:
        self.db = db
        self.key = f"sync.heads.{store_id}"
        self.now = now
        raw = db.meta(self.key)
        raw = raw if isinstance(raw, dict) else {}
        folders = raw.get("folders") if isinstance(raw.get("folders"), dict) else {}
        self.seen: dict[str, Seen] = {f: s for f, v in folders.items() if (s := Seen.from_json(v)) is not None}
        last_full = raw.get("full_at")
        #: This pull lists every folder whatever the heads say (the periodic full check).
        self.full = not isinstance(last_full, int | float) or now() - float(last_full) >= full_every \
            or float(last_full) > now() + 3600  # a clock put back: check now
        self._full_at = None if self.full else float(last_full)
        self._read: dict[str, tuple[str | None, str]] = {}
        self._lock = threading.Lock()
        self.skipped = 0

    def read(self, folder: str, fetch: Callable[[str, str | None], tuple[str | None, bytes | None, bool]],
             settled: Callable[[Mapping[str, int]], bool]) -> bool:
        """Read the folder's head (``fetch(path, etag)`` -> (etag, content or None when unchanged, absent));
        True when listing the folder can be skipped."""
        known = self.seen.get(folder)
        etag, data, absent = fetch(head_path(folder), known.etag if known else None)
        if absent:
            digest = ABSENT
        elif data is None:
            digest = known.digest if known else ""
        else:
            digest = hashlib.sha256(data).hexdigest()
        with self._lock:
            self._read[folder] = (etag if not absent else None, digest)
        skip = (not self.full and known is not None and digest != "" and digest == known.digest
                and settled(known.tips))
        if skip:
            with self._lock:
                self.skipped += 1
                if etag != known.etag and not absent:  # same content, a validator to ask with next time
                    self.seen[folder] = Seen(etag, digest, known.tips)
        return skip

    def listed(self, folder: str, tips: Mapping[str, int]) -> None:
        """The folder was listed after its head was read: remember both."""
        with self._lock:
            got = self._read.get(folder)
            if got is None:
                self.seen.pop(folder, None)
            else:
                self.seen[folder] = Seen(got[0], got[1], dict(tips))

    def save(self) -> None:
        """Keep what this pull learnt, after it finished: the folders whose heads it read (those of the
        scope; a folder that left it is forgotten) and, after a full listing, when that was."""
        if self.full:
            self._full_at = self.now()
        folders = {f: s.to_json() for f, s in sorted(self.seen.items()) if f in self._read}
        self.db.set_meta(self.key, {"full_at": self._full_at, "folders": folders})


__all__ = ["ABSENT", "HEADS_FORMAT", "HEAD_NAME", "HeadBook", "Seen", "head_bytes", "head_path", "keeps_heads"]
