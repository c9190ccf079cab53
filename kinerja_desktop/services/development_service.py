"""Rencana pengembangan kompetensi: items per person, automatic proposals, completion, the 20 JP recap.

* The penilai adds items (or accepts, possibly edited, a proposal) and may cancel them.
* Proposals are computed, never stored on their own: for a final evaluation whose predikat is
  Butuh Perbaikan, Kurang/Misconduct or Sangat Kurang (the item links to that evaluation, so its
  Catatan/Rekomendasi points to it) and for every large gap against the jabatan's standard.
  Nothing reaches the person's plan until the penilai accepts it.
* The pegawai reports completion with the certificate (stored in the blob store; synced with the row).
* The admin records organised training (already done or planned) for anyone.
* The 20 JP a year (PP 17/2020, Pasal 203): done hours per person and unit, who is below.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import NotFound, ValidationError
from kinerja_desktop.domain.penilaian import Predikat
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.domain.tindak_lanjut import (
    DEVELOPMENT_FORMS,
    ITEM_SOURCES,
    ITEM_STATE_LABELS,
    JP_PER_YEAR,
    PROPOSAL_PREDIKAT,
    item_state,
)
from kinerja_desktop.services.common import CurrentUser, clean_text, get_live, subject_for
from kinerja_desktop.services.competency_service import profile_in
from kinerja_desktop.services.evidence_files import clean_filename
from kinerja_desktop.services.tindak_lanjut_scope import people_in_scope
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation, Plan
from kinerja_desktop.store.models_tindak_lanjut import DevelopmentItem

__all__ = ["ItemView", "JpLine", "JpRecap", "Proposal", "add_item", "cancel_item", "items_of", "jp_recap",
           "proposals", "report_done", "update_item"]

MAX_CERTIFICATE = 10 * 1024 * 1024
MAX_JP = 1000


@dataclass(frozen=True)
class ItemView:
    id: str
    employee_id: str
    year: int
    form: str
    form_label: str
    topic: str
    competency_code: str | None
    jp: float
    start_on: date | None
    end_on: date | None
    organiser: str
    status: str
    source: str
    reason: str
    evaluation_id: str | None
    evaluation_label: str
    completed_on: date | None
    certificate_name: str
    sha256: str | None
    state: str

    @property
    def state_label(self) -> str:
        return ITEM_STATE_LABELS[self.state]


@dataclass(frozen=True)
class Proposal:
    """A development item the app suggests; the penilai accepts (maybe edited) or ignores it."""

    form: str
    topic: str
    competency_code: str | None
    jp: float
    reason: str
    evaluation_id: str | None = None


def _view(item: DevelopmentItem, today: date, ev_labels: dict[str, str]) -> ItemView:
    return ItemView(item.id, item.employee_id, item.year, item.form, DEVELOPMENT_FORMS.get(item.form, item.form),
                    item.topic, item.competency_code, float(item.jp or 0), item.start_on, item.end_on, item.organiser,
                    item.status, item.source, item.reason, item.evaluation_id,
                    ev_labels.get(item.evaluation_id or "", ""), item.completed_on, item.certificate_name, item.sha256,
                    item_state(item.status, item.completed_on, item.end_on, today))


def _evaluation_labels(session: Session, ids: set[str]) -> dict[str, str]:
    out = {}
    for ev_id in ids:
        row = session.execute(select(Evaluation.period, Plan.year).join(Plan, Plan.id == Evaluation.plan_id)
                              .where(Evaluation.id == ev_id)).first()
        if row:
            out[ev_id] = f"Evaluasi {period_of(row.period).label} {row.year}"
    return out


def _items(session: Session, employee_id: str, year: int | None) -> list[DevelopmentItem]:
    query = select(DevelopmentItem).where(DevelopmentItem.employee_id == employee_id,
                                          DevelopmentItem.deleted.is_(False))
    if year is not None:
        query = query.where(DevelopmentItem.year == year)
    return list(session.scalars(query.order_by(DevelopmentItem.start_on, DevelopmentItem.created_at)))


def items_of(db: Database, user: CurrentUser, employee_id: str, year: int | None = None, *,
             today: date | None = None) -> list[ItemView]:
    """A person's development items (a year's, or all): whoever may see their evaluation."""
    today = today or date.today()
    with db.reader() as s:
        emp = get_live(s, Employee, employee_id, "Pegawai")
        require(user.actor, Action.VIEW_EVALUATION, subject_for(s, emp.id, year or today.year))
        items = _items(s, emp.id, year)
        labels = _evaluation_labels(s, {i.evaluation_id for i in items if i.evaluation_id})
        return [_view(i, today, labels) for i in items]


def _final_evaluations(session: Session, employee_id: str, year: int) -> list[tuple[Evaluation, int]]:
    rows = session.execute(
        select(Evaluation, Plan.year).join(Plan, Plan.id == Evaluation.plan_id)
        .where(Plan.employee_id == employee_id, Plan.year.in_((year - 1, year)), Plan.deleted.is_(False),
               Evaluation.deleted.is_(False), Evaluation.status.in_(("FINAL", "SIGNED")),
               Evaluation.predikat.is_not(None))
        .order_by(Plan.year, Evaluation.finalised_at)).all()
    return [(ev, y) for ev, y in rows]


def proposals(db: Database, user: CurrentUser, employee_id: str, year: int) -> list[Proposal]:
    """What the app proposes for a person (not yet covered by an item): the penilai decides."""
    with db.reader() as s:
        emp = get_live(s, Employee, employee_id, "Pegawai")
        require(user.actor, Action.VIEW_EVALUATION, subject_for(s, emp.id, year))
        return _proposals(s, emp, year)


def _proposals(s: Session, emp: Employee, year: int) -> list[Proposal]:
    if emp.asn_kind == "LAINNYA":
        return []  # not an ASN: no competency standard, no development entitlement
    existing = _items(s, emp.id, None)
    linked = {i.evaluation_id for i in existing if i.evaluation_id}
    covered = {i.competency_code for i in existing if i.competency_code and i.status != "BATAL"
               and (i.year == year or i.completed_on is None)}
    out: list[Proposal] = []
    finals = _final_evaluations(s, emp.id, year)
    if finals:
        ev, ev_year = finals[-1]
        predikat = Predikat(ev.predikat)
        if predikat in PROPOSAL_PREDIKAT and ev.id not in linked:
            label = f"{period_of(ev.period).label} {ev_year}"
            note = f" Catatan penilai: {ev.catatan.strip()}" if ev.catatan.strip() else ""
            out.append(Proposal(PROPOSAL_PREDIKAT[predikat], f"Peningkatan kinerja: tindak lanjut evaluasi {label}",
                                None, 8 if predikat is Predikat.BUTUH_PERBAIKAN else 16,
                                f"Predikat {predikat.label} pada evaluasi {label}.{note}", ev.id))
    prof = profile_in(s, emp)
    for gap in sorted(prof.large_gaps(), key=lambda g: -(g.gap or 0)):
        if gap.code in covered:
            continue
        form = "PELATIHAN" if (gap.gap or 0) >= 3 else ("COACHING" if gap.kind != "TEKNIS" else "PELATIHAN")
        out.append(Proposal(form, f"Pengembangan kompetensi {gap.name}", gap.code, 20 if form == "PELATIHAN" else 8,
                            f"Kesenjangan {gap.gap} level: standar jabatan {gap.required}, "
                            f"hasil penilaian {gap.assessed}."))
    return out


def _checked(form: str, topic: str, competency_code: str | None, jp: Any, start_on: date | None,
             end_on: date | None, organiser: str, reason: str) -> dict[str, Any]:
    form = (form or "").strip().upper().replace("-", "_")
    if form not in DEVELOPMENT_FORMS:
        raise ValidationError(f"Bentuk pengembangan “{form}” tidak dikenal; gunakan "
                              f"{', '.join(DEVELOPMENT_FORMS)}.", field="Bentuk")
    try:
        hours = float(str(jp).replace(",", "."))
    except ValueError:
        hours = -1
    if not 0 <= hours <= MAX_JP:
        raise ValidationError(f"JP harus angka 0 sampai {MAX_JP}, bukan “{jp}”.", field="JP")
    if start_on and end_on and end_on < start_on:
        raise ValidationError("Tanggal selesai tidak boleh sebelum tanggal mulai.", field="Tanggal selesai")
    code = (competency_code or "").strip().upper() or None
    if code and (len(code) > 24 or not all(ch.isalnum() or ch in "-_." for ch in code)):
        raise ValidationError(f"Kode kompetensi “{competency_code}” tidak sah.", field="Kompetensi")
    return {"form": form, "topic": clean_text(topic, "Topik", required=True, max_len=300),
            "competency_code": code, "jp": hours, "start_on": start_on, "end_on": end_on,
            "organiser": clean_text(organiser, "Penyelenggara", max_len=200),
            "reason": clean_text(reason, "Alasan", max_len=2000)}


def add_item(db: Database, user: CurrentUser, employee_id: str, year: int, *, form: str, topic: str,  # noqa: PLR0913
             competency_code: str | None = None, jp: Any = 0, start_on: date | None = None,
             end_on: date | None = None, organiser: str = "", reason: str = "", evaluation_id: str | None = None,
             source: str = "PENILAI", completed_on: date | None = None) -> str:
    """Add an item to a person's plan: the penilai (own item or an accepted proposal), or an admin
    recording organised training (``source='ADMIN'``; may be recorded as done at once)."""
    values = _checked(form, topic, competency_code, jp, start_on, end_on, organiser, reason)
    if source not in ITEM_SOURCES or source == "PEGAWAI":
        raise ValidationError(f"Sumber “{source}” tidak dikenal.", field="Sumber")
    if not 2000 <= int(year) <= 2100:
        raise ValidationError(f"Tahun {year} tidak sah.", field="Tahun")
    with db.session(user=user.username) as s:
        emp = get_live(s, Employee, employee_id, "Pegawai")
        subject = subject_for(s, emp.id, year)
        require(user.actor, Action.RECORD_TRAINING if source == "ADMIN" else Action.PROPOSE_DEVELOPMENT, subject)
        if completed_on is not None and source != "ADMIN":
            raise ValidationError("Penyelesaian dilaporkan oleh pegawai yang bersangkutan.", field="Selesai")
        if evaluation_id is not None:
            ev = get_live(s, Evaluation, evaluation_id, "Evaluasi")
            if s.get(Plan, ev.plan_id).employee_id != emp.id:
                raise ValidationError("Evaluasi itu milik pegawai lain.", field="Evaluasi")
        item = DevelopmentItem(employee_id=emp.id, year=int(year), evaluation_id=evaluation_id, source=source,
                               status="DIRENCANAKAN", completed_on=completed_on, **values)
        s.add(item)
        s.flush()
        return item.id


def _editable_item(s: Session, user: CurrentUser, item_id: str, action: Action) -> DevelopmentItem:
    item = get_live(s, DevelopmentItem, item_id, "Rencana pengembangan")
    require(user.actor, action, subject_for(s, item.employee_id, item.year))
    return item


def update_item(db: Database, user: CurrentUser, item_id: str, **changes: Any) -> None:
    """The penilai edits an item (form, topic, competency, JP, dates, organiser, reason)."""
    with db.session(user=user.username) as s:
        item = _editable_item(s, user, item_id, Action.PROPOSE_DEVELOPMENT)
        current = {k: getattr(item, k) for k in ("form", "topic", "competency_code", "jp", "start_on", "end_on",
                                                 "organiser", "reason")}
        unknown = set(changes) - set(current)
        if unknown:
            raise ValidationError(f"Kolom tidak dikenal: {', '.join(sorted(unknown))}.")
        values = _checked(**{**current, **changes})
        for key, value in values.items():
            if getattr(item, key) != value:
                setattr(item, key, value)
        if item.status == "BATAL":
            item.status = "DIRENCANAKAN"


def cancel_item(db: Database, user: CurrentUser, item_id: str, reason: str = "") -> None:
    """The penilai cancels an item (kept, with its reason, in the plan's history)."""
    with db.session(user=user.username) as s:
        item = _editable_item(s, user, item_id, Action.PROPOSE_DEVELOPMENT)
        if item.completed_on is not None:
            raise ValidationError("Pengembangan yang sudah selesai tidak dapat dibatalkan.")
        item.status = "BATAL"
        if reason.strip():
            item.reason = clean_text(f"{item.reason}\nDibatalkan: {reason}".strip(), "Alasan", max_len=2000)


def report_done(db: Database, user: CurrentUser, item_id: str, completed_on: date, *,
                certificate: str | Path | None = None, note: str = "") -> None:
    """The pegawai reports an item done, with the certificate (sertifikat) as evidence."""
    note = clean_text(note, "Catatan", max_len=2000)
    sha, name = None, ""
    if certificate is not None:
        path = Path(certificate)
        if not path.is_file():
            raise ValidationError(f"Berkas {path} tidak ditemukan.", field="Sertifikat")
        sha, _size = db.blobs.put_file(path, max_size=MAX_CERTIFICATE)
        name = clean_filename(path.name)
    with db.session(user=user.username) as s:
        item = _editable_item(s, user, item_id, Action.REPORT_DEVELOPMENT)
        if item.status == "USULAN":
            raise ValidationError("Usulan ini belum disetujui pejabat penilai.")
        if item.status == "BATAL":
            raise ValidationError("Rencana ini sudah dibatalkan.")
        if completed_on > date.today():
            raise ValidationError("Tanggal selesai tidak boleh di masa depan.", field="Tanggal selesai")
        item.completed_on = completed_on
        item.completion_note = note
        if sha is not None:
            item.sha256, item.certificate_name = sha, name


# ----------------------------------------------------------------------------- the 20 JP recap


@dataclass(frozen=True)
class JpLine:
    employee_id: str
    nama: str
    nip: str
    jabatan: str
    unit_code: str
    unit_name: str
    asn_kind: str
    jp_done: float
    jp_planned: float
    items_done: int
    items_late: int

    @property
    def below(self) -> bool:
        return self.jp_done < JP_PER_YEAR

    @property
    def shortfall(self) -> float:
        return max(0.0, JP_PER_YEAR - self.jp_done)


@dataclass(frozen=True)
class JpUnit:
    code: str
    name: str
    people: int
    below: int
    jp_done: float

    @property
    def average(self) -> float:
        return self.jp_done / self.people if self.people else 0.0


@dataclass
class JpRecap:
    year: int
    scope: str
    lines: list[JpLine]

    def units(self) -> list[JpUnit]:
        groups: dict[tuple[str, str], list[JpLine]] = defaultdict(list)
        for line in self.lines:
            groups[(line.unit_code, line.unit_name)].append(line)
        return [JpUnit(code, name, len(ls), sum(1 for x in ls if x.below), sum(x.jp_done for x in ls))
                for (code, name), ls in sorted(groups.items())]

    @property
    def below(self) -> list[JpLine]:
        return [x for x in self.lines if x.below]

    def as_dict(self) -> dict[str, Any]:
        return {"year": self.year, "scope": self.scope, "target_jp": JP_PER_YEAR,
                "people": len(self.lines), "below": len(self.below),
                "lines": [{"nip": x.nip, "nama": x.nama, "unit": x.unit_code, "jp_done": x.jp_done,
                           "jp_planned": x.jp_planned, "below": x.below, "late": x.items_late} for x in self.lines],
                "units": [{"unit": u.code, "name": u.name, "people": u.people, "below": u.below,
                           "average_jp": round(u.average, 1)} for u in self.units()]}


def jp_recap(db: Database, user: CurrentUser, year: int, *, unit_code: str | None = None, only_pns: bool = True,
             today: date | None = None) -> JpRecap:
    """JP of competency development done (reported complete within the year) per person, against 20 JP."""
    today = today or date.today()
    with db.reader() as s:
        scope = people_in_scope(s, user, year, unit_code)
        emps = [e for e in scope.employees if not only_pns or e.asn_kind == "PNS"]
        ids = [e.id for e in emps]
        items: dict[str, list[DevelopmentItem]] = defaultdict(list)
        for i in range(0, len(ids), 500):
            for item in s.scalars(select(DevelopmentItem).where(DevelopmentItem.employee_id.in_(ids[i:i + 500]),
                                                                DevelopmentItem.deleted.is_(False),
                                                                DevelopmentItem.status != "BATAL")):
                items[item.employee_id].append(item)
        lines = []
        for e in emps:
            mine = items.get(e.id, [])
            done = [i for i in mine if i.completed_on is not None and i.completed_on.year == year]
            planned = [i for i in mine if i.completed_on is None and i.year == year and i.status == "DIRENCANAKAN"]
            late = [i for i in planned if item_state(i.status, None, i.end_on, today) == "TERLAMBAT"]
            code, name = scope.units.get(e.unit_id or "", ("-", "Tanpa unit"))
            lines.append(JpLine(e.id, e.name, e.nip or "", e.jabatan, code, name, e.asn_kind,
                                sum(float(i.jp or 0) for i in done), sum(float(i.jp or 0) for i in planned),
                                len(done), len(late)))
    return JpRecap(year, scope.title, lines)


def export_recap(rec: JpRecap, path: str | Path) -> Path:
    """The recap as a workbook: Per Pegawai and Per Unit."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from kinerja_desktop.services.spreadsheet_safety import neutralise_row

    target = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "Per Pegawai"
    ws.append(neutralise_row([f"Rekap pengembangan kompetensi {rec.year} — {rec.scope} (hak minimal {JP_PER_YEAR} "
                              "JP per tahun, PP 17/2020 Pasal 203)"]))
    ws.append(["No", "Unit", "Nama", "NIP", "Jabatan", "JP selesai", "JP direncanakan", "Kurang dari 20 JP",
               "Kekurangan JP", "Rencana terlambat"])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for n, x in enumerate(rec.lines, start=1):
        ws.append(neutralise_row([n, f"{x.unit_name} ({x.unit_code})", x.nama, x.nip, x.jabatan, x.jp_done,
                                  x.jp_planned, "ya" if x.below else "", x.shortfall, x.items_late]))
    units = wb.create_sheet("Per Unit")
    units.append(["Kode", "Unit", "Pegawai", "Kurang dari 20 JP", "Rata-rata JP"])
    for cell in units[1]:
        cell.font = Font(bold=True)
    for u in rec.units():
        units.append(neutralise_row([u.code, u.name, u.people, u.below, round(u.average, 1)]))
    for sheet, widths in ((ws, (5, 36, 30, 22, 36)), (units, (12, 40))):
        for col, width in zip("ABCDE", widths, strict=False):
            sheet.column_dimensions[col].width = width
    wb.save(target)
    return target


def item_by_id(db: Database, user: CurrentUser, item_id: str) -> ItemView:
    with db.reader() as s:
        item = s.get(DevelopmentItem, item_id)
        if item is None or item.deleted:
            raise NotFound("Rencana pengembangan tidak ditemukan.")
        require(user.actor, Action.VIEW_EVALUATION, subject_for(s, item.employee_id, item.year))
        return _view(item, date.today(), _evaluation_labels(s, {item.evaluation_id} if item.evaluation_id else set()))


# ----------------------------------------------------------------------------- on the evaluation


@dataclass(frozen=True)
class EvaluationFollowUp:
    """What an evaluation shows of the development plan: items that answer earlier evaluations
    (done or not) and items that answer this one (its Catatan/Rekomendasi)."""

    earlier: list[ItemView]
    this: list[ItemView]

    def text(self) -> str:
        parts = []
        if self.earlier:
            done = sum(1 for i in self.earlier if i.state == "SELESAI")
            late = sum(1 for i in self.earlier if i.state == "TERLAMBAT")
            parts.append(f"Tindak lanjut evaluasi sebelumnya: {done} dari {len(self.earlier)} rencana pengembangan "
                         f"selesai" + (f", {late} terlambat" if late else "") + ": "
                         + "; ".join(f"{i.topic} ({i.state_label.split(' (')[0].lower()})" for i in self.earlier))
        if self.this:
            parts.append("Rencana pengembangan dari evaluasi ini: " + "; ".join(
                f"{i.topic} ({i.state_label.split(' (')[0].lower()})" for i in self.this))
        return "\n".join(parts)


def evaluation_followup(db: Database, user: CurrentUser, plan_id: str, period: str, *,
                        today: date | None = None) -> EvaluationFollowUp:
    """The development items linked to this person's evaluations, split at this evaluation."""
    today = today or date.today()
    code = period_of(period).code
    with db.reader() as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require(user.actor, Action.VIEW_EVALUATION, subject_for(s, plan.employee_id, plan.year))
        this_ev = s.execute(select(Evaluation.id).where(Evaluation.plan_id == plan.id, Evaluation.period == code,
                                                        Evaluation.deleted.is_(False))).scalar()
        items = [i for i in _items(s, plan.employee_id, None) if i.evaluation_id and i.status != "BATAL"]
        labels = _evaluation_labels(s, {i.evaluation_id for i in items if i.evaluation_id})
        views = [_view(i, today, labels) for i in items]
    return EvaluationFollowUp([v for v in views if v.evaluation_id != this_ev],
                              [v for v in views if this_ev is not None and v.evaluation_id == this_ev])
