"""Realisation per period with a note and evidence files (bukti dukung)."""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import FrozenError, ValidationError
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, Role
from kinerja_desktop.services.common import CurrentUser, clean_text, get_live, require_on_plan
from kinerja_desktop.services.evidence_files import clean_filename, detect_type
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Attachment, Evaluation, Indicator, Plan, Realisation, Rhk
from kinerja_desktop.store.storage_errors import DISK_FULL_ERRNOS, disk_full

#: Default largest evidence file accepted (the instansi can change it in Settings).
DEFAULT_MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


@dataclass
class AttachmentView:
    id: str
    filename: str
    size: int
    mime: str
    sha256: str


@dataclass
class RealisationView:
    indicator_id: str
    period: str
    id: str | None = None
    value_text: str = ""
    value_number: float | None = None
    note: str = ""
    reported_on: date | None = None
    attachments: list[AttachmentView] = field(default_factory=list)
    #: The rencana aksi of the indicator inside the period ("Rencana aksi: 2/3 terealisasi"; "" when none).
    actions: str = ""


def _plan_of_indicator(session: Session, indicator_id: str) -> tuple[Indicator, Plan]:
    ind = get_live(session, Indicator, indicator_id, "Indikator")
    rhk = get_live(session, Rhk, ind.rhk_id, "RHK")
    return ind, get_live(session, Plan, rhk.plan_id, "SKP")


def _ensure_open(session: Session, plan: Plan, period: str) -> None:
    if plan.status != "APPROVED":
        raise ValidationError("Realisasi hanya dapat diisi untuk SKP yang sudah disetujui pejabat penilai.")
    ev = session.execute(select(Evaluation).where(Evaluation.plan_id == plan.id, Evaluation.period == period)).scalar()
    if ev is not None and (ev.frozen or ev.status in ("FINAL", "SIGNED")):
        raise FrozenError("Evaluasi periode ini sudah difinalkan; realisasinya tidak dapat diubah lagi.")


def realisations_for(db: Database, user: CurrentUser, plan_id: str, period: str) -> dict[str, RealisationView]:
    """Realisation of every indicator of a plan in a period, keyed by indicator id."""
    code = period_of(period).code
    with db.reader() as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require_on_plan(s, user, Action.VIEW_PLAN, plan)
        ind_ids = list(
            s.scalars(
                select(Indicator.id)
                .join(Rhk, Rhk.id == Indicator.rhk_id)
                .where(Rhk.plan_id == plan.id, Rhk.deleted.is_(False), Indicator.deleted.is_(False))
            )
        )
        out = {i: RealisationView(indicator_id=i, period=code) for i in ind_ids}
        if not ind_ids:
            return out
        from kinerja_desktop.services.action_plan_service import actions_by_indicator

        for iid, found in actions_by_indicator(s, ind_ids, code).items():
            out[iid].actions = found.summary()
        reals = list(
            s.scalars(select(Realisation).where(Realisation.indicator_id.in_(ind_ids), Realisation.period == code))
        )
        by_id = {}
        for r in reals:
            view = out[r.indicator_id]
            view.id, view.value_text, view.value_number = r.id, r.value_text, r.value_number
            view.note, view.reported_on = r.note, r.reported_on
            by_id[r.id] = view
        if by_id:
            for att in s.scalars(
                select(Attachment)
                .where(Attachment.realisation_id.in_(list(by_id)), Attachment.deleted.is_(False))
                .order_by(Attachment.created_at)
            ):
                by_id[att.realisation_id].attachments.append(  # names from other PCs are cleaned here too
                    AttachmentView(att.id, clean_filename(att.filename), att.size, att.mime, att.sha256)
                )
        return out


def _get_or_create(session: Session, indicator_id: str, period: str) -> Realisation:
    row = session.execute(
        select(Realisation).where(Realisation.indicator_id == indicator_id, Realisation.period == period)
    ).scalar()
    if row is None:
        row = Realisation(indicator_id=indicator_id, period=period)
        session.add(row)
        session.flush()
    return row


