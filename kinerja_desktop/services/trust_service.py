"""The instansi's root of trust on this replica: the pinned root key and the signed roster.

* **Root key.** The central office makes the instansi's root key once
  (:func:`create_root_key`); it is kept here only wrapped under an admin passphrase. Its public
  half is *pinned* on every device (:func:`pin_root`): at set-up a person compares its
  fingerprint, or the device takes an enrolment file the central office handed out.
* **Signed roster.** Accounts, their public keys and admin rights, units, employees and
  supervision are published by the central office signed with the root key
  (``central/roster.py``). A device keeps the newest roster that verifies under its pin
  (:func:`accept_roster`) and takes who is admin and whose key is whose only from there
  (:func:`current_roster`, re-verified on every load). Nothing read from the store (its
  identity file, device folders) grants trust by itself.

How changes are checked against it: :mod:`kinerja_desktop.sync.trust`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kinerja_desktop.domain.errors import KinerjaError, PermissionDenied, ValidationError
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.services.identity import CurrentUser
from kinerja_desktop.store import signing
from kinerja_desktop.store.db import Database

ROOT_PUB_KEY = "trust.root_public"
ROOT_WRAP_KEY = signing.ROOT_WRAP_KEY
ROSTER_KEY = "trust.roster"


class TrustError(KinerjaError):
    """Missing or conflicting root of trust."""


# ------------------------------------------------------------------------------------------ root


def pinned_root(db: Database) -> str | None:
    value = db.meta(ROOT_PUB_KEY)
    return str(value) if value else None


def pin_root(db: Database, public: str, *, replace: bool = False) -> str:
    """Pin the instansi's root public key here; returns its fingerprint.

    A different key than the pinned one is refused unless ``replace`` (the documented path when
    the central office has replaced a lost root key).
    """
    signing.load_public(public)  # raises ValueError on a malformed key
    current = pinned_root(db)
    if current and current != public and not replace:
        raise TrustError(
            f"Komputer ini sudah mempercayai kunci akar {signing.fingerprint(current)}; kunci lain tidak "
            "diterima tanpa penggantian yang disengaja (--ganti).", code="trust.pinned")
    if current != public:
        db.set_meta(ROOT_PUB_KEY, public)
        db.set_meta(ROSTER_KEY, None)
    return signing.fingerprint(public)


def create_root_key(db: Database, user: CurrentUser, passphrase: str) -> str:
    """Make the instansi's root key here (the central office, an admin), wrapped under ``passphrase``."""
    require(user.actor, Action.MANAGE_ACCOUNTS)
    if len(passphrase or "") < 10:
        raise ValidationError("Frasa sandi kunci akar paling sedikit 10 karakter.", field="Frasa sandi")
    if db.meta(ROOT_WRAP_KEY):
        raise TrustError("Database ini sudah memegang kunci akar instansi.", code="trust.exists")
    key = signing.new_private_key()
    db.set_meta(ROOT_WRAP_KEY, signing.wrap_private(key, passphrase))
    pin_root(db, signing.public_hex(key), replace=True)
    return signing.public_hex(key)


def store_root_key(db: Database, key: Any, passphrase: str, *, weak: bool = False) -> None:
    """Keep an existing root key here (wrapped) and pin it (used by the demo office)."""
    db.set_meta(ROOT_WRAP_KEY, signing.wrap_private(key, passphrase, weak=weak))
    pin_root(db, signing.public_hex(key), replace=True)


def unlock_root(db: Database, passphrase: str) -> signing.Signer:
    wrapped = db.meta(ROOT_WRAP_KEY)
    if not wrapped:
        raise TrustError("Database ini tidak memegang kunci akar instansi (hanya kantor pusat).",
                         code="trust.no_root")
    try:
        key = signing.unwrap_private(wrapped, passphrase)
    except signing.WrongPassphrase:
        raise PermissionDenied("Frasa sandi kunci akar salah.") from None
    return signing.Signer(signing.ROOT_AUTHOR, key)


def has_root_key(db: Database) -> bool:
    return bool(db.meta(ROOT_WRAP_KEY))


# ------------------------------------------------------------------------------------------ roster


@dataclass(frozen=True)
class RosterAccount:
    id: str
    username: str
    employee_id: str | None
    is_admin: bool
    active: bool
    keys: frozenset[str]


@dataclass
class Roster:
    """The verified roster this replica trusts (see :func:`current_roster`)."""

    root: str
    seq: int = 0
    accounts: dict[str, RosterAccount] = field(default_factory=dict)

    @property
    def root_kid(self) -> str:
        return signing.key_id(self.root)

    def owner_of(self, kid: str) -> str | None:
        """The account whose key has id ``kid`` (None when no account has it)."""
        for acc in self.accounts.values():
            if any(signing.key_id(pub) == kid for pub in acc.keys):
                return acc.username
        return None

    def key_of(self, author: str | None, kid: str) -> str | None:
        """The public key with id ``kid`` that the roster gives ``author`` (the root key for the root)."""
        if kid == self.root_kid:
            return self.root
        acc = self.accounts.get(author or "")
        if acc is None:
            return None
        for pub in acc.keys:
            if signing.key_id(pub) == kid:
                return pub
        return None


def roster_body(doc: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "sig"}


def verify_roster(doc: Mapping[str, Any], root: str) -> bool:
    sig = doc.get("sig")
    return isinstance(sig, str) and doc.get("root") == root and signing.verify_document(root, roster_body(doc), sig)


def _parse(doc: Mapping[str, Any], root: str, seq: int) -> Roster:
    accounts: dict[str, RosterAccount] = {}
    for a in doc.get("accounts") or []:
        try:
            keys = frozenset(str(k) for k in a.get("keys") or [] if signing.load_public(str(k)))
            acc = RosterAccount(str(a["id"]), str(a["username"]), a.get("employee_id"), a.get("is_admin") is True,
                                a.get("active") is not False, keys)
        except (KeyError, TypeError, ValueError):
            continue
        accounts[acc.username] = acc
    return Roster(root=root, seq=seq, accounts=accounts)


def accept_roster(db: Database, doc: Mapping[str, Any], seq: int) -> bool:
    """Keep ``doc`` as this replica's roster when it verifies under the pinned root and is newer."""
    root = pinned_root(db)
    if not root or not verify_roster(doc, root):
        return False
    current = db.meta(ROSTER_KEY)
    if current and int(current.get("seq", 0)) >= seq:
        return False
    db.set_meta(ROSTER_KEY, {"seq": seq, "doc": dict(doc)})
    return True


def current_roster_doc(db: Database) -> dict[str, Any] | None:
    """The roster snapshot this replica trusts, re-verified (None when there is none)."""
    root = pinned_root(db)
    stored = db.meta(ROSTER_KEY)
    if root and stored and isinstance(stored.get("doc"), dict) and verify_roster(stored["doc"], root):
        return dict(stored["doc"])
    return None


def current_roster(db: Database) -> Roster | None:
    """The roster this replica trusts, re-verified on every load (the database file may be edited)."""
    root = pinned_root(db)
    if not root:
        return None
    stored = db.meta(ROSTER_KEY)
    if stored and isinstance(stored.get("doc"), dict) and verify_roster(stored["doc"], root):
        return _parse(stored["doc"], root, int(stored.get("seq", 0)))
    return Roster(root=root)
