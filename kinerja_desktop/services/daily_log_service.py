"""Progres harian: one-line entries per working day, the penilai's umpan balik, and monthly recaps.

* A pegawai writes only their own entries. An entry for a past day is accepted at any time but is
  marked late when written more than ``harian.batas_hari`` working days after that day (the
  instansi calendar decides which days are working days); a future day is refused.
* The penilai reads the team (:func:`team_week`) and leaves a short umpan balik on an entry; the
  atasan penilai and the admin read.
* :func:`person_month` and :func:`unit_month` give, per person, working days, days logged, days
  logged late and days missing, for the tunjangan kinerja calculation.

Reads use the (employee_id, day) index: a person's month or a team's week touches only its rows.
"""

from __future__ import annotations

import mimetypes
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import String, case, func, select, type_coerce
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.domain.permissions import Action, Role, Subject, may, require
from kinerja_desktop.domain.working_days import WorkCalendar, month_days
from kinerja_desktop.services.calendar_service import calendar_of, late_window
from kinerja_desktop.services.common import clean_text, get_live, subject_for
from kinerja_desktop.services.evidence_files import clean_filename, detect_type
from kinerja_desktop.services.identity import CurrentUser
from kinerja_desktop.services.query_service import descendant_unit_ids, subordinate_ids
from kinerja_desktop.services.realisation_service import DEFAULT_MAX_EVIDENCE_BYTES
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import ChangeLog, Employee, Plan, Rhk, Unit, utcnow
from kinerja_desktop.store.models_harian import ProgresHarian, RencanaAksi

__all__ = ["DayStatus", "EntryView", "MonthRecap", "PersonMonth", "TeamWeek", "add_entry", "attach_evidence",
           "delete_entry", "entries", "month_recap", "person_month", "set_feedback", "team_week", "unit_month",
           "update_entry", "write_recap_xlsx"]

#: Longest entry text (one line).
MAX_ENTRY = 500


@dataclass
class EntryView:
    id: str
    employee_id: str
    day: date
    text: str
    hours: float | None = None
    rhk_id: str | None = None
    rencana_aksi_id: str | None = None
    link_text: str = ""
    filename: str | None = None
    sha256: str | None = None
    late: bool = False
    written_on: date | None = None
    umpan_balik: str = ""
    #: Why the date the writing PC gave is not believed ('' when nothing says otherwise); ``late`` then
    #: follows the earliest date the entry can really have been written (see :func:`_check_clock`).
    doubt: str = ""


@dataclass(slots=True)
class DayStatus:
    day: date
    working: bool
    reason: str  # why it is not a working day ('' when it is)
    entries: int = 0
    late: bool = False  # logged, but only late
    missing: bool = False  # a working day up to today with no entry
    due: bool = False  # a working day up to today


@dataclass(frozen=True, slots=True)
class MonthCounts:
    """A person's month in numbers: working days, working days logged (of them late), working days up to
    today (``due``) and those of them not logged."""

    working_days: int
    logged: int
    late: int
    due: int
    missing: int


@dataclass
class PersonMonth:
    """One person's month: day by day (``days``, for one person or a team's week), or only its numbers
    (``counts``, for a unit's recap, counted by the database)."""

    employee_id: str
    nama: str
    nip: str
    unit: str
    year: int
    month: int
    days: list[DayStatus] = field(default_factory=list)
    counts: MonthCounts | None = None

    def totals(self) -> MonthCounts:
        if self.counts is not None:
            return self.counts
        days = self.days
        return MonthCounts(sum(1 for d in days if d.working), sum(1 for d in days if d.working and d.entries),
                           sum(1 for d in days if d.working and d.late),
                           sum(1 for d in days if d.due),
                           sum(1 for d in days if d.missing))

    @property
    def working_days(self) -> int:
        return self.totals().working_days

    @property
    def logged(self) -> int:
        return self.totals().logged

    @property
    def late(self) -> int:
        return self.totals().late

    @property
    def missing(self) -> int:
        return self.totals().missing

    @property
    def on_time(self) -> int:
        return self.logged - self.late

    def as_dict(self) -> dict[str, object]:
        return {"employee_id": self.employee_id, "nama": self.nama, "nip": self.nip, "unit": self.unit,
                "year": self.year, "month": self.month, "hari_kerja": self.working_days, "diisi": self.logged,
                "terlambat": self.late, "tidak_diisi": self.missing}