def set_realisation(
    db: Database, user: CurrentUser, indicator_id: str, period: str, *, value: str | None = None,
    note: str | None = None, reported_on: date | None = None,
) -> str:
    """Record the realisation of an indicator for a period; returns the realisation id."""
    per = period_of(period)
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        ind, plan = _plan_of_indicator(s, indicator_id)
        require_on_plan(s, user, Action.EDIT_REALISATION, plan)
        _ensure_open(s, plan, per.code)
        if reported_on is not None and not (per.start(plan.year) <= reported_on <= per.end(plan.year)):
            raise ValidationError(
                f"Tanggal {reported_on:%d-%m-%Y} di luar periode {per.label} {plan.year} "
                f"({per.start(plan.year):%d-%m-%Y} s.d. {per.end(plan.year):%d-%m-%Y}).",
                field="Tanggal",
            )
        row = _get_or_create(s, ind.id, per.code)
        if value is not None:
            text = clean_text(value, "Realisasi", max_len=4000)
            row.value_text = text
            row.value_number = number_from_text(text) if ind.target_value is not None else None
        if note is not None:
            row.note = clean_text(note, "Catatan")
        if reported_on is not None:
            row.reported_on = reported_on
        return row.id


def number_from_text(text: str) -> float | None:
    """The number a realisation text starts with ("14 kegiatan" -> 14.0; Indonesian decimal comma)."""
    head = text.split(" ", 1)[0].replace(".", "").replace(",", ".") if text else ""
    try:
        return float(head)
    except ValueError:
        return None


