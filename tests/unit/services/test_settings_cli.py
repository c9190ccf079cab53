"""`kinerja pengaturan`: admins change instansi settings; others and bad keys get clear errors."""

from __future__ import annotations

import json

from kinerja_desktop.cli import main
from kinerja_desktop.services.settings_service import get_settings


def test_admin_sets_name_and_periods(demo_db, monkeypatch, capsys):
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    rc = main(["--db", str(demo_db.path), "--user", "admin", "--json", "pengaturan",
               "--set", "instansi.name=DINAS UJI", "--set", "periods=tahunan,tw1"])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert out["instansi.name"] == "DINAS UJI"
    assert out["periods"] == ["TW1", "TAHUNAN"]
    assert get_settings(demo_db)["periods"] == ["TW1", "TAHUNAN"]


def test_unknown_key_and_non_admin_are_refused(demo_db, people, monkeypatch, capsys):
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    assert main(["--db", str(demo_db.path), "--user", "admin", "pengaturan", "--set", "warna=biru"]) == 1
    assert "Pengaturan tidak dikenal: warna" in capsys.readouterr().err
    monkeypatch.setenv("KINERJA_PASSWORD", people.staff.username)
    rc = main(["--db", str(demo_db.path), "--user", people.staff.username, "pengaturan", "--set", "instansi.name=X"])
    assert rc == 1
    assert get_settings(demo_db)["instansi.name"] != "X"
