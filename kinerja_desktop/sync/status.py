"""Records that are not (yet) the same everywhere, for the sync status list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from kinerja_desktop.services.sync_status import CONFLICT, PENDING, conflict_rows
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import MODEL_BY_TABLE, ChangeLog, Employee, LocalMeta
from kinerja_desktop.store.sync_models import SyncConflict
from kinerja_desktop.sync.authz import Authorizer, Wait
from kinerja_desktop.sync.conflicts import TABLE_LABELS
from kinerja_desktop.sync.merge import model_info


@dataclass(frozen=True)
class RecordState:
    table: str
    row_id: str
    state: str  # menunggu | konflik
    employee: str
    changed_at: datetime | None

    @property
    def label(self) -> str:
        return TABLE_LABELS.get(self.table, self.table)


def unsynced_records(db: Database, limit: int = 1000) -> list[RecordState]:
    """Rows with changes not yet sent from here, and rows in conflict (conflicts first)."""
    with db.reader() as s:
        meta = s.get(LocalMeta, "device_id")
        me = str(meta.value) if meta is not None else ""
        pending = list(s.execute(
            select(ChangeLog.table_name, ChangeLog.row_id, func.max(ChangeLog.at))
            .where(ChangeLog.device_id == me, ChangeLog.pushed.is_(False))
            .group_by(ChangeLog.table_name, ChangeLog.row_id).order_by(func.max(ChangeLog.at).desc()).limit(limit)))
        tables = list(s.scalars(select(SyncConflict.table_name).distinct().where(SyncConflict.status == "open")))
    rows: dict[tuple[str, str], tuple[str, datetime | None]] = {}
    for table in tables:
        for row_id in conflict_rows(db, table):
            rows[(table, row_id)] = (CONFLICT, None)
    for table, row_id, at in pending:
        rows.setdefault((table, row_id), (PENDING, at))
    out: list[RecordState] = []
    with db.reader() as s:
        authz = Authorizer(s)
        for (table, row_id), (state, at) in list(rows.items())[:limit]:
            model = MODEL_BY_TABLE.get(table)
            obj = s.get(model, row_id) if model else None
            name = ""
            if obj is not None:
                values = {c: getattr(obj, c) for c in model_info(table).columns}
                try:
                    subject = authz.subject(table, values)
                except (Wait, KeyError):
                    subject = None
                if subject is not None:
                    emp = s.get(Employee, subject.employee_id)
                    name = emp.name if emp else ""
                elif table == "employee":
                    name = getattr(obj, "name", "")
            out.append(RecordState(table, row_id, state, name, at))
    out.sort(key=lambda r: (r.state != CONFLICT, -(r.changed_at.timestamp() if r.changed_at else 0)))
    return out