@dataclass
class TeamWeek:
    monday: date
    days: list[date]
    working: list[bool]
    members: list[PersonMonth]  # per member, only the week's days
    entries: dict[str, list[EntryView]]  # employee id -> the week's entries

    def gaps(self) -> dict[str, list[date]]:
        return {m.employee_id: [d.day for d in m.days if d.missing] for m in self.members if m.missing}


# ----------------------------------------------------------------------------- permissions


def _subject(session: Session, employee_id: str, day: date) -> Subject:
    return subject_for(session, employee_id, day.year)


def _own_employee(user: CurrentUser) -> str:
    if not user.employee_id:
        raise PermissionDenied("Akun ini tidak terhubung dengan pegawai; progres harian diisi oleh pegawai sendiri.")
    return user.employee_id


# ----------------------------------------------------------------------------- reading


def _views(session: Session, rows: list[ProgresHarian]) -> list[EntryView]:
    ra_ids = {r.rencana_aksi_id for r in rows if r.rencana_aksi_id}
    rhk_ids = {r.rhk_id for r in rows if r.rhk_id}
    ra_text = dict(session.execute(select(RencanaAksi.id, RencanaAksi.text).where(RencanaAksi.id.in_(ra_ids))).all()
                   ) if ra_ids else {}
    rhk_text = dict(session.execute(select(Rhk.id, Rhk.text).where(Rhk.id.in_(rhk_ids))).all()) if rhk_ids else {}
    return [EntryView(r.id, r.employee_id, r.day, r.text, r.hours, r.rhk_id, r.rencana_aksi_id,
                      ra_text.get(r.rencana_aksi_id or "") or rhk_text.get(r.rhk_id or "", ""),
                      clean_filename(r.filename) if r.filename else None, r.sha256, bool(r.late), r.written_on,
                      r.umpan_balik or "")
            for r in rows]


def _rows(session: Session, employee_ids: list[str], start: date, end: date) -> list[ProgresHarian]:
    return list(session.scalars(
        select(ProgresHarian)
        .where(ProgresHarian.employee_id.in_(employee_ids), ProgresHarian.day >= start, ProgresHarian.day <= end,
               ProgresHarian.deleted.is_(False))
        .order_by(ProgresHarian.day, ProgresHarian.created_at)
    ))


def _check_clock(session: Session, cal: WorkCalendar, window: int, employee_id: str,
                 views: list[EntryView]) -> list[EntryView]:
    """Doubt the written date of entries that a PC wrote after one it had dated later, and recompute their
    lateness from that later date.

    The late mark comes from the writing PC's clock, which its user can set back. What the PC cannot rewrite
    is the order of its own changes: each device numbers them (``change_log`` device and sequence, carried
    by the hash-chained bundles to every replica). So when the same person's entries, taken in the order one
    PC wrote them under one account, go back in time (Tuesday's line dated Tuesday, then Monday's line dated
    Monday), the later one was not written before Tuesday whatever the clock said. This holds on the
    penilai's PC and at the central office as well as on the writer's PC, offline. It cannot catch a PC whose
    clock was wrong all along (no trustworthy time exists offline); one person's recap shows it (a unit's
    recap keeps the marks as written).
    """
    if not views:
        return views
    c = ChangeLog
    made = session.execute(
        select(c.device_id, c.user, c.seq, ProgresHarian.id, ProgresHarian.written_on)
        .join(ProgresHarian, ProgresHarian.id == c.row_id)
        .where(c.table_name == "progres_harian", c.op == "insert", ProgresHarian.employee_id == employee_id)
        .order_by(c.device_id, c.user, c.seq)
    ).all()
    earliest: dict[str, date] = {}
    writer, latest = None, None
    for dev, account, _seq, entry_id, written in made:
        if (dev, account) != writer:  # one PC under one account (an import or another user keeps its own order)
            writer, latest = (dev, account), None
        if written is None:
            continue
        if latest is not None and written < latest:
            earliest[entry_id] = latest
        latest = written if latest is None else max(latest, written)
    for v in views:
        bound = earliest.get(v.id)
        if bound is not None and v.written_on is not None:
            v.doubt = (f"ditulis di PC yang sama setelah entri bertanggal tulis {bound:%d-%m-%Y}, padahal mengaku "
                       f"ditulis {v.written_on:%d-%m-%Y}: jam PC diragukan; keterlambatan dihitung dari "
                       f"{bound:%d-%m-%Y}")
            v.late = v.late or cal.is_late(v.day, bound, window)
    return views


