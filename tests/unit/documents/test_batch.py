"""Batch printing on worker processes: file names, odd-page starts, streaming, cancel, failures."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.documents.batch import BatchSpec, Person, file_name, iter_batch, run_batch
from kinerja_desktop.documents.page_setup import PageSetup, Paper
from kinerja_desktop.documents.print_scope import resolve_employees
from tests.helpers.fixtures import DEMO_YEAR
from tests.unit.documents.pdf_checks import page_texts, reader


def _people(db, n: int | None = None) -> list[Person]:  # type: ignore[no-untyped-def]
    targets = resolve_employees(db, unit_code="PEMKAB", recursive=True)
    return [Person(t.employee_id, t.nip, t.nama) for t in targets[:n]]


def test_file_names() -> None:
    p = Person("0f1e2d3c-aaaa", "198703122010012005", "Siti Rahmawati, S.Kom.")
    assert file_name(p, "evaluasi", "TW1") == "198703122010012005_Siti_Rahmawati_S.Kom_Evaluasi_TW1.pdf"
    assert file_name(Person("0f1e2d3c-aaaa", "", "H. Budi / Bupati"), "skp", "TAHUNAN") == (
        "TANPA-NIP-0f1e2d3c_H._Budi_Bupati_SKP_TAHUNAN.pdf"
    )


def test_split_one_file_per_employee(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    people = _people(demo_db, 12)
    events = []
    result = run_batch(
        demo_db.url,
        BatchSpec("dokumen-evaluasi", DEMO_YEAR, "TW2", PageSetup(paper=Paper.F4)),
        people,
        tmp_path / "out",
        split=True,
        workers=0,
        on_event=events.append,
    )
    assert len(result.files) == len(people) and not result.failures
    names = sorted(p.name for p in (tmp_path / "out").glob("*.pdf"))
    assert names == sorted(file_name(p, "dokumen-evaluasi", "TW2") for p in people)
    assert events[-1].done == events[-1].total == len(people)
    assert len(events) > 1  # streamed in chunks
    first = reader(result.files[0].read_bytes()).pages[0]
    assert round(float(first.mediabox.height) / 72 * 25.4) == 330


def test_combined_on_two_workers_starts_every_document_on_an_odd_page(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    people = _people(demo_db, 30) + [Person("tidak-ada", "", "Hantu")]
    out = tmp_path / "unit.pdf"
    events = []
    result = run_batch(
        demo_db.url, BatchSpec("skp", DEMO_YEAR), people, out, split=False, workers=2, on_event=events.append
    )
    assert [f.message for f in result.failures] == ["Pegawai tidak ditemukan."]
    assert len(result.documents) == 30
    pages = reader(out.read_bytes()).pages
    assert result.pages == len(pages)
    for doc in result.documents:
        assert doc.first_page % 2 == 0  # 0-based even = printed odd page
        assert "Halaman 1 dari" in (pages[doc.first_page].extract_text() or "")
    assert all(ev.part is not None for ev in events if ev.items)  # each chunk's PDF was ready on its own
    assert not list(tmp_path.glob(".kinerja-part-*"))  # parts cleaned up
    texts = page_texts(out.read_bytes())
    assert sum("SASARAN KINERJA PEGAWAI" in t and "Halaman 1 dari" in t for t in texts) == 30


def test_cancel_stops_between_chunks(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    people = _people(demo_db, 40)
    done = []
    for ev in iter_batch(
        demo_db.url,
        BatchSpec("evaluasi", DEMO_YEAR, "TW1"),
        people,
        tmp_path,
        split=True,
        workers=0,
        cancel=lambda: bool(done),
    ):
        done.append(ev)
    assert len(done) == 1 and done[0].done < len(people)
    assert len(list(tmp_path.glob("*.pdf"))) == done[0].done


def test_here_renders_in_this_process_too_and_every_document_lands_once(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`kinerja print` mode: this process takes chunks alongside one worker process."""
    import multiprocessing

    from kinerja_desktop.documents import batch

    batch._WORKER.clear()
    people = _people(demo_db, 36)
    spec = BatchSpec("dokumen-evaluasi", DEMO_YEAR, "TW2")
    events = list(iter_batch(demo_db.url, spec, people, tmp_path, split=True, workers=2, here=True))
    assert events[-1].done == len(people)
    made = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert made == sorted(file_name(p, "dokumen-evaluasi", "TW2") for p in people)
    assert sorted(i.employee_id for ev in events for i in ev.items) == sorted(p.employee_id for p in people)
    assert batch._WORKER.get("url") == demo_db.url  # this process rendered chunks itself
    for child in multiprocessing.active_children():  # the worker exits on its own after the last chunk
        child.join()
    # one core with `here`: no worker process is started at all
    result = run_batch(demo_db.url, spec, people[:6], tmp_path / "one", split=True, workers=1, here=True)
    assert len(result.files) == 6 and not multiprocessing.active_children()
