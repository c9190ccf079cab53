"""Is the certificate's owner the officer the sheet names in that signature box?

By NIP where both have one; otherwise by name, compared without academic and religious titles
("Dr. Ir. Bambang Suryadi, M.Si." is "Bambang Suryadi"), case and punctuation. A penilai may be
a pejabat negara with no NIP (the Bupati on the Sekda's sheet), so the name is what is left.
A Plt./Plh. signs in another officer's box on purpose: the signature says so in its /Reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["MATCH", "NO_OFFICER", "OTHER", "PLT_MARK", "SignerMatch", "match_signer", "name_key", "plt_reason"]

MATCH, OTHER, NO_OFFICER = "sesuai", "lain", "tidak_ada"
#: Marker in a signature's /Reason when it was made by an acting officer (Plt./Plh.).
PLT_MARK = "Plt./Plh."
_PREFIX = re.compile(r"^(?:[a-z]{1,5}\.)+$")


def name_key(name: str) -> str:
    """A person's name without titles, case, accents and punctuation (for comparing)."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.split(",", 1)[0]  # degrees after the first comma: ", S.H., M.Si."
    words = [w for w in text.split() if not _PREFIX.match(w)]  # dr. ir. h. hj. drs. prof. ...
    return " ".join("".join(ch for ch in w if ch.isalnum()) for w in words).strip()


def _digits(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isdigit())


@dataclass(frozen=True)
class SignerMatch:
    """``status``: ``sesuai`` (same person), ``lain`` (someone else) or ``tidak_ada`` (no officer printed);
    ``by``: ``nip`` or ``nama``."""

    status: str
    by: str = ""

    @property
    def other(self) -> bool:
        return self.status == OTHER


def match_signer(sheet_name: str, sheet_nip: str, cert_name: str | None, cert_nip: str | None) -> SignerMatch:
    """Compare the officer printed in a box with a certificate's owner."""
    if _digits(sheet_nip) and _digits(cert_nip):
        return SignerMatch(MATCH if _digits(sheet_nip) == _digits(cert_nip) else OTHER, "nip")
    if not name_key(sheet_name):
        return SignerMatch(NO_OFFICER)
    return SignerMatch(MATCH if name_key(sheet_name) == name_key(cert_name or "") else OTHER, "nama")


def plt_reason(role_label: str, sheet_name: str, sheet_nip: str) -> str:
    """The /Reason of an acting officer's signature (read back by verification)."""
    who = f"{sheet_name} (NIP {sheet_nip})" if sheet_nip else sheet_name
    return f"Ditandatangani sebagai {PLT_MARK} {role_label}, untuk {who}"
