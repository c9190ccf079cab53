"""Long-term validation (PAdES B-LTA) of the signed documents stored on this PC: the one home for it
(beside signed_documents.py, which stores them; documents sit above services, so this is not a service).

``kinerja ltv FILE`` extends a file; this module extends the documents in the database, for the
GUI (Dokumen > Perpanjang keabsahan (LTV), and the button on a stored document), for
``kinerja dokumen ltv`` and for sync: before each sync run, when a timestamp server is set
(``signing.tsa_url``) and answers, the signed documents held here that have no document
timestamp after their last signature get one, with their validation data
(documents/long_term.py). A run is bounded (``limit`` documents), reports progress, lists what
failed and goes on; an unreachable server ends the run quietly (the documents wait for the next).

Who may: a document's pegawai, its penilai or an admin, the roles sync accepts a document change
from (sync/authz.py). The new PDF extends the stored bytes (every signature stays as it was); the
document row names the new bytes, so sync carries them to the other PCs.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy import select

from kinerja_desktop.documents.long_term import LongTermProblem, extend_long_term, has_long_term_data
from kinerja_desktop.documents.signed_documents import KIND_LABELS
from kinerja_desktop.documents.signing import UrllibTimeStamper
from kinerja_desktop.domain.errors import ConflictError, KinerjaError, PermissionDenied, ValidationError
from kinerja_desktop.domain.permissions import Role, roles_of
from kinerja_desktop.services.common import CurrentUser, get_live, plan_subject, subject_for
from kinerja_desktop.services.settings_service import get_setting
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Plan

__all__ = [
    "LongTermRun",
    "extend_document",
    "extend_stored",
    "lacking_long_term",
    "needs_long_term",
    "sync_step",
    "tsa_url",
]

log = logging.getLogger(__name__)

#: Documents extended per run at most (each costs a request to the timestamp server).
DEFAULT_LIMIT = 20
#: The roles sync accepts a change of a document row from (sync/authz.py INSERT_ROLES["document"]).
_WRITERS = frozenset({Role.PEGAWAI, Role.PENILAI, Role.ADMIN})
_SIGNED = ("PARTIAL", "SIGNED")


@dataclass
class LongTermRun:
    """What one run did: documents extended, those that failed (label, reason), those left for later."""

    extended: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    remaining: int = 0
    offline: str | None = None
    skipped_reason: str | None = None  # no server set, or nothing this user may extend

    def to_dict(self) -> dict[str, Any]:
        return {"extended": len(self.extended), "failed": [{"document": d, "error": e} for d, e in self.failed],
                "remaining": self.remaining, "offline": self.offline, "skipped": self.skipped_reason}

    def summary_lines(self) -> list[str]:
        if self.skipped_reason:
            return [self.skipped_reason]
        lines = [f"Validasi jangka panjang (LTV): {len(self.extended)} dokumen diperpanjang keabsahannya"
                 + (f", {self.remaining} menunggu giliran berikutnya" if self.remaining else "") + "."]
        lines += [f"  gagal: {label} — {error}" for label, error in self.failed]
        if self.offline:
            lines.append(f"  {self.offline}")
        return lines


def tsa_url(db: Database) -> str | None:
    """The timestamp server set for this instansi (Pengaturan: Server cap waktu), if any."""
    value = get_setting(db, "signing.tsa_url")
    return str(value).strip() or None if value else None


def _label(doc: Document) -> str:
    period = f" {doc.period}" if doc.period and doc.kind != "skp" else ""
    return f"{KIND_LABELS.get(doc.kind, doc.kind)} {doc.year or ''}{period} ({doc.id[:8]})".replace("  ", " ")


def _may_extend(session: Any, user: CurrentUser, doc: Document) -> bool:
    if user.is_admin:
        return True
    if doc.plan_id:
        plan = session.get(Plan, doc.plan_id)
        subject = plan_subject(session, plan) if plan is not None else None
    elif doc.employee_id:
        subject = subject_for(session, doc.employee_id, doc.year or 9999)
    else:
        return False
    return subject is not None and bool(roles_of(user.actor, subject) & _WRITERS)


def needs_long_term(pdf: bytes) -> bool:
    """Whether a signed PDF's last signature has no document timestamp (and DSS) after it."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = list(reader.embedded_regular_signatures)
    except Exception:  # an unreadable file is left to verify, which says what is wrong with it
        return False
    return bool(signatures) and not has_long_term_data(signatures[-1])


