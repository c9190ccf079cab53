"""Scoped replication: whose record each row is, and which records a PC holds.

Every synced row belongs to one **partition** (:mod:`kinerja_desktop.store.partitions`). Each
device writes its changes to the store per
partition as well as in its full stream (see :mod:`kinerja_desktop.sync.protocol`), and a PC
reads only the partitions of its **scope** (:func:`scope_for`), computed from the signed
roster for the people who sign in on it:

* a pegawai: their own ``g r- a- s- e-``, and the ``r- s-`` of everyone up the line: their
  penilai's RHK to intervene in, which hang from the RHK above them (the cascade), and the
  roster entries that name each other; never the indicators, results or ratings of others;
* a penilai adds, per direct subordinate, ``r- s- e-``; an atasan penilai, per person one
  level further down, ``r- s- e-`` (the read access the permissions give);
* a person with subordinates also reads their unit's ``u-`` (the IKM their team reports);
* a member of a tim kerja (issue 17) led by someone outside their line reads the ketua's
  ``r- s-`` and up the ketua's line, like their own penilai's: the matriks peran hasil gives them
  draft RHK that intervene in the ketua's RHK (the team itself is in the ketua's ``s-``); so do
  the PCs that hold the member's records (their penilai's, their atasan penilai's); the ketua's PC
  reads the roster entries of the members of the teams it holds, and keeps the matrix cells it
  wrote for them (they lie in the member's ``e-``, see ``Partitioner.cell_owner``);
* an admin (the central office, the kepegawaian office) reads everything.

Password verifiers (``a-``) are read only for the people who sign in on the PC and for the
instansi's admins, who may sign in anywhere to help.

This module is the one home of that mapping; it never imports Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from kinerja_desktop.services.people_here import people_here
from kinerja_desktop.services.trust_service import current_roster_doc, has_root_key
from kinerja_desktop.store.changelog import capture
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import SYNCED_MODELS, Base, ChangeLog, FieldVersion, Plan
from kinerja_desktop.store.models_peran import TimKerja
from kinerja_desktop.store.partitions import GLOBAL, Partitioner, valid_part
from kinerja_desktop.store.sync_models import SyncConflict, SyncPeer

log = logging.getLogger(__name__)

#: Roster entries this PC reads beyond its scope because records it holds name those people.
EXTRA_KEY = "scope.extra"
MAX_EXTRA = 500


@dataclass
class Scope:
    """What one PC holds: everything (``full``), or the listed partitions."""

    full: bool = False
    parts: set[str] = field(default_factory=set)
    #: Employees whose records this PC holds in full (its people, their subordinates).
    employees: set[str] = field(default_factory=set)
    #: The people who sign in here (employee ids).
    people: set[str] = field(default_factory=set)

    def holds(self, part: str) -> bool:
        return self.full or part in self.parts

    def describe(self) -> dict[str, Any]:
        return {"full": self.full, "partitions": len(self.parts), "employees": sorted(self.employees),
                "people": sorted(self.people)}


@dataclass(frozen=True)
class RosterFacts:
    """The roster facts scope needs: supervision per year, accounts, units (from the signed roster)."""

    #: employee id -> {year: penilai id}
    penilai: Mapping[str, Mapping[int, str | None]]
    #: employee id -> unit id
    unit_of: Mapping[str, str | None]
    #: employee ids of admins
    admins: frozenset[str]
    #: account ids of admins that have no employee
    admin_accounts: frozenset[str]
    #: employee id -> {year: ids of the ketua of the tim kerja they are members of}
    teams: Mapping[str, Mapping[int, frozenset[str]]] = field(default_factory=dict)


def penilai_in(facts: RosterFacts, employee: str, year: int) -> str | None:
    years = facts.penilai.get(employee) or {}
    if not years:
        return None
    best = max((y for y in years if y <= year), default=None)
    return years[best if best is not None else min(years)]


def _up_the_line(facts: RosterFacts, first: str | None, years: Iterable[int], parts: set[str]) -> None:
    """Add the roster entry and shared part (plans, RHK) of ``first`` and of everyone up their line.

    Each roster entry names the next one up, and each RHK hangs from the RHK of the plan above
    it (the cascade); a plan's own indicators and results stay with its owner.
    """
    for y in years:
        seen: set[str] = set()
        boss = first
        while boss and boss not in seen and len(seen) < 16:
            seen.add(boss)
            parts.update({f"r-{boss}", f"s-{boss}"})
            boss = penilai_in(facts, boss, y)


def team_heads(facts: RosterFacts, employee: str, years: Iterable[int]) -> set[str]:
    """The ketua of the tim kerja ``employee`` is a member of in these years."""
    per_year = facts.teams.get(employee) or {}
    return {h for y in years for h in per_year.get(y, ())}


def compute_scope(facts: RosterFacts, people: Iterable[str], years: Iterable[int], *,
                  admin_here: bool = False) -> Scope:
    """The scope of a PC whose people (employee ids) sign in on it, for the given years."""
    people = {p for p in people if p}
    years = sorted(set(years))
    if admin_here or people & facts.admins:
        return Scope(full=True, people=people)
    scope = Scope(people=set(people))
    parts = scope.parts
    parts.add(GLOBAL)
    for acc in facts.admins:
        parts.add(f"a-{acc}")
    for acc in facts.admin_accounts:
        parts.add(f"a-{acc}")
    # one pass over the roster: who is whose penilai in the years that matter
    below: dict[str, set[str]] = {}
    for emp in facts.penilai:
        for y in years:
            boss = penilai_in(facts, emp, y)
            if boss:
                below.setdefault(boss, set()).add(emp)
    for person in people:
        scope.employees.add(person)
        parts.update({f"r-{person}", f"a-{person}", f"s-{person}", f"e-{person}"})
        for y in years:
            _up_the_line(facts, penilai_in(facts, person, y), [y], parts)
        direct = below.get(person, set())
        if direct:
            unit = facts.unit_of.get(person)
            if unit:
                parts.add(f"u-{unit}")
        for sub in direct | {s2 for s in direct for s2 in below.get(s, set())}:
            scope.employees.add(sub)
            parts.update({f"r-{sub}", f"s-{sub}", f"e-{sub}"})
            # their penilai's (the person's or a direct subordinate's) shared part is already here
    # the ketua of each tim kerja whose members' records are held here: their draft RHK (the matrix
    # cells) intervene in the ketua's RHK, and the team itself is in the ketua's shared part
    for emp in sorted(scope.employees):
        for head in sorted(team_heads(facts, emp, years)):
            _up_the_line(facts, head, years, parts)
    return scope


def facts_from_roster_doc(doc: Mapping[str, Any]) -> RosterFacts:
    """Scope facts from a verified roster snapshot (``central/roster.py``)."""
    penilai: dict[str, dict[int, str | None]] = {}
    for r in doc.get("supervision") or []:
        try:
            penilai.setdefault(str(r["employee_id"]), {})[int(r["year"])] = r.get("supervisor_id")
        except (KeyError, TypeError, ValueError):
            continue
    unit_of = {str(e.get("id")): e.get("unit_id") for e in doc.get("employees") or [] if e.get("id")}
    admins = frozenset(str(a["employee_id"]) for a in doc.get("accounts") or []
                       if a.get("is_admin") is True and a.get("employee_id"))
    admin_accounts = frozenset(str(a["id"]) for a in doc.get("accounts") or []
                               if a.get("is_admin") is True and not a.get("employee_id") and a.get("id"))
    teams: dict[str, dict[int, set[str]]] = {}
    for t in doc.get("teams") or []:
        try:
            head, year = str(t["head_id"]), int(t["year"])
            members = [str(m) for m in t.get("members") or [] if m]
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        for member in members:
            teams.setdefault(member, {}).setdefault(year, set()).add(head)
    return RosterFacts(penilai=penilai, unit_of=unit_of, admins=admins, admin_accounts=admin_accounts,
                       teams={m: {y: frozenset(h) for y, h in per.items()} for m, per in teams.items()})


def scope_of(db: Database) -> Scope:
    """This PC's scope: the people who signed in here, per the signed roster.

    A PC where nobody has signed in yet, or where an admin signs in, holds everything (a new
    PC is set up for its person with ``kinerja --user NIP sync``), and so does the central office
    (a PostgreSQL replica, or the database that keeps the root key) whoever signs in there.
    """
    people = people_here(db)
    if not people or is_central(db):
        # nobody set up here yet; or the central office (its PostgreSQL replica, or the database that
        # keeps the instansi's root key): whoever signs in there, it holds and keeps everything
        return Scope(full=True)
    doc = current_roster_doc(db)
    if doc is None:
        return Scope(full=False, parts=set())  # nothing can be verified yet: only the roster is read
    accounts = {str(a.get("username")): a for a in doc.get("accounts") or [] if isinstance(a, dict)}
    by_nip = {str(e.get("nip")): str(e.get("id")) for e in doc.get("employees") or []
              if isinstance(e, dict) and e.get("nip")}
    emp_ids: set[str] = set()
    admin = False
    for who in people:
        acc = accounts.get(who)
        if acc is not None:
            admin = admin or acc.get("is_admin") is True
            if acc.get("employee_id"):
                emp_ids.add(str(acc["employee_id"]))
        elif who in by_nip:
            emp_ids.add(by_nip[who])
    with db.reader() as s:
        years = {int(y) for (y,) in s.execute(select(Plan.year).distinct()) if y}
    today = date.today().year
    years |= {today, today - 1}
    facts = facts_from_roster_doc(doc)
    scope = compute_scope(facts, emp_ids, years, admin_here=admin)
    if not scope.full:
        # a plan names the penilai it was made under (before a mutation, say): its RHK hang from theirs
        with db.reader() as s:
            named = {p for row in s.execute(select(Plan.penilai_id, Plan.atasan_penilai_id).where(
                Plan.employee_id.in_(sorted(scope.employees)))) for p in row if p}
        for first in sorted(named):
            _up_the_line(facts, first, years, scope.parts)
        # the members of the tim kerja its people lead (the teams, in their shared part, are here):
        # their roster entries, so that the ketua's matrix names them; nothing of their records
        members: set[str] = set()
        with db.reader() as s:
            for (listed,) in s.execute(select(TimKerja.members).where(TimKerja.employee_id.in_(sorted(scope.people)),
                                                                     TimKerja.deleted.is_(False))):
                members.update(m["employee_id"] for m in (listed if isinstance(listed, list) else [])
                               if isinstance(m, dict) and isinstance(m.get("employee_id"), str))
        scope.parts |= {f"r-{m}" for m in sorted(members)[:MAX_EXTRA] if valid_part(f"r-{m}")}
        extra = db.meta(EXTRA_KEY)
        scope.parts |= {p for p in extra if isinstance(p, str) and p.startswith("r-")} \
            if isinstance(extra, list) else set()
    return scope


def named_people(db: Database, employees: set[str]) -> set[str]:
    """People the records of ``employees`` held here name: the penilai and atasan a plan was made under,
    and those remembered because records waited for them (see :func:`roster_entries_wanted`)."""
    out: set[str] = set()
    with db.reader() as s:
        for row in s.execute(select(Plan.penilai_id, Plan.atasan_penilai_id).where(
                Plan.employee_id.in_(sorted(employees)))):
            out.update(p for p in row if p)
    extra = db.meta(EXTRA_KEY)
    if isinstance(extra, list):
        out.update(p[2:] for p in extra if isinstance(p, str) and p.startswith("r-"))
    return out


def roster_entries_wanted(db: Database, scope: Scope, awaited: set[str]) -> set[str]:
    """Roster entries (``r-``) of people that records held here name but the scope does not include.

    Remembered for this PC (at most :data:`MAX_EXTRA`); returns the ones new to it.
    """
    if scope.full or not awaited:
        return set()
    doc = current_roster_doc(db) or {}
    if doc.get("from_cards"):  # the cards of these people are read next (sync.engine._refresh_cards)
        known = set(awaited)
    else:
        known = {str(e.get("id")) for e in doc.get("employees") or [] if isinstance(e, dict)}
    new = {f"r-{rid}" for rid in awaited if rid in known} - scope.parts
    if not new:
        return set()
    extra = db.meta(EXTRA_KEY)
    current = [p for p in extra if isinstance(p, str)] if isinstance(extra, list) else []
    db.set_meta(EXTRA_KEY, sorted(set(current) | new)[-MAX_EXTRA:])
    return new


def count_records(db: Database) -> int:
    """Records held here (rows of synced tables that are not tombstones)."""
    total = 0
    with db.reader() as s:
        for model in SYNCED_MODELS:
            total += int(s.execute(select(func.count()).select_from(model).where(model.deleted.is_(False)))
                         .scalar() or 0)
    return total


def _deletion_order() -> list[type]:
    """Synced models children first (a row is removed before the rows it refers to)."""
    by_table = {m.__tablename__: m for m in SYNCED_MODELS}
    return [by_table[t.name] for t in reversed(Base.metadata.sorted_tables) if t.name in by_table]


def is_central(db: Database) -> bool:
    """The central office's replica: PostgreSQL, or the database that keeps the instansi's root key."""
    return not db.is_sqlite or has_root_key(db)


def purge_outside(db: Database, scope: Scope, received: Callable[[], int] = lambda: 0) -> tuple[int, int]:
    """Remove the records of partitions outside ``scope``; returns (removed, kept).

    Kept: rows this PC's own people changed whose change the central office does not hold yet
    (``received()``: up to which of this PC's changes its receipt says it holds them, asked only
    when it matters), rows that a record still held here refers to (a plan's RHK intervening
    in a former penilai's), and the matrix cells of a ketua who signs in here.
    Removed with a row: its change-log entries from other PCs, field versions and conflicts; the
    streams of partitions that left the scope start again from the beginning if they come back.
    """
    if scope.full:
        return 0, 0
    removed = kept = 0
    mine: dict[tuple[str, str], tuple[int, bool]] = {}  # (table, row) -> (newest own change, all pushed)
    with db.reader() as s:
        for t, r, seq, pushed in s.execute(select(ChangeLog.table_name, ChangeLog.row_id, ChangeLog.seq,
                                                  ChangeLog.pushed).where(ChangeLog.local.is_(True))):
            last, sent = mine.get((t, r), (0, True))
            mine[(t, r)] = (max(last, seq), sent and bool(pushed))
        parts = Partitioner(s)
        leaving = any(sent and not scope.holds(parts.of(t, r)) for (t, r), (_seq, sent) in mine.items())
    holds = received() if leaving else 0  # asked (on the store) only when one of our sent rows leaves

    def unsent(table: str, rid: str) -> bool:
        own = mine.get((table, rid))
        return own is not None and (not own[1] or own[0] > holds)

    with db.session() as s:
        capture(s).uncaptured_ok = True  # removing what left the scope is not a change to send
        parts = Partitioner(s)
        for model in _deletion_order():
            table = model.__tablename__
            ids = [rid for (rid,) in s.execute(select(model.id))]
            if table in ("setting", "unit", "unit_predikat"):
                continue
            outside = [rid for rid in ids if not scope.holds(parts.of(table, rid))
                       and not (table == "peran_hasil" and parts.cell_owner(rid) in scope.people)]
            for rid in outside:
                if unsent(table, rid):
                    kept += 1
                    continue
                try:
                    with s.begin_nested():
                        s.execute(delete(model).where(model.id == rid))
                except IntegrityError:
                    kept += 1  # still referred to by a record held here
                    continue
                s.execute(delete(ChangeLog).where(ChangeLog.table_name == table, ChangeLog.row_id == rid,
                                                  ChangeLog.local.is_(False)))
                s.execute(delete(FieldVersion).where(FieldVersion.table_name == table, FieldVersion.row_id == rid))
                s.execute(delete(SyncConflict).where(SyncConflict.table_name == table, SyncConflict.row_id == rid))
                removed += 1
        for (stream,) in s.execute(select(SyncPeer.device_id)).all():
            part = stream.rpartition("/")[0]
            if part and not scope.holds(part):
                s.execute(delete(SyncPeer).where(SyncPeer.device_id == stream))
        s.expunge_all()
    if removed:
        log.info("removed %d records outside this PC's scope (%d kept)", removed, kept)
    return removed, kept


__all__ = ["EXTRA_KEY", "RosterFacts", "Scope", "compute_scope", "count_records", "facts_from_roster_doc",
           "named_people", "penilai_in", "purge_outside", "roster_entries_wanted", "scope_of", "team_heads"]
