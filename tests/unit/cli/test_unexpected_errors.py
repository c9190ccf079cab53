"""An error no service turned into a message: the `kinerja` command writes its traceback to the GUI's log
file (<data>/log/kinerja.log, secrets blanked) and tells the user in one Indonesian sentence where the
detail is, exiting non-zero (issue 14, item 4)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from kinerja_desktop.cli import main
from kinerja_desktop.services import error_log

_CLI = "import sys; from kinerja_desktop.cli import main; sys.exit(main(sys.argv[1:]))"


def _kinerja(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KINERJA_DATA_DIR=str(tmp_path / "data"))
    env.pop("KINERJA_DEBUG", None)
    return subprocess.run([sys.executable, "-c", _CLI, *argv], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


def test_a_file_that_is_no_database_is_logged_with_its_traceback_and_named_in_one_sentence(tmp_path) -> None:
    """GIVEN a file of random bytes as --db WHEN `kinerja backup --daftar` opens it THEN exit 2, one Indonesian
    sentence naming `kinerja restore` and the log file, no traceback on the terminal; the log has the traceback."""
    broken = tmp_path / "rusak.sqlite"
    broken.write_bytes(os.urandom(8192))
    done = _kinerja(tmp_path, "--db", str(broken), "backup", "--daftar")
    log = tmp_path / "data" / "log" / "kinerja.log"
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (f"kinerja: Database di komputer ini rusak. Jangan mengisi data dulu; pulihkan dari cadangan "
                           f"terakhir (perintah kinerja restore) atau hubungi admin. Rinciannya tercatat di {log}.\n")
    written = log.read_text(encoding="utf-8")
    assert f"ERROR kinerja_desktop.cli [MainThread] kinerja --db {broken} backup --daftar" in written
    assert "Traceback (most recent call last)" in written and "file is not a database" in written
    assert "cli/backup_cmd.py" in written  # the frame that failed, for whoever helps the user


def test_credentials_in_the_command_never_reach_the_log(tmp_path) -> None:
    """GIVEN a PostgreSQL URL with a password and no server behind it THEN the log has the failure, not the password."""
    done = _kinerja(tmp_path, "--db", "postgresql+psycopg://budi:Rahasia123@127.0.0.1:1/kinerja", "backup", "--daftar")
    log = tmp_path / "data" / "log" / "kinerja.log"
    assert done.returncode == 2 and "Traceback" not in done.stderr and "Rahasia123" not in done.stderr
    assert f"kirim rinciannya (tercatat di {log}) kepada admin." in done.stderr
    written = log.read_text(encoding="utf-8")
    assert "postgresql+psycopg://budi:***@127.0.0.1:1/kinerja" in written and "Traceback" in written
    assert "Rahasia123" not in written


def test_a_command_run_in_process_leaves_no_log_handler_behind(tmp_path, monkeypatch, capsys) -> None:
    """The log file is the command's: after main() returns, the root logger is as it was (level and handlers)."""
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path / "data"))
    broken = tmp_path / "rusak.sqlite"
    broken.write_bytes(b"bukan database" * 500)
    root = logging.getLogger()
    before = (root.level, list(root.handlers))
    assert main(["--db", str(broken), "backup", "--daftar"]) == 2
    assert (root.level, list(root.handlers)) == before
    assert str(error_log.log_file()) in capsys.readouterr().err
    assert "file is not a database" in error_log.log_file().read_text(encoding="utf-8")


def test_without_a_writable_data_folder_the_sentence_says_how_to_see_the_detail(tmp_path, monkeypatch, capsys) -> None:
    """GIVEN a user data folder that is a file (cannot hold log/) THEN the command still answers in one sentence."""
    blocker = tmp_path / "data"
    blocker.write_text("bukan folder")
    monkeypatch.setenv("KINERJA_DATA_DIR", str(blocker))
    broken = tmp_path / "rusak.sqlite"
    broken.write_bytes(b"bukan database" * 500)
    assert main(["--db", str(broken), "backup", "--daftar"]) == 2
    err = capsys.readouterr().err
    assert err.endswith("atau hubungi admin. Untuk melihat rinciannya, jalankan lagi dengan KINERJA_DEBUG=1.\n")
