"""Who may do what (roles are relative to the employee whose records are touched).

* PEGAWAI: the subject employee themself — writes their plan, realisations and evidence.
* PENILAI: the subject's pejabat penilai kinerja — reviews the plan, writes the Ekspektasi
  Khusus Pimpinan, rates and finalises, signs as penilai. Does NOT write the plan itself.
* ATASAN_PENILAI: the penilai's superior — may only read.
* ADMIN: manages roster, accounts, settings and certificates, reads and prints everything,
  but has no say in someone's appraisal (separation of duties) unless they hold one of the
  roles above for that subject.

Nobody holds PENILAI/ATASAN_PENILAI for themself, even when the roster is misconfigured.
Services call :func:`require`; sync uses :func:`owner_role` to decide which side wins a field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from kinerja_desktop.domain.errors import PermissionDenied

__all__ = [
    "FIELD_OWNER",
    "GLOBAL_ACTIONS",
    "PERMISSIONS",
    "PLAN_TRANSITION_OWNER",
    "Action",
    "Actor",
    "Role",
    "Subject",
    "TableOwnership",
    "may",
    "owner_role",
    "require",
    "roles_of",
]


class Role(StrEnum):
    PEGAWAI = "PEGAWAI"
    PENILAI = "PENILAI"
    ATASAN_PENILAI = "ATASAN_PENILAI"
    ADMIN = "ADMIN"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.PEGAWAI: "Pegawai yang Dinilai",
    Role.PENILAI: "Pejabat Penilai Kinerja",
    Role.ATASAN_PENILAI: "Atasan Pejabat Penilai Kinerja",
    Role.ADMIN: "Admin",
}


class Action(StrEnum):
    VIEW_PLAN = "VIEW_PLAN"
    EDIT_PLAN = "EDIT_PLAN"
    SUBMIT_PLAN = "SUBMIT_PLAN"
    REVIEW_PLAN = "REVIEW_PLAN"  # approve or return
    EDIT_EXPECTATION = "EDIT_EXPECTATION"  # Ekspektasi Khusus Pimpinan
    EDIT_REALISATION = "EDIT_REALISATION"
    VIEW_EVALUATION = "VIEW_EVALUATION"
    EVALUATE = "EVALUATE"
    FINALISE_EVALUATION = "FINALISE_EVALUATION"
    MARK_READ = "MARK_READ"
    MANAGE_ROSTER = "MANAGE_ROSTER"
    MANAGE_ACCOUNTS = "MANAGE_ACCOUNTS"
    MANAGE_SETTINGS = "MANAGE_SETTINGS"
    PRINT = "PRINT"
    SIGN_PEGAWAI = "SIGN_PEGAWAI"
    SIGN_PENILAI = "SIGN_PENILAI"
    VIEW_UNIT = "VIEW_UNIT"
    MANAGE_CERTS = "MANAGE_CERTS"
    # Tindak lanjut (issue 15).
    ASSESS_COMPETENCY = "ASSESS_COMPETENCY"
    PROPOSE_DEVELOPMENT = "PROPOSE_DEVELOPMENT"
    REPORT_DEVELOPMENT = "REPORT_DEVELOPMENT"
    RECORD_TRAINING = "RECORD_TRAINING"
    MANAGE_AWARDS = "MANAGE_AWARDS"
    EDIT_DAILY_WORK = "EDIT_DAILY_WORK"  # rencana aksi and progres harian
    VIEW_DAILY_WORK = "VIEW_DAILY_WORK"
    FEEDBACK_DAILY_WORK = "FEEDBACK_DAILY_WORK"  # umpan balik on a progres harian entry

    @property
    def label(self) -> str:
        """Indonesian verb phrase, e.g. ``'memberi rating'``."""
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.VIEW_PLAN: "melihat SKP",
    Action.EDIT_PLAN: "mengubah rencana SKP",
    Action.SUBMIT_PLAN: "mengajukan SKP",
    Action.REVIEW_PLAN: "menyetujui atau mengembalikan SKP",
    Action.EDIT_EXPECTATION: "mengisi ekspektasi khusus pimpinan",
    Action.EDIT_REALISATION: "mengisi realisasi dan bukti dukung",
    Action.VIEW_EVALUATION: "melihat evaluasi kinerja",
    Action.EVALUATE: "memberi rating",
    Action.FINALISE_EVALUATION: "menetapkan evaluasi kinerja",
    Action.MARK_READ: "menandai evaluasi sudah dibaca",
    Action.MANAGE_ROSTER: "mengelola data pegawai dan unit",
    Action.MANAGE_ACCOUNTS: "mengelola akun pengguna",
    Action.MANAGE_SETTINGS: "mengubah pengaturan",
    Action.PRINT: "mencetak dokumen",
    Action.SIGN_PEGAWAI: "menandatangani sebagai pegawai yang dinilai",
    Action.SIGN_PENILAI: "menandatangani sebagai pejabat penilai",
    Action.VIEW_UNIT: "melihat rekap unit kerja",
    Action.MANAGE_CERTS: "mengelola sertifikat tanda tangan elektronik",
    Action.EDIT_DAILY_WORK: "mengisi rencana aksi dan progres harian",
    Action.VIEW_DAILY_WORK: "melihat rencana aksi dan progres harian",
    Action.FEEDBACK_DAILY_WORK: "memberi umpan balik pada progres harian",
    Action.ASSESS_COMPETENCY: "menilai tingkat kompetensi",
    Action.PROPOSE_DEVELOPMENT: "menyusun rencana pengembangan kompetensi",
    Action.REPORT_DEVELOPMENT: "melaporkan penyelesaian pengembangan kompetensi",
    Action.RECORD_TRAINING: "mencatat pelatihan yang diselenggarakan dan hasil assessment",
    Action.MANAGE_AWARDS: "mencatat penghargaan dan standar kompetensi jabatan",
}


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in user; ``employee_id`` is None for a pure admin account."""

    user_id: str
    employee_id: str | None
    is_admin: bool = False


