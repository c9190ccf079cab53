"""Sign-in that resists guessing: a growing wait after failed attempts, a lock an admin lifts,
and the password policy.

No database imports: ``auth_service`` keeps the per-account state in ``local_meta`` of this PC
and asks here what it means.

* The first :data:`FREE_FAILURES` failures cost nothing; after that each further attempt must
  wait 1, 2, 4, ... seconds (at most :data:`MAX_DELAY`) after the previous failure.
* After :data:`LOCK_AFTER` failures in a row the account is locked on this PC until an admin
  lifts it (``kinerja akun buka-kunci NAMA`` or the Akun dialog); a correct password then does
  not help either. A successful sign-in clears the count.
* Passwords: at least :data:`MIN_LENGTH` characters, not the user name or NIP (nor containing
  them), not one of the common passwords shipped with the app (``data/passwords/common.txt``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.resources import resource_path

FREE_FAILURES = 3
MAX_DELAY = 300.0
LOCK_AFTER = 10
MIN_LENGTH = 10
META_PREFIX = "signin:"


class AccountLocked(PermissionDenied):
    """Too many failed sign-ins: an admin must lift the lock."""


def meta_key(username: str) -> str:
    return META_PREFIX + (username or "").strip().lower()


def delay_after(failures: int) -> float:
    """Seconds an attempt must wait after the last failure, once ``failures`` failed in a row."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(MAX_DELAY, 2.0 ** (failures - FREE_FAILURES))


def check_allowed(state: Mapping[str, Any] | None, now: float | None = None) -> None:
    """Raise when this account may not try a password now (locked, or still waiting)."""
    if not state:
        return
    if state.get("locked"):
        raise AccountLocked("Akun ini dikunci setelah terlalu banyak percobaan masuk yang gagal. "
                            "Minta admin kepegawaian membukanya.", code="auth.locked")
    now = time.time() if now is None else now
    try:
        wait = float(state.get("last", 0)) + delay_after(int(state.get("fails", 0))) - now
    except (TypeError, ValueError):
        return
    if wait > 0:
        raise PermissionDenied(f"Terlalu banyak percobaan yang gagal. Coba lagi dalam {math.ceil(wait)} detik.",
                               code="auth.wait")


def after_failure(state: Mapping[str, Any] | None, now: float | None = None) -> dict[str, Any]:
    fails = int((state or {}).get("fails", 0)) + 1
    return {"fails": fails, "last": time.time() if now is None else now, "locked": fails >= LOCK_AFTER}


# ------------------------------------------------------------------------------------------ policy


@cache
def common_passwords() -> frozenset[str]:
    text = resource_path("passwords", "common.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def check_policy(password: str, identities: Iterable[str | None] = ()) -> None:
    """Raise ValidationError when ``password`` is too weak for an account known by ``identities``."""
    password = password or ""
    if len(password) < MIN_LENGTH:
        raise ValidationError(f"Kata sandi paling sedikit {MIN_LENGTH} karakter.", field="Kata sandi")
    lowered = password.lower()
    for identity in identities:
        name = (identity or "").strip().lower()
        if len(name) >= 3 and name in lowered:
            raise ValidationError("Kata sandi tidak boleh memuat nama pengguna atau NIP.", field="Kata sandi")
    if lowered in common_passwords() or len(set(lowered)) <= 2:
        raise ValidationError("Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain.",
                              field="Kata sandi")
