"""Signing keys of people and of the instansi, and the signatures that bind a change to its author.

* Every account has an Ed25519 key pair. The private key is stored only *wrapped*: encrypted
  with AES-256-GCM under a key derived from the account's password with argon2id. It is
  unwrapped at sign-in and kept in memory (:class:`KeyRing`) for that session only.
* The instansi has a *root* key (the central office's). It signs the roster, which says whose
  public key is whose and who is admin, and it may sign changes itself (the founding history
  of an office: a demo, an import, the re-signing of history from before signatures).
* Changes are signed in *groups*: the consecutive entries one author committed in one flush on
  one device (at most :data:`GROUP_MAX`). The signature covers, per entry, the device, sequence
  number, table, row, operation, every changed field with its old and new value, the base
  versions, the author and the freeze clock; so nothing a receiver applies can be altered or
  moved to another device or sequence number without breaking it.

No I/O here: callers store the wrapped keys and the signatures.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

__all__ = [
    "GROUP_MAX",
    "ROOT_AUTHOR",
    "KeyRing",
    "Signer",
    "WrongPassphrase",
    "entry_digest",
    "fingerprint",
    "group_message",
    "key_id",
    "load_public",
    "new_private_key",
    "public_hex",
    "unwrap_private",
    "verify_group",
    "wrap_private",
    "wrap_is_weak",
]

#: Entries one signature covers at most (a bundle holds whole groups: see sync.protocol).
GROUP_MAX = 2000
#: The author name of changes made by the instansi itself (signed with the root key).
ROOT_AUTHOR = "instansi"
#: ``local_meta`` key of the wrapped root key (only the central office's database holds it).
ROOT_WRAP_KEY = "trust.root_key"

#: argon2id parameters for wrapping a private key: OWASP's first recommendation (m=19 MiB, t=2).
KDF_PARAMS = {"t": 2, "m": 19 * 1024, "p": 1}
#: The demo office's thousands of accounts are wrapped cheaply and re-wrapped at first sign-in.
WEAK_KDF_PARAMS = {"t": 1, "m": 64, "p": 1}


class WrongPassphrase(ValueError):
    """The password or passphrase does not open this wrapped key."""


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_hex(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return _raw_public(pub).hex()


def load_public(hex_text: str) -> Ed25519PublicKey:
    raw = bytes.fromhex(hex_text)
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key has 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def key_id(public: str) -> str:
    """Short id of a public key (hex): the first 16 bytes of its SHA-256."""
    return hashlib.sha256(bytes.fromhex(public)).hexdigest()[:32]


def fingerprint(public: str) -> str:
    """The fingerprint a person compares by eye: 8 groups of 4 hex digits."""
    digest = hashlib.sha256(bytes.fromhex(public)).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


# ------------------------------------------------------------------------------------------ wrapping


def _kek(secret: str, salt: bytes, params: Mapping[str, int]) -> bytes:
    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=int(params["t"]), memory_cost=int(params["m"]),
                           parallelism=int(params["p"]), hash_len=32, type=Type.ID)


def wrap_private(key: Ed25519PrivateKey, secret: str, *, weak: bool = False) -> dict[str, Any]:
    """The private key encrypted under ``secret`` (JSON-safe)."""
    params = WEAK_KDF_PARAMS if weak else KDF_PARAMS
    salt, nonce = os.urandom(16), os.urandom(12)
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    pub = public_hex(key)
    ct = AESGCM(_kek(secret, salt, params)).encrypt(nonce, raw, pub.encode("ascii"))
    return {"v": 1, "kdf": "argon2id", **{k: v for k, v in params.items()}, "salt": salt.hex(),
            "nonce": nonce.hex(), "ct": base64.b64encode(ct).decode("ascii"), "pub": pub}


def unwrap_private(wrapped: Mapping[str, Any], secret: str) -> Ed25519PrivateKey:
    try:
        params = {"t": int(wrapped["t"]), "m": int(wrapped["m"]), "p": int(wrapped["p"])}
        if not (1 <= params["t"] <= 10 and 8 <= params["m"] <= 1024 * 1024 and 1 <= params["p"] <= 16):
            raise ValueError("argon2 parameters out of range")
        salt, nonce = bytes.fromhex(wrapped["salt"]), bytes.fromhex(wrapped["nonce"])
        ct = base64.b64decode(wrapped["ct"])
        pub = str(wrapped["pub"])
    except (KeyError, TypeError, ValueError) as exc:
        raise WrongPassphrase("kunci tersimpan rusak") from exc
    try:
        raw = AESGCM(_kek(secret, salt, params)).decrypt(nonce, ct, pub.encode("ascii"))
    except InvalidTag:
        raise WrongPassphrase("kata sandi tidak membuka kunci ini") from None
    key = Ed25519PrivateKey.from_private_bytes(raw)
    if public_hex(key) != pub:
        raise WrongPassphrase("kunci tersimpan rusak")
    return key


def wrap_is_weak(wrapped: Mapping[str, Any] | None) -> bool:
    if not wrapped:
        return True
    try:
        return int(wrapped.get("m", 0)) < KDF_PARAMS["m"] or int(wrapped.get("t", 0)) < KDF_PARAMS["t"]
    except (TypeError, ValueError):
        return True


# ------------------------------------------------------------------------------------------ signers


@dataclass(frozen=True)
class Signer:
    """An unlocked key and the author name it signs for."""

    author: str
    key: Ed25519PrivateKey

    @property
    def public(self) -> str:
        return public_hex(self.key)

    @property
    def kid(self) -> str:
        return key_id(self.public)

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self.key.sign(message)).decode("ascii")


class KeyRing:
    """The keys unlocked in this process for one database: author name -> :class:`Signer`."""

    def __init__(self) -> None:
        self._signers: dict[str, Signer] = {}

    def add(self, signer: Signer) -> None:
        self._signers[signer.author] = signer

    def get(self, author: str | None) -> Signer | None:
        return self._signers.get(author) if author else None

    def authors(self) -> list[str]:
        return sorted(self._signers)

    def discard(self, author: str) -> None:
        self._signers.pop(author, None)

    def clear(self) -> None:
        self._signers.clear()


# ------------------------------------------------------------------------------------------ changes


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str).encode("utf-8")


def entry_digest(device: str, seq: int, table: str, row: str, op: str, changes: Mapping[str, Any],
                 base: Mapping[str, Any] | None, user: str | None, clock: Mapping[str, int] | None,
                 part: str | None = None) -> bytes:
    """SHA-256 of everything a receiver acts on in one change.

    ``part`` (whose record the row is, see store.partitions) is covered when the change names it,
    so a change copied into another person's partition is recognised at once; changes logged
    before scoped sync name none and keep the digest they were signed with.
    """
    body: dict[str, Any] = {"d": device, "s": seq, "t": table, "r": row, "o": op, "c": changes, "b": base or {},
                            "u": user, "k": clock or None}
    if part is not None:
        body["p"] = part
    return hashlib.sha256(_dumps(body)).digest()


def group_message(device: str, first: int, last: int, author: str, kid: str, digests: Sequence[bytes]) -> bytes:
    return b"kinerja-changes-v1\n" + _dumps({"d": device, "f": first, "l": last, "u": author, "k": kid}) + \
        b"\n" + b"".join(digests)


def sign_group(signer: Signer, device: str, first: int, last: int, digests: Sequence[bytes]) -> dict[str, Any]:
    """The signature record stored on the last entry of a group."""
    msg = group_message(device, first, last, signer.author, signer.kid, digests)
    return {"k": signer.kid, "n": last - first + 1, "s": signer.sign(msg)}


def verify_group(public: str, device: str, first: int, last: int, author: str, kid: str,
                 digests: Iterable[bytes], signature: str) -> bool:
    try:
        sig = base64.b64decode(signature, validate=True)
        load_public(public).verify(sig, group_message(device, first, last, author, kid, list(digests)))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def sign_document(signer: Signer, body: Mapping[str, Any]) -> str:
    """Signature of a JSON document (the roster) by ``signer``."""
    return signer.sign(b"kinerja-doc-v1\n" + _dumps(body))


def verify_document(public: str, body: Mapping[str, Any], signature: str) -> bool:
    try:
        load_public(public).verify(base64.b64decode(signature, validate=True), b"kinerja-doc-v1\n" + _dumps(body))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
