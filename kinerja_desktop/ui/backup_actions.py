"""Backups in the app: the start-up check and daily copy, Alat > Pulihkan dari Cadangan / Buat Cadangan.

After the main window shows, a worker checks the database (``PRAGMA quick_check``) and makes
today's backup when it is sound. A damaged database gets a message that says what to do and
offers the restore dialog. Restoring replaces the records on this PC, then the user signs in
again so every page reads the restored data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

__all__ = ["RestoreDialog", "install_backup"]


def _start_check(_ctx: Any, db: Any) -> Any:
    from kinerja_desktop.services import backup_service

    return backup_service.start_of_day(db)


def _backup_now(_ctx: Any, db: Any) -> Any:
    from kinerja_desktop.services import backup_service

    return backup_service.backup_now(db)


def _restore(_ctx: Any, db: Any, user: Any, path: Path) -> Any:
    from kinerja_desktop.services import backup_service

    return backup_service.restore(db, user, path)


def install_backup(window: Any) -> None:
    """Add the backup actions to the Alat menu and start the start-up check (SQLite files only)."""
    if getattr(window.db, "path", None) is None:
        return
    restore = QAction(QCoreApplication.translate("backup_actions", "&Pulihkan dari Cadangan…"), window)
    restore.setStatusTip(
        QCoreApplication.translate("backup_actions", "Kembalikan data komputer ini ke cadangan harian yang dipilih")
    )
    restore.triggered.connect(lambda: open_restore_dialog(window))
    backup = QAction(QCoreApplication.translate("backup_actions", "Buat &Cadangan Sekarang"), window)
    backup.setStatusTip(QCoreApplication.translate("backup_actions", "Salin database ke folder cadangan sekarang"))
    backup.triggered.connect(lambda: _start_backup(window))
    window.add_menu_action("tools", backup)
    window.add_menu_action("tools", restore)
    task = window.tasks.start(
        _start_check,
        window.db,
        title=QCoreApplication.translate("backup_actions", "Memeriksa database"),
        cancellable=False,
    )
    task.succeeded.connect(lambda check: _checked(window, check))
    window.backup_check_task = task


def _checked(window: Any, check: Any) -> None:
    if not check.problems:
        if check.made is not None:
            window.statusBar().showMessage(
                QCoreApplication.translate("backup_actions", "Database diperiksa: baik. Cadangan hari ini dibuat."),
                8000,
            )
        return
    import logging

    logging.getLogger(__name__).error("quick_check found problems: %s", "; ".join(check.problems[:5]))
    when = (
        QCoreApplication.translate("backup_actions", " Cadangan terakhir: {0}.").format(
            check.newest.made.strftime("%d-%m-%Y %H.%M")
        )
        if check.newest is not None
        else QCoreApplication.translate("backup_actions", " Belum ada cadangan di komputer ini.")
    )
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("backup_actions", "Database rusak"),
        QCoreApplication.translate(
            "backup_actions",
            "Pemeriksaan menemukan kerusakan pada database di komputer ini. Jangan mengisi data dulu: "
            "pulihkan dari cadangan, atau hubungi admin.",
        )
        + when,
        parent=window,
    )
    box.setDetailedText("\n".join(check.problems))
    restore = box.addButton(
        QCoreApplication.translate("backup_actions", "Pulihkan dari Cadangan…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("backup_actions", "Tutup"), QMessageBox.ButtonRole.RejectRole)
    restore.setEnabled(check.newest is not None)
    window.damaged_box = box
    box.finished.connect(lambda _r: open_restore_dialog(window) if box.clickedButton() is restore else None)
    box.open()


def _start_backup(window: Any) -> None:
    task = window.tasks.start(
        _backup_now,
        window.db,
        title=QCoreApplication.translate("backup_actions", "Membuat cadangan"),
        cancellable=False,
    )
    task.succeeded.connect(
        lambda path: window.statusBar().showMessage(
            QCoreApplication.translate("backup_actions", "Cadangan dibuat: {0}").format(path), 10_000
        )
    )
    task.failed.connect(window.show_error)


def open_restore_dialog(window: Any) -> RestoreDialog:
    from kinerja_desktop.services import backup_service

    dialog = RestoreDialog(backup_service.list_backups(window.db), window)
    dialog.accepted.connect(lambda: _confirm_restore(window, dialog.chosen()))
    window.restore_dialog = dialog
    dialog.open()
    return dialog


def _confirm_restore(window: Any, backup: Any) -> None:
    if backup is None:
        return
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("backup_actions", "Pulihkan dari cadangan"),
        QCoreApplication.translate(
            "backup_actions",
            "Semua data di komputer ini akan dikembalikan ke keadaan {0}; perubahan sesudahnya di komputer ini "
            "hilang (data yang sudah tersinkron datang lagi pada sinkronisasi berikutnya). Isi sekarang disimpan "
            "dulu sebagai cadangan tersendiri. Lanjutkan?",
        ).format(backup.made.strftime("%d-%m-%Y %H.%M")),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    restore_from(window, backup.path)


def restore_from(window: Any, path: Path) -> Any:
    """Restore ``path`` in a worker; then tell the user and sign out so every page reloads."""
    task = window.tasks.start(
        _restore,
        window.db,
        window.user,
        path,
        title=QCoreApplication.translate("backup_actions", "Memulihkan data"),
        cancellable=False,
    )

    def done(_before: Any) -> None:
        QMessageBox.information(
            window,
            QCoreApplication.translate("backup_actions", "Data dipulihkan"),
            QCoreApplication.translate("backup_actions", "Data dipulihkan dari cadangan. Silakan masuk lagi."),
        )
        window.request_switch_user()

    task.succeeded.connect(done)
    task.failed.connect(window.show_error)
    return task


class RestoreDialog(QDialog):
    """Choose one of this PC's backups (newest first)."""

    def __init__(self, found: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pulihkan dari Cadangan"))
        self.resize(520, 360)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Pilih cadangan. Cadangan dibuat otomatis sekali sehari saat aplikasi dibuka."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget(self)
        for b in found:
            label = self.tr("{0} · {1:.1f} MB").format(b.made.strftime("%d-%m-%Y %H.%M"), b.size / 1e6)
            if b.tag == "sebelum-pulihkan":
                label += self.tr(" · isi sebelum pemulihan")
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, b)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        if not found:
            note.setText(self.tr("Belum ada cadangan di komputer ini."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(self.tr("&Pulihkan…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(found))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> Any:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
