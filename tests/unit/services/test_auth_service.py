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
        auth.create_first_admin(empty_db, "admin2", "rahasia-kantor")


def test_sign_in_and_one_message_for_every_failure(empty_db):
    auth.create_first_admin(empty_db, "admin", "rahasia-kantor")
    assert auth.authenticate(empty_db, " ADMIN ", "rahasia-kantor").username == "admin"  # name is case-insensitive
    with pytest.raises(PermissionDenied) as wrong:
        auth.authenticate(empty_db, "admin", "salah")
    with pytest.raises(PermissionDenied) as unknown:
        auth.authenticate(empty_db, "siapa", "rahasia-kantor")
    with pytest.raises(PermissionDenied) as blank:
        auth.authenticate(empty_db, "", "")
    assert str(wrong.value) == str(unknown.value) == str(blank.value) == FAILED


def test_inactive_account_is_told_only_after_the_right_password(empty_db):
    admin = auth.create_first_admin(empty_db, "admin", "rahasia-kantor")
    auth.create_account(empty_db, admin, "budi", "sandi-untuk-pegawai")
    auth.set_account_flags(empty_db, admin, "budi", active=False)
    with pytest.raises(PermissionDenied) as wrong:
        auth.authenticate(empty_db, "budi", "keliru")
    assert str(wrong.value) == FAILED  # does not reveal that the account exists
    with pytest.raises(PermissionDenied, match="dinonaktifkan"):
        auth.authenticate(empty_db, "budi", "sandi-untuk-pegawai")
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
    admin = auth.create_first_admin(empty_db, "admin", "rahasia-kantor")
    with pytest.raises(ValidationError, match="Nama pengguna harus"):
        auth.create_account(empty_db, admin, "a b", "rahasia-kantor")
    with pytest.raises(ValidationError, match="paling sedikit"):
        auth.create_account(empty_db, admin, "budi", "123")
    auth.create_account(empty_db, admin, "budi", "rahasia-kantor")
    with pytest.raises(ConflictError, match="sudah dipakai"):
        auth.create_account(empty_db, admin, "BUDI", "rahasia-kantor")
    assert [a.username for a in auth.list_accounts(empty_db, admin)] == ["admin", "budi"]
    with pytest.raises(PermissionDenied, match="Hanya admin"):
        auth.list_accounts(demo_db, people.staff)
    with pytest.raises(PermissionDenied, match="Hanya admin"):
        auth.create_account(demo_db, people.penilai, "baru", "rahasia-kantor")


def test_changing_passwords(empty_db):
    admin = auth.create_first_admin(empty_db, "admin", "rahasia-kantor")
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


def test_guessing_is_slowed_then_locked_until_an_admin_lifts_it(empty_db, monkeypatch):
    from kinerja_desktop.services import sign_in_guard as guard

    admin = auth.create_first_admin(empty_db, "admin", "rahasia-kantor")
    auth.create_account(empty_db, admin, "budi", "sandi-untuk-pegawai")
    clock = [1_000_000.0]
    monkeypatch.setattr(guard.time, "time", lambda: clock[0])
    for _ in range(guard.FREE_FAILURES):
        with pytest.raises(PermissionDenied, match="salah"):
            auth.authenticate(empty_db, "budi", "tebakan")
    # the next attempt must wait, even with the right password
    with pytest.raises(PermissionDenied, match="Coba lagi dalam 1 detik"):
        auth.authenticate(empty_db, "budi", "tebakan")
    with pytest.raises(PermissionDenied, match="Coba lagi"):
        auth.authenticate(empty_db, "budi", "sandi-untuk-pegawai")
    for _ in range(guard.LOCK_AFTER - guard.FREE_FAILURES):
        clock[0] += guard.MAX_DELAY + 1
        with pytest.raises(PermissionDenied):
            auth.authenticate(empty_db, "budi", "tebakan")
    clock[0] += guard.MAX_DELAY + 1
    with pytest.raises(guard.AccountLocked, match="dikunci"):
        auth.authenticate(empty_db, "budi", "sandi-untuk-pegawai")
    budi = auth.user_by_username(empty_db, "budi")
    with pytest.raises(PermissionDenied, match="Hanya admin"):
        auth.unlock_account(empty_db, budi, "budi")
    assert auth.unlock_account(empty_db, admin, "budi")
    assert auth.authenticate(empty_db, "budi", "sandi-untuk-pegawai").username == "budi"
    # a success clears the count: three more failures cost nothing yet
    for _ in range(guard.FREE_FAILURES):
        with pytest.raises(PermissionDenied, match="salah"):
            auth.authenticate(empty_db, "budi", "tebakan")
    # unknown names are counted the same way (no telling which names exist)
    for _ in range(guard.FREE_FAILURES):
        with pytest.raises(PermissionDenied, match="salah"):
            auth.authenticate(empty_db, "siapa", "tebakan")
    with pytest.raises(PermissionDenied, match="Coba lagi"):
        auth.authenticate(empty_db, "siapa", "tebakan")


@pytest.mark.parametrize(("password", "why"), [
    ("pendek", "paling sedikit 10"),
    ("budi-sandi-2026", "nama pengguna atau NIP"),
    ("bismillah123", "terlalu umum"),
    ("Indonesia1945", "terlalu umum"),
    ("aaaaaaaaaaaa", "terlalu umum"),
])
def test_password_policy(empty_db, demo_db, people, password, why):
    admin = auth.create_first_admin(empty_db, "admin", "rahasia-kantor")
    auth.create_account(empty_db, admin, "budi", "sandi-untuk-pegawai")
    with pytest.raises(ValidationError, match=why):
        auth.create_account(empty_db, admin, "budi", password)
    with pytest.raises(ValidationError, match=why):
        auth.set_password(empty_db, admin, "budi", password)
    nip = people.staff.username  # the NIP inside a password is refused too
    demo_admin = auth.authenticate(demo_db, "admin", "admin")
    with pytest.raises(ValidationError, match="NIP"):
        auth.set_password(demo_db, demo_admin, nip, f"x{nip}x")


def test_sign_in_unlocks_the_signing_key_and_a_reset_issues_a_new_one(empty_db):
    from kinerja_desktop.store import signing

    admin = auth.create_first_admin(empty_db, "admin", "rahasia-kantor")
    auth.create_account(empty_db, admin, "budi", "sandi-untuk-pegawai")
    with empty_db.reader() as s:
        acc = s.execute(select(UserAccount).where(UserAccount.username == "budi")).scalar()
    first = acc.public_key
    assert "sandi-untuk-pegawai" not in str(acc.key_wrap) and len(first) == 64
    with pytest.raises(signing.WrongPassphrase):
        signing.unwrap_private(acc.key_wrap, "tebakan")
    budi = auth.authenticate(empty_db, "budi", "sandi-untuk-pegawai")
    assert empty_db.keys.get("budi").public == first
    auth.set_password(empty_db, budi, "budi", "sandi-baru-pegawai", old_password="sandi-untuk-pegawai")
    with empty_db.reader() as s:
        acc = s.execute(select(UserAccount).where(UserAccount.username == "budi")).scalar()
    assert acc.public_key == first  # the same key, wrapped under the new password
    assert signing.public_hex(signing.unwrap_private(acc.key_wrap, "sandi-baru-pegawai")) == first
    auth.set_password(empty_db, admin, "budi", "direset-oleh-kantor")
    with empty_db.reader() as s:
        acc = s.execute(select(UserAccount).where(UserAccount.username == "budi")).scalar()
    assert acc.public_key != first  # a reset by an admin: a new key
    auth.sign_out(empty_db)
    assert empty_db.keys.get("budi") is None


def test_weak_passwords_must_be_changed_at_sign_in_outside_demo_offices(demo_db, people, monkeypatch, capsys):
    from kinerja_desktop.cli import main
    
    nip = people.staff.username
    assert not auth.authenticate(demo_db, nip, nip).must_change_password  # a demo office keeps NIP passwords
    demo_db.set_meta(auth.DEMO_OFFICE_KEY, None)  # the same accounts in a real office
    assert auth.authenticate(demo_db, nip, nip).must_change_password
    monkeypatch.setenv("KINERJA_PASSWORD", nip)
    assert main(["--db", str(demo_db.path), "--user", nip, "akun", "list"]) == 1
    assert "harus diganti" in capsys.readouterr().err
    monkeypatch.setenv("KINERJA_NEW_PASSWORD", "laporan-bulanan-88")
    assert main(["--db", str(demo_db.path), "--user", nip, "akun", "sandi"]) == 0
    user = auth.authenticate(demo_db, nip, "laporan-bulanan-88")
    assert not user.must_change_password and demo_db.keys.get(nip) is not None
