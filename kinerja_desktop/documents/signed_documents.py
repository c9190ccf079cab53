"""Signed documents in the database: content-addressed PDFs, status, signers, and the freeze.

A signed sheet's bytes go to the blob store under their SHA-256; the ``document`` row
names the record it was made from (plan, evaluation), its status and its signers. The
first signature freezes the record (``plan.frozen`` / ``evaluation.frozen``): the services
then refuse every change to data that feeds the sheet. A Revisi makes a new plan version;
the old version keeps its signed PDF and signatures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.documents.signing import (
    ROLE_LABELS,
    SigningIdentity,
    SignOptions,
    SignResult,
    sign_pdf,
    signature_state,
)
from kinerja_desktop.domain.errors import ConflictError, KinerjaError, NotFound, PermissionDenied, ValidationError
from kinerja_desktop.domain.periods import parse_period
from kinerja_desktop.domain.permissions import Action, may, require
from kinerja_desktop.services.common import CurrentUser, get_live, plan_subject, subject_for
from kinerja_desktop.services.plan_versions import current_plans, plans_for_period
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Employee, Evaluation, Plan

__all__ = [
    "KIND_LABELS",
    "STATUS_LABELS",
    "DocumentTarget",
    "DocumentView",
    "certified_request",
    "document_pdf",
    "list_documents",
    "pending_pdf",
    "record_certified",
    "record_signature",
    "render_record",
    "penetapan_target",
    "pengelola_target",
    "resolve_penetapan",
    "resolve_target",
    "role_of",
    "sign_record",
]

KIND_LABELS = {
    "skp": "SKP",
    "evaluasi": "Evaluasi Kinerja",
    "dokumen-evaluasi": "Dokumen Evaluasi Kinerja",
    "penetapan": "Penetapan Predikat Kinerja",
    "penghargaan": "Daftar Penghargaan Kinerja",
    "rekap-jp": "Rekap Pengembangan Kompetensi",
}
STATUS_LABELS = {
    "UNSIGNED": "Belum ditandatangani",
    "PARTIAL": "Sebagian ditandatangani",
    "SIGNED": "Ditandatangani lengkap",
}
_ROLE_ACTIONS = {"pegawai": Action.SIGN_PEGAWAI, "penilai": Action.SIGN_PENILAI}
PENETAPAN = "penetapan"
#: Lists the kepegawaian office keeps and its pengelola signs: the admin who records awards / organised training.
PENGELOLA_KINDS = {"penghargaan": Action.MANAGE_AWARDS, "rekap-jp": Action.RECORD_TRAINING}
#: Documents of a unit (or the instansi), not of one plan: signed by one officer, freezing no record.
UNIT_KINDS = frozenset({PENETAPAN, *PENGELOLA_KINDS})


@dataclass(frozen=True)
class DocumentTarget:
    """The record a sheet is made from.

    A Penetapan Predikat Kinerja is a unit's: ``unit_id`` (with ``recursive`` for its sub-units),
    ``employee_id`` is the pimpinan who signs it and ``plan_id`` is empty. A pengelola list (recognition
    list, 20 JP recap) is likewise a unit's (``unit_id`` None: the whole instansi) and ``employee_id`` is
    the pengelola kepegawaian who signs it.
    """

    kind: str
    employee_id: str
    plan_id: str
    year: int
    period: str | None = None
    evaluation_id: str | None = None
    unit_id: str | None = None
    recursive: bool = False
    doc_id: str = ""  # the printed document number (penetapan: tells the unit and the scope apart)


@dataclass(frozen=True)
class DocumentView:
    id: str
    kind: str
    kind_label: str
    year: int | None
    period: str | None
    plan_id: str | None
    evaluation_id: str | None
    sha256: str
    data_sha256: str
    status: str
    status_label: str
    signers: list[dict[str, Any]] = field(default_factory=list)
    certified_status: str | None = None
    updated_at: dt.datetime | None = None
    employee_id: str | None = None

    @property
    def target(self) -> DocumentTarget:
        """The record this document was made from (to sign it further)."""
        return DocumentTarget(self.kind, self.employee_id or "", self.plan_id or "", self.year or 0, self.period,
                              self.evaluation_id)

    def signed_by(self) -> str:
        return ", ".join(f"{s.get('name')} ({ROLE_LABELS.get(str(s.get('role')), s.get('role'))})"
                         for s in self.signers) or "-"

    def to_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in vars(self).items()}


def _view(doc: Document) -> DocumentView:
    return DocumentView(
        id=doc.id, kind=doc.kind, kind_label=KIND_LABELS.get(doc.kind, doc.kind), year=doc.year, period=doc.period,
        plan_id=doc.plan_id, evaluation_id=doc.evaluation_id, sha256=doc.sha256, data_sha256=doc.data_sha256,
        status=doc.status, status_label=STATUS_LABELS.get(doc.status, doc.status), signers=list(doc.signers or []),
        certified_status=doc.certified_status, updated_at=doc.updated_at, employee_id=doc.employee_id,
    )


# --------------------------------------------------------------------------- lookups


def _employee_by_nip(session: Session, nip: str) -> Employee:
    nip = "".join(nip.split())
    emp = session.scalars(select(Employee).where(Employee.nip == nip, Employee.deleted.is_(False))).first()
    if emp is None:
        raise NotFound(f"Pegawai dengan NIP {nip} tidak ditemukan.")
    return emp


def resolve_target(db: Database, kind: str, *, nip: str, year: int, period: str | None = None,
                   plan_id: str | None = None) -> DocumentTarget:
    """The current plan (and evaluation) of an employee behind a sheet of ``kind``; ``plan_id`` names another
    SKP of the year (a Plt./Plh. SKP, which is never current)."""
    if kind not in KIND_LABELS:
        raise ValidationError(f"Jenis dokumen tidak dikenal: {kind} (skp, evaluasi, dokumen-evaluasi).", field="doc")
    with db.reader() as s:
        emp = _employee_by_nip(s, nip)
        code = parse_period(period or "TAHUNAN").code
        # an evaluation belongs to the plan version its period was finalised or signed on
        if plan_id:
            plan = s.get(Plan, plan_id)
            plan = plan if plan is not None and not plan.deleted and (plan.employee_id, plan.year) == (
                emp.id, year) else None
        else:
            plans = current_plans(s, [emp.id], year) if kind == "skp" else plans_for_period(s, [emp.id], year, code)
            plan = plans.get(emp.id)
        if plan is None:
            raise NotFound(f"SKP {emp.name} tahun {year} belum ada.")
        if kind == "skp":
            return DocumentTarget(kind, emp.id, plan.id, year)
        ev = s.scalars(
            select(Evaluation).where(
                Evaluation.plan_id == plan.id, Evaluation.period == code, Evaluation.deleted.is_(False)
            )
        ).first()
        if ev is None:
            raise NotFound(f"Evaluasi {emp.name} periode {code} tahun {year} belum ada.")
        return DocumentTarget(kind, emp.id, plan.id, year, code, ev.id)


def _current(session: Session, target: DocumentTarget) -> Document | None:
    if target.kind in UNIT_KINDS:
        rows = session.scalars(
            select(Document).where(
                Document.kind == target.kind, Document.employee_id == target.employee_id, Document.year == target.year,
                Document.period == target.period, Document.deleted.is_(False),
            ).order_by(Document.updated_at.desc())
        )
        return next((d for d in rows if any(e.get("doc_id") == target.doc_id for e in d.signers or [])), None)
    query = select(Document).where(
        Document.kind == target.kind, Document.plan_id == target.plan_id, Document.deleted.is_(False)
    )
    if target.evaluation_id is not None:
        query = query.where(Document.evaluation_id == target.evaluation_id)
    return session.scalars(query.order_by(Document.updated_at.desc())).first()


def role_of(db: Database, user: CurrentUser, target: DocumentTarget) -> str:
    """``pegawai``, ``penilai``, (penetapan) ``pimpinan`` or (pengelola lists) ``pengelola``: the signing role
    the user holds on this record."""
    if target.kind == PENETAPAN:
        _require_pimpinan(db, user, target)
        return "pimpinan"
    if target.kind in PENGELOLA_KINDS:
        _require_pengelola(db, user, target)
        return "pengelola"
    with db.reader() as s:
        subject = plan_subject(s, get_live(s, Plan, target.plan_id, "SKP"))
    if user.employee_id and user.employee_id == subject.employee_id:
        return "pegawai"
    if user.employee_id and user.employee_id == subject.penilai_id:
        return "penilai"
    raise PermissionDenied("Anda bukan pegawai yang dinilai maupun pejabat penilai dokumen ini.")


def pending_pdf(db: Database, target: DocumentTarget) -> tuple[bytes, str] | None:
    """The stored, partly signed PDF (and its data hash) the next signer must sign, if any."""
    with db.reader() as s:
        doc = _current(s, target)
        if doc is None:
            return None
        return db.blobs.read_bytes(doc.sha256), doc.data_sha256


def document_pdf(db: Database, user: CurrentUser, document_id: str) -> bytes:
    with db.reader() as s:
        doc = get_live(s, Document, document_id, "Dokumen")
        if doc.plan_id:
            require(user.actor, Action.VIEW_PLAN, plan_subject(s, get_live(s, Plan, doc.plan_id, "SKP")))
        elif not user.is_admin and not (user.employee_id and user.employee_id == doc.employee_id):
            raise PermissionDenied("Dokumen ini hanya dapat dibuka admin atau penanda tangannya.")
        return db.blobs.read_bytes(doc.sha256)


def list_documents(db: Database, user: CurrentUser, employee_id: str) -> list[DocumentView]:
    """Every document of an employee (all plan versions), newest first, with its status."""
    with db.reader() as s:
        get_live(s, Employee, employee_id, "Pegawai")
        require(user.actor, Action.VIEW_PLAN, subject_for(s, employee_id, dt.date.today().year))
        docs = s.scalars(
            select(Document)
            .where(Document.employee_id == employee_id, Document.deleted.is_(False))
            .order_by(Document.year.desc(), Document.updated_at.desc())
        )
        return [_view(d) for d in docs]


# --------------------------------------------------------------------------- recording


def _check_ready(session: Session, target: DocumentTarget, plan: Plan) -> Evaluation | None:
    if target.kind == "skp":
        if plan.status != "APPROVED":
            raise ValidationError("SKP belum disetujui pejabat penilai; belum dapat ditandatangani.")
        return None
    ev = get_live(session, Evaluation, target.evaluation_id, "Evaluasi")
    if ev.status not in ("FINAL", "SIGNED"):
        raise ValidationError("Evaluasi belum difinalkan pejabat penilai; belum dapat ditandatangani.")
    return ev


def check_may_sign(db: Database, user: CurrentUser, target: DocumentTarget, role: str) -> None:
    """Permission and readiness, checked before the (slow) signature is made."""
    if target.kind == PENETAPAN:
        if role != "pimpinan":
            raise ValidationError("Penetapan predikat kinerja ditandatangani oleh pimpinan unit.", field="role")
        _require_pimpinan(db, user, target)
        if _penetapan_sheet(db, target).draft:
            raise ValidationError(
                "Penetapan ini masih KONSEP: masih ada evaluasi periode ini yang belum difinalkan pejabat "
                "penilai; belum dapat ditandatangani."
            )
        return
    if target.kind in PENGELOLA_KINDS:
        if role != "pengelola":
            raise ValidationError(f"{KIND_LABELS[target.kind]} ditandatangani oleh pengelola kepegawaian.",
                                  field="role")
        _require_pengelola(db, user, target)
        return
    if role not in _ROLE_ACTIONS:
        raise ValidationError(f"Peran {ROLE_LABELS.get(role, role)} tidak menandatangani dokumen ini.", field="role")
    with db.reader() as s:
        plan = get_live(s, Plan, target.plan_id, "SKP")
        require(user.actor, _ROLE_ACTIONS[role], plan_subject(s, plan))
        _check_ready(s, target, plan)


def record_signature(
    db: Database, user: CurrentUser, target: DocumentTarget, result: SignResult, *, data_sha256: str = ""
) -> DocumentView:
    """Store a newly signed PDF, update the document row and freeze the record (one transaction)."""
    role = result.role
    if target.kind in UNIT_KINDS:
        return _record_unit_document(db, user, target, result, data_sha256)
    if role not in _ROLE_ACTIONS:
        raise ValidationError(f"Peran {ROLE_LABELS.get(role, role)} tidak menandatangani dokumen ini.", field="role")
    with db.session(user=user.username, role=role.upper()) as s:
        plan = get_live(s, Plan, target.plan_id, "SKP")
        require(user.actor, _ROLE_ACTIONS[role], plan_subject(s, plan))
        ev = _check_ready(s, target, plan)
        doc = _current(s, target)
        if doc is not None and not result.pdf.startswith(db.blobs.read_bytes(doc.sha256)):
            raise ConflictError(
                "Dokumen tersimpan sudah berubah sejak Anda mulai menandatangani; buka ulang lalu tanda tangani lagi."
            )
        sha = db.blobs.put_bytes(result.pdf)
        state = signature_state(result.pdf)
        status = "SIGNED" if state and all(state.values()) else "PARTIAL"
        entry = {
            "role": role,
            "name": result.signer_name,
            "nip": result.signer_nip,
            "signed_at": result.signed_at.isoformat(),
            "level": result.level,
            "certified": False,
            "doc_id": target.doc_id,
        }
        if doc is None:
            doc = Document(
                kind=target.kind, employee_id=target.employee_id, plan_id=target.plan_id,
                evaluation_id=target.evaluation_id, year=target.year, period=target.period,
                data_sha256=data_sha256, signers=[],
            )
            s.add(doc)
        doc.sha256 = sha
        doc.status = status
        doc.signers = [*(doc.signers or []), entry]
        # A signed evaluation sheet shows the plan's RHK, indicators, targets and identities: the
        # plan version freezes with it (changes go through a Revisi; the sync merge keeps the rows
        # of a frozen plan, so a peer's later edit becomes a visible conflict, never a silent change).
        plan.frozen = True
        if ev is not None:
            ev.frozen = True
            if status == "SIGNED" and target.kind == "evaluasi":
                ev.status = "SIGNED"
        s.flush()
        return _view(doc)


def render_record(db: Database, user: CurrentUser, target: DocumentTarget) -> tuple[bytes, str]:
    """The record's sheet freshly rendered from the database: ``(pdf, data_sha256)``."""
    if target.kind == PENETAPAN:
        from kinerja_desktop.documents.render import render

        if not user.is_admin:
            _require_pimpinan(db, user, target)
        rendered = render(_penetapan_sheet(db, target))
        return rendered.pdf, rendered.data_sha256
    if target.kind in PENGELOLA_KINDS:
        from kinerja_desktop.documents.render import render

        _require_pengelola(db, user, target)
        rendered = render(_pengelola_sheet(db, user, target))
        return rendered.pdf, rendered.data_sha256
    try:
        from kinerja_desktop.documents.sheet_builder import build_sheet
    except ImportError:  # the sheets' database loader is not in this build
        raise ValidationError(
            "Lembar ini belum dapat dibuat dari database pada versi ini; cetak PDF-nya lalu "
            "tanda tangani berkasnya: kinerja sign FILE.pdf --p12 ... --role ..."
        ) from None
    from kinerja_desktop.documents.render import render

    rendered = render(build_sheet(db, user, target.kind, target.plan_id, target.period))
    return rendered.pdf, rendered.data_sha256


