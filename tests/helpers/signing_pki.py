"""Shared PKI and sheet helpers for the signing/verification tests (keys made once per process)."""

from __future__ import annotations

import atexit
import datetime as dt
import io
import json
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kinerja_desktop.documents.certs import OfficeCA, TrustStore
from kinerja_desktop.documents.signing import SigningIdentity

PEGAWAI = ("Siti Nurhaliza Ŝ. Pratiwi", "199105252023211031")
PENILAI = ("Dr. Ir. Bambang Suryadi, M.Si.", "196608011988031001")
CA_PASS = "rahasia-ca-kantor"
P12_PASS = "rahasia-pegawai"
INSTANSI = "Badan Kepegawaian Daerah Kabupaten Contoh"


@dataclass(frozen=True)
class Pki:
    root: Path
    ca: OfficeCA
    trust: TrustStore
    pegawai_p12: bytes
    penilai_p12: bytes
    rogue_p12: bytes
    expired_p12: bytes
    pegawai: SigningIdentity
    penilai: SigningIdentity
    rogue: SigningIdentity
    expired: SigningIdentity

    def roots(self):
        return self.trust.certificates()


@lru_cache(maxsize=1)
def pki() -> Pki:
    root = Path(tempfile.mkdtemp(prefix="kinerja-pki-"))
    atexit.register(shutil.rmtree, root, True)
    trust = TrustStore(root / "trust")
    ca = OfficeCA(root / "ca")
    ca.init(INSTANSI, CA_PASS, key_type="ec-p256", trust_store=trust)
    peg = ca.issue(CA_PASS, name=PEGAWAI[0], nip=PEGAWAI[1], p12_passphrase=P12_PASS, key_type="ec-p256")
    pen = ca.issue(CA_PASS, name=PENILAI[0], nip=PENILAI[1], p12_passphrase=P12_PASS, key_type="ec-p256")
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    exp = ca.issue(
        CA_PASS, name=PEGAWAI[0], nip=PEGAWAI[1], p12_passphrase=P12_PASS, key_type="ec-p256",
        not_before=past, valid_days=30,
    )
    rogue_ca = OfficeCA(root / "rogue-ca")
    rogue_ca.init("Instansi Palsu", CA_PASS, key_type="ec-p256")
    rogue = rogue_ca.issue(CA_PASS, name=PEGAWAI[0], nip=PEGAWAI[1], p12_passphrase=P12_PASS, key_type="ec-p256")
    return Pki(
        root=root, ca=ca, trust=trust, pegawai_p12=peg, penilai_p12=pen, rogue_p12=rogue, expired_p12=exp,
        pegawai=SigningIdentity.from_pkcs12(peg, P12_PASS),
        penilai=SigningIdentity.from_pkcs12(pen, P12_PASS),
        rogue=SigningIdentity.from_pkcs12(rogue, P12_PASS),
        expired=SigningIdentity.from_pkcs12(exp, P12_PASS),
    )


def signature_fields(pegawai=PEGAWAI, penilai=PENILAI) -> list[dict]:
    return [
        {"role": role, "page": 0, "box": box, "signer_name": who[0], "signer_nip": who[1]}
        for role, box, who in (("pegawai", [60, 100, 260, 170], pegawai), ("penilai", [330, 100, 530, 170], penilai))
    ]


@lru_cache(maxsize=16)
def sheet_pdf(
    doc_id: str = "doc-uji-1",
    with_fields: bool = True,
    pegawai: tuple[str, str] = PEGAWAI,
    penilai: tuple[str, str] = PENILAI,
) -> bytes:
    """A small one-page sheet like the app's, carrying /KinerjaSignatureFields in its info."""
    from pypdf import PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=True)
    c.drawString(72, 800, "EVALUASI KINERJA PEGAWAI")
    c.drawString(72, 780, "PERIODE: TRIWULAN I")
    c.rect(60, 100, 200, 70)
    c.rect(330, 100, 200, 70)
    c.showPage()
    c.save()
    writer = PdfWriter(clone_from=io.BytesIO(buf.getvalue()))
    meta = {"/KinerjaDocId": doc_id}
    if with_fields:
        meta["/KinerjaSignatureFields"] = json.dumps(signature_fields(pegawai, penilai), separators=(",", ":"))
    writer.add_metadata(meta)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def identity_for(name: str, nip: str) -> SigningIdentity:
    """A person's identity issued by the shared test office CA."""
    p12 = pki().ca.issue(CA_PASS, name=name, nip=nip, p12_passphrase=P12_PASS, key_type="ec-p256")
    return SigningIdentity.from_pkcs12(p12, P12_PASS)


@lru_cache(maxsize=4)
def real_sheet(kind: str = "evaluasi"):  # type: ignore[no-untyped-def]
    """A sheet rendered by the documents layer from the layout samples (RenderedDocument)."""
    from kinerja_desktop.documents.render import render
    from tests.unit.documents import samples

    build = {"evaluasi": samples.evaluasi, "skp": samples.skp, "dokumen-evaluasi": samples.dokumen}[kind]
    return render(build())


@lru_cache(maxsize=2)
def sample_identities() -> tuple[SigningIdentity, SigningIdentity]:
    """Pegawai and penilai of the layout samples, issued by the shared test CA."""
    from tests.unit.documents import samples

    return (identity_for(samples.PEGAWAI.nama, samples.PEGAWAI.nip),
            identity_for(samples.PENILAI.nama, samples.PENILAI.nip))


def trust_test_ca() -> None:
    """Add the shared test CA to this test's trust store (``<KINERJA_DATA_DIR>/pki/trust``): signing
    through the app's routes refuses certificates from CAs this PC does not trust."""
    from kinerja_desktop.documents.certs import default_pki

    default_pki().trust.add(pki().ca.certificate())


def name_and_nip(db, employee_id: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(name, NIP) of an employee, to issue their certificate with :func:`identity_for`."""
    from kinerja_desktop.store.models import Employee

    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip
