"""A stand-in for an instansi's BSrE esign-client server (API v2) on 127.0.0.1.

It checks the client's Basic credentials and the NIK + passphrase/TOTP, then really signs
the PDF with pyHanko as an incremental update (a test "BSrE" CA), like the real server.
"""

from __future__ import annotations

import base64
import io
import json
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PIL import Image
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigFieldSpec
from pyhanko.stamp import StaticStampStyle

from kinerja_desktop.documents.certs import OfficeCA, TrustStore
from kinerja_desktop.documents.signing import SigningIdentity

CLIENT_USER, CLIENT_PASSWORD = "esign", "rahasia-klien"
NIK, PASSPHRASE, TOTP = "3201012505910001", "passphrase-benar", "123456"


class TteStandIn:
    """``with TteStandIn() as server:`` -> ``server.url``, ``server.trust`` (the test BSrE root)."""

    def __init__(self, *, rewrite: bool = False) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="bsre-standin-")
        root = Path(self._tmp.name)
        self.trust = TrustStore(root / "trust")
        ca = OfficeCA(root / "ca")
        ca.init("Balai Besar Sertifikasi Elektronik Uji", "rahasia-bsre", key_type="ec-p256", trust_store=self.trust)
        p12 = ca.issue("rahasia-bsre", name="Pejabat Uji BSrE", nip="3201012505910001",
                       p12_passphrase="rahasia-bsre", key_type="ec-p256")
        identity = SigningIdentity.from_pkcs12(p12, "rahasia-bsre")
        self.requests: list[dict] = []
        self.rewrite = rewrite
        outer = self
        expected_auth = "Basic " + base64.b64encode(f"{CLIENT_USER}:{CLIENT_PASSWORD}".encode()).decode()

        class Handler(BaseHTTPRequestHandler):
            def _send(self, status: int, body: dict) -> None:
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_POST(self) -> None:  # noqa: N802
                if self.path != "/api/v2/sign/pdf":
                    return self._send(404, {"error": "not found"})
                if self.headers.get("Authorization") != expected_auth:
                    return self._send(401, {"error": "unauthorized"})
                payload = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
                outer.requests.append(payload)
                if payload.get("nik") != NIK:
                    return self._send(400, {"error": "NIK tidak terdaftar", "status_code": 2021})
                if payload.get("passphrase") != PASSPHRASE and payload.get("totp") != TOTP:
                    return self._send(400, {"error": "Passphrase anda salah", "status_code": 2031})
                props, files = payload.get("signatureProperties"), payload.get("file")
                if not isinstance(props, list) or not isinstance(files, list) or len(props) != len(files):
                    return self._send(400, {"error": "signatureProperties dan file tidak sesuai"})
                signed = [base64.b64encode(outer._sign(base64.b64decode(f), i, props[i])).decode()
                          for i, f in enumerate(files)]
                self._send(200, {"file": signed, "time": "2026-11-23T08:00:00+07:00"})

            def log_message(self, *args: object) -> None:
                pass

        self._identity = identity
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def _sign(self, pdf: bytes, index: int, props: dict | None = None) -> bytes:
        if self.rewrite:
            from pypdf import PdfWriter

            out = io.BytesIO()
            PdfWriter(clone_from=io.BytesIO(pdf)).write(out)
            return out.getvalue()
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        name = f"BSrE_{len(self.requests)}_{index}"
        meta = signers.PdfSignatureMetadata(field_name=name, md_algorithm="sha256")
        if (props or {}).get("tampilan") != "VISIBLE":
            return signers.sign_pdf(writer, meta, signer=self._identity.signer).getvalue()
        # Like the real server: the image drawn at originX/originY (points, page 1-based).
        x, y, w, h = (float(props[k]) for k in ("originX", "originY", "width", "height"))
        image = PdfImage(Image.open(io.BytesIO(base64.b64decode(props["imageBase64"]))))
        spec = SigFieldSpec(name, on_page=int(props["page"]) - 1, box=(round(x), round(y), round(x + w), round(y + h)))
        pdf_signer = signers.PdfSigner(meta, self._identity.signer, new_field_spec=spec,
                                       stamp_style=StaticStampStyle(background=image, border_width=0))
        return pdf_signer.sign_pdf(writer).getvalue()

    def __enter__(self) -> TteStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join()
        self._tmp.cleanup()