def sign_record(
    db: Database,
    user: CurrentUser,
    identity: SigningIdentity,
    target: DocumentTarget,
    *,
    render: Callable[[], tuple[bytes, str]],
    role: str | None = None,
    options: SignOptions | None = None,
    trust_roots: Sequence[x509.Certificate] | None = None,
) -> tuple[DocumentView, SignResult]:
    """Sign a record's sheet: the stored partly signed PDF if there is one, else a fresh rendering.

    ``render`` returns ``(pdf, data_sha256)`` of the sheet built from the database. The certificate
    is checked first (valid now, may sign, chains to ``trust_roots``, default this PC's trust
    store): a refused certificate stores nothing and freezes nothing.
    """
    role = role or role_of(db, user, target)
    check_may_sign(db, user, target, role)
    identity.check(trust_roots)
    pending = pending_pdf(db, target)
    pdf, data_sha = pending if pending is not None else render()
    result = sign_pdf(pdf, identity, role, options=options)
    return record_signature(db, user, target, result, data_sha256=data_sha), result


# --------------------------------------------------------------------------- penetapan predikat


def resolve_penetapan(
    db: Database, unit_code: str, *, year: int, period: str | None = None, recursive: bool = False
) -> DocumentTarget:
    """The Penetapan Predikat Kinerja of a unit (with its sub-units when ``recursive``) and its pimpinan."""
    from kinerja_desktop.documents.print_scope import resolve_unit

    unit_id, _code, _name = resolve_unit(db, unit_code)
    return penetapan_target(db, unit_id, year=year, period=period, recursive=recursive)


def penetapan_target(
    db: Database, unit_id: str, *, year: int, period: str | None = None, recursive: bool = False
) -> DocumentTarget:
    code = parse_period(period or "TAHUNAN").code
    target = DocumentTarget(PENETAPAN, "", "", year, code, unit_id=unit_id, recursive=recursive)
    sheet = _penetapan_sheet(db, target)
    if not sheet.pimpinan_id:
        raise NotFound(f"Unit {sheet.unit_nama} tidak punya pimpinan di daftar pegawai; penetapan tidak dapat "
                       "ditandatangani.")
    return replace(target, employee_id=sheet.pimpinan_id, doc_id=sheet.doc_id)


def _penetapan_sheet(db: Database, target: DocumentTarget) -> Any:
    from kinerja_desktop.documents.loader import SheetLoader

    if not target.unit_id:
        raise ValidationError("Penetapan predikat kinerja dibuat per unit: pilih unit kerja.")
    return SheetLoader(db).penetapan(target.unit_id, target.year, target.period or "TAHUNAN",
                                     recursive=target.recursive)


def _require_pimpinan(db: Database, user: CurrentUser, target: DocumentTarget) -> None:
    if user.employee_id and user.employee_id == target.employee_id:
        return
    with db.reader() as s:
        head = s.get(Employee, target.employee_id) if target.employee_id else None
    who = f" ({head.name})" if head is not None else ""
    raise PermissionDenied(f"Penetapan predikat kinerja unit ini ditandatangani oleh pimpinan unitnya{who}.")


