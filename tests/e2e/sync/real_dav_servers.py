"""WebDAV servers nobody on the team wrote, on 127.0.0.1 for tests: Apache 2.4 mod_dav and ``rclone serve webdav``.

Each is started with its own configuration in a temporary folder (Basic auth, user ``kantor``) and
stopped by the test; neither touches the machine's Apache set-up or the home folder. ``pytest.skip``
with the reason when the binary is missing (``.ci/run`` installs Debian's ``apache2`` and ``rclone``).

Apache is run as ``www-data`` when the tests run as root: its served folder, lock database, logs and
pid file then live in a folder of its own below the system temporary folder (pytest's temporary
folders are private to root), removed by :meth:`WebServer.stop`.
"""

from __future__ import annotations

import base64
import hashlib
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.sync.dav_server import free_port
from tests.e2e.sync.ssh_servers import stop_process, wait_for_server

APACHE_MODULES = ("mpm_event", "authn_core", "authn_file", "authz_core", "authz_user", "auth_basic", "dav",
                  "dav_fs", "dav_lock")


@dataclass
class WebServer:
    #: The served folder; the store is its ``kinerja`` sub-folder.
    root: Path
    port: int
    proc: subprocess.Popen[bytes]
    user: str = "kantor"
    password: str = "rahasia-dav"
    #: A folder the test made for the server and removes when it stops (Apache as www-data).
    own_folder: Path | None = None

    def url(self, folder: str = "kinerja") -> str:
        return f"webdav://{self.user}@127.0.0.1:{self.port}/{folder}"

    def stop(self) -> None:
        stop_process(self.proc)
        if self.own_folder is not None:
            shutil.rmtree(self.own_folder, ignore_errors=True)


def _wait_http(proc: subprocess.Popen[bytes], port: int, what: str, log: Path) -> None:
    """Until the server answers an HTTP request on ``port`` (any status), or fail with its log."""
    wait_for_server(proc, port, what, log, hello=b"OPTIONS / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
                    greeting=b"HTTP/")


def start_apache(store: Path, work: Path, *, password: str = "rahasia-dav") -> WebServer:
    """Apache 2.4 with mod_dav serving a copy of the folder store ``store`` as ``/kinerja``, Basic auth."""
    apache = shutil.which("apache2") or ("/usr/sbin/apache2" if Path("/usr/sbin/apache2").exists() else None)
    modules = Path("/usr/lib/apache2/modules")
    if apache is None or not all((modules / f"mod_{m}.so").exists() for m in APACHE_MODULES):
        pytest.skip("Apache 2.4 with mod_dav is not installed (Debian apache2 serves WebDAV on 127.0.0.1 "
                    "for this test)")
    own_folder = None
    run_as: pwd.struct_passwd | None = None
    if os.geteuid() == 0:  # Apache refuses to serve as root: run all of it as www-data
        try:
            run_as = pwd.getpwnam("www-data")
        except KeyError:
            pytest.skip("the tests run as root and there is no www-data user to run Apache as")
        own_folder = work = Path(tempfile.mkdtemp(prefix="kinerja-apache-"))
    work.mkdir(parents=True, exist_ok=True)
    root = work / "htdocs"
    root.mkdir()
    shutil.copytree(store, root / "kinerja")
    (work / "var").mkdir()
    # Apache's own password file format for SHA-1 ({SHA}), so htpasswd is not needed
    digest = base64.b64encode(hashlib.sha1(password.encode()).digest()).decode()
    (work / "htpasswd").write_text(f"kantor:{{SHA}}{digest}\n")
    port = free_port()
    config = work / "apache2.conf"
    config.write_text("\n".join([
        f"ServerRoot {work}", "ServerName 127.0.0.1", f"Listen 127.0.0.1:{port}",
        *(f"LoadModule {m}_module {modules}/mod_{m}.so" for m in APACHE_MODULES),
        f"PidFile {work / 'var' / 'apache2.pid'}", f"ErrorLog {work / 'var' / 'error.log'}", "LogLevel warn",
        f"Mutex file:{work / 'var'} default", f"DefaultRuntimeDir {work / 'var'}",
        f"DavLockDB {work / 'var' / 'DavLock'}",
        "StartServers 1", "ServerLimit 2", "ThreadsPerChild 16", "MaxRequestWorkers 32",
        "Timeout 30", "KeepAlive On",
        f"DocumentRoot {root}",
        f"<Directory {root}>",
        "  Dav On", "  AuthType Basic", "  AuthName kinerja", f"  AuthUserFile {work / 'htpasswd'}",
        "  Require valid-user", "</Directory>", "",
    ]))
    if run_as is not None:
        for path in [work, *work.rglob("*")]:
            os.chown(path, run_as.pw_uid, run_as.pw_gid)
    log = work / "var" / "error.log"
    proc = subprocess.Popen(
        [apache, "-f", str(config), "-DFOREGROUND"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        user=run_as.pw_uid if run_as else None, group=run_as.pw_gid if run_as else None,
        extra_groups=[] if run_as else None, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C"})
    _wait_http(proc, port, "Apache", log)
    return WebServer(root, port, proc, password=password, own_folder=own_folder)


def start_rclone_webdav(store: Path, work: Path, *, password: str = "rahasia-dav") -> WebServer:
    """``rclone serve webdav`` of a copy of the folder store ``store`` as ``/kinerja``, Basic auth."""
    rclone = shutil.which("rclone")
    if rclone is None:
        pytest.skip("rclone is not installed (Debian rclone serves WebDAV on 127.0.0.1 for this test)")
    work.mkdir(parents=True, exist_ok=True)
    root = work / "root"
    shutil.copytree(store, root / "kinerja")
    (work / "rclone.conf").write_text("")
    port = free_port()
    log = work / "rclone.log"
    env = {**os.environ, "RCLONE_CONFIG": str(work / "rclone.conf"), "RCLONE_CACHE_DIR": str(work / "cache")}
    proc = subprocess.Popen(
        [rclone, "serve", "webdav", str(root), "--addr", f"127.0.0.1:{port}", "--user", "kantor",
         "--pass", password, "--log-file", str(log), "--log-level", "ERROR"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_http(proc, port, "rclone serve webdav", log)
    return WebServer(root, port, proc, password=password)
