"""Print, then sign, as a clerk and a supervisor would from the README: one print service, signable
single documents, a clear refusal for combined files, KONSEP drafts and the Penetapan Predikat."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.documents.loader import SheetLoader
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Employee, Evaluation, Plan, Unit
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.unit.documents.pdf_checks import page_texts, reader

CA_SECRET, P12_SECRET = "rahasia-ca-cetak", "rahasia-p12-cetak"


@pytest.fixture
def office(demo_db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """The demo office with an office CA (trusted on this PC); ``run(*argv, user=...)`` runs the CLI."""
    monkeypatch.setenv("KINERJA_CA_PASSPHRASE", CA_SECRET)
    monkeypatch.setenv("KINERJA_P12_PASSPHRASE", P12_SECRET)
    db = str(demo_db.path)

    def run(*argv: str, user: str | None = "admin") -> tuple[int, str, str]:
        if user:
            monkeypatch.setenv("KINERJA_PASSWORD", user)
        code = main(["--db", db, *(["--user", user] if user else []), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    code, _out, err = run("certs", "init-ca", "--key", "ec-p256")
    assert code == 0, err
    return run


def _nip(db: Database, employee_id: str) -> str:
    with db.reader() as s:
        return s.get(Employee, employee_id).nip


def _p12(run, folder: Path, nip: str) -> Path:  # type: ignore[no-untyped-def]
    path = folder / f"{nip}.p12"
    code, _out, err = run("certs", "issue", "--nip", nip, "--out", str(path), "--key", "ec-p256")
    assert code == 0, err
    return path


def _info(pdf: bytes) -> dict[str, str]:
    return {k: str(v) for k, v in (reader(pdf).metadata or {}).items()}


def test_readme_flow_print_one_evaluation_then_sign_the_file_as_penilai(
    office, demo_db: Database, people: People, tmp_path: Path
) -> None:
    """GIVEN a final TW3 evaluation WHEN the admin prints it for one NIP and the penilai signs the file
    THEN signing works and the signature verifies (the combined/pypdf route used to drop the fields)."""
    staff, penilai = _nip(demo_db, people.staff.employee_id), _nip(demo_db, people.penilai.employee_id)
    p12 = _p12(office, tmp_path, penilai)
    sheet = tmp_path / "a.pdf"
    code, out, err = office("print", "evaluasi", "--nip", staff, "--year", str(DEMO_YEAR), "--period", "tw3",
                            "--out", str(sheet))
    assert code == 0, err
    info = _info(sheet.read_bytes())
    assert {"/KinerjaSignatureFields", "/KinerjaDocId", "/KinerjaDataSHA256"} <= set(info)
    assert info["/KinerjaDocId"] == f"EVK-{DEMO_YEAR}-TW3-{staff}" and info["/KinerjaStatus"] == "FINAL"
    code, out, err = office("sign", str(sheet), "--p12", str(p12), "--role", "penilai", user=None)
    assert code == 0, err
    assert "Pejabat Penilai Kinerja" in out
    code, out, _ = office("--json", "verify", str(tmp_path / "a-ttd.pdf"), user=None)
    report = json.loads(out)
    assert code == 0 and [s["role"] for s in report["signatures"]] == ["penilai"], out


def test_every_single_document_print_is_signable_and_a_combined_file_is_refused_with_a_way_out(
    office, demo_db: Database, people: People, tmp_path: Path
) -> None:
    """SKP and Dokumen Evaluasi for one NIP keep their fields; a two-person file says to print one
    person or --split, and each --split file signs."""
    staff, penilai = _nip(demo_db, people.staff.employee_id), _nip(demo_db, people.penilai.employee_id)
    year = str(DEMO_YEAR)
    for kind in ("skp", "dokumen-evaluasi"):
        code, _out, err = office("print", kind, "--nip", staff, "--year", year, "--period", "tw1",
                                 "--out", str(tmp_path / f"{kind}.pdf"))
        assert code == 0, err
        info = _info((tmp_path / f"{kind}.pdf").read_bytes())
        assert json.loads(info["/KinerjaSignatureFields"]), kind
    p12 = _p12(office, tmp_path, penilai)
    both = tmp_path / "berdua.pdf"
    code, _out, err = office("print", "evaluasi", "--nip", staff, "--nip", penilai, "--year", year,
                             "--period", "tw1", "--out", str(both))
    assert code == 0, err
    assert len(json.loads(_info(both.read_bytes())["/KinerjaDocuments"])) == 2
    code, _out, err = office("sign", str(both), "--p12", str(p12), "--role", "penilai", user=None)
    assert code == 1 and "cetakan gabungan (2 dokumen)" in err and "--split" in err and "--nip" in err
    assert not (tmp_path / "berdua-ttd.pdf").exists()
    code, out, err = office("--json", "print", "evaluasi", "--nip", staff, "--nip", penilai, "--year", year,
                            "--period", "tw1", "--split", "--out", str(tmp_path / "per-orang"))
    assert code == 0, err
    mine = next(f for f in json.loads(out)["files"] if Path(f).name.startswith(staff))
    code, _out, err = office("sign", mine, "--p12", str(p12), "--role", "penilai", user=None)
    assert code == 0, err


def test_blank_forms_keep_their_fields_but_are_signed_by_hand(office, demo_db: Database, people: People,
                                                               tmp_path: Path) -> None:
    """A named blank form is one document like any other; an e-signature on an empty form is refused."""
    staff, penilai = _nip(demo_db, people.staff.employee_id), _nip(demo_db, people.penilai.employee_id)
    blank = tmp_path / "blanko.pdf"
    code, _out, err = office("print", "blank", "--form", "dokumen-evaluasi", "--nip", staff,
                             "--year", str(DEMO_YEAR), "--period", "tw1", "--out", str(blank))
    assert code == 0, err
    info = _info(blank.read_bytes())
    assert json.loads(info["/KinerjaSignatureFields"]) and info["/KinerjaStatus"] == "BLANKO"
    code, _out, err = office("sign", str(blank), "--p12", str(_p12(office, tmp_path, penilai)), "--role", "penilai",
                             user=None)
    assert code == 1 and "Blanko diisi dan ditandatangani dengan tangan" in err


def test_a_draft_skp_is_marked_konsep_on_every_page_and_no_route_signs_it(
    office, demo_db: Database, people: People, tmp_path: Path
) -> None:
    """GIVEN a DRAFT plan WHEN it is printed THEN every page says KONSEP; the file route and the database
    route refuse to sign it, and nothing is stored; an approved SKP carries no KONSEP."""
    assert people.drafter is not None
    drafter = _nip(demo_db, people.drafter.employee_id)
    draft = tmp_path / "konsep.pdf"
    code, _out, err = office("print", "skp", "--nip", drafter, "--year", str(DEMO_YEAR), "--out", str(draft))
    assert code == 0, err
    texts = page_texts(draft.read_bytes())
    assert texts and all("KONSEP" in t for t in texts)
    assert _info(draft.read_bytes())["/KinerjaStatus"] == "KONSEP"
    p12 = _p12(office, tmp_path, drafter)
    code, _out, err = office("sign", str(draft), "--p12", str(p12), "--role", "pegawai", user=None)
    assert code == 1 and "masih KONSEP" in err
    code, _out, err = office("sign", "--nip", drafter, "--year", str(DEMO_YEAR), "--doc", "skp", "--p12", str(p12),
                             user=drafter)
    assert code == 1 and "belum disetujui" in err
    with demo_db.reader() as s:
        assert s.scalars(select(Document)).first() is None
    final = tmp_path / "final.pdf"
    staff = _nip(demo_db, people.staff.employee_id)
    assert office("print", "skp", "--nip", staff, "--year", str(DEMO_YEAR), "--out", str(final))[0] == 0
    assert not any("KONSEP" in t for t in page_texts(final.read_bytes()))


def test_a_reopened_evaluation_prints_konsep(demo_db: Database, people: People) -> None:
    """An evaluation back in DRAFT makes both the Evaluasi and the Dokumen Evaluasi a KONSEP."""
    from kinerja_desktop.documents.render import render

    with demo_db.session() as s:
        ev = s.scalars(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id,
                                                Evaluation.period == "TW2")).one()
        ev.status = "DRAFT"
    loader = SheetLoader(demo_db)
    for kind in ("evaluasi", "dokumen-evaluasi"):
        (sheet,) = loader.load(kind, [people.staff.employee_id], DEMO_YEAR, "TW2")
        doc = render(sheet)
        assert doc.draft and all("KONSEP" in t for t in page_texts(doc.pdf)), kind
        (final,) = loader.load(kind, [people.staff.employee_id], DEMO_YEAR, "TW1")
        assert not render(final).draft


def _unit(db: Database, code: str) -> tuple[str, str]:
    with db.reader() as s:
        unit = s.scalars(select(Unit).where(Unit.code == code)).one()
    sheet = SheetLoader(db).penetapan(unit.id, DEMO_YEAR, "TW3")
    return unit.id, _nip(db, sheet.pimpinan_id)


def test_penetapan_is_signed_by_its_pimpinan_in_file_and_database_mode(
    office, demo_db: Database, people: People, tmp_path: Path
) -> None:
    """The admin prints a unit's penetapan; its pimpinan signs the file (--role pimpinan) or the record
    (--doc penetapan --unit); someone else is refused; a unit with open evaluations is a KONSEP."""
    _unit_id, head = _unit(demo_db, "D001")
    p12 = _p12(office, tmp_path, head)
    pen = tmp_path / "penetapan.pdf"
    code, _out, err = office("print", "penetapan", "--unit", "D001", "--year", str(DEMO_YEAR), "--period", "tw3",
                             "--out", str(pen))
    assert code == 0, err
    assert json.loads(_info(pen.read_bytes())["/KinerjaSignatureFields"])[0]["role"] == "pimpinan"
    code, out, err = office("sign", str(pen), "--p12", str(p12), "--role", "pimpinan", user=None)
    assert code == 0, err
    assert "Pimpinan" in out
    code, out, _ = office("--json", "verify", str(tmp_path / "penetapan-ttd.pdf"), user=None)
    assert code == 0 and json.loads(out)["signatures"][0]["role"] == "pimpinan"

    staff = _nip(demo_db, people.staff.employee_id)
    code, _out, err = office("sign", "--doc", "penetapan", "--unit", "D001", "--year", str(DEMO_YEAR),
                             "--period", "tw3", "--p12", str(_p12(office, tmp_path, staff)), user=staff)
    assert code == 1 and "ditandatangani oleh pimpinan unit" in err
    code, out, err = office("--json", "sign", "--doc", "penetapan", "--unit", "D001", "--year", str(DEMO_YEAR),
                            "--period", "tw3", "--p12", str(p12), "--out", str(tmp_path / "db.pdf"), user=head)
    assert code == 0, err
    assert json.loads(out)["status"] == "SIGNED"
    with demo_db.reader() as s:
        (doc,) = s.scalars(select(Document).where(Document.kind == "penetapan")).all()
        assert doc.period == "TW3" and doc.signers[0]["doc_id"] == f"PPK-{DEMO_YEAR}-TW3-D001"
    code, _out, err = office("sign", "--doc", "penetapan", "--unit", "D001", "--year", str(DEMO_YEAR),
                             "--period", "tw3", "--p12", str(p12), user=head)
    assert code == 1 and "sudah ditandatangani" in err

    _unit_id, sub_head = _unit(demo_db, "D001.1.1")
    code, _out, err = office("sign", "--doc", "penetapan", "--unit", "D001.1.1", "--year", str(DEMO_YEAR),
                             "--period", "tw3", "--p12", str(_p12(office, tmp_path, sub_head)), user=sub_head)
    assert code == 1 and "KONSEP" in err


def test_one_person_print_through_the_service_matches_a_direct_rendering(demo_db: Database, people: People,
                                                                        tmp_path: Path) -> None:
    """The service's one-document rule: the file IS render(sheet) (same bytes), for the GUI as for the CLI."""
    from kinerja_desktop.documents.print_service import PrintJob, print_documents
    from kinerja_desktop.documents.render import render

    job = PrintJob("evaluasi", DEMO_YEAR, tmp_path, period="TW1", employee_ids=(people.staff.employee_id,),
                   reproducible=True)
    result = print_documents(demo_db, people.penilai, job)
    (path,) = result.files
    (sheet,) = SheetLoader(demo_db).load("evaluasi", [people.staff.employee_id], DEMO_YEAR, "TW1")
    assert path.read_bytes() == render(sheet, reproducible=True).pdf and result.single is not None
    with demo_db.reader() as s:
        assert s.get(Plan, people.staff_plan_id) is not None


def test_the_curve_is_not_called_sesuai_when_nobody_is_rated(demo_db: Database, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """0 of N staff rated: the penetapan and `kinerja kurva` say the curve cannot be checked yet."""
    import dataclasses

    from kinerja_desktop.documents.render import render
    from tests.unit.documents import samples

    sheet = samples.penetapan()
    unrated = dataclasses.replace(sheet, rows=tuple(dataclasses.replace(r, predikat=None) for r in sheet.rows))
    text = " ".join(" ".join(page_texts(render(unrated).pdf)).split())
    assert "belum dapat diperiksa" in text and "Sesuai dengan kurva" not in text
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    code = main(["--db", str(demo_db.path), "--user", "admin", "kurva", "--unit", "PEMKAB", "--year",
                 str(DEMO_YEAR), "--period", "TW4", "--org-predikat", "BAIK"])
    out = capsys.readouterr().out
    assert code == 1 and "belum dapat diperiksa" in out and "Sesuai kurva" not in out
