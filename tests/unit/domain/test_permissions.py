"""Permission matrix (table-driven), denial messages and sync field ownership."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.permissions import (
    FIELD_OWNER,
    GLOBAL_ACTIONS,
    PLAN_TRANSITION_OWNER,
    Action,
    Actor,
    Role,
    Subject,
    may,
    owner_role,
    require,
    roles_of,
)

SUBJECT = Subject(employee_id="e-pegawai", penilai_id="e-penilai", atasan_penilai_id="e-atasan")

OWN = {
    Action.VIEW_PLAN,
    Action.EDIT_PLAN,
    Action.SUBMIT_PLAN,
    Action.EDIT_REALISATION,
    Action.VIEW_EVALUATION,
    Action.MARK_READ,
    Action.SIGN_PEGAWAI,
    Action.PRINT,
    Action.REPORT_DEVELOPMENT,  # tindak lanjut: the pegawai reports completion
    Action.EDIT_DAILY_WORK,  # rencana aksi and progres harian are the pegawai's own
    Action.VIEW_DAILY_WORK,
}
PENILAI = {
    Action.VIEW_PLAN,
    Action.REVIEW_PLAN,
    Action.EDIT_EXPECTATION,
    Action.VIEW_EVALUATION,
    Action.EVALUATE,
    Action.FINALISE_EVALUATION,
    Action.SIGN_PENILAI,
    Action.PRINT,
    Action.ASSESS_COMPETENCY,  # tindak lanjut: assessed levels and the development plan
    Action.PROPOSE_DEVELOPMENT,
    Action.VIEW_DAILY_WORK,  # the team's week, and umpan balik on an entry
    Action.FEEDBACK_DAILY_WORK,
}
ATASAN = {Action.VIEW_PLAN, Action.VIEW_EVALUATION, Action.VIEW_DAILY_WORK}
ADMIN = {
    Action.MANAGE_ROSTER,
    Action.MANAGE_ACCOUNTS,
    Action.MANAGE_SETTINGS,
    Action.MANAGE_CERTS,
    Action.PRINT,
    Action.VIEW_PLAN,
    Action.VIEW_EVALUATION,
    Action.VIEW_UNIT,
    Action.RECORD_TRAINING,  # tindak lanjut: organised training, assessment-centre results, awards
    Action.MANAGE_AWARDS,
    Action.VIEW_DAILY_WORK,  # the monthly recap for the tunjangan kinerja
}

# persona, actor, allowed actions towards SUBJECT, roles towards SUBJECT
MATRIX = [
    ("pegawai", Actor("u1", "e-pegawai"), OWN, {Role.PEGAWAI}),
    ("penilai", Actor("u2", "e-penilai"), PENILAI, {Role.PENILAI}),
    ("atasan penilai", Actor("u3", "e-atasan"), ATASAN, {Role.ATASAN_PENILAI}),
    ("admin without employee", Actor("u4", None, is_admin=True), ADMIN, {Role.ADMIN}),
    ("admin who is a colleague", Actor("u5", "e-other", is_admin=True), ADMIN, {Role.ADMIN}),
    ("admin who is the penilai", Actor("u6", "e-penilai", is_admin=True), ADMIN | PENILAI, {Role.ADMIN, Role.PENILAI}),
    ("admin who is the pegawai", Actor("u7", "e-pegawai", is_admin=True), ADMIN | OWN, {Role.ADMIN, Role.PEGAWAI}),
    ("colleague", Actor("u8", "e-other"), set(), set()),
    ("account without employee", Actor("u9", None), set(), set()),
]


@pytest.mark.parametrize(("persona", "actor", "allowed", "roles"), MATRIX, ids=[m[0] for m in MATRIX])
def test_permission_matrix(persona: str, actor: Actor, allowed: set[Action], roles: set[Role]) -> None:
    assert roles_of(actor, SUBJECT) == roles
    for action in Action:
        assert may(actor, action, SUBJECT) is (action in allowed), f"{persona}: {action}"
        if action in allowed:
            require(actor, action, SUBJECT)
        else:
            with pytest.raises(PermissionDenied) as info:
                require(actor, action, SUBJECT)
            assert action.label in str(info.value)
            assert info.value.code == f"permission.{action.value.lower()}"


@pytest.mark.parametrize("action", list(Action))
def test_global_actions_without_subject(action: Action) -> None:
    admin_allowed = {Action.VIEW_PLAN, Action.VIEW_EVALUATION, Action.PRINT, Action.RECORD_TRAINING,
                     Action.VIEW_DAILY_WORK} | GLOBAL_ACTIONS
    assert may(Actor("a", None, is_admin=True), action) is (action in admin_allowed)
    assert not may(Actor("p", "e-pegawai"), action, None)


def test_nobody_evaluates_themself_even_when_the_roster_says_so() -> None:
    self_supervised = Subject("e1", penilai_id="e1", atasan_penilai_id="e1")
    actor = Actor("u1", "e1")
    assert roles_of(actor, self_supervised) == {Role.PEGAWAI}
    assert may(actor, Action.EDIT_PLAN, self_supervised)
    with pytest.raises(PermissionDenied, match="diri sendiri"):
        require(actor, Action.EVALUATE, self_supervised)


@pytest.mark.parametrize(
    ("actor", "action", "message"),
    [
        (
            Actor("x", "e-other"),
            Action.EVALUATE,
            "Anda bukan pejabat penilai pegawai ini, sehingga tidak dapat memberi rating.",
        ),
        (
            Actor("x", None, is_admin=True),
            Action.REVIEW_PLAN,
            "Anda bukan pejabat penilai pegawai ini, sehingga tidak dapat menyetujui atau mengembalikan SKP.",
        ),
        (
            Actor("x", "e-penilai"),
            Action.EDIT_PLAN,
            "Hanya pegawai yang bersangkutan yang dapat mengubah rencana SKP; "
            "sebagai pejabat penilai Anda dapat mengembalikan SKP dengan catatan.",
        ),
        (
            Actor("x", "e-atasan"),
            Action.MARK_READ,
            "Hanya pegawai yang bersangkutan yang dapat menandai evaluasi sudah dibaca.",
        ),
        (
            Actor("x", "e-pegawai"),
            Action.MANAGE_ROSTER,
            "Hanya admin yang dapat mengelola data pegawai dan unit.",
        ),
        (
            Actor("x", "e-pegawai"),
            Action.SIGN_PENILAI,
            "Anda tidak dapat menandatangani sebagai pejabat penilai untuk diri sendiri; "
            "hal ini dilakukan oleh pejabat penilai Anda.",
        ),
        (
            Actor("x", "e-other"),
            Action.VIEW_PLAN,
            "Anda tidak dapat melihat SKP pegawai ini; hanya pegawai yang bersangkutan, pejabat penilai, "
            "atasan pejabat penilai, atau admin yang berwenang.",
        ),
        (
            Actor("x", "e-atasan"),
            Action.PRINT,
            "Anda tidak dapat mencetak dokumen pegawai ini; hanya pegawai yang bersangkutan, pejabat penilai, "
            "atau admin yang berwenang.",
        ),
    ],
)
def test_denial_messages(actor: Actor, action: Action, message: str) -> None:
    with pytest.raises(PermissionDenied) as info:
        require(actor, action, SUBJECT)
    assert str(info.value) == message


def test_denial_without_subject() -> None:
    with pytest.raises(PermissionDenied, match="tanpa memilih pegawai"):
        require(Actor("x", "e-pegawai"), Action.VIEW_PLAN)


def test_string_actions_are_accepted() -> None:
    assert may(Actor("u2", "e-penilai"), "EVALUATE", SUBJECT)


def test_every_action_has_a_label() -> None:
    assert all(action.label and action.value == action.name for action in Action)
    assert all(role.label for role in Role)


@pytest.mark.parametrize(
    ("table", "field", "owner"),
    [
        ("plan", "pendekatan", Role.PEGAWAI),
        ("plan", None, Role.PEGAWAI),
        ("plan", "status", None),
        ("plan", "submitted_at", Role.PEGAWAI),
        ("plan", "approved_at", Role.PENILAI),
        ("plan", "review_note", Role.PENILAI),
        ("rhk", "text", Role.PEGAWAI),
        ("indicator", "target_value", Role.PEGAWAI),
        ("realisation", "value_text", Role.PEGAWAI),
        ("attachment", "sha256", Role.PEGAWAI),
        ("lampiran_item", "text", Role.PEGAWAI),
        ("perilaku_expectation", "text", Role.PENILAI),
        ("evaluation", "rating_hasil", Role.PENILAI),
        ("evaluation", "read_at", Role.PEGAWAI),
        ("rhk_feedback", "text", Role.PENILAI),
        ("perilaku_feedback", "text", Role.PENILAI),
        ("unit", "name", Role.ADMIN),
        ("employee", "nip", Role.ADMIN),
        ("supervision", "supervisor_id", Role.ADMIN),
        ("unit_predikat", "predikat", Role.ADMIN),
        ("setting", "value", Role.ADMIN),
        ("user_account", "password_hash", Role.ADMIN),
        ("no_such_table", "x", None),
    ],
)
def test_owner_role(table: str, field: str | None, owner: Role | None) -> None:
    assert owner_role(table, field) == owner


def test_plan_transitions_and_ownership_table() -> None:
    assert dict(PLAN_TRANSITION_OWNER) == {"submit": Role.PEGAWAI, "approve": Role.PENILAI, "return": Role.PENILAI}
    assert FIELD_OWNER["evaluation"].fields["read_at"] is Role.PEGAWAI