def entries(db: Database, user: CurrentUser, employee_id: str | None, start: date, end: date | None = None
            ) -> list[EntryView]:
    """A person's entries from ``start`` to ``end`` (one day when ``end`` is None), oldest first; an entry whose
    written date its PC's own record contradicts carries ``doubt`` and the recomputed ``late``."""
    end = end or start
    emp = employee_id or _own_employee(user)
    cal, window = calendar_of(db), late_window(db)
    with db.reader() as s:
        require(user.actor, Action.VIEW_DAILY_WORK, _subject(s, emp, end))
        return _check_clock(s, cal, window, emp, _views(s, _rows(s, [emp], start, end)))


# ----------------------------------------------------------------------------- writing


def _clean_entry(text: str | None) -> str:
    line = " ".join((text or "").split())  # one line: newlines and runs of spaces become one space
    return clean_text(line, "Uraian kegiatan", required=True, max_len=MAX_ENTRY)


def _clean_hours(hours: float | str | None) -> float | None:
    if hours is None or (isinstance(hours, str) and not hours.strip()):
        return None
    try:
        value = float(str(hours).replace(",", "."))
    except ValueError:
        raise ValidationError(f"Jam kerja '{hours}' bukan angka.", field="Jam") from None
    if not 0 < value <= 24:
        raise ValidationError("Jam kerja harus lebih dari 0 dan paling banyak 24.", field="Jam")
    return round(value, 2)


def _check_link(session: Session, employee_id: str, rhk_id: str | None, ra_id: str | None) -> tuple[str | None,
                                                                                                     str | None]:
    """The RHK and rencana aksi an entry names must be the employee's own."""
    if ra_id:
        ra = get_live(session, RencanaAksi, ra_id, "Rencana aksi")
        rhk_id = ra.rhk_id
    if rhk_id:
        rhk = get_live(session, Rhk, rhk_id, "RHK")
        plan = get_live(session, Plan, rhk.plan_id, "SKP")
        if plan.employee_id != employee_id:
            raise ValidationError("RHK atau rencana aksi yang dipilih bukan milik Anda.", field="Tautan")
    return rhk_id, ra_id


def add_entry(db: Database, user: CurrentUser, day: date, text: str, *, rhk_id: str | None = None,
              rencana_aksi_id: str | None = None, hours: float | str | None = None, today: date | None = None) -> str:
    """Write one line of the signed-in pegawai's log for ``day``; returns the entry id."""
    today = today or date.today()
    emp = _own_employee(user)
    if day > today:
        raise ValidationError(f"Progres untuk {day:%d-%m-%Y} belum dapat diisi: hari itu belum tiba.", field="Tanggal")
    line = _clean_entry(text)
    value = _clean_hours(hours)
    cal, window = calendar_of(db), late_window(db)
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        require(user.actor, Action.EDIT_DAILY_WORK, _subject(s, emp, day))
        rhk, ra = _check_link(s, emp, rhk_id, rencana_aksi_id)
        row = ProgresHarian(employee_id=emp, day=day, text=line, rhk_id=rhk, rencana_aksi_id=ra, hours=value,
                            written_on=today, late=cal.is_late(day, today, window), umpan_balik="")
        s.add(row)
        s.flush()
        return row.id


_UNSET = object()


def _own_entry(session: Session, user: CurrentUser, entry_id: str) -> ProgresHarian:
    row = get_live(session, ProgresHarian, entry_id, "Progres harian")
    require(user.actor, Action.EDIT_DAILY_WORK, _subject(session, row.employee_id, row.day))
    return row


