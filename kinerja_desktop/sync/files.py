"""Files fetched when they are opened: a penilai's PC gets a subordinate's evidence on demand.

A PC that holds a scope fetches its own people's files with each sync; others' files (in its
scope) arrive with their records as metadata only and are fetched here, from the configured
store, in the same content-addressed pieces (a piece fetched before a cut is not fetched again).
"""

from __future__ import annotations

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.store.db import Database
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
from kinerja_desktop.sync.remote import open_remote
from kinerja_desktop.sync.replica import configured_remote

#: Opening a file is an interactive wait: give up sooner than a background sync would.
ON_DEMAND = SyncOptions(retry_base=0.5, retry_max=4.0, retry_tries=3, first_contact_tries=2, workers=2)


def fetch_files(db: Database, shas: list[str]) -> int:
    """Fetch these files (SHA-256) from this PC's store; returns how many arrived.

    Raises :class:`ValidationError` with a plain reason when no store is set up.
    """
    wanted = [sha for sha in dict.fromkeys(shas) if not db.blobs.exists(sha)]
    if not wanted:
        return 0
    url = configured_remote(db)
    if not url:
        raise ValidationError("Berkas ini belum ada di komputer ini dan penyimpanan sinkronisasi belum diatur.")
    remote = open_remote(url, timeout=20)
    try:
        return SyncEngine(db, remote, ON_DEMAND).fetch_files(wanted)
    finally:
        remote.close()


__all__ = ["fetch_files"]
