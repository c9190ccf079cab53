"""Issue 14 item 1: no committed edit is lost after the app's file dialogs list the database's folder.

Qt's own file dialog used to open and close ``demo.sqlite``, ``-wal`` and ``-shm`` in the app's
process to guess their types; closing any descriptor of a file drops the process's POSIX locks on
it, and the next process that opened the database (a print worker, the command line) deleted the
live WAL when it closed. These tests drive the app's real dialogs in the database's folder, then
print a unit and run the command line against the database, and check every committed edit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel
from sqlalchemy import select

from kinerja_desktop.services.settings_service import get_settings
from kinerja_desktop.store.db import Database, open_database
from kinerja_desktop.store.models import Employee, Unit
from kinerja_desktop.ui.print.print_job import PrintRequest, run_print_job
from kinerja_desktop.ui.signing.verify_dialog import VerifyDialog
from tests.gui.form_helpers import QT_LOG_IGNORE
from tests.helpers.fixtures import DEMO_YEAR, People

pytestmark = QT_LOG_IGNORE

# SQLite's lock bytes (os_unix.c): readers hold a read lock on the whole SHARED range of the
# database file; the -shm "dead man switch" byte is read-locked by every process using the WAL.
SHARED_FIRST = 0x40000000 + 2
SHM_DMS = 128


def _lock_holder(path: Path, offset: int) -> int | None:
    """In a fresh process (locks are per process): the pid holding a lock that blocks a write lock
    on ``offset`` of ``path`` (-1 for a lock owned by an open file description), else None."""
    code = (
        "import fcntl, os, struct, sys\n"
        "fd = os.open(sys.argv[1], os.O_RDWR)\n"
        "fmt = 'hhqqi4x'\n"
        "res = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(fmt, fcntl.F_WRLCK, 0, int(sys.argv[2]), 1, 0))\n"
        "t, _, _, _, pid = struct.unpack(fmt, res)\n"
        "print('none' if t == fcntl.F_UNLCK else pid)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path), str(offset)], capture_output=True, text=True,
                         check=True).stdout.strip()
    return None if out == "none" else int(out)


def _drive_file_dialog(qtbot, open_dialog, folder: Path) -> None:
    """Open a dialog through ``open_dialog``, browse to ``folder`` as a user would, give Qt's file-info
    gatherer time to look at every entry (even those the name filter hides), then cancel."""
    seen: dict[str, object] = {}

    def browse() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(20, browse)
            return
        model = dialog.findChild(QFileSystemModel)
        loaded: list[Path] = []
        seen["loaded"] = loaded
        model.directoryLoaded.connect(lambda path: loaded.append(Path(path)))
        dialog.setDirectory(str(folder))

        def finish() -> None:
            if folder not in loaded:
                QTimer.singleShot(50, finish)
                return
            QTimer.singleShot(1500, dialog.reject)  # the gatherer sniffed every file well within this before

        finish()

    QTimer.singleShot(0, browse)
    open_dialog()
    assert folder in seen.get("loaded", []), "the dialog never listed the database's folder"


def _mark(db: Database, employee_id: str, text: str) -> None:
    """A committed edit, as a save in the app makes one."""
    with db.session(user="admin", role="ADMIN") as s:
        s.get(Employee, employee_id).jabatan = text


def _unit_with_staff(db: Database, least: int = 3) -> str:
    with db.reader() as s:
        for unit in s.scalars(select(Unit).order_by(Unit.code)):
            count = len(s.scalars(select(Employee.id).where(Employee.unit_id == unit.id)).all())
            if count >= least:
                return unit.id
    raise AssertionError("no unit large enough")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX advisory locks, as on the office PCs")
def test_verify_dialog_in_the_database_folder_keeps_sqlite_locks(qtbot, demo_db: Database) -> None:
    """GIVEN the app's database open, WHEN Periksa Tanda Tangan > Pilih PDF lists the database's folder
    and is cancelled, THEN SQLite still holds this process's locks on the database and its -shm."""
    folder = demo_db.path.parent
    _mark(demo_db, _any_employee(demo_db), "sebelum dialog")
    assert _lock_holder(demo_db.path, SHARED_FIRST + 1) == os.getpid()
    dialog = VerifyDialog(lambda: [])
    qtbot.addWidget(dialog)
    _drive_file_dialog(qtbot, dialog.open_button.click, folder)
    assert _lock_holder(demo_db.path, SHARED_FIRST + 1) == os.getpid(), "the dialog dropped SQLite's locks"
    assert _lock_holder(Path(f"{demo_db.path}-shm"), SHM_DMS) is not None


