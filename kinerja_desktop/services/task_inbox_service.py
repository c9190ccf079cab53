"""Tugas: what waits for the signed-in person.

* a pejabat penilai: SKP submitted for approval, evaluations of the period still open, final
  evaluations still to sign;
* a pegawai: a draft or returned SKP (with the note), an evaluation to read, one to sign;
* an admin: sync conflicts waiting for a choice and changes refused on arrival.

Only what the person may see is listed (their own record and their direct subordinates'); each
item names the page that deals with it (``tab``), so the GUI opens the right place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Employee, Evaluation, Plan, Supervision

__all__ = ["TAB_DOKUMEN", "TAB_EVALUASI", "TAB_SINKRON", "TAB_SKP", "InboxItem", "inbox"]

TAB_SKP, TAB_EVALUASI, TAB_DOKUMEN, TAB_SINKRON = "skp", "evaluasi", "dokumen", "sinkron"
#: Refused changes are listed for this many days after they arrived.
REFUSALS_SHOWN_DAYS = 7


@dataclass(frozen=True)
class InboxItem:
    """One thing to do. ``kind`` is stable (for code and tests); ``title`` and ``detail`` are for people."""

    kind: str
    title: str
    who: str
    detail: str = ""
    employee_id: str | None = None
    tab: str = TAB_SKP
    period: str | None = None


def _signed_by(session, evaluation_ids: list[str], role: str) -> set[str]:  # type: ignore[no-untyped-def]
    if not evaluation_ids:
        return set()
    docs = session.execute(select(Document.evaluation_id, Document.signers).where(
        Document.evaluation_id.in_(evaluation_ids), Document.kind == "evaluasi", Document.deleted.is_(False)))
    return {ev_id for ev_id, signers in docs if any((s or {}).get("role") == role for s in signers or [])}


def inbox(db: Database, user: CurrentUser, year: int, period: str) -> list[InboxItem]:
    """The person's tasks for ``year``; open evaluations are those of ``period`` (the one in view)."""
    items: list[InboxItem] = []
    code = period_of(period).code
    with db.reader() as s:
        if user.employee_id:
            items += _as_penilai(s, user.employee_id, year, code)
            items += _as_pegawai(s, user.employee_id, year)
        if user.is_admin:
            items += _as_admin(s)
    return items


def _as_penilai(s, me: str, year: int, code: str) -> list[InboxItem]:  # type: ignore[no-untyped-def]
    rows = s.execute(
        select(Employee.id, Employee.name, Plan.id, Plan.status)
        .join(Supervision, Supervision.employee_id == Employee.id)
        .join(Plan, (Plan.employee_id == Employee.id) & (Plan.year == year) & Plan.is_current.is_(True)
              & Plan.deleted.is_(False))
        .where(Supervision.supervisor_id == me, Supervision.year == year, Supervision.deleted.is_(False),
               Employee.deleted.is_(False))
        .order_by(Employee.name)
    ).all()
    items: list[InboxItem] = []
    approved = {plan_id: (emp_id, name) for emp_id, name, plan_id, status in rows if status == "APPROVED"}
    for emp_id, name, _plan_id, status in rows:
        if status == "SUBMITTED":
            items.append(InboxItem("setujui_skp", "SKP menunggu persetujuan Anda", name,
                                   "Periksa, lalu Setujui atau Kembalikan dengan catatan.", emp_id, TAB_SKP))
    evaluations = s.execute(select(Evaluation.id, Evaluation.plan_id, Evaluation.period, Evaluation.status).where(
        Evaluation.plan_id.in_(list(approved)), Evaluation.deleted.is_(False))).all() if approved else []
    by_plan_period = {(plan_id, per): (ev_id, status) for ev_id, plan_id, per, status in evaluations}
    label = period_of(code).label
    for plan_id, (emp_id, name) in approved.items():
        _ev, status = by_plan_period.get((plan_id, code), (None, None))
        if status not in ("FINAL", "SIGNED"):
            items.append(InboxItem("isi_evaluasi", f"Evaluasi {label} belum difinalkan", name,
                                   "Tulis umpan balik, pilih kedua rating, lalu Finalkan.", emp_id, TAB_EVALUASI,
                                   code))
    final = [(ev_id, plan_id, per) for ev_id, plan_id, per, status in evaluations if status == "FINAL"]
    signed = _signed_by(s, [f[0] for f in final], "penilai")
    for ev_id, plan_id, per in final:
        if ev_id not in signed:
            emp_id, name = approved[plan_id]
            items.append(InboxItem("tandatangani", f"Evaluasi {period_of(per).label} siap ditandatangani", name,
                                   "Tanda tangani sebagai Pejabat Penilai Kinerja (Dokumen > Tanda Tangani).",
                                   emp_id, TAB_EVALUASI, per))
    return items


