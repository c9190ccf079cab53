"""Does the store list what was written into nested folders?

Sync finds other devices' changes only by listing folders two levels deep
(``devices/<device>/bundles``). A store whose listing leaves out nested folders (seen with a fake
S3 server that ignored the delimiter) would let every sync "succeed" with nothing received. So once
per store on each PC, before anything else, a small probe file is written as deep as the bundles
are and looked up level by level; a store that cannot show it is refused with one sentence.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.remote import Remote, RemoteError

T = TypeVar("T")

#: ``local_meta`` key (plus a hash of the store id and location, see :func:`checked_key`): the store's
#: listing was checked from this PC.
CHECKED_KEY = "sync.listing_checked"
PROBE_FILE = "probe.json"


class StoreListingBroken(RemoteError):
    """The store does not list what was written in nested folders: sync cannot work with it."""


def checked_key(store_id: str, location: str) -> str:
    """The ``local_meta`` key saying this store, at this location, was checked (a copy elsewhere is checked
    again); hashed, as a key holds at most 80 characters."""
    where = hashlib.sha256((store_id + "\n" + location).encode()).hexdigest()[:32]
    return f"{CHECKED_KEY}.{where}"


def probe_dir(device: str) -> str:
    return f"{P.PROBE_DIR}/{device}/list"


def check_listing(remote: Remote, device: str, retry: Callable[[Callable[[], T], str], T],
                  write: Callable[[str, bytes], Any]) -> None:
    """Write ``probe/<device>/list/probe.json`` and find it by listing each level; raise
    :class:`StoreListingBroken` when a level does not show what is below it."""
    folder = probe_dir(device)
    data = P.dumps({"probe": uuid.uuid4().hex, "device": device}).encode("utf-8")
    write(f"{folder}/{PROBE_FILE}", data)
    missing = ""
    if device not in retry(lambda: remote.list_dirs(P.PROBE_DIR), "list probe"):
        missing = f"folder {P.PROBE_DIR}/{device}"
    elif "list" not in retry(lambda: remote.list_dirs(f"{P.PROBE_DIR}/{device}"), "list probe"):
        missing = f"folder {folder}"
    else:
        listed = retry(lambda: remote.list(folder), "list probe")
        if PROBE_FILE not in listed:
            missing = f"berkas {folder}/{PROBE_FILE}"
        elif listed[PROBE_FILE] not in (None, len(data)):
            missing = f"ukuran berkas {folder}/{PROBE_FILE} yang benar"
    if missing:
        raise StoreListingBroken(
            f"Penyimpanan {remote.display} tidak menampilkan isi folder bertingkat: {missing} yang baru saja "
            "ditulis tidak muncul dalam daftar isinya, sehingga perubahan dari komputer lain tidak akan "
            "pernah terlihat. Sinkronisasi dihentikan; gunakan server penyimpanan lain atau minta "
            "pengelolanya memperbaiki daftar isi folder.", code="sync.listing_broken")
