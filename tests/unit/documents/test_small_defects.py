"""Smaller defects of issue 13: QR of the penetapan and blank forms, blank form numbers, a signature
block alone on the last page, font subset tags, CreationDate."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.documents.hashing import payload_for
from kinerja_desktop.documents.loader import SheetLoader
from kinerja_desktop.documents.page_setup import PageSetup
from kinerja_desktop.documents.render import render
from kinerja_desktop.documents.sheet_data import BlankKind
from kinerja_desktop.documents.signed_documents import check_qr
from kinerja_desktop.domain.kepegawaian import Pendekatan
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Evaluation, Unit
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.unit.documents import samples
from tests.unit.documents.pdf_checks import page_texts


def _payload(sheet) -> str:  # type: ignore[no-untyped-def]
    doc = render(sheet)
    return payload_for(doc.doc_id, doc.data_sha256)


def _tamper(payload: str) -> str:
    return payload[:-6] + ("ABCDEF" if not payload.endswith("ABCDEF") else "123456")


# --------------------------------------------------------------------------- 1. QR of penetapan and blank forms


def test_penetapan_qr_is_recognised_and_compared_with_todays_data(demo_db: Database, people: People) -> None:
    with demo_db.reader() as s:
        unit_id = s.scalars(select(Unit.id).where(Unit.code == "D001")).one()
    payload = _payload(SheetLoader(demo_db).penetapan(unit_id, DEMO_YEAR, "TW3"))
    assert payload.startswith(f"KINERJA:PPK-{DEMO_YEAR}-TW3-D001:")
    anonymous = check_qr(demo_db, payload)
    assert anonymous.status == "tidak_tercatat" and "Penetapan Predikat Kinerja" in anonymous.message
    assert "Masuk (--user)" in anonymous.message
    checked = check_qr(demo_db, payload, people.admin)
    assert checked.ok and checked.status == "cocok_data", checked.message
    assert "belum ditandatangani" in checked.message
    wrong = check_qr(demo_db, _tamper(payload), people.admin)
    assert not wrong.ok and wrong.status == "tidak_cocok"


def test_blank_form_qr_is_recognised_with_and_without_a_person(demo_db: Database, people: People) -> None:
    loader = SheetLoader(demo_db)
    for sheet in (
        loader.blank(BlankKind.SKP, year=DEMO_YEAR),
        loader.blank(BlankKind.EVALUASI, year=DEMO_YEAR, period="TW2", pendekatan=Pendekatan.KUALITATIF),
        loader.blank(BlankKind.DOKUMEN_EVALUASI, employee_id=people.staff.employee_id, year=DEMO_YEAR, period="TW1"),
        loader.blank(BlankKind.EVALUASI),
    ):
        payload = _payload(sheet)
        checked = check_qr(demo_db, payload)
        assert checked.ok and checked.status == "cocok_data", (sheet.doc_id, checked.message)
        assert "Formulir kosong" in checked.message
        wrong = check_qr(demo_db, _tamper(payload))
        assert not wrong.ok and wrong.status == "tidak_cocok", wrong.message


# --------------------------------------------------------------------------- 2. blank form numbers and period


def test_blank_forms_have_their_own_numbers(demo_db: Database) -> None:
    loader = SheetLoader(demo_db)
    kuanti = loader.blank(BlankKind.SKP, year=DEMO_YEAR)
    kuali = loader.blank(BlankKind.SKP, year=DEMO_YEAR, pendekatan=Pendekatan.KUALITATIF)
    assert kuanti.doc_id != kuali.doc_id
    assert kuanti.doc_id == f"FORM-{DEMO_YEAR}-TAHUNAN-SKP-JA-JF-KUANTITATIF-KOSONG"
    assert kuali.doc_id == f"FORM-{DEMO_YEAR}-TAHUNAN-SKP-JA-JF-KUALITATIF-KOSONG"
    yearless = loader.blank(BlankKind.EVALUASI)
    assert not yearless.doc_id.startswith("FORM-0-")
    assert yearless.doc_id == "FORM-XXXX-XX-EVALUASI-JA-JF-KUANTITATIF-KOSONG"


def test_blank_skp_form_prints_the_year_not_the_toolbar_period(demo_db: Database) -> None:
    sheet = SheetLoader(demo_db).blank(BlankKind.SKP, year=DEMO_YEAR, period="TW3")
    assert sheet.period is None and sheet.doc_id.startswith(f"FORM-{DEMO_YEAR}-TAHUNAN-")
    text = " ".join(page_texts(render(sheet).pdf))
    assert f"1 JANUARI SD 31 DESEMBER TAHUN {DEMO_YEAR}" in text
    assert "30 SEPTEMBER" not in text


# --------------------------------------------------------------------------- 3. no signature block alone on a page

# (sheet, paper, RHK utama, indicators per RHK): row counts that pushed the signatures alone onto a page
ALONE_BEFORE = [
    ("evaluasi", "A4", 2, 2),
    ("evaluasi", "A4", 4, 1),
    ("skp", "A4", 5, 3),
    ("skp", "A4", 8, 2),
    ("skp", "F4", 1, 1),
    ("evaluasi", "F4", 7, 1),
    ("evaluasi", "F4", 9, 3),
]


@pytest.mark.parametrize(("kind", "paper", "n_utama", "n_indicators"), ALONE_BEFORE)
def test_signature_block_keeps_table_rows_on_its_page(kind: str, paper: str, n_utama: int, n_indicators: int) -> None:
    pl = samples.plan(n_utama=n_utama, n_indicators=n_indicators)
    sheet = samples.skp(pl) if kind == "skp" else samples.evaluasi(pl)
    doc = render(sheet, PageSetup(paper=paper))
    texts = page_texts(doc.pdf)
    with_signatures = [t for t in texts if "Pejabat Penilai Kinerja" in t and "Pegawai yang Dinilai" in t]
    assert with_signatures
    for text in with_signatures:
        before = text.split("Pegawai yang Dinilai", 1)[0]
        assert before.strip(), f"signatures alone on a page:\n{text[:300]}"
    # the signature boxes recorded for signing are on the pages where the blocks are drawn
    pages = {box.page for box in doc.signature_fields}
    assert all("Pegawai yang Dinilai" in texts[p] or "Pejabat Penilai Kinerja" in texts[p] for p in pages)


# --------------------------------------------------------------------------- 4. distinct font subset tags


def _subsets(pdf: bytes) -> dict[str, bytes]:
    """BaseFont name -> embedded font program of every font subset in ``pdf``."""
    from pypdf import PdfReader

    found: dict[str, bytes] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            program = font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
            name = str(font["/BaseFont"]).lstrip("/")
            assert found.setdefault(name, program) == program, name
    return found


def test_every_font_subset_has_its_own_tag(tmp_path: Path) -> None:
    from kinerja_desktop.documents.batch import join_parts
    from kinerja_desktop.documents.render import render_combined

    combined = render_combined([samples.skp(samples.plan()), samples.penetapan(30), samples.dokumen()]).pdf
    subsets = _subsets(combined)
    tags = [name.split("+", 1)[0] for name in subsets]
    assert len(subsets) >= 2 and len(set(tags)) == len(tags), subsets.keys()
    assert all(len(t) == 6 and t.isalpha() and t.isupper() for t in tags) and "AAAAAA" not in tags
    # Files joined one after another (a batch print): a tag names one glyph set only.
    parts = []
    for i, sheet in enumerate((samples.skp(samples.plan()), samples.penetapan(3), samples.skp(samples.plan()))):
        parts.append(tmp_path / f"{i}.pdf")
        parts[-1].write_bytes(render(sheet).pdf)
    joined = tmp_path / "joined.pdf"
    join_parts(parts, joined, title="t", author="a", subject="s", keywords="k")
    by_tag: dict[str, bytes] = {}
    for pdf in (p.read_bytes() for p in parts):
        for name, program in _subsets(pdf).items():
            assert by_tag.setdefault(name, program) == program, f"{name} names two different subsets"
    assert len(by_tag) > 2  # the penetapan's glyph sets differ from the SKP's: their own tags
    assert set(_subsets(joined.read_bytes())) == set(by_tag)


# --------------------------------------------------------------------------- 5. a real CreationDate


def _created(pdf: bytes) -> dt.datetime:
    from pypdf import PdfReader

    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info.creation_date is not None and info.modification_date is not None
    return info.creation_date


def test_creation_date_is_real_and_the_content_hash_stays_deterministic(tmp_path: Path) -> None:
    from kinerja_desktop.documents.batch import join_parts
    from kinerja_desktop.documents.hashing import data_sha256
    from kinerja_desktop.documents.render import render_combined

    before = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    a, b = render(samples.evaluasi()), render(samples.evaluasi())
    for pdf in (a.pdf, render_combined([samples.evaluasi(), samples.skp(samples.plan())]).pdf):
        created = _created(pdf)
        assert created.year != 2000 and created.astimezone(dt.UTC) >= before
    # the document's identity is its data hash, the same for every rendering of the same data
    assert a.data_sha256 == b.data_sha256 == data_sha256(samples.evaluasi())
    assert a.doc_id == b.doc_id
    # byte-identical output only when asked for
    same = [render(samples.evaluasi(), reproducible=True).pdf for _ in range(2)]
    assert same[0] == same[1] and _created(same[0]).year == 2000
    # a batch print's joined file too
    part = tmp_path / "part.pdf"
    part.write_bytes(a.pdf)
    join_parts([part], tmp_path / "all.pdf", title="t", author="a", subject="s", keywords="k")
    assert _created((tmp_path / "all.pdf").read_bytes()).astimezone(dt.UTC) >= before


# --------------------------------------------------------------------------- 6. a re-saved file is not "terpotong"


def test_a_resaved_signed_file_is_called_resaved_and_a_cut_one_truncated() -> None:
    from pypdf import PdfReader, PdfWriter

    from kinerja_desktop.documents.signing import sign_pdf
    from kinerja_desktop.documents.verification import REASONS, verify_pdf
    from tests.helpers.signing_pki import pki, real_sheet, sample_identities

    signed = sign_pdf(real_sheet().pdf, sample_identities()[0], "pegawai").pdf
    assert verify_pdf(signed, pki().roots()).ok
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(signed)))  # what a viewer's "Save as" does
    buf = io.BytesIO()
    writer.write(buf)
    report = verify_pdf(buf.getvalue(), pki().roots())
    assert report.problems == ["resaved"] and report.changed_after_signing and not report.ok
    assert "terpotong" not in " ".join(report.summary_lines()) and REASONS["resaved"] in report.summary_lines()
    assert verify_pdf(signed[:-2000], pki().roots()).problems == ["truncated"]


# --------------------------------------------------------------------------- 6. the penetapan's date line


def test_a_signable_penetapan_is_dated_and_a_konsep_keeps_the_dotted_date(demo_db: Database) -> None:
    from kinerja_desktop.documents.layout_common import format_tanggal

    with demo_db.reader() as s:
        units = dict(s.execute(select(Unit.code, Unit.id).where(Unit.code.in_(("D001", "D001.1.1")))).all())
    loader = SheetLoader(demo_db)
    demo_day = loader.penetapan(units["D001"], DEMO_YEAR, "TW3").tanggal  # the demo records finalisation days too
    assert demo_day is not None and dt.date(DEMO_YEAR, 10, 1) <= demo_day <= dt.date(DEMO_YEAR, 10, 31)
    with demo_db.session(user="admin", role="ADMIN") as s:  # as evaluation_service.finalise records it
        for i, ev in enumerate(s.scalars(select(Evaluation).where(Evaluation.period == "TW3",
                                                                  Evaluation.status == "FINAL"))):
            ev.finalised_at = dt.datetime(DEMO_YEAR, 10, 1 + i % 20, 9, 30)
    final = loader.penetapan(units["D001"], DEMO_YEAR, "TW3")
    assert not final.draft and final.tanggal is not None and final.tanggal.year == DEMO_YEAR
    text = " ".join(page_texts(render(final).pdf))
    assert f"Kota Contoh, {format_tanggal(final.tanggal)}" in text and "Kota Contoh, ....." not in text
    konsep = loader.penetapan(units["D001.1.1"], DEMO_YEAR, "TW3")
    assert konsep.draft and konsep.tanggal is None