def _as_pegawai(s, me: str, year: int) -> list[InboxItem]:  # type: ignore[no-untyped-def]
    plan = s.execute(select(Plan.id, Plan.status, Plan.review_note).where(
        Plan.employee_id == me, Plan.year == year, Plan.is_current.is_(True), Plan.deleted.is_(False))).first()
    name = s.execute(select(Employee.name).where(Employee.id == me)).scalar() or ""
    if plan is None:
        return [InboxItem("buat_skp", f"SKP tahun {year} belum dibuat", name,
                          "Buka SKP Saya lalu pilih Buat SKP.", me, TAB_SKP)]
    plan_id, status, note = plan
    items: list[InboxItem] = []
    if status == "RETURNED":
        items.append(InboxItem("skp_dikembalikan", "SKP Anda dikembalikan", name,
                               f"Catatan pejabat penilai: “{note}”" if note else "Perbaiki lalu Ajukan kembali.",
                               me, TAB_SKP))
    elif status == "DRAFT":
        items.append(InboxItem("ajukan_skp", "SKP Anda belum diajukan", name,
                               "Lengkapi RHK dan indikator, lalu Ajukan kepada pejabat penilai.", me, TAB_SKP))
    evaluations = s.execute(select(Evaluation.id, Evaluation.period, Evaluation.status, Evaluation.read_at).where(
        Evaluation.plan_id == plan_id, Evaluation.status.in_(("FINAL", "SIGNED")),
        Evaluation.deleted.is_(False))).all()
    signed = _signed_by(s, [e[0] for e in evaluations], "pegawai")
    for ev_id, per, ev_status, read_at in sorted(evaluations, key=lambda e: e[1]):
        label = period_of(per).label
        if read_at is None:
            items.append(InboxItem("baca_evaluasi", f"Evaluasi {label} sudah difinalkan", name,
                                   "Baca umpan balik dan predikat, lalu Tandai sudah dibaca.", me, TAB_EVALUASI, per))
        elif ev_status == "FINAL" and ev_id not in signed:
            items.append(InboxItem("tandatangani", f"Evaluasi {label} menunggu tanda tangan Anda", name,
                                   "Tanda tangani sebagai pegawai yang dinilai (Dokumen > Tanda Tangani).",
                                   me, TAB_EVALUASI, per))
    return items


def _as_admin(s) -> list[InboxItem]:  # type: ignore[no-untyped-def]
    from kinerja_desktop.store.sync_models import SyncConflict, SyncRefused

    items: list[InboxItem] = []
    conflicts = s.execute(select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")).scalar()
    if conflicts:
        items.append(InboxItem("konflik_sinkron", f"{conflicts} konflik sinkronisasi menunggu keputusan", "",
                               "Pilih nilai yang berlaku (Sinkronisasi > Konflik).", None, TAB_SINKRON))
    since = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=REFUSALS_SHOWN_DAYS)
    refused = s.execute(select(func.count()).select_from(SyncRefused).where(SyncRefused.at >= since)).scalar()
    if refused:
        items.append(InboxItem("ditolak_sinkron", f"{refused} perubahan ditolak saat sinkronisasi "
                               f"({REFUSALS_SHOWN_DAYS} hari terakhir)", "",
                               "Perubahan dari komputer lain yang tidak berhak atau tidak sah; periksa rinciannya.",
                               None, TAB_SINKRON))
    return items