@dataclass(frozen=True, slots=True)
class Subject:
    """The employee whose records are touched, with their current penilai and atasan penilai."""

    employee_id: str
    penilai_id: str | None = None
    atasan_penilai_id: str | None = None


_P, _N, _A, _D = Role.PEGAWAI, Role.PENILAI, Role.ATASAN_PENILAI, Role.ADMIN

PERMISSIONS: Mapping[Action, frozenset[Role]] = MappingProxyType(
    {
        Action.VIEW_PLAN: frozenset({_P, _N, _A, _D}),
        Action.EDIT_PLAN: frozenset({_P}),
        Action.SUBMIT_PLAN: frozenset({_P}),
        Action.REVIEW_PLAN: frozenset({_N}),
        Action.EDIT_EXPECTATION: frozenset({_N}),
        Action.EDIT_REALISATION: frozenset({_P}),
        Action.VIEW_EVALUATION: frozenset({_P, _N, _A, _D}),
        Action.EVALUATE: frozenset({_N}),
        Action.FINALISE_EVALUATION: frozenset({_N}),
        Action.MARK_READ: frozenset({_P}),
        Action.MANAGE_ROSTER: frozenset({_D}),
        Action.MANAGE_ACCOUNTS: frozenset({_D}),
        Action.MANAGE_SETTINGS: frozenset({_D}),
        Action.PRINT: frozenset({_P, _N, _D}),
        Action.SIGN_PEGAWAI: frozenset({_P}),
        Action.SIGN_PENILAI: frozenset({_N}),
        Action.VIEW_UNIT: frozenset({_D}),
        Action.MANAGE_CERTS: frozenset({_D}),
        Action.EDIT_DAILY_WORK: frozenset({_P}),
        Action.VIEW_DAILY_WORK: frozenset({_P, _N, _A, _D}),
        Action.FEEDBACK_DAILY_WORK: frozenset({_N}),
        Action.ASSESS_COMPETENCY: frozenset({_N}),
        Action.PROPOSE_DEVELOPMENT: frozenset({_N}),
        Action.REPORT_DEVELOPMENT: frozenset({_P}),
        Action.RECORD_TRAINING: frozenset({_D}),
        Action.MANAGE_AWARDS: frozenset({_D}),
    }
)
"""Roles allowed per action, for a given subject employee."""

GLOBAL_ACTIONS: frozenset[Action] = frozenset(
    {Action.MANAGE_ROSTER, Action.MANAGE_ACCOUNTS, Action.MANAGE_SETTINGS, Action.MANAGE_CERTS, Action.VIEW_UNIT,
     Action.MANAGE_AWARDS}
)
"""Actions that are not about one employee (pass ``subject=None``)."""


def roles_of(actor: Actor, subject: Subject | None) -> set[Role]:
    """The roles ``actor`` holds towards ``subject`` (only ADMIN when there is no subject)."""
    roles: set[Role] = {Role.ADMIN} if actor.is_admin else set()
    if subject is None or actor.employee_id is None:
        return roles
    me = actor.employee_id
    if me == subject.employee_id:
        roles.add(Role.PEGAWAI)  # never penilai of oneself, even if the roster says so
        return roles
    if me == subject.penilai_id:
        roles.add(Role.PENILAI)
    if me == subject.atasan_penilai_id:
        roles.add(Role.ATASAN_PENILAI)
    return roles


def may(actor: Actor, action: Action | str, subject: Subject | None = None) -> bool:
    """Whether ``actor`` may perform ``action`` on ``subject`` (None: global / all employees)."""
    allowed = PERMISSIONS[Action(action)]
    return bool(roles_of(actor, subject) & allowed)