def _record_unit_document(
    db: Database, user: CurrentUser, target: DocumentTarget, result: SignResult, data_sha256: str
) -> DocumentView:
    """Store a signed unit document (penetapan, pengelola list). It freezes no evaluation: each was finalised
    (and may be signed) by its penilai; the stored sheet keeps what was set, and its QR tells a later change
    apart."""
    role = "pimpinan" if target.kind == PENETAPAN else "pengelola"
    if result.role != role:
        raise ValidationError(f"{KIND_LABELS[target.kind]} ditandatangani oleh "
                              f"{'pimpinan unit' if role == 'pimpinan' else 'pengelola kepegawaian'}.", field="role")
    if role == "pimpinan":
        _require_pimpinan(db, user, target)
    else:
        _require_pengelola(db, user, target)
    with db.session(user=user.username, role=role.upper()) as s:
        doc = _current(s, target)
        if doc is not None and not result.pdf.startswith(db.blobs.read_bytes(doc.sha256)):
            raise ConflictError(
                "Dokumen tersimpan sudah berubah sejak Anda mulai menandatangani; buka ulang lalu tanda tangani lagi."
            )
        state = signature_state(result.pdf)
        entry = {
            "role": role, "name": result.signer_name, "nip": result.signer_nip,
            "signed_at": result.signed_at.isoformat(), "level": result.level, "certified": False,
            "doc_id": target.doc_id,
        }
        if doc is None:
            doc = Document(kind=target.kind, employee_id=target.employee_id, year=target.year, period=target.period,
                           data_sha256=data_sha256, signers=[])
            s.add(doc)
        doc.sha256 = db.blobs.put_bytes(result.pdf)
        doc.status = "SIGNED" if state and all(state.values()) else "PARTIAL"
        doc.signers = [*(doc.signers or []), entry]
        s.flush()
        return _view(doc)


