"""Printed follow-up sheets: the recognition list, the usulan letter (signed by the penilai), the JP recap."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja_desktop.documents import tindak_lanjut_print as tp
from kinerja_desktop.domain.errors import NotFound, PermissionDenied
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import recognition_service as rs
from tests.helpers.fixtures import DEMO_TODAY, DEMO_YEAR, People
from tests.unit.documents.pdf_checks import flat, page_texts


def _text(path: Path) -> str:
    return flat("\n".join(page_texts(path.read_bytes())))


def _candidate(db, people: People) -> None:
    from sqlalchemy import select

    from kinerja_desktop.store.models import Rhk

    es.set_ratings(db, people.penilai, people.staff_plan_id, "TW4", hasil="DI_ATAS", perilaku="DI_ATAS")
    with db.reader() as s:
        rhk = s.scalars(select(Rhk.id).where(Rhk.plan_id == people.staff_plan_id).order_by(Rhk.position)).first()
        text = s.get(Rhk, rhk).text
    rs.mark_feedback(db, people.penilai, people.staff_plan_id, "TW4", rhk, "INOVASI", "Layanan daring satu hari")
    es.finalise(db, people.penilai, people.staff_plan_id, "TW4")
    return text


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_the_list_and_the_letter_name_the_basis_and_the_letter_has_the_penilai_signature_field(
        demo_db, people: People, tmp_path: Path, paper: str) -> None:
    rhk_text = _candidate(demo_db, people)
    rs.record_award(demo_db, people.admin, people.staff.employee_id, DEMO_YEAR, "PIAGAM", period="TW4",
                    decree_no="800/77/BKPSDM/2026")
    tp.print_award_list(demo_db, people.admin, DEMO_YEAR, "TW4", tmp_path / "list.pdf", paper=paper, today=DEMO_TODAY)
    text = _text(tmp_path / "list.pdf")
    assert flat("DAFTAR CALON DAN PENERIMA PENGHARGAAN KINERJA") in text and flat("TRIWULAN IV TAHUN 2026") in text
    assert flat(people.staff.display_name.split(",")[0]) in text
    assert flat("Layanan daring satu hari") in text and flat("SK 800/77/BKPSDM/2026") in text
    doc = tp.print_letter(demo_db, people.penilai, people.staff.employee_id, DEMO_YEAR, "TW4",
                          tmp_path / "letter.pdf", paper=paper, today=DEMO_TODAY)
    text = _text(tmp_path / "letter.pdf")
    assert flat("USULAN PEMBERIAN PENGHARGAAN") in text and flat("Sangat Baik") in text
    assert flat(rhk_text)[:40] in text and flat("Layanan daring satu hari") in text
    assert [f.role for f in doc.signature_fields] == ["penilai"]
    assert doc.signature_fields[0].signer_nip == people.penilai.username


def test_only_the_penilai_or_an_admin_drafts_the_letter_and_only_for_a_candidate(demo_db, people: People,
                                                                                 tmp_path: Path) -> None:
    _candidate(demo_db, people)
    with pytest.raises(PermissionDenied):
        tp.print_letter(demo_db, people.staff, people.staff.employee_id, DEMO_YEAR, "TW4", tmp_path / "x.pdf")
    with pytest.raises(NotFound, match="bukan calon"):
        tp.print_letter(demo_db, people.admin, people.penilai.employee_id, DEMO_YEAR, "TW4", tmp_path / "y.pdf")


def test_the_jp_recap_lists_who_is_below_20_jp_per_unit_and_person(demo_db, people: People, tmp_path: Path) -> None:
    tp.print_jp_recap(demo_db, people.admin, DEMO_YEAR, tmp_path / "jp.pdf", today=DEMO_TODAY)
    text = _text(tmp_path / "jp.pdf")
    assert flat("REKAPITULASI PENGEMBANGAN KOMPETENSI PEGAWAI") in text and flat("KURANG DARI 20 JP") in text
    assert flat("PP 17/2020, Pasal 203") in text and flat("REKAP PER UNIT") in text
    assert flat("Pengelola kepegawaian") in text
    assert flat("ya (kurang") in text


def test_the_penilai_signs_the_usulan_letter_like_the_other_sheets(demo_db, people: People, tmp_path: Path) -> None:
    from kinerja_desktop.documents.signing import sign_pdf, signature_state
    from kinerja_desktop.documents.verification import verify_pdf
    from tests.helpers.signing_pki import identity_for, pki

    _candidate(demo_db, people)
    doc = tp.print_letter(demo_db, people.penilai, people.staff.employee_id, DEMO_YEAR, "TW4", tmp_path / "u.pdf",
                          today=DEMO_TODAY)
    field = doc.signature_fields[0]
    signed = sign_pdf(doc.pdf, identity_for(field.signer_name, field.signer_nip), "penilai")
    assert signature_state(signed.pdf) == {"penilai": True}
    report = verify_pdf(signed.pdf, pki().roots())
    assert report.ok, report.summary_lines()
