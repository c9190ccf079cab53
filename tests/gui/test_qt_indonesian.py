"""Qt's own buttons and file dialog speak Indonesian (our qtbase_id.qm: Qt ships none)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from kinerja_desktop.ui import file_dialogs, i18n


def test_standard_buttons_and_the_file_dialog_in_indonesian(qtbot) -> None:
    i18n.install_translator("id")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close
                           | QDialogButtonBox.StandardButton.Open)
    qtbot.addWidget(box)
    buttons = (QDialogButtonBox.StandardButton.Cancel, QDialogButtonBox.StandardButton.Close,
               QDialogButtonBox.StandardButton.Open)
    texts = {box.button(b).text() for b in buttons}
    assert texts == {"Batal", "Tutup", "Buka"}
    question = QMessageBox(QMessageBox.Icon.Question, "t", "q", QMessageBox.StandardButton.Yes
                           | QMessageBox.StandardButton.No)
    qtbot.addWidget(question)
    assert {question.button(QMessageBox.StandardButton.Yes).text().replace("&", ""),
            question.button(QMessageBox.StandardButton.No).text().replace("&", "")} == {"Ya", "Tidak"}
    dialog = file_dialogs.make_dialog(None, "Pilih PDF", "PDF (*.pdf)")
    qtbot.addWidget(dialog)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert {k: v.replace("&", "") for k, v in labels.items()} == {
        "lookInLabel": "Cari di:", "fileNameLabel": "Nama berkas:", "fileTypeLabel": "Jenis berkas:"}
