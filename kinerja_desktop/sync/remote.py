"""Shared stores reached through fsspec: a folder, WebDAV, SFTP, S3-compatible storage.

A store URL names the place; credentials never appear in it once configured: they go to the
system keyring (:mod:`keyring`) under the service ``kinerja-desktop-sync``.

=============================  ===============================================================
``D:\\Kinerja`` / ``/mnt/usb``  a folder (USB stick, mapped network drive); also ``file://...``
``webdav://user@host/path``    WebDAV over HTTP (Nextcloud, ownCloud, WsgiDAV, any server)
``webdavs://user@host/path``   WebDAV over HTTPS; certificates are always verified
``sftp://user@host/path``      SFTP (optional extra ``kinerja-desktop[sftp]``): password, or
                               ``?key=/path/to/private-key``, or (neither) the PC's ssh keys/agent
``s3://bucket/prefix``         S3-compatible storage (optional extra ``kinerja-desktop[s3]``);
                               ``?endpoint=https://...`` for non-AWS services
=============================  ===============================================================

Every store offers the same small interface (:class:`Remote`): list a folder, read a file,
write a file, ask a file's size. The sync protocol builds everything else on top.
"""

from __future__ import annotations

import errno
import logging
import os
import posixpath
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol
from urllib.parse import parse_qs, quote, unquote, urlsplit

from kinerja_desktop.domain.errors import KinerjaError, ValidationError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "kinerja-desktop-sync"


class RemoteUnavailable(KinerjaError):
    """The store cannot be reached right now (network down, server error): try again later."""


class RemoteAuthError(KinerjaError):
    """The store refused the credentials."""


class RemoteTLSError(KinerjaError):
    """The server's certificate could not be verified (never accepted anyway)."""


class RemoteNotMounted(KinerjaError):
    """The store's folder does not exist (USB stick not plugged in, network drive not mapped)."""


class RemoteFull(KinerjaError):
    """The store has no room left."""


class RemoteError(KinerjaError):
    """The store answered with an error nobody foresaw (not retried)."""


# ------------------------------------------------------------------------------------------ URLs


@dataclass(frozen=True)
class RemoteSpec:
    """A parsed store location. ``display`` never contains a password."""

    scheme: str  # folder | webdav | webdavs | sftp | s3
    path: str
    host: str = ""
    port: int | None = None
    user: str = ""
    options: tuple[tuple[str, str], ...] = ()

    @property
    def display(self) -> str:
        if self.scheme == "folder":
            return self.path
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        port = f":{self.port}" if self.port else ""
        query = "&".join(f"{k}={v}" for k, v in self.options)
        return f"{self.scheme}://{user}{self.host}{port}{self.path}" + (f"?{query}" if query else "")

    @property
    def keyring_key(self) -> str:
        """The keyring user name under which this store's secret is kept."""
        port = f":{self.port}" if self.port else ""
        return f"{self.scheme}://{self.user}@{self.host}{port}"

    def option(self, name: str) -> str | None:
        return dict(self.options).get(name)


def parse_remote(url: str) -> tuple[RemoteSpec, str | None]:
    """Parse a store location; returns the spec and a password if one was written into the URL."""
    text = (url or "").strip()
    if not text:
        raise ValidationError("Lokasi penyimpanan sinkronisasi belum diisi.", field="Lokasi")
    if "://" not in text or len(text.split("://", 1)[0]) == 1:  # plain path (also C:\... on Windows)
        return RemoteSpec("folder", str(Path(text).expanduser())), None
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return RemoteSpec("folder", unquote(parts.path)), None
    if scheme in ("http", "https"):
        scheme = "webdavs" if scheme == "https" else "webdav"
    if scheme == "dav":
        scheme = "webdav"
    if scheme == "davs":
        scheme = "webdavs"
    if scheme not in ("webdav", "webdavs", "sftp", "s3"):
        raise ValidationError(
            f"Jenis penyimpanan “{parts.scheme}” tidak dikenal. Gunakan folder, webdav://, webdavs://, sftp:// "
            "atau s3://.", field="Lokasi")
    if not parts.hostname:
        raise ValidationError("Alamat server penyimpanan belum diisi.", field="Lokasi")
    options = tuple(sorted((k, v[-1]) for k, v in parse_qs(parts.query).items()))
    path = parts.path.rstrip("/") or ("" if scheme == "s3" else "/")
    try:
        port = parts.port
    except ValueError as exc:
        raise ValidationError("Nomor port pada alamat penyimpanan tidak sah.", field="Lokasi") from exc
    spec = RemoteSpec(scheme, path, parts.hostname, port, unquote(parts.username or ""), options)
    return spec, unquote(parts.password) if parts.password else None


