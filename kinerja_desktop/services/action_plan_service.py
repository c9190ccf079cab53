"""Rencana aksi: the planned actions of each RHK per period, with their own target, realisation and evidence.

The instansi plans per month (``B01``..``B12``) or per quarter (``TW1``..``TW4``): setting
``rencana_aksi.periode``. Only the pegawai writes their rencana aksi (the penilai, atasan and admin
read them). A rencana aksi may name the indicator it counts towards; the indicator's realisation for
an evaluation period can then be computed from the rencana aksi inside that period
(:func:`kinerja_desktop.services.realisation_service.realisation_from_actions`) or typed as before.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, Role
from kinerja_desktop.services.common import clean_text, get_live, require_on_plan
from kinerja_desktop.services.evidence_files import clean_filename, detect_type
from kinerja_desktop.services.identity import CurrentUser
from kinerja_desktop.services.settings_service import get_setting
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Indicator, Plan, Rhk
from kinerja_desktop.store.models_harian import RencanaAksi

__all__ = ["ActionView", "IndicatorActions", "action_periods", "actions_by_indicator", "add_action",
           "attach_evidence", "copy_actions", "copy_to_next_period", "delete_action", "list_actions", "next_period",
           "set_action_realisation", "update_action"]

MONTHLY = tuple(f"B{m:02d}" for m in range(1, 13))
QUARTERLY = ("TW1", "TW2", "TW3", "TW4")


@dataclass
class ActionView:
    id: str
    rhk_id: str
    period: str
    position: int
    text: str
    indicator_id: str | None
    target_value: float | None
    target_unit: str
    realisation_value: float | None
    realisation_text: str
    note: str
    filename: str | None
    sha256: str | None

    @property
    def target_label(self) -> str:
        return _number(self.target_value, self.target_unit)

    @property
    def realised(self) -> bool:
        return self.realisation_value is not None or bool(self.realisation_text)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    text = f"{value:g}".replace(".", ",")
    return f"{text} {unit}".strip()


def action_periods(db: Database) -> tuple[str, ...]:
    """The period codes rencana aksi use in this instansi (monthly unless set to TRIWULAN)."""
    kind = str(get_setting(db, "rencana_aksi.periode") or "BULANAN").strip().upper()
    return QUARTERLY if kind.startswith("TRIWULAN") or kind == "TW" else MONTHLY


def _action_period(code: str) -> Period:
    per = period_of(code)
    if per.kind not in (PeriodKind.BULANAN, PeriodKind.TRIWULAN):
        raise ValidationError(f"Rencana aksi disusun per bulan atau per triwulan, bukan {per.label}.",
                              field="Periode")
    return per


def next_period(code: str) -> str | None:
    """The period after ``code`` in the same year (None after Desember / Triwulan IV)."""
    per = _action_period(code)
    seq = MONTHLY if per.kind == PeriodKind.BULANAN else QUARTERLY
    i = seq.index(per.code)
    return seq[i + 1] if i + 1 < len(seq) else None


def _view(r: RencanaAksi) -> ActionView:
    return ActionView(r.id, r.rhk_id, r.period, r.position, r.text, r.indicator_id, r.target_value, r.target_unit,
                      r.realisation_value, r.realisation_text, r.note,
                      clean_filename(r.filename) if r.filename else None, r.sha256)


def _plan_of_rhk(session: Session, rhk_id: str) -> tuple[Rhk, Plan]:
    rhk = get_live(session, Rhk, rhk_id, "RHK")
    return rhk, get_live(session, Plan, rhk.plan_id, "SKP")


def list_actions(db: Database, user: CurrentUser, plan_id: str, period: str | None = None) -> list[ActionView]:
    """The rencana aksi of a plan (one period, or all), by RHK order, period and position."""
    with db.reader() as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require_on_plan(s, user, Action.VIEW_DAILY_WORK, plan)
        q = (select(RencanaAksi).join(Rhk, Rhk.id == RencanaAksi.rhk_id)
             .where(Rhk.plan_id == plan.id, Rhk.deleted.is_(False), RencanaAksi.deleted.is_(False)))
        if period:
            q = q.where(RencanaAksi.period == _action_period(period).code)
        rows = s.scalars(q.order_by(Rhk.kind.desc(), Rhk.position, RencanaAksi.period, RencanaAksi.position))
        return [_view(r) for r in rows]


def _clean_number(value: float | str | None, what: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).strip().replace(".", "").replace(",", ".")) if isinstance(value, str) \
            else float(value)
    except ValueError:
        raise ValidationError(f"{what} '{value}' bukan angka.", field=what) from None
    if not -1e12 < number < 1e12:
        raise ValidationError(f"{what} terlalu besar.", field=what)
    return number


def _check_indicator(session: Session, rhk: Rhk, indicator_id: str | None) -> str | None:
    if not indicator_id:
        return None
    ind = get_live(session, Indicator, indicator_id, "Indikator")
    if ind.rhk_id != rhk.id:
        raise ValidationError("Indikator yang dipilih bukan indikator RHK ini.", field="Indikator")
    return ind.id


def add_action(db: Database, user: CurrentUser, rhk_id: str, period: str, text: str, *,
               indicator_id: str | None = None, target_value: float | str | None = None,
               target_unit: str = "") -> str:
    """Plan an action for an RHK in a period; returns its id."""
    per = _action_period(period)
    body = clean_text(text, "Rencana aksi", required=True, max_len=2000)
    target = _clean_number(target_value, "Target")
    unit = clean_text(target_unit, "Satuan", max_len=80)
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        rhk, plan = _plan_of_rhk(s, rhk_id)
        require_on_plan(s, user, Action.EDIT_DAILY_WORK, plan)
        ind = _check_indicator(s, rhk, indicator_id)
        pos = s.scalar(select(func.coalesce(func.max(RencanaAksi.position), -1)).where(
            RencanaAksi.rhk_id == rhk.id, RencanaAksi.period == per.code, RencanaAksi.deleted.is_(False)))
        row = RencanaAksi(rhk_id=rhk.id, period=per.code, position=int(pos if pos is not None else -1) + 1,
                          text=body, indicator_id=ind, target_value=target, target_unit=unit, realisation_text="",
                          note="")
        s.add(row)
        s.flush()
        return row.id


def _own_action(session: Session, user: CurrentUser, action_id: str) -> RencanaAksi:
    row = get_live(session, RencanaAksi, action_id, "Rencana aksi")
    _rhk, plan = _plan_of_rhk(session, row.rhk_id)
    require_on_plan(session, user, Action.EDIT_DAILY_WORK, plan)
    return row


def update_action(db: Database, user: CurrentUser, action_id: str, *, text: str | None = None,
                  target_value: float | str | None = None, target_unit: str | None = None,
                  indicator_id: str | None = None, clear_indicator: bool = False) -> None:
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        row = _own_action(s, user, action_id)
        if text is not None:
            row.text = clean_text(text, "Rencana aksi", required=True, max_len=2000)
        if target_value is not None:
            row.target_value = _clean_number(target_value, "Target")
        if target_unit is not None:
            row.target_unit = clean_text(target_unit, "Satuan", max_len=80)
        if indicator_id is not None or clear_indicator:
            rhk = get_live(s, Rhk, row.rhk_id, "RHK")
            row.indicator_id = None if clear_indicator else _check_indicator(s, rhk, indicator_id)


def set_action_realisation(db: Database, user: CurrentUser, action_id: str, value: str, *,
                           note: str | None = None) -> None:
    """Record what was achieved ("3 laporan"; the leading number is the value counted)."""
    from kinerja_desktop.services.realisation_service import number_from_text

    text = clean_text(value, "Realisasi", max_len=2000)
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        row = _own_action(s, user, action_id)
        row.realisation_text = text
        row.realisation_value = number_from_text(text) if text else None
        if note is not None:
            row.note = clean_text(note, "Catatan")


def attach_evidence(db: Database, user: CurrentUser, action_id: str, path: str | Path,
                    *, max_bytes: int | None = None) -> str:
    """Attach one evidence file to a rencana aksi (replacing an earlier one)."""
    from kinerja_desktop.services.realisation_service import DEFAULT_MAX_EVIDENCE_BYTES

    src = Path(path)
    limit = max_bytes if max_bytes is not None else DEFAULT_MAX_EVIDENCE_BYTES
    if not src.is_file():
        raise ValidationError(f"Berkas bukti “{src.name}” tidak ditemukan.", field="Bukti dukung")
    if src.stat().st_size > limit:
        raise ValidationError(f"Berkas “{src.name}” terlalu besar; batasnya {limit / 1048576:.0f} MB.",
                              field="Bukti dukung")
    with db.reader() as s:
        _own_action(s, user, action_id)
    try:
        sha, size = db.blobs.put_file(src, max_size=limit)
    except OSError as exc:
        raise ValidationError(f"Berkas “{src.name}” tidak dapat disimpan: {exc.strerror or exc}.",
                              field="Bukti dukung") from None
    name = clean_filename(src.name)
    kind = detect_type(src, name)
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        row = _own_action(s, user, action_id)
        row.sha256, row.filename, row.size = sha, name, size
        row.mime = kind.mime if kind else (mimetypes.guess_type(name)[0] or "application/octet-stream")
    return sha


def delete_action(db: Database, user: CurrentUser, action_id: str, deleted: bool = True) -> None:
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        row = s.get(RencanaAksi, action_id)
        if row is None:
            raise ValidationError("Rencana aksi tidak ditemukan.")
        _rhk, plan = _plan_of_rhk(s, row.rhk_id)
        require_on_plan(s, user, Action.EDIT_DAILY_WORK, plan)
        row.deleted = deleted


def copy_to_next_period(db: Database, user: CurrentUser, plan_id: str, period: str) -> tuple[str, int]:
    """Copy every rencana aksi of ``period`` to the next period (text, indicator and target; no realisation).

    Actions already in the next period with the same text are not copied twice. Returns (next period, copied).
    """
    per = _action_period(period)
    target = next_period(per.code)
    if target is None:
        raise ValidationError(f"{per.label} adalah periode terakhir tahun ini; tidak ada periode berikutnya.",
                              field="Periode")
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require_on_plan(s, user, Action.EDIT_DAILY_WORK, plan)
        rows = list(s.scalars(select(RencanaAksi).join(Rhk, Rhk.id == RencanaAksi.rhk_id).where(
            Rhk.plan_id == plan.id, Rhk.deleted.is_(False), RencanaAksi.deleted.is_(False),
            RencanaAksi.period.in_((per.code, target))).order_by(RencanaAksi.position)))
        if not any(r.period == per.code for r in rows):
            raise ValidationError(f"Belum ada rencana aksi pada {per.label} untuk disalin.", field="Periode")
        existing = {(r.rhk_id, r.text) for r in rows if r.period == target}
        next_pos: dict[str, int] = {}
        for r in rows:
            if r.period == target:
                next_pos[r.rhk_id] = max(next_pos.get(r.rhk_id, 0), r.position + 1)
        copied = 0
        for r in rows:
            if r.period != per.code or (r.rhk_id, r.text) in existing:
                continue
            pos = next_pos.get(r.rhk_id, 0)
            next_pos[r.rhk_id] = pos + 1
            s.add(RencanaAksi(rhk_id=r.rhk_id, period=target, position=pos, text=r.text,
                              indicator_id=r.indicator_id, target_value=r.target_value, target_unit=r.target_unit,
                              realisation_text="", note=""))
            copied += 1
        return target, copied


def copy_actions(session: Session, old_rhk_id: str, new_rhk_id: str, indicators: dict[str, str]) -> int:
    """Copy an RHK's rencana aksi (with their realisation and evidence) to its copy in a plan Revisi;
    ``indicators`` maps the old indicator ids to the new ones. Called inside the Revisi's transaction."""
    rows = list(session.scalars(select(RencanaAksi).where(RencanaAksi.rhk_id == old_rhk_id,
                                                          RencanaAksi.deleted.is_(False))))
    for r in rows:
        session.add(RencanaAksi(rhk_id=new_rhk_id, indicator_id=indicators.get(r.indicator_id or ""), period=r.period,
                                position=r.position, text=r.text, target_value=r.target_value,
                                target_unit=r.target_unit, realisation_value=r.realisation_value,
                                realisation_text=r.realisation_text, note=r.note, sha256=r.sha256,
                                filename=r.filename, size=r.size, mime=r.mime))
    return len(rows)


