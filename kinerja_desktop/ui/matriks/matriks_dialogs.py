"""Dialogs of the matriks peran hasil page: one cell (peran and draft RHK) and one tim kerja."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.kepegawaian import Aspek

ASPEK_CODES = tuple(a.value for a in Aspek)


def indicators_to_text(items: list[dict[str, Any]]) -> str:
    return "\n".join(f"{(i.get('aspek') or '').capitalize()} | {i.get('text') or ''} | {i.get('target') or ''}"
                     for i in items)


def text_to_indicators(text: str) -> list[dict[str, Any]]:
    """One indicator per line, ``Aspek | indikator | target`` (the aspek may be left out)."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 2:
            parts = ["", *parts]
        aspek, indikator, target = (parts + ["", "", ""])[:3]
        out.append({"aspek": aspek.upper() or None, "text": indikator, "target": target})
    return out


class CellDialog(QDialog):
    """Peran, draft RHK, indicators and tim kerja of one matrix cell."""

    def __init__(self, rhk_text: str, person: str, teams: list[tuple[str, str]], cell: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Peran Hasil — {0}").format(person))
        self.cleared = False
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("RHK pimpinan yang diintervensi: <b>{0}</b>").format(rhk_text), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        form = QFormLayout()
        self.peran = QLineEdit(cell.peran if cell else "", self)
        self.peran.setPlaceholderText(self.tr("mis. Koordinator, Pelaksana verifikasi"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Utama"), "UTAMA")
        self.kind.addItem(self.tr("Tambahan"), "TAMBAHAN")
        if cell and cell.kind == "TAMBAHAN":
            self.kind.setCurrentIndex(1)
        self.text = QPlainTextEdit(cell.text if cell else "", self)
        self.text.setPlaceholderText(self.tr("RHK yang diusulkan kepada pegawai"))
        self.text.setFixedHeight(70)
        self.indicators = QPlainTextEdit(indicators_to_text(cell.indicators) if cell else "", self)
        self.indicators.setPlaceholderText(self.tr("Satu indikator per baris: Aspek | Indikator | Target\n"
                                                   "Kuantitas | Jumlah berkas diverifikasi | 240 berkas"))
        self.indicators.setFixedHeight(90)
        self.team = QComboBox(self)
        self.team.addItem(self.tr("(tanpa tim kerja)"), None)
        for team_id, name in teams:
            self.team.addItem(name, team_id)
        if cell and cell.tim_kerja_id:
            self.team.setCurrentIndex(max(0, self.team.findData(cell.tim_kerja_id)))
        form.addRow(self.tr("Peran"), self.peran)
        form.addRow(self.tr("Jenis RHK"), self.kind)
        form.addRow(self.tr("RHK usulan"), self.text)
        form.addRow(self.tr("Indikator"), self.indicators)
        form.addRow(self.tr("Tim kerja"), self.team)
        layout.addLayout(form)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        if cell is not None:
            clear = buttons.addButton(self.tr("Kosongkan sel"), QDialogButtonBox.ButtonRole.DestructiveRole)
            clear.clicked.connect(self._clear)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _clear(self) -> None:
        self.cleared = True
        self.accept()

    def values(self) -> dict[str, Any]:
        return {"peran": self.peran.text(), "text": self.text.toPlainText(), "kind": self.kind.currentData(),
                "indicators": text_to_indicators(self.indicators.toPlainText()),
                "tim_kerja_id": self.team.currentData()}


class TeamDialog(QDialog):
    """Name, description and members (by NIP, from any unit) of a tim kerja."""

    def __init__(self, find_nip: Any, team: Any = None, names: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tim Kerja"))
        self._find = find_nip  # nip -> (employee id, name) or None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(team.name if team else "", self)
        self.description = QLineEdit(team.description if team else "", self)
        form.addRow(self.tr("Nama tim"), self.name)
        form.addRow(self.tr("Uraian"), self.description)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.nip = QLineEdit(self)
        self.nip.setPlaceholderText(self.tr("NIP anggota (boleh dari unit lain)"))
        self.role = QLineEdit(self.tr("Anggota"), self)
        add = QPushButton(self.tr("Tambah"), self)
        add.clicked.connect(self._add)
        self.nip.returnPressed.connect(self._add)
        row.addWidget(self.nip, 2)
        row.addWidget(self.role, 1)
        row.addWidget(add)
        layout.addLayout(row)
        self.members = QListWidget(self)
        layout.addWidget(self.members, 1)
        remove = QPushButton(self.tr("Keluarkan dari tim"), self)
        remove.clicked.connect(lambda: [self.members.takeItem(self.members.row(i))
                                        for i in self.members.selectedItems()])
        layout.addWidget(remove)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.error)
        for m in (team.members if team else []):
            self._append(m["employee_id"], (names or {}).get(m["employee_id"], "?"), m.get("peran") or "Anggota")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def _append(self, employee_id: str, name: str, peran: str) -> None:
        item = QListWidgetItem(f"{name} — {peran}", self.members)
        item.setData(256, (employee_id, peran))

    def _add(self) -> None:
        found = self._find(self.nip.text())
        if found is None:
            self.error.setText(self.tr("NIP {0} tidak ada di daftar pegawai.").format(self.nip.text().strip()))
            return
        self.error.setText("")
        self._append(found[0], found[1], self.role.text().strip() or "Anggota")
        self.nip.clear()

    def values(self) -> tuple[str, str, list[tuple[str, str]]]:
        members = [self.members.item(i).data(256) for i in range(self.members.count())]
        return self.name.text(), self.description.text(), [(m[0], m[1]) for m in members]
