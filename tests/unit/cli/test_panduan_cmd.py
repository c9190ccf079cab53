"""`kinerja panduan cetak|daftar`: the printed short guide from the Panduan sources and fresh screenshots."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kinerja_desktop.cli import main
from kinerja_desktop.documents.guide import GUIDE_TOPICS
from kinerja_desktop.documents.guide_source import TOPICS, load_topic
from kinerja_desktop.ui.help.screens import SCREEN_KEYS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_guide_is_printed_with_screenshots_of_the_real_app(tmp_path, capsys) -> None:
    """A4 pages with every topic of the guide and the six screenshots taken by the command itself."""
    out = tmp_path / "panduan.pdf"
    shots = tmp_path / "layar"
    assert main(["panduan", "cetak", "--keluar", str(out), "--simpan-gambar", str(shots)]) == 0
    message = capsys.readouterr().out
    pages = int(re.search(r"\((\d+) halaman, 6 gambar layar\)", message).group(1))
    assert 5 <= pages <= 12  # a few pages

    text = _pdf_text(out)
    for key in GUIDE_TOPICS:
        assert load_topic(key, "id").title in text, key
    assert "Kurang/Misconduct" in text and "paling banyak 70 %" in text  # the kuadran and the curve
    assert f"halaman {pages}" in text
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    pictured = {key for topic in GUIDE_TOPICS for key in load_topic(topic, "id").images()}
    assert pictured == set(SCREEN_KEYS)  # every screenshot taken is used
    assert len([line for line in listing.splitlines()[2:] if " image " in line]) == len(pictured)
    size = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89 pts (A4)" in size

    assert sorted(p.stem for p in shots.glob("*.png")) == sorted(SCREEN_KEYS)
    window = QImage(str(shots / "skp.png"))
    assert (window.width(), window.height()) == (1366, 768)
    # Not a blank grab: the window has many colours (text, tables, the status bar).
    colours = {window.pixel(x, y) for x in range(0, 1366, 7) for y in range(0, 768, 7)}
    assert len(colours) > 20


def test_guide_in_english_and_the_topic_list(tmp_path, capsys) -> None:
    """--bahasa en takes the English files; `daftar` names every topic the app opens with F1."""
    out = tmp_path / "guide.pdf"
    assert main(["panduan", "cetak", "--keluar", str(out), "--bahasa", "en"]) == 0
    text = _pdf_text(out)
    assert "Kinerja Desktop — Short Guide" in text and "Above Expectations" in text
    capsys.readouterr()
    assert main(["--json", "panduan", "daftar"]) == 0
    listed = json.loads(capsys.readouterr().out)["topik"]
    assert [t["kunci"] for t in listed] == list(TOPICS)


def test_wrong_output_name_is_a_clear_error(tmp_path, capsys) -> None:
    assert main(["panduan", "cetak", "--keluar", str(tmp_path / "panduan.docx")]) == 1
    assert main(["panduan", "cetak", "--keluar", str(tmp_path / "tidak-ada" / "p.pdf")]) == 1
    err = capsys.readouterr().err
    assert "harus berakhiran .pdf" in err and "tidak ada" in err and "Traceback" not in err
