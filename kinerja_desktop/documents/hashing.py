"""Content hash of a sheet, document ids and the QR payload printed on every page.

The QR code holds ``KINERJA:<doc id>:<SHA-256 of the sheet's canonical JSON>`` in upper case
(so QR alphanumeric mode applies and the code stays small). ``kinerja verify --qr`` parses it
with :func:`parse_qr_payload`, rebuilds the sheet from the database and compares hashes.

Canonical JSON: dataclass fields (except those marked ``hash: False``) as objects with sorted
keys, enums as their codes, periods as their codes, dates as ISO strings, mappings with string
keys, no insignificant whitespace, UTF-8.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import Period

__all__ = [
    "DocRef",
    "QrPayload",
    "canonical_json",
    "data_sha256",
    "blank_doc_id",
    "make_doc_id",
    "parse_blank_subject",
    "parse_doc_id",
    "parse_qr_payload",
    "payload_for",
]

QR_PREFIX = "KINERJA"
DOC_KINDS = {
    "skp": "SKP",
    "evaluasi": "EVK",
    "dokumen-evaluasi": "DEK",
    "penetapan": "PPK",
    "blank": "FORM",
}
_KIND_BY_CODE = {code: kind for kind, code in DOC_KINDS.items()}
_SAFE = re.compile(r"[^A-Z0-9.+/$%*]+")


_SCALARS = frozenset({str, int, float, bool, type(None)})
_HASHED_FIELDS: dict[type, tuple[str, ...]] = {}
_UNLESS_NONE: dict[type, frozenset[str]] = {}


def _hashed_fields(cls: type) -> tuple[str, ...]:
    names = _HASHED_FIELDS.get(cls)
    if names is None:
        fields = dataclasses.fields(cls)
        names = _HASHED_FIELDS[cls] = tuple(f.name for f in fields if f.metadata.get("hash", True))
        _UNLESS_NONE[cls] = frozenset(f.name for f in fields if f.metadata.get("hash") == "unless_none")
    return names


def _hashed_items(value: Any, kind: type) -> dict[str, Any]:
    """A dataclass's hashed fields; one marked ``hash: "unless_none"`` only when set (fields added
    later that way leave the hash of every sheet without them, and so their printed QR, unchanged)."""
    names = _hashed_fields(kind)
    skip = _UNLESS_NONE[kind]
    return {n: _plain(getattr(value, n)) for n in names if not (n in skip and getattr(value, n) is None)}


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:  # exact types: enums built on str or int are handled below
        return value
    if kind in _HASHED_FIELDS or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        return _hashed_items(value, kind)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Period):
        return value.code
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(_plain(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot hash {type(value).__name__}")


def canonical_json(sheet: Any) -> bytes:
    """The canonical JSON bytes of a sheet (see module doc), with the sheet kind included."""
    body = {"kind": getattr(sheet, "KIND", ""), "data": _plain(sheet)}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def data_sha256(sheet: Any) -> str:
    """Lower-case hex SHA-256 of :func:`canonical_json`."""
    return hashlib.sha256(canonical_json(sheet)).hexdigest()


@dataclass(frozen=True, slots=True)
class DocRef:
    """What a document id names: kind (``'skp'`` ...), year, period code and subject (NIP, unit code...)."""

    kind: str
    year: int
    period: str
    subject: str


def _token(text: str) -> str:
    return _SAFE.sub("-", str(text).strip().upper()).strip("-") or "X"


def make_doc_id(kind: str, year: int | None, period: str | Period | None, subject: str) -> str:
    """``'EVK-2024-TW1-196608011988031001'``: readable, QR-alphanumeric, one per sheet and subject."""
    try:
        code = DOC_KINDS[kind]
    except KeyError:
        raise ValidationError(f"Jenis dokumen '{kind}' tidak dikenal", code="document.kind") from None
    period_code = str(period) if period is not None else "TAHUNAN"
    return f"{code}-{int(year) if year else 0}-{_token(period_code)}-{_token(subject)}"


def parse_doc_id(doc_id: str) -> DocRef:
    """Inverse of :func:`make_doc_id` and :func:`blank_doc_id` (a blank form without a year has year 0)."""
    parts = doc_id.strip().upper().split("-", 3)
    year_ok = len(parts) == 4 and (parts[1].isdigit() or (parts[0] == "FORM" and parts[1] == NO_YEAR))
    if not year_ok or parts[0] not in _KIND_BY_CODE:
        raise ValidationError(f"Nomor dokumen '{doc_id}' tidak dikenali", code="document.id")
    return DocRef(_KIND_BY_CODE[parts[0]], int(parts[1]) if parts[1].isdigit() else 0, parts[2], parts[3])


# A blank form printed without a year or period has these in its number (the form prints dotted lines there).
NO_YEAR = "XXXX"
NO_PERIOD = "XX"
BLANK_NOBODY = "KOSONG"


def blank_doc_id(
    form: str, variant: str, pendekatan: str, year: int | None, period: str | Period | None, subject: str | None
) -> str:
    """``'FORM-2026-TAHUNAN-SKP-JA-JF-KUALITATIF-KOSONG'``: one number per form, variant, approach, year,
    period and person (``subject``: NIP or employee id; None for a fully blank form)."""
    year_token = str(int(year)) if year else NO_YEAR
    period_token = _token(str(period)) if period is not None else "TAHUNAN" if form == "SKP" else NO_PERIOD
    who = _token(subject) if subject else BLANK_NOBODY
    what = "-".join(_token(t) for t in (form, variant, pendekatan))
    return f"{DOC_KINDS['blank']}-{year_token}-{period_token}-{what}-{who}"


def parse_blank_subject(
    subject: str, forms: Iterable[str], variants: Iterable[str], approaches: Iterable[str]
) -> tuple[str, str, str, str | None] | None:
    """(form, variant, pendekatan, person or None) from the subject part of a blank form's number, or None."""
    rest = subject.upper()
    found: list[str] = []
    for choices in (forms, variants, approaches):
        hit = next((c for c in sorted(choices, key=len, reverse=True) if rest.startswith(_token(c) + "-")), None)
        if hit is None:
            return None
        found.append(hit)
        rest = rest[len(_token(hit)) + 1:]
    if not rest:
        return None
    return found[0], found[1], found[2], None if rest == BLANK_NOBODY else rest


@dataclass(frozen=True, slots=True)
class QrPayload:
    doc_id: str
    data_sha256: str  # lower-case hex


def payload_for(doc_id: str, data_sha: str) -> str:
    """The text encoded in the QR code of every page."""
    if not re.fullmatch(r"[0-9a-fA-F]{64}", data_sha):
        raise ValueError("data_sha must be 64 hex digits")
    if ":" in doc_id:
        raise ValueError("doc_id must not contain ':'")
    return f"{QR_PREFIX}:{doc_id.upper()}:{data_sha.upper()}"


def parse_qr_payload(text: str) -> QrPayload:
    """Parse a scanned QR text; raises ValidationError with an Indonesian message when it is not ours."""
    parts = text.strip().split(":")
    if len(parts) != 3 or parts[0].upper() != QR_PREFIX:
        raise ValidationError(
            "Kode QR ini bukan kode dokumen Kinerja Desktop (harus berbentuk KINERJA:<nomor dokumen>:<SHA-256>).",
            code="qr.format",
        )
    doc_id, sha = parts[1].strip().upper(), parts[2].strip().lower()
    if not doc_id or not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise ValidationError("Kode QR rusak: nomor dokumen atau SHA-256 tidak lengkap.", code="qr.format")
    return QrPayload(doc_id, sha)