def _any_employee(db: Database) -> str:
    with db.reader() as s:
        return s.scalars(select(Employee.id).order_by(Employee.nip)).first()


class _Ctx:
    cancelled = False

    def progress(self, *_args) -> None:
        pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX advisory locks, as on the office PCs")
def test_every_committed_edit_survives_dialogs_prints_and_the_cli(qtbot, tmp_path: Path, demo_db: Database,
                                                                  people: People) -> None:
    """GIVEN edits committed around a file dialog in the database's folder, a unit print on worker
    processes and a command-line run against the database, WHEN the app quits, THEN every edit is there."""
    db = demo_db
    folder = db.path.parent
    employees = _employees(db)
    _mark(db, employees[0], "edit 1")
    dialog = VerifyDialog(lambda: [])
    qtbot.addWidget(dialog)
    _drive_file_dialog(qtbot, dialog.open_button.click, folder)
    _mark(db, employees[1], "edit 2")
    out = tmp_path / "unit.pdf"
    outcome = run_print_job(_Ctx(), db, people.admin, PrintRequest(
        kind="skp", year=DEMO_YEAR, unit_id=_unit_with_staff(db), mode="file", out=out, workers=2))
    assert outcome.documents >= 3 and not outcome.failures
    _mark(db, employees[2], "edit 3")
    cli = subprocess.run([sys.executable, "-c", "import sys; from kinerja_desktop.cli import main; sys.exit(main())",
                          "--db", str(db.path), "--user", "admin", "pengaturan", "--set", "instansi.name=DINAS CLI"],
                         capture_output=True, text=True, check=False,
                         env={**os.environ, "KINERJA_DEBUG": "1", "KINERJA_PASSWORD": "admin"})
    assert cli.returncode == 0, cli.stderr
    _mark(db, employees[3], "edit 4")
    assert Path(f"{db.path}-wal").exists(), "the live WAL was deleted by another process"
    db.dispose()  # the app quits

    reopened = open_database(db.path)
    try:
        with reopened.reader() as s:
            found = [s.get(Employee, e).jabatan for e in employees[:4]]
        assert found == ["edit 1", "edit 2", "edit 3", "edit 4"]
        assert get_settings(reopened)["instansi.name"] == "DINAS CLI"
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        reopened.dispose()


def _employees(db: Database) -> list[str]:
    with db.reader() as s:
        return list(s.scalars(select(Employee.id).order_by(Employee.nip)).all()[:4])




def test_file_dialogs_start_in_documents_and_name_types_without_reading(qtbot, tmp_path: Path, monkeypatch) -> None:
    """Every app file dialog opens in the user's Documents folder; a listed file's type comes from its name."""
    from PySide6.QtCore import QFileInfo

    from kinerja_desktop.ui import file_dialogs

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    (tmp_path / "Documents").mkdir()
    dialog = file_dialogs.make_dialog(None, "Simpan PDF", "PDF (*.pdf)", "cetak.pdf")
    qtbot.addWidget(dialog)
    assert Path(dialog.directory().absolutePath()) == tmp_path / "Documents"
    assert isinstance(dialog.iconProvider(), file_dialogs.NameOnlyIconProvider)
    unreadable = tmp_path / "Documents" / "kinerja.sqlite-wal"
    unreadable.write_bytes(b"\x37\x7f\x06\x82")
    unreadable.chmod(0)
    assert dialog.iconProvider().type(QFileInfo(str(unreadable))) == "Berkas"
