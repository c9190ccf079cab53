"""Local accounts: argon2 password hashes, sign-in, account management (admin only)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select

from kinerja_desktop.domain.errors import ConflictError, NotFound, PermissionDenied, StorageError, ValidationError
from kinerja_desktop.domain.permissions import Action, Actor, require
from kinerja_desktop.services import sign_in_guard as guard
from kinerja_desktop.services.common import CurrentUser, get_live
from kinerja_desktop.services.passwords import (
    SIGN_IN_FAILED,
    check_password,
    hash_password,
    needs_rehash,
    no_such_account,
)
from kinerja_desktop.services.people_here import remember_person
from kinerja_desktop.store import signing
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, UserAccount
from kinerja_desktop.store.quick import JOIN_PENDING_KEY

log = logging.getLogger(__name__)
#: ``local_meta`` flag of a demo office: its accounts keep their NIP passwords.
DEMO_OFFICE_KEY = "demo_office"
_USERNAME = re.compile(r"^[A-Za-z0-9._@-]{3,64}$")


@dataclass
class AccountView:
    id: str
    username: str
    employee_id: str | None
    employee_name: str
    is_admin: bool
    active: bool


def _current_user(acc: UserAccount, emp: Employee | None) -> CurrentUser:
    actor = Actor(user_id=acc.id, employee_id=acc.employee_id, is_admin=acc.is_admin)
    return CurrentUser(acc.username, actor, emp.name if emp else acc.username)


def authenticate(db: Database, username: str, password: str) -> CurrentUser:
    """Check a username and password; raises PermissionDenied with one message for any failure."""
    attempts = guard.meta_key((username or "")[:64])
    guard.check_allowed(_meta(db, attempts))
    with db.reader() as s:
        acc = s.execute(
            select(UserAccount).where(func.lower(UserAccount.username) == (username or "").strip().lower(),
                                      UserAccount.deleted.is_(False))
        ).scalar()
        if acc is None:
            _record_failure(db, attempts)
            raise no_such_account(password)
        try:
            check_password(acc.password_hash, acc.active, password)
        except PermissionDenied as exc:
            if str(exc) == SIGN_IN_FAILED:
                _record_failure(db, attempts)
            raise
        emp = s.get(Employee, acc.employee_id) if acc.employee_id else None
        user = _current_user(acc, emp)
    if _meta(db, attempts):
        _set_meta(db, attempts, None)
    remember_person(db, acc.username)  # what this PC holds follows who signs in on it (sync.scope)
    if not _meta(db, DEMO_OFFICE_KEY):
        try:
            guard.check_policy(password, (acc.username, emp.nip if emp else None))
        except ValidationError:
            user = replace(user, must_change_password=True)
    unlock_key(db, acc, password)
    if needs_rehash(acc.password_hash):
        try:
            with db.session(user=acc.username) as s:
                row = s.get(UserAccount, acc.id)
                if row is not None:
                    row.password_hash = hash_password(password)
        except StorageError as exc:  # read-only or locked: the upgrade waits for the next sign-in
            logging.getLogger(__name__).info("password hash not upgraded (%s)", exc.code)
    return user


def _meta(db: Database, key: str) -> Any:
    return db.meta(key)


def _set_meta(db: Database, key: str, value: Any) -> None:
    """Keep (or with None, drop) a per-PC fact; a read-only database keeps what it has."""
    try:
        db.set_meta(key, value)
    except StorageError as exc:
        log.info("sign-in attempt not recorded (%s)", exc.code)


def _record_failure(db: Database, key: str) -> None:
    _set_meta(db, key, guard.after_failure(_meta(db, key)))


def unlock_account(db: Database, user: CurrentUser, username: str) -> bool:
    """Lift the sign-in lock (and the wait) of an account on this PC; True when there was one."""
    require(user.actor, Action.MANAGE_ACCOUNTS)
    key = guard.meta_key(username)
    had = bool(_meta(db, key))
    _set_meta(db, key, None)
    return had


def unlock_key(db: Database, acc: UserAccount, password: str) -> None:
    """Unlock the account's signing key for this session (see store.signing).

    An account without a key (made before keys existed) gets one now; a key wrapped with the
    demo's cheap parameters is re-wrapped with the full ones. The public key reaches the other
    PCs with the next roster the central office publishes.
    """
    key = None
    if acc.key_wrap and acc.public_key:
        try:
            key = signing.unwrap_private(acc.key_wrap, password)
        except signing.WrongPassphrase:
            log.warning("the signing key of an account does not open with its password; a new key is made")
        if key is not None and signing.public_hex(key) != acc.public_key:
            key = None
    fresh = key is None
    if fresh:
        key = signing.new_private_key()
    assert key is not None
    db.keys.add(signing.Signer(acc.username, key))
    if fresh or signing.wrap_is_weak(acc.key_wrap):
        try:
            with db.session(user=acc.username) as s:
                row = s.get(UserAccount, acc.id)
                if row is not None:
                    row.key_wrap = signing.wrap_private(key, password)
                    row.public_key = signing.public_hex(key)
        except StorageError as exc:  # read-only or locked: the key is still unlocked for this session
            log.info("signing key not re-wrapped (%s)", exc.code)


def new_key_fields(password: str, *, weak: bool = False) -> dict[str, object]:
    """``public_key`` and ``key_wrap`` of a new account (or of a password reset by an admin)."""
    key = signing.new_private_key()
    return {"public_key": signing.public_hex(key), "key_wrap": signing.wrap_private(key, password, weak=weak)}


def sign_out(db: Database, username: str | None = None) -> None:
    """Forget the unlocked signing keys (of ``username``, or all) in this process."""
    if username is None:
        db.keys.clear()
    else:
        db.keys.discard(username)


def user_by_username(db: Database, username: str) -> CurrentUser:
    """The CurrentUser of an account without a password (trusted callers: tests, demo, GUI re-lock)."""
    with db.reader() as s:
        acc = s.execute(select(UserAccount).where(UserAccount.username == username,
                                                  UserAccount.deleted.is_(False))).scalar()
        if acc is None:
            raise NotFound(f"Akun {username} tidak ditemukan.")
        emp = s.get(Employee, acc.employee_id) if acc.employee_id else None
        return _current_user(acc, emp)


def has_accounts(db: Database) -> bool:
    """Is this database set up (accounts here, and not a PC whose joining an office has not succeeded)?"""
    if db.meta(JOIN_PENDING_KEY):
        return False
    with db.reader() as s:
        return bool(s.execute(select(UserAccount.id).where(UserAccount.deleted.is_(False)).limit(1)).first())


def _check_username(username: str) -> str:
    username = (username or "").strip()
    if not _USERNAME.match(username):
        raise ValidationError(
            "Nama pengguna harus 3-64 karakter: huruf, angka, titik, garis bawah, @ atau tanda hubung.",
            field="Nama pengguna",
        )
    return username


def _check_password(password: str, *identities: str | None) -> None:
    guard.check_policy(password, identities)


def _nip_of(db: Database, employee_id: str | None) -> str | None:
    if not employee_id:
        return None
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.nip if emp is not None else None


def create_first_admin(db: Database, username: str, password: str) -> CurrentUser:
    """Create the first admin account of a fresh database (refused once any account exists)."""
    if has_accounts(db):
        raise PermissionDenied("Sudah ada akun; admin baru dibuat oleh admin yang ada.")
    username = _check_username(username)
    _check_password(password, username)
    key = signing.new_private_key()
    db.keys.add(signing.Signer(username, key))
    with db.session(user=username, role="ADMIN") as s:
        acc = UserAccount(username=username, password_hash=hash_password(password), is_admin=True,
                          public_key=signing.public_hex(key), key_wrap=signing.wrap_private(key, password))
        s.add(acc)
        s.flush()
        return _current_user(acc, None)


def create_account(
    db: Database, user: CurrentUser, username: str, password: str, *, employee_id: str | None = None,
    is_admin: bool = False,
) -> str:
    require(user.actor, Action.MANAGE_ACCOUNTS)
    username = _check_username(username)
    _check_password(password, username, _nip_of(db, employee_id))
    with db.session(user=user.username, role="ADMIN") as s:
        if s.execute(select(UserAccount.id).where(func.lower(UserAccount.username) == username.lower())).first():
            raise ConflictError(f"Nama pengguna {username} sudah dipakai.", field="Nama pengguna")
        if employee_id:
            get_live(s, Employee, employee_id, "Pegawai")
        acc = UserAccount(username=username, password_hash=hash_password(password), employee_id=employee_id,
                          is_admin=is_admin, **new_key_fields(password))
        s.add(acc)
        s.flush()
        return acc.id


def set_password(db: Database, user: CurrentUser, username: str, new_password: str,
                 old_password: str | None = None) -> None:
    """Change a password: one's own (with the old password) or anyone's as admin."""
    with db.reader() as s:
        target = s.execute(select(UserAccount).where(UserAccount.username == username)).scalar()
        employee_id = target.employee_id if target is not None else None
    _check_password(new_password, username, _nip_of(db, employee_id))
    own = username == user.username
    if not own:
        require(user.actor, Action.MANAGE_ACCOUNTS)
    elif not user.is_admin:
        authenticate(db, username, old_password or "")
    with db.session(user=user.username, role="ADMIN" if not own else "PEGAWAI") as s:
        acc = s.execute(select(UserAccount).where(UserAccount.username == username)).scalar()
        if acc is None:
            raise NotFound(f"Akun {username} tidak ditemukan.")
        acc.password_hash = hash_password(new_password)
        mine = db.keys.get(username) if own else None
        if mine is not None:  # the same key, wrapped under the new password
            acc.key_wrap = signing.wrap_private(mine.key, new_password)
        else:  # a reset by an admin: the old key stays locked under a password nobody gives; a new one
            acc.public_key, acc.key_wrap = new_key_fields(new_password).values()


def set_account_flags(db: Database, user: CurrentUser, username: str, *, active: bool | None = None,
                      is_admin: bool | None = None) -> None:
    require(user.actor, Action.MANAGE_ACCOUNTS)
    if username == user.username and (active is False or is_admin is False):
        raise ValidationError("Anda tidak dapat menonaktifkan atau mencabut hak admin akun sendiri.")
    with db.session(user=user.username, role="ADMIN") as s:
        acc = s.execute(select(UserAccount).where(UserAccount.username == username)).scalar()
        if acc is None:
            raise NotFound(f"Akun {username} tidak ditemukan.")
        if active is not None:
            acc.active = active
        if is_admin is not None:
            acc.is_admin = is_admin


def list_accounts(db: Database, user: CurrentUser) -> list[AccountView]:
    require(user.actor, Action.MANAGE_ACCOUNTS)
    with db.reader() as s:
        rows = s.execute(
            select(UserAccount, Employee.name)
            .outerjoin(Employee, Employee.id == UserAccount.employee_id)
            .where(UserAccount.deleted.is_(False))
            .order_by(UserAccount.username)
        ).all()
        return [AccountView(a.id, a.username, a.employee_id, name or "", a.is_admin, a.active) for a, name in rows]
