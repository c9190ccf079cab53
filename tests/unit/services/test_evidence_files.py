"""Evidence names without bidi/control characters; types by content, allow-listed; viewer names by type."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import realisation_service as rs
from kinerja_desktop.services.evidence_files import DOC, JPEG, PDF, PNG, XLSX, clean_filename, detect_type, viewer_name
from kinerja_desktop.store.models import Attachment


@pytest.mark.parametrize("name, clean", [
    ("a\u202egpj.exe", "agpj.exe"),                  # right-to-left override: shows as "aexe.jpg"
    ("laporan\u2067fdp.\u2069exe", "laporanfdp.exe"),  # isolates
    ("bukti\u200b\u200f.pdf", "bukti.pdf"),           # zero-width space, right-to-left mark
    ("baris\nbaru\x00\x07.pdf", "barisbaru.pdf"),
    ("..\\..\\Windows\\evil.pdf", "evil.pdf"),
    ("../../etc/passwd", "passwd"),
    ("CON.pdf", "_CON.pdf"),
    ('tanya?"bintang*.pdf', "tanya__bintang_.pdf"),
    ("titik di akhir.exe. . ", "titik di akhir.exe"),
    ("\u202e", "bukti"),
])
def test_clean_filename_removes_bidi_controls_and_folders(name, clean):
    assert clean_filename(name) == clean


def test_types_are_detected_by_content_and_only_allow_listed_ones(tmp_path):
    """PDF, images and office files are known by their bytes; programs, scripts, macro files and zips are not."""
    files = {
        "a.exe": b"%PDF-1.7\n%...",  # a PDF whatever its name
        "b.pdf": b"MZ\x90\x00This program cannot be run in DOS mode",
        "c.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 32,
        "d.jpg": b"\xff\xd8\xff\xe0" + b"\0" * 32,
        "e.txt": b"@echo off\r\nformat c:\r\n",
        "h.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 32,
        "i.msi": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 32,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    Workbook().save(tmp_path / "f.xlsx")
    with zipfile.ZipFile(tmp_path / "g.xlsm", "w") as z:  # a macro workbook, whatever its name says
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/vbaProject.bin", b"\0")
    with zipfile.ZipFile(tmp_path / "j.zip", "w") as z:
        z.writestr("setup.exe", b"MZ")
    found = {p.name: detect_type(p, p.name) for p in sorted(tmp_path.iterdir())}
    assert found == {"a.exe": PDF, "b.pdf": None, "c.png": PNG, "d.jpg": JPEG, "e.txt": None, "f.xlsx": XLSX,
                     "g.xlsm": None, "h.doc": DOC, "i.msi": None, "j.zip": None}


def test_viewer_name_ends_in_the_detected_type():
    assert viewer_name("laporan.pdf.exe", PDF) == "laporan.pdf"
    assert viewer_name("a\u202egpj.exe", PNG) == "agpj.png"
    assert viewer_name("foto", JPEG) == "foto.jpg"
    assert viewer_name("foto.JPEG", JPEG) == "foto.JPEG"
    assert viewer_name("rekap.xlsx", XLSX) == "rekap.xlsx"


def test_names_stored_and_synced_with_bidi_characters_are_shown_clean(demo_db, people, tmp_path):
    """GIVEN an attachment added with a deceptive name, and one whose stored name came from another PC unchanged
    WHEN the realisation is listed THEN neither name carries a control character."""
    ind = ps.get_plan(demo_db, people.staff, people.staff_plan_id).rhk[0].indicators[0].id
    hostile = tmp_path / "foto\u202egpj.exe"
    hostile.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    first = rs.add_evidence(demo_db, people.staff, ind, "TW4", hostile)
    second = rs.add_evidence(demo_db, people.staff, ind, "TW4", hostile)
    with demo_db.session(user="sync") as s:  # as a bundle from another PC would have written it
        s.get(Attachment, second).filename = "surat\u202efdp.exe"
    with demo_db.reader() as s:
        stored = {a.id: (a.filename, a.mime) for a in s.scalars(select(Attachment).where(Attachment.id == first))}
    assert stored[first] == ("fotogpj.exe", "image/png")  # the type comes from the content
    shown = [a.filename for a in rs.realisations_for(demo_db, people.staff, people.staff_plan_id, "TW4")[ind]
             .attachments]
    assert shown == ["fotogpj.exe", "suratfdp.exe"]