# --------------------------------------------------------------------------- pengelola lists


def pengelola_target(db: Database, user: CurrentUser, kind: str, *, year: int, period: str | None = None,
                     unit_code: str | None = None) -> DocumentTarget:
    """A list the pengelola kepegawaian signs (``penghargaan``: of a period; ``rekap-jp``: of a year), for a
    unit or (``unit_code`` None) the whole instansi, to be signed by the signed-in pengelola."""
    if kind not in PENGELOLA_KINDS:
        raise ValidationError(f"Jenis dokumen pengelola tidak dikenal: {kind} (penghargaan, rekap-jp).", field="doc")
    unit_id = None
    if unit_code:
        from kinerja_desktop.documents.print_scope import resolve_unit

        unit_id = resolve_unit(db, unit_code)[0]
    code = parse_period(period or "TAHUNAN").code if kind == "penghargaan" else None
    target = DocumentTarget(kind, user.employee_id or "", "", year, code, unit_id=unit_id)
    _require_pengelola(db, user, target)
    return replace(target, doc_id=_pengelola_sheet(db, user, target).doc_id)


def _pengelola_sheet(db: Database, user: CurrentUser, target: DocumentTarget) -> Any:
    from kinerja_desktop.documents import tindak_lanjut_print
    from kinerja_desktop.services import development_service
    from kinerja_desktop.store.models import Unit

    unit_code = None
    if target.unit_id:
        with db.reader() as s:
            unit_code = get_live(s, Unit, target.unit_id, "Unit kerja").code
    if target.kind == "penghargaan":
        return tindak_lanjut_print.award_list_sheet(db, user, target.year, target.period or "TAHUNAN",
                                                    unit_code=unit_code)
    recap = development_service.jp_recap(db, user, target.year, unit_code=unit_code)
    return tindak_lanjut_print.jp_recap_sheet(db, user, recap)


def _require_pengelola(db: Database, user: CurrentUser, target: DocumentTarget) -> None:
    """The pengelola kepegawaian is the instansi's admin (who records awards and organised training), signing
    in their own name: the account must belong to an employee, whose name and NIP the box prints."""
    label = KIND_LABELS[target.kind]
    if not may(user.actor, PENGELOLA_KINDS[target.kind]):
        raise PermissionDenied(f"{label} ditandatangani oleh pengelola kepegawaian (akun admin instansi).",
                               code="permission.sign_pengelola")
    if not user.employee_id:
        raise PermissionDenied(
            f"Akun {user.username} tidak terhubung dengan data pegawai, sedangkan kolom pengelola kepegawaian "
            f"pada {label} memuat nama dan NIP penanda tangannya. Masuk dengan akun admin milik pegawai "
            "pengelola kepegawaian, atau minta admin menghubungkan akun ini dengan data pegawainya.",
            code="permission.sign_pengelola_no_employee")
    if target.employee_id and target.employee_id != user.employee_id:
        with db.reader() as s:
            other = s.get(Employee, target.employee_id)
        who = f" ({other.name})" if other is not None else ""
        raise PermissionDenied(f"{label} ini disiapkan untuk ditandatangani pengelola kepegawaian lain{who}.",
                               code="permission.sign_pengelola_other")


# --------------------------------------------------------------------------- printed QR codes

_KIND_BY_CODE = {"SKP": "skp", "EVK": "evaluasi", "DEK": "dokumen-evaluasi"}


@dataclass(frozen=True)
class QrCheck:
    """The verdict on a printed sheet's QR: ``ok`` only when it matches a recorded document."""

    ok: bool
    status: str  # cocok | tidak_cocok | tidak_tercatat | bukan_kode
    message: str
    doc_id: str | None = None
    documents: list[DocumentView] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "status": self.status, "message": self.message, "doc_id": self.doc_id,
                "documents": [d.to_dict() for d in self.documents]}