def _denial_message(actor: Actor, action: Action, subject: Subject | None) -> str:
    allowed = PERMISSIONS[action]
    roles = roles_of(actor, subject)
    if subject is not None and actor.employee_id == subject.employee_id and allowed <= {_N, _A}:
        return f"Anda tidak dapat {action.label} untuk diri sendiri; hal ini dilakukan oleh pejabat penilai Anda."
    if allowed == {_D}:
        return f"Hanya admin yang dapat {action.label}."
    if allowed == {_N}:
        return f"Anda bukan pejabat penilai pegawai ini, sehingga tidak dapat {action.label}."
    if allowed == {_P}:
        if _N in roles:
            return (
                f"Hanya pegawai yang bersangkutan yang dapat {action.label}; "
                "sebagai pejabat penilai Anda dapat mengembalikan SKP dengan catatan."
            )
        return f"Hanya pegawai yang bersangkutan yang dapat {action.label}."
    if subject is None:
        return f"Anda tidak dapat {action.label} tanpa memilih pegawai."
    return (
        f"Anda tidak dapat {action.label} pegawai ini; hanya pegawai yang bersangkutan, "
        "pejabat penilai, atasan pejabat penilai, atau admin yang berwenang."
        if _A in allowed
        else f"Anda tidak dapat {action.label} pegawai ini; hanya pegawai yang bersangkutan, "
        "pejabat penilai, atau admin yang berwenang."
    )


def require(actor: Actor, action: Action | str, subject: Subject | None = None) -> None:
    """Raise :class:`PermissionDenied` (Indonesian message naming the action) unless allowed."""
    act = Action(action)
    if not may(actor, act, subject):
        raise PermissionDenied(_denial_message(actor, act, subject), code=f"permission.{act.value.lower()}")


# --- field ownership for sync -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableOwnership:
    """Which role writes a table: ``default`` for every field, ``fields`` overrides.

    A field mapped to ``None`` has no single owner (see :data:`PLAN_TRANSITION_OWNER`).
    """

    default: Role | None
    fields: Mapping[str, Role | None] = field(default_factory=dict)


FIELD_OWNER: Mapping[str, TableOwnership] = MappingProxyType(
    {
        # Plan: written by the pegawai; review fields by the penilai; status depends on the transition.
        "plan": TableOwnership(
            _P,
            {
                "status": None,
                "submitted_at": _P,
                "approved_at": _N,
                "approved_by": _N,
                "returned_at": _N,
                "returned_by": _N,
                "review_note": _N,
            },
        ),
        "rhk": TableOwnership(_P),
        # Matriks peran hasil (issue 17): the unit head owns the cells of their own RHK and the teams they lead;
        # the pegawai answers a draft RHK in their own SKP; the admin records penugasan (from the SK) and imported
        # RHK, the pegawai links the SKP they opened for a penugasan.
        "peran_hasil": TableOwnership(_P),
        "tim_kerja": TableOwnership(_P),
        "usulan_tanggapan": TableOwnership(_P),
        "penugasan": TableOwnership(_D, {"plan_id": _P, "closed_plan_id": _P, "closed_at": _P}),
        "rhk_impor": TableOwnership(_D),
        "indicator": TableOwnership(_P),
        "realisation": TableOwnership(_P),
        "attachment": TableOwnership(_P),
        "lampiran_item": TableOwnership(_P),
        "perilaku_expectation": TableOwnership(_N),
        "evaluation": TableOwnership(_N, {"read_at": _P}),
        "rhk_feedback": TableOwnership(_N),
        "perilaku_feedback": TableOwnership(_N),
        # Which unit's IKM an indicator takes as its realisation: the pegawai's, like the indicator.
        "skm_indicator_link": TableOwnership(_P),
        # Daily work (issue 17): the pegawai plans and logs; the penilai owns the umpan balik on an entry.
        "rencana_aksi": TableOwnership(_P),
        "progres_harian": TableOwnership(_P, {"umpan_balik": _N, "umpan_balik_at": _N}),
        # Roster and configuration.
        "unit": TableOwnership(_D),
        "employee": TableOwnership(_D),
        "supervision": TableOwnership(_D),
        "unit_predikat": TableOwnership(_D),
        "setting": TableOwnership(_D),
        "user_account": TableOwnership(_D),
        "skm_survey": TableOwnership(_D),
        "skm_response": TableOwnership(_D),
        # Tindak lanjut (issue 15): standards and awards by the admin; assessed levels and the development
        # plan by the penilai (an admin may add assessment-centre results and organised training: authz
        # INSERT_ROLES); the pegawai reports completion and the certificate.
        "competency_standard": TableOwnership(_D),
        "competency_assessment": TableOwnership(_N),
        "development_item": TableOwnership(
            _N, {"completed_on": _P, "sha256": _P, "certificate_name": _P, "completion_note": _P}),
        "award": TableOwnership(_D),
    }
)
"""Owner role per synced table (table default plus per-field overrides)."""

PLAN_TRANSITION_OWNER: Mapping[str, Role] = MappingProxyType({"submit": _P, "approve": _N, "return": _N})
"""Who performs each plan status transition (``plan.status`` itself has no single owner)."""


def owner_role(table: str, field_name: str | None = None) -> Role | None:
    """The role that owns ``table.field_name``; the table default when the field has no override.

    Returns None for unknown tables and for fields without a single owner (``plan.status``).
    """
    ownership = FIELD_OWNER.get(table)
    if ownership is None:
        return None
    if field_name is not None and field_name in ownership.fields:
        return ownership.fields[field_name]
    return ownership.default