# ------------------------------------------------------------------------------------------ keyring


def store_secret(spec: RemoteSpec, secret: str) -> None:
    """Keep the password (or S3 secret key) of a store in the system keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, spec.keyring_key, secret)
    except KeyringError as exc:
        raise ValidationError(
            "Kata sandi tidak dapat disimpan di keyring sistem; pasang atau buka kunci keyring terlebih dulu."
        ) from exc


def load_secret(spec: RemoteSpec) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, spec.keyring_key)
    except KeyringError:
        log.warning("keyring unavailable; no stored secret for %s", spec.display)
        return None


def forget_secret(spec: RemoteSpec) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, spec.keyring_key)
    except (PasswordDeleteError, KeyringError):
        pass


# ------------------------------------------------------------------------------------------ remotes


class Remote(Protocol):
    """The few operations sync needs from a store. Paths are relative, with ``/``."""

    display: str

    def list(self, path: str) -> dict[str, int | None]:
        """Files directly in ``path`` as {name: size}; an empty dict when the folder is missing."""

    def list_dirs(self, path: str) -> list[str]:
        """Sub-folder names directly in ``path``; empty when missing."""

    def read(self, path: str) -> bytes:
        """The whole file; FileNotFoundError when missing."""

    def read_into(self, path: str, sink: BinaryIO, offset: int) -> None:
        """Append the file's bytes from ``offset`` on to ``sink`` as they arrive (a cut keeps what came).

        ``sink`` is open for appending and already holds ``offset`` bytes of the file. A store that
        cannot start in the middle (an HTTP server without range requests) empties ``sink`` first and
        sends the whole file. FileNotFoundError when missing.
        """

    def write(self, path: str, data: bytes) -> None:
        """Create the file (parents as needed). Callers only write names not yet complete."""

    def size(self, path: str) -> int | None:
        """The file's size, or None when it does not exist."""

    def read_if_changed(self, path: str, etag: str | None) -> tuple[str | None, bytes | None]:
        """(validator, content) of a small file, unless it still has the validator ``etag``: then
        (``etag``, None). The validator is None where the store has none it can be trusted with (the
        caller then compares contents). FileNotFoundError when missing. See :mod:`sync.heads`."""

    def close(self) -> None: ...


def _is_transient(exc: BaseException) -> bool:
    try:
        import httpx
    except ImportError:  # pragma: no cover
        httpx = None  # type: ignore[assignment]
    if httpx is not None and isinstance(exc, httpx.TransportError):
        return True
    name = type(exc).__name__
    if name in ("BadGatewayError", "ResourceLocked", "ServiceUnavailable"):
        return True
    status = getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)
    if isinstance(status, int) and (status >= 500 or status in (408, 429)):
        return True
    if isinstance(exc, ConnectionError | TimeoutError):
        return True
    return isinstance(exc, OSError) and exc.errno in (
        errno.ECONNRESET, errno.ECONNREFUSED, errno.ETIMEDOUT, errno.EPIPE, errno.ENETUNREACH, errno.EHOSTUNREACH,
        errno.ECONNABORTED,
    )


#: Libraries whose errors are store errors (anything else raised inside a store call is a bug here).
_STORE_LIBRARIES = {"paramiko", "botocore", "boto3", "s3transfer", "httpx", "httpcore", "webdav4", "fsspec"}


def _error_code(exc: BaseException) -> str:
    """The S3 error code of a botocore ClientError ('' for anything else)."""
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return str((response.get("Error") or {}).get("Code") or "")
    return ""


