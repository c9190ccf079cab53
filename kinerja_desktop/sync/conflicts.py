"""The Konflik view's data: values kept beside the current one, and a person's choice.

A conflict lists, for one field of one row, the value shown now and every other value that
arrived concurrently (or arrived for a record frozen by a signature). Choosing writes one
ordinary change whose base names every value the person saw, so every replica that
receives it closes the same conflict the same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.changelog import capture, device_id, json_value, next_seq, sign_entries
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import MODEL_BY_TABLE, ChangeLog, Employee, utcnow
from kinerja_desktop.store.sync_models import SyncConflict, SyncRefused
from kinerja_desktop.sync.authz import Authorizer, Wait
from kinerja_desktop.sync.merge import DERIVED, Merger, derive, log_high_water, model_info, to_python

TABLE_LABELS = {
    "plan": "SKP", "rhk": "Rencana Hasil Kerja", "indicator": "Indikator", "realisation": "Realisasi",
    "attachment": "Bukti dukung", "lampiran_item": "Lampiran SKP", "perilaku_expectation": "Ekspektasi Pimpinan",
    "evaluation": "Evaluasi", "rhk_feedback": "Umpan balik RHK", "perilaku_feedback": "Umpan balik perilaku",
    "document": "Dokumen", "employee": "Pegawai", "unit": "Unit kerja", "supervision": "Pejabat penilai",
    "unit_predikat": "Predikat unit", "user_account": "Akun", "setting": "Pengaturan",
    "skm_survey": "Survei kepuasan", "skm_response": "Tanggapan survei", "skm_indicator_link": "Indikator IKM",
    "competency_standard": "Standar kompetensi", "competency_assessment": "Penilaian kompetensi",
    "development_item": "Pengembangan kompetensi", "award": "Penghargaan", "rencana_aksi": "Rencana aksi",
    "progres_harian": "Progres harian", "tim_kerja": "Tim kerja", "peran_hasil": "Matriks peran hasil",
    "usulan_tanggapan": "Tanggapan usulan RHK", "penugasan": "Penugasan", "rhk_impor": "RHK impor",
}
FIELD_LABELS = {
    "text": "Uraian", "value_text": "Realisasi", "value_number": "Realisasi (angka)", "note": "Catatan",
    "rating_hasil": "Rating Hasil Kerja", "rating_perilaku": "Rating Perilaku Kerja", "predikat": "Predikat",
    "catatan": "Catatan/Rekomendasi", "status": "Status", "deleted": "Dihapus", "target_value": "Target",
    "target_unit": "Satuan target", "target_text": "Target", "aspek": "Aspek", "position": "Urutan",
    "parent_rhk_id": "RHK pimpinan", "reported_on": "Tanggal laporan", "review_note": "Catatan penilai",
}


@dataclass
class ConflictValue:
    conflict_id: int | None  # None for the value shown now
    version: str
    value: Any
    author: str | None
    device: str | None


@dataclass
class ConflictView:
    """One field with more than one value."""

    table: str
    row_id: str
    field: str
    kind: str  # concurrent | frozen
    current: ConflictValue
    others: list[ConflictValue] = field(default_factory=list)
    employee: str = ""
    opened_at: datetime | None = None

    @property
    def label(self) -> str:
        return f"{TABLE_LABELS.get(self.table, self.table)} — {FIELD_LABELS.get(self.field, self.field)}"

    @property
    def ids(self) -> list[int]:
        return [o.conflict_id for o in self.others if o.conflict_id is not None]


def _employee_name(session: Session, table: str, values: dict[str, Any]) -> str:
    try:
        subject = Authorizer(session).subject(table, values)
    except (Wait, KeyError):
        return ""
    if subject is None:
        return ""
    emp = session.get(Employee, subject.employee_id)
    return f"{emp.name} ({emp.nip})" if emp and emp.nip else (emp.name if emp else "")


def list_conflicts(db: Database, *, include_same_value: bool = False) -> list[ConflictView]:
    """Open conflicts grouped per field; by default only those whose values really differ."""
    with db.reader() as s:
        rows = list(s.scalars(select(SyncConflict).where(SyncConflict.status == "open").order_by(SyncConflict.id)))
        groups: dict[tuple[str, str, str, str], list[SyncConflict]] = defaultdict(list)
        for c in rows:
            groups[(c.table_name, c.row_id, c.field, c.kind)].append(c)
        out: list[ConflictView] = []
        for (table, row_id, fname, kind), items in groups.items():
            model = MODEL_BY_TABLE.get(table)
            obj = s.get(model, row_id) if model else None
            if obj is None:
                continue
            merger = Merger(s, processed=lambda _v: True, log_high=lambda: 0)
            cur_version = merger.field_versions(table, row_id, [fname]).get(fname) or ""
            cur_value = json_value(getattr(obj, fname))
            others = [ConflictValue(c.id, c.version, c.value, c.author, c.device_id) for c in items]
            if not include_same_value and all(o.value == cur_value for o in others):
                continue
            author = merger._author_of(cur_version) if cur_version else None
            info = model_info(table)
            values = {c: getattr(obj, c) for c in info.columns}
            out.append(ConflictView(
                table, row_id, fname, kind,
                ConflictValue(None, cur_version, cur_value, author, cur_version.rpartition(":")[0] or None),
                others, _employee_name(s, table, values), items[0].created_at,
            ))
        return out


def count_open(db: Database) -> int:
    return len(list_conflicts(db))


def list_refused(db: Database, limit: int = 500) -> list[SyncRefused]:
    with db.reader() as s:
        return list(s.scalars(select(SyncRefused).order_by(SyncRefused.id.desc()).limit(limit)))


def resolve(db: Database, user: CurrentUser, table: str, row_id: str, field_name: str,
            choose: int | None) -> None:
    """Keep the value shown now (``choose=None``) or the conflict value with id ``choose``.

    Only the owner of the field (by the roster) may choose. Writes one change whose base lists
    every value that was on the table, so the same conflict closes on every replica.
    """
    model = MODEL_BY_TABLE.get(table)
    if model is None:
        raise NotFound("Data tidak ditemukan.")
    with db.session(user=user.username) as s:
        capture(s).disabled = True
        obj = s.get(model, row_id)
        if obj is None:
            raise NotFound("Data tidak ditemukan.")
        items = list(s.scalars(select(SyncConflict).where(
            SyncConflict.table_name == table, SyncConflict.row_id == row_id, SyncConflict.field == field_name,
            SyncConflict.status == "open", SyncConflict.kind == "concurrent")))
        if not items:
            raise ValidationError("Konflik ini sudah diselesaikan.")
        info = model_info(table)
        values = {c: getattr(obj, c) for c in info.columns}
        authz = Authorizer(s)
        try:
            reason = authz.check(table, "update", {field_name: None}, values, user.username)
        except Wait as exc:
            raise ValidationError("Data pendukung konflik ini belum lengkap di komputer ini.") from exc
        if reason:
            raise PermissionDenied("Anda tidak berwenang memilih nilai ini: " + reason + ".")
        merger = Merger(s, processed=lambda _v: True, log_high=lambda: log_high_water(s))
        cur_version = merger.field_versions(table, row_id, [field_name]).get(field_name)
        cur_value = json_value(getattr(obj, field_name))
        if choose is None:
            chosen = cur_value
        else:
            picked = next((c for c in items if c.id == choose), None)
            if picked is None:
                raise NotFound("Pilihan nilai tidak ditemukan.")
            chosen = picked.value
        heads = sorted({v for v in [cur_version, *[c.version for c in items]] if v})
        me = device_id(s)
        seq = next_seq(s, me)
        version = f"{me}:{seq}"
        setattr(obj, field_name, to_python(info, field_name, chosen))
        for derived, source in DERIVED.get(table, {}).items():  # e.g. the number of a realisation text
            if source == field_name:
                setattr(obj, derived, derive(s, table, obj, derived))
        obj.updated_by = user.username
        # Written here rather than by change capture because its base lists every head it closes;
        # signed through the same path as every captured change.
        entry = ChangeLog(device_id=me, seq=seq, table_name=table, row_id=row_id, op="update",
                          changes={field_name: [cur_value, chosen]}, base_versions={field_name: heads},
                          user=user.username, role=None, at=utcnow(), local=True, pushed=False)
        sign_entries(s, [entry])
        s.add(entry)
        s.flush()
        merger.set_version(table, row_id, field_name, version)
        now = datetime.now()
        for c in items:
            c.status = "resolved"
            c.resolved_version = version
            c.resolved_by = user.username
            c.resolved_at = now


def dismiss(db: Database, user: CurrentUser, conflict_ids: list[int]) -> None:
    """Acknowledge values that arrived for a signed record (they stay in the audit trail)."""
    with db.session(user=user.username) as s:
        for cid in conflict_ids:
            c = s.get(SyncConflict, cid)
            if c is None or c.status != "open":
                continue
            if c.kind != "frozen":
                raise ValidationError("Konflik nilai bersamaan diselesaikan dengan memilih salah satu nilai.")
            _require_field_owner(s, user, c.table_name, c.row_id, c.field)
            c.status = "dismissed"
            c.resolved_by = user.username
            c.resolved_at = datetime.now()


def _require_field_owner(s: Session, user: CurrentUser, table: str, row_id: str, field_name: str) -> None:
    """Only who may write a field (by the roster) may settle what arrived for it."""
    model = MODEL_BY_TABLE.get(table)
    obj = s.get(model, row_id) if model is not None else None
    if obj is None:
        raise NotFound("Data tidak ditemukan.")
    values = {c: getattr(obj, c) for c in model_info(table).columns}
    try:
        reason = Authorizer(s).check(table, "update", {field_name: None}, values, user.username)
    except Wait as exc:
        raise ValidationError("Data pendukung konflik ini belum lengkap di komputer ini.") from exc
    if reason:
        raise PermissionDenied("Anda tidak berwenang menyelesaikan konflik ini: " + reason + ".")
