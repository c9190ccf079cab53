"""`kinerja pohon`: the pohon kinerja as an indented tree, from the same service as the GUI."""

from __future__ import annotations

import json

from kinerja_desktop.cli import main
from kinerja_desktop.services import pohon_service
from tests.helpers.fixtures import DEMO_YEAR, People


def _as(db, username: str, monkeypatch) -> list[str]:
    monkeypatch.setenv("KINERJA_PASSWORD", username)
    return ["--db", str(db.path), "--user", username]


def test_penilai_prints_their_rhk_with_the_staff_rhk_indented_below(demo_db, people: People, monkeypatch,
                                                                     capsys) -> None:
    args = _as(demo_db, people.penilai.username, monkeypatch)
    assert main([*args, "pohon", "--year", str(DEMO_YEAR), "--depth", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    mine = pohon_service.roots(demo_db, people.penilai, DEMO_YEAR)
    below = pohon_service.children(demo_db, people.penilai, DEMO_YEAR, [n.rhk_id for n in mine])
    child = next(c for nodes in below.values() for c in nodes)
    assert f"- {mine[0].text}" in out if mine[0].kind == "UTAMA" else True
    assert f"    - {child.text}" in out or f"    - [Tambahan] {child.text}" in out
    assert any(line.startswith("      ") and child.owner_name in line and "SKP " in line for line in out)

    assert main([*args, "--json", "pohon", "--year", str(DEMO_YEAR), "--depth", "2"]) == 0
    tree = json.loads(capsys.readouterr().out)
    assert [t["rhk_id"] for t in tree] == [n.rhk_id for n in mine]
    first = next(t for t in tree if t["children"])
    assert {c["rhk_id"] for c in first["children"]} == {c.rhk_id for c in below[first["rhk_id"]]}


def test_staff_may_not_start_at_their_supervisor(demo_db, people: People, monkeypatch, capsys) -> None:
    args = _as(demo_db, people.staff.username, monkeypatch)
    with demo_db.reader() as s:
        from kinerja_desktop.store.models import Employee

        nip = s.get(Employee, people.penilai.employee_id).nip
    assert main([*args, "pohon", "--year", str(DEMO_YEAR), "--nip", nip]) == 1
    err = capsys.readouterr().err
    assert "tidak berwenang" in err and "Traceback" not in err
    assert main([*args, "pohon", "--year", str(DEMO_YEAR), "--depth", "99"]) == 1