def store_error(exc: BaseException, display: str) -> KinerjaError | None:
    """One Indonesian sentence (with what to do) for an error a store library raised; None: not a store error."""
    import socket
    import ssl

    name = type(exc).__name__
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(cause):
            return RemoteTLSError(
                f"Sertifikat server {display} tidak dapat diverifikasi; koneksi ditolak. Jika kantor memakai "
                "sertifikat sendiri, minta berkas CA-nya dan setel KINERJA_CA_BUNDLE.", code="sync.tls")
        cause = cause.__cause__ or cause.__context__
    # SSH / SFTP (paramiko)
    if name == "BadAuthenticationType":
        allowed = ", ".join(getattr(exc, "allowed_types", []) or []) or "kunci SSH"
        return RemoteAuthError(
            f"Server SFTP {display} tidak menerima login dengan kata sandi (hanya: {allowed}). Tambahkan "
            "?key=/lokasi/kunci-ssh pada alamat penyimpanan, atau minta pengelola server mengizinkan kata sandi.",
            code="sync.auth_method")
    if name in ("AuthenticationException", "PasswordRequiredException") or (
            name == "SSHException" and "Authentication" in str(exc)):
        return RemoteAuthError(
            f"Server SFTP {display} menolak nama pengguna, kata sandi atau kunci SSH. Periksa lalu coba lagi.",
            code="sync.auth")
    if name == "NoValidConnectionsError" or isinstance(exc, ConnectionRefusedError):
        return RemoteUnavailable(
            f"Server penyimpanan {display} tidak menjawab (mati, alamat atau port salah, atau jaringan terputus). "
            "Periksa alamatnya; sinkronisasi dicoba lagi otomatis.", code="sync.unavailable")
    if isinstance(exc, socket.gaierror) or name == "ConnectError" and "Name or service" in str(exc):
        return RemoteUnavailable(
            f"Nama server penyimpanan {display} tidak dikenal. Periksa alamatnya dan sambungan internet.",
            code="sync.unavailable")
    # S3 (botocore)
    code = _error_code(exc)
    if code == "NoSuchBucket":
        return RemoteNotMounted(
            f"Bucket penyimpanan {display} tidak ada. Periksa nama bucket pada alamat atau minta pengelola "
            "penyimpanan membuatnya.", code="sync.not_mounted")
    if code in ("InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken", "ExpiredToken") or \
            name in ("NoCredentialsError", "PartialCredentialsError"):
        return RemoteAuthError(
            f"Penyimpanan {display} menolak kunci akses atau kunci rahasia S3. Periksa keduanya lalu coba lagi.",
            code="sync.auth")
    if name in ("EndpointConnectionError", "ConnectTimeoutError", "ReadTimeoutError", "ConnectionClosedError"):
        return RemoteUnavailable(
            f"Penyimpanan {display} tidak dapat dihubungi ({name}); sinkronisasi dicoba lagi otomatis.",
            code="sync.unavailable")
    # HTTP (WebDAV) and status codes of any library
    status = getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)
    if status in (401, 403) or name in ("Unauthorized", "Forbidden"):
        return RemoteAuthError(f"Penyimpanan {display} menolak nama pengguna atau kata sandi. Periksa lalu coba lagi.",
                               code="sync.auth")
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or status == 507 or code == "EntityTooLarge":
        return RemoteFull(f"Penyimpanan {display} penuh. Minta pengelola penyimpanan menambah ruang; yang sudah "
                          "terkirim tetap tersimpan.", code="sync.full")
    if _is_transient(exc) or name in ("SSHException", "ProxyCommandFailure", "ChannelException") or isinstance(
            exc, EOFError):
        return RemoteUnavailable(
            f"Penyimpanan {display} tidak dapat dihubungi ({name}); sinkronisasi dicoba lagi otomatis.",
            code="sync.unavailable")
    if isinstance(exc, PermissionError):
        return RemoteAuthError(
            f"Akun ini tidak boleh menulis atau membaca di penyimpanan {display}. Minta pengelola penyimpanan "
            "memberi izin pada foldernya.", code="sync.permission")
    if type(exc).__module__.split(".")[0] in _STORE_LIBRARIES or isinstance(exc, OSError):
        return RemoteError(f"Penyimpanan {display} memberi galat yang tidak terduga ({name}: {exc}). Coba lagi "
                           "nanti; jika berulang, beri tahu admin.", code="sync.store_error")
    return None


@contextmanager
def _translated(display: str) -> Iterator[None]:
    """Turn library errors into one Indonesian sentence (FileNotFoundError passes)."""
    try:
        yield
    except (FileNotFoundError, KinerjaError):
        raise
    except Exception as exc:
        translated = store_error(exc, display)
        if translated is None:
            raise
        log.info("store error on %s: %r", display, exc)
        raise translated from exc


#: Bytes copied per step when a file is streamed into a sink.
_COPY_BLOCK = 64 * 1024


