"""Realisation per period and evidence files (bukti dukung) in the content-addressed blob store."""

from __future__ import annotations

import hashlib
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.domain.errors import FrozenError, PermissionDenied, StorageError, ValidationError
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import realisation_service as rs
from kinerja_desktop.store.models import Attachment, ChangeLog, Realisation


def first_indicator(db, user, plan_id: str) -> str:
    return ps.get_plan(db, user, plan_id).rhk[0].indicators[0].id


def footprint(db) -> tuple[int, int, int, int]:
    """(attachments, realisations, change log entries, blob files): what a refused upload must not change."""
    with db.reader() as s:
        counts = tuple(s.execute(select(func.count()).select_from(m)).scalar() for m in
                       (Attachment, Realisation, ChangeLog))
    blobs = sum(1 for f in db.blobs.root.rglob("*") if f.is_file()) if db.blobs.root.exists() else 0
    return (*counts, blobs)


def test_realisation_only_on_approved_plans(demo_db, people):
    ind = first_indicator(demo_db, people.drafter, people.drafter_plan_id)
    with pytest.raises(ValidationError, match="sudah disetujui"):
        rs.set_realisation(demo_db, people.drafter, ind, "TW4", value="3 laporan")


def test_set_realisation_reads_the_number_and_keeps_the_text(demo_db, people):
    ind = first_indicator(demo_db, people.staff, people.staff_plan_id)
    rid = rs.set_realisation(demo_db, people.staff, ind, "tw4", value="1.250 laporan", note="lengkap",
                             reported_on=date(2026, 11, 20))
    view = rs.realisations_for(demo_db, people.staff, people.staff_plan_id, "TW4")[ind]
    assert (view.id, view.value_text, view.value_number, view.note) == (rid, "1.250 laporan", 1250.0, "lengkap")
    assert rs.set_realisation(demo_db, people.staff, ind, "TW4", value="1.300 laporan") == rid  # same row


def test_date_outside_the_period_is_refused(demo_db, people):
    ind = first_indicator(demo_db, people.staff, people.staff_plan_id)
    with pytest.raises(ValidationError) as info:
        rs.set_realisation(demo_db, people.staff, ind, "TW4", value="1", reported_on=date(2026, 3, 1))
    assert "di luar periode" in str(info.value) and "01-10-2026 s.d. 31-12-2026" in str(info.value)


def test_finalised_period_is_frozen(demo_db, people):
    ind = first_indicator(demo_db, people.staff, people.staff_plan_id)
    with pytest.raises(FrozenError, match="sudah difinalkan"):
        rs.set_realisation(demo_db, people.staff, ind, "TW1", value="5")


def test_only_the_employee_writes_realisation(demo_db, people):
    ind = first_indicator(demo_db, people.staff, people.staff_plan_id)
    for other in (people.penilai, people.atasan, people.admin, people.other_penilai):
        with pytest.raises(PermissionDenied):
            rs.set_realisation(demo_db, other, ind, "TW4", value="5")


def test_evidence_is_stored_by_sha256_and_deduplicated(demo_db, people, tmp_path):
    ind = first_indicator(demo_db, people.staff, people.staff_plan_id)
    content = b"%PDF-1.4 laporan triwulan IV\n" * 100
    (tmp_path / "laporan.pdf").write_bytes(content)
    (tmp_path / "salinan.pdf").write_bytes(content)
    a = rs.add_evidence(demo_db, people.staff, ind, "TW4", tmp_path / "laporan.pdf")
    b = rs.add_evidence(demo_db, people.staff, ind, "TW4", tmp_path / "salinan.pdf")
    sha = hashlib.sha256(content).hexdigest()
    atts = rs.realisations_for(demo_db, people.staff, people.staff_plan_id, "TW4")[ind].attachments
    assert [(x.id, x.filename, x.sha256, x.size, x.mime) for x in atts] == [
        (a, "laporan.pdf", sha, len(content), "application/pdf"), (b, "salinan.pdf", sha, len(content),
                                                                   "application/pdf")]
    stored = rs.evidence_path(demo_db, people.penilai, a)
    assert stored == demo_db.blobs.root / sha[:2] / sha and stored.read_bytes() == content
    assert len(list((demo_db.blobs.root / sha[:2]).glob(sha + "*"))) == 1  # one copy for two uploads
    rs.set_evidence_deleted(demo_db, people.staff, b)
    assert [x.id for x in rs.realisations_for(demo_db, people.staff, people.staff_plan_id, "TW4")[ind]
            .attachments] == [a]
    with demo_db.reader() as s:
        assert s.get(Attachment, b).deleted