def update_entry(db: Database, user: CurrentUser, entry_id: str, *, text: str | None = None,
                 hours: object = _UNSET, rhk_id: object = _UNSET, rencana_aksi_id: object = _UNSET) -> None:
    """Change an entry (its late mark stays as when it was first written)."""
    line = _clean_entry(text) if text is not None else None
    value = _clean_hours(hours) if hours is not _UNSET else None  # type: ignore[arg-type]
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        row = _own_entry(s, user, entry_id)
        if line is not None:
            row.text = line
        if hours is not _UNSET:
            row.hours = value
        if rhk_id is not _UNSET or rencana_aksi_id is not _UNSET:
            new_rhk = row.rhk_id if rhk_id is _UNSET else rhk_id
            new_ra = row.rencana_aksi_id if rencana_aksi_id is _UNSET else rencana_aksi_id
            if rencana_aksi_id is not _UNSET and rhk_id is _UNSET and new_ra is None:
                new_rhk = row.rhk_id
            row.rhk_id, row.rencana_aksi_id = _check_link(s, row.employee_id, new_rhk, new_ra)  # type: ignore[arg-type]


def delete_entry(db: Database, user: CurrentUser, entry_id: str, deleted: bool = True) -> None:
    """Remove (or, for undo, restore) an entry."""
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        row = s.get(ProgresHarian, entry_id)
        if row is None:
            raise ValidationError("Progres harian tidak ditemukan.")
        require(user.actor, Action.EDIT_DAILY_WORK, _subject(s, row.employee_id, row.day))
        row.deleted = deleted


def attach_evidence(db: Database, user: CurrentUser, entry_id: str, path: str | Path,
                    *, max_bytes: int | None = None) -> str:
    """Copy an evidence file into the blob store and attach it to an entry (replacing an earlier one)."""
    src = Path(path)
    limit = max_bytes if max_bytes is not None else DEFAULT_MAX_EVIDENCE_BYTES
    if not src.is_file():
        raise ValidationError(f"Berkas bukti “{src.name}” tidak ditemukan.", field="Bukti dukung")
    size = src.stat().st_size
    if size > limit:
        raise ValidationError(f"Berkas “{src.name}” terlalu besar ({size / 1048576:.1f} MB); batasnya "
                              f"{limit / 1048576:.0f} MB.", field="Bukti dukung")
    with db.reader() as s:
        _own_entry(s, user, entry_id)
    try:
        sha, size = db.blobs.put_file(src, max_size=limit)
    except OSError as exc:
        raise ValidationError(f"Berkas “{src.name}” tidak dapat disimpan: {exc.strerror or exc}.",
                              field="Bukti dukung") from None
    name = clean_filename(src.name)
    kind = detect_type(src, name)
    mime = kind.mime if kind else (mimetypes.guess_type(name)[0] or "application/octet-stream")
    with db.session(user=user.username, role=Role.PEGAWAI.value) as s:
        row = _own_entry(s, user, entry_id)
        row.sha256, row.filename, row.size, row.mime = sha, name, size, mime
    return sha


def set_feedback(db: Database, user: CurrentUser, entry_id: str, text: str) -> None:
    """The penilai's short umpan balik on one entry (empty text clears it)."""
    body = clean_text(" ".join((text or "").split()), "Umpan balik", max_len=1000)
    with db.session(user=user.username, role=Role.PENILAI.value) as s:
        row = get_live(s, ProgresHarian, entry_id, "Progres harian")
        require(user.actor, Action.FEEDBACK_DAILY_WORK, _subject(s, row.employee_id, row.day))
        row.umpan_balik = body
        row.umpan_balik_at = utcnow() if body else None


# ----------------------------------------------------------------------------- recaps


@dataclass
class _Person:
    id: str
    nama: str
    nip: str
    unit: str