def _copy_from(fh: Any, sink: BinaryIO, offset: int) -> None:
    """Copy an open file from ``offset`` on into ``sink``, block by block."""
    if offset:
        fh.seek(offset)
    while True:
        block = fh.read(_COPY_BLOCK)
        if not block:
            return
        sink.write(block)


class FolderRemote:
    """A folder on this computer, a USB stick or a mapped network drive."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        import fsspec

        self.root = Path(root)
        self.display = str(self.root)
        self.fs = fsspec.filesystem("file")

    def _p(self, path: str) -> Path:
        return self.root.joinpath(*[p for p in path.split("/") if p])

    def list(self, path: str) -> dict[str, int | None]:
        target = self._p(path)
        if not target.is_dir():
            return {}
        out: dict[str, int | None] = {}
        for entry in os.scandir(target):
            if entry.is_file():
                out[entry.name] = entry.stat().st_size
        return out

    def list_dirs(self, path: str) -> list[str]:
        target = self._p(path)
        if not target.is_dir():
            return []
        return [e.name for e in os.scandir(target) if e.is_dir()]

    def read(self, path: str) -> bytes:
        with _translated(self.display):
            return self._p(path).read_bytes()

    def read_into(self, path: str, sink: BinaryIO, offset: int) -> None:
        with _translated(self.display), open(self._p(path), "rb") as fh:
            _copy_from(fh, sink, offset)

    def write(self, path: str, data: bytes) -> None:
        target = self._p(path)
        with _translated(self.display):
            if not self.root.is_dir():
                raise RemoteNotMounted(
                    f"Folder penyimpanan {self.display} tidak ditemukan (USB belum terpasang atau drive jaringan "
                    "belum tersambung?).", code="sync.not_mounted")
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)

    def size(self, path: str) -> int | None:
        target = self._p(path)
        return target.stat().st_size if target.is_file() else None

    def read_if_changed(self, path: str, etag: str | None) -> tuple[str | None, bytes | None]:
        return None, self.read(path)  # on this computer: the content is as cheap as any validator

    def close(self) -> None:
        pass


class FsspecRemote:
    """Any fsspec filesystem (SFTP through sshfs/paramiko, and others) below a root path."""

    def __init__(self, fs: Any, root: str, display: str) -> None:
        self.fs = fs
        self.root = root.rstrip("/")
        self.display = display
        self._dirs: set[str] = set()
        self._lock = threading.Lock()

    def _p(self, path: str) -> str:
        return posixpath.join(self.root, path.strip("/")) if path.strip("/") else self.root

    def _entries(self, path: str) -> list[dict[str, Any]]:
        with _translated(self.display):
            try:
                return list(self.fs.ls(self._p(path), detail=True))
            except (FileNotFoundError, NotADirectoryError):
                return []

    def list(self, path: str) -> dict[str, int | None]:
        return {posixpath.basename(e["name"].rstrip("/")): e.get("size") for e in self._entries(path)
                if e.get("type") == "file"}

    def list_dirs(self, path: str) -> list[str]:
        return [posixpath.basename(e["name"].rstrip("/")) for e in self._entries(path) if e.get("type") == "directory"]

    def read(self, path: str) -> bytes:
        with _translated(self.display):
            return bytes(self.fs.cat_file(self._p(path)))

    def read_into(self, path: str, sink: BinaryIO, offset: int) -> None:
        with _translated(self.display), self.fs.open(self._p(path), "rb") as fh:
            _copy_from(fh, sink, offset)

    def _ensure_dir(self, parent: str) -> None:
        if parent in self._dirs or not parent:
            return
        with _translated(self.display):
            self.fs.makedirs(self._p(parent), exist_ok=True)
        with self._lock:
            self._dirs.add(parent)

    def write(self, path: str, data: bytes) -> None:
        self._ensure_dir(posixpath.dirname(path.strip("/")))
        with _translated(self.display):
            self.fs.pipe_file(self._p(path), data)

    def size(self, path: str) -> int | None:
        with _translated(self.display):
            try:
                info = self.fs.info(self._p(path))
            except FileNotFoundError:
                return None
        return int(info["size"]) if info.get("type") == "file" and info.get("size") is not None else None

    def read_if_changed(self, path: str, etag: str | None) -> tuple[str | None, bytes | None]:
        return None, self.read(path)

    def close(self) -> None:
        pass


class WebdavRemote(FsspecRemote):
    """WebDAV through webdav4's fsspec filesystem; uploads go straight to PUT (no extra round trips)."""

    def __init__(self, fs: Any, root: str, display: str) -> None:
        super().__init__(fs, root, display)

    def _ensure_dir(self, parent: str) -> None:
        if not parent or parent in self._dirs:
            return
        from webdav4.client import ResourceAlreadyExists, ResourceConflict

        with _translated(self.display):
            try:
                self.fs.client.mkdir(self._p(parent))
            except ResourceAlreadyExists:
                pass
            except ResourceConflict:  # the parent is missing too
                self._ensure_dir(posixpath.dirname(parent))
                try:
                    self.fs.client.mkdir(self._p(parent))
                except ResourceAlreadyExists:
                    pass
        with self._lock:
            self._dirs.add(parent)

    def read(self, path: str) -> bytes:
        from webdav4.client import ResourceNotFound

        with _translated(self.display):
            try:
                resp = self.fs.client.request("GET", self._p(path))
            except ResourceNotFound as exc:
                raise FileNotFoundError(path) from exc
            resp.raise_for_status()
            return bytes(resp.content)

    def read_into(self, path: str, sink: BinaryIO, offset: int) -> None:
        """GET with ``Range: bytes=<offset>-``; a server that answers 200 (no range support) sends it all."""
        client = self.fs.client
        headers = {"Range": f"bytes={offset}-"} if offset else {}
        with _translated(self.display):
            with client.http.stream("GET", client.join_url(self._p(path)), headers=headers) as resp:
                if resp.status_code == 404:
                    raise FileNotFoundError(path)
                if resp.status_code == 416:  # the partial copy is not shorter than the file: start again
                    sink.truncate(0)
                    resp.close()
                    self.read_into(path, sink, 0)
                    return
                resp.raise_for_status()
                if resp.status_code == 206:
                    start = _range_start(resp.headers.get("content-range", ""))
                    if start != offset:
                        raise RemoteError(f"Penyimpanan {self.display} mengirim bagian berkas yang salah "
                                          f"({resp.headers.get('content-range')!r} untuk byte {offset}).",
                                          code="sync.store_error")
                elif offset:
                    sink.truncate(0)  # the whole file came: what was kept is replaced
                for block in resp.iter_bytes():  # as they arrive: a cut loses nothing buffered
                    sink.write(block)

    def write(self, path: str, data: bytes) -> None:
        import io

        self._ensure_dir(posixpath.dirname(path.strip("/")))
        with _translated(self.display):
            self.fs.client.upload_fileobj(io.BytesIO(data), self._p(path), overwrite=True, size=len(data))

    def read_if_changed(self, path: str, etag: str | None) -> tuple[str | None, bytes | None]:
        """A GET with ``If-None-Match``: an unchanged file costs a 304 answer of a few headers."""
        client = self.fs.client
        headers = {"If-None-Match": etag} if etag else {}
        with _translated(self.display):
            resp = client.http.request("GET", client.join_url(self._p(path)), headers=headers)
            if resp.status_code == 304 and etag:
                return etag, None
            if resp.status_code == 404:
                raise FileNotFoundError(path)
            resp.raise_for_status()
            return _trusted_etag(resp.headers), bytes(resp.content)

    def size(self, path: str) -> int | None:
        from webdav4.client import ResourceNotFound

        with _translated(self.display):
            try:
                info = self.fs.client.info(self._p(path))
            except ResourceNotFound:
                return None
        return int(info["content_length"]) if info.get("type") == "file" else None

    def close(self) -> None:
        try:
            self.fs.client.http.close()
        except Exception:  # pragma: no cover - best effort
            pass


