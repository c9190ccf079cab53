"""Are the changes of a bundle signed by their authors? Checked against the signed roster.

:func:`check_bundle` verifies every change of a bundle against the key the roster (see
:mod:`kinerja_desktop.services.trust_service`) gives its author. A bundle with any change that
does not verify is not applied and does not use up the sequence numbers of its device (a
forger cannot pre-empt them). Also here: reading signed rosters from the store, bounded.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from kinerja_desktop.services.trust_service import Roster, verify_roster
from kinerja_desktop.store import signing
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.remote import Remote

# ------------------------------------------------------------------------------------------ store


def roster_listing(remote: Remote) -> list[tuple[int, str, str]]:
    names = remote.list(P.ROSTER_DIR)
    return sorted((*P.parse_roster_name(n), n) for n in names if P.parse_roster_name(n))  # type: ignore[misc]


#: How a roster snapshot's bytes are read: (path, digest) -> bytes or None (the engine's resumable read).
ReadObject = Callable[[str, str], "bytes | None"]


def read_roster_doc(remote: Remote, name: str, digest: str, read: ReadObject | None = None) -> dict[str, Any] | None:
    path = f"{P.ROSTER_DIR}/{name}"
    data = read(path, digest) if read is not None else remote.read(path)
    if data is None or P.sha256(data) != digest:
        return None
    try:
        lines = P.gunzip_lines(data, max_lines=1, max_line=P.MAX_BUNDLE_BYTES)
        doc = json.loads(lines[0].decode("utf-8")) if lines else None
    except (P.BundleError, ValueError, UnicodeDecodeError):
        return None
    return doc if isinstance(doc, dict) else None


def latest_verified_roster(remote: Remote, root: str, listing: list[tuple[int, str, str]] | None = None, *,
                           newer_than: int = 0, read: ReadObject | None = None) -> tuple[int, dict[str, Any]] | None:
    """(seq, document) of the newest snapshot signed by ``root`` (and numbered above ``newer_than``);
    unsigned or forged ones are skipped."""
    for seq, digest, name in reversed(listing if listing is not None else roster_listing(remote)):
        if seq <= newer_than:
            break
        doc = read_roster_doc(remote, name, digest, read)
        if doc is not None and verify_roster(doc, root):
            return seq, doc
    return None


# ------------------------------------------------------------------------------------------ changes

OK, REFUSE, WAIT = "ok", "refuse", "wait"


@dataclass(frozen=True)
class Verdict:
    kind: str
    reason: str = ""
    #: The change was signed by the instansi's root key (the founding history, re-signed history).
    by_root: bool = False


def check_bundle(entries: Sequence[Any], roster: Roster | None) -> list[Verdict]:
    """A verdict per entry (``entries`` are :class:`~kinerja_desktop.sync.protocol.Entry` of one bundle).

    * OK: the entry is covered by a group signature that verifies under the key the roster
      gives its author (or the root key);
    * WAIT: the author's key is not in this replica's roster yet (a newer roster may bring it);
    * REFUSE: unsigned, a signature that does not verify, a group mixing authors.
    """
    if roster is None:
        return [Verdict(WAIT, "komputer ini belum mempercayai kunci akar instansi (sematkan dulu)")] * len(entries)
    out: list[Verdict | None] = [None] * len(entries)
    start = 0
    for i, e in enumerate(entries):
        sig = e.sig
        if not sig:
            continue
        try:
            n, kid, value = int(sig["n"]), str(sig["k"]), str(sig["s"])
        except (KeyError, TypeError, ValueError):
            out[i] = Verdict(REFUSE, "tanda tangan perubahan tidak terbaca")
            start = i + 1
            continue
        first = i - n + 1
        if n < 1 or n > signing.GROUP_MAX or first < start:
            out[i] = Verdict(REFUSE, "kelompok tanda tangan tidak utuh di dalam bundel")
            start = i + 1
            continue
        group = entries[first:i + 1]
        author = e.user
        if any(g.user != author for g in group):
            verdict = Verdict(REFUSE, "satu tanda tangan mencakup perubahan beberapa penulis")
        else:
            public = roster.key_of(author, kid)
            owner = roster.owner_of(kid) if public is None else None
            if public is None and owner is not None:
                verdict = Verdict(REFUSE, f"ditandatangani dengan kunci “{owner}”, tetapi mengaku dibuat “{author}”")
            elif public is None:
                verdict = Verdict(WAIT, f"kunci tanda tangan “{author}” belum ada di daftar pegawai bertanda tangan")
            elif signing.verify_group(public, e.device, group[0].seq, e.seq, author or "", kid,
                                      [g.digest() for g in group], value):
                verdict = Verdict(OK, by_root=kid == roster.root_kid)
            else:
                verdict = Verdict(REFUSE, f"tanda tangan tidak sah atas nama “{author}”")
        for j in range(first, i + 1):
            out[j] = verdict
        start = i + 1
    return [v or Verdict(REFUSE, "perubahan tanpa tanda tangan penulisnya") for v in out]


__all__ = [
    "OK",
    "REFUSE",
    "WAIT",
    "Verdict",
    "check_bundle",
    "latest_verified_roster",
    "read_roster_doc",
    "roster_listing",
]