def lacking_long_term(db: Database, user: CurrentUser) -> list[str]:
    """Ids of the signed documents held here (their PDF is on this PC) that ``user`` may extend and that
    have no long-term validation after their last signature; newest first."""
    return _scan(db, user)[0]


def _scan(db: Database, user: CurrentUser) -> tuple[list[str], list[tuple[str, str]]]:
    """(:func:`lacking_long_term`, the stored files that cannot be read: (label, reason))."""
    found: list[str] = []
    damaged: list[tuple[str, str]] = []
    with db.reader() as s:
        docs = s.scalars(select(Document).where(Document.deleted.is_(False), Document.status.in_(_SIGNED))
                         .order_by(Document.updated_at.desc()))
        for doc in docs:
            if not db.blobs.exists(doc.sha256) or not _may_extend(s, user, doc):
                continue
            try:
                pdf = db.blobs.read_bytes(doc.sha256)
            except OSError:  # its bytes no longer match their SHA-256 (the blob store checks every read)
                damaged.append((_label(doc), "berkas PDF tersimpan rusak (isinya tidak cocok dengan sidik "
                                             "SHA-256-nya); pulihkan dari cadangan atau sinkronisasi"))
                continue
            if needs_long_term(pdf):
                found.append(doc.id)
    return found, damaged


def _timestamper(url: str) -> Any:
    return UrllibTimeStamper(url)


def _roots(extra: Iterable[Any] = ()) -> list[Any]:
    from kinerja_desktop.documents.certs import default_pki

    return [*default_pki().trust.certificates(), *extra]


def extend_document(
    db: Database, user: CurrentUser, document_id: str, *, url: str | None = None, timestamper: Any = None,
    trust: Iterable[Any] = (),
) -> str:
    """Add a document timestamp and validation data to one stored signed document; returns its level
    ("B-LTA" or "B-B+LTA"). Raises LongTermProblem (server unreachable, a signature not valid today)."""
    with db.reader() as s:
        doc = get_live(s, Document, document_id, "Dokumen")
        if not _may_extend(s, user, doc):
            raise PermissionDenied("Hanya pegawai, pejabat penilai dokumen ini, atau admin yang dapat "
                                   "memperpanjang keabsahannya.")
        if doc.status not in _SIGNED:
            raise ValidationError("Dokumen ini belum ditandatangani; tidak ada tanda tangan untuk diperpanjang.")
        old_sha = doc.sha256
    if timestamper is None:
        url = url or tsa_url(db)
        if not url:
            raise ValidationError("Server cap waktu belum diatur (Pengaturan > Server cap waktu (TSA)).",
                                  field="signing.tsa_url")
        timestamper = _timestamper(url)
    pdf = db.blobs.read_bytes(old_sha)
    if not needs_long_term(pdf):
        raise ValidationError("Dokumen ini sudah memiliki validasi jangka panjang setelah tanda tangan terakhirnya.")
    result = extend_long_term(pdf, timestamper, _roots(trust))
    if not result.pdf.startswith(pdf):  # never: pyHanko writes incremental updates; checked all the same
        raise ConflictError("Hasil validasi jangka panjang tidak memuat dokumen tersimpan apa adanya.")
    new_sha = db.blobs.put_bytes(result.pdf)
    with db.session(user=user.username, role=_role(db, user, document_id)) as s:
        doc = get_live(s, Document, document_id, "Dokumen")
        if doc.sha256 != old_sha:
            raise ConflictError("Dokumen berubah selama validasi jangka panjang dibuat (misalnya ditandatangani "
                                "lagi); ulangi.")
        doc.sha256 = new_sha
    return result.level


