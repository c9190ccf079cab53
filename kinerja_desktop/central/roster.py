"""Roster snapshots published by the central office under ``roster/`` on the store.

A snapshot lists units, employees, who is whose pejabat penilai, and the accounts with their
admin rights and public signing keys (never password hashes or private keys). It is signed
with the instansi's root key (see :mod:`kinerja_desktop.sync.trust`); devices take account
facts only from the newest snapshot that verifies under the root key they pinned. Each is
written once as ``roster/<n>-<sha256>.json.gz``; a new one only when the roster changed.
A key an account had in an earlier snapshot stays listed (its old changes still verify).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from kinerja_desktop.store.changelog import json_value
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Supervision, Unit, UserAccount
from kinerja_desktop.store.models_peran import TimKerja
from kinerja_desktop.store.signing import Signer, sign_document
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.heads import head_bytes, head_path
from kinerja_desktop.sync.remote import Remote
from kinerja_desktop.sync.trust import latest_verified_roster, read_roster_doc, roster_listing

FORMAT = 2


@dataclass(frozen=True)
class PublishedRoster:
    seq: int
    sha256: str
    path: str
    changed: bool


def roster_snapshot(db: Database) -> dict[str, Any]:
    """The roster as plain data (stable order, no timestamps), ready to hash and publish."""
    with db.reader() as s:
        units = [{"id": u.id, "code": u.code, "name": u.name, "parent_id": u.parent_id, "level": u.level}
                 for u in s.scalars(select(Unit).where(Unit.deleted.is_(False)).order_by(Unit.code))]
        employees = [{"id": e.id, "nip": e.nip, "name": e.name, "asn_kind": e.asn_kind, "golongan": e.golongan,
                      "jabatan": e.jabatan, "jenis_jabatan": e.jenis_jabatan, "unit_id": e.unit_id,
                      "active": e.active}
                     for e in s.scalars(select(Employee).where(Employee.deleted.is_(False)).order_by(Employee.id))]
        supervision = [{"employee_id": r.employee_id, "supervisor_id": r.supervisor_id, "year": r.year}
                       for r in s.scalars(select(Supervision).where(Supervision.deleted.is_(False))
                                          .order_by(Supervision.employee_id, Supervision.year))]
        accounts = [{"id": a.id, "username": a.username, "employee_id": a.employee_id, "is_admin": a.is_admin,
                     "active": a.active, "keys": [a.public_key] if a.public_key else []}
                    for a in s.scalars(select(UserAccount).where(UserAccount.deleted.is_(False))
                                       .order_by(UserAccount.username))]
        teams = [{"id": t.id, "head_id": t.employee_id, "year": t.year, "members": team_members(t.members)}
                 for t in s.scalars(select(TimKerja).where(TimKerja.deleted.is_(False))
                                    .order_by(TimKerja.employee_id, TimKerja.year, TimKerja.id))]
    return json.loads(json.dumps({"units": units, "employees": employees, "supervision": supervision,
                                  "accounts": accounts, "teams": teams}, default=json_value))


def team_members(members: Any) -> list[str]:
    """The employee ids a tim kerja's ``members`` list names (anything else in it is left out)."""
    if not isinstance(members, list):
        return []
    return sorted({str(m["employee_id"]) for m in members
                   if isinstance(m, dict) and isinstance(m.get("employee_id"), str) and m["employee_id"]})


def read_latest_roster(remote: Remote) -> dict[str, Any] | None:
    """The newest intact roster snapshot on the store (damaged ones are skipped; NOT verified)."""
    for seq, digest, name in reversed(roster_listing(remote)):
        doc = read_roster_doc(remote, name, digest)
        if doc is not None:
            doc["seq"] = seq
            return doc
    return None


def publish_roster(db: Database, remote: Remote, root: Signer) -> PublishedRoster:
    """Write a new signed snapshot when the roster differs from the newest verified one on the store."""
    body = roster_snapshot(db)
    listing = roster_listing(remote)
    latest = latest_verified_roster(remote, root.public)
    if latest is not None:
        old_keys = {a.get("username"): a.get("keys") or [] for a in latest[1].get("accounts") or []}
        for acc in body["accounts"]:
            acc["keys"] = sorted(set(acc["keys"]) | {str(k) for k in old_keys.get(acc["username"], [])})
    if latest is not None and {k: latest[1].get(k) for k in body} == body:
        seq, digest, name = next(item for item in listing if item[0] == latest[0])
        publish_cards(db, remote, root, seq, body)
        return PublishedRoster(seq, digest, f"{P.ROSTER_DIR}/{name}", changed=False)
    seq = (listing[-1][0] if listing else 0) + 1
    doc: dict[str, Any] = {"kinerja_roster": FORMAT, "published_at": datetime.now(UTC).isoformat(timespec="seconds"),
                           "root": root.public, **body}
    doc["sig"] = sign_document(root, doc)
    data = P.gzip_bytes(P.dumps(doc).encode("utf-8"))
    digest = P.sha256(data)
    path = f"{P.ROSTER_DIR}/{P.roster_name(seq, digest)}"
    remote.write(path, data)
    publish_cards(db, remote, root, seq, body)
    return PublishedRoster(seq, digest, path, changed=True)


