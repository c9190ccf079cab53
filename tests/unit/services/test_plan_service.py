"""The SKP lifecycle: create, edit RHK/indicators/lampiran, ekspektasi, submit, review, revise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kinerja_desktop.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.store.models import Indicator, Plan, Rhk

YEAR = 2027  # a year without demo plans: plans start empty


@pytest.fixture
def new_plan(demo_db, people) -> str:
    return ps.create_plan(demo_db, people.staff, people.staff.employee_id, YEAR)


def texts(view: ps.PlanView, kind: str = "UTAMA") -> list[str]:
    return [r.text for r in view.rhk_of(kind)]


def filled_plan(db, user, plan_id: str) -> str:
    rhk = ps.add_rhk(db, user, plan_id, text="Terlaksananya layanan arsip")
    ps.add_indicator(db, user, rhk, text="Jumlah berkas ditata", aspek="KUANTITAS", target="120 berkas")
    return rhk


# ----------------------------------------------------------------------------- create


def test_create_plan_takes_penilai_and_identity_from_the_roster(demo_db, people, new_plan):
    view = ps.get_plan(demo_db, people.staff, new_plan)
    assert (view.status, view.version, view.year, view.is_current) == ("DRAFT", 1, YEAR, True)
    assert view.penilai_id == people.penilai.employee_id and view.atasan_penilai_id == people.atasan.employee_id
    assert view.snapshot["pegawai"]["nip"] == people.staff.username
    assert view.snapshot["penilai"]["nama"] == people.penilai.display_name
    assert view.rhk == [] and view.editable
    assert ps.create_plan(demo_db, people.staff, people.staff.employee_id, YEAR) == new_plan  # idempotent


def test_create_plan_checks_year_pendekatan_and_who(demo_db, people):
    with pytest.raises(ValidationError, match="Tahun 1999"):
        ps.create_plan(demo_db, people.staff, people.staff.employee_id, 1999)
    with pytest.raises(ValidationError, match="Pendekatan tidak dikenal"):
        ps.create_plan(demo_db, people.staff, people.staff.employee_id, YEAR, "CAMPURAN")
    with pytest.raises(PermissionDenied, match="Hanya pegawai yang bersangkutan"):
        ps.create_plan(demo_db, people.penilai, people.staff.employee_id, YEAR)
    with pytest.raises(PermissionDenied):
        ps.create_plan(demo_db, people.admin, people.staff.employee_id, YEAR)


# ----------------------------------------------------------------------------- RHK


def test_add_move_remove_restore_rhk_keeps_positions_dense(demo_db, people, new_plan):
    u = people.staff
    a = ps.add_rhk(demo_db, u, new_plan, text="A")
    b = ps.add_rhk(demo_db, u, new_plan, text="B")
    ps.add_rhk(demo_db, u, new_plan, text="C")
    ps.add_rhk(demo_db, u, new_plan, text="Z", position=0)
    assert texts(ps.get_plan(demo_db, u, new_plan)) == ["Z", "A", "B", "C"]
    ps.move_rhk(demo_db, u, a, 3)
    assert texts(ps.get_plan(demo_db, u, new_plan)) == ["Z", "B", "C", "A"]
    ps.remove_rhk(demo_db, u, b)
    view = ps.get_plan(demo_db, u, new_plan)
    assert texts(view) == ["Z", "C", "A"] and [r.position for r in view.rhk] == [0, 1, 2]
    with demo_db.reader() as s:
        assert s.get(Rhk, b).deleted  # a tombstone, not a deleted row
    ps.restore_rhk(demo_db, u, b, position=1)
    assert texts(ps.get_plan(demo_db, u, new_plan)) == ["Z", "B", "C", "A"]


def test_update_rhk_text_and_kind(demo_db, people, new_plan):
    u = people.staff
    a = ps.add_rhk(demo_db, u, new_plan, text="A")
    ps.add_rhk(demo_db, u, new_plan, text="B")
    ps.update_rhk(demo_db, u, a, text="  A baru  ", kind="TAMBAHAN")
    view = ps.get_plan(demo_db, u, new_plan)
    assert texts(view) == ["B"] and texts(view, "TAMBAHAN") == ["A baru"]
    assert view.rhk_of("UTAMA")[0].position == 0
    with pytest.raises(ValidationError, match="Jenis RHK tidak dikenal"):
        ps.add_rhk(demo_db, u, new_plan, kind="LAIN")
    with pytest.raises(ValidationError, match="Perspektif tidak dikenal"):
        ps.update_rhk(demo_db, u, a, perspektif="KEUANGAN")


def test_intervensi_must_point_at_a_superior_rhk(demo_db, people):
    u, plan = people.drafter, people.drafter_plan_id
    options = ps.supervisor_rhk_options(demo_db, u, plan)
    assert options, "the demo penilai has a plan with RHK"
    own = ps.get_plan(demo_db, u, plan).rhk[0]
    ps.update_rhk(demo_db, u, own.id, parent_rhk_id=options[-1][0])
    assert ps.get_plan(demo_db, u, plan).rhk[0].parent_text == options[-1][1]
    other = ps.get_plan(demo_db, u, plan).rhk[1]
    with pytest.raises(ValidationError, match="bukan milik sendiri"):
        ps.update_rhk(demo_db, u, own.id, parent_rhk_id=other.id)
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        ps.add_rhk(demo_db, u, plan, text="x", parent_rhk_id="no-such-id")


# ----------------------------------------------------------------------------- indicators and targets


def test_indicators_parse_targets_for_the_pendekatan(demo_db, people, new_plan):
    u = people.staff
    rhk = ps.add_rhk(demo_db, u, new_plan, text="RHK")
    i1 = ps.add_indicator(demo_db, u, rhk, text="Jumlah", target="1.250 berkas")
    i2 = ps.add_indicator(demo_db, u, rhk, text="Mutu", aspek="KUALITAS", target="95,5 %")
    inds = ps.get_plan(demo_db, u, new_plan).rhk[0].indicators
    assert [(i.target_value, i.target_unit, i.aspek) for i in inds] == [(1250.0, "berkas", "KUANTITAS"),
                                                                          (95.5, "%", "KUALITAS")]
    assert inds[1].target_display == "95,5 %"
    with pytest.raises(ValidationError, match="bukan angka"):
        ps.update_indicator(demo_db, u, i1, target="sebanyak mungkin")
    with pytest.raises(ValidationError, match="Aspek tidak dikenal"):
        ps.update_indicator(demo_db, u, i1, aspek="KECEPATAN")
    ps.move_indicator(demo_db, u, i2, 0)
    assert [i.id for i in ps.get_plan(demo_db, u, new_plan).rhk[0].indicators] == [i2, i1]
    ps.remove_indicator(demo_db, u, i2)
    assert [i.id for i in ps.get_plan(demo_db, u, new_plan).rhk[0].indicators] == [i1]
    ps.restore_indicator(demo_db, u, i2)
    assert len(ps.get_plan(demo_db, u, new_plan).rhk[0].indicators) == 2


def test_kualitatif_targets_are_narratives(demo_db, people):
    plan = ps.create_plan(demo_db, people.staff, people.staff.employee_id, YEAR, "KUALITATIF")
    rhk = ps.add_rhk(demo_db, people.staff, plan, text="RHK")
    ps.add_indicator(demo_db, people.staff, rhk, text="Ukuran", target="Pedoman selesai dan disahkan")
    ind = ps.get_plan(demo_db, people.staff, plan).rhk[0].indicators[0]
    assert (ind.target_value, ind.target_text, ind.target_display) == (None, "Pedoman selesai dan disahkan",
                                                                       "Pedoman selesai dan disahkan")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["laporan", "%", "berkas", "hari", ""]))
def test_parse_target_reads_indonesian_thousands(number, unit):
    grouped = f"{number:,}".replace(",", ".")
    assert ps.parse_target(f"{grouped} {unit}", "KUANTITATIF") == (float(number), unit, "")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_parse_target_reads_decimal_commas(whole, frac):
    value, unit, _ = ps.parse_target(f"{whole},{frac:02d} dokumen", "KUANTITATIF")
    assert value == pytest.approx(whole + frac / 100) and unit == "dokumen"


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=0, max_value=1e15, allow_nan=False).map(lambda v: round(v, 3)),
       st.sampled_from(["laporan", "%", "dokumen"]))
def test_format_then_parse_target_round_trips(value, unit):
    shown = ps.format_target(value, unit, "")
    assert "e" not in shown.split(" ")[0].lower(), shown  # never scientific notation on an SKP
    assert ps.parse_target(shown, "KUANTITATIF") == (pytest.approx(value), unit, "")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_parse_target_never_crashes_and_never_returns_negative_or_infinite(text):
    try:
        value, _unit, _ = ps.parse_target(text, "KUANTITATIF")
    except ValidationError:
        return
    assert value is None or 0 <= value < float("inf")


def test_huge_numbers_are_refused_not_stored_as_infinity():
    with pytest.raises(ValidationError):
        ps.parse_target("9" * 400 + " laporan", "KUANTITATIF")
    with pytest.raises(ValidationError, match="negatif"):
        ps.parse_target("-5 laporan", "KUANTITATIF")


# ----------------------------------------------------------------------------- lampiran and ekspektasi


def test_lampiran_add_update_delete(demo_db, people, new_plan):
    u = people.staff
    a = ps.add_lampiran(demo_db, u, new_plan, "DUKUNGAN_SUMBER_DAYA", "Anggaran kegiatan")
    ps.add_lampiran(demo_db, u, new_plan, "DUKUNGAN_SUMBER_DAYA", "Laptop")
    ps.add_lampiran(demo_db, u, new_plan, "KONSEKUENSI", "Teguran")
    ps.update_lampiran(demo_db, u, a, "Anggaran DPA")
    ps.set_lampiran_deleted(demo_db, u, a, True)
    view = ps.get_plan(demo_db, u, new_plan)
    assert [i.text for i in view.lampiran_of("DUKUNGAN_SUMBER_DAYA")] == ["Laptop"]
    assert [i.text for i in view.lampiran_of("KONSEKUENSI")] == ["Teguran"]
    with pytest.raises(ValidationError, match="Jenis lampiran tidak dikenal"):
        ps.add_lampiran(demo_db, u, new_plan, "LAINNYA", "x")
    with pytest.raises(ValidationError, match="wajib diisi"):
        ps.add_lampiran(demo_db, u, new_plan, "KONSEKUENSI", "  ")


def test_ekspektasi_is_written_by_the_penilai_only(demo_db, people, new_plan):
    ps.set_expectation(demo_db, people.penilai, new_plan, "BERORIENTASI_PELAYANAN", "Ramah kepada pemohon")
    assert ps.get_plan(demo_db, people.staff, new_plan).expectations["BERORIENTASI_PELAYANAN"] == \
        "Ramah kepada pemohon"
    with pytest.raises(PermissionDenied, match="untuk diri sendiri"):
        ps.set_expectation(demo_db, people.staff, new_plan, "AKUNTABEL", "x")
    for outsider in (people.atasan, people.other_penilai, people.admin):
        with pytest.raises(PermissionDenied):
            ps.set_expectation(demo_db, outsider, new_plan, "AKUNTABEL", "x")
    with pytest.raises(ValidationError, match="tidak dikenal"):
        ps.set_expectation(demo_db, people.penilai, new_plan, "JUJUR", "x")


# ----------------------------------------------------------------------------- submit and review


def test_submit_explains_what_is_missing(demo_db, people, new_plan):
    u = people.staff
    with pytest.raises(ValidationError, match="belum memiliki Rencana Hasil Kerja utama"):
        ps.submit_plan(demo_db, u, new_plan)
    rhk = ps.add_rhk(demo_db, u, new_plan, text="Terlaksananya layanan")
    with pytest.raises(ValidationError, match="“Terlaksananya layanan” belum memiliki indikator"):
        ps.submit_plan(demo_db, u, new_plan)
    ind = ps.add_indicator(demo_db, u, rhk, text="Jumlah layanan")
    with pytest.raises(ValidationError, match="“Jumlah layanan” belum memiliki target"):
        ps.submit_plan(demo_db, u, new_plan)
    ps.update_indicator(demo_db, u, ind, target="10 layanan")
    ps.add_rhk(demo_db, u, new_plan, text="")
    with pytest.raises(ValidationError, match="RHK nomor 2 masih kosong"):
        ps.submit_plan(demo_db, u, new_plan)


def test_submit_approve_return_resubmit(demo_db, people, new_plan):
    u, pen = people.staff, people.penilai
    rhk = filled_plan(demo_db, u, new_plan)
    with pytest.raises(PermissionDenied, match="Hanya pegawai yang bersangkutan"):
        ps.submit_plan(demo_db, pen, new_plan)
    with pytest.raises(ValidationError, match="Hanya SKP yang sudah diajukan"):
        ps.approve_plan(demo_db, pen, new_plan)
    ps.submit_plan(demo_db, u, new_plan)
    assert ps.get_plan(demo_db, u, new_plan).status == "SUBMITTED"
    with pytest.raises(ValidationError, match="sudah diajukan atau disetujui"):
        ps.add_rhk(demo_db, u, new_plan, text="telat")
    with pytest.raises(ValidationError, match="wajib diisi"):
        ps.return_plan(demo_db, pen, new_plan, " ")
    ps.return_plan(demo_db, pen, new_plan, "Target terlalu rendah")
    view = ps.get_plan(demo_db, u, new_plan)
    assert (view.status, view.review_note, view.editable) == ("RETURNED", "Target terlalu rendah", True)
    ps.update_rhk(demo_db, u, rhk, text="Terlaksananya layanan arsip digital")
    ps.submit_plan(demo_db, u, new_plan)
    for not_penilai in (u, people.atasan, people.other_penilai, people.admin):
        with pytest.raises(PermissionDenied):
            ps.approve_plan(demo_db, not_penilai, new_plan)
    ps.approve_plan(demo_db, pen, new_plan)
    view = ps.get_plan(demo_db, u, new_plan)
    assert (view.status, view.review_note, view.editable) == ("APPROVED", "", False)


def test_revise_makes_a_new_version_and_keeps_the_old_one(demo_db, people):
    u, old_id = people.staff, people.staff_plan_id
    before = ps.get_plan(demo_db, u, old_id)
    with pytest.raises(ValidationError, match="revisi tidak diperlukan"):
        ps.revise_plan(demo_db, people.drafter, people.drafter_plan_id)
    new_id = ps.revise_plan(demo_db, u, old_id)
    new = ps.get_plan(demo_db, u, new_id)
    old = ps.get_plan(demo_db, u, old_id)
    assert (new.version, new.status, new.is_current) == (before.version + 1, "DRAFT", True)
    assert (old.status, old.is_current) == ("APPROVED", False)
    assert [r.text for r in new.rhk] == [r.text for r in before.rhk]
    assert [[i.target_display for i in r.indicators] for r in new.rhk] == \
        [[i.target_display for i in r.indicators] for r in before.rhk]
    assert {r.id for r in new.rhk}.isdisjoint({r.id for r in old.rhk})
    ps.update_rhk(demo_db, u, new.rhk[0].id, text="Diubah di versi 2")
    assert ps.get_plan(demo_db, u, old_id).rhk[0].text == before.rhk[0].text  # old version untouched
    assert ps.current_plan_id(demo_db, u.employee_id, before.year) == new_id
    assert [v[1] for v in ps.plan_versions(demo_db, u, u.employee_id, before.year)] == [2, 1]
    with pytest.raises(ConflictError, match="versi terbaru"):
        ps.revise_plan(demo_db, u, old_id)


# ----------------------------------------------------------------------------- who may read and write


def test_atasan_reads_but_cannot_write(demo_db, people):
    plan = people.staff_plan_id
    assert ps.get_plan(demo_db, people.atasan, plan).status == "APPROVED"
    with pytest.raises(PermissionDenied):
        ps.return_plan(demo_db, people.atasan, plan, "catatan")
    drafter_plan = people.drafter_plan_id
    rhk = ps.get_plan(demo_db, people.drafter, drafter_plan).rhk[0].id
    for outsider in (people.atasan, people.admin, people.other_penilai):
        with pytest.raises(PermissionDenied):
            ps.update_rhk(demo_db, outsider, rhk, text="bukan hak saya")


def test_other_penilai_cannot_even_read_someone_elses_staff(demo_db, people):
    with pytest.raises(PermissionDenied):
        ps.get_plan(demo_db, people.other_penilai, people.staff_plan_id)
    assert ps.get_plan(demo_db, people.admin, people.staff_plan_id).id == people.staff_plan_id


def test_missing_and_tombstoned_rows_are_not_found(demo_db, people, new_plan):
    with pytest.raises(NotFound):
        ps.get_plan(demo_db, people.staff, "no-such-plan")
    rhk = ps.add_rhk(demo_db, people.staff, new_plan, text="A")
    ps.remove_rhk(demo_db, people.staff, rhk)
    with pytest.raises(NotFound, match="RHK tidak ditemukan"):
        ps.update_rhk(demo_db, people.staff, rhk, text="B")
    with demo_db.reader() as s:
        assert s.execute(select(Plan.id).where(Plan.id == new_plan)).scalar() == new_plan
        assert s.execute(select(Indicator).where(Indicator.rhk_id == rhk)).first() is None


def test_a_jpt_skp_is_submitted_only_when_every_rhk_has_its_perspektif(demo_db, people):
    """The JPT form has a PERSPEKTIF column: Ajukan names the RHK without one; with it the plan goes."""
    from kinerja_desktop.services.auth_service import user_by_username
    from kinerja_desktop.store.models import Employee

    with demo_db.reader() as s:
        nip = s.scalars(select(Employee.nip).where(Employee.jenis_jabatan == "JPT_PRATAMA")).first()
    kadis = user_by_username(demo_db, nip)
    plan_id = ps.create_plan(demo_db, kadis, kadis.employee_id, YEAR)
    assert ps.get_plan(demo_db, kadis, plan_id).variant == "JPT"
    rhk = ps.add_rhk(demo_db, kadis, plan_id, text="Meningkatnya kepuasan masyarakat terhadap layanan dinas")
    ps.add_indicator(demo_db, kadis, rhk, text="Indeks kepuasan masyarakat", target="85 indeks")
    with pytest.raises(ValidationError, match="belum memiliki perspektif"):
        ps.submit_plan(demo_db, kadis, plan_id)
    ps.update_rhk(demo_db, kadis, rhk, perspektif="PENERIMA_LAYANAN")
    ps.submit_plan(demo_db, kadis, plan_id)
    assert ps.get_plan(demo_db, kadis, plan_id).status == "SUBMITTED"