def _role(db: Database, user: CurrentUser, document_id: str) -> str:
    """The role the change is recorded under (the first of pegawai, penilai, admin that the user holds)."""
    if user.is_admin:
        return Role.ADMIN.value
    with db.reader() as s:
        doc = get_live(s, Document, document_id, "Dokumen")
        plan = s.get(Plan, doc.plan_id) if doc.plan_id else None
        subject = plan_subject(s, plan) if plan is not None else subject_for(s, doc.employee_id or "", doc.year or 9999)
        held = roles_of(user.actor, subject)
    return next((r.value for r in (Role.PEGAWAI, Role.PENILAI) if r in held), Role.PEGAWAI.value)


def extend_stored(
    db: Database, user: CurrentUser, *, url: str | None = None, limit: int = DEFAULT_LIMIT,
    progress: Callable[[int, int, str], None] | None = None, cancelled: Callable[[], bool] | None = None,
    timestamper: Any = None, trust: Iterable[Any] = (),
) -> LongTermRun:
    """Extend up to ``limit`` signed documents held here that lack long-term validation (sync, GUI, CLI).

    Errors are listed per document and the run goes on; an unreachable timestamp server stops it.
    """
    run = LongTermRun()
    url = url or tsa_url(db)
    if timestamper is None and not url:
        run.skipped_reason = "Server cap waktu belum diatur; validasi jangka panjang dilewati."
        return run
    stamper = timestamper or _timestamper(url or "")
    todo, run.failed = _scan(db, user)
    batch, run.remaining = todo[:limit], max(0, len(todo) - limit)
    trust = list(trust)
    with db.reader() as s:
        labels = {d: _label(get_live(s, Document, d, "Dokumen")) for d in batch}
    for index, doc_id in enumerate(batch, start=1):
        if cancelled is not None and cancelled():
            run.remaining += len(batch) - index + 1
            break
        if progress is not None:
            progress(index - 1, len(batch), labels[doc_id])
        try:
            extend_document(db, user, doc_id, timestamper=stamper, trust=trust)
        except LongTermProblem as exc:
            if exc.code == "ltv.tsa_unreachable":
                run.offline = str(exc)
                run.remaining += len(batch) - index + 1
                break
            run.failed.append((labels[doc_id], str(exc)))
        except KinerjaError as exc:
            run.failed.append((labels[doc_id], str(exc)))
        else:
            run.extended.append(doc_id)
    if progress is not None:
        progress(len(batch), len(batch), "")
    log.info("long-term validation: %d extended, %d failed, %d left", len(run.extended), len(run.failed),
             run.remaining)
    return run


def sync_step(db: Database, user: CurrentUser | None) -> Callable[[Callable[[int, int, str], None]], dict[str, Any]]:
    """The step sync runs before sending (SyncEngine ``before_push``): :func:`extend_stored` for the
    signed-in user when a timestamp server is set; it never stops the sync (a failure is reported)."""

    def step(progress: Callable[[int, int, str], None]) -> dict[str, Any]:
        if user is None:
            return LongTermRun(skipped_reason="Tidak ada pengguna yang masuk; validasi jangka panjang dilewati.")\
                .to_dict()
        try:
            return extend_stored(db, user, progress=progress).to_dict()
        except Exception as exc:  # noqa: BLE001 - sync goes on; what went wrong is reported, not raised
            log.warning("long-term validation before sync failed", exc_info=True)
            message = str(exc) if isinstance(exc, KinerjaError) else "kesalahan tak terduga (lihat log)"
            return LongTermRun(failed=[("validasi jangka panjang", message)]).to_dict()

    return step
