"""Content-addressed file store (evidence files, signed PDFs) under the data dir."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20


class BlobStore:
    """Files kept once per content under ``root/aa/<sha256>``; writes are atomic."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if not target.exists():
            self._write_atomic(target, data)
        return sha

    def put_stream(self, stream: BinaryIO, max_size: int | None = None) -> tuple[str, int]:
        """Store a stream; returns (sha256, size). Raises ValueError past ``max_size`` bytes."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".in-")
        try:
            with os.fdopen(fd, "wb") as out:
                while block := stream.read(CHUNK):
                    size += len(block)
                    if max_size is not None and size > max_size:
                        raise ValueError(f"file larger than {max_size} bytes")
                    digest.update(block)
                    out.write(block)
            sha = digest.hexdigest()
            target = self.path(sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                os.unlink(tmp_name)
            else:
                os.replace(tmp_name, target)
            return sha, size
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise

    def put_file(self, path: Path, max_size: int | None = None) -> tuple[str, int]:
        with open(path, "rb") as fh:
            return self.put_stream(fh, max_size)

    def read_bytes(self, sha256: str) -> bytes:
        data = self.path(sha256).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise OSError(f"blob {sha256} is corrupt")
        return data

    def _write_atomic(self, target: Path, data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".in-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp_name, target)
