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
#: Roster cards this PC holds (a PC that holds a scope reads its people's cards, not the snapshot).
CARDS_KEY = "trust.cards"


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
    """The roster this replica trusts, re-verified: the snapshot, or the cards it holds merged into one
    document of the same shape (None when it has neither)."""
    root = pinned_root(db)
    stored = db.meta(ROSTER_KEY)
    if root and stored and isinstance(stored.get("doc"), dict) and verify_roster(stored["doc"], root):
        return dict(stored["doc"])
    cards = current_cards(db)
    return merge_cards(cards) if cards else None


def verify_card(doc: Mapping[str, Any], root: str, key: str, seq: int) -> bool:
    return doc.get("kinerja_card") == 1 and doc.get("key") == key and doc.get("seq") == seq \
        and verify_roster(doc, root)


def current_cards(db: Database) -> dict[str, tuple[int, dict[str, Any]]]:
    """The roster cards held here, each re-verified (the database file may have been edited)."""
    root = pinned_root(db)
    stored = db.meta(CARDS_KEY)
    if not root or not isinstance(stored, dict):
        return {}
    out: dict[str, tuple[int, dict[str, Any]]] = {}
    for key, item in stored.items():
        if isinstance(item, dict) and isinstance(item.get("doc"), dict):
            seq = int(item.get("seq") or 0)
            if verify_card(item["doc"], root, key, seq):
                out[key] = (seq, item["doc"])
    return out


def accept_cards(db: Database, cards: Mapping[str, tuple[int, Mapping[str, Any]]]) -> int:
    """Keep newer verified cards; a PC that reads cards drops the snapshot (the cards are newer). Returns how many."""
    root = pinned_root(db)
    if not root:
        return 0
    stored = db.meta(CARDS_KEY)
    held = dict(stored) if isinstance(stored, dict) else {}
    taken = 0
    for key, (seq, doc) in cards.items():
        old = held.get(key)
        if isinstance(old, dict) and int(old.get("seq") or 0) >= seq:
            continue
        if verify_card(doc, root, key, seq):
            held[key] = {"seq": seq, "doc": dict(doc)}
            taken += 1
    if taken:
        db.set_meta(CARDS_KEY, held)
        db.set_meta(ROSTER_KEY, None)
    return taken


def merge_cards(cards: Mapping[str, tuple[int, Mapping[str, Any]]]) -> dict[str, Any]:
    """Cards as one roster document (accounts, employees, supervision) for the code that reads rosters."""
    accounts: dict[str, Any] = {}
    employees: dict[str, Any] = {}
    supervision: dict[tuple[str, int], Any] = {}
    teams: list[dict[str, Any]] = []
    seq = 0
    for key, (card_seq, doc) in cards.items():
        seq = max(seq, card_seq)
        if key == "_admins":
            for a in doc.get("admins") or []:
                accounts[str(a.get("username"))] = a
        elif not key.startswith("_"):
            emp = doc.get("employee")
            if isinstance(emp, dict):
                employees[str(emp.get("id"))] = emp
            for a in doc.get("accounts") or []:
                accounts[str(a.get("username"))] = a
            for t in doc.get("teams") or []:  # the tim kerja this person is a member of
                if isinstance(t, dict) and isinstance(emp, dict):
                    teams.append({"head_id": t.get("head_id"), "year": t.get("year"), "members": [emp.get("id")]})
            for r in [*(doc.get("supervision") or []), *(doc.get("below") or [])]:
                try:
                    supervision[(str(r["employee_id"]), int(r["year"]))] = r
                except (KeyError, TypeError, ValueError):
                    continue
    return {"accounts": list(accounts.values()), "employees": list(employees.values()),
            "supervision": list(supervision.values()), "teams": teams, "units": [], "seq": seq,
            "from_cards": True}


def current_roster(db: Database) -> Roster | None:
    """The roster this replica trusts, re-verified on every load (the database file may be edited)."""
    root = pinned_root(db)
    if not root:
        return None
    stored = db.meta(ROSTER_KEY)
    if stored and isinstance(stored.get("doc"), dict) and verify_roster(stored["doc"], root):
        return _parse(stored["doc"], root, int(stored.get("seq", 0)))
    cards = current_cards(db)
    if cards:
        merged = merge_cards(cards)
        return _parse(merged, root, int(merged["seq"]))
    return Roster(root=root)
