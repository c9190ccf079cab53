"""Set a new PC up for one person: pin the instansi's root key, name the person, take their scope.

The one path behind ``kinerja --db FILE --user NIP sync --remote STORE`` (after ``sync akar
daftar``) and the first-run wizard's "Komputer ini untuk saya" page: the PC then holds that
person's scope (sync.scope) and the person signs in with the password they already have.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.people_here import forget_person, remember_person
from kinerja_desktop.services.trust_service import pin_root
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.quick import JOIN_PENDING_KEY
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions, SyncProgress, SyncReport
from kinerja_desktop.sync.remote import Remote, open_remote
from kinerja_desktop.sync.replica import save_remote


def read_enrolment(path: str | Path) -> str:
    """The root public key from the central office's enrolment file (``sync akar ekspor``)."""
    try:
        enrol = json.loads(Path(path).read_text(encoding="utf-8"))
        return str(enrol["root"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValidationError(f"Berkas pendaftaran tidak dapat dibaca: {exc}", field="Berkas pendaftaran") from exc


def _require_store(remote: Remote) -> None:
    """A person's PC joins an existing store; it never founds one in a mistyped or empty folder."""
    try:
        remote.read(P.IDENTITY_PATH)
    except FileNotFoundError:
        raise ValidationError(f"{remote.display} belum berisi penyimpanan kantor. Periksa lokasinya; komputer "
                              "untuk satu orang tidak membuat penyimpanan baru.", field="Lokasi") from None


def join_office(db: Database, who: str, url: str, root_public: str, *, secret: str | None = None,
                progress: Callable[[SyncProgress], None] | None = None,
                cancel: threading.Event | None = None, options: SyncOptions | None = None) -> SyncReport:
    """Make this (new) database ``who``'s PC on the store at ``url`` and fetch their records.

    ``who`` is the person's NIP or user name as the roster knows it; ``root_public`` the instansi's
    root key (from the enrolment file, or read off the store after comparing its fingerprint).
    """
    who = (who or "").strip()
    if not who:
        raise ValidationError("NIP atau nama pengguna wajib diisi.", field="NIP")
    try:
        pin_root(db, root_public)
    except ValueError as exc:
        raise ValidationError("Kunci akar instansi tidak sah.", field="Berkas pendaftaran") from exc
    added = remember_person(db, who)
    db.set_meta(JOIN_PENDING_KEY, True)  # until it succeeds the PC counts as new (the wizard shows again)
    try:
        save_remote(db, url)
        remote = open_remote(url, secret=secret)
        try:
            _require_store(remote)
            report = SyncEngine(db, remote, options, progress=progress, cancel=cancel).run()
        finally:
            remote.close()
    except BaseException:
        if added:  # a failed or stopped first try names nobody: a mistyped NIP must not widen the scope later
            forget_person(db, who)
        raise
    if report.scope.get("employees", 0) == 0 and not report.scope.get("full"):
        forget_person(db, who)
        raise ValidationError(f"“{who}” tidak ada di daftar pegawai yang diterbitkan kantor pusat. Periksa NIP-nya, "
                              "atau minta kantor pusat menerbitkan daftar terbaru.", field="NIP")
    db.set_meta(JOIN_PENDING_KEY, None)
    return report


__all__ = ["join_office", "read_enrolment"]
