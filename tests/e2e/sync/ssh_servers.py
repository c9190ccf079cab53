"""Real SFTP servers on 127.0.0.1 for tests: rclone's (password login) and OpenSSH's ``sshd`` (key login).

Each is started with its own configuration and host key in a temporary folder and stopped by the
test; neither touches the home folder. ``pytest.skip`` with the reason when the binary is missing
(``.ci/run`` installs Debian's ``rclone`` and ``openssh-server``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.sync.dav_server import free_port


def wait_for_server(proc: subprocess.Popen[bytes], port: int, what: str, log: Path | None = None, *,
                    hello: bytes = b"", greeting: bytes = b"SSH-") -> None:
    """Until the server on ``port`` answers ``hello`` with ``greeting``, or fail with the tail of its log."""
    deadline = time.monotonic() + 15
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.settimeout(2)
                if hello:
                    sock.sendall(hello)
                if sock.recv(len(greeting)).startswith(greeting):
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            detail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            pytest.fail(f"{what} did not start: {detail}")
        time.sleep(0.1)


def stop_process(proc: subprocess.Popen[bytes]) -> None:
    """Terminate a server the test started (and only that process), killing it if it lingers."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def _keygen(path: Path, kind: str = "ed25519") -> Path:
    keygen = shutil.which("ssh-keygen")
    if keygen is None:
        pytest.skip("ssh-keygen is not installed (Debian openssh-client)")
    subprocess.run([keygen, "-q", "-t", kind, "-N", "", "-C", "kinerja-test", "-f", str(path)], check=True)
    return path


@dataclass
class SftpServer:
    root: Path
    port: int
    user: str
    proc: subprocess.Popen[bytes]
    password: str | None = None
    #: The client's private key file (OpenSSH: the only way in).
    client_key: Path | None = None

    def url(self, folder: str = "kinerja") -> str:
        base = f"sftp://{self.user}@127.0.0.1:{self.port}"
        if self.client_key is not None:  # OpenSSH serves the real file system: absolute path
            return f"{base}{self.root / folder}?key={self.client_key}"
        return f"{base}/{folder}"

    def stop(self) -> None:
        stop_process(self.proc)


def start_rclone(root: Path, work: Path, *, password: str = "rahasia-sftp", host_key: Path | None = None,
                 port: int | None = None) -> SftpServer:
    """``rclone serve sftp`` of ``root``, user ``kantor``, password only (no key is authorised)."""
    rclone = shutil.which("rclone")
    if rclone is None:
        pytest.skip("rclone is not installed (Debian rclone serves SFTP on 127.0.0.1 for this test)")
    work.mkdir(parents=True, exist_ok=True)
    if host_key is None:
        host_key = _keygen(work / "rclone_host_key", "rsa")
    (work / "rclone.conf").write_text("")
    (work / "no_keys").write_text("")
    port = port or free_port()
    env = {**os.environ, "RCLONE_CONFIG": str(work / "rclone.conf")}
    proc = subprocess.Popen(
        [rclone, "serve", "sftp", str(root), "--addr", f"127.0.0.1:{port}", "--user", "kantor", "--pass", password,
         "--key", str(host_key), "--authorized-keys", str(work / "no_keys")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_server(proc, port, "rclone serve sftp")
    return SftpServer(root, port, "kantor", proc, password=password)


def start_sshd(root: Path, work: Path) -> SftpServer:
    """OpenSSH ``sshd`` on 127.0.0.1 with its own config and host key; the current user, key login only."""
    sshd = shutil.which("sshd") or ("/usr/sbin/sshd" if Path("/usr/sbin/sshd").exists() else None)
    if sshd is None:
        pytest.skip("OpenSSH sshd is not installed (Debian openssh-server)")
    work.mkdir(parents=True, exist_ok=True)
    host_key = _keygen(work / "ssh_host_ed25519_key")
    client_key = _keygen(work / "client_ed25519")
    (work / "authorized_keys").write_text(Path(str(client_key) + ".pub").read_text())
    if os.geteuid() == 0 and not Path("/run/sshd").is_dir():
        # sshd run as root needs its (empty) privilege separation folder, which the Debian service
        # unit normally creates
        Path("/run/sshd").mkdir(mode=0o755)
    port = free_port()
    config = work / "sshd_config"
    config.write_text("\n".join([
        f"Port {port}", "ListenAddress 127.0.0.1", f"HostKey {host_key}", f"PidFile {work / 'sshd.pid'}",
        f"AuthorizedKeysFile {work / 'authorized_keys'}", "PubkeyAuthentication yes",
        "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no",
        "PermitRootLogin prohibit-password", "Subsystem sftp internal-sftp", "MaxStartups 50",
        "LogLevel ERROR", "",
    ]))
    log = work / "sshd.log"
    proc = subprocess.Popen([sshd, "-D", "-E", str(log), "-f", str(config)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    wait_for_server(proc, port, "sshd", log)
    import pwd

    return SftpServer(root, port, pwd.getpwuid(os.getuid()).pw_name, proc, client_key=client_key)
