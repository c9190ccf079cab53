"""Matriks peran hasil: a unit head distributes their RHK over staff and tim kerja; staff get draft RHK.

The head (pegawai of their own SKP) fills cells ``RHK x person``: the part the person plays and
the draft RHK (with indicators) that intervenes in that RHK. People are the head's subordinates
for the year (the roster) and the members of the tim kerja the head leads, from any unit.
Each staff member then sees those drafts in their own SKP for the year and accepts one (it
becomes an RHK through :func:`plan_service.add_rhk_with_indicators`, with the intervensi already
set), edits it before accepting, or declines it. RHK imported from another system
(:mod:`rhk_import_service`) arrive the same way.

The head's SKP does not need to be approved for the matrix; the staff member does not wait for
it. Cells stay attached to the RHK they were made on; after a Revisi of the head's SKP they follow
the RHK of the same text in the new version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import NotFound, ValidationError
from kinerja_desktop.domain.kepegawaian import Aspek, JenisRhk
from kinerja_desktop.domain.permissions import Action, Role, require
from kinerja_desktop.services import plan_service
from kinerja_desktop.services.common import (
    CurrentUser,
    clean_text,
    get_live,
    plan_subject,
    subject_for,
    supervisor_of,
)
from kinerja_desktop.services.query_service import subordinate_ids
from kinerja_desktop.store.changelog import capture
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Plan, Rhk, Supervision, Unit
from kinerja_desktop.store.models_peran import PeranHasil, RhkImpor, TimKerja, UsulanTanggapan

__all__ = [
    "Cell",
    "DraftRhk",
    "Matrix",
    "MatrixPerson",
    "MatrixRow",
    "accept_draft",
    "decline_draft",
    "drafts_for_plan",
    "matrix",
    "remove_cell",
    "remove_team",
    "save_team",
    "set_cell",
    "teams",
]

MAX_MEMBERS = 200


# ---------------------------------------------------------------------------- views


@dataclass
class MatrixPerson:
    employee_id: str
    name: str
    nip: str
    jabatan: str
    unit: str
    #: "BAWAHAN" (direct subordinate) or the names of the head's teams the person is in.
    via: str


@dataclass
class Cell:
    id: str
    rhk_id: str
    employee_id: str
    peran: str
    kind: str
    text: str
    indicators: list[dict[str, Any]]
    tim_kerja_id: str | None
    tim_kerja: str = ""
    #: PENDING, ACCEPTED or DECLINED (the staff member's answer in their current SKP).
    status: str = "PENDING"


@dataclass
class MatrixRow:
    rhk_id: str
    kind: str
    number: str
    text: str
    cells: dict[str, Cell] = field(default_factory=dict)  # employee id -> cell


@dataclass
class Team:
    id: str
    name: str
    description: str
    members: list[dict[str, str]]


@dataclass
class Matrix:
    head_id: str
    head_name: str
    head_jabatan: str
    unit: str
    year: int
    plan_id: str | None
    plan_status: str
    rows: list[MatrixRow]
    people: list[MatrixPerson]
    teams: list[Team]

    def cell(self, rhk_id: str, employee_id: str) -> Cell | None:
        row = next((r for r in self.rows if r.rhk_id == rhk_id), None)
        return row.cells.get(employee_id) if row else None

    @property
    def filled(self) -> int:
        return sum(len(r.cells) for r in self.rows)


STATUS_LABELS = {"PENDING": "Menunggu", "ACCEPTED": "Diterima", "DECLINED": "Ditolak"}


@dataclass
class DraftRhk:
    """A draft RHK offered to a staff member for one SKP."""

    id: str
    source: str  # MATRIKS or IMPOR
    kind: str
    text: str
    parent_rhk_id: str | None
    parent_text: str
    perspektif: str | None
    indicators: list[dict[str, Any]]
    offered_by: str
    peran: str
    status: str = "PENDING"
    rhk_id: str | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


# ---------------------------------------------------------------------------- helpers


def _current_plan(session: Session, employee_id: str, year: int) -> Plan | None:
    return session.execute(
        select(Plan).where(Plan.employee_id == employee_id, Plan.year == year, Plan.is_current.is_(True),
                           Plan.deleted.is_(False))
    ).scalars().first()


def _check_indicators(items: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for n, item in enumerate(items or [], start=1):
        text = clean_text(str(item.get("text") or ""), f"Indikator {n}")
        target = clean_text(str(item.get("target") or ""), f"Target indikator {n}", max_len=200)
        aspek = item.get("aspek") or None
        if aspek:
            try:
                aspek = Aspek(str(aspek).strip().upper()).value
            except ValueError as exc:
                raise ValidationError(f"Aspek indikator {n} tidak dikenal: {aspek}.", field="Aspek") from exc
        if text or target:
            out.append({"aspek": aspek, "text": text, "target": target})
    return out


def _people(session: Session, head_id: str, year: int, team_rows: list[TimKerja]) -> list[MatrixPerson]:
    via: dict[str, list[str]] = {}
    for sid in _subordinates(session, head_id, year):
        via.setdefault(sid, []).append("BAWAHAN")
    for team in team_rows:
        for member in team.members or []:
            eid = member.get("employee_id")
            if eid and eid != head_id:
                via.setdefault(eid, []).append(team.name)
    if not via:
        return []
    rows = session.execute(
        select(Employee.id, Employee.name, Employee.nip, Employee.jabatan, Unit.name)
        .outerjoin(Unit, Unit.id == Employee.unit_id)
        .where(Employee.id.in_(list(via)), Employee.deleted.is_(False))
    ).all()
    people = [
        MatrixPerson(r[0], r[1], r[2] or "", r[3] or "", r[4] or "",
                     "Bawahan" if "BAWAHAN" in via[r[0]] else "Tim " + ", ".join(via[r[0]]))
        for r in rows
    ]
    # Subordinates first, then team members from other units; by name within each.
    return sorted(people, key=lambda p: (not p.via.startswith("Bawahan"), p.name.casefold()))


def _subordinates(session: Session, head_id: str, year: int) -> list[str]:
    """Whose penilai ``head_id`` is in ``year`` (the roster's latest year up to it, as the services read it)."""
    exact = subordinate_ids(session, head_id, year)
    if exact:
        return exact
    candidates = set(session.scalars(select(Supervision.employee_id).where(
        Supervision.supervisor_id == head_id, Supervision.year <= year, Supervision.deleted.is_(False))))
    return [c for c in candidates if supervisor_of(session, c, year) == head_id]


def _team_rows(session: Session, head_id: str, year: int) -> list[TimKerja]:
    return list(session.scalars(
        select(TimKerja).where(TimKerja.employee_id == head_id, TimKerja.year == year, TimKerja.deleted.is_(False))
        .order_by(TimKerja.name)
    ))


def _carry_rhk(session: Session, plan: Plan) -> dict[str, str]:
    """Old RHK id -> RHK id in ``plan`` (same kind and text) for earlier versions of the same SKP."""
    older = session.scalars(
        select(Rhk).join(Plan, Plan.id == Rhk.plan_id).where(
            Plan.employee_id == plan.employee_id, Plan.year == plan.year, Plan.id != plan.id,
            Plan.version < plan.version, Rhk.deleted.is_(False))
    ).all()
    if not older:
        return {}
    now = {(r.kind, r.text.strip()): r.id for r in session.scalars(
        select(Rhk).where(Rhk.plan_id == plan.id, Rhk.deleted.is_(False)))}
    return {r.id: now[(r.kind, r.text.strip())] for r in older if (r.kind, r.text.strip()) in now}


def _answers(session: Session, employee_ids: list[str], year: int) -> dict[tuple[str, str], UsulanTanggapan]:
    """(employee id, usulan id) -> answer in that employee's current SKP of the year."""
    if not employee_ids:
        return {}
    rows = session.execute(
        select(Plan.employee_id, UsulanTanggapan)
        .join(UsulanTanggapan, UsulanTanggapan.plan_id == Plan.id)
        .where(Plan.employee_id.in_(employee_ids), Plan.year == year, Plan.is_current.is_(True),
               UsulanTanggapan.deleted.is_(False))
    ).all()
    return {(eid, ans.usulan_id): ans for eid, ans in rows}


# ---------------------------------------------------------------------------- the head's matrix


def matrix(db: Database, user: CurrentUser, year: int, head_id: str | None = None) -> Matrix:
    """The matriks peran hasil of ``head_id`` (default: the signed-in person) for ``year``."""
    head_id = head_id or user.employee_id
    if not head_id:
        raise ValidationError("Akun ini tidak terhubung dengan pegawai; matriks peran hasil milik pimpinan unit.")
    with db.reader() as s:
        head = get_live(s, Employee, head_id, "Pegawai")
        require(user.actor, Action.VIEW_PLAN, subject_for(s, head_id, year))
        plan = _current_plan(s, head_id, year)
        team_rows = _team_rows(s, head_id, year)
        people = _people(s, head_id, year, team_rows)
        unit = s.get(Unit, head.unit_id) if head.unit_id else None
        rows: list[MatrixRow] = []
        if plan is not None:
            view = plan_service.load_plan_view(s, plan)
            counters = {JenisRhk.UTAMA.value: 0, JenisRhk.TAMBAHAN.value: 0}
            for r in view.rhk:
                counters[r.kind] = counters.get(r.kind, 0) + 1
                prefix = "A" if r.kind == JenisRhk.UTAMA.value else "B"
                rows.append(MatrixRow(r.id, r.kind, f"{prefix}.{counters[r.kind]}", r.text))
            by_rhk = {row.rhk_id: row for row in rows}
            carry = _carry_rhk(s, plan)
            team_names = {t.id: t.name for t in team_rows}
            answers = _answers(s, [p.employee_id for p in people], year)
            for cell in s.scalars(
                select(PeranHasil).where(PeranHasil.rhk_id.in_(list(by_rhk) + list(carry)),
                                         PeranHasil.deleted.is_(False)).order_by(PeranHasil.position)
            ):
                row = by_rhk.get(carry.get(cell.rhk_id, cell.rhk_id))
                if row is None:
                    continue
                answer = answers.get((cell.employee_id, cell.id))
                row.cells[cell.employee_id] = Cell(
                    cell.id, row.rhk_id, cell.employee_id, cell.peran, cell.kind, cell.text,
                    list(cell.indicators or []), cell.tim_kerja_id, team_names.get(cell.tim_kerja_id or "", ""),
                    answer.status if answer else "PENDING",
                )
        return Matrix(
            head_id=head.id, head_name=head.name, head_jabatan=head.jabatan, unit=unit.name if unit else "",
            year=year, plan_id=plan.id if plan else None, plan_status=plan.status if plan else "",
            rows=rows, people=people,
            teams=[Team(t.id, t.name, t.description, list(t.members or [])) for t in team_rows],
        )


def _own_rhk(session: Session, user: CurrentUser, rhk_id: str) -> tuple[Rhk, Plan]:
    """The head's own RHK: only the owner of the SKP (its pegawai) fills its matrix."""
    rhk = get_live(session, Rhk, rhk_id, "RHK")
    plan = get_live(session, Plan, rhk.plan_id, "SKP")
    require(user.actor, Action.EDIT_PLAN, plan_subject(session, plan))
    capture(session).role = Role.PEGAWAI.value
    return rhk, plan


def set_cell(
    db: Database, user: CurrentUser, rhk_id: str, employee_id: str, *, peran: str = "", text: str = "",
    indicators: list[dict[str, Any]] | None = None, kind: str = JenisRhk.UTAMA, tim_kerja_id: str | None = None,
) -> str:
    """Fill (or change) the cell of one of the head's RHK for one person; returns the cell id."""
    peran = clean_text(peran, "Peran", max_len=200)
    text = clean_text(text, "RHK untuk pegawai", required=True)
    items = _check_indicators(indicators)
    try:
        kind = JenisRhk(kind).value
    except ValueError as exc:
        raise ValidationError(f"Jenis RHK tidak dikenal: {kind}.", field="Jenis") from exc
    with db.session(user=user.username) as s:
        rhk, plan = _own_rhk(s, user, rhk_id)
        team_rows = _team_rows(s, plan.employee_id, plan.year)
        allowed = {p.employee_id for p in _people(s, plan.employee_id, plan.year, team_rows)}
        if employee_id not in allowed:
            raise ValidationError("Pegawai ini bukan bawahan Anda dan bukan anggota tim kerja Anda pada tahun "
                                  f"{plan.year}; tambahkan dahulu ke tim kerja.", field="Pegawai")
        if tim_kerja_id and tim_kerja_id not in {t.id for t in team_rows}:
            raise ValidationError("Tim kerja tidak ditemukan di antara tim yang Anda pimpin.", field="Tim kerja")
        existing = s.execute(
            select(PeranHasil).where(PeranHasil.rhk_id == rhk.id, PeranHasil.employee_id == employee_id)
            .order_by(PeranHasil.deleted)
        ).scalars().first()
        if existing is None:
            existing = PeranHasil(rhk_id=rhk.id, employee_id=employee_id)
            s.add(existing)
        existing.deleted = False
        existing.peran, existing.text, existing.indicators, existing.kind = peran, text, items, kind
        existing.tim_kerja_id = tim_kerja_id
        s.flush()
        return existing.id


def remove_cell(db: Database, user: CurrentUser, cell_id: str) -> None:
    """Empty a cell (a tombstone); an RHK the staff member already accepted stays in their SKP."""
    with db.session(user=user.username) as s:
        cell = get_live(s, PeranHasil, cell_id, "Isian matriks")
        _own_rhk(s, user, cell.rhk_id)
        cell.deleted = True


# ---------------------------------------------------------------------------- tim kerja


def teams(db: Database, user: CurrentUser, year: int, head_id: str | None = None) -> list[Team]:
    head_id = head_id or user.employee_id
    if not head_id:
        return []
    with db.reader() as s:
        require(user.actor, Action.VIEW_PLAN, subject_for(s, head_id, year))
        return [Team(t.id, t.name, t.description, list(t.members or [])) for t in _team_rows(s, head_id, year)]


def save_team(
    db: Database, user: CurrentUser, year: int, name: str, members: list[tuple[str, str]], *,
    description: str = "", team_id: str | None = None,
) -> str:
    """Create or change a tim kerja led by the signed-in person; ``members``: (employee id, peran)."""
    name = clean_text(name, "Nama tim kerja", required=True, max_len=200)
    description = clean_text(description, "Uraian tim kerja")
    if not user.employee_id:
        raise ValidationError("Akun ini tidak terhubung dengan pegawai; tim kerja dipimpin seorang pegawai.")
    if len(members) > MAX_MEMBERS:
        raise ValidationError(f"Anggota tim kerja paling banyak {MAX_MEMBERS} orang.", field="Anggota")
    with db.session(user=user.username) as s:
        require(user.actor, Action.EDIT_PLAN, subject_for(s, user.employee_id, year))
        capture(s).role = Role.PEGAWAI.value
        clean: list[dict[str, str]] = []
        seen: set[str] = set()
        for eid, peran in members:
            if eid in seen or eid == user.employee_id:
                continue
            emp = s.get(Employee, eid)
            if emp is None or emp.deleted:
                raise ValidationError("Anggota tim kerja tidak ditemukan di daftar pegawai.", field="Anggota")
            seen.add(eid)
            clean.append({"employee_id": eid, "peran": clean_text(peran, "Peran anggota", max_len=100) or "Anggota"})
        if team_id:
            team = get_live(s, TimKerja, team_id, "Tim kerja")
            if team.employee_id != user.employee_id:
                raise ValidationError("Tim kerja ini dipimpin orang lain.", field="Tim kerja")
        else:
            team = TimKerja(employee_id=user.employee_id, year=year)
            s.add(team)
        team.name, team.description, team.members = name, description, clean
        s.flush()
        return team.id


def remove_team(db: Database, user: CurrentUser, team_id: str) -> None:
    with db.session(user=user.username) as s:
        team = get_live(s, TimKerja, team_id, "Tim kerja")
        if team.employee_id != user.employee_id:
            raise ValidationError("Tim kerja ini dipimpin orang lain.", field="Tim kerja")
        capture(s).role = Role.PEGAWAI.value
        team.deleted = True


# ---------------------------------------------------------------------------- the staff member's side


def _drafts(session: Session, plan: Plan) -> list[DraftRhk]:
    answers = {a.usulan_id: a for a in session.scalars(
        select(UsulanTanggapan).where(UsulanTanggapan.plan_id == plan.id, UsulanTanggapan.deleted.is_(False)))}
    made = [a.rhk_id for a in answers.values() if a.rhk_id]
    live = set(session.scalars(select(Rhk.id).where(Rhk.id.in_(made), Rhk.deleted.is_(False)))) if made else set()
    # An accepted draft whose RHK was removed from the SKP since is offered again.
    answers = {k: a for k, a in answers.items() if a.status != "ACCEPTED" or a.rhk_id in live}
    out: list[DraftRhk] = []
    rows = session.execute(
        select(PeranHasil, Rhk, Plan, Employee.name)
        .join(Rhk, Rhk.id == PeranHasil.rhk_id)
        .join(Plan, Plan.id == Rhk.plan_id)
        .join(Employee, Employee.id == Plan.employee_id)
        .where(PeranHasil.employee_id == plan.employee_id, PeranHasil.deleted.is_(False), Rhk.deleted.is_(False),
               Plan.year == plan.year, Plan.is_current.is_(True), Plan.deleted.is_(False))
        .order_by(Employee.name, Rhk.kind.desc(), Rhk.position)
    ).all()
    for cell, rhk, _head_plan, head_name in rows:
        ans = answers.get(cell.id)
        out.append(DraftRhk(cell.id, "MATRIKS", cell.kind, cell.text, rhk.id, rhk.text, None,
                            list(cell.indicators or []), head_name, cell.peran,
                            ans.status if ans else "PENDING", ans.rhk_id if ans else None))
    for imp in session.scalars(
        select(RhkImpor).where(RhkImpor.employee_id == plan.employee_id, RhkImpor.year == plan.year,
                               RhkImpor.deleted.is_(False), RhkImpor.withdrawn.is_(False))
        .order_by(RhkImpor.source_row)
    ):
        ans = answers.get(imp.id)
        parent_id, parent_text = _match_parent(session, plan, imp.parent_text)
        out.append(DraftRhk(imp.id, "IMPOR", imp.kind, imp.text, parent_id, parent_text or imp.parent_text,
                            imp.perspektif, list(imp.indicators or []), f"Impor {imp.source_file}", "",
                            ans.status if ans else "PENDING", ans.rhk_id if ans else None))
    return out


def _match_parent(session: Session, plan: Plan, parent_text: str) -> tuple[str | None, str]:
    """The penilai's RHK whose text is ``parent_text`` (case and spaces ignored), if any."""
    wanted = " ".join(parent_text.split()).casefold()
    if not wanted or not plan.penilai_id:
        return None, ""
    rows = session.execute(
        select(Rhk.id, Rhk.text).join(Plan, Plan.id == Rhk.plan_id)
        .where(Plan.employee_id == plan.penilai_id, Plan.year == plan.year, Plan.is_current.is_(True),
               Plan.deleted.is_(False), Rhk.deleted.is_(False))
    ).all()
    for rid, text in rows:
        if " ".join(text.split()).casefold() == wanted:
            return rid, text
    return None, ""


def drafts_for_plan(db: Database, user: CurrentUser, plan_id: str) -> list[DraftRhk]:
    """The draft RHK offered to the owner of ``plan_id`` for its year, with their answers in this SKP."""
    with db.reader() as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require(user.actor, Action.VIEW_PLAN, plan_subject(s, plan))
        return _drafts(s, plan)


def _find_draft(session: Session, plan: Plan, usulan_id: str) -> DraftRhk:
    draft = next((d for d in _drafts(session, plan) if d.id == usulan_id), None)
    if draft is None:
        raise NotFound("Usulan RHK tidak ditemukan (mungkin sudah dihapus pimpinan atau admin).")
    return draft


def _answer(session: Session, plan_id: str, draft: DraftRhk, status: str, rhk_id: str | None) -> None:
    row = session.execute(
        select(UsulanTanggapan).where(UsulanTanggapan.plan_id == plan_id, UsulanTanggapan.usulan_id == draft.id)
    ).scalars().first()
    if row is None:
        row = UsulanTanggapan(plan_id=plan_id, usulan_id=draft.id, source=draft.source)
        session.add(row)
    row.deleted, row.status, row.rhk_id = False, status, rhk_id


def accept_draft(
    db: Database, user: CurrentUser, plan_id: str, usulan_id: str, *, text: str | None = None,
    indicators: list[dict[str, Any]] | None = None, kind: str | None = None,
) -> str:
    """Take a draft RHK into the SKP (edited when ``text``/``indicators`` are given); returns the new RHK id.

    The intervensi is the head's RHK the draft came from (for an import: the penilai's RHK of the
    same text, when there is one).
    """
    with db.reader() as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require(user.actor, Action.EDIT_PLAN, plan_subject(s, plan))
        draft = _find_draft(s, plan, usulan_id)
    if draft.status == "ACCEPTED" and draft.rhk_id:
        raise ValidationError("Usulan RHK ini sudah diterima ke SKP ini.", field="Usulan")
    items = _check_indicators(indicators if indicators is not None else draft.indicators)

    def record(session: Session, rhk_id: str) -> None:
        _answer(session, plan_id, draft, "ACCEPTED", rhk_id)

    return plan_service.add_rhk_with_indicators(
        db, user, plan_id, kind=kind or draft.kind, text=text if text is not None else draft.text,
        parent_rhk_id=draft.parent_rhk_id, perspektif=draft.perspektif, indicators=items, on_created=record,
    )


def decline_draft(db: Database, user: CurrentUser, plan_id: str, usulan_id: str) -> None:
    """Say no to a draft RHK (the head sees it as Ditolak); it can still be accepted later."""
    with db.session(user=user.username) as s:
        plan = get_live(s, Plan, plan_id, "SKP")
        require(user.actor, Action.EDIT_PLAN, plan_subject(s, plan))
        capture(s).role = Role.PEGAWAI.value
        draft = _find_draft(s, plan, usulan_id)
        if draft.status == "ACCEPTED":
            raise ValidationError("Usulan ini sudah diterima; hapus RHK-nya dari SKP bila tidak dipakai.")
        _answer(s, plan.id, draft, "DECLINED", None)
