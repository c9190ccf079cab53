"""`kinerja matriks` and `kinerja penugasan`: the same services from a terminal, with Indonesian errors."""

from __future__ import annotations

import json

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.services import plan_service
from kinerja_desktop.store.models import Employee
from tests.helpers.fixtures import People


def _nip(db, employee_id: str) -> str:
    with db.reader() as s:
        return s.get(Employee, employee_id).nip


def _as(db, username: str, monkeypatch) -> list[str]:
    monkeypatch.setenv("KINERJA_PASSWORD", username)
    return ["--db", str(db.path), "--user", username]


def test_head_fills_prints_and_staff_accepts(demo_db, people: People, monkeypatch, tmp_path, capsys) -> None:
    head = _as(demo_db, people.penilai.username, monkeypatch)
    staff_nip = _nip(demo_db, people.staff.employee_id)
    plan = plan_service.create_plan(demo_db, people.penilai, people.penilai.employee_id, 2027)
    plan_service.add_rhk(demo_db, people.penilai, plan, text="Tertibnya arsip dinamis")
    assert main([*head, "matriks", "isi", "--year", "2027", "--rhk", "A.1", "--nip", staff_nip, "--peran",
                 "Pengolah arsip", "--rhk-pegawai", "Terolahnya arsip aktif", "--indikator",
                 "KUANTITAS|Berkas diolah|500 berkas"]) == 0
    assert main([*head, "matriks", "isi", "--year", "2027", "--rhk", "C.9", "--nip", staff_nip,
                 "--rhk-pegawai", "X"]) == 1
    assert "nomor yang ada: A.1" in capsys.readouterr().err
    assert main([*head, "matriks", "lihat", "--year", "2027"]) == 0
    assert "Pengolah arsip -> Terolahnya arsip aktif (Menunggu)" in capsys.readouterr().out
    assert main([*head, "matriks", "cetak", "--year", "2027", "--out", str(tmp_path / "m.pdf")]) == 0
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")

    staff = _as(demo_db, people.staff.username, monkeypatch)
    plan_service.create_plan(demo_db, people.staff, people.staff.employee_id, 2027)
    capsys.readouterr()
    assert main([*staff, "--json", "matriks", "usulan", "--year", "2027"]) == 0
    (draft,) = json.loads(capsys.readouterr().out)
    assert draft["parent"] == "Tertibnya arsip dinamis"
    assert main([*staff, "matriks", "terima", draft["id"][:8], "--year", "2027"]) == 0
    assert main([*staff, "matriks", "terima", draft["id"][:8], "--year", "2027"]) == 1
    assert "sudah diterima" in capsys.readouterr().err


def test_penugasan_from_the_sk_to_the_annual_view(demo_db, people: People, monkeypatch, tmp_path, capsys) -> None:
    admin = _as(demo_db, "admin", monkeypatch)
    staff_nip = _nip(demo_db, people.staff.employee_id)
    atasan_nip = _nip(demo_db, people.atasan.employee_id)
    assert main([*admin, "penugasan", "catat", "--nip", staff_nip, "--jenis", "PLT", "--tmt", "2026-04-01",
                 "--selesai", "2026-06-30", "--jabatan", "Kepala Seksi Arsip", "--penilai", atasan_nip,
                 "--sk", "821/7/2026"]) == 0
    pid = capsys.readouterr().out.split("buka-skp ")[1].strip()
    assert main([*admin, "penugasan", "catat", "--nip", staff_nip, "--jenis", "MUTASI", "--tmt", "1-7-2026"]) == 1
    assert "TTTT-BB-HH" in capsys.readouterr().err
    staff = _as(demo_db, people.staff.username, monkeypatch)
    assert main([*staff, "penugasan", "buka-skp", pid]) == 0
    assert main([*staff, "penugasan", "cetak", pid, "--out", str(tmp_path / "plt.pdf")]) == 0
    assert (tmp_path / "plt.pdf").read_bytes().startswith(b"%PDF")
    assert main([*staff, "penugasan", "cetak", pid, "--skp-lama", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "SKP lama tidak ada" in capsys.readouterr().err
    assert main([*staff, "penugasan", "daftar", "--year", "2026"]) == 0
    assert "Pelaksana Tugas (Plt.)" in capsys.readouterr().out
    assert main([*staff, "--json", "penugasan", "tahunan", "--year", "2026", "--nip", staff_nip]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rule"] == "PROPORSIONAL" and len(data["segments"]) == 1


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_import_template_and_dry_run(demo_db, monkeypatch, tmp_path, capsys, suffix) -> None:
    admin = _as(demo_db, "admin", monkeypatch)
    path = tmp_path / f"templat{suffix}"
    assert main(["matriks", "impor-templat", str(path)]) == 0
    assert main([*admin, "matriks", "impor", str(path), "--year", "2026", "--dry-run"]) == 0
    assert "0 RHK untuk 0 pegawai akan diimpor" in capsys.readouterr().out
