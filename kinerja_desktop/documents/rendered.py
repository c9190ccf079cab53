"""What a rendered sheet is (the Documents <-> signing contract).

``RenderedDocument.signature_fields`` is also written into the PDF document information
dictionary under ``/KinerjaSignatureFields`` as compact JSON (see :func:`signature_fields_json`),
so ``kinerja sign FILE.pdf --role penilai`` can find where to put a visible signature in any
sheet the app produced. ``/KinerjaDocId`` and ``/KinerjaDataSHA256`` carry the QR content.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "INFO_DATA_SHA256",
    "INFO_DOC_ID",
    "INFO_SIGNATURE_FIELDS",
    "INFO_STATUS",
    "RenderedDocument",
    "SignatureBox",
    "parse_signature_fields",
    "signature_fields_json",
]

INFO_SIGNATURE_FIELDS = "/KinerjaSignatureFields"
INFO_DOC_ID = "/KinerjaDocId"
INFO_DATA_SHA256 = "/KinerjaDataSHA256"
#: ``FINAL`` (may be signed), ``KONSEP`` (record not approved/final yet) or ``BLANKO`` (a form for hand filling).
INFO_STATUS = "/KinerjaStatus"
STATUS_FINAL, STATUS_DRAFT, STATUS_BLANK = "FINAL", "KONSEP", "BLANKO"
SIGNER_ROLES = ("pegawai", "penilai", "atasan", "pimpinan")


@dataclass(frozen=True, slots=True)
class SignatureBox:
    """Where a signer's visible signature goes: ``page`` 0-based, ``box`` (x1, y1, x2, y2) in PDF points."""

    role: str
    page: int
    box: tuple[float, float, float, float]
    signer_name: str = ""
    signer_nip: str = ""
    #: A second block of the same signer (the Lampiran SKP page): it shows a copy of the stamp of the
    #: role's signature, made in the same revision (see stamp_copies.py); it is no signature field.
    copy: bool = False

    @property
    def field_name(self) -> str:
        """PDF field name: ``ttd_pegawai``, ``ttd_penilai``, ... (``salinan_ttd_pegawai_p3`` for a copy)."""
        return f"salinan_ttd_{self.role}_p{self.page + 1}" if self.copy else f"ttd_{self.role}"

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "field": self.field_name,
            "role": self.role,
            "page": self.page,
            "box": [round(v, 2) for v in self.box],
            "signer_name": self.signer_name,
            "signer_nip": self.signer_nip,
        }
        if self.copy:
            data["copy"] = True
        return data


def signature_fields_json(boxes: Sequence[SignatureBox]) -> str:
    """Compact JSON list for the ``/KinerjaSignatureFields`` info entry."""
    return json.dumps([b.to_json() for b in boxes], separators=(",", ":"), ensure_ascii=False)


def parse_signature_fields(text: str) -> list[SignatureBox]:
    """Inverse of :func:`signature_fields_json`."""
    items = json.loads(text)
    return [
        SignatureBox(
            role=str(item["role"]),
            page=int(item["page"]),
            box=tuple(float(v) for v in item["box"]),  # type: ignore[arg-type]
            signer_name=str(item.get("signer_name", "")),
            signer_nip=str(item.get("signer_nip", "")),
            copy=bool(item.get("copy", False)),
        )
        for item in items
    ]


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """One sheet as PDF bytes plus what signing and verification need to know about it."""

    pdf: bytes
    doc_id: str
    kind: str
    data_sha256: str
    signature_fields: list[SignatureBox] = field(default_factory=list)
    page_count: int = 0
    title: str = ""
    warnings: tuple[str, ...] = ()
    draft: bool = False  # printed with the KONSEP mark; not signable

    def signature_box(self, role: str) -> SignatureBox | None:
        """The box for ``role`` (``'pegawai'``, ``'penilai'``, ...), if the sheet has one."""
        return next((b for b in self.signature_fields if b.role == role and not b.copy), None)