#: A validator younger than this (Date minus Last-Modified) is not kept: servers whose ETag is made of the
#: modification time in whole seconds and the size (WsgiDAV, Apache's default) give two writes of the same
#: size within one second the same ETag.
ETAG_SETTLED_SECONDS = 2.0


def _trusted_etag(headers: Any) -> str | None:
    """The response's strong ETag, when it is old enough to change with any later write (else None)."""
    from email.utils import parsedate_to_datetime

    etag = headers.get("etag")
    if not etag or etag.startswith("W/"):
        return None
    modified, now = headers.get("last-modified"), headers.get("date")
    if modified and now:
        try:
            age = (parsedate_to_datetime(now) - parsedate_to_datetime(modified)).total_seconds()
        except (TypeError, ValueError):
            return None
        if age < ETAG_SETTLED_SECONDS:
            return None
    return str(etag)


def _range_start(content_range: str) -> int | None:
    """The first byte of ``Content-Range: bytes <start>-<end>/<size>`` (None when unreadable)."""
    unit, _, rest = content_range.strip().partition(" ")
    start = rest.partition("-")[0]
    return int(start) if unit == "bytes" and start.isdigit() else None


class S3Remote:
    """S3-compatible object storage through boto3 (optional extra)."""

    def __init__(self, client: Any, bucket: str, prefix: str, display: str) -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.display = display

    def _k(self, path: str) -> str:
        return "/".join(p for p in (self.prefix, path.strip("/")) if p)

    def _listing(self, path: str) -> tuple[dict[str, int | None], list[str]]:
        prefix = self._k(path)
        prefix = prefix + "/" if prefix else ""
        files: dict[str, int | None] = {}
        dirs: list[str] = []
        with _translated(self.display):
            paginator = self.client.get_paginator("list_objects_v2")
            for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix, Delimiter="/"):
                for obj in page.get("Contents", []):
                    files[obj["Key"][len(prefix):]] = int(obj["Size"])
                for cp in page.get("CommonPrefixes", []):
                    dirs.append(cp["Prefix"][len(prefix):].rstrip("/"))
        return files, dirs

    def list(self, path: str) -> dict[str, int | None]:
        return self._listing(path)[0]

    def list_dirs(self, path: str) -> list[str]:
        return self._listing(path)[1]

    def read(self, path: str) -> bytes:
        with _translated(self.display):
            return bytes(self._get(path)["Body"].read())

    def _get(self, path: str, expected: tuple[str, ...] = (), **extra: str) -> Any:
        """``GetObject``; FileNotFoundError when missing; the error's code (a str) when one of ``expected``."""
        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._k(path), **extra)
        except self.client.exceptions.NoSuchKey as exc:
            raise FileNotFoundError(path) from exc
        except Exception as exc:
            if _error_code(exc) in expected:
                return _error_code(exc)
            raise

    def read_into(self, path: str, sink: BinaryIO, offset: int) -> None:
        extra = {"Range": f"bytes={offset}-"} if offset else {}
        with _translated(self.display):
            obj = self._get(path, ("InvalidRange",) if offset else (), **extra)
            if isinstance(obj, str):  # kept more than the object has: start again
                sink.truncate(0)
                self.read_into(path, sink, 0)
                return
            if offset and "ContentRange" not in obj:
                sink.truncate(0)
            for block in obj["Body"].iter_chunks(_COPY_BLOCK):
                sink.write(block)

    def write(self, path: str, data: bytes) -> None:
        with _translated(self.display):
            self.client.put_object(Bucket=self.bucket, Key=self._k(path), Body=data)

    def read_if_changed(self, path: str, etag: str | None) -> tuple[str | None, bytes | None]:
        """``GetObject`` with ``IfNoneMatch`` (an S3 ETag is the content's MD5: it changes with every write)."""
        extra = {"IfNoneMatch": etag} if etag else {}
        with _translated(self.display):
            obj = self._get(path, ("304", "NotModified") if etag else (), **extra)
            if isinstance(obj, str):
                return etag, None
            return obj.get("ETag") or None, bytes(obj["Body"].read())

    def size(self, path: str) -> int | None:
        with _translated(self.display):
            try:
                return int(self.client.head_object(Bucket=self.bucket, Key=self._k(path))["ContentLength"])
            except Exception as exc:
                if getattr(exc, "response", {}).get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                    return None
                raise

    def close(self) -> None:
        pass


