"""The Panduan window: an index of topics on the left, the topic on the right (no network).

The content comes from ``data/panduan/<language>/<topic>.md`` in the interface language
(:func:`~kinerja_desktop.ui.i18n.current_language`); the window's own words go through ``tr()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.documents.guide_source import LINK_SCHEME, TOPICS, load_topic, to_html
from kinerja_desktop.ui import i18n
from kinerja_desktop.ui.help.topics import title

STYLE = """
h1 { font-size: 16pt; color: #1a3d6d; }
h2 { font-size: 12.5pt; color: #1a3d6d; margin-top: 14px; }
h3 { font-size: 11pt; }
p, li, td, th { font-size: 10pt; }
code { background-color: #f1f3f4; }
"""


class PanduanViewer(QDialog):
    """Non-modal help window; one per main window (``show_topic`` brings it forward).

    Signals:
        topic_shown(str key): a topic is on screen.
    """

    topic_shown = Signal(str)

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panduanViewer")
        self.setWindowTitle(self.tr("Panduan Kinerja Desktop"))
        self.setModal(False)
        self.language = language or i18n.current_language()
        self.topic = ""

        self.index = QListWidget(self)
        self.index.setObjectName("panduanIndex")
        self.index.setAccessibleName(self.tr("Daftar panduan"))
        for key in TOPICS:
            item = QListWidgetItem(title(key), self.index)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.index.currentItemChanged.connect(self._index_changed)

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("panduanText")
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.anchorClicked.connect(self._link)

        self.back = QPushButton(self.tr("◀ Kembali"), self)
        self.back.setToolTip(self.tr("Panduan yang dibuka sebelumnya (Alt+Kiri)"))
        self.back.clicked.connect(self.go_back)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.go_back)
        hint = QLabel(self.tr("Tekan F1 di halaman mana pun untuk membuka panduan halaman itu."), self)
        hint.setObjectName("mutedLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.close)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.index)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 650])
        bottom = QHBoxLayout()
        bottom.addWidget(self.back)
        bottom.addWidget(hint, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._history: list[str] = []
        self.back.setEnabled(False)
        self.resize(920, 640)

    def show_topic(self, key: str) -> None:
        """Show ``key`` (a name of :data:`TOPICS`) and bring the window forward."""
        if key not in TOPICS:
            key = TOPICS[0]
        if self.topic and self.topic != key:
            self._history.append(self.topic)
        self._show(key)
        self.show()
        self.raise_()
        self.activateWindow()

    def _show(self, key: str) -> None:
        self.topic = key
        self.browser.setHtml(to_html(load_topic(key, self.language)))
        self.browser.verticalScrollBar().setValue(0)
        row = TOPICS.index(key)
        if self.index.currentRow() != row:
            self.index.blockSignals(True)
            self.index.setCurrentRow(row)
            self.index.blockSignals(False)
        self.back.setEnabled(bool(self._history))
        self.topic_shown.emit(key)

    @Slot()
    def go_back(self) -> None:
        if self._history:
            self._show(self._history.pop())

    @Slot(QListWidgetItem, QListWidgetItem)
    def _index_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.show_topic(current.data(Qt.ItemDataRole.UserRole))

    @Slot(QUrl)
    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(LINK_SCHEME):
            self.show_topic(text[len(LINK_SCHEME):])
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
