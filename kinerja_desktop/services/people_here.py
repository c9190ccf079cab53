"""The people who sign in on this PC: they decide what the PC holds (see sync.scope).

Recorded when a person signs in (or when a PC is set up for a person with
``kinerja --user NIP sync``). A name recorded here grants nothing: what a PC downloads is what
anyone with access to the store can read; who may change what is decided by signatures and the
signed roster.
"""

from __future__ import annotations

from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.store.db import Database

PEOPLE_KEY = "scope.people"
#: At most this many people per PC (a shared office PC; beyond it the PC is better a full replica).
MAX_PEOPLE = 50


def people_here(db: Database) -> list[str]:
    value = db.meta(PEOPLE_KEY)
    return [str(v) for v in value if isinstance(v, str)][:MAX_PEOPLE] if isinstance(value, list) else []


def remember_person(db: Database, who: str) -> bool:
    """Record a username or NIP as a person of this PC; True when it was new. Never fails a sign-in."""
    who = (who or "").strip()[:64]
    if not who:
        return False
    people = people_here(db)
    if who in people:
        return False
    try:
        db.set_meta(PEOPLE_KEY, [*people, who][-MAX_PEOPLE:])
    except StorageError:  # a read-only database: the scope widens at the next sign-in that can write
        return False
    return True


def forget_person(db: Database, who: str) -> None:
    """Take a name off this PC's people (a mistyped NIP while setting the PC up)."""
    people = people_here(db)
    if who in people:
        db.set_meta(PEOPLE_KEY, [p for p in people if p != who] or None)


__all__ = ["MAX_PEOPLE", "PEOPLE_KEY", "forget_person", "people_here", "remember_person"]
