"""Batch printing: many employees' sheets on worker processes, streamed as they are made.

Work is cut into small chunks of employees; each worker process opens the database itself,
loads its chunk with :class:`~kinerja_desktop.documents.loader.SheetLoader` and renders it. With
``here`` (the command line) the calling process renders chunks too and reads the workers'
chunks for them, so the workers never load SQLAlchemy. With ``reader`` (the GUI) the caller
reads every chunk through its own open database and the workers only render: no other process
opens the database of a running app (see ``store/wal_guard.py`` for why that matters).

* ``split=True``: one file per employee, ``<NIP>_<nama>_<jenis>_<periode>.pdf``, written by the
  worker, so the first files exist long before the last is made.
* ``split=False``: each chunk becomes one PDF part (documents start on odd pages, the part is
  padded to an even length); parts are joined in order into one file at the end.

:func:`iter_batch` yields a :class:`BatchEvent` per finished chunk (progress, the documents
and failures in it); :func:`run_batch` drives it to the end. A cancel callback is checked
between chunks; a failing employee is listed and the rest is still printed.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import re
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path

from kinerja_desktop.documents.page_setup import PageSetup
from kinerja_desktop.documents.render import DocumentFailure
from kinerja_desktop.documents.sheet_data import BlankKind

__all__ = [
    "BatchEvent",
    "BatchItem",
    "BatchResult",
    "BatchSpec",
    "Person",
    "file_name",
    "iter_batch",
    "run_batch",
]

log = logging.getLogger(__name__)

KIND_FILE_LABEL = {"skp": "SKP", "evaluasi": "Evaluasi", "dokumen-evaluasi": "DokumenEvaluasi", "blank": "Blanko"}


@dataclass(frozen=True, slots=True)
class Person:
    """Whom to print (for file names): employee id, NIP and name."""

    employee_id: str
    nip: str
    nama: str


@dataclass(frozen=True, slots=True)
class BatchSpec:
    """What to print for every person of the batch."""

    kind: str  # "skp" | "evaluasi" | "dokumen-evaluasi" | "blank"
    year: int
    period: str = "TAHUNAN"
    setup: PageSetup = field(default_factory=PageSetup)
    duplex: bool = True
    blank_form: BlankKind = BlankKind.SKP


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One finished document: its file (split) or its place in the combined file."""

    employee_id: str
    doc_id: str
    title: str
    page_count: int
    path: Path | None = None
    part: int = 0
    first_page: int = 0


@dataclass(frozen=True, slots=True)
class BatchEvent:
    """Progress after a chunk: ``done`` of ``total`` employees handled."""

    done: int
    total: int
    items: tuple[BatchItem, ...] = ()
    failures: tuple[DocumentFailure, ...] = ()
    warnings: tuple[str, ...] = ()
    part: Path | None = None  # combined mode: the chunk's PDF, ready to preview
    pages: int = 0  # pages made in this chunk (the part's page count in combined mode)


