"""Local accounts: argon2id hashes, one message for every failed sign-in, rehash of weak demo hashes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from kinerja_desktop.services import auth_service as auth
from kinerja_desktop.services.passwords import needs_rehash
from kinerja_desktop.store.models import ChangeLog, UserAccount

FAILED = "Nama pengguna atau kata sandi salah."


def stored_hash(db, username: str) -> str:
    with db.reader() as s:
        return s.execute(select(UserAccount.password_hash).where(UserAccount.username == username)).scalar()


def test_first_admin_gets_an_argon2id_hash_never_the_password(empty_db):
    assert not auth.has_accounts(empty_db)
    user = auth.create_first_admin(empty_db, "admin", "rahasia-panjang")
    assert user.is_admin and auth.has_accounts(empty_db)
    digest = stored_hash(empty_db, "admin")
    assert digest.startswith("$argon2id$") and "rahasia-panjang" not in digest
    with empty_db.reader() as s:
        logged = s.execute(select(ChangeLog.changes).where(ChangeLog.table_name == "user_account")).scalar()
    assert "rahasia-panjang" not in str(logged)
    with pytest.raises(PermissionDenied, match="Sudah ada akun"):
        auth.create_first_admin(empty_db, "admin2", "rahasia")


def test_sign_in_and_one_message_for_every_failure(empty_db):
    auth.create_first_admin(empty_db, "admin", "rahasia")
    assert auth.authenticate(empty_db, " ADMIN ", "rahasia").username == "admin"  # name is case-insensitive
    with pytest.raises(PermissionDenied) as wrong:
        auth.authenticate(empty_db, "admin", "salah")
    with pytest.raises(PermissionDenied) as unknown:
        auth.authenticate(empty_db, "siapa", "rahasia")
    with pytest.raises(PermissionDenied) as blank:
        auth.authenticate(empty_db, "", "")
    assert str(wrong.value) == str(unknown.value) == str(blank.value) == FAILED


def test_inactive_account_is_told_only_after_the_right_password(empty_db):
    admin = auth.create_first_admin(empty_db, "admin", "rahasia")
    auth.create_account(empty_db, admin, "budi", "sandi-budi")
    auth.set_account_flags(empty_db, admin, "budi", active=False)
    with pytest.raises(PermissionDenied) as wrong:
        auth.authenticate(empty_db, "budi", "keliru")
    assert str(wrong.value) == FAILED  # does not reveal that the account exists
    with pytest.raises(PermissionDenied, match="dinonaktifkan"):
        auth.authenticate(empty_db, "budi", "sandi-budi")
    with pytest.raises(ValidationError, match="akun sendiri"):
        auth.set_account_flags(empty_db, admin, "admin", active=False)


def test_demo_hashes_are_upgraded_at_sign_in(demo_db, people):
    username = people.staff.username
    weak = stored_hash(demo_db, username)
    assert needs_rehash(weak)
    auth.authenticate(demo_db, username, username)
    strong = stored_hash(demo_db, username)
    assert strong != weak and not needs_rehash(strong)
    assert auth.authenticate(demo_db, username, username).employee_id == people.staff.employee_id
    assert stored_hash(demo_db, username) == strong  # no rehash once it is strong


def test_account_management_is_admin_only_and_validated(empty_db, demo_db, people):
    admin = auth.create_first_admin(empty_db, "admin", "rahasia")
    with pytest.raises(ValidationError, match="Nama pengguna harus"):
        auth.create_account(empty_db, admin, "a b", "rahasia")
    with pytest.raises(ValidationError, match="paling sedikit"):
        auth.create_account(empty_db, admin, "budi", "123")
    auth.create_account(empty_db, admin, "budi", "rahasia")
    with pytest.raises(ConflictError, match="sudah dipakai"):
        auth.create_account(empty_db, admin, "BUDI", "rahasia")
    assert [a.username for a in auth.list_accounts(empty_db, admin)] == ["admin", "budi"]
    with pytest.raises(PermissionDenied, match="Hanya admin"):
        auth.list_accounts(demo_db, people.staff)
    with pytest.raises(PermissionDenied, match="Hanya admin"):
        auth.create_account(demo_db, people.penilai, "baru", "rahasia")


def test_changing_passwords(empty_db):
    admin = auth.create_first_admin(empty_db, "admin", "rahasia")
    auth.create_account(empty_db, admin, "budi", "lama-sekali")
    budi = auth.authenticate(empty_db, "budi", "lama-sekali")
    with pytest.raises(PermissionDenied):
        auth.set_password(empty_db, budi, "budi", "baru-sekali", old_password="tebakan")
    auth.set_password(empty_db, budi, "budi", "baru-sekali", old_password="lama-sekali")
    assert auth.authenticate(empty_db, "budi", "baru-sekali").username == "budi"
    with pytest.raises(PermissionDenied):
        auth.set_password(empty_db, budi, "admin", "diambil-alih")
    auth.set_password(empty_db, admin, "budi", "direset-admin")
    assert auth.authenticate(empty_db, "budi", "direset-admin").username == "budi"