def _parse_qr(text: str) -> tuple[str, str | None]:
    """(doc id, data sha or None) from ``KINERJA:<id>:<sha>`` or a signer QR ``KINERJA-TTD|<id>|...``."""
    text = text.strip()
    if text.upper().startswith("KINERJA-TTD|"):
        parts = text.split("|")
        if len(parts) >= 2 and parts[1]:
            return parts[1].upper(), None
    parts = text.split(":")
    if len(parts) == 3 and parts[0].upper() == "KINERJA" and parts[1]:
        sha = parts[2].strip().lower()
        if len(sha) == 64 and all(c in "0123456789abcdef" for c in sha):
            return parts[1].strip().upper(), sha
    raise ValidationError(
        "Kode QR ini bukan kode dokumen Kinerja Desktop (harus berbentuk KINERJA:<nomor dokumen>:<SHA-256>).",
        code="qr.format",
    )


def _signers_text(view: DocumentView) -> str:
    parts = []
    for s in view.signers:
        when = str(s.get("signed_at", ""))[:10]
        parts.append(f"{s.get('name')} ({ROLE_LABELS.get(str(s.get('role')), s.get('role'))}, {when})")
    return ", ".join(parts) or "belum ada"


def _current_data_sha(db: Database, user: CurrentUser, kind: str, plan_id: str, period: str) -> str:
    from kinerja_desktop.documents.hashing import data_sha256
    from kinerja_desktop.documents.sheet_builder import build_sheet

    return data_sha256(build_sheet(db, user, kind, plan_id, None if kind == "skp" else period))


def check_qr(db: Database, payload: str, user: CurrentUser | None = None) -> QrCheck:
    """Check a printed sheet's QR against the documents recorded in the database.

    With a signed-in ``user`` (who may print the sheet), a sheet with no signed document is
    compared with the sheet rebuilt from today's data instead.
    """
    doc_id, data_sha = _parse_qr(payload)
    pieces = doc_id.split("-", 3)
    if len(pieces) == 4 and pieces[0] == "PPK" and pieces[1].isdigit():
        return _check_penetapan_qr(db, doc_id, data_sha, user)
    if len(pieces) == 4 and pieces[0] == "FORM":
        return _check_blank_qr(db, doc_id, data_sha)
    if pieces[0] in _PENGELOLA_CODES and len(pieces) >= 3 and pieces[1].isdigit():
        return _check_pengelola_qr(db, doc_id, data_sha)
    if len(pieces) != 4 or pieces[0] not in _KIND_BY_CODE or not pieces[1].isdigit():
        return QrCheck(False, "bukan_kode", f"Nomor dokumen {doc_id} tidak dikenali.", doc_id)
    kind, year, period, subject = _KIND_BY_CODE[pieces[0]], int(pieces[1]), pieces[2], pieces[3]
    with db.reader() as s:
        emp = s.scalars(select(Employee).where(Employee.nip == subject, Employee.deleted.is_(False))).first()
        if emp is None:
            return QrCheck(False, "tidak_tercatat", f"Pegawai {subject} tidak ada di database ini.", doc_id)
        query = select(Document).where(
            Document.employee_id == emp.id, Document.kind == kind, Document.year == year, Document.deleted.is_(False)
        )
        if kind != "skp":
            query = query.where(Document.period == period)
        docs = list(s.scalars(query.order_by(Document.updated_at.desc())))
        newest = {p.id for p in s.scalars(select(Plan).where(Plan.employee_id == emp.id, Plan.is_current))}
        if kind == "skp":
            chosen = s.scalars(select(Plan).where(
                Plan.employee_id == emp.id, Plan.year == year, Plan.deleted.is_(False),
                Plan.version == (int(period[1:]) if period[:1] == "V" and period[1:].isdigit() else 1),
            )).first() or current_plans(s, [emp.id], year).get(emp.id)
        else:
            chosen = plans_for_period(s, [emp.id], year, period).get(emp.id)
        year_plan = chosen.id if chosen is not None else None
        views = [_view(d) for d in docs]
        who = f"{emp.name} (NIP {emp.nip})"
    label = f"{KIND_LABELS[kind]} {who} tahun {year}" + ("" if kind == "skp" else f" periode {period}")
    match = next((v for v in views if data_sha is None or v.data_sha256 == data_sha), None)
    if match is None and user is not None and year_plan is not None and data_sha is not None:
        try:
            current = _current_data_sha(db, user, kind, year_plan, period)
        except (KinerjaError, ImportError):
            current = None
        if current == data_sha:
            return QrCheck(True, "cocok_data",
                           f"Cocok dengan data saat ini: {label}. Lembar ini belum ditandatangani secara elektronik.",
                           doc_id, views)
        if current is not None and not views:
            return QrCheck(False, "tidak_cocok",
                           f"TIDAK cocok: isi lembar ini berbeda dari data {label} saat ini. "
                           "Lembar mungkin versi lama atau telah diubah.", doc_id)
    if not views:
        hint = "" if user is not None else " Masuk (--user) untuk membandingkannya dengan data saat ini."
        return QrCheck(False, "tidak_tercatat",
                       f"Tidak ada dokumen bertanda tangan yang tercatat untuk {label}.{hint}", doc_id)
    if match is None:
        return QrCheck(
            False, "tidak_cocok",
            f"TIDAK cocok: isi lembar ini berbeda dari {label} yang tercatat. "
            "Lembar mungkin versi lain atau telah diubah.",
            doc_id, views,
        )
    old = "" if kind != "skp" or match.plan_id in newest else " Ini versi lama; SKP sudah direvisi."
    return QrCheck(
        True, "cocok",
        f"Cocok: {label} tercatat; status {match.status_label.lower()}; "
        f"ditandatangani oleh {_signers_text(match)}.{old}",
        doc_id, [match],
    )


