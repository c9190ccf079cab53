"""The demo office: deterministic for a seed, valid NIPs, every predikat, a complete change log."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.domain.nip import parse_nip
from kinerja_desktop.domain.penilaian import Predikat, Rating, predikat_for
from kinerja_desktop.services.demo_service import build_demo
from kinerja_desktop.store.db import open_database
from kinerja_desktop.store.models import SYNCED_MODELS, ChangeLog, Employee, Evaluation, Unit

TODAY = date(2026, 11, 22)


def small_demo(tmp_path, name: str, *, employees: int = 20, seed: int = 5):
    db = open_database(tmp_path / f"{name}.sqlite")
    summary = build_demo(db, employees=employees, seed=seed, year=2026, today=TODAY)
    return db, summary


def roster(db) -> list[tuple]:
    with db.reader() as s:
        people = s.execute(select(Employee.nip, Employee.name, Employee.golongan, Employee.jabatan)
                           .order_by(Employee.nip, Employee.name)).all()
        units = s.execute(select(Unit.code, Unit.name).order_by(Unit.code)).all()
    return [tuple(r) for r in people + units]


def predikat_by_period(db) -> dict[str, Counter]:
    with db.reader() as s:
        rows = s.execute(select(Evaluation.period, Evaluation.predikat)).all()
    out: dict[str, Counter] = {}
    for period, predikat in rows:
        out.setdefault(period, Counter())[predikat] += 1
    return out


def test_same_seed_same_office_other_seed_other_office(tmp_path):
    a, summary = small_demo(tmp_path, "a")
    b, _ = small_demo(tmp_path, "b")
    c, _ = small_demo(tmp_path, "c", seed=6)
    try:
        assert roster(a) == roster(b)
        assert roster(a) != roster(c)
        assert summary.employees == 20 and summary.periods_evaluated == ["TW1", "TW2", "TW3"]
    finally:
        for db in (a, b, c):
            db.dispose()


def test_every_nip_is_valid_and_matches_the_kind(demo_db):
    with demo_db.reader() as s:
        people = s.execute(select(Employee.nip, Employee.asn_kind, Employee.golongan)).all()
    checked = 0
    for nip, kind, golongan in people:
        if kind == "LAINNYA":
            assert nip is None and golongan is None  # the Bupati: a pejabat negara without NIP
            continue
        info = parse_nip(nip, today=TODAY)
        assert info.kind == kind
        checked += 1
    assert checked == len(people) - 1


def test_fixture_office_shows_all_five_predikat(demo_db):
    for period, counts in predikat_by_period(demo_db).items():
        assert set(counts) == {p.value for p in Predikat}, period


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_small_offices_still_show_all_five_predikat(tmp_path, seed):
    db, _ = small_demo(tmp_path, f"s{seed}", employees=14, seed=seed)
    try:
        for period, counts in predikat_by_period(db).items():
            assert set(counts) == {p.value for p in Predikat}, (period, counts)
        with db.reader() as s:  # predikat always agrees with the two ratings
            for hasil, perilaku, predikat in s.execute(
                    select(Evaluation.rating_hasil, Evaluation.rating_perilaku, Evaluation.predikat)):
                assert predikat_for(Rating(hasil), Rating(perilaku)).value == predikat
    finally:
        db.dispose()


def test_change_log_has_one_insert_per_demo_row(demo_db):
    with demo_db.reader() as s:
        rows = sum(s.execute(select(func.count()).select_from(m)).scalar() for m in SYNCED_MODELS)
        log = s.execute(select(ChangeLog.op, func.count()).group_by(ChangeLog.op)).all()
        seqs = s.execute(select(func.count(ChangeLog.seq.distinct()), func.min(ChangeLog.seq),
                                func.max(ChangeLog.seq))).one()
    assert dict(log)["insert"] >= rows  # tests may add rows of their own later, never fewer entries
    assert seqs[0] == seqs[2] - seqs[1] + 1  # dense sequence numbers


def test_demo_refuses_a_database_with_employees_or_too_few_people(demo_db, tmp_path):
    with pytest.raises(ConflictError, match="sudah berisi pegawai"):
        build_demo(demo_db, employees=10, seed=1, year=2026, today=TODAY)
    with pytest.raises(ValidationError, match="paling sedikit 5"):
        build_demo(demo_db, employees=4)