@pytest.mark.parametrize("case", ["too_large", "missing", "unreadable", "not_allowed"])
def test_refused_evidence_writes_nothing(demo_db, people, tmp_path, case):
    ind = first_indicator(demo_db, people.staff, people.staff_plan_id)
    big = tmp_path / "besar.pdf"
    big.write_bytes(b"x" * 4096)
    user, path, kwargs, error, message = {
        "too_large": (people.staff, big, {"max_bytes": 1024}, ValidationError, "terlalu besar"),
        "missing": (people.staff, tmp_path / "hilang.pdf", {}, ValidationError, "tidak ditemukan"),
        "unreadable": (people.staff, Path("/proc/self/mem"), {}, ValidationError, "tidak dapat dibaca"),
        "not_allowed": (people.penilai, big, {}, PermissionDenied, "Hanya pegawai"),
    }[case]
    if case == "unreadable" and not path.exists():
        pytest.skip("needs Linux /proc (a regular file whose read fails with EIO, even for root)")
    before = footprint(demo_db)
    with pytest.raises(error, match=message):
        rs.add_evidence(demo_db, user, ind, "TW4", path, **kwargs)
    assert footprint(demo_db) == before


def test_evidence_not_yet_synced_is_explained(demo_db, people, tmp_path):
    ind = first_indicator(demo_db, people.staff, people.staff_plan_id)
    (tmp_path / "a.txt").write_bytes(b"isi")
    att = rs.add_evidence(demo_db, people.staff, ind, "TW4", tmp_path / "a.txt")
    rs.evidence_path(demo_db, people.staff, att).unlink()
    with pytest.raises(ValidationError, match="menunggu sinkronisasi"):
        rs.evidence_path(demo_db, people.staff, att)


@pytest.fixture
def full_blob_disk(demo_db):
    """The blob store on a real 1 MiB tmpfs (a full disk); skipped where mounting is refused."""
    root = demo_db.blobs.root
    root.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(root)], capture_output=True,
                             check=False)
    if mounted.returncode != 0:
        pytest.skip(f"mount refused here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield root
    finally:
        subprocess.run(["umount", str(root)], check=True)


def test_disk_full_while_adding_evidence_says_the_disk_is_full(demo_db, people, tmp_path, full_blob_disk):
    """GIVEN the data folder on a disk with 1 MiB free WHEN a 3 MiB evidence file is added THEN the message says the
    disk is full (not that the source file is unreadable) and nothing is left behind."""
    ind = first_indicator(demo_db, people.staff, people.staff_plan_id)
    evidence = tmp_path / "laporan besar.pdf"
    evidence.write_bytes(b"%PDF-1.7\n" + os.urandom(3 * 1024 * 1024))
    before = footprint(demo_db)
    with pytest.raises(StorageError) as caught:
        rs.add_evidence(demo_db, people.staff, ind, "TW4", evidence)
    message = str(caught.value)
    assert message.startswith("Disk penuh: berkas “laporan besar.pdf” tidak dapat disimpan ke ") and \
        "Kosongkan ruang" in message and "dibaca" not in message
    assert caught.value.code == "storage.full"
    assert footprint(demo_db) == before
    assert not any(full_blob_disk.iterdir())  # the half-written temporary file is gone