class SftpRemote:
    """SFTP through paramiko, one SSH connection per thread.

    A paramiko SFTP channel must not be shared by threads (parallel uploads on one channel mix
    up their requests: hangs, or ``TypeError: an integer is required``), so every thread that
    touches the store gets its own connection, opened on first use and dropped after an error so
    the next attempt reconnects. Every step has a timeout (TCP connect, SSH banner, login, channel
    open and each request), so a dead link ends in :class:`RemoteUnavailable`, never in a hang.
    """

    def __init__(self, spec: RemoteSpec, secret: str | None, timeout: float = 30.0) -> None:
        import paramiko  # noqa: F401  (fails early when the extra is missing)

        self.spec = spec
        self.secret = secret
        self.timeout = timeout
        self.root = spec.path.rstrip("/") or "/"
        self.display = spec.display
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()
        self._dirs: set[str] = set()
        self._policy = _pinned_host_key_policy(spec)

    # -------------------------------------------------------------- connections

    def _connect(self) -> Any:
        import paramiko

        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(self._policy)
        key_file = self.spec.option("key")
        # with a password or a named key, the PC's own ~/.ssh keys and agent are not offered first
        # (servers that limit login attempts drop the connection before the password is tried)
        explicit = self.secret is not None or bool(key_file)
        connect_to = min(self.timeout, 15.0)
        try:
            client.connect(
                self.spec.host, port=self.spec.port or 22, username=self.spec.user or None, password=self.secret,
                key_filename=os.path.expanduser(key_file) if key_file else None,
                look_for_keys=not explicit, allow_agent=not explicit,
                timeout=connect_to, banner_timeout=connect_to, auth_timeout=connect_to,
                channel_timeout=connect_to)
            transport = client.get_transport()
            if transport is not None:
                transport.set_keepalive(15)
            sftp = client.open_sftp()
            sftp.get_channel().settimeout(self.timeout)
        except BaseException:
            client.close()
            raise
        with self._lock:
            self._all.append(client)
        return client, sftp

    def _sftp(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn[1]

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            with self._lock:
                if conn[0] in self._all:
                    self._all.remove(conn[0])
            try:
                conn[0].close()
            except Exception:  # pragma: no cover - best effort
                pass

    @contextmanager
    def _op(self) -> Iterator[Any]:
        """One store operation on this thread's connection, with errors told in Indonesian."""
        try:
            with _translated(self.display):
                yield self._sftp()
        except FileNotFoundError:
            raise
        except BaseException:
            self._drop()
            raise

    def _p(self, path: str) -> str:
        return posixpath.join(self.root, path.strip("/")) if path.strip("/") else self.root

    # -------------------------------------------------------------- Remote

    def _entries(self, path: str) -> list[Any]:
        with self._op() as sftp:
            try:
                return list(sftp.listdir_attr(self._p(path)))
            except FileNotFoundError:
                return []

    def list(self, path: str) -> dict[str, int | None]:
        import stat

        return {a.filename: a.st_size for a in self._entries(path)
                if a.st_mode is not None and stat.S_ISREG(a.st_mode) and not a.filename.startswith(".")}

    def list_dirs(self, path: str) -> list[str]:
        import stat

        return [a.filename for a in self._entries(path) if a.st_mode is not None and stat.S_ISDIR(a.st_mode)]

    def read(self, path: str) -> bytes:
        return self.read_from(path, 0)

    def read_from(self, path: str, offset: int) -> bytes:
        with self._op() as sftp:
            with sftp.open(self._p(path), "rb") as fh:
                size = fh.stat().st_size
                if offset:
                    fh.seek(offset)
                fh.prefetch(max(0, size - offset))
                return bytes(fh.read())

    def read_into(self, path: str, sink: BinaryIO, offset: int) -> None:
        with self._op() as sftp, sftp.open(self._p(path), "rb") as fh:
            _copy_from(fh, sink, offset)

    def _ensure_dir(self, parent: str) -> None:
        if not parent or parent in self._dirs:
            return
        with self._op() as sftp:
            try:
                sftp.stat(self._p(parent))
            except FileNotFoundError:
                self._ensure_dir(posixpath.dirname(parent))
                try:
                    sftp.mkdir(self._p(parent))
                except OSError:
                    sftp.stat(self._p(parent))  # made meanwhile by another writer: fine
        with self._lock:
            self._dirs.add(parent)

    def write(self, path: str, data: bytes) -> None:
        target = self._p(path)
        self._ensure_dir(posixpath.dirname(path.strip("/")))
        tmp = posixpath.join(posixpath.dirname(target), f".{posixpath.basename(target)}.{uuid.uuid4().hex[:8]}.part")
        with self._op() as sftp:
            with sftp.open(tmp, "wb") as fh:
                fh.set_pipelined(True)
                fh.write(data)
            try:
                sftp.posix_rename(tmp, target)
            except OSError:
                # no posix-rename extension: plain rename, which refuses an existing target (then
                # the object is already complete: names fix their content)
                try:
                    sftp.rename(tmp, target)
                except OSError:
                    if sftp.stat(target).st_size != len(data):
                        raise
                    sftp.remove(tmp)

    def read_if_changed(self, path: str, etag: str | None) -> tuple[str | None, bytes | None]:
        return None, self.read(path)  # a stat costs a round trip too, and its time has whole seconds

    def size(self, path: str) -> int | None:
        import stat

        with self._op() as sftp:
            try:
                st = sftp.stat(self._p(path))
            except FileNotFoundError:
                return None
        return st.st_size if st.st_mode is not None and stat.S_ISREG(st.st_mode) else None

    def close(self) -> None:
        with self._lock:
            clients, self._all = self._all, []
        for c in clients:
            try:
                c.close()
            except Exception:  # pragma: no cover - best effort
                pass


def _pinned_host_key_policy(spec: RemoteSpec) -> Any:
    """Trust an SFTP server's key on first use, then refuse any other key for that server.

    Pins live in ``<data dir>/sync-known-hosts.json`` (like ssh's known_hosts), so a server that
    is suddenly replaced (or impersonated) is refused instead of silently accepted.
    """
    import json

    import paramiko

    from kinerja_desktop.store.db import default_data_dir

    path = default_data_dir() / "sync-known-hosts.json"
    host = f"[{spec.host}]:{spec.port or 22}"

    class Pinned(paramiko.MissingHostKeyPolicy):
        def missing_host_key(self, client: Any, hostname: str, key: Any) -> None:
            fingerprint = f"{key.get_name()} {key.get_base64()}"
            pins = json.loads(path.read_text()) if path.exists() else {}
            known = pins.get(host)
            if known is None:
                pins[host] = fingerprint
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps(pins, indent=1))
                return
            if known != fingerprint:
                raise RemoteTLSError(
                    f"Kunci server SFTP {spec.display} berbeda dari yang tercatat; koneksi ditolak. Jika server "
                    f"memang diganti, hapus entri {host} di {path}.", code="sync.host_key")

    return Pinned()


