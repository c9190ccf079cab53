"""`kinerja sync` from a terminal: sync, status, conflicts and choosing, refusals, a new device id."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.services import plan_service
from kinerja_desktop.store.models import Rhk
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import Office


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip().startswith(("{", "[")) else out


def test_cli_sync_status_conflicts_and_choice(office: Office, people: People, capsys, monkeypatch) -> None:
    drafter = people.drafter
    laptop, pc = office.dbs["staff"], office.dbs["reader"]
    with laptop.reader() as s:
        rhk_id = s.execute(select(Rhk.id).where(Rhk.plan_id == people.drafter_plan_id)).scalars().first()
    plan_service.update_rhk(laptop, drafter, rhk_id, text="Versi laptop")
    plan_service.update_rhk(pc, drafter, rhk_id, text="Versi kantor")
    laptop_path, pc_path = str(laptop.path), str(pc.path)

    code, report = _run(capsys, "--db", laptop_path, "sync", "--remote", str(office.store), "--json")
    assert code == 0 and report["entries_pushed"] == 1 and report["store_id"]
    code, report = _run(capsys, "--db", pc_path, "--json", "sync", "--remote", str(office.store))
    assert code == 0 and report["conflicts"] == 1
    code, text = _run(capsys, "--db", laptop_path, "sync")  # the store is remembered
    assert code == 0 and "Sinkronisasi selesai" in text

    code, status = _run(capsys, "--db", pc_path, "--json", "sync", "status")
    assert status["conflicts"] == 1 and status["remote"] == str(office.store)
    code, items = _run(capsys, "--db", pc_path, "--json", "sync", "konflik")
    assert len(items) == 1 and items[0]["field"] == "text"
    values = {items[0]["current"]["value"], *(o["value"] for o in items[0]["others"])}
    assert values == {"Versi laptop", "Versi kantor"}
    keep = items[0]["others"][0]["id"]
    monkeypatch.setenv("KINERJA_PASSWORD", drafter.username)
    code, out = _run(capsys, "--db", pc_path, "--user", drafter.username, "sync", "pilih", "--tetap", str(keep))
    assert code == 0
    code, items = _run(capsys, "--db", pc_path, "--json", "sync", "konflik")
    assert items == []
    code, text = _run(capsys, "--db", pc_path, "sync", "ditolak")
    assert "Tidak ada" in text


def test_cli_reports_an_emptied_store_in_indonesian(office: Office, capsys, tmp_path) -> None:
    path = str(office.dbs["staff"].path)
    assert _run(capsys, "--db", path, "sync", "--remote", str(office.store))[0] == 0
    empty = tmp_path / "kosong"
    empty.mkdir()
    office.store.rename(tmp_path / "pindah")
    empty.rename(office.store)
    code = main(["--db", path, "sync"])
    err = capsys.readouterr().err
    assert code == 1 and "kosong" in err
    code, device = _run(capsys, "--db", path, "--json", "sync", "perangkat-baru")
    assert code == 0 and device["device"]


def test_cli_publishes_the_roster_for_admins_only(office: Office, people: People, capsys, monkeypatch) -> None:
    path = str(office.master)  # the central office (copies made with perangkat-baru drop the root key)
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    monkeypatch.setenv("KINERJA_ROOT_PASSPHRASE", "salah sekali")
    code, out = _run(capsys, "--db", path, "--user", "admin", "--json", "sync", "--remote", str(office.store),
                     "roster")
    assert code == 1  # a wrong root passphrase signs nothing
    monkeypatch.setenv("KINERJA_ROOT_PASSPHRASE", "admin")  # the demo office's root key
    code, out = _run(capsys, "--db", path, "--user", "admin", "--json", "sync", "roster")
    assert code == 0 and out["path"].startswith("roster/")
    code, out = _run(capsys, "--db", path, "--user", "admin", "--json", "sync", "roster")
    assert code == 0 and not out["changed"]
    monkeypatch.setenv("KINERJA_PASSWORD", people.staff.username)
    assert main(["--db", path, "--user", people.staff.username, "sync", "roster"]) == 1


def test_cli_root_key_made_exported_and_pinned_on_a_new_pc(office: Office, people: People, capsys, monkeypatch,
                                                           tmp_path) -> None:
    """kinerja sync akar: the central office makes the key; a new PC pins it from the enrolment file."""
    from kinerja_desktop.services.auth_service import create_first_admin
    from kinerja_desktop.store.db import open_database

    central = tmp_path / "pusat.sqlite"
    create_first_admin(open_database(central), "kepegawaian", "rahasia-kantor")
    monkeypatch.setenv("KINERJA_PASSWORD", "rahasia-kantor")
    monkeypatch.setenv("KINERJA_ROOT_PASSPHRASE", "pendek")
    assert main(["--db", str(central), "--user", "kepegawaian", "sync", "akar", "buat"]) == 1  # too short
    monkeypatch.setenv("KINERJA_ROOT_PASSPHRASE", "frasa-sandi-kantor-pusat")
    code, out = _run(capsys, "--db", str(central), "--user", "kepegawaian", "--json", "sync", "akar", "buat")
    assert code == 0 and len(out["fingerprint"].split()) == 8
    fingerprint = out["fingerprint"]
    assert main(["--db", str(central), "--user", "kepegawaian", "sync", "akar", "buat"]) == 1  # only once
    enrol = tmp_path / "pendaftaran.json"
    code, _ = _run(capsys, "--db", str(central), "sync", "akar", "ekspor", str(enrol))
    assert code == 0 and enrol.is_file()
    staff_pc = str(office.dbs["staff"].path)  # trusts the demo office's root already
    assert main(["--db", staff_pc, "sync", "akar", "daftar", str(enrol)]) == 1  # a different key: refused
    code, out = _run(capsys, "--db", staff_pc, "--json", "sync", "akar", "daftar", str(enrol), "--ganti")
    assert code == 0 and out["fingerprint"] == fingerprint
    code, out = _run(capsys, "--db", staff_pc, "--json", "sync", "akar")
    assert out["fingerprint"] == fingerprint and not out["holds_root"]  # a copy drops the root key
    monkeypatch.setenv("KINERJA_PASSWORD", people.staff.username)
    assert main(["--db", staff_pc, "--user", people.staff.username, "sync", "akar", "buat"]) == 1  # not an admin