class _Source:
    """The evidence file being copied; remembers a read error, so that it is told apart from a write error."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self.failed: OSError | None = None

    def read(self, size: int = -1) -> bytes:
        try:
            return self._fh.read(size)
        except OSError as exc:
            self.failed = exc
            raise


def add_evidence(
    db: Database, user: CurrentUser, indicator_id: str, period: str, path: str | os.PathLike[str],
    *, max_bytes: int | None = None,
) -> str:
    """Attach an evidence file to a realisation; the file is copied into the blob store."""
    per = period_of(period)
    src = Path(path)
    limit = max_bytes if max_bytes is not None else DEFAULT_MAX_EVIDENCE_BYTES
    if not src.is_file():
        raise ValidationError(f"Berkas bukti “{src.name}” tidak ditemukan.", field="Bukti dukung")
    source: _Source | None = None
    try:
        size = src.stat().st_size
        if size > limit:
            raise ValidationError(
                f"Berkas “{src.name}” terlalu besar ({size / 1048576:.1f} MB); batasnya {limit / 1048576:.0f} MB.",
                field="Bukti dukung",
            )
        with db.reader() as s:  # check permissions before copying anything
            _ind, plan = _plan_of_indicator(s, indicator_id)
            require_on_plan(s, user, Action.EDIT_REALISATION, plan)
            _ensure_open(s, plan, per.code)
        with open(src, "rb") as fh:
            source = _Source(fh)
            sha, size = db.blobs.put_stream(source, max_size=limit)
    except OSError as exc:
        if exc.errno in DISK_FULL_ERRNOS:
            raise disk_full(f"berkas “{src.name}”", str(db.data_dir)) from None
        if source is None or source.failed is exc:
            raise ValidationError(f"Berkas “{src.name}” tidak dapat dibaca: {exc.strerror or exc}.",
                                  field="Bukti dukung") from None
        raise ValidationError(f"Berkas “{src.name}” tidak dapat disimpan ke folder data {db.data_dir}: "
                              f"{exc.strerror or exc}. Periksa izin tulis folder itu.", field="Bukti dukung") from None
    except ValueError as exc:
        raise ValidationError(f"Berkas “{src.name}” terlalu besar.", field="Bukti dukung") from exc
    name = clean_filename(src.name)
    kind = detect_type(src, name)
    mime = kind.mime if kind else (mimetypes.guess_type(name)[0] or "application/octet-stream")
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        ind, plan = _plan_of_indicator(s, indicator_id)
        require_on_plan(s, user, Action.EDIT_REALISATION, plan)
        _ensure_open(s, plan, per.code)
        row = _get_or_create(s, ind.id, per.code)
        att = Attachment(realisation_id=row.id, sha256=sha, filename=name, size=size, mime=mime)
        s.add(att)
        s.flush()
        return att.id


def set_evidence_deleted(db: Database, user: CurrentUser, attachment_id: str, deleted: bool = True) -> None:
    """Remove (or, for undo, restore) an evidence file from a realisation."""
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        att = s.get(Attachment, attachment_id)
        if att is None:
            raise ValidationError("Bukti dukung tidak ditemukan.")
        real = get_live(s, Realisation, att.realisation_id, "Realisasi")
        _ind, plan = _plan_of_indicator(s, real.indicator_id)
        require_on_plan(s, user, Action.EDIT_REALISATION, plan)
        _ensure_open(s, plan, real.period)
        att.deleted = deleted


def evidence_sha(db: Database, user: CurrentUser, attachment_id: str) -> str:
    """The SHA-256 of an evidence file the user may see (to fetch it when it is not here yet)."""
    with db.reader() as s:
        att = get_live(s, Attachment, attachment_id, "Bukti dukung")
        real = get_live(s, Realisation, att.realisation_id, "Realisasi")
        _ind, plan = _plan_of_indicator(s, real.indicator_id)
        require_on_plan(s, user, Action.VIEW_PLAN, plan)
        return str(att.sha256)


def evidence_path(db: Database, user: CurrentUser, attachment_id: str) -> Path:
    """Where an evidence file can be opened (read-only copy in the blob store)."""
    with db.reader() as s:
        att = get_live(s, Attachment, attachment_id, "Bukti dukung")
        real = get_live(s, Realisation, att.realisation_id, "Realisasi")
        _ind, plan = _plan_of_indicator(s, real.indicator_id)
        require_on_plan(s, user, Action.VIEW_PLAN, plan)
        path = db.blobs.path(att.sha256)
        if not path.exists():
            raise ValidationError(
                f"Isi berkas “{att.filename}” belum ada di komputer ini (menunggu sinkronisasi).",
                field="Bukti dukung",
            )
        return path


def realisation_from_actions(db: Database, user: CurrentUser, indicator_id: str, period: str) -> str:
    """Compute an indicator's realisation for an evaluation period from its rencana aksi in that period
    (the sum of their realised values, in the indicator's unit) and record it through
    :func:`set_realisation`, the same path as a typed value; returns the text recorded.

    A typed value can replace it at any time (and the computation can be run again).
    """
    from kinerja_desktop.services.action_plan_service import actions_by_indicator

    per = period_of(period)
    with db.reader() as s:
        ind, plan = _plan_of_indicator(s, indicator_id)
        require_on_plan(s, user, Action.EDIT_REALISATION, plan)
        found = actions_by_indicator(s, [ind.id], per.code).get(ind.id)
        unit = ind.target_unit
    if found is None or not found.planned:
        raise ValidationError(f"Belum ada rencana aksi untuk indikator ini pada {per.label}; isi realisasinya "
                              "langsung.", field="Realisasi")
    if found.total is None:
        raise ValidationError(f"Belum ada rencana aksi pada {per.label} yang realisasinya berupa angka "
                              f"({found.realised} dari {found.planned} sudah diisi).", field="Realisasi")
    number = f"{round(found.total, 2):g}".replace(".", ",")
    text = f"{number} {unit}".strip()
    set_realisation(db, user, indicator_id, per.code, value=text,
                    note=f"Dihitung dari {found.planned} rencana aksi ({found.realised} terealisasi).")
    return text