@dataclass
class BatchResult:
    files: list[Path] = field(default_factory=list)
    documents: list[BatchItem] = field(default_factory=list)
    failures: list[DocumentFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    cancelled: bool = False


def _safe(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r'[\\/:*?"<>|,;]+', " ", text)
    text = "_".join(text.split())
    return text.strip("._") or "x"


def file_name(person: Person, kind: str, period: str, *, blank_form: BlankKind | None = None) -> str:
    """``<NIP>_<nama>_<jenis>_<periode>.pdf`` (``TANPA-NIP-xxxxxxxx`` when there is no NIP)."""
    nip = person.nip or f"TANPA-NIP-{person.employee_id[:8]}"
    label = KIND_FILE_LABEL.get(kind, kind)
    if kind == "blank" and blank_form is not None:
        label = f"Blanko{KIND_FILE_LABEL.get(blank_form.value.lower().replace('_', '-'), blank_form.value)}"
    return f"{_safe(nip)}_{_safe(person.nama)}_{label}_{_safe(period)}.pdf"


# ---------------------------------------------------------------------- worker side


@dataclass(frozen=True, slots=True)
class _Task:
    index: int
    db_url: str
    spec: BatchSpec
    people: tuple[Person, ...]
    out_dir: str
    split: bool
    last: bool = False  # the last part of a combined file needs no duplex padding
    # Read by the caller (``here`` mode): the worker then needs no database, so no SQLAlchemy.
    loaded: tuple[tuple[Person, object], ...] | None = None
    load_failures: tuple[DocumentFailure, ...] = ()


@dataclass(frozen=True, slots=True)
class _TaskResult:
    index: int
    items: tuple[BatchItem, ...]
    failures: tuple[DocumentFailure, ...]
    warnings: tuple[str, ...]
    part: str | None
    pages: int


_WORKER: dict[str, object] = {}


def _loader(db_url: str):  # type: ignore[no-untyped-def]
    """One database connection and loader per worker process (reused across its chunks)."""
    from kinerja_desktop.documents.loader import SheetLoader
    from kinerja_desktop.store.db import open_database

    if _WORKER.get("url") != db_url:
        _WORKER["loader"] = SheetLoader(open_database(db_url, migrate=False))
        _WORKER["url"] = db_url
    return _WORKER["loader"]


def _warm_up(load: bool = True) -> None:
    """Import and register fonts before the first chunk arrives (in parallel across workers);
    the loader (and with it SQLAlchemy, ~0.3 s) only for workers that read the database."""
    from kinerja_desktop.documents import render  # noqa: F401
    from kinerja_desktop.documents.library_internals import install_pdf_streams
    from kinerja_desktop.documents.page_setup import register_fonts

    if load:
        from kinerja_desktop.documents import loader  # noqa: F401
    install_pdf_streams(*register_fonts())


def _ready() -> None:
    """A no-op task: submitting it makes the pool start its processes."""


def _sheets(task: _Task, reader: object | None = None) -> list[object]:
    from kinerja_desktop.documents.loader import LoadFailure

    loader = reader or _loader(task.db_url)
    spec = task.spec
    ids = [p.employee_id for p in task.people]
    if spec.kind == "blank":
        out: list[object] = []
        for eid in ids:
            try:
                period = spec.period if spec.blank_form is not BlankKind.SKP else None  # an SKP form is for the year
                out.append(loader.blank(spec.blank_form, employee_id=eid, year=spec.year, period=period))
            except Exception as exc:  # noqa: BLE001
                out.append(LoadFailure(eid, eid, str(exc)))
        return out
    return list(loader.load(spec.kind, ids, spec.year, spec.period))


def _load(task: _Task, reader: object | None = None) -> _Task:
    """The task with its sheets read (pairs of person and sheet) and the people that failed."""
    from kinerja_desktop.documents.loader import LoadFailure

    loaded = _sheets(task, reader)
    failures = tuple(DocumentFailure(x.doc_id, x.message) for x in loaded if isinstance(x, LoadFailure))
    pairs = tuple((p, x) for p, x in zip(task.people, loaded, strict=True) if not isinstance(x, LoadFailure))
    return replace(task, loaded=pairs, load_failures=failures)


def _run_task(task: _Task, reader: object | None = None) -> _TaskResult:
    from kinerja_desktop.documents.render import RenderError, render, render_combined

    spec = task.spec
    if task.loaded is None:
        task = _load(task, reader)
    pairs = list(task.loaded or ())
    failures = list(task.load_failures)
    items: list[BatchItem] = []
    warnings: list[str] = []
    out_dir = Path(task.out_dir)
    if task.split:
        pages = 0
        for person, sheet in pairs:
            try:
                doc = render(sheet, spec.setup)  # type: ignore[arg-type]
            except RenderError as exc:
                failures.append(DocumentFailure(sheet.doc_id, str(exc)))  # type: ignore[attr-defined]
                continue
            path = out_dir / file_name(person, spec.kind, spec.period, blank_form=spec.blank_form)
            path.write_bytes(doc.pdf)
            warnings += doc.warnings
            pages += doc.page_count
            items.append(BatchItem(person.employee_id, doc.doc_id, doc.title, doc.page_count, path))
        return _TaskResult(task.index, tuple(items), tuple(failures), tuple(dict.fromkeys(warnings)), None, pages)
    sheets = [x for _, x in pairs]
    combined = render_combined(sheets, spec.setup, duplex=spec.duplex, pad_even=spec.duplex and not task.last)  # type: ignore[arg-type]
    failures += combined.failures
    part = None
    if combined.pdf:
        part_path = out_dir / f".kinerja-part-{os.getpid()}-{task.index:05d}.pdf"
        part_path.write_bytes(combined.pdf)
        part = str(part_path)
    by_doc = {x.doc_id: p for p, x in pairs}  # type: ignore[attr-defined]
    for d in combined.documents:
        person = by_doc[d.doc_id]
        items.append(BatchItem(person.employee_id, d.doc_id, d.title, d.page_count, None, task.index, d.first_page))
    return _TaskResult(task.index, tuple(items), tuple(failures), tuple(combined.warnings), part, combined.page_count)


# ---------------------------------------------------------------------- main side


MAX_CHUNK = 20


def _chunks(n: int, workers: int) -> list[tuple[int, int]]:
    """(start, stop) of each chunk: at most MAX_CHUNK, shrinking towards the end ("guided").

    Small chunks at the end keep the workers finishing together (a 20-sheet chunk is ~0.3 s of
    one core); large ones before that keep the per-chunk overhead low. One worker has nobody to
    wait for: its chunks keep one size, a sixth of the batch up to MAX_CHUNK, so results stream.
    """
    out = []
    start = 0
    share = workers * 4
    even = max(1, min(MAX_CHUNK, -(-n // 6)))  # one worker: a steady size, small enough to stream
    while start < n:
        size = max(1, min(MAX_CHUNK, -(-(n - start) // share))) if workers > 1 else even
        out.append((start, min(n, start + size)))
        start += size
    return out


def iter_batch(
    db_url: str,
    spec: BatchSpec,
    people: Sequence[Person],
    out_dir: Path,
    *,
    split: bool,
    workers: int = 2,
    here: bool = False,
    cancel: Callable[[], bool] | None = None,
    mp_context: str = "spawn",
    reader: object | None = None,
) -> Iterator[BatchEvent]:
    """Render ``people``'s sheets; yields a :class:`BatchEvent` as each chunk finishes.

    ``workers`` is how many processes render: worker processes, or with ``here`` this process
    plus ``workers - 1`` worker processes (for a caller with nothing else to do, such as the
    command line: no worker start-up for one core, one less for two). ``workers=0`` renders in
    this process only (small jobs, tests). Events arrive in completion order; in combined mode
    :attr:`BatchEvent.part` names the chunk's PDF (joined later by :func:`join_parts` in chunk
    order, see :attr:`BatchItem.part`). ``reader`` (a ``SheetLoader`` of the caller's open database)
    reads every chunk in this process, so the worker processes never open the database.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    bounds = _chunks(len(people), workers)
    queue = deque(
        _Task(i, db_url, spec, tuple(people[a:b]), str(out_dir), split, last=i == len(bounds) - 1)
        for i, (a, b) in enumerate(bounds)
    )
    total = len(people)
    done = 0

    def event(task: _Task, result: _TaskResult) -> BatchEvent:
        nonlocal done
        done += len(task.people)
        part = Path(result.part) if result.part else None
        return BatchEvent(done, total, result.items, result.failures, result.warnings, part, result.pages)

    processes = min(workers - 1 if here else workers, len(queue) - 1 if here else len(queue))
    if workers <= 0 or processes <= 0 or len(queue) == 1:
        while queue:
            if cancel and cancel():
                return
            task = queue.popleft()
            yield event(task, _run_task(task, reader))
        return
    ctx = multiprocessing.get_context(mp_context)
    # With ``here`` this process reads each chunk before handing it over (it has the database
    # open and warm anyway), so the workers start without SQLAlchemy: ready in 0.3 s instead of 0.7 s.
    reads_here = here or reader is not None
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=ctx, initializer=_warm_up,
                               initargs=(not reads_here,))
    pending: dict[Future[_TaskResult], _Task] = {}
    pool.submit(_ready)  # start the workers now, while this process reads their first chunks

    def feed() -> None:
        # Four chunks in flight per process keep it busy while this process renders a chunk of
        # its own (the chunks shrink towards the end, so what is queued then is small); the rest
        # stays here, for this process (with ``here``) or for whichever process frees up first.
        while queue and len(pending) < 4 * processes:
            task = queue.popleft()
            work = task
            if reads_here:
                try:
                    work = _load(task, reader)
                except Exception as exc:  # noqa: BLE001 - the worker reads it itself and lists what fails
                    log.exception("reading chunk %d failed here", task.index)
                    if reader is not None:  # workers must not open the database: list the chunk as failed
                        work = replace(task, loaded=(), load_failures=tuple(
                            DocumentFailure(p.nip or p.employee_id, f"{p.nama}: gagal dibaca ({type(exc).__name__})")
                            for p in task.people))
            pending[pool.submit(_run_task, work)] = task

    def collect(finished: set[Future[_TaskResult]]) -> Iterator[BatchEvent]:
        for fut in finished:
            task = pending.pop(fut)
            try:
                result = fut.result()
            except Exception as exc:  # noqa: BLE001 - a crashed chunk is listed, the rest continues
                failures = tuple(
                    DocumentFailure(p.nip or p.employee_id, f"{p.nama}: gagal dicetak ({exc})") for p in task.people
                )
                result = _TaskResult(task.index, (), failures, (), None, 0)
            yield event(task, result)

    finished_all = False
    try:
        feed()
        while pending or queue:
            if cancel and cancel():
                return
            if here and queue:
                task = queue.popleft()
                yield event(task, _run_task(task, reader))
                finished = {f for f in pending if f.done()}
            else:
                finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            yield from collect(finished)
            feed()
        finished_all = True
    finally:
        # After a cancel or an error, wait for the running chunks so no file appears later. When
        # every chunk is in, the workers' own exit (~0.25 s) need not hold the caller up.
        pool.shutdown(wait=not finished_all, cancel_futures=True)


def pdf_date(moment: dt.datetime) -> str:
    """``D:YYYYMMDDHHmmSS+HH'mm'`` (ISO 32000 7.9.4) of an aware datetime."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def join_parts(
    parts: Sequence[Path],
    target: Path,
    *,
    title: str,
    author: str,
    keywords: str,
    subject: str,
    documents: Sequence[str] = (),
) -> int:
    """Join chunk PDFs (in the given order) into ``target``; returns the page count.

    ``documents`` (the document ids in the file) goes under ``/KinerjaDocuments``: ``kinerja sign``
    reads it to refuse a combined file with a sentence saying how to print a signable one.
    """
    import json

    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    now = pdf_date(dt.datetime.now().astimezone())
    writer.add_metadata(
        {
            "/Title": title,
            "/Author": author,
            "/Subject": subject,
            "/Keywords": keywords,
            "/Creator": "Kinerja Desktop",
            "/CreationDate": now,
            "/ModDate": now,
            "/KinerjaDocuments": json.dumps(list(documents), separators=(",", ":")),
        }
    )
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("wb") as fh:
        writer.write(fh)
    tmp.replace(target)
    return len(writer.pages)


def run_batch(
    db_url: str,
    spec: BatchSpec,
    people: Sequence[Person],
    out: Path,
    *,
    split: bool,
    workers: int = 2,
    here: bool = False,
    on_event: Callable[[BatchEvent], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    title: str = "",
    author: str = "",
    mp_context: str = "spawn",
    reader: object | None = None,
) -> BatchResult:
    """Print a batch to ``out`` (a folder with ``split``, else one PDF file); see :func:`iter_batch`."""
    started = time.perf_counter()
    result = BatchResult()
    out_dir = out if split else out.parent
    parts: dict[int, Path] = {}
    part_pages: dict[int, int] = {}
    for ev in iter_batch(
        db_url, spec, people, out_dir, split=split, workers=workers, here=here, cancel=cancel, mp_context=mp_context,
        reader=reader,
    ):
        result.documents += ev.items
        result.failures += ev.failures
        result.warnings += [w for w in ev.warnings if w not in result.warnings]
        if split:
            result.files += [i.path for i in ev.items if i.path is not None]
            result.pages += sum(i.page_count for i in ev.items)
        elif ev.part is not None and ev.items:
            parts[ev.items[0].part] = ev.part
            part_pages[ev.items[0].part] = ev.pages
        if on_event is not None:
            on_event(ev)
    cancelled = bool(cancel and cancel())
    result.cancelled = cancelled
    if not split:
        ordered = [parts[i] for i in sorted(parts)]
        try:
            if ordered and not cancelled:
                nips = [f"NIP {p.nip}" for p in people if p.nip][:50]
                result.pages = join_parts(
                    ordered,
                    out,
                    title=title or f"Cetak massal: {len(result.documents)} dokumen",
                    author=author,
                    subject=f"{spec.kind} {spec.year} {spec.period}",
                    keywords=", ".join([spec.kind, f"Tahun {spec.year}", f"Periode {spec.period}", *nips]),
                    documents=[d.doc_id for d in sorted(result.documents, key=lambda d: (d.part, d.first_page))],
                )
                result.files = [out]
        finally:
            for part in ordered:
                part.unlink(missing_ok=True)
        # place documents in the joined file
        offsets: dict[int, int] = {}
        page = 0
        for index in sorted(parts):
            offsets[index] = page
            page += part_pages[index]
        result.documents = sorted(
            (
                BatchItem(
                    d.employee_id, d.doc_id, d.title, d.page_count, out, d.part, offsets.get(d.part, 0) + d.first_page
                )
                for d in result.documents
            ),
            key=lambda d: d.first_page,
        )
    result.seconds = time.perf_counter() - started
    return result