def _tls_verify() -> Any:
    """Certificates are always verified; an office CA bundle may be named in KINERJA_CA_BUNDLE."""
    import ssl

    bundle = os.environ.get("KINERJA_CA_BUNDLE")
    return ssl.create_default_context(cafile=bundle) if bundle else True


def open_remote(url: str, *, secret: str | None = None, timeout: float = 30.0) -> Remote:
    """Open the store at ``url``; the secret comes from ``secret``, the URL, or the keyring."""
    spec, inline = parse_remote(url)
    secret = secret or inline
    if spec.scheme == "folder":
        return FolderRemote(spec.path)
    if secret is None and spec.user:
        secret = load_secret(spec)
    if spec.scheme in ("webdav", "webdavs"):
        import httpx
        from webdav4.fsspec import WebdavFileSystem

        http = "https" if spec.scheme == "webdavs" else "http"
        port = f":{spec.port}" if spec.port else ""
        base = f"{http}://{spec.host}{port}"
        auth = (spec.user, secret or "") if spec.user else None
        fs = WebdavFileSystem(base, auth=auth, verify=_tls_verify(), retry=False, skip_instance_cache=True,
                              timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)))
        return WebdavRemote(fs, spec.path, spec.display)
    if spec.scheme == "sftp":
        try:
            import paramiko  # noqa: F401
        except ImportError as exc:
            raise ValidationError(
                "Penyimpanan SFTP memerlukan paket tambahan: pip install \"kinerja-desktop[sftp]\".") from exc
        remote = SftpRemote(spec, secret, timeout)
        remote.size("")  # connect now: a wrong password or an unknown server key is told at once
        return remote
    # s3
    try:
        import boto3
    except ImportError as exc:
        raise ValidationError("Penyimpanan S3 memerlukan paket tambahan: pip install \"kinerja-desktop[s3]\".") from exc
    from botocore.config import Config

    bucket, prefix = spec.host, spec.path.strip("/")
    client = boto3.client(
        "s3", endpoint_url=spec.option("endpoint"), region_name=spec.option("region"),
        aws_access_key_id=spec.user or None, aws_secret_access_key=secret,
        verify=os.environ.get("KINERJA_CA_BUNDLE") or True,
        # timeouts everywhere; the engine retries with back-off itself
        config=Config(connect_timeout=min(timeout, 10.0), read_timeout=timeout,
                      retries={"max_attempts": 1, "mode": "standard"}),
    )
    return S3Remote(client, bucket, prefix, spec.display)
