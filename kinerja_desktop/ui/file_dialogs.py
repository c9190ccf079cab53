"""File dialogs that never open a file the user has not chosen.

Qt's own file dialog guesses each listed file's type by reading its first bytes. In the folder
that holds the database that meant opening and closing ``*.sqlite``, ``-wal`` and ``-shm`` in the
app's process, which drops SQLite's POSIX locks on them (see ``store/wal_guard.py``). Here the
type and icon come from the file name only (:class:`NameOnlyIconProvider`; strace shows no
``openat`` of a listed file), and every dialog starts in the user's Documents folder.

On Windows the system's dialog is used (it runs its own code and Windows locks per handle);
elsewhere Qt's dialog, which also speaks Indonesian through the app's Qt translation, unlike a
GTK or KDE dialog loaded into the process (and those read files to guess types as well).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QMimeDatabase, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

__all__ = [
    "NameOnlyIconProvider",
    "existing_directory",
    "make_dialog",
    "open_file_name",
    "open_file_names",
    "save_file_name",
    "start_folder",
]


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from a file's name (extension) alone: never opens the file."""

    def __init__(self) -> None:
        super().__init__()
        self._mimes = QMimeDatabase()

    def _mime(self, info: QFileInfo):  # type: ignore[no-untyped-def]
        return self._mimes.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension)

    def icon(self, what):  # type: ignore[no-untyped-def]  # noqa: D102 - Qt override (IconType or QFileInfo)
        if isinstance(what, QFileInfo) and not what.isDir():
            generic = super().icon(QAbstractFileIconProvider.IconType.File)
            mime = self._mime(what)
            return generic if mime.isDefault() else QIcon.fromTheme(mime.iconName(), generic)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:  # noqa: D102 - Qt override
        if info.isDir():
            return super().type(info)
        mime = self._mime(info)
        if mime.isDefault():
            return QCoreApplication.translate("file_dialogs", "Berkas")
        return mime.comment()


def start_folder() -> str:
    """The user's Documents folder (their home when it does not exist)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


def _use_qt_dialog() -> bool:
    return not sys.platform.startswith("win")


def make_dialog(parent: QWidget | None, caption: str, name_filter: str = "", file_name: str = "") -> QFileDialog:
    """A file dialog in the Documents folder (``file_name`` pre-filled there) that reads no file."""
    folder = start_folder()
    dialog = QFileDialog(parent, caption, folder, name_filter)
    # Before anything is listed: the default provider reads files to guess their type.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, _use_qt_dialog())
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    dialog._name_only_icons = provider  # type: ignore[attr-defined]  # the dialog does not own it
    if file_name:
        dialog.selectFile(str(Path(folder) / file_name))
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()


def open_file_name(parent: QWidget | None, caption: str, name_filter: str = "") -> str:
    """One existing file chosen by the user, or ``""``."""
    dialog = make_dialog(parent, caption, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return next(iter(_run(dialog)), "")


def open_file_names(parent: QWidget | None, caption: str, name_filter: str = "") -> list[str]:
    """Existing files chosen by the user (maybe none)."""
    dialog = make_dialog(parent, caption, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _run(dialog)


def save_file_name(parent: QWidget | None, caption: str, file_name: str = "", name_filter: str = "") -> str:
    """Where to save, proposed as ``file_name`` in the Documents folder; ``""`` when cancelled."""
    dialog = make_dialog(parent, caption, name_filter, file_name)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return next(iter(_run(dialog)), "")


def existing_directory(parent: QWidget | None, caption: str) -> str:
    """A folder chosen by the user, or ``""``."""
    dialog = make_dialog(parent, caption)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return next(iter(_run(dialog)), "")
