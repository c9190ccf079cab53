"""A print request from the GUI and the background function that carries it out.

:func:`run_print_job` runs in a worker thread (``window.tasks.start``); the batch itself runs on
worker processes (:mod:`kinerja_desktop.documents.batch`). Progress goes to the status bar and
the task's cancel button stops the batch between chunks.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kinerja_desktop.documents.page_setup import PageSetup, Paper

__all__ = ["KIND_LABELS", "PrintOutcome", "PrintRequest", "run_print_job"]

KIND_LABELS = {
    "skp": QT_TRANSLATE_NOOP("print_job", "Sasaran Kinerja Pegawai (SKP)"),
    "evaluasi": QT_TRANSLATE_NOOP("print_job", "Evaluasi Kinerja Pegawai"),
    "dokumen-evaluasi": QT_TRANSLATE_NOOP("print_job", "Dokumen Evaluasi Kinerja Pegawai"),
    "penetapan": QT_TRANSLATE_NOOP("print_job", "Penetapan Predikat Kinerja (unit)"),
    "blank": QT_TRANSLATE_NOOP("print_job", "Blanko (formulir kosong)"),
}
BLANK_FORMS = {"skp": "SKP", "evaluasi": "EVALUASI", "dokumen-evaluasi": "DOKUMEN_EVALUASI"}


@dataclass(frozen=True)
class PrintRequest:
    """What to print and where.

    ``mode``: ``"preview"`` (a temporary combined PDF, shown for printing), ``"file"`` (one combined
    PDF at ``out``) or ``"folder"`` (one PDF per employee in ``out``).
    """

    kind: str
    year: int
    period: str = "TAHUNAN"
    employee_ids: tuple[str, ...] = ()
    unit_id: str | None = None
    recursive: bool = False
    paper: Paper = Paper.A4
    duplex: bool = True
    mode: str = "preview"
    out: Path | None = None
    blank_form: str = "skp"
    workers: int = 2


@dataclass
class PrintOutcome:
    path: Path | None = None  # the combined PDF (preview/file) or the folder
    documents: int = 0
    pages: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        text = QCoreApplication.translate("PrintOutcome", "{0} dokumen ({1} halaman) siap").format(
                                                              self.documents, self.pages)
        if self.path is not None:
            text += f": {self.path}"
        if self.failures:
            text += QCoreApplication.translate("PrintOutcome", "; {0} gagal").format(len(self.failures))
        return text + "."


def _target_file(request: PrintRequest, name: str) -> Path:
    if request.mode == "preview" or request.out is None:
        return Path(tempfile.mkdtemp(prefix="kinerja-cetak-")) / name
    return request.out


def _single(request: PrintRequest, sheet: Any, name: str) -> PrintOutcome:
    from kinerja_desktop.documents.render import render

    doc = render(sheet, PageSetup(paper=request.paper))
    target = _target_file(request, name)
    if request.mode == "folder":
        target = (request.out or target.parent) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(doc.pdf)
    return PrintOutcome(target, 1, doc.page_count, [], list(doc.warnings))


def run_print_job(ctx: Any, db: Any, user: Any, request: PrintRequest) -> PrintOutcome:
    """Worker-thread body: resolve, authorise, print; returns what was made."""
    from kinerja_desktop.documents.batch import BatchSpec, Person, run_batch
    from kinerja_desktop.documents.loader import SheetLoader
    from kinerja_desktop.documents.print_scope import authorize, authorize_unit, resolve_employees
    from kinerja_desktop.documents.sheet_data import BlankKind
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.store.models import Unit

    setup = PageSetup(paper=request.paper)
    if request.kind == "penetapan":
        if not request.unit_id:
            raise ValidationError(QCoreApplication.translate("print_job", "Penetapan predikat kinerja dicetak per "
                                                                          "unit: pilih unit kerja."))
        authorize_unit(user)
        ctx.progress(0, 0, QCoreApplication.translate("print_job", "Menyusun penetapan"))
        sheet = SheetLoader(db).penetapan(request.unit_id, request.year, request.period, recursive=request.recursive)
        return _single(request, sheet, f"Penetapan_{sheet.unit_code}_{request.period}_{request.year}.pdf")
    if request.kind == "blank" and not request.employee_ids and not request.unit_id:
        sheet = SheetLoader(db).blank(BlankKind(BLANK_FORMS[request.blank_form]), year=request.year)
        return _single(request, sheet, f"Blanko_{request.blank_form}.pdf")
    unit_code = None
    if request.unit_id:
        with db.reader() as s:
            unit = s.get(Unit, request.unit_id)
            unit_code = unit.code if unit is not None else None
    targets = resolve_employees(
        db, employee_ids=list(request.employee_ids), unit_code=unit_code, recursive=request.recursive
    )
    allowed, denied = authorize(db, user, targets, request.year)
    failures = [f"{d.target.nama}: {d.message}" for d in denied]
    if not allowed:
        return PrintOutcome(None, 0, 0, failures or [QCoreApplication.translate("print_job",
            "Tidak ada pegawai yang dapat dicetak.")])
    spec = BatchSpec(
        request.kind,
        request.year,
        request.period,
        setup,
        duplex=request.duplex,
        blank_form=BlankKind(BLANK_FORMS[request.blank_form]),
    )
    people = [Person(t.employee_id, t.nip, t.nama) for t in allowed]
    split = request.mode == "folder"
    out = request.out if split and request.out else _target_file(request, f"Cetak_{request.kind}_{request.period}.pdf")
    ctx.progress(0, len(people), QCoreApplication.translate("print_job", "Mencetak"))
    done = {"n": 0}

    def on_event(ev: Any) -> None:
        done["n"] = ev.done
        label = QCoreApplication.translate("print_job", "Mencetak {0}/{1}").format(ev.done, ev.total)
        ctx.progress(ev.done, ev.total, label)

    result = run_batch(
        db.url,
        spec,
        people,
        out,
        split=split,
        workers=request.workers if len(people) > 2 else 0,
        on_event=on_event,
        cancel=lambda: ctx.cancelled,
    )
    if result.cancelled:
        from kinerja_desktop.ui.workers import Cancelled

        raise Cancelled
    failures += [f"{f.doc_id}: {f.message}" for f in result.failures]
    path = out if result.documents else None
    return PrintOutcome(path, len(result.documents), result.pages, failures, result.warnings, result.seconds)
