"""The printed TPP recap: A4 and F4, kop and QR footer like the other sheets, the rule printed on it."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from kinerja_desktop.documents.tpp_print import print_recap
from kinerja_desktop.services.tpp_service import recap, set_rule
from kinerja_desktop.store.db import Database
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.unit.documents.pdf_checks import flat, fonts_not_embedded, page_texts, reader


def test_monthly_recap_prints_people_units_and_the_rule(demo_db: Database, people: People, tmp_path: Path) -> None:
    set_rule(demo_db, people.admin, {"porsi_kinerja": 70, "persen": {"BUTUH_PERBAIKAN": 75},
                                     "dasar": "Peraturan Bupati Contoh Nomor 12 Tahun 2025"})
    rec = recap(demo_db, people.admin, DEMO_YEAR, month=5)
    doc = print_recap(demo_db, rec, tmp_path / "tpp.pdf", today=date(2026, 11, 22))
    pdf = (tmp_path / "tpp.pdf").read_bytes()
    text = flat(" ".join(page_texts(pdf)))
    for needle in ("REKAPITULASI TAMBAHAN PENGHASILAN PEGAWAI", "BULAN MEI 2026",
                   "Peraturan Bupati Contoh Nomor 12 Tahun 2025", "TPP-2026-B05-INSTANSI", rec.lines[0].nama,
                   "Butuh Perbaikan: dibayar 75% dari porsi kinerja = 52,5% dari TPP."):
        assert flat(needle) in text, needle
    assert not fonts_not_embedded(pdf)
    assert doc.pdf == pdf
    width, height = (float(v) for v in reader(pdf).pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait


def test_annual_recap_on_f4_with_twelve_months(demo_db: Database, people: People, tmp_path: Path) -> None:
    rec = recap(demo_db, people.admin, DEMO_YEAR)
    print_recap(demo_db, rec, tmp_path / "tpp.pdf", paper="F4")
    pdf = (tmp_path / "tpp.pdf").read_bytes()
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "tpp.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "TAHUN 2026" in text and "JAN" in text and "DES" in text and "RATA-RATA" in flat(text)
    assert "Halaman 1 dari" in text and "Nomor dokumen: TPP-2026-TAHUNAN-INSTANSI" in text
    width, height = (float(v) for v in reader(pdf).pages[0].mediabox.upper_right)
    assert round(height) == 935  # F4 (215 x 330 mm = 935.4 pt)
