"""May the author of a remote change make it? Decided on the receiving side, from its roster.

Each change names its author's account. The receiving replica looks the account up in its
own roster (accounts, employees, supervision), works out the roles the author holds towards
the employee whose record the row belongs to (the same :func:`roles_of` the services use),
and requires the role that owns each changed field (:func:`owner_role`). A rating by
someone who is not the employee's pejabat penilai is therefore refused, whatever role the
sending device wrote into the change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.permissions import Actor, Role, Subject, owner_role, roles_of
from kinerja_desktop.services.common import subject_for
from kinerja_desktop.services.trust_service import Roster
from kinerja_desktop.store.models import (
    Attachment,
    Document,
    Employee,
    Evaluation,
    Indicator,
    Plan,
    Realisation,
    Rhk,
    SyncedBase,
    UserAccount,
)

_P, _N, _A, _D = Role.PEGAWAI, Role.PENILAI, Role.ATASAN_PENILAI, Role.ADMIN

#: Tables whose rows belong to no employee: only an admin writes them. Survey responses are written
#: by the admin who opened the kiosk (or imported them), under that admin's key.
ROSTER_TABLES = frozenset({"setting", "unit", "employee", "supervision", "unit_predikat", "user_account",
                           "skm_survey", "skm_response", "competency_standard"})

#: Tables whose rows name their employee directly (``employee_id``; ``year`` when the row has one).
EMPLOYEE_TABLES = frozenset({"competency_assessment", "development_item", "award"})

#: Fields that never change once the row exists (a survey response is voided, never edited).
IMMUTABLE_FIELDS: dict[str, frozenset[str]] = {
    "skm_response": frozenset({"survey_id", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "answered_on",
                               "usia", "jenis_kelamin", "pendidikan", "pekerjaan", "layanan", "source",
                               "fingerprint"}),
    # A daily entry stays on its day and employee; when it was written (and so whether it is late) is fixed.
    "progres_harian": frozenset({"employee_id", "day", "written_on", "late"}),
    "rencana_aksi": frozenset({"rhk_id"}),
}

#: What an account may change of its own row (password, and the key it wraps and signs with).
OWN_ACCOUNT_FIELDS = frozenset({"password_hash", "key_wrap", "public_key"})

#: Who may create a row, when it is not simply the table's owner.
INSERT_ROLES: dict[str, frozenset[Role]] = {
    # A Revisi (by the pegawai) copies the penilai's Ekspektasi Khusus into the new plan version.
    "perilaku_expectation": frozenset({_N, _P}),
    "document": frozenset({_P, _N, _D}),
    # Assessment-centre results and organised training are recorded by the admin.
    "competency_assessment": frozenset({_N, _D}),
    "development_item": frozenset({_N, _D}),
}

#: Frozen-by-signature flags are set by whoever signs (pegawai or penilai).
_SIGNERS = frozenset({_P, _N})

ROLE_LABEL = {_P: "pegawai yang bersangkutan", _N: "pejabat penilai", _A: "atasan pejabat penilai", _D: "admin"}


class Wait(Exception):
    """The decision needs a row that has not arrived yet."""

    def __init__(self, reason: str, row_id: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.row_id = row_id


@dataclass(frozen=True)
class Author:
    username: str
    actor: Actor


class Authorizer:
    """Caches account look-ups for one pull; call :meth:`forget_accounts` when accounts change."""

    def __init__(self, session: Session, roster: Roster | None = None,
                 pending: Callable[[str, str], Mapping[str, Any] | None] | None = None,
                 before_roster_read: Callable[[], None] | None = None) -> None:
        self.session = session
        self.roster = roster
        #: Rows written in this transaction but not yet sent to the database (the merge's batched
        #: inserts): looked up here before the database; ``before_roster_read`` writes held roster
        #: rows before supervision is read.
        self._pending = pending
        self._before_roster_read = before_roster_read
        self._accounts: dict[str, Author | None] = {}
        #: (employee, year) -> their subject per the supervision rows here (cleared with the roster).
        self._subjects: dict[tuple[str, int], Subject] = {}

    def forget_accounts(self) -> None:
        self._accounts.clear()

    def forget_roster(self) -> None:
        """A roster row (employee, supervision, account) changed here: subjects are worked out again."""
        self._accounts.clear()
        self._subjects.clear()

    def _subject_for(self, employee_id: str, year: int) -> Subject:
        key = (employee_id, year)
        hit = self._subjects.get(key)
        if hit is None:
            if self._before_roster_read is not None:
                self._before_roster_read()
            hit = self._subjects[key] = subject_for(self.session, employee_id, year)
        return hit

    def author(self, username: str | None) -> Author | None:
        """Who ``username`` is. For changes from other PCs: from the signed roster only (the local
        account table is data like any other, and this PC's database file may have been edited)."""
        if not username:
            return None
        if username not in self._accounts:
            acc: Any
            if self.roster is not None:
                acc = self.roster.accounts.get(username)
            else:  # a local decision (a person here choosing a conflict value): this PC's own accounts
                acc = self.session.execute(
                    select(UserAccount).where(UserAccount.username == username, UserAccount.deleted.is_(False))
                ).scalars().first()
            self._accounts[username] = (
                Author(username, Actor(user_id=acc.id, employee_id=acc.employee_id, is_admin=acc.is_admin))
                if acc is not None and acc.active else None
            )
        return self._accounts[username]

    # ------------------------------------------------------------------ subject of a row

    def _get(self, model: type[SyncedBase], row_id: Any, what: str) -> Any:
        if row_id and self._pending is not None:
            row = self._pending(model.__tablename__, str(row_id))
            if row is not None:
                return _Values(dict(row))
        obj = self.session.get(model, row_id) if row_id else None
        if obj is None:
            raise Wait(f"menunggu {what} tiba", row_id)
        return obj

    def _plan_subject(self, plan: Any) -> Subject:
        subject = self._subject_for(plan.employee_id, plan.year)
        if plan.penilai_id and plan.penilai_id != subject.penilai_id:
            atasan = self._subject_for(plan.penilai_id, plan.year).penilai_id
            return Subject(employee_id=plan.employee_id, penilai_id=plan.penilai_id, atasan_penilai_id=atasan)
        return subject

    def _plan_of(self, table: str, values: dict[str, Any]) -> Any:
        if table == "plan":
            return _Values(values)
        if table in PERAN_TABLES:
            return _peran_plan(self, table, values)
        if table in ("rhk", "lampiran_item", "perilaku_expectation", "evaluation"):
            return self._get(Plan, values.get("plan_id"), "SKP")
        if table == "skm_indicator_link":  # belongs to the plan of its indicator
            ind = self._get(Indicator, values.get("indicator_id"), "indikator")
            return self._plan_of("indicator", {"rhk_id": ind.rhk_id})
        if table == "indicator":
            rhk = self._get(Rhk, values.get("rhk_id"), "RHK")
            return self._get(Plan, rhk.plan_id, "SKP")
        if table == "realisation":
            ind = self._get(Indicator, values.get("indicator_id"), "indikator")
            rhk = self._get(Rhk, ind.rhk_id, "RHK")
            return self._get(Plan, rhk.plan_id, "SKP")
        if table == "attachment":
            real = self._get(Realisation, values.get("realisation_id"), "realisasi")
            return self._plan_of("realisation", {"indicator_id": real.indicator_id})
        if table == "rencana_aksi":  # a planned action belongs to the plan of its RHK
            rhk = self._get(Rhk, values.get("rhk_id"), "RHK")
            return self._get(Plan, rhk.plan_id, "SKP")
        if table in ("rhk_feedback", "perilaku_feedback"):
            ev = self._get(Evaluation, values.get("evaluation_id"), "evaluasi")
            return self._get(Plan, ev.plan_id, "SKP")
        raise KeyError(table)

    def subject(self, table: str, values: dict[str, Any]) -> Subject | None:
        """The employee whose record this row is (None for roster tables)."""
        if table in ROSTER_TABLES:
            return None
        if table in EMPLOYEE_TABLES:
            emp = self._get(Employee, values.get("employee_id"), "pegawai")
            return self._subject_for(emp.id, int(values.get("year") or 0) or 9999)
        if table == "document":
            if values.get("plan_id"):
                return self._plan_subject(self._get(Plan, values["plan_id"], "SKP"))
            if values.get("evaluation_id"):
                ev = self._get(Evaluation, values["evaluation_id"], "evaluasi")
                return self._plan_subject(self._get(Plan, ev.plan_id, "SKP"))
            if values.get("employee_id"):
                return self._subject_for(values["employee_id"], int(values.get("year") or 0) or 9999)
            return None
        if table == "progres_harian":  # a daily entry belongs to its employee, in the year of its day
            return self._subject_for(self._get(Employee, values.get("employee_id"), "pegawai").id,
                                     _year_of(values.get("day")))
        return self._plan_subject(self._plan_of(table, values))

    def _link_problem(self, table: str, values: dict[str, Any]) -> str | None:
        """A daily entry links only its own employee's RHK / rencana aksi; a rencana aksi counts towards an
        indicator of its own RHK (what the services check)."""
        from kinerja_desktop.store.models_harian import RencanaAksi

        if table == "progres_harian":
            rhk_id = values.get("rhk_id")
            if values.get("rencana_aksi_id"):
                rhk_id = self._get(RencanaAksi, values["rencana_aksi_id"], "rencana aksi").rhk_id
            if rhk_id:
                plan = self._get(Plan, self._get(Rhk, rhk_id, "RHK").plan_id, "SKP")
                if plan.employee_id != values.get("employee_id"):
                    return "progres harian menautkan RHK atau rencana aksi milik pegawai lain"
        if table == "rencana_aksi" and values.get("indicator_id"):
            if self._get(Indicator, values["indicator_id"], "indikator").rhk_id != values.get("rhk_id"):
                return "rencana aksi menautkan indikator dari RHK lain"
        return None

    # ------------------------------------------------------------------ decisions

    def required_roles(self, table: str, field: str, new_value: Any, op: str) -> frozenset[Role]:
        if table == "document":
            return INSERT_ROLES["document"]
        if op == "insert":
            if table in INSERT_ROLES:
                return INSERT_ROLES[table]
            owner = owner_role(table)
            return frozenset({owner}) if owner else frozenset({_P, _N})
        if field == "frozen" and table in ("plan", "evaluation"):
            return _SIGNERS
        if table == "evaluation" and field == "status" and new_value == "SIGNED":
            return _SIGNERS
        if table == "plan" and field == "status":
            return {"SUBMITTED": frozenset({_P}), "APPROVED": frozenset({_N}),
                    "RETURNED": frozenset({_N})}.get(str(new_value), frozenset({_P, _N}))
        owner = owner_role(table, field)
        if owner is None:
            return frozenset({_P, _N}) if table in ("plan",) else frozenset({_D})
        return frozenset({owner})

    def check(self, table: str, op: str, fields: dict[str, Any], row_values: dict[str, Any],
              username: str | None) -> str | None:
        """None when allowed; otherwise the Indonesian reason for refusing. May raise :class:`Wait`."""
        author = self.author(username)
        if author is None:
            raise Wait(f"menunggu akun “{username}” dikenal di daftar pegawai")
        if op != "insert" and set(fields) & IMMUTABLE_FIELDS.get(table, frozenset()):
            return f"data {table} tidak dapat diubah setelah disimpan (hanya dapat dibatalkan)"
        subject = self.subject(table, row_values)
        link = self._link_problem(table, {**row_values, **fields})  # the row as it would be
        if link:
            return link
        roles = roles_of(author.actor, subject)
        if table in ROSTER_TABLES and not author.actor.is_admin:
            if (table == "user_account" and op != "insert" and set(fields) <= OWN_ACCOUNT_FIELDS
                    and row_values.get("username") == username and row_values.get("id") == author.actor.user_id):
                return None  # everyone changes their own password (and re-wraps their own key)
            return f"“{username}” bukan admin, sehingga tidak boleh mengubah data {table}"
        if op == "insert":
            need = self.required_roles(table, "", None, op)
            if not roles & need:
                return (f"“{username}” tidak boleh membuat data {table} untuk pegawai ini "
                        f"(hanya {_labels(need)})")
            return None
        for name, value in fields.items():
            need = self.required_roles(table, name, value, op)
            if not roles & need:
                return (f"“{username}” tidak boleh mengubah {table}.{name} milik pegawai ini "
                        f"(hanya {_labels(need)} menurut daftar pegawai)")
        return None


def _year_of(day: Any) -> int:
    """The year of a date value as a change carries it (ISO text) or a row holds it; 9999 when unknown."""
    if isinstance(day, date):
        return day.year
    try:
        return date.fromisoformat(str(day)).year
    except ValueError:
        return 9999


#: Tables of the matriks peran hasil and penugasan (issue 17), see :func:`_peran_plan`.
PERAN_TABLES = frozenset({"peran_hasil", "usulan_tanggapan", "tim_kerja", "penugasan", "rhk_impor"})


def _peran_plan(auth: Authorizer, table: str, values: dict[str, Any]) -> Any:
    """Whose record a matrix or penugasan row is: a matrix cell is the unit head's (through the RHK it
    distributes), an answer to a draft RHK the pegawai's (through their SKP); a team, a penugasan and an
    imported RHK name their employee (the ketua, the person moved or acting, the pegawai offered the RHK)."""
    if table == "peran_hasil":
        rhk = auth._get(Rhk, values.get("rhk_id"), "RHK")
        return auth._get(Plan, rhk.plan_id, "SKP")
    if table == "usulan_tanggapan":
        return auth._get(Plan, values.get("plan_id"), "SKP")
    from kinerja_desktop.store.models import Employee as _Employee

    emp = auth._get(_Employee, values.get("employee_id"), "pegawai")
    return _Values({"employee_id": emp.id, "year": int(values.get("year") or 0) or 9999, "penilai_id": None})


def _labels(roles: frozenset[Role]) -> str:
    return " atau ".join(ROLE_LABEL[r] for r in sorted(roles, key=lambda r: r.value))


class _Values:
    """Attribute access to a dict (a plan row that is being inserted)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._v = values

    def __getattr__(self, name: str) -> Any:
        return self._v.get(name)


__all__ = ["ROSTER_TABLES", "Author", "Authorizer", "Wait", "Attachment", "Document"]
