"""`kinerja central init` on a real PostgreSQL server started by the test (no mocks)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, func, select, text

from kinerja_desktop.cli import main
from kinerja_desktop.services.auth_service import authenticate
from kinerja_desktop.services.trust_service import has_root_key, pinned_root
from kinerja_desktop.store.db import head_revision, open_database
from kinerja_desktop.store.models import ChangeLog
from kinerja_desktop.store.signing import fingerprint
from tests.helpers.postgres import throwaway_postgres

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with throwaway_postgres() as url:
        yield url


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def test_init_creates_the_database_admin_and_root_key_and_a_rerun_changes_nothing(server, tmp_path, capsys,
                                                                                  monkeypatch):
    url = f"{server}/kinerja_pusat"
    monkeypatch.setenv("KINERJA_PASSWORD", "Kepegawaian-Pusat-2026!")
    monkeypatch.setenv("KINERJA_ROOT_PASSPHRASE", "frasa sandi akar instansi contoh")
    assert main(["--json", "central", "init", url, "--admin", "admin", "--akar-baru"]) == 0
    first = _json(capsys)
    assert first["created"] is True and first["schema"] == head_revision()
    assert first["encoding"] == "UTF8" and first["server_version"].startswith("15")
    assert first["admin_created"] == "admin" and first["root_created"] is True and first["holds_root"] is True
    assert first["backup"].startswith("pg_dump -Fc -h 127.0.0.1") and "kinerja_pusat" in first["backup"]
    db = open_database(url)
    try:
        assert authenticate(db, "admin", "Kepegawaian-Pusat-2026!").is_admin
        assert has_root_key(db) and fingerprint(pinned_root(db)) == first["root_fingerprint"]
        with db.reader() as s:
            logged = s.scalar(select(func.count()).select_from(ChangeLog))
    finally:
        db.dispose()
    # again, with the same options: nothing new is made, the report says why
    assert main(["--json", "central", "init", url, "--admin", "admin", "--akar-baru"]) == 0
    again = _json(capsys)
    assert again["created"] is False and again["admin_created"] is None and again["root_created"] is False
    assert again["root_fingerprint"] == first["root_fingerprint"]
    assert any("sudah memiliki akun" in n for n in again["notes"])
    assert any("sudah memegangnya" in n for n in again["notes"])
    db = open_database(url)
    try:
        with db.reader() as s:
            assert s.scalar(select(func.count()).select_from(ChangeLog)) == logged
    finally:
        db.dispose()
    # the text output a person reads
    monkeypatch.delenv("KINERJA_ROOT_PASSPHRASE")
    assert main(["central", "init", url]) == 0
    out = capsys.readouterr().out
    assert "skema " + head_revision() in out and first["root_fingerprint"] in out
    assert "database ini memegang kunci akar" in out and "pg_dump -Fc" in out


def test_a_second_database_pins_the_root_key_from_an_enrolment_file(server, tmp_path, capsys, monkeypatch):
    url = f"{server}/kinerja_induk"
    monkeypatch.setenv("KINERJA_PASSWORD", "Kepegawaian-Pusat-2026!")
    monkeypatch.setenv("KINERJA_ROOT_PASSPHRASE", "frasa sandi akar instansi contoh")
    assert main(["--json", "central", "init", url, "--admin", "admin", "--akar-baru"]) == 0
    made = _json(capsys)["root_fingerprint"]
    enrol = tmp_path / "pendaftaran.json"
    assert main(["--db", url, "sync", "akar", "ekspor", str(enrol)]) == 0
    capsys.readouterr()
    mirror = f"{server}/kinerja_cermin"
    assert main(["--json", "central", "init", mirror, "--daftar", str(enrol)]) == 0
    report = _json(capsys)
    assert report["created"] is True and report["root_fingerprint"] == made and report["holds_root"] is False
    assert any("Belum ada akun" in n for n in report["notes"])


def test_failures_are_one_indonesian_sentence(server, tmp_path, capsys):
    # a user that may not create databases
    engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("CREATE ROLE juru LOGIN NOCREATEDB"))
    engine.dispose()
    juru = server.replace("kinerja@", "juru@") + "/kinerja_baru"
    assert main(["central", "init", juru]) == 1
    err = capsys.readouterr().err
    assert "tidak berhak membuat database" in err and "createdb -O juru kinerja_baru" in err
    # nobody listening
    assert main(["central", "init", "postgresql+psycopg://kinerja@127.0.0.1:9/kinerja"]) == 1
    err = capsys.readouterr().err
    assert "127.0.0.1:9" in err and "tidak menjawab" in err and "Traceback" not in err
    # a SQLite file is not the central database
    assert main(["central", "init", f"sqlite:///{tmp_path / 'x.sqlite'}"]) == 1
    assert "PostgreSQL" in capsys.readouterr().err
    # both ways to get a root key at once
    assert main(["central", "init", f"{server}/kinerja_x", "--akar-baru", "--daftar", "f.json"]) == 1
    assert "Pilih salah satu" in capsys.readouterr().err


def test_the_instansi_overview_gives_the_same_figures_on_postgresql_as_on_sqlite(server, tmp_path, capsys,
                                                                                 monkeypatch):
    """The overview's one load of the year (covering indexes of migration 0009) on both engines: every
    period's unit figures and every unit's people, derived in memory, are the same."""
    from datetime import date

    from kinerja_desktop.central.overview import load_instansi
    from kinerja_desktop.services import demo_tindak_lanjut
    from kinerja_desktop.services.auth_service import user_by_username
    from kinerja_desktop.services.demo_service import build_demo

    # The tindak lanjut part of the demo stores source "ASSESSMENT_CENTER" (17 characters) in a
    # String(16) column, which PostgreSQL refuses (SQLite does not check): left out on both engines here.
    monkeypatch.setattr(demo_tindak_lanjut, "build_tindak_lanjut", lambda *_a, **_k: {})
    url = f"{server}/kinerja_ringkasan"
    assert main(["central", "init", url]) == 0
    capsys.readouterr()
    dbs = {"postgresql": open_database(url), "sqlite": open_database(tmp_path / "office.sqlite")}
    try:
        figures, people = {}, {}
        for name, db in dbs.items():
            build_demo(db, employees=40, seed=2, year=2026, today=date(2026, 11, 22))
            admin = user_by_username(db, "admin")
            data = load_instansi(db, admin, 2026)
            figures[name] = {per: [u.to_dict() for u in data.overview(per).units] for per in ("TW3", "TAHUNAN", "S1")}
            people[name] = {(per, u.code): [(p.nip, p.name, p.skp, p.evaluation, p.predikat, p.realised)
                                            for p in data.people(u.unit_id, per)]
                            for per in ("TW1", "TW3", "TAHUNAN") for u in data.overview(per).units}
        assert figures["postgresql"] == figures["sqlite"]
        assert people["postgresql"] == people["sqlite"] and sum(len(v) for v in people["sqlite"].values()) >= 3 * 36
        total = sum(u["final"] for u in figures["sqlite"]["TW3"])
        assert total > 20 and sum(u["realisasi"] for u in figures["sqlite"]["TW3"]) >= total
        with dbs["postgresql"].engine.connect() as conn:
            names = set(conn.exec_driver_sql("SELECT indexname FROM pg_indexes").scalars())
        assert {"ix_plan_year_cover", "ix_realisation_indicator", "ix_evaluation_plan_cover"} <= names
    finally:
        for db in dbs.values():
            db.dispose()


def test_the_root_key_can_be_made_later_by_a_signed_in_admin(server, capsys, monkeypatch):
    url = f"{server}/kinerja_nanti"
    monkeypatch.setenv("KINERJA_PASSWORD", "Kepegawaian-Pusat-2026!")
    assert main(["--json", "central", "init", url, "--admin", "admin"]) == 0
    first = _json(capsys)
    assert first["root_fingerprint"] is None and any("Belum ada kunci akar" in n for n in first["notes"])
    monkeypatch.setenv("KINERJA_ROOT_PASSPHRASE", "frasa sandi akar instansi contoh")
    assert main(["--json", "central", "init", url, "--akar-baru"]) == 1  # who makes it?
    assert "memerlukan admin" in capsys.readouterr().err
    monkeypatch.setenv("KINERJA_PASSWORD", "salah")
    assert main(["--user", "admin", "central", "init", url, "--akar-baru"]) == 1
    assert "Traceback" not in capsys.readouterr().err
    monkeypatch.setenv("KINERJA_PASSWORD", "Kepegawaian-Pusat-2026!")
    assert main(["--json", "--user", "admin", "central", "init", url, "--akar-baru"]) == 0
    made = _json(capsys)
    assert made["root_created"] is True and made["holds_root"] is True and made["root_fingerprint"]
