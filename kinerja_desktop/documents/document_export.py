"""Stored signed PDFs out of the database: list them for a person and export one byte for byte.

``kinerja dokumen list|export`` and the employee page's Ekspor… action both come here. The
exported file is exactly the stored blob (its SHA-256 is checked on the way out and again after
writing), so every signature in it verifies as it did when it was stored.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from sqlalchemy import select

from kinerja_desktop.documents.signed_documents import KIND_LABELS, DocumentView, document_pdf, list_documents
from kinerja_desktop.domain.errors import NotFound, ValidationError
from kinerja_desktop.domain.periods import parse_period
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Employee

__all__ = ["default_filename", "documents_of", "export_document", "find_document"]


def documents_of(
    db: Database, user: CurrentUser, nip: str, *, year: int | None = None, period: str | None = None,
    kind: str | None = None,
) -> list[DocumentView]:
    """The stored documents of the person with ``nip`` (newest first), optionally narrowed."""
    if kind is not None and kind not in KIND_LABELS:
        raise ValidationError(f"Jenis dokumen tidak dikenal: {kind} ({', '.join(KIND_LABELS)}).", field="doc")
    code = parse_period(period).code if period else None
    nip = "".join(nip.split())
    with db.reader() as s:
        emp = s.scalars(select(Employee).where(Employee.nip == nip, Employee.deleted.is_(False))).first()
        if emp is None:
            raise NotFound(f"Pegawai dengan NIP {nip} tidak ditemukan.")
        employee_id = emp.id
    return [
        d for d in list_documents(db, user, employee_id)
        if (year is None or d.year == year) and (code is None or d.period == code) and (kind is None or d.kind == kind)
    ]


def find_document(db: Database, ref: str) -> str:
    """A document id from its full id or a unique prefix of at least 6 characters (as ``list`` shows it)."""
    ref = ref.strip().lower()
    if len(ref) < 6:
        raise ValidationError("Beri nomor dokumen lengkap, atau sedikitnya 6 karakter awalnya.", field="id")
    with db.reader() as s:
        ids = list(s.scalars(select(Document.id).where(Document.id.like(f"{ref}%"), Document.deleted.is_(False))))
    if not ids:
        raise NotFound(f"Dokumen {ref} tidak ditemukan.")
    if len(ids) > 1:
        raise ValidationError(f"Awalan {ref} cocok dengan {len(ids)} dokumen; beri lebih banyak karakter.", field="id")
    return ids[0]


def default_filename(doc: DocumentView) -> str:
    """``evaluasi-2026-TW3-1a2b3c4d.pdf``: kind, year, period and the start of the content hash."""
    return f"{doc.kind}-{doc.year or 0}-{doc.period or 'TAHUNAN'}-{doc.sha256[:8]}.pdf"


def export_document(db: Database, user: CurrentUser, document_id: str, path: str | os.PathLike[str]) -> str:
    """Write the stored PDF to ``path`` byte for byte (atomically); returns its SHA-256."""
    with db.reader() as s:
        doc = s.get(Document, document_id)
        expected = doc.sha256 if doc is not None and not doc.deleted else None
    data = document_pdf(db, user, document_id)  # permission check; the blob store checks the hash
    sha = hashlib.sha256(data).hexdigest()
    if sha != expected:
        raise ValidationError("Berkas dokumen tersimpan tidak cocok dengan catatannya; ekspor dibatalkan.")
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".ekspor-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hashlib.sha256(target.read_bytes()).hexdigest() != sha:
        raise OSError(f"{target} tidak sama dengan dokumen tersimpan setelah ditulis.")
    return sha