@dataclass
class IndicatorActions:
    """The rencana aksi of one indicator inside an evaluation period."""

    planned: int
    realised: int
    total: float | None  # sum of the realised values (None when none has a number)
    lines: list[str]

    def summary(self) -> str:
        return f"Rencana aksi: {self.realised}/{self.planned} terealisasi"


def _inside(action_period: str, evaluation: Period) -> bool:
    p = period_of(action_period)
    return evaluation.first_month <= p.first_month and p.last_month <= evaluation.last_month


def actions_by_indicator(session: Session, indicator_ids: list[str], evaluation_period: str
                         ) -> dict[str, IndicatorActions]:
    """Per indicator, the rencana aksi that fall inside an evaluation period (no permission check: the
    caller has already checked the plan)."""
    if not indicator_ids:
        return {}
    ev = period_of(evaluation_period)
    rhk_ids = select(Indicator.rhk_id).where(Indicator.id.in_(indicator_ids))
    rows = list(session.scalars(  # through the (rhk_id, period) index: the RHK of each indicator
        select(RencanaAksi).where(RencanaAksi.rhk_id.in_(rhk_ids), RencanaAksi.indicator_id.in_(indicator_ids),
                                  RencanaAksi.deleted.is_(False))
        .order_by(RencanaAksi.period, RencanaAksi.position)))
    out: dict[str, IndicatorActions] = {}
    for r in rows:
        if not _inside(r.period, ev):
            continue
        item = out.setdefault(r.indicator_id or "", IndicatorActions(0, 0, None, []))
        item.planned += 1
        done = r.realisation_value is not None or bool(r.realisation_text)
        if done:
            item.realised += 1
        if r.realisation_value is not None:
            item.total = (item.total or 0.0) + r.realisation_value
        label = period_of(r.period).label
        item.lines.append(f"{label}: {r.text}" + (f" — {r.realisation_text}" if done else " — belum"))
    return out
