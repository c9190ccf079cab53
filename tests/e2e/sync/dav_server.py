"""A real WebDAV server for tests: WsgiDAV on cheroot, 127.0.0.1, Basic auth, a folder as root.

``requests`` records every finished request as (method, path, status, bytes received), so
tests can check what reached the server (e.g. that no chunk was stored twice).
"""

from __future__ import annotations

import logging
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def self_signed(folder: Path) -> tuple[str, str]:
    """A certificate for 127.0.0.1 (cert file, key file), valid for a day."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_file), str(key_file)


def _flat_listing(root: Path) -> Any:
    """WsgiDAV's own filesystem provider whose listings below the second level leave out folders."""
    import os

    from wsgidav.fs_dav_provider import FilesystemProvider, FolderResource

    class FlatFolder(FolderResource):
        def get_member_names(self) -> list[str]:
            names = super().get_member_names()
            if self.path.strip("/").count("/") < 1:  # "/" and "/kinerja" list everything
                return names
            return [n for n in names if not os.path.isdir(os.path.join(self._file_path, n))]

    class FlatListing(FilesystemProvider):
        def get_resource_inst(self, path: str, environ: dict[str, Any]) -> Any:
            res = super().get_resource_inst(path, environ)
            return FlatFolder(path, environ, res._file_path) if isinstance(res, FolderResource) else res

    return FlatListing(str(root), fs_opts={})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class DavServer:
    root: Path
    user: str = "kantor"
    password: str = "rahasia-123"
    port: int = 0
    #: (certificate file, key file) to serve HTTPS.
    tls: tuple[str, str] | None = None
    #: A broken store: folders two levels down or deeper list their files but not their sub-folders
    #: (like the fake S3 server of issue 19, whose listings left out nested folders).
    hide_nested_folders: bool = False
    requests: list[tuple[str, str, int, int]] = field(default_factory=list)
    _server: Any = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        scheme = "webdavs" if self.tls else "webdav"
        return f"{scheme}://{self.user}@127.0.0.1:{self.port}/kinerja"

    def start(self) -> DavServer:
        from cheroot import wsgi
        from wsgidav.wsgidav_app import WsgiDAVApp

        logging.getLogger("wsgidav").setLevel(logging.ERROR)
        (self.root / "kinerja").mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        config = {
            "host": "127.0.0.1",
            "port": self.port,
            "provider_mapping": {"/": _flat_listing(self.root) if self.hide_nested_folders else str(self.root)},
            "simple_dc": {"user_mapping": {"*": {self.user: {"password": self.password}}}},
            "http_authenticator": {"accept_basic": True, "accept_digest": False, "default_to_digest": False},
            "verbose": 0,
            "logging": {"enable": False, "enable_loggers": []},
            "property_manager": True,
            "lock_storage": True,
        }
        app = WsgiDAVApp(config)
        records = self.requests

        def recording(environ: dict[str, Any], start_response: Any) -> Any:
            status_box: list[int] = []

            def sr(status: str, headers: Any, exc_info: Any = None) -> Any:
                status_box.append(int(status.split(maxsplit=1)[0]))
                return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

            result = app(environ, sr)
            try:
                yield from result
            finally:
                if hasattr(result, "close"):
                    result.close()
                length = int(environ.get("CONTENT_LENGTH") or 0)
                records.append((environ["REQUEST_METHOD"], environ.get("PATH_INFO", ""),
                                status_box[0] if status_box else 0, length))

        self._server = wsgi.Server(("127.0.0.1", self.port), recording, numthreads=8, timeout=5)
        if self.tls:
            from cheroot.ssl.builtin import BuiltinSSLAdapter

            self._server.ssl_adapter = BuiltinSSLAdapter(*self.tls)
        self._server.prepare()
        self._thread = threading.Thread(target=self._server.serve, name="wsgidav", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def puts(self, prefix: str = "") -> dict[str, int]:
        """Completed PUTs per path (status 2xx)."""
        out: dict[str, int] = {}
        for method, path, status, _n in self.requests:
            if method == "PUT" and 200 <= status < 300 and path.startswith(prefix):
                out[path] = out.get(path, 0) + 1
        return out
