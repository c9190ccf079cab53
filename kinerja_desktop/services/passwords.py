"""Password hashing and the sign-in check on an account's stored values.

No database imports: ``auth_service`` keeps the accounts; the rules on a stored hash live here.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from kinerja_desktop.domain.errors import PermissionDenied

__all__ = ["SIGN_IN_FAILED", "check_password", "hash_password", "needs_rehash", "no_such_account"]

log = logging.getLogger(__name__)
SIGN_IN_FAILED = "Nama pengguna atau kata sandi salah."
ACCOUNT_DISABLED = "Akun ini dinonaktifkan. Hubungi admin kepegawaian."


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    # OWASP-recommended argon2id parameters, kept modest so a sign-in stays under ~0.1 s.
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def needs_rehash(password_hash: str) -> bool:
    return _hasher().check_needs_rehash(password_hash)


def no_such_account(password: str) -> PermissionDenied:
    """Spend the time a real check takes (no telling which names exist); the error to raise."""
    _hasher().hash(password or "")
    return PermissionDenied(SIGN_IN_FAILED)


def check_password(password_hash: str, active: bool, password: str) -> None:
    """Raise PermissionDenied (one message for a wrong password, another for a disabled account)."""
    try:
        _hasher().verify(password_hash, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        log.info("failed sign-in for an account")  # never log the name or password tried
        raise PermissionDenied(SIGN_IN_FAILED) from None
    if not active:
        raise PermissionDenied(ACCOUNT_DISABLED)
