"""`kinerja penghargaan|kompetensi|pengembangan`: the same services and permission checks as the GUI."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.store.models import Employee, Rhk
from tests.helpers.fixtures import People


def _as(db, monkeypatch, username: str, password: str | None = None) -> list[str]:
    monkeypatch.setenv("KINERJA_PASSWORD", password or username)
    return ["--db", str(db.path), "--user", username]


def _nip(db, employee_id: str) -> str:
    with db.reader() as s:
        return s.get(Employee, employee_id).nip


def test_competency_standard_assessment_and_profile(demo_db, people: People, monkeypatch, capsys, tmp_path) -> None:
    admin = _as(demo_db, monkeypatch, "admin")
    assert main([*admin, "kompetensi", "katalog", "--level"]) == 0
    out = capsys.readouterr().out
    assert "M8 Pengambilan Keputusan (manajerial)" in out and "S1 Perekat Bangsa (sosial kultural)" in out
    nip = _nip(demo_db, people.staff.employee_id)
    with demo_db.reader() as s:
        jabatan = s.get(Employee, people.staff.employee_id).jabatan
    assert main([*admin, "kompetensi", "atur", jabatan, "--kode", "M3", "--level", "4"]) == 0
    wb = Workbook()
    wb.active.append(["jabatan", "kode", "level"])
    wb.active.append([jabatan, "M9", 3])
    wb.save(tmp_path / "std.xlsx")
    assert main([*admin, "kompetensi", "import", str(tmp_path / "std.xlsx")]) == 1
    assert "Baris 2, kolom nama: Nama kompetensi teknis wajib diisi." in capsys.readouterr().out
    penilai = _as(demo_db, monkeypatch, people.penilai.username)
    assert main([*penilai, "kompetensi", "nilai", nip, "--kode", "M3", "--level", "2"]) == 0
    capsys.readouterr()
    assert main([*penilai, "--json", "kompetensi", "profil", nip]) == 0
    gaps = {g["code"]: g for g in json.loads(capsys.readouterr().out)["gaps"]}
    assert (gaps["M3"]["required"], gaps["M3"]["assessed"], gaps["M3"]["gap"]) == (4, 2, 2)
    staff = _as(demo_db, monkeypatch, people.staff.username)
    assert main([*staff, "kompetensi", "nilai", nip, "--kode", "M3", "--level", "5"]) == 1
    assert "untuk diri sendiri" in capsys.readouterr().err


def test_development_plan_completion_and_recap(demo_db, people: People, monkeypatch, capsys, tmp_path) -> None:
    nip = _nip(demo_db, people.staff.employee_id)
    penilai = _as(demo_db, monkeypatch, people.penilai.username)
    assert main([*penilai, "pengembangan", "tambah", nip, "--year", "2026", "--bentuk", "COACHING", "--topik",
                 "Public speaking", "--jp", "8", "--mulai", "01-10-2026", "--selesai", "05-10-2026"]) == 0
    capsys.readouterr()
    assert main([*penilai, "--json", "pengembangan", "rencana", nip, "--year", "2026"]) == 0
    item = next(i for i in json.loads(capsys.readouterr().out)["items"] if i["topic"] == "Public speaking")
    cert = tmp_path / "sertifikat.pdf"
    cert.write_bytes(b"%PDF-1.4 sertifikat")
    assert main([*penilai, "pengembangan", "selesai", item["id"], "--tanggal", "05-10-2026"]) == 1
    assert "Hanya pegawai yang bersangkutan" in capsys.readouterr().err
    staff = _as(demo_db, monkeypatch, people.staff.username)
    assert main([*staff, "pengembangan", "selesai", item["id"], "--tanggal", "05-10-2026", "--sertifikat",
                 str(cert)]) == 0
    assert main([*staff, "pengembangan", "tambah", nip, "--bentuk", "SEMINAR", "--topik", "Diri sendiri"]) == 1
    capsys.readouterr()
    admin = _as(demo_db, monkeypatch, "admin")
    assert main([*admin, "pengembangan", "rekap", "--year", "2026", "--xlsx", str(tmp_path / "jp.xlsx"), "--out",
                 str(tmp_path / "jp.pdf"), "--paper", "F4"]) == 0
    out = capsys.readouterr().out
    assert "PNS di bawah 20 JP" in out and "Per pegawai:" in out
    assert (tmp_path / "jp.pdf").read_bytes().startswith(b"%PDF")
    assert load_workbook(tmp_path / "jp.xlsx").sheetnames == ["Per Pegawai", "Per Unit"]


def test_marking_candidates_awards_and_printing(demo_db, people: People, monkeypatch, capsys, tmp_path) -> None:
    from kinerja_desktop.services import evaluation_service as es

    es.set_ratings(demo_db, people.penilai, people.staff_plan_id, "TW4", hasil="DI_ATAS", perilaku="SESUAI")
    with demo_db.reader() as s:
        rhk = s.scalars(select(Rhk.id).where(Rhk.plan_id == people.staff_plan_id).order_by(Rhk.position)).first()
    penilai = _as(demo_db, monkeypatch, people.penilai.username)
    assert main([*penilai, "penghargaan", "tandai", "--plan", people.staff_plan_id, "--period", "TW4", "--rhk", rhk,
                 "--tanda", "INOVASI"]) == 1
    assert "Alasan wajib diisi" in capsys.readouterr().err
    nip = _nip(demo_db, people.staff.employee_id)
    assert main([*penilai, "penghargaan", "tandai", "--nip", nip, "--year", "2026", "--period", "TW4", "--rhk", "99",
                 "--tanda", "INOVASI", "--alasan", "x"]) == 1
    assert "nomor 99 tidak ada" in capsys.readouterr().err
    assert main([*penilai, "penghargaan", "tandai", "--nip", nip, "--year", "2026", "--period", "TW4", "--rhk", "1",
                 "--tanda", "INOVASI", "--alasan", "Aplikasi antrean daring"]) == 0
    from kinerja_desktop.services.recognition_service import marks_of

    marks = marks_of(demo_db, people.penilai, people.staff_plan_id, "TW4")
    assert marks == {rhk: ("INOVASI", "Aplikasi antrean daring")}
    es.finalise(demo_db, people.penilai, people.staff_plan_id, "TW4")
    nip = _nip(demo_db, people.staff.employee_id)
    capsys.readouterr()
    assert main([*penilai, "--json", "penghargaan", "calon", "--year", "2026", "--period", "TW4"]) == 0
    cands = json.loads(capsys.readouterr().out)["candidates"]
    assert any(c["nip"] == nip and c["marks"][0]["reason"] == "Aplikasi antrean daring" for c in cands)
    assert main([*penilai, "penghargaan", "usulan", nip, "--year", "2026", "--period", "TW4", "--out",
                 str(tmp_path / "u.pdf")]) == 0
    assert (tmp_path / "u.pdf").read_bytes().startswith(b"%PDF")
    assert main([*penilai, "penghargaan", "catat", nip, "--year", "2026", "--jenis", "PIAGAM"]) == 1
    assert "Hanya admin" in capsys.readouterr().err
    admin = _as(demo_db, monkeypatch, "admin")
    assert main([*admin, "penghargaan", "catat", nip, "--year", "2026", "--period", "TW4", "--jenis", "PIAGAM",
                 "--tanggal", "02-11-2026", "--nomor", "800/5/2026"]) == 0
    assert main([*admin, "penghargaan", "cetak", "--year", "2026", "--period", "TW4", "--out",
                 str(tmp_path / "d.pdf")]) == 0
    staff = _as(demo_db, monkeypatch, people.staff.username)
    capsys.readouterr()
    assert main([*staff, "penghargaan", "daftar", nip]) == 0
    assert "Piagam penghargaan" in capsys.readouterr().out and Path(tmp_path / "d.pdf").exists()
    assert main([*staff, "penghargaan", "catat", nip, "--jenis", "PIAGAM", "--tanggal", "32-13-2026"]) == 1