# ------------------------------------------------------------------------------------------ cards

#: On the central replica: {card key: sha256 of the card body} last written (only changed cards are written).
CARDS_PUBLISHED_KEY = "roster.cards_published"


def roster_cards(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The roster cut into signed cards, so a PC that holds a scope reads a few kilobytes, not the office.

    * ``<employee id>``: the person, who their penilai is per year (``supervision``), who reports
      to them (``below``), their accounts with public keys, and the tim kerja they are members of
      (``teams``: the ketua and the year; only on the cards of members, so the other cards stay
      as they were);
    * ``_admins``: every admin account (they may sign in and act anywhere);
    * ``_names/<xx>``: user names and NIPs whose SHA-256 starts with ``xx``, to the employee id
      (how a PC finds the card of the person set up on it).
    """
    sup: dict[str, list[dict[str, Any]]] = defaultdict(list)
    below: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in body["supervision"]:
        sup[r["employee_id"]].append(r)
        if r.get("supervisor_id"):
            below[r["supervisor_id"]].append(r)
    accounts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    admins = []
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for a in body["accounts"]:
        if a.get("is_admin"):
            admins.append(a)
        if a.get("employee_id"):
            accounts[a["employee_id"]].append(a)
            names[P.card_shard(a["username"])][a["username"]] = a["employee_id"]
    teams: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for t in body.get("teams") or []:
        for member in t["members"]:
            teams[member].append({"head_id": t["head_id"], "year": t["year"]})
    cards: dict[str, dict[str, Any]] = {}
    for e in body["employees"]:
        cards[e["id"]] = {"employee": e, "supervision": sup[e["id"]], "below": below[e["id"]],
                          "accounts": accounts[e["id"]]}
        if teams.get(e["id"]):
            cards[e["id"]]["teams"] = sorted(teams[e["id"]], key=lambda t: (t["year"], t["head_id"]))
        if e.get("nip"):
            names[P.card_shard(e["nip"])][e["nip"]] = e["id"]
    cards["_admins"] = {"admins": admins}
    for shard, table in names.items():
        cards[f"_names/{shard}"] = {"names": dict(sorted(table.items()))}
    return cards


def publish_cards(db: Database, remote: Remote, root: Signer, seq: int, body: dict[str, Any]) -> int:
    """Write the cards that changed since the last publication from this replica; returns how many."""
    done = db.meta(CARDS_PUBLISHED_KEY) or {}
    if not isinstance(done, dict):
        done = {}
    written = 0
    for key, card in sorted(roster_cards(body).items()):
        digest = hashlib.sha256(P.dumps(card).encode("utf-8")).hexdigest()
        if done.get(key) == digest:
            continue
        doc: dict[str, Any] = {"kinerja_card": 1, "key": key, "seq": seq, "root": root.public, **card}
        doc["sig"] = sign_document(root, doc)
        data = P.gzip_bytes(P.dumps(doc).encode("utf-8"))
        remote.write(f"{P.card_dir(key)}/{P.roster_name(seq, P.sha256(data))}", data)
        remote.write(head_path(P.card_dir(key)), head_bytes(P.card_dir(key), "roster", seq))  # see sync.heads
        done[key] = digest
        written += 1
    db.set_meta(CARDS_PUBLISHED_KEY, done)
    return written


def penilai_in_roster(roster: dict[str, Any], employee_id: str, year: int) -> str | None:
    """Who the published roster names as the pejabat penilai of an employee for a year."""
    rows = [r for r in roster.get("supervision", []) if r["employee_id"] == employee_id]
    if not rows:
        return None
    best = max((r for r in rows if r["year"] <= year), key=lambda r: r["year"], default=None)
    return (best or min(rows, key=lambda r: r["year"]))["supervisor_id"]
