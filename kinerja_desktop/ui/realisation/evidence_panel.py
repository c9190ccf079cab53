"""Bukti dukung of the selected indicator: list, add (dialog or drag-and-drop), open, remove."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.evidence_files import EvidenceType, clean_filename, detect_type, viewer_name
from kinerja_desktop.services.realisation_service import AttachmentView
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.form_support.formatting import file_size
from kinerja_desktop.ui.form_support.messages import balloon_for
from kinerja_desktop.ui.realisation.evidence_model import COL_NAME, COL_SIZE, COL_TYPE, EvidenceTableModel

FILE_FILTER = (QT_TRANSLATE_NOOP("evidence_panel", "Bukti dukung (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx "
                                                   "*.ppt *.pptx *.odt *.ods *.txt *.csv *.zip);;Semua berkas (*)"))


def local_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """Local files carried by a drag (remote URLs are ignored)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def open_copy(source: Path, filename: str, kind: EvidenceType) -> Path:
    """Open a copy of an allow-listed evidence file (the store names files by hash).

    The copy's name ends in the extension of the type detected from the content, so the system
    picks its viewer by what the file is, not by what its name claims.
    """
    folder = Path(tempfile.gettempdir()) / "kinerja-bukti" / source.name[:16]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / viewer_name(filename, kind)
    if not target.exists():
        shutil.copyfile(source, target)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return target


class EvidencePanel(QFrame):
    """Evidence files of one realisation.

    ``add`` / ``remove`` return a refusal or None; ``locate`` gives the stored file of an attachment.

    Signals:
        opened(str): the path of the copy handed to the system viewer.
        saved(str): where a file that is not opened directly (not an allow-listed type) was saved.
    """

    opened = Signal(str)
    saved = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, add: Callable[[Path], KinerjaError | None] | None = None,
        remove: Callable[[str], KinerjaError | None] | None = None,
        locate: Callable[[str], Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePanel")
        self._add, self._remove, self._locate = add, remove, locate
        self._editable = False
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.title = QLabel(self.tr("<b>Bukti dukung</b>"), self)
        self.title.setWordWrap(True)
        self.model = EvidenceTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("evidenceView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SIZE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TYPE, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.drop_hint = QLabel(self)
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setStyleSheet("QLabel#dropHint { color: #5f6368; border: 1px dashed #9aa0a6;"
                                     " border-radius: 4px; padding: 4px; }")
        self.add_button = QPushButton(self.tr("Tambah berkas…"), self)
        self.open_button = QPushButton(self.tr("Buka"), self)
        self.remove_button = QPushButton(self.tr("Hapus"), self)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.drop_hint)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.set_target(None, [], editable=False)

    def set_target(self, title: str | None, items: list[AttachmentView], *, editable: bool,
                   limit_bytes: int | None = None) -> None:
        """Show the evidence of one indicator (``title``), or nothing when None."""
        self._editable = editable and title is not None and self._add is not None
        self.title.setText(self.tr("<b>Bukti dukung</b> — {0}").format(
                                       title) if title else self.tr("<b>Bukti dukung</b> — pilih satu indikator"))
        self.model.set_items(items)
        if items:
            self.view.setCurrentIndex(self.model.index(0, COL_NAME))
        limit = self.tr(" (paling besar {0})").format(file_size(limit_bytes)) if limit_bytes else ""
        self.drop_hint.setText(self.tr("Seret berkas ke sini untuk menambahkannya{0}").format(limit))
        self.drop_hint.setVisible(self._editable)
        self.add_button.setVisible(self._editable)
        self.remove_button.setVisible(self._editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.view.currentIndex().isValid() and self.model.rowCount() > 0
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has and self._editable)

    def selected(self) -> AttachmentView | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    # ------------------------------------------------------------------ actions

    @Slot()
    def choose_files(self) -> None:
        if not self._editable:
            return
        names = file_dialogs.open_file_names(
            self, self.tr("Pilih berkas bukti dukung"), QCoreApplication.translate("evidence_panel", FILE_FILTER)
        )
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> bool:
        """Attach files one by one; the first refusal is shown at the panel and stops the rest."""
        if not self._editable or self._add is None:
            return False
        for path in paths:
            error = self._add(path)
            if error is not None:
                balloon_for(self).show_at(self.drop_hint if self.drop_hint.isVisible() else self.view, str(error))
                return False
        balloon_for(self).clear()
        return True

    @Slot()
    def open_selected(self) -> None:
        item = self.selected()
        if item is None or self._locate is None:
            return
        try:
            source = self._locate(item.id)
            kind = detect_type(source, item.filename)
            if kind is None:
                self._save_instead(source, item.filename)
                return
            target = open_copy(source, item.filename, kind)
        except KinerjaError as exc:
            balloon_for(self).show_at(self.open_button, str(exc))
            return
        except OSError as exc:
            balloon_for(self).show_at(self.open_button, self.tr("Berkas tidak dapat dibuka: {0}").format(exc))
            return
        self.opened.emit(str(target))

    def _save_instead(self, source: Path, filename: str) -> None:
        """A file of no allow-listed type: warn, and save a copy only where the user chooses."""
        name = clean_filename(filename)
        answer = QMessageBox.warning(
            self, self.tr("Berkas tidak dibuka"),
            self.tr("“{0}” bukan PDF, gambar, atau dokumen kantor menurut isinya, jadi tidak dibuka langsung: "
                    "berkas seperti ini dapat menjalankan program di komputer ini.\n\nSimpan salinannya, lalu "
                    "buka sendiri hanya bila Anda tahu asal dan isinya.").format(name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Save:
            return
        target = file_dialogs.save_file_name(self, self.tr("Simpan berkas bukti dukung"), name)
        if not target:
            return
        shutil.copyfile(source, target)
        balloon_for(self).show_at(self.open_button, self.tr("Disimpan ke {0}").format(target))
        self.saved.emit(target)

    @Slot()
    def remove_selected(self) -> None:
        item = self.selected()
        if item is None or not self._editable or self._remove is None:
            return
        error = self._remove(item.id)
        if error is not None:
            balloon_for(self).show_at(self.view, str(error))

    # ------------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._editable and local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event)
        if self._editable and paths:
            event.acceptProposedAction()
            self.add_files(paths)
        else:
            event.ignore()