def _people(session: Session, ids: list[str]) -> list[_Person]:
    rows = session.execute(
        select(Employee.id, Employee.name, Employee.nip, Unit.name)
        .outerjoin(Unit, Unit.id == Employee.unit_id)
        .where(Employee.id.in_(ids))
    ).all()
    by_id = {r[0]: _Person(r[0], r[1], r[2] or "", r[3] or "") for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def _day_counts(session: Session, ids: list[str], start: date, end: date) -> dict[tuple[str, date], tuple[int, bool]]:
    """(employee, day) -> (entries, all of them late), grouped index range scans of 500 people each."""
    out: dict[tuple[str, date], tuple[int, bool]] = {}
    # the day read as stored text and mapped to the few dates of the range (a whole instansi's month is
    # hundreds of thousands of groups: parsing each date again costs more than the query)
    days = {(start + timedelta(days=i)).isoformat(): start + timedelta(days=i) for i in range((end - start).days + 1)}
    day_text = type_coerce(ProgresHarian.day, String)
    conn = session.connection()  # plain Core rows: no ORM result processing for a column-only query
    for i in range(0, len(ids), 500):
        rows = conn.execute(
            select(ProgresHarian.employee_id, day_text, func.count(), func.min(ProgresHarian.late))
            .where(ProgresHarian.employee_id.in_(ids[i:i + 500]), ProgresHarian.day >= start,
                   ProgresHarian.day <= end, ProgresHarian.deleted.is_(False))
            .group_by(ProgresHarian.employee_id, ProgresHarian.day)
        ).all()
        for emp, day, n, late in rows:
            when = day if isinstance(day, date) else days.get(str(day)[:10])
            if when is not None:
                out[(emp, when)] = (n, bool(late))
    return out


def _statuses(calendar: list[tuple[date, bool, str]], counts: dict[tuple[str, date], tuple[int, bool]], emp: str,
              today: date) -> list[DayStatus]:
    out = []
    for d, working, reason in calendar:
        n, late = counts.get((emp, d), (0, False))
        due = working and d <= today
        out.append(DayStatus(d, working, reason, n, bool(n) and late, due and not n, due))
    return out


def _calendar(cal: WorkCalendar, days: list[date]) -> list[tuple[date, bool, str]]:
    return [(d, cal.is_working(d), cal.why_not_working(d)) for d in days]


def _recap(session: Session, cal: WorkCalendar, people: list[_Person], days: list[date], today: date
           ) -> list[PersonMonth]:
    counts = _day_counts(session, [p.id for p in people], days[0], days[-1])
    calendar = _calendar(cal, days)
    return [PersonMonth(p.id, p.nama, p.nip, p.unit, days[0].year, days[0].month,
                        _statuses(calendar, counts, p.id, today)) for p in people]


def _unit_counts(session: Session, cal: WorkCalendar, days: list[date], today: date, *,
                 unit_ids: list[str] | None = None, ids: list[str] | None = None) -> list[PersonMonth]:
    """The month of everyone (with an NIP) in ``unit_ids``, or of ``ids``, in numbers: one grouped query (the
    (employee, day) index gives each person's range), ordered by unit code and name. A day counts once however
    many entries it has; it is late when none of its entries was on time."""
    working = [d for d in days if cal.is_working(d)]
    due = [d for d in working if d <= today]
    p = ProgresHarian
    logged = func.count(func.distinct(p.day))
    on_time = func.count(func.distinct(case((p.late.is_(False), p.day))))
    logged_due = func.count(func.distinct(case((p.day <= today, p.day))))
    query = (select(Employee.id, Employee.name, Employee.nip, Unit.name, logged, on_time, logged_due)
             .join(Unit, Unit.id == Employee.unit_id)
             .outerjoin(p, (p.employee_id == Employee.id) & p.day.in_(working) & p.deleted.is_(False))
             .group_by(Employee.id).order_by(Unit.code, Employee.name, Employee.id))
    if unit_ids is not None:
        queries = [query.where(Employee.unit_id.in_(unit_ids), Employee.deleted.is_(False),
                               Employee.active.is_(True), Employee.nip.is_not(None))]
    else:  # people already chosen (and ordered by unit and name): consecutive slices stay in that order
        ids = ids or []
        queries = [query.where(Employee.id.in_(ids[i:i + 500])) for i in range(0, len(ids), 500)]
    out = []
    conn = session.connection()  # plain Core rows: 20,000 of them for a whole instansi
    for q in queries:
        for emp, nama, nip, unit, n, n_on_time, n_due in conn.execute(q):
            counts = MonthCounts(len(working), n, n - n_on_time, len(due), len(due) - n_due)
            out.append(PersonMonth(emp, nama, nip or "", unit or "", days[0].year, days[0].month, counts=counts))
    return out


def person_month(db: Database, user: CurrentUser, employee_id: str | None, year: int, month: int,
                 *, today: date | None = None) -> PersonMonth:
    """One person's month: each day's status and the totals."""
    today = today or date.today()
    emp = employee_id or _own_employee(user)
    days = _month(year, month)
    cal = calendar_of(db)
    with db.reader() as s:
        require(user.actor, Action.VIEW_DAILY_WORK, _subject(s, emp, days[-1]))
        people = _people(s, [emp])
        if not people:
            raise ValidationError("Pegawai tidak ditemukan.")
        return _recap(s, cal, people, days, today)[0]


def _month(year: int, month: int) -> list[date]:
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise ValidationError(f"Bulan {month}-{year} tidak dikenal.", field="Bulan")
    return month_days(year, month)


def unit_month(db: Database, user: CurrentUser, unit_id: str, year: int, month: int, *,
               today: date | None = None) -> list[PersonMonth]:
    """The month of everyone in a unit and its sub-units whom the user may see (admin: all; a penilai or
    atasan penilai: their people there), ordered by unit and name."""
    today = today or date.today()
    days = _month(year, month)
    cal = calendar_of(db)
    units = descendant_unit_ids(db, unit_id)
    with db.reader() as s:
        get_live(s, Unit, unit_id, "Unit kerja")
        if user.is_admin:
            return _unit_counts(s, cal, days, today, unit_ids=units)
        ids = list(s.scalars(select(Employee.id).join(Unit, Unit.id == Employee.unit_id)
                             .where(Employee.unit_id.in_(units), Employee.deleted.is_(False),
                                    Employee.active.is_(True), Employee.nip.is_not(None))
                             .order_by(Unit.code, Employee.name, Employee.id)))
        mine = set(subordinate_ids(s, user.employee_id, year, depth=2)) if user.employee_id else set()
        mine.add(user.employee_id or "")
        ids = [i for i in ids if i in mine and may(user.actor, Action.VIEW_DAILY_WORK, _subject(s, i, days[-1]))]
        if not ids:
            raise PermissionDenied("Anda tidak dapat melihat rekap progres harian unit ini; hanya admin atau "
                                   "pejabat penilai pegawainya yang berwenang.")
        return _unit_counts(s, cal, days, today, ids=ids)


def team_week(db: Database, user: CurrentUser, day: date, *, today: date | None = None) -> TeamWeek:
    """The week (Monday to Sunday) containing ``day`` of the user's direct subordinates: who logged what and
    who has gaps."""
    today = today or date.today()
    me = _own_employee(user)
    monday = day - timedelta(days=day.weekday())
    days = [monday + timedelta(days=i) for i in range(7)]
    cal = calendar_of(db)
    with db.reader() as s:
        team = subordinate_ids(s, me, day.year)
        if not team:
            raise PermissionDenied("Anda tidak memiliki pegawai yang Anda nilai pada tahun ini.")
        people = sorted(_people(s, team), key=lambda p: p.nama)
        rows = _rows(s, [p.id for p in people], days[0], days[-1])
        grouped: dict[str, list[EntryView]] = defaultdict(list)
        for view in _views(s, rows):
            grouped[view.employee_id].append(view)
        counts: dict[tuple[str, date], tuple[int, bool]] = {}
        for v in (v for vs in grouped.values() for v in vs):
            n, late = counts.get((v.employee_id, v.day), (0, True))
            counts[(v.employee_id, v.day)] = (n + 1, late and v.late)
        calendar = _calendar(cal, days)
        members = [PersonMonth(p.id, p.nama, p.nip, p.unit, monday.year, monday.month,
                               _statuses(calendar, counts, p.id, today)) for p in people]
    return TeamWeek(monday, days, [cal.is_working(d) for d in days], members, dict(grouped))



@dataclass
class MonthRecap:
    """What the recap screens, the printed sheet and the XLSX show for one month and one scope."""

    scope: str
    year: int
    month: int
    people: list[PersonMonth]
    entries: list[EntryView] | None  # one person's entries (None for a unit)
    calendar: WorkCalendar
    window: int
    today: date


def month_recap(db: Database, user: CurrentUser, year: int, month: int, *, employee_id: str | None = None,
                unit_id: str | None = None, today: date | None = None) -> MonthRecap:
    """A month for one person (default: the signed-in pegawai) or for a unit and its sub-units."""
    today = today or date.today()
    if unit_id:
        people = unit_month(db, user, unit_id, year, month, today=today)
        with db.reader() as s:
            unit = get_live(s, Unit, unit_id, "Unit kerja")
            scope = f"{unit.name} ({unit.code})"
        shown = None
    else:
        person = person_month(db, user, employee_id, year, month, today=today)
        people = [person]
        scope = f"{person.nama} — NIP {person.nip}" if person.nip else person.nama
        shown = entries(db, user, person.employee_id, person.days[0].day, person.days[-1].day)
        _relate_late(person, shown)
    return MonthRecap(scope, year, month, people, shown, calendar_of(db), late_window(db), today)


def _relate_late(person: PersonMonth, shown: list[EntryView]) -> None:
    """A day of one person's month is late when all its entries are, after their clocks were checked."""
    late_by_day: dict[date, bool] = {}
    for e in shown:
        late_by_day[e.day] = late_by_day.get(e.day, True) and e.late
    for d in person.days:
        if d.entries and d.day in late_by_day:
            d.late = late_by_day[d.day]


def write_recap_xlsx(recap: MonthRecap, path: str | Path, *,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> Path | None:
    """Sheets ``Rekap`` (one row per person) and, for one person, ``Harian`` (every day and entry).

    Streamed (openpyxl write-only: a whole instansi's 20,000 rows never sit in memory as cells) into a
    temporary file beside ``path`` that replaces it only when complete; ``progress(done, total)`` is called
    as rows are written and ``cancelled()`` is asked between them: a cancelled export returns None and
    leaves no file. Every text cell goes through the spreadsheet safety (no formulas from user text)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from kinerja_desktop.services.spreadsheet_safety import neutralise_row

    out = Path(path)
    wb = Workbook(write_only=True)
    bold = Font(bold=True)

    def header(sheet: Any, titles: list[str]) -> None:
        cells = []
        for title in titles:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)

    by_day: dict[date, list[EntryView]] = defaultdict(list)
    for e in recap.entries or []:
        by_day[e.day].append(e)
    day_rows = sum(max(1, len(by_day.get(d.day, ()))) for d in recap.people[0].days) if recap.entries is not None \
        else 0
    total, done = len(recap.people) + day_rows, 0

    def step() -> bool:
        nonlocal done
        done += 1
        if done % 500 == 0 or done == total:
            if cancelled is not None and cancelled():
                for sheet in wb.worksheets:  # end their XML streams (openpyxl drops its own temporary files)
                    if not sheet.closed:
                        sheet.close()
                return False
            if progress is not None:
                progress(done, total)
        return True

    ws = wb.create_sheet("Rekap")
    header(ws, ["unit", "nip", "nama", "tahun", "bulan", "hari_kerja", "diisi", "tepat_waktu", "terlambat",
                "tidak_diisi"])
    for m in recap.people:
        c = m.totals()
        ws.append(neutralise_row([m.unit, m.nip, m.nama, m.year, m.month, c.working_days, c.logged,
                                  c.logged - c.late, c.late, c.missing]))
        if not step():
            return None
    if recap.entries is not None:
        ws2 = wb.create_sheet("Harian")
        header(ws2, ["tanggal", "hari_kerja", "keterangan_libur", "uraian", "jam", "terlambat", "ditulis_pada",
                     "umpan_balik", "waktu_diragukan"])
        for d in recap.people[0].days:
            for e in by_day.get(d.day) or [None]:  # type: ignore[list-item]
                ws2.append(neutralise_row([d.day.isoformat(), "ya" if d.working else "tidak", d.reason,
                                           e.text if e else "", e.hours if e else None,
                                           ("ya" if e.late else "tidak") if e else "",
                                           e.written_on.isoformat() if e and e.written_on else "",
                                           e.umpan_balik if e else "", e.doubt if e else ""]))
                if not step():
                    return None
    partial = out.with_name(f".{out.name}.part")
    try:
        wb.save(partial)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out
