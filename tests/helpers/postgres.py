"""A throwaway PostgreSQL cluster on 127.0.0.1 for one test module (the binaries of Debian's postgresql-15).

The same recipe as tests/e2e/sync/test_central_postgres.py: initdb as an unprivileged user when the
tests run as root, trust authentication for the superuser ``kinerja``, fsync off, a free port.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.sync.dav_server import free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")


@contextmanager
def throwaway_postgres(settings: dict[str, str] | None = None) -> Iterator[str]:
    """Yields ``postgresql+psycopg://kinerja@127.0.0.1:PORT`` (no database part); skips without the binaries.

    ``settings``: server settings beyond the defaults (``-c name=value``), as a central server's
    ``postgresql.conf`` would set them."""
    if not (PG_BIN / "initdb").exists() or not shutil.which("runuser"):
        pytest.skip("PostgreSQL 15 binaries (or runuser) are not installed on this machine")
    as_user = [] if os.geteuid() != 0 else ["runuser", "-u", "nobody", "--"]
    base = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "nobody", "nogroup")
    data, port = base / "data", free_port()
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    subprocess.run([*as_user, str(PG_BIN / "initdb"), "-D", str(data), "-U", "kinerja", "--auth=trust",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True, env=env)
    subprocess.run([*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
                    f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
                    + "".join(f" -c {k}={v}" for k, v in (settings or {}).items()), "start"],
                   check=True, capture_output=True, env=env)
    try:
        deadline = time.monotonic() + 20
        while subprocess.run([str(PG_BIN / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
                             capture_output=True, check=False).returncode != 0:
            if time.monotonic() > deadline:
                pytest.fail("PostgreSQL did not start: " + (base / "log").read_text())
            time.sleep(0.1)
        yield f"postgresql+psycopg://kinerja@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env, check=False)
        shutil.rmtree(base, ignore_errors=True)