def _check_penetapan_qr(db: Database, doc_id: str, data_sha: str | None, user: CurrentUser | None) -> QrCheck:
    """A Penetapan Predikat Kinerja: ``PPK-<year>-<period>-<unit code>[+]`` (``+``: with its sub-units)."""
    from kinerja_desktop.documents.print_scope import authorize_unit, resolve_unit

    _code, year_text, period, subject = doc_id.split("-", 3)
    year, recursive = int(year_text), subject.endswith("+")
    try:
        unit_id, _unit_code, unit_name = resolve_unit(db, subject.rstrip("+"))
    except NotFound:
        return QrCheck(False, "tidak_tercatat", f"Unit kerja {subject.rstrip('+')} tidak ada di database ini.", doc_id)
    with db.reader() as s:
        docs = list(s.scalars(select(Document).where(
            Document.kind == PENETAPAN, Document.year == year, Document.period == period,
            Document.deleted.is_(False),
        ).order_by(Document.updated_at.desc())))
        views = [_view(d) for d in docs if any(e.get("doc_id") == doc_id for e in d.signers or [])]
    label = (f"{KIND_LABELS[PENETAPAN]} unit {unit_name}{' beserta sub-unitnya' if recursive else ''} "
             f"tahun {year} periode {period}")
    match = next((v for v in views if data_sha is None or v.data_sha256 == data_sha), None)
    if match is not None:
        return QrCheck(True, "cocok", f"Cocok: {label} tercatat; status {match.status_label.lower()}; "
                       f"ditandatangani oleh {_signers_text(match)}.", doc_id, [match])
    if user is not None and data_sha is not None:
        try:
            authorize_unit(user)
            current = _sheet_sha(_penetapan_sheet(db, DocumentTarget(
                PENETAPAN, "", "", year, period, unit_id=unit_id, recursive=recursive)))
        except (KinerjaError, ImportError):
            current = None
        if current == data_sha:
            return QrCheck(True, "cocok_data", f"Cocok dengan data saat ini: {label}. "
                           "Lembar ini belum ditandatangani secara elektronik.", doc_id, views)
        if current is not None and not views:
            return QrCheck(False, "tidak_cocok", f"TIDAK cocok: isi lembar ini berbeda dari data {label} saat ini. "
                           "Lembar mungkin versi lama atau telah diubah.", doc_id)
    if not views:
        hint = "" if user is not None else " Masuk (--user) untuk membandingkannya dengan data saat ini."
        return QrCheck(False, "tidak_tercatat",
                       f"Tidak ada dokumen bertanda tangan yang tercatat untuk {label}.{hint}", doc_id)
    return QrCheck(False, "tidak_cocok", f"TIDAK cocok: isi lembar ini berbeda dari {label} yang tercatat. "
                   "Lembar mungkin versi lain atau telah diubah.", doc_id, views)


_PENGELOLA_CODES = {"PHG": "penghargaan", "JP": "rekap-jp"}


def _check_pengelola_qr(db: Database, doc_id: str, data_sha: str | None) -> QrCheck:
    """A recognition list (``PHG-<year>-<period>-<unit>``) or 20 JP recap (``JP-<year>-<unit>``) signed by the
    pengelola kepegawaian: compared with the recorded signed documents of that number."""
    kind = _PENGELOLA_CODES[doc_id.split("-", 1)[0]]
    with db.reader() as s:
        docs = s.scalars(select(Document).where(Document.kind == kind, Document.year == int(doc_id.split("-")[1]),
                                                Document.deleted.is_(False)).order_by(Document.updated_at.desc()))
        views = [_view(d) for d in docs if any(e.get("doc_id") == doc_id for e in d.signers or [])]
    label = f"{KIND_LABELS[kind]} nomor {doc_id}"
    match = next((v for v in views if data_sha is None or v.data_sha256 == data_sha), None)
    if match is not None:
        return QrCheck(True, "cocok", f"Cocok: {label} tercatat; status {match.status_label.lower()}; "
                       f"ditandatangani oleh {_signers_text(match)}.", doc_id, [match])
    if not views:
        return QrCheck(False, "tidak_tercatat", f"Tidak ada dokumen bertanda tangan yang tercatat untuk {label}.",
                       doc_id)
    return QrCheck(False, "tidak_cocok", f"TIDAK cocok: isi lembar ini berbeda dari {label} yang tercatat. "
                   "Lembar mungkin versi lain atau telah diubah.", doc_id, views)


def _check_blank_qr(db: Database, doc_id: str, data_sha: str | None) -> QrCheck:
    """A blank form: rebuilt from its number (form, variant, approach, year, period, person) and compared."""
    from kinerja_desktop.documents.hashing import parse_blank_subject, parse_doc_id
    from kinerja_desktop.documents.loader import SheetLoader
    from kinerja_desktop.documents.sheet_data import BlankKind
    from kinerja_desktop.domain.kepegawaian import Pendekatan, SkpVariant

    try:
        ref = parse_doc_id(doc_id)
    except ValidationError:
        ref = None
    parsed = parse_blank_subject(ref.subject, [k.value for k in BlankKind], [v.value for v in SkpVariant],
                                 [p.value for p in Pendekatan]) if ref is not None else None
    if ref is None or parsed is None:
        return QrCheck(False, "bukan_kode", f"Nomor dokumen {doc_id} tidak dikenali.", doc_id)
    form, variant, pendekatan, person = BlankKind(parsed[0]), parsed[1], parsed[2], parsed[3]
    employee_id = None
    who = ""
    if person is not None:
        with db.reader() as s:
            emp = s.scalars(select(Employee).where(Employee.nip == person, Employee.deleted.is_(False))).first()
            emp = emp or s.get(Employee, person.lower())
            if emp is None or emp.deleted:
                return QrCheck(False, "tidak_tercatat", f"Pegawai {person} tidak ada di database ini.", doc_id)
            employee_id, who = emp.id, f" untuk {emp.name} (NIP {emp.nip or '-'})"
    when = (f" tahun {ref.year}" if ref.year else "") + (
        f" periode {ref.period}" if form is not BlankKind.SKP and ref.period != "XX" else "")
    label = f"Formulir kosong {form.label}{who}{when}"
    try:
        sheet = SheetLoader(db).blank(
            form, employee_id=employee_id, year=ref.year or None,
            period=None if ref.period == "XX" else ref.period,
            variant=SkpVariant(variant), pendekatan=Pendekatan(pendekatan),
        )
    except KinerjaError as exc:
        return QrCheck(False, "tidak_tercatat", f"{label}: {exc}", doc_id)
    if sheet.doc_id != doc_id or (data_sha is not None and _sheet_sha(sheet) != data_sha):
        return QrCheck(False, "tidak_cocok", f"TIDAK cocok: isi lembar ini berbeda dari {label.lower()} "
                       "yang dibuat dari data saat ini. Lembar mungkin versi lama atau telah diubah.", doc_id)
    return QrCheck(True, "cocok_data", f"Cocok: {label}. Formulir ini diisi tangan; tanda tangannya tidak "
                   "tercatat secara elektronik.", doc_id)


def _sheet_sha(sheet: Any) -> str:
    from kinerja_desktop.documents.hashing import data_sha256

    return data_sha256(sheet)


# --------------------------------------------------------------------------- certified signatures (TTE)


def record_certified(
    db: Database, user: CurrentUser, document_id: str, pdf: bytes, *, role: str, server_time: str | None = None
) -> DocumentView:
    """Store the PDF returned by the instansi's signing server (BSrE) as the document's new version."""
    if role not in _ROLE_ACTIONS:
        raise ValidationError(f"Peran {ROLE_LABELS.get(role, role)} tidak menandatangani dokumen ini.", field="role")
    with db.session(user=user.username, role=role.upper()) as s:
        doc = get_live(s, Document, document_id, "Dokumen")
        plan = get_live(s, Plan, doc.plan_id, "SKP")
        require(user.actor, _ROLE_ACTIONS[role], plan_subject(s, plan))
        if not pdf.startswith(db.blobs.read_bytes(doc.sha256)):
            raise ConflictError(
                "Berkas dari server TTE tidak memuat dokumen tersimpan apa adanya; tanda tangan sebelumnya akan rusak."
            )
        doc.sha256 = db.blobs.put_bytes(pdf)
        doc.certified_status = "CERTIFIED"
        signer = s.get(Employee, user.employee_id) if user.employee_id else None
        doc.signers = [*(doc.signers or []), {
            "role": role, "name": signer.name if signer else user.display_name, "nip": signer.nip if signer else None,
            "signed_at": server_time or dt.datetime.now(dt.UTC).isoformat(), "level": "TTE", "certified": True,
        }]
        s.flush()
        return _view(doc)


def certified_request(
    db: Database, user: CurrentUser, document_id: str, role: str, pdf: bytes, *, timezone: str | None = None
) -> tuple[bytes, list[Any]]:
    """The stored sheet made ready for ``user``'s certified signature as ``role`` (tte.sheet_for_server)."""
    from kinerja_desktop.documents.tte import sheet_for_server

    if role not in _ROLE_ACTIONS:
        raise ValidationError(f"Peran {ROLE_LABELS.get(role, role)} tidak menandatangani dokumen ini.", field="role")
    with db.reader() as s:
        signer = s.get(Employee, user.employee_id) if user.employee_id else None
        name, nip = (signer.name, signer.nip) if signer else (user.display_name, None)
    return sheet_for_server(pdf, role, name=name, nip=nip, timezone=timezone)
